from bedfellows.nlp.ruler import actor_patterns


def test_ruler_patterns_keep_short_aliases_case_sensitive():
    pats = actor_patterns([("US", "c_USA", "GPE"), ("IS", "g_isis", "ORG")])
    forms = {p["pattern"] for p in pats}
    assert forms == {"US", "IS"}  # never "us" or "is"


def test_ruler_patterns_add_title_and_upper_variants_and_dedupe():
    pats = actor_patterns(
        [("islamic state", "g_isis", "ORG"), ("Islamic State", "g_isis", "ORG"), ("", "x", "ORG")]
    )
    forms = sorted(p["pattern"] for p in pats)
    assert forms == ["ISLAMIC STATE", "Islamic State", "islamic state"]
    assert all(p["id"] == "g_isis" for p in pats)


def test_ruler_patterns_first_actor_wins_for_same_surface():
    pats = actor_patterns([("Georgia", "c_GEO", "GPE"), ("Georgia", "s_usa_ga", "GPE")])
    assert [p["id"] for p in pats if p["pattern"] == "Georgia"] == ["c_GEO"]
