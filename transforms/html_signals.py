"""Metadata candidates from an HTML tree: what a page offers, before anything is decided.

In: a parsed lxml tree. Out: `Signals`, raw and unnormalized (`transforms.metadata` decides):
what the page declares (<title>, <meta>, JSON-LD, the canonical link, <html lang>: `html_head`),
h1 texts (a <br> read as a space) and the first h2 texts, author elements (`html_authors`), visible
byline and date lines around the headline h1 (after it, then the few elements before it; around
the h2 likest the title without an h1; the top of <body> when there is no heading; a date
between two elements included; beside the page's one credit line; a note of the original
publication anywhere), <time datetime> values, date elements by class, breadcrumb trails and a
standfirst. Element text and place helpers: `html_elements`.

Read-only over the tree, so the body extractor can run on the same tree afterwards. Cheap (about
9% of the time of trafilatura without its metadata pass, `python -m bench.metadata --data ...
--timing 100`): one Python pass over the tags that can hold metadata, the candidate words looked
up with str.find in all class/id values joined, plus a bounded window around the headline.
"""

import re
from bisect import bisect_right
from itertools import accumulate

from lxml import etree

from schemas import Signals
from transforms.html_authors import AUTHOR_CLASS, AUTHOR_HREF, CREDIT_TAGS, author_element
from transforms.html_elements import (
    MAX_CANDIDATES,
    heading_text,
    in_caption,
    in_comment,
    in_promo,
    in_teaser,
    joined_text,
    short_text,
)
from transforms.html_head import head_signals
from transforms.metadata.datetexts import INTL_DATE, ORIGINAL_NOTE_CHARS, ORIGINALLY_PUBLISHED
from transforms.textstats import CREDIT_START, OFFER, prose_sentence

# How many elements after / before the headline are read for visible byline and date lines.
AFTER_H1_ELEMENTS = 60
# A description printed under the headline is its deck from this many words (a shorter one is a label).
MIN_DECK_WORDS = 6
BEFORE_H1_ELEMENTS = 25
# A credit line far from the headline ("Written by Jane Roe") is read with this many elements after it.
CREDIT_NEAR_ELEMENTS = 4
# Without an h1, the h2 likest the page's title is the headline when at least this share of the words
# of both are shared.
TITLED_H2_SHARE = 0.6
# Without an h1 (or h2), the first this many elements of <body> stand in for the headline's surroundings.
TOP_ELEMENTS = 150
# Date elements (by class) longer than this are teasers or whole meta blocks.
MAX_DATE_CHARS = 90

# Words in class/id that mark an element as a candidate (found with str.find over
# all marks of the page at once: a regex or an XPath test per element costs more than the rest).
_AUTHOR_WORDS = ("byline", "author", "writer", "contributor", "reporter")
_DATE_WORDS = ("date", "time", "publish", "posted", "byline", "meta", "dateline", "article-info", "entry-info")
_STANDFIRST_WORDS = tuple(
    """
    standfirst dek deck subtitle sub-title subheadline sub-headline strapline article-summary
    summary-text lede excerpt
    """.split()
)
_MARK_WORDS = tuple(dict.fromkeys(_AUTHOR_WORDS + _DATE_WORDS + _STANDFIRST_WORDS + ("breadcrumb",)))
# Tags that hold a byline, an author, a date, a breadcrumb or a standfirst by class (h2: a deck set as
# a subheading, "<h2 class=sub-headline>"); the rest (list items, emphasis, other subheadings, images,
# SVG paths, scripts, table cells, form fields) are skipped inside libxml2 without a Python object
# (list items near the headline are still read as lines; leaving them out of this scan changed
# nothing on the 793 dev pages).
_SCANNED_TAGS = tuple(
    """
    div span p a h2 ul ol nav section header footer article aside main address time small meta dd dl
    link
    """.split()
)
_DATE_TAGS = {"span", "div", "p", "li", "small", "time", "em", "strong", "header"}
# Credit tags the mark scan does not visit: an author box's heading ("<h3>Written by Jane Roe</h3>",
# "<h2>Article by</h2><div>Jane Roe</div>") is read for its credit, nothing else.
_CREDIT_ONLY_TAGS = tuple(sorted(CREDIT_TAGS - set(_SCANNED_TAGS)))
_AFTER_XPATH = etree.XPath(f"following::*[position() <= {AFTER_H1_ELEMENTS}]")
_BEFORE_XPATH = etree.XPath(f"preceding::*[position() <= {BEFORE_H1_ELEMENTS}]")
_CREDIT_NEAR_XPATH = etree.XPath(f"following::*[position() <= {CREDIT_NEAR_ELEMENTS}]")
_TOP_XPATH = etree.XPath(f"(//body//*)[position() <= {TOP_ELEMENTS}]")

_MARKS_RE = re.compile("|".join(re.escape(w) for w in _MARK_WORDS))
_DATE_RE = re.compile("|".join(_DATE_WORDS))
# The same words as a component's suffix in CSS-in-JS class names ("ContentHeaderDek-x1y2").
_CAMEL_STANDFIRST = re.compile(
    r"[a-z](?:Dek|Deck|Standfirst|Subtitle|SubTitle|Subheadline|SubHeadline|Strapline)(?=$|[\s_-])"
)
_STANDFIRST = re.compile(r"(^|[\s_-])(" + "|".join(_STANDFIRST_WORDS) + r")($|[\s_-])", re.IGNORECASE)
_BY_START = re.compile(
    r"^\s*(by|(?:written|words|posted|opinion|analysis|review|interview|commentary) by|von|por|par)\b", re.IGNORECASE
)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_STRICT_DATE = re.compile(
    rf"\b(19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?!\d)|\b\d{{1,2}}[/.]\d{{1,2}}[/.](19|20)\d{{2}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+(19|20)\d{{2}}\b"
    rf"|\b\d{{1,2}}(st|nd|rd|th)?\s+(of\s+)?{_MONTH},?\s+(19|20)\d{{2}}\b"
    r"|(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日",
    re.IGNORECASE,
)
_DATEISH = re.compile(_STRICT_DATE.pattern + "|" + INTL_DATE + r"|\b(updated|published|posted)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_LABEL = re.compile(r"(?i)updated|published|posted")
_LINE_TAGS = frozenset(
    """
    p div span li address time small header section em strong footer h2 h3 h4 h5 h6 legend dd
    """.split()
)


def _add(items: list, item) -> None:
    if item not in items and len(items) < MAX_CANDIDATES:
        items.append(item)


def _first_part(el) -> str | None:
    """The first child's short text of a meta block too long to be one date line
    ("<div class=meta><span>Posted on May 2, 2024</span><div class=tags>...")."""
    first = next(iter(el), None)
    return short_text(first, MAX_DATE_CHARS) if first is not None and isinstance(first.tag, str) else None


def _marked(body, signals: Signals) -> tuple[list[tuple[object, str]], list, list]:
    """(element, lower-cased class and id) for elements marked with a candidate word, the credit
    elements ("Written by Jane Roe") and the elements whose text notes an original publication
    ("originally published on ..."); rel=author and itemprop=author/creator elements go to
    `author_element` on the way.
    The words are looked up with str.find in all marks of the page joined into one string."""
    elements, marks, credits, notes = [], [], [], []
    for el in body.iter(*_SCANNED_TAGS, *_CREDIT_ONLY_TAGS):
        text = el.text
        if text and "riginally published" in text and len(notes) < MAX_CANDIDATES:
            notes.append(el)
        if (
            text
            and ("ritten" in text or "uthor:" in text or "ontributor" in text or " by" in text[:12])
            and CREDIT_START.match(text)
            and len(credits) < MAX_CANDIDATES
        ):
            credits.append(el)  # "Written by Jane Roe" in an author box anywhere on the page
        if el.tag in _CREDIT_ONLY_TAGS:  # "<h3>Written by Jane Roe</h3>": read for its credit only
            continue
        get = el.get
        if get("rel") or get("itemprop") or ("/" in (get("href") or "") and AUTHOR_HREF.search(get("href"))):
            author_element(el, signals)
        mark = get("class") or ""
        if get("id"):
            mark += " " + get("id")
        if mark:
            elements.append(el)
            marks.append(mark)
    for el in credits:
        if el.tag in CREDIT_TAGS:
            author_element(el, signals)
    joined = "\n".join(marks).lower()
    starts = list(accumulate((len(m) + 1 for m in marks), initial=0))
    hits = set()
    for word in _MARK_WORDS:
        at = joined.find(word)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            hits.add(index)
            at = joined.find(word, starts[index + 1])  # the next element's marks
    return [(elements[i], joined[starts[i] : starts[i + 1] - 1]) for i in sorted(hits)], credits, notes


def _breadcrumb(el) -> str | None:
    parts = [joined_text(li) for li in el.iter("li")] or [joined_text(a) for a in el.iter("a")]
    parts = [p for p in parts if p and len(p) <= 60]
    return " / ".join(parts) if parts else None


def _lines(elements, signals: Signals, seen: set[str]) -> None:
    """Short visible lines that look like bylines or dates."""
    for el in elements:
        if el.tag not in _LINE_TAGS:
            continue
        text = short_text(el)
        if not text or text in seen:
            continue
        seen.add(text)
        byline = _BY_START.match(text) or ((_DIGIT.search(text) or _LABEL.search(text)) and _DATEISH.search(text))
        if byline and prose_sentence(text):
            byline = None  # "A report published on February 12, 2025, put the cost at ...": the body's
        tail = (el.tail or "").strip()  # "<legend>Title</legend> 20 May 2024": a date between elements
        dated_tail = tail and len(tail) <= MAX_DATE_CHARS and _DIGIT.search(tail) and _STRICT_DATE.search(tail)
        if (byline or dated_tail) and (in_caption(el) or in_teaser(el)):
            continue  # "... in Philadelphia, May 21, 2019. (AP Photo/...)": the photo's date, not the page's;
            # a related story's card: its byline and date
        if byline:
            _add(signals.byline_lines, text)
        if dated_tail:
            _add(signals.byline_lines, " ".join(tail.split()))


def _body_signals(body, signals: Signals) -> tuple[list[tuple[object, str]], list, list]:
    """Fills `signals` from the body; returns the standfirst candidates (element, text) in order,
    the credit elements and the original-publication notes (see `_marked`)."""
    standfirsts = []
    for el in body.iter("time"):
        if el.get("datetime"):
            _add(signals.date_texts, ("time", el.get("datetime").strip()))
    marked, credits, notes = _marked(body, signals)
    for el, marks in marked:
        if AUTHOR_CLASS.search(marks):
            author_element(el, signals, marks)
        if el.tag in _DATE_TAGS and _DATE_RE.search(marks):
            text = short_text(el, MAX_DATE_CHARS) or _first_part(el)
            if text and _STRICT_DATE.search(text):
                _add(signals.date_texts, ("class", text))
        if "breadcrumb" in marks and el.tag in ("nav", "ol", "ul", "div", "p"):
            trail = _breadcrumb(el)
            if trail:
                _add(signals.breadcrumbs, trail)
        elif (
            len(standfirsts) < MAX_CANDIDATES
            and el.tag in ("p", "div", "h2", "span")
            and (_STANDFIRST.search(marks) or _CAMEL_STANDFIRST.search(el.get("class") or ""))
        ):
            text = short_text(el, 400)
            if (
                text
                and len(text) >= 20
                and not OFFER.search(text)
                and not _BY_START.match(text)
                and not _STRICT_DATE.match(text)
                and not in_promo(el)
            ):  # a byline block is no deck
                standfirsts.append((el, text))
    return standfirsts, credits, notes


def _standfirst(candidates: list[tuple[object, str]], after: list) -> str | None:
    """The deck: the first candidate among the elements that follow the headline (teasers lower
    on the page carry their own "dek"), or the first on a page without a headline."""
    if after is None:
        return candidates[0][1] if candidates else None
    following = set(after)
    return next((text for el, text in candidates if el in following), None)


def html_signals(tree) -> Signals:
    signals = Signals()
    head_signals(tree, signals)
    h1s = list(tree.iter("h1"))
    signals.headings = [t for t in (heading_text(h) for h in h1s) if t][:5]
    signals.subheadings = [t for t in (heading_text(h) for h in tree.iter("h2")) if t][:MAX_CANDIDATES]
    body = tree.find(".//body")
    standfirsts, credits, notes = _body_signals(body if body is not None else tree, signals)
    # The headline's h1: the first of a few words (a lone "Articles" h1 is a section label).
    anchor = next((h for h in h1s if len(heading_text(h).split()) >= 3), h1s[0] if h1s else _titled_h2(tree, signals))
    seen: set[str] = set()
    after = _AFTER_XPATH(anchor) if anchor is not None else None
    if anchor is not None:
        _lines(after, signals, seen)
        _lines(reversed(_BEFORE_XPATH(anchor)), signals, seen)
    else:
        _lines(_TOP_XPATH(tree), signals, seen)
    if not signals.byline_lines and len(credits) == 1 and not in_comment(credits[0]):
        # the page's one author box, far from the headline: "<p>Written by Jane Roe</p><p>May 3, 2024</p>"
        # (several credits are teasers' cards)
        _lines([credits[0], *_CREDIT_NEAR_XPATH(credits[0])], signals, seen)
    for el in notes:
        text = short_text(el, ORIGINAL_NOTE_CHARS)  # "This article was originally published on 26 Sep 2019 ..."
        if text and ORIGINALLY_PUBLISHED.search(text) and _STRICT_DATE.search(text) and not in_comment(el):
            _add(signals.byline_lines, text)
    signals.subtitle = _standfirst(standfirsts, after) or _printed_description(after, signals)
    return signals


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").casefold()))


def _titled_h2(tree, signals: Signals):
    """Without an h1, the h2 that is the page's title: the one whose words are likest the title's
    (og:title or <title>; shared words over all words, at least TITLED_H2_SHARE), else the first h2
    (a menu's heading, often)."""
    title = _words(signals.meta.get("og:title")) | _words(signals.title)
    first, best, best_share = None, None, 0.0
    for h2 in tree.iter("h2"):
        first = h2 if first is None else first
        words = _words(heading_text(h2))
        share = len(words & title) / len(words | title) if len(words) >= 3 else 0.0
        if share > best_share:
            best, best_share = h2, share
    return best if best_share >= TITLED_H2_SHARE else first


def _printed_description(after, signals: Signals) -> str | None:
    """The page's description where it is printed right under the headline: a standfirst with no
    class name that says so (a <p> or <h2> over the article). Its own text must be the whole
    description; promo boxes and sidebars do not count."""
    wanted = {" ".join(d.split()) for d in (signals.meta.get("og:description"), signals.meta.get("description")) if d}
    wanted = {d for d in wanted if len(d.split()) >= MIN_DECK_WORDS}
    if not after or not wanted:
        return None
    for el in after:
        text = " ".join((el.text or "").split())
        if text in wanted and not len(el) and not in_promo(el):
            return text
    return None
