"""One page to its article body: the HTML extractor or the text-dump stripper, by format."""

from schemas import Extraction, Page
from transforms.html_extract import extract_html
from transforms.text_strip import strip_text_dump


def extract_page(page: Page) -> Extraction:
    """Raises NoArticle when the page carries no article; other exceptions are parse errors."""
    if page.fmt == "html":
        return extract_html(page)
    return strip_text_dump(page)


def body_text(extraction: Extraction) -> str:
    """All stories' paragraphs as one text, blank line between paragraphs (for scoring)."""
    return "\n\n".join(p for story in extraction.stories for p in story.paragraphs)
