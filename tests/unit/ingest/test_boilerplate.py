"""split_page: the text-level cutter for pasted web pages (made-up pages)."""

from __future__ import annotations

from bedfellows.ingest import split_page

ARTICLE = (
    "The harbor council voted on Tuesday to approve a new ferry route between the northern "
    "pier and the island villages, ending a dispute that had lasted for two years.\n"
    "\n"
    "Council members said the route would cut travel times for commuters and help the "
    "shops that depend on summer visitors."
)

WORDPRESS_PAGE = f"""{ARTICLE}

Share this:

Click to share on Twitter (Opens in new window)

Like this:

Like Loading...

3 Responses to "Harbor Council Approves Ferry Route"

  1. Finally some good news for the people who commute every day.

    The old timetable was a joke.

  2. I worry about the birds near the island.

  3. Who is paying for the new pier?

Leave a Comment

Fill in your details below or click an icon to log in:

Gravatar.com Logo

You are commenting using your Gravatar.com account. Log Out / Change )

Google photo

Notify me of new comments via email.

Connecting to %s
"""


def test_wordpress_page_is_cut_into_body_comments_and_form():
    body, comments, boilerplate = split_page(WORDPRESS_PAGE)
    assert body == ARTICLE
    assert [c.index for c in comments] == [0, 1, 2]
    assert comments[0].text == (
        "Finally some good news for the people who commute every day.\n\n"
        "The old timetable was a joke."
    )
    assert comments[2].text == "Who is paying for the new pier?"
    assert "Leave a Comment" in boilerplate
    assert "Connecting to %s" in boilerplate
    assert "Share this:" in boilerplate
    assert not any("birds" in line for line in boilerplate)


def test_author_lines_start_comments():
    page = f"""{ARTICLE}

2 comments

Ruth Alder says:
March 3, 2021 at 4:12 pm

The ferry will be full of tourists by July.

Reply

Tom Birch says:

It is about time.

I hope the fares stay low.
"""
    body, comments, boilerplate = split_page(page)
    assert body == ARTICLE
    assert [(c.author, c.text) for c in comments] == [
        ("Ruth Alder", "The ferry will be full of tourists by July."),
        ("Tom Birch", "It is about time.\n\nI hope the fares stay low."),
    ]
    assert "Reply" in boilerplate


def test_unnumbered_comment_blocks_are_one_comment_each():
    page = f'{ARTICLE}\n\n2 thoughts on "Ferry"\n\nFirst reader view.\n\nSecond reader view.\n'
    _, comments, _ = split_page(page)
    assert [c.text for c in comments] == ["First reader view.", "Second reader view."]


def test_newsletter_latest_and_cookie_text_are_boilerplate():
    page = f"""We use cookies to improve your experience. By continuing to use this site you agree.

{ARTICLE}

Advertisement

Sign up for our newsletter

Latest from Politics

Mayor opens new library
Budget vote delayed again
"""
    body, comments, boilerplate = split_page(page)
    assert body == ARTICLE
    assert comments == []
    assert "Latest from Politics" in boilerplate
    assert "Budget vote delayed again" in boilerplate
    assert "Advertisement" in boilerplate
    assert any("cookies" in line for line in boilerplate)


def test_newsletter_blurb_without_header_is_boilerplate():
    blurb = (
        "Thanks for reading! Subscribe to our weekly newsletter and get every story "
        "delivered straight to your inbox."
    )
    body, _, boilerplate = split_page(f"{ARTICLE}\n\n{blurb}\n")
    assert body == ARTICLE
    assert boilerplate == [blurb]


def test_header_before_any_prose_does_not_swallow_the_article():
    # Blog themes print the comment count and a "Leave a comment" link under the title.
    page = f"Posted by the editors\n\n4 Comments\n\nLeave a comment\n\n{ARTICLE}\n"
    body, comments, boilerplate = split_page(page)
    assert body.endswith(ARTICLE)
    assert comments == []
    assert {"4 Comments", "Leave a comment"} <= set(boilerplate)


def test_sentences_that_look_like_headers_stay_in_the_body():
    text = (
        f"{ARTICLE}\n\n"
        "3 comments on the draft were received by the ministry before the deadline.\n\n"
        "Published in 1998, the first plan was never carried out.\n\n"
        "Copyright disputes over the old maps delayed the work.\n\n"
        "The mayor said our newsletter reaches every household on the island.\n\n"
        "The final plan will be published in May."
    )
    body, comments, _ = split_page(text)
    assert body == text
    assert comments == []


def test_plain_article_passes_through_unchanged():
    body, comments, boilerplate = split_page(f"\n\n{ARTICLE}\n\n")
    assert (body, comments, boilerplate) == (ARTICLE, [], [])
