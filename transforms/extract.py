"""One page to its article body: the HTML extractor or the text-dump stripper, by format."""

from dataclasses import replace

from schemas import Extraction, Page
from transforms.html_extract import extract_html
from transforms.markdown import markdown_dump
from transforms.text_strip import strip_text_dump


def extract_page(page: Page) -> Extraction:
    """Raises NoArticle when the page carries no article; other exceptions are parse errors. A
    markdown dump is stripped as the plain dump it renders to, and the Extraction carries that
    rendered page (its metadata is read from it)."""
    if page.fmt == "html":
        return extract_html(page)
    if page.fmt == "markdown":
        page = replace(page, text=markdown_dump(page.text))
    return strip_text_dump(page)


def body_text(extraction: Extraction) -> str:
    """All stories' paragraphs as one text, blank line between paragraphs (for scoring)."""
    return "\n\n".join(p for story in extraction.stories for p in story.paragraphs)
