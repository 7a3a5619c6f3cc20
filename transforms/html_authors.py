"""Author candidates of an HTML page: which elements credit a writer, as (source, text) pairs.

In: one element of the tree (and its class and id, lower-cased, when the mark scan found an
author word in them). Out: an entry in `Signals.author_texts`: rel=author ("rel"), itemprop
author/creator ("itemprop", its name's text), a link to an author page ("link"), a byline or
author class ("class"; its first text when the whole is a box with a bio: "box"), a "Written by"
credit anywhere on the page ("credit"; a label alone is read with the text after it). None from
another story's card or a reader's comment; at most MAX_CANDIDATES per source.
"""

import re

from schemas import Signals
from transforms.html_elements import MAX_CANDIDATES, in_comment, in_teaser, short_text, spaced_text
from transforms.textstats import CREDIT_START

# The first text of an author box (name, then bio) longer than this is not a name.
MAX_BOX_NAME_CHARS = 60
# Tags a "Written by" credit is read from (an author box's heading among them).
CREDIT_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "span", "div", "strong", "em", "small"}
# A class that marks an author's picture, bio, social links or a comment, not the byline's name.
_NOT_AUTHOR_CLASS = re.compile(
    r"avatar|image|img|photo|bio|about|description|credential|social|follow|comment|more-from|related", re.IGNORECASE
)
AUTHOR_CLASS = re.compile(r"byline|author|writer|contributor|reporter", re.IGNORECASE)
AUTHOR_HREF = re.compile(r"/(author|authors|writers?|contributors?|people|profile)/[^/?#]+")


def author_element(el, signals: Signals, marks: str = "") -> None:
    """One candidate element as (source, text) when it qualifies: rel/itemprop author, a link to
    an author page, a byline/author class, or a "Written by" credit; none inside another story's card."""
    rel = (el.get("rel") or "").lower()
    itemprop = (el.get("itemprop") or "").lower()
    if "author" in rel.split():
        source = "rel"
    elif itemprop in ("author", "creator"):
        source = "itemprop"
    elif el.tag == "a" and AUTHOR_HREF.search(el.get("href") or ""):
        source = "link"
    elif marks and AUTHOR_CLASS.search(marks):
        if _NOT_AUTHOR_CLASS.search(marks) or in_comment(el):
            return
        source = "class"
    elif el.tag in CREDIT_TAGS and CREDIT_START.match(el.text or ""):
        source = "credit"  # "Written by Jane Roe" in an author box anywhere on the page
    else:
        return
    if in_teaser(el):  # looked for only once the element qualifies (most rel= links are no author's)
        return
    if source == "itemprop":
        names = el.xpath(".//*[@itemprop='name']")
        if names:
            name = names[0].get("content") or spaced_text(names[0])
            if name:
                add_author(signals, "itemprop", name)
            return
    text = el.get("content") if el.tag == "meta" else short_text(el)
    if source == "credit" and text and not CREDIT_START.sub("", text):
        # the label alone: the name is the text after it ("<b>Contributors:</b> Jane Roe") or the
        # next element's first text ("<h2>Written by</h2><div><img><h3>Jane Roe</h3><p>bio</p></div>")
        name = " ".join((el.tail or "").split())
        following = el.getnext()
        if not name and following is not None:
            name = next((t.strip() for t in following.itertext() if t.strip()), "")
        text = f"{text} {name}" if name and len(name) <= MAX_BOX_NAME_CHARS else None
    if text is None and source == "class":  # an author box: the name first, then the bio
        source, text = "box", next((t.strip() for t in el.itertext() if t.strip()), None)
        text = text if text and len(text) <= MAX_BOX_NAME_CHARS else None
    if text:
        add_author(signals, source, text)


def add_author(signals: Signals, source: str, text: str) -> None:
    """At most MAX_CANDIDATES per source: a page's teaser links cannot crowd out its byline."""
    if (
        sum(s == source for s, _ in signals.author_texts) < MAX_CANDIDATES
        and (source, text) not in signals.author_texts
    ):
        signals.author_texts.append((source, text))
