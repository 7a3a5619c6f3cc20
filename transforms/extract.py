"""One page to its article body: the HTML extractor or the text-dump stripper, by format."""

from dataclasses import replace

from schemas import Extraction, Page, Signals, Story
from transforms.errors import NoArticle
from transforms.html_extract import extract_html
from transforms.markdown import markdown_dump
from transforms.text_strip import strip_text_dump
from transforms.textmodel.lines import normalize_lines


def extract_page(page: Page) -> Extraction:
    """Raises NoArticle when the page carries no article; other exceptions are parse errors. A
    markdown dump is stripped as the plain dump it renders to, and the Extraction carries that
    rendered page (its metadata is read from it). An article's text a scraper already extracted is
    its body as it is, a paragraph a line. <meta> tags the container kept (`page.meta`) join the
    page's own, which win."""
    if page.fmt == "html":
        extraction = extract_html(page)
    elif page.fmt == "extracted":
        extraction = extracted_body(page)
    elif page.fmt == "markdown":
        extraction = strip_text_dump(replace(page, text=markdown_dump(page.text)))
    else:
        extraction = strip_text_dump(page)
    if page.meta:
        extraction.signals.meta = {**dict(page.meta), **extraction.signals.meta}
    return extraction


def extracted_body(page: Page) -> Extraction:
    """The body of an "extracted" page: its lines under the laid header, whitespace collapsed."""
    paragraphs = normalize_lines(page.text[page.body_start :])
    if not paragraphs:
        raise NoArticle("the record's extracted text is empty")
    signals = Signals(extractor={"name": "exporter"})
    return Extraction(page, [Story(paragraphs)], signals, input_chars=sum(map(len, paragraphs)))


def body_text(extraction: Extraction) -> str:
    """All stories' paragraphs as one text, blank line between paragraphs (for scoring)."""
    return "\n\n".join(p for story in extraction.stories for p in story.paragraphs)
