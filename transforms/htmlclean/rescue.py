"""Second chances for trafilatura's output: dropped subheadings and key points back in, short
extractions replaced.

In: facts read from the parsed page before trafilatura runs (its subheadings and what follows each,
its key points, its JSON-LD `articleBody`, its prose word count) and the extracted `(text,
is_heading)` paragraphs. Out: the paragraphs with the missing subheadings re-inserted and the
missing key points put first, or a decision whether a second extraction (trafilatura's balanced
mode, the page's own JSON-LD body) should replace them.

trafilatura drops plain h2-h6 subheadings on many template families. Its recall mode (the first
pass: no readability comparison on long pages, so about 30% cheaper) now and then settles on a
small sub-container (a teaser, an intro box) of a long article; balanced mode, with its
readability/justext comparison, is paid only on pages whose first extraction is short against the
page's prose (about one page in twenty on the dev sets).
"""

import re
from itertools import islice

from lxml import etree

from transforms.textstats import word_count as text_words  # CJK characters count as words
from transforms.textstats import word_key as _norm

# h2-h6 only: h1 is the headline (metadata). Longer "headings" are teasers or styled paragraphs.
SUBHEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
SUBHEADING_MAX_WORDS = 20
# The text right after a heading must be long enough to identify the paragraph it opens.
ANCHOR_MIN_WORDS = 3
# XPath's whitespace (what normalize-space() strips): a text node of only these is blank, one of
# no-break spaces is not.
XML_SPACE = " \t\r\n"
# An extraction under this share of the page's prose words (paragraphs and list items outside
# navigation, comment threads, never-rendered templates and script-less fallbacks, not mostly
# links), or under the floor, may have missed the article: only then is the second mode run.
# Simulated on both dev sets, every share from 0.5 to 0.9 and floor from 50 to 200 gave the same F1;
# 0.6 / 100 sits inside that plateau. Balanced mode runs on 38 of 793 wcxb pages and 6 of 80 fundus
# pages (60 and 6 while comment threads counted as prose; the same pages win), on none of the
# generated corpus (29%).
SHORT_SHARE = 0.6
SHORT_FLOOR_WORDS = 100
PROSE_SKIP_ANCESTORS = frozenset({"nav", "header", "footer", "aside", "form", "template", "noscript"})
PROSE_MAX_LINK_SHARE = 0.5
# The second text replaces the first one when it is longer by this factor: on pages it was
# triggered for, the extra text is mostly the missed article, not boilerplate.
SECOND_MIN_GAIN = 1 / 0.9
# The page's JSON-LD articleBody wins when it is a real text and clearly longer than the extraction.
LD_MIN_WORDS = 150
LD_MIN_GAIN = 1.5

# The article's summary bullets, set apart from its body ("Key Points" on CNBC and The Motley Fool,
# "Key takeaways" on guides): a block named so by its class or id, or a list under a heading that
# says so. Items are sentences (a few words at least); an item that is mostly a link's text is a
# pointer to another story (a live blog's "key points" link to its posts), not a point.
KEY_POINT_MIN_WORDS = 5
KEY_POINT_MIN_ITEMS = 2
# More list items than this under a named element: a container of the page (menus and all), not the list.
KEY_POINT_MAX_ITEMS = 12
KEY_POINT_MAX_LINK_SHARE = 0.5
_KEY_POINTS = re.compile(r"(?i)key[-_ ]?(?:points|takeaways)")
# A block named as key points by its class, spelled one of the ways sites do ("RenderKeyPoints-list",
# "key-points", "key_takeaways"), or a heading that is the label. Class values holding "ey" are found
# over attribute nodes in C, ~0.4 ms a page (a test of every element, or plain finds in a page's
# megabyte of source, cost 1-5 ms), then read in Python.
_NAMES = ("eyPoints", "ey-points", "ey_points", "eyTakeaways", "ey-takeaways", "ey_takeaways")
_EY_CLASSES = etree.XPath(".//@class[contains(., 'ey')]")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_OUTSIDE = " or ".join(f"ancestor::{tag}" for tag in sorted(PROSE_SKIP_ANCESTORS))
# Comment threads ("comments", "comment-list", "CommentsSection"; not "commentary"): trafilatura
# leaves them out (include_comments=False), so their words must not make its text look short.
_THREAD = (
    "ancestor-or-self::*[(contains(@class, 'omment') or contains(@id, 'omment'))"
    " and not(contains(@class, 'ommentary') or contains(@id, 'ommentary'))]"
)
# a list item holding paragraphs is counted through them, not twice
_PROSE_XPATH = etree.XPath(
    f"//p[not({_OUTSIDE} or {_THREAD})] | //li[not(.//li) and not(.//p) and not({_OUTSIDE} or {_THREAD})]"
)
# Elements that may be a comment thread (`_THREAD`), by their class and id values over attribute
# nodes in C: `prose_elements` finds _PROSE_XPATH's elements from the few blocks that rule them out,
# not from every paragraph's ancestors.
_THREAD_NAMES = etree.XPath("//@class[contains(., 'omment')] | //@id[contains(., 'omment')]")


def subheadings(tree) -> list:
    """The page's h2-h6 elements, in order: read once, for `subheading_anchors` and the extractor's
    clock-stamped headings."""
    return list(tree.iter(*SUBHEADING_TAGS))


def subheading_anchors(headings: list) -> list[tuple[str, str]]:
    """(heading text, normalized start of the text that follows it) for the plain subheadings among
    `headings` (`subheadings`); link headings (teaser titles) are left out. Call before trafilatura
    prunes the tree."""
    out = []
    for el in headings:
        text = " ".join(el.text_content().split())
        if not text or len(text.split()) > SUBHEADING_MAX_WORDS:
            continue
        # tag filters run in lxml's C code: no Python object per ancestor or descendant
        if next(el.iterdescendants("a"), None) is not None or next(el.iterancestors("a"), None) is not None:
            continue
        following = _text_after(el)
        anchor = _norm(following) if following else ""
        if len(anchor.split()) >= ANCHOR_MIN_WORDS:
            out.append((text, anchor))
    return out


def _following_texts(el):
    """The text nodes after `el` and outside it, in document order (XPath's following::text())."""
    node = el
    while node is not None:
        yield node.tail
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):  # a comment's own text is no text node
                yield from sibling.itertext()
            yield sibling.tail
        node = node.getparent()


def _text_after(el) -> str | None:
    """The first non-blank text after `el`: following::text()[normalize-space()][1], read lazily
    (libxml2 collects the page's whole following axis per heading: 1.3 -> 0.4 ms per page)."""
    return next((text for text in _following_texts(el) if text and text.strip(XML_SPACE)), None)


def insert_subheadings(paras: list[tuple[str, bool]], anchors: list[tuple[str, str]]) -> list[tuple[str, bool]]:
    """Put back each missing subheading right before the extracted paragraph its following text
    opens; headings whose text was not extracted stay out (they belong to dropped blocks)."""
    norms = [_norm(text) for text, _ in paras]
    have = set(norms)
    inserts: dict[int, list[tuple[str, bool]]] = {}
    for heading, anchor in anchors:
        key = _norm(heading)
        if not key or key in have:
            continue
        k = next((k for k, n in enumerate(norms) if n.startswith(anchor)), None)
        if k is not None:
            inserts.setdefault(k, []).append((heading, True))
            have.add(key)
    if not inserts:
        return paras
    out: list[tuple[str, bool]] = []
    for k, para in enumerate(paras):
        out.extend(inserts.get(k, []))
        out.append(para)
    return out


def word_count(paras: list[tuple[str, bool]]) -> int:
    return sum(text_words(text) for text, _ in paras)


def _thread(el) -> bool:
    """A comment thread by its class or id, not a commentary (`_THREAD`'s test of one element)."""
    named, ident = el.get("class") or "", el.get("id") or ""
    return ("omment" in named or "omment" in ident) and not ("ommentary" in named or "ommentary" in ident)


def prose_elements(tree) -> list:
    """_PROSE_XPATH's elements in document order: the page's paragraphs, and its list items that
    hold none and no list item, outside PROSE_SKIP_ANCESTORS and comment threads. Read the other
    way round: the paragraphs and items under those blocks are set aside first, then the rest
    taken as they come (libxml2 walked every paragraph's ancestors: 1.0 -> ~0.4 ms a page)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree.getroottree().getroot()
    outside = set()
    for block in root.iter(*PROSE_SKIP_ANCESTORS):
        outside.update(block.iterdescendants("p", "li"))
    for value in _THREAD_NAMES(root):
        block = value.getparent()
        if _thread(block):
            outside.update(block.iter("p", "li"))
    return [
        el
        for el in root.iter("p", "li")
        if el not in outside and (el.tag == "p" or next(el.iterdescendants("li", "p"), None) is None)
    ]


def _prose(tree):
    """(element, words) of the page's paragraphs and innermost list items outside navigation,
    header, footer, asides, forms, templates, noscript fallbacks and comment threads, leaving out
    those that are mostly link text."""
    for el in prose_elements(tree):
        words = text_words(el.text_content())
        if words and sum(text_words(a.text_content()) for a in el.iter("a")) <= PROSE_MAX_LINK_SHARE * words:
            yield el, words


def prose_words(tree) -> int:
    """Words in the page's prose (`_prose`). Call before trafilatura."""
    return sum(words for _, words in _prose(tree))


def densest_prose(tree):
    """The element whose paragraphs and list items (`_prose`) hold the most words, or None: where a
    page's article is, whatever its classes say. Call before trafilatura."""
    words_in: dict = {}
    for el, words in _prose(tree):
        parent = el.getparent()
        words_in[parent] = words_in.get(parent, 0) + words
    return max(words_in, key=words_in.get, default=None)


def looks_short(words: int, page_prose_words: int) -> bool:
    """True when an extraction of `words` words may have missed part of the page's article."""
    return words < SHORT_FLOOR_WORDS or words < SHORT_SHARE * page_prose_words


def well_short(words: int, page_prose_words: int) -> bool:
    """True when an extraction holds well under the page's prose: short by share, not only under
    the floor (a short news brief's 72 words on a page of 35 prose words are the whole article)."""
    return words < SHORT_SHARE * page_prose_words


def better_by_length(words: int, other_words: int) -> bool:
    """True when the second extraction (`other_words` words) is clearly longer than the first."""
    return other_words > SECOND_MIN_GAIN * words


def jsonld_body(jsonld: list[dict]) -> str:
    """The longest `articleBody` string among the page's JSON-LD objects ("" when none)."""
    bodies = [obj.get("articleBody") for obj in jsonld if isinstance(obj, dict)]
    return max((b for b in bodies if isinstance(b, str)), key=len, default="")


def jsonld_paragraphs(body: str, extracted: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The JSON-LD body as paragraphs when it should replace the `extracted` paragraphs, else None:
    when it is a real text and clearly longer, or when it is the same text in more paragraphs
    (trafilatura falls back on a page's articleBody by itself, as one paragraph: on a page whose
    article is drawn by JavaScript the breaks were lost)."""
    if not body:
        return None
    lines = [(line, False) for line in _LINE_BREAKS.split(body.strip()) if line]
    words = text_words(body)
    if words >= LD_MIN_WORDS and words > LD_MIN_GAIN * word_count(extracted):
        return lines
    same = " ".join(body.split()) == " ".join(" ".join(text for text, _ in extracted).split())
    return lines if same and len(lines) > len(extracted) else None


def _point(li) -> str | None:
    text = " ".join(li.text_content().split())
    linked = sum(len(" ".join(a.text_content().split())) for a in li.iter("a"))
    if text_words(text) < KEY_POINT_MIN_WORDS or linked > KEY_POINT_MAX_LINK_SHARE * len(text):
        return None
    return text


def _candidates(body):
    """List items of a block named as key points, or of the element after a key points heading."""
    for value in _EY_CLASSES(body):
        if any(name in value for name in _NAMES):
            yield value.getparent().iter("li")
    for heading in body.iter("h2", "h3", "h4"):
        label = " ".join(heading.text_content().split()).rstrip(":")
        if len(label) < 20 and _KEY_POINTS.fullmatch(label) and heading.getnext() is not None:
            yield heading.getnext().iter("li")


def key_points(tree) -> list[str]:
    """The page's key points (see KEY_POINT_MIN_WORDS), in page order; [] when it has none."""
    body = tree.body  # lxml.html's property runs an XPath over the whole page: asked once
    if body is None:
        return []
    for items in _candidates(body):
        items = list(islice(items, KEY_POINT_MAX_ITEMS + 1))
        if len(items) > KEY_POINT_MAX_ITEMS:
            continue
        points = [p for p in map(_point, items) if p]
        if len(points) >= KEY_POINT_MIN_ITEMS:
            return points
    return []


def with_key_points(paras: list[tuple[str, bool]], points: list[str]) -> list[tuple[str, bool]]:
    """The key points the extraction left out, put before its first paragraph (where the page sets
    them, over the article)."""
    if not points:  # most pages: the extraction need not be read
        return paras
    extracted = " ".join(_norm(text) for text, _ in paras)
    missing = [(point, False) for point in points if _norm(point) not in extracted]
    return missing + paras if missing else paras
