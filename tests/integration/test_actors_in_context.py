"""Actors resolved from the article around them: pronouns, places, joint acts,
office titles in undated articles. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def _on(events, trigger):
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.trigger, e.cameo_code) for e in events]
    return found[0]


def test_he_and_it_take_the_actor_named_just_before(code_text):
    _, events = code_text(
        "Iranian Foreign Minister Mohammad Javad Zarif arrived in Baghdad on Monday. "
        "He criticized Saudi Arabia. Turkey hosted the talks. It also accused Syria of "
        "shelling the border."
    )
    he = _on(events, "criticized").sources[0]
    assert (he.text, he.country, he.basis) == ("He", "IRN", "antecedent")
    it = _on(events, "accused").sources[0]
    assert (it.text, it.country, it.basis) == ("It", "TUR", "antecedent")


def test_pronouns_far_from_any_actor_stay_unresolved(code_text):
    _, events = code_text("It was a quiet week. Nothing moved. It accused Syria of shelling.")
    assert all(not e.sources or e.sources[0].text != "It" for e in events)


def test_country_of_the_place_fills_a_bare_sector(code_text):
    _, events = code_text("Police in Ghana arrested twelve protesters in Accra on Friday.")
    police = _on(events, "arrested").sources[0]
    assert (police.country, police.sector, police.cameo) == ("GHA", "COP", "GHACOP")


def test_place_is_the_target_when_none_is_named(code_text):
    _, events = code_text("Danish activists staged a protest in Beijing on Wednesday.")
    targets = [t for e in events for t in e.targets if t.basis == "location"]
    assert targets and targets[0].country == "CHN"


def test_joint_meeting_codes_each_party_as_the_others_target(code_text):
    _, events = code_text("Chile, Peru and Bolivia met in Lima on Tuesday.")
    met = _on(events, "met")
    assert {a.country for a in met.sources} == {"CHL", "PER", "BOL"}
    assert {a.country for a in met.targets} == {"CHL", "PER", "BOL"}
    assert {a.basis for a in met.targets} == {"reciprocal"}


def test_undated_article_gives_a_named_office_to_every_mention(code_text):
    _, events = code_text(
        "Obama warned Syria against using chemical weapons. "
        "President Obama later met Turkish officials in Ankara.",
        published=None,
    )
    obama = [a for e in events for a in e.sources if a.actor_id == "barack_obama"]
    assert len(obama) >= 2
    assert {(a.country, a.sector) for a in obama} == {("USA", "GOV")}


def test_pronoun_subject_of_what_someone_says_is_the_speaker(code_text):
    _, events = code_text("Norway said on Monday that it had expelled two Russian diplomats.")
    expelled = _on(events, "expelled")
    (it,) = expelled.sources
    assert (it.text, it.country, it.basis) == ("it", "NOR", "antecedent")
    assert {t.country for t in expelled.targets} == {"RUS"}


def test_a_bare_sector_object_gives_way_to_a_named_party(code_text):
    _, events = code_text("Ecuador will boycott all official contact with Colombia.")
    boycott = _on(events, "boycott")
    assert [t.country for t in boycott.targets] == ["COL"]


def test_their_forces_belong_to_the_speaker(code_text):
    _, events = code_text("Armenians said on Tuesday their forces had completed the withdrawal.")
    (forces,) = _on(events, "completed").sources
    assert (forces.country, forces.sector, forces.basis) == ("ARM", "MIL", "antecedent")


def test_listed_countries_read_as_apposition_are_all_parties(code_text):
    _, events = code_text("The US, Russia, and Switzerland met yesterday.")
    met = _on(events, "met")
    assert {a.country for a in met.sources} == {"USA", "RUS", "CHE"}


def test_a_name_split_by_the_parser_is_resolved_whole(code_text):
    _, events = code_text("Barack Obama and Vladimir Putin will meet in Zurich.", published=None)
    meet = _on(events, "meet")
    assert {a.text for a in meet.sources} == {"Barack Obama", "Vladimir Putin"}
    assert {a.country for a in meet.sources} == {"USA", "RUS"}


def test_subject_of_a_passive_raising_verb_acts_in_its_complement(code_text):
    _, events = code_text("Obama is scheduled to attend a summit in Geneva.")
    attend = _on(events, "attend")
    assert [a.actor_id for a in attend.sources] == ["barack_obama"]


def test_whose_proposal_was_rejected_is_the_target(code_text):
    _, events = code_text("Rebels on Friday rejected a Senegalese peace plan.")
    rejected = _on(events, "rejected")
    assert [t.country for t in rejected.targets] == ["SEN"]


def test_a_reporters_location_is_not_the_event_country(code_text):
    _, events = code_text(
        "Rebels shelled the town for the first time in a year, officials in Nairobi said."
    )
    shelled = _on(events, "shelled")
    assert all(a.country != "KEN" for a in (*shelled.sources, *shelled.targets))


def test_the_party_a_threat_is_conditioned_on_is_its_target(code_text):
    _, events = code_text("Peru threatened to close the border unless Bolivia paid its debts.")
    threatened = _on(events, "threatened")
    assert [t.country for t in threatened.targets] == ["BOL"]


def test_whose_decision_is_protested_is_the_target(code_text):
    _, events = code_text("Farmers marched to protest against Norway's decision on quotas.")
    assert "NOR" in {t.country for e in events for t in e.targets}


def test_dative_to_names_the_recipient(code_text):
    _, events = code_text("Kenya will provide support to Uganda.")
    assert [t.country for t in _on(events, "provide").targets] == ["UGA"]
    _, events = code_text("Oman said it would not provide support to Yemen.")
    assert [t.country for t in _on(events, "provide").targets] == ["YEM"]


def test_according_to_is_attribution_not_an_event(code_text):
    _, events = code_text("Chile shelled the border town, according to the Peruvian government.")
    assert all(e.trigger.lower() != "according" for e in events)


def test_coordinated_country_modifiers_are_separate_parties(code_text):
    _, events = code_text("U.S. and Russian negotiators met in Geneva this week.")
    assert {a.country for a in _on(events, "met").sources} == {"USA", "RUS"}


def test_officials_from_a_country_belong_to_it(code_text):
    _, events = code_text("Officials from Ghana criticized the new tariffs imposed by Togo.")
    assert [a.country for a in _on(events, "criticized").sources] == ["GHA"]


def test_whoever_a_demand_is_put_to_is_its_target(code_text):
    _, events = code_text(
        "Amnesty International demanded that the Nigerien government free the journalists."
    )
    demanded = _on(events, "demanded")
    assert [t.country for t in demanded.targets] == ["NER"]


def test_targets_hang_on_passive_subjects_and_prepositional_objects(code_text):
    _, events = code_text("Evidence against Belarus was presented by Lithuania.")
    assert "BLR" in {t.country for e in events for t in e.targets}
    _, events = code_text("Mongolia expressed appreciation for Japan's assistance.")
    assert "JPN" in {t.country for e in events for t in e.targets}


def test_x_led_forces_are_xs_and_the_participle_is_no_event(code_text):
    _, events = code_text("The Saudi-led coalition bombed the port of Hodeidah.")
    assert all(e.trigger != "led" for e in events)
    bombed = _on(events, "bombed")
    assert [a.country for a in bombed.sources] == ["SAU"]


def test_the_one_country_a_sentence_names_fills_a_bare_sector(code_text):
    _, events = code_text(
        "The prosecutor opened an inquiry into 14 Peruvian army officers on Tuesday."
    )
    ev = _on(events, "opened")
    assert (ev.sources[0].country, ev.sources[0].basis) == ("PER", "context")
    assert ev.targets[0].country == "PER"


def test_no_sentence_country_for_a_state_party_or_foreign_nationals(code_text):
    _, events = code_text("The government thanked Norway for its help.")
    assert _on(events, "thanked").sources[0].country is None
    _, events = code_text("A court jailed two Danish tourists for three years.")
    assert _on(events, "jailed").sources[0].country is None


def test_a_reporters_country_does_not_fill_a_bare_sector(code_text):
    _, events = code_text("Rebels shelled the town overnight, Kenyan officials said.")
    assert _on(events, "shelled").sources[0].country is None


def test_for_names_the_target_when_nothing_else_does(code_text):
    _, events = code_text("A judge issued arrest warrants for three Bolivian ministers.")
    ev = _on(events, "issued")
    assert [t.country for t in ev.targets] == ["BOL"]
    _, events = code_text("Polish volunteers fought for Finland in 1940.")
    assert all("FIN" not in {t.country for t in e.targets} for e in events)


def test_whom_a_subject_wants_something_of_is_the_target(code_text):
    _, events = code_text("The Turkish president wants Syria to attack the rebels.")
    (wants,) = _on_all(events, "wants")
    assert {t.country for t in wants.targets} == {"SYR"}


def _on_all(events, trigger):
    return [e for e in events if e.trigger == trigger]


def test_where_an_actor_is_from_gives_its_country(code_text):
    _, events = code_text("A charity worker from Winnipeg was detained in Egypt.")
    ev = _on(events, "detained")
    assert [t.country for t in ev.targets] == ["CAN"]
    _, events = code_text("A militia based in Benghazi attacked the oil terminal.")
    assert _on(events, "attacked").sources[0].country == "LBY"


def test_a_people_of_a_countrys_region_live_there(code_text):
    _, events = code_text("The Kurds of northern Syria accused Turkey of shelling their towns.")
    assert _on(events, "accused").sources[0].country == "SYR"
    _, events = code_text("The Albanians of the ruling coalition accused Serbia of lying.")
    assert _on(events, "accused").sources[0].country == "ALB"


def test_a_countrys_city_is_a_place_in_that_country(code_text):
    _, events = code_text("Gunmen stormed a hotel in Mali's capital on Friday.")
    ev = _on(events, "stormed")
    assert ev.place is not None and ev.place.country == "MLI"


def test_a_place_inside_a_subordinate_clause_is_not_the_main_events(code_text):
    _, events = code_text(
        "Chile lifted the curfew on Monday, as police in Argentina arrested dozens of strikers."
    )
    lifted = _on(events, "lifted")
    assert lifted.place is None or lifted.place.country != "ARG"
    assert "ARG" not in {t.country for t in lifted.targets}


def test_an_igo_target_is_not_replaced_by_the_place(code_text):
    _, events = code_text("Russia vetoed a Security Council resolution at a meeting in New York.")
    ev = _on(events, "vetoed")
    assert [t.cameo for t in ev.targets] == ["IGOUNO"]


def test_parties_between_whom_a_mediation_is_launched_are_targets(code_text):
    _, events = code_text(
        "Norway launched a mediation effort on Tuesday between Colombia and Venezuela."
    )
    ev = _on(events, "launched")
    assert {t.country for t in ev.targets} == {"COL", "VEN"}


def test_whom_a_demand_noun_or_a_statement_asks_is_the_target(code_text):
    _, events = code_text("Teachers renewed their demands that the Kenyan government raise wages.")
    assert {t.country for t in _on(events, "demands").targets} == {"KEN"}
    _, events = code_text("Hamas issued a statement demanding that Egypt open the Rafah crossing.")
    ev = _on(events, "demanding")
    assert ev.sources[0].text == "Hamas"
    assert {t.country for t in ev.targets} == {"EGY"}


def test_subjects_engaged_in_an_act_do_it(code_text):
    _, events = code_text("Sudanese troops were engaged in heavy fighting against Chadian rebels.")
    ev = _on(events, "engaged")
    assert ev.sources[0].country == "SDN"
    assert "SDN" not in {t.country for t in ev.targets}


def test_what_coordinated_weapons_are_fired_against_is_the_target(code_text):
    _, events = code_text(
        "Ethiopian troops launched mortar and rocket fire against Eritrean positions."
    )
    ev = _on(events, "launched")
    assert {t.country for t in ev.targets} == {"ERI"}


def test_what_a_suspension_is_with_names_its_target(code_text):
    _, events = code_text("Canada announced a suspension of trade talks with India on Monday.")
    ev = _on(events, "suspension")
    assert (ev.sources[0].country, ev.plover_type) == ("CAN", "SANCTION")
    assert {t.country for t in ev.targets} == {"IND"}


def test_who_holds_a_protest_is_the_target_of_acts_against_it(code_text):
    _, events = code_text("Riot police broke up a rally by opposition supporters in Harare.")
    ev = _on(events, "broke")
    assert [t.cameo for t in ev.targets] == ["ZWEOPP"]
    _, events = code_text("Police dispersed the demonstration staged by Bolivian miners.")
    ev = _on(events, "dispersed")
    assert [t.country for t in ev.targets] == ["BOL"]


def test_who_hosts_a_meeting_between_parties_acts_towards_them(code_text):
    _, events = code_text("Norway hosted a meeting between Colombia and Venezuela on Monday.")
    (ev,) = [e for e in events if e.trigger in ("hosted", "meeting")]
    assert [s.country for s in ev.sources] == ["NOR"]
    assert {t.country for t in ev.targets} == {"COL", "VEN"}


def test_quoted_as_saying_he_is_the_one_quoted(code_text):
    _, events = code_text(
        "President Kagame of Rwanda was quoted as saying he would send troops to Mozambique."
    )
    send = _on(events, "send")
    assert send.sources[0].country == "RWA"


def test_a_person_named_with_a_country_is_not_a_namesake_elsewhere(code_text):
    _, events = code_text("King Hassan of Morocco met the Spanish foreign minister.")
    assert _on(events, "met").sources[0].country == "MAR"


@pytest.mark.parametrize(
    ("text", "trigger", "iso3"),
    [
        ("Egyptian police detained dozens of students outside the university.", "detained", "EGY"),
        ("A Kenyan court sentenced three journalists to prison on Monday.", "sentenced", "KEN"),
    ],
)
def test_police_and_courts_act_on_residents_of_their_own_country(code_text, text, trigger, iso3):
    _, events = code_text(text)
    ev = _on(events, trigger)
    assert [t.country for t in ev.targets] == [iso3]
    assert ev.targets[0].basis == "context"


def test_an_army_gives_no_country_to_those_it_acts_on(code_text):
    # Two countries named: only the police's own country is implied; armies fight abroad.
    text = "Russian {} detained dozens of civilians near the Ukrainian border."
    _, events = code_text(text.format("police"))
    assert [t.country for t in _on(events, "detained").targets] == ["RUS"]
    _, events = code_text(text.format("troops"))
    assert [t.country for t in _on(events, "detained").targets] == [None]


def test_a_people_named_in_the_target_keeps_it_from_the_polices_country(code_text):
    _, events = code_text("Turkish police detained Kurdish students on Monday.")
    assert all(t.country != "TUR" for t in _on(events, "detained").targets)


def test_a_prison_sentenced_to_is_not_a_party(code_text):
    _, events = code_text("A Kenyan court sentenced three journalists to prison on Monday.")
    assert [t.sector for t in _on(events, "sentenced").targets] == ["JRN"]


def test_whose_pressure_an_act_defies_is_its_target(code_text):
    _, events = code_text(
        "The Zambian health minister refused to resign despite mounting pressure from "
        "the Law Association of Zambia."
    )
    ev = _on(events, "resign")
    assert ev.plover_type == "REJECT"
    assert [t.country for t in ev.targets] == ["ZMB"]


def test_a_former_president_is_found_by_the_office_he_left(code_text):
    _, events = code_text(
        "A Buenos Aires prosecutor summoned former president Raul Alfonsin for questioning.",
        published=date(1995, 3, 1),
    )
    ev = _on(events, "summoned")
    assert [(t.country, t.sector) for t in ev.targets] == [("ARG", "ELI")]
