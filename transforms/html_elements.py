"""What an element of an HTML tree says, and where it sits: the helpers `html_signals` and
`html_authors` share.

Text: an element's text joined (`joined_text`), with a space at element boundaries
(`spaced_text`), a heading's with its <br> as a space (`heading_text`), a short text or None
without reading a long one (`short_text`). Place: inside another story's card (`in_teaser`), a reader's comment
(`in_comment`), a newsletter box, a sidebar or the footer (`in_promo`), a photo's caption
(`in_caption`). Read-only over the tree.
"""

import re
from itertools import islice

# A byline or date line is short; longer texts are bios, teasers or whole sections.
MAX_LINE_CHARS = 160
# At most this many candidates of each kind are kept (pages repeat author boxes per teaser).
MAX_CANDIDATES = 12
# How many levels around an author element are looked at for a comment's class (a comment's
# author and text sit a few levels inside the comment's element).
COMMENT_LEVELS = 4
# Class tokens of the element that holds a comment's text.
_COMMENT_TEXT = {"comment", "comment-body", "comment-content", "comment-text"}
# Containers of other stories' cards (their bylines and dates are not this article's), by a class or id
# token's start: "recirc-list", "summary-item", "related-posts", "most-popular", "read-next" (not a page
# container's modifier: "<main class='has-recirc-strip'>").
_TEASER_BOX = re.compile(
    r"(?:^|\s)(?:recirc|summary-item|related|teaser|more-from|most-popular|trending|read-next"
    r"|recommend|also-read|outbrain|taboola)",
    re.IGNORECASE,
)
# How far up an element's ancestors such a container is looked for (the article's own <article> or
# <main> ends the search).
TEASER_BOX_LEVELS = 10
# Containers of offers, not articles: newsletter sign-ups, paywalls, sidebars.
_PROMO_BOX = re.compile(r"newsletter|subscri|sign-?up|paywall|gating|gated")
_SIDE_TOKENS = {"sidebar", "right-sidebar", "left-sidebar", "widget-area", "secondary"}
_MEDIA_CAPTION = re.compile(r"(?i)(?:image|photo|img|media|picture|video|figure)[-_]*caption")


def joined_text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def spaced_text(el) -> str:
    """Text with a space at every element boundary: "<a>Name</a><span>May 2</span>" stays apart."""
    return " ".join(" ".join(el.itertext()).split())


def heading_text(el) -> str:
    """A heading's text, a <br> read as a space ("WEEKEND<br>PLANS" -> "WEEKEND PLANS")."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(" " if child.tag == "br" else heading_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def short_text(el, limit: int = MAX_LINE_CHARS) -> str | None:
    """`spaced_text`, or None as soon as it passes `limit` characters (without reading the rest)."""
    parts, size = [], 0
    for piece in el.itertext():
        size += len(piece.strip())
        if size > limit:
            return None
        parts.append(piece)
    text = " ".join(" ".join(parts).split())
    return text if text and len(text) <= limit else None


def in_teaser(el) -> bool:
    """The element sits in a card of another story (a related-stories or recirculation box)."""
    for level, node in enumerate(el.iterancestors()):
        if level >= TEASER_BOX_LEVELS or node.tag in ("article", "main", "body"):
            return False
        mark = (node.get("class") or "") + " " + (node.get("id") or "")
        if _TEASER_BOX.search(mark):
            return True
    return False


def in_comment(el) -> bool:
    """A name in a comment: an element a few levels around it is classed as a comment
    ("<li class=comment-item><span class=author>Ann</span>"), or an element beside it holds the
    comment's text ("<span class=author>Ann</span><div class=comment>Thanks ...</div>"); a
    comment count beside a byline ("meta-comments", "comments-link") is no comment."""
    if any("comment" in (node.get("class") or "").lower() for node in islice(el.iterancestors(), COMMENT_LEVELS)):
        return True
    parent = el.getparent()
    return parent is not None and any(
        _COMMENT_TEXT & set((node.get("class") or "").lower().split()) for node in parent if isinstance(node.tag, str)
    )


def in_promo(el) -> bool:
    """Inside a newsletter sign-up, a paywall overlay, a sidebar or the page footer: a "subtitle"
    there describes a newsletter or an offer, not the article. Class and id tokens are matched
    whole for sidebars ("content-sidebar-wrap" holds the article too); <body> is not looked at."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        tokens = f"{node.get('class') or ''} {node.get('id') or ''}".lower().split()
        if (
            node.tag in ("aside", "footer")
            or any(t in _SIDE_TOKENS for t in tokens)
            or any(_PROMO_BOX.search(t) for t in tokens)
        ):
            return True
    return False


def in_caption(el) -> bool:
    """Inside a photo's caption: a <figure> or <figcaption>, or an element classed as a media
    caption ("image__caption"; a bare "caption" class is also a typography style for small text)."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("figure", "figcaption") or _MEDIA_CAPTION.search(node.get("class") or ""):
            return True
    return False
