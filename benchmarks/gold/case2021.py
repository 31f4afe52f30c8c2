"""CASE 2021 Task 2 development snippets (``data/gold/case2021_task2_dev.tsv``).

509 English news snippets (one to a few sentences), each with one fine-grained
ACLED-style event type: one of the 25 in ``case2021_task2_event_types.txt`` or
one of five further (unseen, zero-shot) types the dev file also uses.
The gold types are carried over to PLOVER event types by ``ACLED_TO_PLOVER``,
a crosswalk written from the PLOVER manual (``data/reference/PLOVER_MANUAL.tex``),
the CAMEO→PLOVER table (``CAMEO2PLOVER-2021.txt``) and ACLED's sub-event
definitions (ACLED codebook: Battles, Explosions/Remote violence, Violence
against civilians, Protests, Riots, Strategic developments), and fixed before
any score was computed. Types with no PLOVER counterpart map to ``None``: their
snippets are loaded, coded and counted (``excluded_records``) but not scored.

Two predictions are scored for every snippet:

- **The shipped method** (``plover_type_*`` metrics, ``per_type``,
  ``confusion``): the ACLED sub-event type model
  (``bedfellows.events.acled_type``: words and word pairs of the snippet plus
  the coder's events), crosswalked to PLOVER. It is trained on this very set,
  so it is reported by **5-fold cross-validation**: snippet *i* (file order)
  is in fold *i* mod 5, and each fold is predicted by a model trained on the
  other four with the build script's settings. ``acled_subtype_accuracy`` is
  the same predictions scored on the 30 ACLED types themselves (all snippets);
  ``plover_type_macro_f1_other_splits_min``/``_max`` give the macro-F1 under
  four other (seeded, shuffled) fold assignments, to show how much the figure
  owes to the split. ``accuracy.py`` scores the lockbox part differently: by
  one model trained on all tune snippets (``score(..., train=tune)``), so no
  lockbox snippet ever trains the model that predicts lockbox snippets.
- **The rule-based coder alone** (``coder_*`` metrics): the snippet's primary
  event, among the predicted events with a PLOVER type (any modality), the one
  with the highest confidence, the earliest on ties. CAMEO 01/02 events have no
  PLOVER type and are ignored, as in ``plover_gsr_dev``. No such event →
  ``NONE`` (never right).

For both, **PLOVER type accuracy** is prediction = crosswalked gold type over
the scored snippets, and **macro-F1** averages per-type F1 over the gold types
present. Coder-only figures besides: **any-event accuracy** (some predicted
event has the gold type), **coverage** (share of scored snippets with a
PLOVER-typed event), ``per_subtype`` (accuracy of the primary event per ACLED
sub-event type) and **disaster snippets with events** (share of the unscored
natural and man-made disaster snippets on which the coder found a PLOVER-typed
event; lower is better, no actor acts in them).
"""

from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from bedfellows.events import acled_type, lede
from bedfellows.events.lede import primary_event
from bedfellows.schema import Event

from ..scoring import accuracy, confusion_counts, macro_f1, per_class_prf, rate, safe_div
from .common import GoldEvent, GoldRecord, clean_text, to_article

NAME = "case2021_task2_dev"
FILE = "case2021_task2_dev.tsv"
TYPES_FILE = "case2021_task2_event_types.txt"
PATH = Path("data") / "gold" / FILE
TYPES_PATH = Path("data") / "gold" / TYPES_FILE

#: Headline metrics checked by the fast regression test.
HEADLINE = (
    "plover_type_accuracy",
    "plover_type_macro_f1",
    "coder_plover_type_accuracy",
    "coder_plover_type_macro_f1",
)
#: ``accuracy.py --fast`` codes all 509 snippets (they are short).
FAST_EVERY = None

NO_EVENT = "NONE"
#: Cross-validation folds for the trained ACLED sub-event type model.
FOLDS = 5
#: Seeds of further fold assignments, reported as the spread of the figure.
SPLIT_SEEDS = (1, 2, 3, 4)

#: ACLED-style CASE 2021 sub-event type → PLOVER event type (None: not scored).
ACLED_TO_PLOVER: dict[str, str | None] = {
    # Violence against civilians: "abduction/forced disappearance"; PLOVER ASSAULT
    # has an 'abduct' mode ("abduct, kidnap, hijack"; CAMEO 181 → ASSAULT).
    "ABDUCT_DISSAP": "ASSAULT",
    # Strategic development "agreement" records agreements concluded between
    # parties (ceasefires, peace deals, prisoner exchanges). PLOVER codes signing
    # or finalising an agreement as SUPPORT (CAMEO 057 → SUPPORT); only promises
    # to sign are AGREE.
    "AGREEMENT": "SUPPORT",
    "AIR_STRIKE": "ASSAULT",  # ASSAULT modes 'aerial' / 'drone'
    "ARMED_CLASH": "ASSAULT",
    # Strategic development "arrests": COERCE 'arrest' (CAMEO 173 → COERCE).
    "ARREST": "COERCE",
    "ART_MISS_ATTACK": "ASSAULT",  # shelling/artillery/missile: 'heavy-weapons'
    "ATTACK": "ASSAULT",  # violence against civilians: one-sided ASSAULT
    # "Change to group/activity" mixes new groups, leadership changes, mergers
    # and movements of forces: no single PLOVER type.
    "CHANGE_TO_GROUP_ACT": None,
    "CHEM_WEAP": "ASSAULT",  # ASSAULT 'unconventional' (CAMEO 2041 → ASSAULT)
    # "Disrupted weapons use": a bomb defused, a missile intercepted, a weapons
    # cache seized. The first two are no PLOVER event at all, the last is
    # COERCE 'seize': no single PLOVER type.
    "DISR_WEAP": None,
    # ACLED lists "excessive force against protesters" under Protests, but the
    # event is the security forces' use of force: ASSAULT 'crowd-control' (PLOVER
    # manual; CAMEO 175 "use violent repression" → ASSAULT).
    "FORCE_AGAINST_PROTEST": "ASSAULT",
    # ACLED files territory changing hands by fighting under Battles, so the
    # event is the fighting (ASSAULT). CAMEO 192 "occupy territory" → COERCE
    # 'seize' would apply only to a take-over without fighting.
    "GOV_REGAINS_TERIT": "ASSAULT",
    "GRENADE": "ASSAULT",  # ASSAULT 'explosives'
    # A group establishing a base or headquarters: a military move short of the
    # use of force, PLOVER MOBILIZE ('militia' / 'troops').
    "HQ_ESTABLISHED": "MOBILIZE",
    # ACLED Riots "mob violence": PLOVER puts violent crowds under PROTEST 'riot'
    # ("participants intend to cause physical injury and/or property damage";
    # CAMEO 145 → PROTEST), even when a mob attacks people.
    "MOB_VIOL": "PROTEST",
    "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",  # Battles, as GOV_REGAINS_TERIT
    # Territory handed over without fighting: RETREAT 'withdraw' ("military
    # retreat from, or ceding, territory").
    "NON_VIOL_TERRIT_TRANSFER": "RETREAT",
    "OTHER": None,  # ACLED's residual strategic development
    "PEACE_PROTEST": "PROTEST",  # PROTEST 'demo'
    # ACLED "looting/property destruction": intentional destruction is ASSAULT
    # 'destroy' (CAMEO 1712 "destroy property" → ASSAULT).
    "PROPERTY_DISTRUCT": "ASSAULT",
    # A protest the authorities intervene in: the coded event is the protest;
    # the intervention (arrests, dispersal) would be a second event.
    "PROTEST_WITH_INTER": "PROTEST",
    "REM_EXPLOS": "ASSAULT",  # remote explosive/landmine/IED: 'explosives'
    "SEX_VIOL": "ASSAULT",  # ASSAULT 'sexual' (CAMEO 1821 → ASSAULT)
    "SUIC_BOMB": "ASSAULT",  # ASSAULT 'suicide-attack' (CAMEO 1831 → ASSAULT)
    "VIOL_DEMONSTR": "PROTEST",  # Riots "violent demonstration": PROTEST 'riot'
    # Five types in the dev file are not in the 25-type list: CASE 2021's unseen
    # (zero-shot) types. None has one PLOVER counterpart: a diplomatic event may
    # be CONSULT, AGREE, SUPPORT, ...; organised crime and attribution are not
    # defined closely enough here to name one; disasters are no political act.
    "ATTRIB": None,
    "DIPLO": None,
    "MAN_MADE_DISASTER": None,
    "NATURAL_DISASTER": None,
    "ORG_CRIME": None,
}

#: Unseen types that describe no act of a political actor: a coded event on one
#: of these snippets is reported (``disaster_snippets_with_events``).
NON_EVENT_TYPES = frozenset({"MAN_MADE_DISASTER", "NATURAL_DISASTER"})


def parse(tsv: str, types: Sequence[str], source_file: str = FILE) -> list[GoldRecord]:
    """Records from the TSV text (header ``id, EventSnippet, SubType``): id ``case<id>``.

    The gold label is the crosswalked PLOVER type ("" when the sub-event type
    is not scored); ``category`` keeps the ACLED sub-event type.
    """
    missing = set(types) - set(ACLED_TO_PLOVER)
    if missing:
        raise ValueError(f"{TYPES_FILE} names types the crosswalk lacks: {sorted(missing)}")
    known = set(ACLED_TO_PLOVER)
    records = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        subtype = (row.get("SubType") or "").strip()
        if subtype not in known:
            raise ValueError(f"{source_file}: record {row.get('id')}: unknown type {subtype!r}")
        records.append(
            GoldRecord(
                record_id=f"case{row['id'].strip()}",
                source_file=source_file,
                text=clean_text(row["EventSnippet"]),
                events=(GoldEvent(label=ACLED_TO_PLOVER[subtype] or ""),),
                category=subtype,
            )
        )
    return records


def load(shared: Path) -> list[GoldRecord]:
    """The CASE 2021 Task 2 development snippets under ``shared``."""
    types = (Path(shared) / TYPES_PATH).read_text(encoding="utf-8").split()
    return parse((Path(shared) / PATH).read_text(encoding="utf-8"), types)


def cross_validated_types(
    records: Sequence[GoldRecord],
    predictions: Mapping[str, Sequence[Event]],
    folds: int = FOLDS,
    shuffle_seed: int | None = None,
) -> dict[str, str]:
    """Record id → ACLED sub-event type predicted by a model that never saw the record.

    Record *i* (in the order given) is in fold *i* mod ``folds``, or, with
    ``shuffle_seed``, in the fold of its position after a seeded shuffle; each
    fold is predicted by ``acled_type.train`` on the records of the other folds.
    Fewer than two records: nothing to train on, so no predictions.
    """
    samples = [
        (
            lede.article_features(to_article(r), predictions.get(r.record_id, ())),
            r.category or "",
        )
        for r in records
    ]
    folds = min(folds, len(samples))
    out: dict[str, str] = {}
    if folds < 2:
        return out
    order = list(range(len(samples)))
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(order)
    fold_of = {i: pos % folds for pos, i in enumerate(order)}
    for k in range(folds):
        model = acled_type.train([s for i, s in enumerate(samples) if fold_of[i] != k])
        for i in (i for i in order if fold_of[i] == k):
            out[records[i].record_id] = model.predict(samples[i][0]).subtype
    return out


def trained_types(
    train: Sequence[GoldRecord],
    records: Sequence[GoldRecord],
    predictions: Mapping[str, Sequence[Event]],
) -> dict[str, str]:
    """Record id → ACLED sub-event type predicted by one model trained on ``train`` alone.

    How the lockbox part is scored: the model sees every tune snippet and no
    lockbox snippet, as a model shipped after the split would.
    """

    def feats(r: GoldRecord) -> frozenset[str]:
        return lede.article_features(to_article(r), predictions.get(r.record_id, ()))

    if not train:
        return {}
    model = acled_type.train([(feats(r), r.category or "") for r in train])
    return {r.record_id: model.predict(feats(r)).subtype for r in records}


def _macro_f1_over_splits(
    records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]
) -> list[float]:
    """PLOVER macro-F1 of the model under ``SPLIT_SEEDS`` other fold assignments."""
    scored = [r for r in records if r.events[0].label]
    gold = [r.events[0].label for r in scored]
    out = []
    for seed in SPLIT_SEEDS:
        subtypes = cross_validated_types(records, predictions, shuffle_seed=seed)
        pred = [ACLED_TO_PLOVER.get(subtypes.get(r.record_id, "")) or NO_EVENT for r in scored]
        out.append(macro_f1(gold, pred, sorted(set(gold))))
    return out


def score(
    records: Sequence[GoldRecord],
    predictions: Mapping[str, Sequence[Event]],
    *,
    train: Sequence[GoldRecord] | None = None,
    spread: bool = True,
) -> dict:
    """Score the cross-validated ACLED type model and the coder's primary event.

    train (Sequence[GoldRecord]): other snippets (disjoint from ``records``,
        with their predictions in ``predictions``) to train one model on
        instead of cross-validating on ``records``; ``accuracy.py`` scores
        the lockbox so, with the tune snippets. The other-splits spread is
        then not computed (its two metrics are left out).
    spread (bool): False leaves the other-splits spread out too (``--fast``).
    RETURNS (dict): ``metrics``, ``rates``, ``counts``, ``per_type`` and
        ``confusion`` (gold type → predicted type → n) of the model,
        ``coder_per_type`` and ``coder_confusion`` of the coder alone, and
        ``per_subtype`` (the coder's accuracy per ACLED sub-event type).
    """
    if train:
        subtypes = trained_types(train, records, predictions)
    else:
        subtypes = cross_validated_types(records, predictions)
    gold: list[str] = []
    pred: list[str] = []
    coder: list[str] = []
    any_hit: list[bool] = []
    by_subtype: dict[str, list[bool]] = defaultdict(list)
    excluded = n_events = 0
    disaster_hits: list[bool] = []
    for rec in records:
        label = rec.events[0].label
        events = list(predictions.get(rec.record_id, ()))
        if not label:
            excluded += 1
            if rec.category in NON_EVENT_TYPES:
                disaster_hits.append(any(e.plover_type for e in events))
            continue
        n_events += len(events)
        prim = primary_event(events)
        ptype = prim.plover_type if prim is not None else NO_EVENT
        gold.append(label)
        coder.append(ptype)
        pred.append(ACLED_TO_PLOVER.get(subtypes.get(rec.record_id, "")) or NO_EVENT)
        any_hit.append(any(e.plover_type == label for e in events))
        by_subtype[rec.category or ""].append(ptype == label)
    n = len(gold)
    types = sorted(set(gold))
    with_spread = spread and not train
    splits = _macro_f1_over_splits(records, predictions) if subtypes and with_spread else []
    return {
        "n_sentences": len(records),
        "metrics": {
            "plover_type_accuracy": accuracy(gold, pred),
            "plover_type_macro_f1": macro_f1(gold, pred, types),
            "acled_subtype_accuracy": accuracy(
                [r.category or "" for r in records if r.record_id in subtypes],
                [subtypes[r.record_id] for r in records if r.record_id in subtypes],
            ),
            **(
                {
                    "plover_type_macro_f1_other_splits_min": min(splits, default=0.0),
                    "plover_type_macro_f1_other_splits_max": max(splits, default=0.0),
                }
                if with_spread
                else {}
            ),
            "coder_plover_type_accuracy": accuracy(gold, coder),
            "coder_plover_type_macro_f1": macro_f1(gold, coder, types),
            "plover_type_any_event_accuracy": rate(any_hit),
            "coverage": rate(p != NO_EVENT for p in coder),
            "disaster_snippets_with_events": rate(disaster_hits),
        },
        "rates": {"events_per_snippet": safe_div(n_events, n)},
        "counts": {
            "snippets": len(records),
            "scored_records": n,
            "excluded_records": excluded,
            "disaster_snippets": len(disaster_hits),
            "predicted_events": n_events,
            "folds": 0 if train else FOLDS,
        },
        "per_type": per_class_prf(gold, pred, set(gold) | set(pred)),
        "coder_per_type": per_class_prf(gold, coder, set(gold) | set(coder)),
        "per_subtype": {
            k: {"accuracy": rate(v), "n": len(v)} for k, v in sorted(by_subtype.items())
        },
        "confusion": confusion_counts(gold, pred),
        "coder_confusion": confusion_counts(gold, coder),
    }
