"""Record types that flow between the stages (in-memory, not written as such).

Page       a decoded input document (one file, or one record of a container such as WARC)
Signals    raw metadata candidates found on a page, before normalization
Extraction the boilerplate-free body of a page (its stories) with the page's signals
Failure    a dead-letter record; becomes one row of the quarantine table
TableRow   a row bound for one table and partition
"""

from dataclasses import dataclass, field
from datetime import datetime

# The output tables' version (their policy: `schemas.tables`); here, without pyarrow, for the row
# builders of the extractor's child. 1.1: source_id (the id an input record gave its document) in
# articles, quarantine and duplicates.
SCHEMA_VERSION = "1.1"

# Stable reason codes of the quarantine table. Add, never rename.
REASONS = (
    "empty",  # zero bytes or whitespace only
    "not_a_page",  # binary, JSON, CSV, ...: not an HTML page or a text page dump
    "decode_error",  # bytes that cannot be read (corrupt gzip, undecodable text)
    "too_large",  # over --max_file_bytes, raw or decompressed
    "parse_error",  # the HTML parser or extractor failed
    "timeout",  # extraction ran over --doc_timeout_seconds
    "no_article",  # readable page, but no article text on it (navigation only, too short)
    "too_deep",  # HTML nested past the parser's depth limit (256) even flattened: no article before the cut
    "read_error",  # the file system refused the read
    "internal_error",  # a bug: any exception a stage did not expect; never silently dropped
)


@dataclass(frozen=True)
class Page:
    source_uri: str
    text: str
    # "html" | "text" | "markdown" (a dump written in Markdown: transforms/markdown.py) | "extracted"
    # (an article's text a scraper already extracted, news-please's maintext: transforms/exports.py)
    fmt: str
    encoding: str
    byte_size: int
    record_id: str = ""  # position inside a container file; "" for a plain file
    url: str | None = None  # target URL when the container knows it (WARC)
    crawled_at: datetime | None = None  # fetch time when the container knows it (WARC)
    body_start: int = 0  # "extracted": where the article's text starts, under the header laid over it
    # <meta> tags the container kept of the page, (name, content) pairs: an export's metadata object
    meta: tuple[tuple[str, str], ...] = ()
    # the document's own id in its input: an export record's `id` (FineWeb, datatrove), a WARC-Record-ID
    source_id: str = ""


@dataclass
class Signals:
    """Metadata candidates as found; `transforms.metadata` normalizes them."""

    title: str | None = None  # <title>, or the headline line of a text dump
    headings: list[str] = field(default_factory=list)  # h1 texts, in page order
    subheadings: list[str] = field(default_factory=list)  # h2 texts, in page order (the first few)
    meta: dict[str, str] = field(default_factory=dict)  # <meta> by lower-cased name/property/itemprop
    jsonld: list[dict] = field(default_factory=list)  # JSON-LD objects, @graph flattened
    canonical_url: str | None = None
    declared_language: str | None = None
    breadcrumbs: list[str] = field(default_factory=list)
    byline_lines: list[str] = field(default_factory=list)  # visible credit/byline/date lines
    date_texts: list[tuple[str, str]] = field(default_factory=list)  # (source, raw value)
    subtitle: str | None = None
    author_texts: list[tuple[str, str]] = field(
        default_factory=list
    )  # (source, text): rel/itemprop/class author elements
    extractor: dict = field(default_factory=dict)  # what the body extractor itself reported


@dataclass
class Story:
    paragraphs: list[str]
    title: str | None = None  # a story's own headline on a multi-story page
    heading_indexes: list[int] = field(default_factory=list)  # paragraphs that are (sub)headings
    # headings printed under a clock time the extractor drops (a live page's <time>13:20</time><h2>)
    stamped_indexes: list[int] = field(default_factory=list)
    # a text dump's line right over its body on a roundup's page: maybe the first brief's headline
    lead_heading: str | None = None


@dataclass
class Extraction:
    page: Page
    stories: list[Story]
    signals: Signals
    input_chars: int = 0  # visible text before stripping, for boilerplate_ratio
    # Where the page's article rows were built with its extraction (`transforms.articles.enrich`,
    # in the strip stage's guarded child): the rows, their ingested_at left for the enrich stage
    # to fill, or why there are none: (reason, error text).
    rows: list[dict] | None = None
    enrich_failure: tuple[str, str] | None = None


@dataclass(frozen=True)
class Failure:
    source_uri: str
    stage: str
    reason: str
    error: str
    excerpt: str = ""
    record_id: str = ""
    byte_size: int | None = None
    source_id: str = ""  # as Page.source_id, when the input record was read that far


@dataclass(frozen=True)
class TableRow:
    table: str
    partition: tuple[str, ...]
    row: dict
