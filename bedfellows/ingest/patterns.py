"""Line-level patterns for the page furniture that pasted web articles carry.

Each pattern is matched against one stripped line. They are generic (WordPress,
Blogger, news-site conventions), never tied to one site or one article.
"""

from __future__ import annotations

import re

_NUMBER = r"(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_FLAGS = re.IGNORECASE

# A line that opens the reader-comments section: "2 thoughts on “Title”",
# "14 Comments", "3 Responses to …", "Comments (5)", "Join the discussion".
COMMENTS_HEADER = re.compile(
    rf"""(?:{_NUMBER}\s+(?:thoughts?|comments?|responses?|replies|reactions?|opinions?)
            (?:\s+(?:on|to|for)\s+\S.*)?:?
        |(?:reader\s+|user\s+)?comments?(?:\s*\(\d+\))?:?
        |(?:show|view|read|see|load)\s+(?:all\s+)?(?:\d+\s+)?comments?
        |join\s+the\s+(?:discussion|conversation|debate))""",
    _FLAGS | re.VERBOSE,
)

# A line that opens the comment form; everything after it is form furniture.
FORM_HEADER = re.compile(
    r"""(?:(?:leave|post|add|write|submit|share|have)\s+(?:a|an|your|the)?\s*
            (?:reply|comment|response|thoughts?)\b.*
        |comments?\s+(?:are|is)\s+closed\b.*
        |you\s+must\s+be\s+logged\s+in\s+to\s+(?:post|leave)\s+a\s+comment\b.*)""",
    _FLAGS | re.VERBOSE,
)

# A line that opens a trailing widget of links or teasers ("Latest from News",
# "Related posts", "You may also like").
TAIL_HEADER = re.compile(
    r"""(?:(?:latest|more|also|other|recent|top)\s+(?:(?:news|stories|posts|articles)\s+)?
            (?:from|in|on)\s+\S.{0,50}
        |(?:latest|recent|related|similar|popular|more|top|trending|recommended)\s+
            (?:posts|articles|stories|news|reads|content|videos|coverage)(?:\s+for\s+you)?:?
        |(?:you|we\s+think\s+you)\s+(?:may|might|will|could)\s+also\s+
            (?:like|enjoy|be\s+interested\s+in):?
        |(?:recommended\s+for\s+you|read\s+next|most\s+(?:read|popular|viewed|shared)
            |editor'?s\s+picks?|(?:from\s+)?around\s+the\s+web|trending\s+now
            |in\s+case\s+you\s+missed\s+it):?)""",
    _FLAGS | re.VERBOSE,
)

# Whole lines that are furniture wherever they appear (share bars, ads, the
# comment form's login prompts, post meta, comment meta).
_WHOLE_LINE = [
    # share and like bars
    r"share(?:\s+(?:this|on\s+\w+))?(?:\s+(?:article|story|post|page))?:?",
    r"click\s+to\s+(?:share|email|print|tweet)\b.*",
    r"\(?opens?\s+in\s+(?:a\s+)?new\s+window\)?",
    r"(?:tweet|email|e-mail|print|pinterest|pin\s+it|facebook|twitter|linkedin|whatsapp|reddit"
    r"|telegram|pocket|tumblr|more|x|copy\s+link)",
    r"like\s+this:?",
    r"like(?:\s+loading\s*(?:\.\.\.|…))?",
    r"liked\s+by\s+.{1,40}",
    r"be\s+the\s+first\s+to\s+like\s+this\.?",
    r"loading\s*(?:\.\.\.|…)",
    r"related:?",
    # advertising
    r"advertisements?|advertising|sponsored(?:\s+content)?|ad",
    r"(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?\.?",
    r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?\.?",
    r"read\s+more\.?(?:\s*(?:»|›|>))?",
    # newsletter and subscription prompts
    r"subscribe(?:\s+(?:now|today|here))?[.!]?",
    r"sign\s+up(?:\s+(?:now|today|here))?[.!]?",
    r"(?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the)\s+.{0,40}newsletters?.{0,200}",
    # navigation and post meta
    r"skip\s+to\s+(?:main\s+)?content",
    r"(?:posted|filed)\s+(?:in|under)\b.{0,200}",
    r"(?:tags?|tagged|categories|category)(?:\s+with)?:.{0,200}",
    r"follow\s+us(?:\s+on\s+.{1,60})?",
    r"(?:previous|next)\s+(?:post|article|story)\b.{0,200}",
    r"(?:©|\(c\)|copyright\s+(?:©|\(c\)|\d{4}))\s*.{0,120}",
    r"all\s+rights\s+reserved\.?",
    # comment form (WordPress.com and self-hosted)
    r"fill\s+in\s+your\s+details\s+below\b.*",
    r"you\s+are\s+commenting\s+using\s+your\b.*",
    r"log\s*out\s*/\s*change\b.*",
    r"connecting\s+to\s+%s",
    r"[\w.-]+\s+logo",
    r"(?:twitter|facebook|google|gravatar)\s+(?:picture|photo|image|account)",
    r"notify\s+me\s+of\s+(?:new|follow-?up)\b.*",
    r"your\s+email\s+address\s+will\s+not\s+be\s+published\b.*",
    r"required\s+fields\s+are\s+marked\b.*",
    r"save\s+my\s+name,?\s+email\b.*",
    r"this\s+site\s+uses\s+akismet\b.*",
    r"cancel\s+reply|post\s+comment|submit\s+comment|send\s+comment",
    r"(?:name|email|e-mail|website|comment|message)\s*\*?:?",
    # cookie banners
    r"(?:accept|allow|reject|manage)\s+(?:all\s+)?(?:cookies|preferences|settings)",
]
_WHOLE_LINE_RE = re.compile("|".join(f"(?:{p})" for p in _WHOLE_LINE), _FLAGS)

# Prose lines that are furniture when short: newsletter blurbs (a newsletter
# plus a call to action, or "to your inbox") and cookie notices.
_NEWSLETTER = re.compile(r"\bnewsletters?\b", _FLAGS)
_CALL_TO_ACTION = re.compile(
    r"\b(?:subscrib\w*|sign(?:ing)?\s+up|stay\s+in\s+touch|join|e-?mail\s+address)\b", _FLAGS
)
_PROSE = re.compile(
    r"""\b(?:directly?|straight|delivered)\s+(?:\w+\s+){0,2}to\s+your\s+inbox\b
    |\b(?:we|this\s+(?:web)?site)\s+uses?\s+cookies\b
    |\bcookie\s+(?:policy|settings|preferences|consent)\b
    |\baccept\s+(?:all\s+)?cookies\b
    |\bby\s+continuing\s+to\s+(?:use|browse)\s+this\b""",
    _FLAGS | re.VERBOSE,
)
_PROSE_MAX_WORDS = 60
_WHOLE_LINE_MAX_WORDS = 30

# Comment meta lines: reply links, timestamps, like counts.
_COMMENT_META = re.compile(
    r"""(?:reply|report|log\s+in\s+to\s+reply|reply\s*↓|permalink|edit|flag|vote|\d+\s+likes?
    |(?:on\s+)?[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?
    |(?:on\s+)?\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?
    |\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?
    |\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago)""",
    _FLAGS | re.VERBOSE,
)

# "Jane Doe says:" / "Jane Doe on June 3, 2014 at 4:12 pm said:" — the author line of a comment.
COMMENT_AUTHOR = re.compile(
    r"(?P<name>\S.{0,60}?)(?:\s+on\s+.{4,40}?)?\s+(?:says\s*:?|(?:said|wrote|commented|replied)\s*:)",
    _FLAGS,
)

# "1. text" / "2) text": a numbered comment in a pasted comment list.
NUMBERED = re.compile(r"(?P<num>\d{1,4})[.)]\s+(?P<rest>\S.*)")


def _short(line: str, limit: int) -> bool:
    return len(line.split()) <= limit


def is_comments_header(line: str) -> bool:
    """True if the stripped ``line`` opens a reader-comments section."""
    if not _short(line, 25) or not COMMENTS_HEADER.fullmatch(line):
        return False
    # A sentence ("3 comments on the bill were filed.") ends in a period; a
    # header ends in the quoted title, a question mark or nothing.
    return not line.endswith(".") or line.endswith('."')


def is_form_header(line: str) -> bool:
    """True if the stripped ``line`` opens the comment form."""
    return _short(line, 12) and FORM_HEADER.fullmatch(line) is not None


def is_tail_header(line: str) -> bool:
    """True if the stripped ``line`` opens a trailing related/latest-posts widget."""
    return _short(line, 10) and not line.endswith(".") and TAIL_HEADER.fullmatch(line) is not None


def is_boilerplate_line(line: str) -> bool:
    """True if the stripped ``line`` is page furniture wherever it appears."""
    if _short(line, _WHOLE_LINE_MAX_WORDS) and _WHOLE_LINE_RE.fullmatch(line):
        return True
    if not _short(line, _PROSE_MAX_WORDS):
        return False
    if _PROSE.search(line):
        return True
    return bool(_NEWSLETTER.search(line) and _CALL_TO_ACTION.search(line))


def is_comment_meta(line: str) -> bool:
    """True if the stripped ``line`` is a comment timestamp, reply link or like count."""
    return _COMMENT_META.fullmatch(line) is not None
