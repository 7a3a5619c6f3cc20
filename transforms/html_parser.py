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
lost: an article inside 260 nested <font>s came out as no_article. `reaches_max_depth` and
`depth_stop_line` tell such a page, which the extractor quarantines as `too_deep`. The limit stays:
XML_PARSE_HUGE (`huge_tree`) raises it to 2048 on libxml2 2.14 (lxml 6.0's; before 2.14 it lifts it
altogether) and reads such an article whole, but trafilatura's justext pass builds each element's
path from the root, so its cost grows with the depth squared: 20,000 nested <div>s took 8.7 s to
extract with it (over the tests' 4 s limit), 0.4 s without.

  python -m bench.speed --corpus /tmp/cy --rounds 2 --limit 800 --no-dev
"""

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
