"""A database coded before ids ignored a leading headline is not coded twice on a rerun."""

from __future__ import annotations

import json

import pytest

from bedfellows.store import Store
from bedfellows.util.hashing import article_id, legacy_article_id

pytestmark = pytest.mark.slow

# A declared title, and a standfirst line the body keeps: the new id ignores
# that line, the old one did not.
RECORD = {
    "title": "Fisheries pact signed",
    "text": "Ministers meet in Geneva\n\n"
    "Canada and Norway signed a fisheries agreement in Geneva on Tuesday.",
}


def test_an_article_stored_under_its_old_id_is_not_coded_again(pipeline, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    with Store.open(tmp_path / "old.duckdb") as store:
        assert pipeline.run([str(path)], store, store.begin_run()).articles_coded == 1
        con = store.cursor()
        [(new_id, body)] = con.execute("SELECT article_id, body FROM articles").fetchall()
        old_id = legacy_article_id(body)
        assert new_id == article_id(body) != old_id
        # Make it the database an older bedfellows would have written.
        tables = [
            t
            for (t,) in con.execute(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'article_id'"
            ).fetchall()
        ]
        for table in tables:
            con.execute(f"UPDATE {table} SET article_id = ? WHERE article_id = ?", [old_id, new_id])
        again = pipeline.run([str(path)], store, store.begin_run())
        (count,) = con.execute("SELECT count(*) FROM articles").fetchone()
    assert (again.articles_coded, again.articles_already_stored, count) == (0, 1, 1)
