"""Promised, forecast and refused acts, and events that are only another's content.

Sentences written for this test (not from any corpus).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _on(events, word):
    return [e for e in events if e.trigger.lower() == word.lower()]


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "cameo_root"),
    [
        ("Norway will send food aid to Yemen next month.", "send", "AGREE", "07"),
        ("The Kenyan president will visit Ethiopia in May.", "visit", "AGREE", "04"),
        ("Rebels vowed to attack the capital, Bamako.", "attack", "THREATEN", "19"),
    ],
)
def test_intended_acts_keep_their_act_code_and_take_plover_s_type(
    code_text, text, trigger, plover, cameo_root
):
    _, events = code_text(text)
    [ev] = _on(events, trigger)
    assert ev.modality == "intended"
    assert ev.plover_type == plover
    assert ev.cameo_root == cameo_root


@pytest.mark.parametrize(
    "text",
    [
        "Chile refused to meet Peru's negotiators.",
        "Austria said it will not accept more refugees from Hungary.",
    ],
)
def test_refusals_are_asserted_rejections_coded_once(code_text, text):
    _, events = code_text(text)
    rejections = [e for e in events if e.plover_type == "REJECT"]
    assert len(rejections) == 1
    assert rejections[0].modality == "asserted"
    assert rejections[0].cameo_root == "12"


def test_a_past_negation_is_no_rejection(code_text):
    _, events = code_text("Spain did not send troops to Mali last year.")
    assert not [e for e in events if e.plover_type == "REJECT"]


def test_the_object_of_an_event_is_not_a_second_event(code_text):
    _, events = code_text("Sweden condemned the bombing of a Somali market by al-Shabaab.")
    assert [e.plover_type for e in events] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Ghana agreed to reopen its border with Togo.", ["AGREE"]),
        # An agreed release is an intended yield, which the PLOVER manual makes a
        # CONCEDE ("RETREAT + future ... do not reduce to AGREE"): the agreement
        # stays an AGREE of its own (dropping it cost the PLOVER lockbox).
        ("Ghana agreed to release the detained Togolese fishermen.", ["AGREE", "CONCEDE"]),
    ],
)
def test_agreed_to_codes_one_agreement(code_text, text, plover):
    _, events = code_text(text)
    assert [e.plover_type for e in events] == plover


def test_an_arrest_without_agent_is_by_the_police_marked_implied(code_text):
    _, events = code_text("More than forty protesters were arrested in Lagos on Monday.")
    [ev] = [e for e in events if e.cameo_code == "173"]
    [src] = ev.sources
    assert (src.sector, src.basis) == ("COP", "implied")
    assert (src.start, src.end) == (ev.trigger_start, ev.trigger_end)


def test_an_arrest_by_someone_named_is_not_implied(code_text):
    _, events = code_text("Kenyan police arrested two Somali men in Nairobi.")
    [ev] = [e for e in events if e.cameo_code == "173"]
    assert all(s.basis != "implied" for s in ev.sources)


def test_a_light_verb_codes_only_through_a_specific_pattern(code_text):
    _, events = code_text("Nigerian soldiers took the opposition leader into custody.")
    assert [e.cameo_code for e in events] == ["173"]
    _, events = code_text("The Nigerian delegation took a train to Abuja.")
    assert events == []


def test_what_a_demand_asks_for_is_not_the_act(code_text):
    _, events = code_text("Amnesty International demanded that Egypt end its curbs on the press.")
    assert [e.plover_type for e in events if e.trigger == "demanded"] == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("Turkey alleged that Syria had shelled its border villages.", "112", "SYR"),
        ("The Taliban claimed that they had attacked the Afghan army base.", "015", "AFG"),
    ],
)
def test_alleging_an_attack_accuses_and_claiming_one_s_own_claims_it(code_text, text, code, target):
    _, events = code_text(text)
    [claim] = [e for e in events if e.cameo_code == code]
    assert target in {t.country for t in claim.targets}
    # The reported attack is still coded on its own trigger.
    assert any(e.quad_class == 4 for e in events)


def test_a_passive_act_done_in_someone_s_attack_is_theirs(code_text):
    _, events = code_text("Six villagers were killed in a police firing near Patna.")
    [ev] = [e for e in events if e.trigger == "killed"]
    assert ev.plover_type == "ASSAULT"
    assert {s.sector for s in ev.sources} == {"COP"}
    _, events = code_text("Eight people were wounded in an air strike by Syrian forces in Idlib.")
    [ev] = [e for e in events if e.trigger == "wounded"]
    assert {s.country for s in ev.sources} == {"SYR"}


def test_an_arrest_stays_an_arrest_wherever_it_happens(code_text):
    _, events = code_text("Police arrested twelve workers from three areas of the city.")
    assert [e.cameo_root for e in events if e.trigger == "arrested"] == ["17"]


def test_violence_with_no_agent_named_is_kept_without_a_source(code_text):
    _, events = code_text("Three Malian soldiers were killed near Gao on Sunday.")
    [ev] = events
    assert ev.plover_type == "ASSAULT"
    assert ev.sources == ()
    assert {t.country for t in ev.targets} == {"MLI"}


def test_an_agentless_re_mention_of_violence_is_no_new_event(code_text):
    _, events = code_text(
        "Jihadist fighters attacked a Malian army base near Gao on Sunday. "
        "Three soldiers were killed."
    )
    assert [e.trigger for e in events if e.plover_type == "ASSAULT"] == ["attacked"]


def test_other_acts_with_no_agent_are_not_coded(code_text):
    _, events = code_text("A new trade agreement with Senegal was discussed on Monday.")
    assert events == []


def test_a_protest_with_no_target_is_against_the_protesters_own_country(code_text):
    _, events = code_text("Hundreds of Chilean students staged a noisy protest on Thursday.")
    [ev] = [e for e in events if e.plover_type == "PROTEST"]
    assert [(t.country, t.basis) for t in ev.targets] == [("CHL", "context")]


def test_soldiers_do_not_protest_against_their_own_country(code_text):
    _, events = code_text("Chilean soldiers staged a protest on Thursday.")
    assert all(not e.targets for e in events if e.plover_type == "PROTEST")


def test_who_reports_a_bombing_is_not_its_bomber(code_text):
    _, events = code_text("The Nigerian army said a bombing near Maiduguri killed four farmers.")
    assert not [e for e in events if e.plover_type == "ASSAULT" and e.sources]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Protesters blocked the main bridge into Dhaka on Monday.", "144"),
        ("Hundreds of demonstrators threw stones at Kenyan police in Kisumu.", "145"),
    ],
)
def test_what_protesters_do_is_protest(code_text, text, cameo):
    _, events = code_text(text)
    assert cameo in {e.cameo_code for e in events}
    assert all(e.plover_type == "PROTEST" for e in events if e.cameo_code == cameo)


def test_a_protest_with_no_protesters_named_is_by_implied_protesters(code_text):
    _, events = code_text("Large demonstrations were held in Dhaka on Friday.")
    [ev] = [e for e in events if e.plover_type == "PROTEST"]
    [src] = ev.sources
    assert (src.sector, src.basis, src.country) == ("CVL", "implied", "BGD")


def test_a_speech_verb_with_an_act_for_object_is_that_act(code_text):
    _, events = code_text("Maoist rebels in Nepal declared a ten-day ceasefire on Friday.")
    (truce,) = _on(events, "declared")
    assert (truce.cameo_code, truce.plover_type) == ("0871", "CONCEDE")
    _, events = code_text("The Peruvian government declared a state of siege in two provinces.")
    (siege,) = _on(events, "declared")
    # The pattern's own object is the act, not a party acted upon.
    assert siege.cameo_code == "1724" and not siege.targets
    _, events = code_text("The minister declared that the border was calm.")
    assert not _on(events, "declared")


@pytest.mark.parametrize(
    ("text", "modality", "plover"),
    [
        ("Chile is willing to provide food aid to Haiti.", "intended", "AGREE"),
        ("Chile is ready to provide food aid to Haiti.", "intended", "AGREE"),
        ("Chile is not willing to provide food aid to Haiti.", "asserted", "REJECT"),
        ("Chile is unable to provide food aid to Haiti.", "negated", "AID"),
    ],
)
def test_readiness_adjectives_lend_their_subject_and_frame_the_act(
    code_text, text, modality, plover
):
    _, events = code_text(text)
    (send,) = _on(events, "provide")
    assert send.sources[0].country == "CHL"
    assert (send.modality.value, send.plover_type) == (modality, plover)


def test_weighing_an_act_is_considering_a_policy_option(code_text):
    _, events = code_text("Peru is considering sending aid to Ecuador.")
    codes = {e.trigger: (e.cameo_code, e.modality.value) for e in events}
    assert codes["considering"] == ("014", "asserted")
    assert codes["sending"][1] == "hypothetical"
    _, events = code_text("The ministry is exploring the possibility of new rail links.")
    assert [e.cameo_code for e in events if e.trigger == "exploring"] == ["014"]


def test_a_commitment_to_an_act_is_coded_on_the_act_as_an_intention(code_text):
    _, events = code_text("Ghana has agreed to lift the sanctions on Togo.")
    assert ("lift", "0354") in [(e.trigger, e.cameo_code) for e in events]
    assert {e.plover_type for e in events if e.trigger == "lift"} == {"CONCEDE"}


def test_what_a_speaker_says_another_party_must_do_is_a_demand(code_text):
    _, events = code_text("Norway said Russian forces must leave Georgian territory.")
    said = [e for e in events if e.trigger == "said"]
    assert len(said) == 1 and said[0].cameo_code == "100"
    assert said[0].sources[0].country == "NOR"
    assert {t.country for t in said[0].targets} == {"RUS"}
    assert all(e.modality.value == "hypothetical" for e in events if e.trigger == "leave")
    _, events = code_text("Norway said it must protect its fisheries.")
    assert not [e for e in events if e.trigger == "said"]


def test_reducing_aid_is_reducing_material_aid(code_text):
    _, events = code_text("Germany reduced military aid to Mali.")
    (ev,) = [e for e in events if e.trigger == "reduced"]
    assert (ev.cameo_code, ev.plover_type) == ("162", "SANCTION")
    assert [t.country for t in ev.targets] == ["MLI"]


def test_a_participle_parsed_as_the_subject_lends_its_noun(code_text):
    _, events = code_text("The Red Cross operating in Syria said Turkish troops must withdraw.")
    said = [e for e in events if e.trigger == "said"]
    assert said and said[0].sources[0].text == "The Red Cross"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Kenya said it is skeptical of the ceasefire.", "skeptical", "012"),
        ("The Chilean government is confident that the talks will succeed.", "confident", "013"),
        ("Sweden said it hoped the plan would work.", "hoped", "013"),
    ],
)
def test_a_pessimistic_or_optimistic_comment(code_text, text, trigger, code):
    _, events = code_text(text)
    assert [e.cameo_code for e in _on(events, trigger)] == [code]


def test_verbs_the_tagger_mislemmatises_are_still_coded(code_text):
    # en_core_web_sm lemmatises "waged" to "wag" and "staged" to "stag".
    _, events = code_text("Russia waged war on Ukraine.")
    assert [e.plover_type for e in _on(events, "waged")] == ["ASSAULT"]
    _, events = code_text("A Georgian court fined two opposition leaders.")
    assert [e.plover_type for e in _on(events, "fined")] == ["COERCE"]


def test_a_governor_abbreviated_is_a_government_actor(code_text):
    _, events = code_text("Gov. Tom Wolf declined to comment on the report.")
    (ev,) = _on(events, "declined")
    assert (ev.cameo_code, ev.sources[0].sector) == ("011", "GOV")


def test_an_act_named_as_the_object_decides_over_a_later_pattern(code_text):
    _, events = code_text("The dissident staged a hunger strike in prison in Cairo.")
    assert [e.plover_type for e in _on(events, "staged")] == ["PROTEST"]
    _, events = code_text("Police put the dissident in prison.")
    assert [e.plover_type for e in _on(events, "put")] == ["COERCE"]


def test_a_participle_used_as_an_adjective_is_no_event(code_text):
    _, events = code_text("Algeria's leading rights activist met the Danish ambassador.")
    assert not _on(events, "leading")


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Chad is willing to withdraw its troops from the border.", "withdraw", "0356"),
        ("The rebels said they will release two hostages.", "release", "0353"),
        ("Peru is ready to contribute troops to the peacekeeping force.", "contribute", "0334"),
    ],
)
def test_an_act_one_is_willing_to_do_or_says_one_will_do_is_an_intention(
    code_text, text, trigger, code
):
    _, events = code_text(text)
    (ev,) = _on(events, trigger)
    # PLOVER: an intended cooperation is an AGREE, an intended yield (CAMEO 08:
    # withdraw, release) a CONCEDE ("Announcements of future retreats ... CONCEDE").
    expected = "CONCEDE" if code.startswith("035") else "AGREE"
    assert (ev.cameo_code, ev.plover_type, ev.modality.value) == (code, expected, "intended")


def test_a_forecast_without_a_speaker_keeps_the_act_code(code_text):
    _, events = code_text("Norway will send food aid to Yemen next month.")
    assert [e.cameo_root for e in _on(events, "send")] == ["07"]


def test_defending_a_policy_is_defending_it_verbally(code_text):
    _, events = code_text("The minister defended the government's handling of the crisis.")
    assert [e.cameo_code for e in _on(events, "defended")] == ["052"]
    _, events = code_text("Kurdish fighters defended the town against the militants.")
    assert [e.cameo_root for e in _on(events, "defended")] == ["15"]


def test_failing_to_agree_is_a_rejection_but_failing_to_stop_is_not(code_text):
    _, events = code_text("Serbia and Kosovo failed to reach agreement on the border.")
    assert {e.plover_type for e in _on(events, "reach")} == {"REJECT"}
    _, events = code_text("The army failed to stop the attack on the convoy.")
    assert all(e.plover_type != "REJECT" for e in _on(events, "stop"))


def test_a_demand_outranks_what_it_demands(code_text):
    _, events = code_text("Norway said Qatar must mediate between the two sides.")
    best = max(events, key=lambda e: e.confidence)
    assert (best.trigger, best.cameo_code) == ("said", "100")


def test_a_claim_of_an_attack_outranks_the_claimed_attack(code_text):
    _, events = code_text("The rebels claimed that they had attacked the army base.")
    best = max(events, key=lambda e: e.confidence)
    assert (best.trigger, best.cameo_code) == ("claimed", "015")


def test_declining_to_resign_is_a_refusal_not_a_denial(code_text):
    _, events = code_text("The mayor declined to resign after allegations of fraud.")
    assert [e.cameo_code for e in events] == ["1231"]


def test_an_agentless_verb_leaves_its_object_noun_to_be_coded(code_text):
    _, events = code_text(
        "US officials said that lifting the sanctions on Cuba is out of the question."
    )
    assert _on(events, "sanctions") or _on(events, "lifting")


def test_refusing_to_lift_an_embargo_is_a_rejection(code_text):
    _, events = code_text("Canada said it will not lift the embargo on Cuba.")
    (ev,) = _on(events, "lift")
    assert (ev.cameo_code, ev.plover_type) == ("1244", "REJECT")


def test_a_relative_clause_on_the_object_does_not_choose_the_verbs_pattern(code_text):
    _, events = code_text("Chile will support a resolution that aims to tighten sanctions on Iran.")
    (support,) = _on(events, "support")
    assert support.plover_type == "AGREE"


def test_bolstering_anothers_military_is_aid_but_ones_own_a_mobilisation(code_text):
    _, events = code_text("Iran is sending advisers to help bolster the Iraqi military.")
    assert all(e.plover_type != "MOBILIZE" for e in _on(events, "bolster"))
    _, events = code_text("Egypt has bolstered its troops on the Libyan border.")
    assert [e.cameo_code for e in _on(events, "bolstered")] == ["154"]


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Dock workers stopped work on the first day of an open-ended strike.", "stopped", "143"),
        ("Angry farmers blocked the main highway into Brussels.", "blocked", "144"),
        ("Ghana accepted a formula for ending the border dispute with Togo.", "accepted", "030"),
    ],
)
def test_a_pattern_naming_the_object_wins_over_one_matched_further_on(
    code_text, text, trigger, code
):
    _, events = code_text(text)
    assert [e.cameo_code for e in _on(events, trigger)] == [code]


def test_a_place_named_with_a_region_word_is_the_events_place(code_text):
    _, events = code_text("Chile lifted the curfew on Monday in Santiago province.")
    (ev,) = _on(events, "lifted")
    assert ev.place is not None and ev.place.country == "CHL"


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Chad expelled the U.N. peacekeepers on Monday.", "expelled", "1661"),
        ("Mexico returned three stolen paintings to Spain.", "returned", "0842"),
        ("The junta let free dozens of political prisoners.", "let", "0841"),
        ("Russia supplied military equipment to Armenia.", "supplied", "072"),
        ("Canada removed the sanctions on Libya.", "removed", "085"),
        ("Japan sent a condolence message to Turkey.", "sent", "018"),
        ("Egypt has strengthened its forces in Sinai.", "strengthened", "154"),
        ("Norway withdrew its peacekeepers from Lebanon.", "withdrew", "1661"),
        ("Japan suspended food supplies to North Korea.", "suspended", "162"),
        ("Militants held hundreds of villagers as human shields.", "held", "184"),
        ("The Arab League ended its mediation in Libya.", "ended", "165"),
        ("Police beat up dozens of protesters in Minsk.", "beat", "182"),
        ("A Kenyan farmer is suing the British government for damages.", "suing", "115"),
        ("The rebels dismissed an appeal from the president to disarm.", "dismissed", "120"),
        ("Algeria summoned the French ambassador on Monday.", "summoned", "110"),
        ("Iran continued to send arms to the Houthis.", "send", "072"),
        ("Peru eased emergency measures in Lima.", "eased", "0814"),
    ],
)
def test_verbs_coded_as_the_codebook_and_manual_define_them(code_text, text, trigger, code):
    # Hand-written rows of verb_defaults.tsv, each citing the definition it codes.
    _, events = code_text(text)
    assert [e.cameo_code for e in _on(events, trigger)] == [code]


@pytest.mark.parametrize(
    ("text", "trigger", "cameo"),
    [
        ("The Kenyan army set up a new military base near the Somali border.", "set", "150"),
        ("Dock workers called off their strike on Tuesday.", "called", "087"),
        ("Jordanian police rounded up forty suspects overnight.", "rounded", "173"),
    ],
)
def test_a_phrasal_verb_takes_the_dictionarys_phrasal_entry(code_text, text, trigger, cameo):
    _, events = code_text(text)
    (ev,) = _on(events, trigger)
    assert ev.cameo_code == cameo


@pytest.mark.parametrize(
    "text",
    [
        "Chad's army and the rebels have agreed a three-day truce.",
        "A ceasefire was agreed by the two militias on Friday.",
    ],
)
def test_agreeing_a_truce_concludes_an_agreement(code_text, text):
    _, events = code_text(text)
    (ev,) = _on(events, "agreed")
    assert (ev.cameo_code, ev.plover_type) == ("057", "SUPPORT")


def test_agreeing_to_a_truce_is_still_an_intention(code_text):
    _, events = code_text("The rebels agreed to a truce on Friday.")
    (ev,) = _on(events, "agreed")
    assert ev.plover_type == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "Iranian forces set up an observation post near the Iraqi border.",
        "The Ethiopian army has established a new military post in the town.",
    ],
)
def test_setting_up_a_military_post_is_a_show_of_force(code_text, text):
    _, events = code_text(text)
    assert [e.plover_type for e in events] == ["MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "trigger", "cameo", "source", "target"),
    [
        ("Sudanese students received assurances from the Sudanese army.", "received", "030",
         "SDN", "SDN"),
        ("The Kenyan president faces pressure from Britain to resign.", "faces", "100",
         "GBR", "KEN"),
        ("Two Yemeni fishermen died in a Saudi airstrike on Sunday.", "died", "195",
         "SAU", "YEM"),
    ],
)  # fmt: skip
def test_an_act_the_subject_undergoes_is_coded_from_whoever_does_it(
    code_text, text, trigger, cameo, source, target
):
    _, events = code_text(text)
    (ev,) = _on(events, trigger)
    assert ev.cameo_code == cameo
    assert [a.country for a in ev.sources] == [source]
    assert [a.country for a in ev.targets] == [target]


def test_dying_is_no_act_of_the_dead(code_text):
    _, events = code_text("The former Ghanaian president died in London on Monday.")
    assert not _on(events, "died")


def test_an_attack_named_after_in_gives_the_killings_agent(code_text):
    _, events = code_text("Three farmers were killed in Turkish artillery shelling on Friday.")
    (ev,) = _on(events, "killed")
    assert [a.country for a in ev.sources] == ["TUR"]


@pytest.mark.parametrize(
    "text",
    [
        "A roadside explosion killed at least nine villagers near Kunduz.",
        "A suspected gas attack killed at least 30 civilians on Saturday.",
    ],
)
def test_violence_with_no_agent_keeps_its_victims(code_text, text):
    _, events = code_text(text)
    (ev,) = _on(events, "killed")
    assert ev.plover_type == "ASSAULT" and not ev.sources
    assert [t.sector for t in ev.targets] in (["CVL"], ["PPL"])


def test_an_object_named_by_a_non_violent_pattern_is_no_victim(code_text):
    # "deploy &MILITARY": the troops are what is deployed, not a party acted on.
    _, events = code_text("Ecuador deployed troops along the northern border.")
    (ev,) = _on(events, "deployed")
    assert not ev.targets


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Soldiers committed rape against women in the camps, witnesses said.", "rape"),
        ("Militiamen raped two women in the village.", "raped"),
    ],
)
def test_rape_is_sexual_assault(code_text, text, trigger):
    _, events = code_text(text)
    (ev,) = _on(events, trigger)
    assert (ev.cameo_code, ev.plover_type) == ("1821", "ASSAULT")


@pytest.mark.parametrize(
    ("text", "trigger", "cameo"),
    [
        ("Dock workers took part in a national strike on Monday.", "took", "143"),
        ("Hundreds of Chilean students took part in a march in Santiago.", "took", "141"),
        ("Thousands of farmers gathered in the capital in protest at fuel prices.", "gathered",
         "141"),
    ],
)  # fmt: skip
def test_joining_a_protest_is_protesting(code_text, text, trigger, cameo):
    _, events = code_text(text)
    (ev,) = _on(events, trigger)
    assert (ev.cameo_code, ev.plover_type) == (cameo, "PROTEST")


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Rebel fighters attacked government troops near Kidal on Monday.", "ASSAULT"),
        ("Gunmen attacked a militia group loyal to the government.", "ASSAULT"),
        ("The opposition leader attacked the government over fuel prices.", "ACCUSE"),
    ],
)
def test_attacking_armed_men_is_violence_and_attacking_a_policy_is_criticism(
    code_text, text, plover
):
    _, events = code_text(text)
    (ev,) = _on(events, "attacked")
    assert ev.plover_type == plover


def test_a_hyphenated_word_the_dictionary_knows_is_matched_whole(code_text):
    # "cease-fire" is no "set … fire" (arson); "tear-gas" still matches "tear gas".
    _, events = code_text(
        "The cease-fire between the army and the rebels is set to take effect on Friday."
    )
    assert not [e for e in events if e.plover_type == "ASSAULT"]
    _, events = code_text("Riot police fired tear-gas shells at the crowd in Nairobi.")
    (ev,) = _on(events, "fired")
    assert ev.cameo_code == "175"


@pytest.mark.parametrize(
    "text",
    [
        "The truce between the army and the rebels takes effect at midnight.",
        "The meeting between the army chief and rebel leaders took place in Doha.",
    ],
)
def test_taking_effect_or_place_is_no_taking(code_text, text):
    _, events = code_text(text)
    assert not [e for e in events if e.trigger.lower() in ("takes", "took")]


def test_a_show_of_force_by_two_countries_together_is_military_cooperation(code_text):
    _, events = code_text("Russia and Belarus deployed troops along the Polish border.")
    (ev,) = _on(events, "deployed")
    assert (ev.cameo_code, ev.plover_type) == ("062", "COOPERATE")
    _, events = code_text("Russia deployed troops along the Polish border.")
    (ev,) = _on(events, "deployed")
    assert ev.plover_type == "MOBILIZE"


def test_a_word_inside_a_hyphenated_modifier_is_not_the_object(code_text):
    # "beat … government" is the dictionary's defeat of a government (no event);
    # "anti-government" only describes the protester who was beaten.
    _, events = code_text("Soldiers beat an anti-government protester in Yangon on Sunday.")
    (ev,) = _on(events, "beat")
    assert (ev.cameo_code, ev.plover_type) == ("182", "ASSAULT")


def test_war_games_are_a_show_of_force_and_joint_ones_cooperation(code_text):
    _, events = code_text("China held a naval exercise near Taiwan on Monday.")
    (ev,) = _on(events, "exercise")
    assert ev.plover_type == "MOBILIZE"
    _, events = code_text("Peru and Chile are participating in a war game at the naval base.")
    (ev,) = _on(events, "game")
    assert (ev.cameo_code, ev.plover_type) == ("062", "COOPERATE")


@pytest.mark.parametrize(
    ("text", "trigger", "plover"),
    [
        ("Peru and Chile are taking part in a war game off Arica.", "game", "COOPERATE"),
        ("The rebels took part in the talks in Geneva.", "talks", "CONSULT"),
    ],
)
def test_taking_part_in_an_event_is_that_event(code_text, text, trigger, plover):
    _, events = code_text(text)
    assert [e.plover_type for e in _on(events, trigger)] == [plover]
    assert not [e for e in events if e.cameo_code == "030"]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Iran demanded that Iraq close its border with Syria.", "REQUEST"),
        ("The United Nations urged Ethiopia to allow aid convoys into Tigray.", "REQUEST"),
        ("The ministry rejected a proposal for signing a trade deal with Chile.", "REJECT"),
    ],
)
def test_what_a_request_or_rejection_asks_is_no_second_event(code_text, text, plover):
    # PLOVER codes the content of a request or rejection as its mode.
    _, events = code_text(text)
    assert [e.plover_type for e in events] == [plover]


@pytest.mark.parametrize(
    ("text", "kept", "modality"),
    [
        # Set in time against the request: it happened.
        ("After the arrests of the protesters, the minister urged calm.", "arrests", "asserted"),
        # A relative clause describes something that did happen.
        (
            "Turkey demanded the release of journalists arrested by Egyptian police.",
            "arrested",
            "asserted",
        ),
        # A second act of the subject, whatever the parse hangs it on.
        ("Germany refused to send troops to Mali and urged France to leave.", "urged", "asserted"),
        # A threatened act stays, as a threat of one.
        ("Qatar threatened to cut gas supplies to Bahrain.", "cut", "hypothetical"),
    ],
)
def test_acts_beside_a_request_stay_events(code_text, text, kept, modality):
    _, events = code_text(text)
    [ev] = _on(events, kept)
    assert modality is None or ev.modality == modality


@pytest.mark.parametrize(
    "text",
    [
        # A participle before a noun describes it ("suspected" is nobody's suspicion).
        "Italian aircraft using laser guided bombs killed 3 Libyans in a raid on a "
        "suspected fuel depot in Sirte.",
        "President Chirac imposed sanctions on the junta that runs Niger for its support "
        "of suspected terrorist Ali Musa.",
        # Issuing a statement grants nothing (the dictionary files ISSUE under GRANT).
        "The Bolivian ministry issued new guidelines to hospitals on Monday.",
    ],
)
def test_descriptions_and_bare_issuing_are_no_events_of_their_own(code_text, text):
    _, events = code_text(text)
    assert not [e for e in events if e.trigger in ("suspected", "issued") and e.plover_type]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # PULL OUT read as a phrasal verb although "out" opens "out of".
        ("Syrian forces pulled out of the desert city on Friday.", "0874"),
        ("Kenyan troops pulled out from the town of Dhobley.", "0874"),
        ("The opposition pulled out of the talks with the government.", "164"),
        # A pattern of PULL naming "out of coalition" still wins.
        ("Britain pulled out of the coalition in May.", "160"),
    ],
)
def test_pulling_out(code_text, text, code):
    _, events = code_text(text)
    assert [e.cameo_code for e in _on(events, "pulled")] == [code]
