"""One page to its article body: the HTML extractor or the text-dump stripper, by format.

Whatever the format, a second copy of the body's paragraphs is dropped (`without_repeated_runs`).
"""

import re
from dataclasses import replace

from schemas import Extraction, Page, Signals, Story
from transforms import language
from transforms.articles import enrich
from transforms.errors import NoArticle
from transforms.html_extract import extract_html
from transforms.markdown import markdown_dump
from transforms.stories import without_paragraphs
from transforms.text_strip import strip_text_dump
from transforms.textmodel.lines import normalize_lines
from transforms.textstats import squeezed

# A run of at least this many paragraphs that the body already printed in the same order, the first
# of them at least REPEAT_MIN_CHARS long, is a second copy of the article: a hidden mobile, print or
# Markdown copy that a dump prints and an extractor keeps (wcxb 0151, 0355, 1396: precision ~0.4
# with the copy). Shorter repeats stay: a pull quote, an FAQ printed twice, a refrain.
REPEAT_MIN_RUN = 5
REPEAT_MIN_CHARS = 60
# Earlier places of a paragraph a copy is compared from: enough for a lede printed two or three
# times; a page of one paragraph printed a thousand times stays linear.
REPEAT_PLACES = 4
# Markdown's inline markup in a paragraph (strong emphasis, a link with its target): the body may
# hold a Markdown copy of itself, compared rendered. List and heading markers alone are no sign:
# extractors write list items as "- item".
_MARKDOWN_SIGN = re.compile(r"\*\*\S|\]\(")


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
    extraction.stories = [without_repeated_runs(story) for story in extraction.stories]
    return extraction


def extract_articles(page: Page) -> Extraction:
    """`extract_page`, with the page's article rows built from it (`articles.enrich`) in the same
    call: the strip stage's guarded function, so that the per-document time limit covers metadata,
    language detection and the story split as well as the extraction. Raises what `extract_page`
    raises; a failure to build the rows comes back in `enrich_failure`."""
    return enrich(extract_page(page))


# The guard's child calls this once before it takes its first page: langdetect's profiles
# (~0.26 s of CPU) load while the launcher builds the graph, not on the first page.
extract_articles.prepare = language.load


def without_repeated_runs(story: Story) -> Story:
    """The story less every run of REPEAT_MIN_RUN or more paragraphs that repeats an earlier run
    (whitespace aside, and Markdown's markup: a page's Markdown copy of its own article, wcxb 4258);
    its heading and stamp indexes follow the paragraphs they point at."""
    dropped = _repeated_runs([squeezed(p) for p in story.paragraphs])
    if any(_MARKDOWN_SIGN.search(p) for p in story.paragraphs):
        dropped |= _repeated_runs([squeezed(markdown_dump(p)) for p in story.paragraphs])
    return without_paragraphs(story, dropped) if dropped else story


def _repeated_runs(keys: list[str]) -> set[int]:
    """Indexes of the runs of keys that repeat an earlier run (see `without_repeated_runs`). The
    first REPEAT_PLACES places of a run's first key are tried, the longest match counts: a lede
    printed twice above the body (a deck that repeats it) does not hide the body's copy below."""
    places: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        places.setdefault(k, []).append(i)
    dropped: set[int] = set()
    i = 0
    while i < len(keys):
        n = 0
        if len(keys[i]) >= REPEAT_MIN_CHARS:  # a run opens with a paragraph this long
            n = max(_run_length(keys, j, i) for j in places[keys[i]][:REPEAT_PLACES])
        if n >= REPEAT_MIN_RUN:
            dropped.update(range(i, i + n))
            i += n
        else:
            i += 1
    return dropped


def _run_length(keys: list[str], j: int, i: int) -> int:
    """How many keys from i on repeat those from an earlier j on, the copy not overlapping them (0
    for j at or after i)."""
    n = 0
    while j + n < i and i + n < len(keys) and keys[i + n] == keys[j + n]:
        n += 1
    return n


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
