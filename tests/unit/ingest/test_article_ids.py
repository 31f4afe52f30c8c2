"""One article, one id: the title's presence or place never changes the article id."""

from __future__ import annotations

import json

from bedfellows.ingest import read_articles
from bedfellows.schema import Article

TITLE = "Iran and Iraq sign defence pact"
BODY = (
    "Iran and Iraq signed a defence pact in Baghdad on Monday, officials said, as the "
    "United States stayed silent on the deal.\n\n"
    "The agreement covers training and the exchange of intelligence, the ministers said."
)
OTHER = BODY.replace("Monday", "Friday")


def _ids(tmp_path) -> dict[str, str]:
    records = [
        {"title": TITLE, "text": f"{TITLE}\n{BODY}"},
        {"title": TITLE, "text": BODY},
        {"text": f"{TITLE}\n{BODY}"},
        {"text": f"{TITLE}\n\n{BODY}"},
        {"text": BODY},
    ]
    (tmp_path / "wire.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records), encoding="utf-8"
    )
    (tmp_path / "front.txt").write_text(f"title: {TITLE}\n\n{BODY}\n", encoding="utf-8")
    (tmp_path / "yaml.txt").write_text(f"---\ntitle: {TITLE}\n---\n{BODY}\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text(f"{TITLE}\n\n{OTHER}\n", encoding="utf-8")
    items = list(read_articles([str(tmp_path)]))
    assert all(isinstance(a, Article) for a in items), items
    return {a.source_path.rsplit("/", 1)[-1]: a.article_id for a in items}


def test_the_same_body_gets_one_id_with_or_without_its_title(tmp_path):
    ids = _ids(tmp_path)
    other = ids.pop("other.txt")
    assert len(set(ids.values())) == 1, ids
    assert other not in ids.values()
