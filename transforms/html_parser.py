"""The parser every HTML tree of the extractor comes from: lxml.html's tree, its classes picked in C.

lxml.html's own parser chooses each element's class in a Python method (`HtmlElementClassLookup`),
called each time lxml makes a Python object for a node: ~850k calls per 400 pages, ~5% of the
extractor's CPU, in our code and in trafilatura's passes over the tree alike. This parser has the
same libxml2 options (lxml.html's are `etree.HTMLParser`'s defaults), so the tree is the same; a
C-level lookup gives every element `HtmlElement` (trafilatura takes nothing else, and our code uses
its `.body` and `.text_content()`). What changes: lxml.html's form-control subclasses (FormElement,
InputElement, SelectElement, TextareaElement, LabelElement) are plain HtmlElement here; nothing in
this package or in trafilatura uses their form API.

Comments and processing instructions are left out at parse time, as trafilatura's own loader does:
its extraction, given a tree that still has them, drops the rest of a paragraph after a comment
inside it. React and Next.js pages put an empty `<!-- -->` between the text nodes of a sentence
("(NYSE<!-- -->: <!-- -->SNOW) rose ..." lost all after "(NYSE"), and theme templates' comments
("<!-- #site-navigation -->") came out as text. No reader sees either.

Depth: libxml2 stops parsing for good at MAX_DEPTH (256) nested elements, and the rest of the page is
lost: an article inside 260 nested <font>s came out as no_article, and one cut at the limit lost its
end. `reaches_max_depth` tells such a page; `flatten_nesting` then rewrites its markup the way a
browser lays out what it will not nest (Blink stops at 512 levels and puts deeper elements beside the
deepest one): at FLAT_DEPTH open elements, the deepest ones are closed before the next one opens, so
that it opens beside them, keeping its tag and its text; inline formatting tags that nothing
closes ("<font>" at every paragraph) are left out past UNCLOSED_DEPTH, their text kept. Only pages that
reach the limit pay for it (one regex pass: ~0.1-0.4 s for 100,000 nested tags). A page that still
reaches it is quarantined as `too_deep` where no article was read before the cut (`depth_stop_line`).
XML_PARSE_HUGE (`huge_tree`) is no way out: it raises the limit to 2048 on libxml2 2.14 (lxml 6.0's;
before 2.14 it lifts it altogether), and trafilatura's justext pass builds each element's path from
the root, so its cost grows with the depth squared: 20,000 nested <div>s took 8.7 s to extract with
it, 0.4 s without.

  python -m bench.speed --corpus /tmp/cy --rounds 2 --limit 800 --no-dev
"""

import re
from collections import Counter

import lxml.html
from lxml import etree

_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
# libxml2's depth limit without XML_PARSE_HUGE (see the module doc).
MAX_DEPTH = 256
_DEPTH_ERROR = "Excessive depth in document"
# An element MAX_DEPTH levels down (<html> is level 1): one step per level, each over the elements
# of that level only, so one pass over the tree at most.
_AT_MAX_DEPTH = etree.XPath("boolean(" + "/*" * MAX_DEPTH + ")")


def _parser(comments: bool) -> etree.HTMLParser:
    parser = etree.HTMLParser(remove_comments=not comments, remove_pis=True)
    parser.set_element_class_lookup(_LOOKUP)
    return parser


HTML_PARSER = _parser(comments=False)
# The same with comments, for the pages whose structure some comments carry (`html_streamed`); the
# caller removes them once read.
HTML_PARSER_WITH_COMMENTS = _parser(comments=True)


def document_fromstring(text: str, comments: bool = False):
    """The page's <html> element; raises etree.ParserError for a document with no element, as
    lxml.html.document_fromstring does."""
    return lxml.html.document_fromstring(text, parser=HTML_PARSER_WITH_COMMENTS if comments else HTML_PARSER)


def reaches_max_depth(tree) -> bool:
    """Whether an element of the tree stands MAX_DEPTH levels down: libxml2 may have stopped there."""
    return _AT_MAX_DEPTH(tree)


def depth_stop_line(text: str) -> int | None:
    """The line of `text` where libxml2 stops parsing at MAX_DEPTH, or None when it reads the whole
    page. Parsed again, with a parser of its own: the shared parsers' error log is cleared by the
    next parse in any thread. For a tree that `reaches_max_depth`."""
    parser = _parser(comments=False)
    lxml.html.document_fromstring(text, parser=parser)
    return next((e.line for e in parser.error_log if e.message.startswith(_DEPTH_ERROR)), None)


# Open elements at which `flatten_nesting` nests no more: well under MAX_DEPTH (room for what its
# model of the parser's implied end tags misses) and well over real pages' depth (the 873 dev pages:
# median 19, deepest 56). Lower costs less: trafilatura's time grows with elements times depth
# (20,000 nested `<div class>`s, which no rule leaves out: ~1.8 s to extract at 100, more at 200).
FLAT_DEPTH = 100
# Open elements past which an inline formatting tag that nothing closes ("<font>" at every paragraph)
# is left out: such tags nest a page deeper and deeper, and say nothing of its structure.
UNCLOSED_DEPTH = 32
_INLINE = frozenset("a abbr b big cite code em font i kbd mark q s samp small span strike strong sub sup tt u".split())
# Elements that set their content apart as a block: a box around one of them adds no edge of its own.
_BLOCKS = frozenset(
    "address article aside blockquote center dd div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
# Tags that say nothing of what they hold (no list, no heading, no menu or footer): their bare
# start tags can be left out (`_bare_wrapper`).
_WRAPPERS = _INLINE | {"div", "center"}
# A tag's attributes, a quoted ">" inside them (`title="5 > 3"`) included. Every part ends at the end of
# the text too (an unclosed quote, a tag cut off): the pass never backtracks, so its time stays linear
# on any input ("<script " 40,000 times took 62 s with `[^>]*>`).
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z)"""
# Markup a tag-by-tag pass must step over whole: comments (libxml2 2.14 reads "<!-->" as an empty
# one), raw-text and RCDATA elements (tags inside them are text), declarations.
_TOKEN = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"
    r"|<(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b" + _ATTRIBUTES + r".*?(?:</\1\s*>|\Z)"
    r"|<[!?][^>]*>?"
    r"|<(/?)([A-Za-z][^\s/>]*)" + _ATTRIBUTES,
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Which open element a start tag closes first (the parser's implied end tags, the common ones): a
# block closes an open <p>, a list item the previous one.
_CLOSES = {
    "li": {"li", "p"},
    "option": {"option"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
}
_P = frozenset({"p"})
_CLOSES_P = frozenset(
    "address article aside blockquote div dl fieldset figure footer form header hr main nav ol p pre section table ul".split()
)
# Levels `flatten_nesting` frees at FLAT_DEPTH for the element that opens there and what it holds (a
# menu's list, items and links): the deepest ones are closed, and it opens beside them.
ROOM = 16
# States of an open element in `flatten_nesting`: written with its end tag, closed early (its own end
# tag is left out), or left out.
_KEPT, _CLOSED, _LEFT_OUT = "kept", "closed", "left out"
# libxml2's end-tag priorities (htmlEndPriority): an end tag closes no open element of a higher one
# over its own element ("<li><div></li>": the </li> is ignored, the <div> stays open).
_END_PRIORITY = {"div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180}
_END_PRIORITY |= {"table": 190, "head": 200, "body": 200, "html": 220}
_END_PRIORITY_OTHER = 100
# How far down the stack an end tag's element is looked for (a bound on hostile input: a page whose
# end tags all miss would cost the stack's depth each).
_SEARCH_END = 512
# How far under the top of its stack `flatten_nesting` looks for the deepest element it can close.
_SEARCH = 64


def _tags(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, lower-case name, is an end tag) of each tag of `text`, comments, raw-text elements
    and declarations stepped over."""
    return [(m.start(), m.end(), m.group(3).lower(), bool(m.group(2))) for m in _TOKEN.finditer(text) if m.group(3)]


class _OpenElements:
    """A parser's stack of open elements, as far as `flatten_nesting` models it: entries [tag, state]
    (`_closing` keeps the start tag's index as the state), with each tag's count (a stray end tag
    costs no search) and the count of kept ones (the depth)."""

    def __init__(self):
        self.stack: list[list] = []
        self.counts: Counter = Counter()
        self.depth = 0

    def push(self, tag: str, state: str) -> list:
        entry = [tag, state]
        self.stack.append(entry)
        self.counts[tag] += 1
        self.depth += state == _KEPT
        return entry

    def pop_from(self, at: int) -> None:
        for tag, state in self.stack[at:]:
            self.counts[tag] -= 1
            self.depth -= state == _KEPT
        del self.stack[at:]

    def implied_closes(self, tag: str) -> None:
        """Pop what a start tag of `tag` closes first (an open <p> under a block, the previous list item)."""
        closes = _CLOSES.get(tag, _P if tag in _CLOSES_P else ())
        while self.stack and self.stack[-1][0] in closes:
            self.pop_from(len(self.stack) - 1)

    def matching(self, tag: str) -> int | None:
        """Where an end tag of `tag` closes the stack; None where the parser ignores it: no such element
        is open, or one it may not close stands over it (libxml2: "</span>" closes no <div>, "</div>"
        no <td>: `_END_PRIORITY`), or it is more than _SEARCH_END entries down."""
        if not self.counts[tag]:
            return None
        priority = _END_PRIORITY.get(tag, _END_PRIORITY_OTHER)
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _SEARCH_END), -1):
            if self.stack[i][0] == tag:
                return i
            if _END_PRIORITY.get(self.stack[i][0], _END_PRIORITY_OTHER) > priority:
                return None
        return None

    def close_deepest(self, room: int) -> list[str]:
        """Close the deepest kept elements until `room` levels are free under FLAT_DEPTH (looking no
        further than _SEARCH entries down); their tags, deepest first."""
        closed = []
        for entry in reversed(self.stack[-_SEARCH:]):
            if self.depth <= FLAT_DEPTH - room:
                break
            if entry[1] == _KEPT:
                entry[1] = _CLOSED
                self.depth -= 1
                closed.append(entry[0])
        return closed


def _closing(tags: list[tuple[int, int, str, bool]]) -> dict[int, int]:
    """For each start tag in `tags` that an end tag of its own closes, that end tag's index. The
    others are closed by an implied end tag, by an outer element's end tag, or open to the end: what
    nests a page deeper and deeper when it repeats ("<font>" at every paragraph)."""
    open_elements, ends = _OpenElements(), {}
    for i, (_, _, tag, is_end) in enumerate(tags):
        if not is_end:
            if tag not in _VOID:
                open_elements.implied_closes(tag)
                open_elements.push(tag, i)
        elif (at := open_elements.matching(tag)) is not None:
            ends[open_elements.stack[at][1]] = i
            open_elements.pop_from(at)
    return ends


def _bare_wrapper(text: str, tags: list, i: int, ends: dict[int, int]) -> bool:
    """Tag `i` is a bare start tag of a tag that means nothing but a box (`_WRAPPERS`: "<div>", no
    attribute) right over a block's start tag (`_BLOCKS`), and its end tag right under a block's end
    tag (or it has none of its own): leaving it out, and its end tag, loses no text, no attribute and
    no block's edge (a box around an inline element is what sets it apart from the next one)."""
    begin, end, tag, _ = tags[i]
    if (
        tag not in _WRAPPERS
        or end - begin != len(tag) + 2
        or i + 1 >= len(tags)
        or tags[i + 1][3]
        or tags[i + 1][2] not in _BLOCKS
        or text[end : tags[i + 1][0]].strip()
    ):
        return False
    j = ends.get(i)
    if j is None:  # closed by something else, after a block of its own
        return True
    return j > i + 1 and tags[j - 1][3] and tags[j - 1][2] in _BLOCKS and not text[tags[j - 1][1] : tags[j][0]].strip()


def flatten_nesting(text: str) -> str:
    """The page's markup nested no deeper than about FLAT_DEPTH open elements: there, the ROOM deepest
    open elements are closed before the next one opens (their own end tags left out later), so the
    new one opens beside them, with its tag and its text; past UNCLOSED_DEPTH, inline formatting tags that
    nothing closes and bare wrappers (`_bare_wrapper`) are left out, their text kept. For a page that
    `reaches_max_depth`: "<font>" opened at every paragraph, 20,000 nested <div>s."""
    tags = _tags(text)
    ends = _closing(tags)
    out, last, open_elements, left_out_ends = [], 0, _OpenElements(), set()
    for i, (begin, end, tag, is_end) in enumerate(tags):
        if i in left_out_ends:
            out.append(text[last:begin])  # a bare wrapper's end tag
        elif is_end:
            at = open_elements.matching(tag)
            if at is None:
                continue  # stray, or the end tag of a start tag left out: the parser ignores it
            state = open_elements.stack[at][1]
            open_elements.pop_from(at)
            if state == _KEPT:
                continue
            out.append(text[last:begin])  # its element was closed early or left out
        elif tag in _VOID:
            continue
        else:
            open_elements.implied_closes(tag)
            deep = open_elements.depth >= UNCLOSED_DEPTH
            if deep and i not in ends and tag in _INLINE:
                out.append(text[last:begin])  # left out: it nests nothing
            elif deep and _bare_wrapper(text, tags, i, ends):
                left_out_ends.add(ends.get(i))
                out.append(text[last:begin])  # left out with its end tag: it holds nothing of its own
            elif open_elements.depth >= FLAT_DEPTH and (closed := open_elements.close_deepest(ROOM)):
                open_elements.push(tag, _KEPT)  # beside the elements closed here, with room for its own
                out.append(text[last:begin] + "".join(f"</{t}>" for t in closed) + text[begin:end])
            else:
                open_elements.push(tag, _KEPT if open_elements.depth < FLAT_DEPTH else _LEFT_OUT)
                if open_elements.stack[-1][1] == _KEPT:
                    continue
                out.append(text[last:begin])
        last = end
    out.append(text[last:])
    return "".join(out)
