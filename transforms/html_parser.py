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
end. `reaches_max_depth` tells such a page; `flatten_nesting` then rewrites its markup as a browser
lays out what it cannot nest (Blink stops nesting at 512 levels and adds deeper elements beside the
deepest): past FLAT_DEPTH open elements, start tags are dropped with their end tags, their text kept,
all but the blocks that close themselves (p, li, td, ...), so paragraphs stay apart. Only pages
that reach the limit pay for it (one regex pass: ~0.1 s for 100,000 nested tags). A page that still
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


# Open elements past which `flatten_nesting` nests no more (under MAX_DEPTH, with room for the
# implied <html>/<body> and for what its count of open elements misses).
FLAT_DEPTH = 200
# Open elements past which a start tag that nothing closes ("<font>" at every paragraph) is left out:
# such tags nest a page deeper and deeper. Under that depth they stay (an unclosed wrapper's class
# tells the extractor where the article is).
UNCLOSED_DEPTH = 32
_KEPT = ""  # `flatten_nesting`'s count of the open elements it keeps (no tag has an empty name)
# Markup a tag-by-tag pass must step over whole: comments, raw-text elements, declarations.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|textarea|title|xmp)\b[^>]*>.*?(?:</\1\s*>|$)|<[!?][^>]*>?"
    r"|<(/?)([A-Za-z][^\s/>]*)[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Blocks libxml2 closes by itself when the next one opens: kept past FLAT_DEPTH (they never pile up)
# so that paragraphs, list items and table cells stay apart. (It nests a heading or a <dd> in its
# like: those are left out past the depth too.)
_SELF_CLOSING = frozenset({"p", "li", "option", "tr", "td", "th"})
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


def _tags(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, lower-case name, is an end tag) of each tag of `text`, comments, raw-text elements
    and declarations stepped over."""
    return [(m.start(), m.end(), m.group(3).lower(), bool(m.group(2))) for m in _TOKEN.finditer(text) if m.group(3)]


def _implied_closes(stack: list, tag: str, counts: Counter) -> None:
    """Pop what a start tag of `tag` closes first (an open <p> under a block, the previous list item)."""
    closes = _CLOSES.get(tag, _P if tag in _CLOSES_P else ())
    while stack and stack[-1][0] in closes:
        _pop(stack, len(stack) - 1, counts)


def _pop(stack: list, at: int, counts: Counter) -> None:
    """Close the stack's elements from `at` up; `counts` holds each tag's open elements and, under
    _KEPT, the kept ones (entries are (tag, kept) or (tag, index))."""
    for tag, kept in stack[at:]:
        counts[tag] -= 1
        counts[_KEPT] -= kept is True
    del stack[at:]


def _matching(stack: list, tag: str, counts: Counter) -> int | None:
    """Where an end tag of `tag` closes the stack (None: a stray end tag, which the parser ignores).
    The search is paid for by the pops that follow it."""
    if not counts[tag]:
        return None
    return next(i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == tag)


def _never_closed(tags: list[tuple[int, int, str, bool]]) -> set[int]:
    """Indexes in `tags` of the start tags no end tag of theirs closes (closed by an implied end tag, by
    an outer element's end tag, or open to the end): what nests a page deeper and deeper when it
    repeats ("<font>" at every paragraph)."""
    stack, counts, closed = [], Counter(), set()  # stack: (tag, index)
    for i, (_, _, tag, is_end) in enumerate(tags):
        if not is_end:
            if tag not in _VOID:
                _implied_closes(stack, tag, counts)
                stack.append((tag, i))
                counts[tag] += 1
        elif (at := _matching(stack, tag, counts)) is not None:
            closed.add(stack[at][1])
            _pop(stack, at, counts)
    return {i for i, (_, _, tag, is_end) in enumerate(tags) if not is_end and tag not in _VOID} - closed


def flatten_nesting(text: str) -> str:
    """The page's markup nested no deeper than about FLAT_DEPTH open elements: past UNCLOSED_DEPTH,
    start tags that nothing closes are left out (but for blocks that close themselves,
    `_SELF_CLOSING`), and past FLAT_DEPTH any other start tag and its end tag too; the text stays
    where it was. For a page that `reaches_max_depth`: "<font>" opened at every paragraph, 20,000
    nested <div>s."""
    tags = _tags(text)
    unclosed = _never_closed(tags)
    out, stack, counts, last = [], [], Counter(), 0  # stack: (tag, kept)
    for i, (begin, end, tag, is_end) in enumerate(tags):
        if is_end:
            at = _matching(stack, tag, counts)
            if at is None:
                continue  # stray, or the end tag of a start tag left out as never closed: ignored
            kept = stack[at][1]
            _pop(stack, at, counts)
        elif tag in _VOID:
            continue
        else:
            _implied_closes(stack, tag, counts)
            self_closing = tag in _SELF_CLOSING
            if i in unclosed and not self_closing and counts[_KEPT] >= UNCLOSED_DEPTH:
                kept = False  # not pushed: it nests nothing
            else:
                kept = self_closing or counts[_KEPT] < FLAT_DEPTH
                stack.append((tag, kept))
                counts[tag] += 1
                counts[_KEPT] += kept
        if not kept:
            out.append(text[last:begin])
            last = end
    out.append(text[last:])
    return "".join(out)
