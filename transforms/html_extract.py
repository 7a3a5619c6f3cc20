"""Main text of an HTML page: trafilatura over a parsed tree, plus the page's metadata signals.

In: a `Page` with fmt == "html". Out: an `Extraction` (one story of body paragraphs, and the
page's `Signals`), or raises `NoArticle` when the page has no article text.
"""

import lxml.html
import trafilatura

from schemas import Extraction, Page, Story
from transforms.errors import NoArticle
from transforms.html_signals import html_signals

# trafilatura settings: comments out, precision over recall (boilerplate is worse than a lost line).
TRAFILATURA_KWARGS = dict(include_comments=False, favor_precision=True, include_tables=False,
                          with_metadata=True, output_format="python")


def parse_html(text: str):
    return lxml.html.document_fromstring(text)


def extract_html(page: Page) -> Extraction:
    tree = parse_html(page.text)
    signals = html_signals(tree)
    doc = trafilatura.bare_extraction(tree, url=page.url, **TRAFILATURA_KWARGS)
    if doc is None or not (doc.text or "").strip():
        raise NoArticle("trafilatura found no main text")
    paragraphs = [" ".join(p.split()) for p in doc.text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    signals.extractor = {k: getattr(doc, k, None) for k in ("title", "author", "date", "sitename", "categories", "url", "description")}
    visible = len(" ".join(tree.body.text_content().split())) if tree.body is not None else 0
    return Extraction(page, [Story(paragraphs)], signals, input_chars=visible)
