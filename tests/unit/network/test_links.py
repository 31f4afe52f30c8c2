"""Which events become links, between which actor keys, deduplicated how."""

from streams import ev, stream_store

from bedfellows.network import LinkOptions, dyad_series, signed_network


def _both(store, a, b, **kw):
    s = dyad_series(store, a, b, freq="all", **kw)
    hit = s.filter(s["direction"] == "both")
    return hit.row(0, named=True) if hit.height else None


def test_same_day_reports_in_two_articles_are_one_event_with_both_as_evidence():
    s = stream_store(
        [
            ev("IRN>IRQ", "2014-06-03", 2, article="a1", confidence=0.6, event_id="x1"),
            ev("IRN>IRQ", "2014-06-03", 2, article="a2", confidence=0.9, event_id="x2"),
        ]
    )
    row = _both(s, "IRN", "IRQ")
    assert row["events"] == 1 and row["mentions"] == 2 and row["weight"] == 0.9
    assert sorted(row["event_ids"]) == ["x1", "x2"]
    assert _both(s, "IRN", "IRQ", options=LinkOptions(dedup=False))["events"] == 2
    s.close()


def test_coarse_dates_merge_only_within_an_article():
    s = stream_store(
        [
            ev("IRN>IRQ", "2014", 2, article="a1"),
            ev("IRN>IRQ", "2014", 2, article="a1"),
            ev("IRN>IRQ", "2014", 2, article="a2"),
        ]
    )
    assert _both(s, "IRN", "IRQ")["events"] == 2
    s.close()


def test_different_acts_same_day_stay_apart():
    s = stream_store([ev("IRN>IRQ", "2014-06-03", 2), ev("IRN>IRQ", "2014-06-03", 1)])
    assert _both(s, "IRN", "IRQ")["events"] == 2
    s.close()


def test_joint_act_pairs_its_sources_and_a_shared_target_pairs_each_source():
    s = stream_store([ev("IRN+IRQ+SYR", "2014-06-03", 1), ev("IRN+IRQ>ISI", "2014-06-04", 4)])
    g = signed_network(s)
    assert sorted(g.edges) == [
        ("IMGMUSISI", "IRN"),
        ("IMGMUSISI", "IRQ"),
        ("IRN", "IRQ"),
        ("IRN", "SYR"),
        ("IRQ", "SYR"),
    ]
    s.close()


def test_bare_sectors_join_no_dyad_and_levels_change_keys():
    s = stream_store([ev("~GOV>IRN", "2014-06-03", 3), ev("IRN>ISI", "2014-06-03", 4)])
    g = signed_network(s)
    assert sorted(g.nodes) == ["IMGMUSISI", "IRN"]
    assert g.nodes["IRN"]["label"] == "Iran"
    actor_level = signed_network(s, options=LinkOptions(level="actor"))
    assert sorted(actor_level.nodes) == ["IRN", "isi"]
    s.close()


def test_the_network_layer_never_loads_spacy():
    import subprocess
    import sys

    code = (
        "import sys, bedfellows.network, bedfellows.network.synthetic; "
        "print(any(m == 'spacy' or m.startswith('spacy.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
