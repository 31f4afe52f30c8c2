"""LexisNexis and Factiva exports: one file, many articles (samples written for this test)."""

from __future__ import annotations

from datetime import date

from bedfellows.errors import EmptyInput
from bedfellows.ingest import read_articles
from bedfellows.ingest.exports import split_export
from bedfellows.schema import Article

LEXIS = """Harbor council approves ferry route

The Coastal Courier

June 17, 2014 Tuesday

Copyright 2014 The Coastal Courier
Section: NEWS; Pg. 4
Length: 96 words
Byline: A. Writer

Body

The harbor council voted on Tuesday to approve a new ferry route between the
northern pier and the island villages, officials said.

Load-Date: June 18, 2014

End of Document

Farmers block main road

The Coastal Courier

June 19, 2014 Thursday

Length: 80 words

Body

Farmers blocked the main road into the city for a third day in protest at fuel prices.

Load-Date: June 20, 2014

End of Document
"""

FACTIVA = """Ministers meet over fishing rights
412 words
3 March 2021
Northern Wire
NWIRE
English
(c) 2021 Northern Wire
The fisheries ministers of the two countries met in the port city on Wednesday to discuss
quotas for the coming season.
Document NWIRE00020210303eh330001a

Court fines shipping firm
198 words
4 March 2021
Northern Wire
NWIRE
English
The maritime court fined a shipping company on Thursday for dumping ballast water.
Document NWIRE00020210304eh340002b
"""


def test_lexis_export_splits_into_dated_titled_articles(tmp_path):
    path = tmp_path / "lexis.txt"
    path.write_text(LEXIS)
    first, second = list(read_articles([str(path)]))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.published) == (
        "Harbor council approves ferry route",
        date(2014, 6, 17),
    )
    assert second.published == date(2014, 6, 19) and second.source_path == f"{path}:2"
    for article in (first, second):
        assert "Length:" not in article.body and "Load-Date" not in article.body
        assert "End of Document" not in article.body
    assert first.body.rstrip().endswith("officials said.")


def test_factiva_export_splits_on_document_ids():
    articles = split_export(FACTIVA)
    assert articles is not None and len(articles) == 2
    assert [a.published for a in articles] == [date(2021, 3, 3), date(2021, 3, 4)]
    assert articles[0].text.startswith("Ministers meet over fishing rights")
    assert "412 words" not in articles[0].text and "Document NWIRE" not in articles[0].text


def test_one_marker_is_not_an_export():
    single = "The council met on Monday.\n\nEnd of Document\n"
    assert split_export(single) is None
    assert split_export("An ordinary story about a Document ABCDEFGHIJKL.") is None


def test_a_piece_with_only_metadata_is_no_article_and_the_rest_are_read(tmp_path):
    path = tmp_path / "lexis.txt"
    path.write_text(
        LEXIS.replace(
            "End of Document\n\nFarmers", "End of Document\n\nBody\n\nEnd of Document\n\nFarmers"
        )
    )
    items = list(read_articles([str(path)]))
    kinds = [type(i).__name__ for i in items]
    assert kinds.count("Article") == 2 and not any(isinstance(i, EmptyInput) for i in items)
