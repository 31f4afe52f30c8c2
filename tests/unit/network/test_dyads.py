from bedfellows.network import dyad_summary


def row(eid, sources, targets, quad, goldstein=1.0, modality="asserted"):
    return {
        "event_id": eid,
        "sources": [{"country": c} for c in sources],
        "targets": [{"country": c} for c in targets],
        "quad_class": quad,
        "goldstein": goldstein,
        "modality": modality,
    }


def test_dyads_count_cooperation_conflict_and_talk_separately():
    rows = [
        row("e1", ["IRN"], ["IRQ"], 2, 7.0),
        row("e2", ["IRQ"], ["IRN"], 1, 4.0),
        row("e3", ["USA"], ["IRN"], 3, -4.4),
        row("e4", ["USA"], ["IRN"], 2, 6.0, modality="hypothetical"),
        row("e5", ["USA"], ["IRN"], 2, 6.0, modality="negated"),
    ]
    by = {(d.a, d.b): d for d in dyad_summary(rows)}
    irn_irq = by[("IRN", "IRQ")]
    assert (irn_irq.cooperation, irn_irq.conflict, irn_irq.talk) == (2, 0, 0)
    assert irn_irq.goldstein == 11.0 and irn_irq.stance == "cooperative"
    irn_usa = by[("IRN", "USA")]
    assert (irn_usa.cooperation, irn_usa.conflict, irn_usa.talk) == (0, 1, 2)
    assert irn_usa.stance == "hostile"
    assert sorted(irn_usa.event_ids) == ["e3", "e4", "e5"]


def test_dyads_joint_sources_without_target_pair_up():
    rows = [row("e1", ["IRN", "IRQ", "SYR"], [], 1)]
    pairs = {(d.a, d.b) for d in dyad_summary(rows)}
    assert pairs == {("IRN", "IRQ"), ("IRN", "SYR"), ("IRQ", "SYR")}


def test_dyads_ignore_self_pairs_and_talk_only_stance():
    rows = [row("e1", ["USA"], ["USA"], 4), row("e2", ["USA"], ["CUB"], 1, modality="intended")]
    ds = dyad_summary(rows)
    assert [(d.a, d.b) for d in ds] == [("CUB", "USA")]
    assert ds[0].stance == "talk only"
