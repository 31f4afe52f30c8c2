"""HTML pages: body without comments, comments split per item, metadata."""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.errors import MalformedRecord
from bedfellows.ingest import read_articles
from bedfellows.ingest.html import extract_html, visible_lines
from bedfellows.schema import Article

PARAGRAPHS = [
    "The harbor council voted on Tuesday to approve a new ferry route between the northern "
    "pier and the island villages, ending a dispute that had lasted for more than two years.",
    "Council members said the route would cut travel times for commuters and help local "
    "businesses that depend on visitors during the summer months.",
    "The mayor welcomed the decision and said the city would work with the operator to "
    "publish a timetable before the start of the tourist season.",
]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry Route Approved | The Coastal Ledger</title>
<meta property="og:title" content="Ferry Route Approved">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:url" content="https://ledger.example.org/2021/03/ferry">
<meta property="article:published_time" content="2021-03-14T09:30:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>Ferry Route Approved</h1>
{paragraphs}
</article>
<section id="comments" class="comments-area">
<h2>2 thoughts on &ldquo;Ferry Route Approved&rdquo;</h2>
<ol class="comment-list">
<li id="comment-11" class="comment depth-1">
 <article id="div-comment-11" class="comment-body">
  <footer class="comment-meta"><div class="comment-author vcard">
   <b class="fn">Marta</b> <span class="says">says:</span></div>
   <div class="comment-metadata"><time>March 14, 2021 at 12:00 pm</time></div></footer>
  <div class="comment-content"><p>Finally some good news for island commuters.</p></div>
  <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
 </article>
 <ol class="children">
  <li id="comment-12" class="comment depth-2">
   <article id="div-comment-12" class="comment-body">
    <footer class="comment-meta"><div class="comment-author vcard">
     <b class="fn">Oskar</b> <span class="says">says:</span></div></footer>
    <div class="comment-content"><p>I worry about the birds.</p><p>We will see.</p></div>
   </article>
  </li>
 </ol>
</li>
</ol>
<div id="respond"><h3>Leave a Reply</h3>
<form><p>Your email address will not be published.</p><textarea></textarea></form></div>
</section></main>
<footer><p>Sign up for our newsletter</p></footer>
</body></html>
""".replace("{paragraphs}", "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS))


@pytest.fixture()
def page_file(tmp_path):
    path = tmp_path / "ferry.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_html_body_comments_and_metadata(page_file):
    [art] = list(read_articles([str(page_file)]))
    assert art.body == "\n\n".join(PARAGRAPHS)
    assert art.title == "Ferry Route Approved"
    assert art.published == date(2021, 3, 14)
    assert art.url == "https://ledger.example.org/2021/03/ferry"
    assert art.source == "The Coastal Ledger"
    assert [(c.index, c.author, c.text) for c in art.comments] == [
        (0, "Marta", "Finally some good news for island commuters."),
        (1, "Oskar", "I worry about the birds.\n\nWe will see."),
    ]
    for word in ("Reply", "newsletter", "email address", "Marta"):
        assert word not in art.body


def test_comments_without_item_markup_fall_back_to_trafilatura():
    html = PAGE.replace('class="comment depth-1"', "").replace('class="comment depth-2"', "")
    html = html.replace('id="comment-11"', "").replace('id="comment-12"', "")
    page = extract_html(html, source="x.html")
    texts = " ".join(c.text for c in page.comments)
    assert "island commuters" in texts
    assert "island commuters" not in page.body


def test_html_detected_in_extensionless_file(tmp_path, page_file):
    path = tmp_path / "saved-page"
    path.write_text(PAGE, encoding="utf-8")
    [art] = list(read_articles([str(path)]))
    [ref] = list(read_articles([str(page_file)]))
    assert art.article_id == ref.article_id
    assert len(art.comments) == 2


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<<<>>>", "<div></div>"])
def test_html_without_text_is_malformed(tmp_path, html):
    path = tmp_path / "empty.html"
    path.write_text(html)
    [err] = list(read_articles([str(path)]))
    assert isinstance(err, MalformedRecord)
    assert err.source == str(path)


def test_text_cutter_also_runs_on_extracted_html(tmp_path):
    blurb = "Sign up for our newsletter and get the news delivered straight to your inbox."
    html = PAGE.replace("</article>", f"<p>Share this:</p><p>{blurb}</p></article>")
    path = tmp_path / "page.htm"
    path.write_text(html, encoding="utf-8")
    [art] = list(read_articles([str(path)]))
    assert art.body == "\n\n".join(PARAGRAPHS)
    assert blurb in art.boilerplate


def test_tiny_page_keeps_comment_text_out_of_the_body():
    html = (
        "<html><body><p>The council met briefly.</p>"
        '<section id="comments"><div class="comment"><p>A reader view.</p></div></section>'
        "</body></html>"
    )
    page = extract_html(html, source="tiny.html")
    assert page.body == "The council met briefly."
    assert [c.text for c in page.comments] == ["A reader view."]


FRAGMENT = (
    "<p>Iran and Iraq signed a defence pact in Baghdad on Monday, officials said, as the "
    "United States stayed silent on the deal.</p>"
)


def test_a_short_paragraph_fragment_is_read(tmp_path):
    path = tmp_path / "fragment.html"
    path.write_text(FRAGMENT, encoding="utf-8")
    [art] = list(read_articles([str(path)]))
    assert isinstance(art, Article)
    assert art.body == FRAGMENT.removeprefix("<p>").removesuffix("</p>")


def test_visible_text_fallback_drops_scripts_navigation_forms_and_comments():
    html = (
        "<html><head><title>T</title><style>p {color: red}</style></head><body>"
        "<nav>Home | World</nav><script>track()</script><div>Ceasefire <b>holds</b> in the "
        "north.</div><p>Talks resume on Friday.</p><!-- hidden -->"
        '<div class="comments"><p>First!</p></div><form><p>Leave a reply</p></form>'
        "</body></html>"
    )
    assert visible_lines(html) == ["Ceasefire holds in the north.", "Talks resume on Friday."]


@pytest.mark.parametrize(
    "html", ["<html><body><script>track()</script><!-- only a comment --></body></html>"]
)
def test_a_page_of_invisible_markup_is_still_rejected(html):
    with pytest.raises(MalformedRecord, match="no extractable text"):
        extract_html(html, source="blank.html")
