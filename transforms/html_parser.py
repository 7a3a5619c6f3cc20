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
HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)
HTML_PARSER.set_element_class_lookup(_LOOKUP)
# The same with comments, for the pages whose structure some comments carry (`html_streamed`); the
# caller removes them once read.
HTML_PARSER_WITH_COMMENTS = etree.HTMLParser(remove_comments=False, remove_pis=True)
HTML_PARSER_WITH_COMMENTS.set_element_class_lookup(_LOOKUP)


def document_fromstring(text: str, comments: bool = False):
    """The page's <html> element; raises etree.ParserError for a document with no element, as
    lxml.html.document_fromstring does."""
    return lxml.html.document_fromstring(text, parser=HTML_PARSER_WITH_COMMENTS if comments else HTML_PARSER)
