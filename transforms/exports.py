"""Records of scraper and crawl-dataset exports to pages: which field holds the page, its URL, fetch
time, <meta> tags and, for a text-only record, the header a page dump would print.

In: one parsed JSON record (a dict), the file's URI, an id for the record and its size in bytes.
Out: a `Page` (the record's first string field of PAGE_FIELDS: the fetched HTML first, then
Markdown, then text, sniffed as HTML, Markdown or a text dump like any file) or a `Failure`
(not_a_page: no page field; empty: an empty one).
  - An article's text a scraper already extracted (EXTRACTED_FIELDS: news-please's `maintext`) is
    fmt "extracted": kept whole, not stripped again.
  - `url` and `crawled_at` come from the record or its `metadata` object (datatrove, Firecrawl);
    `crawled_at` is the fetch time, never a publication date. The record's own id (ID_FIELDS) is
    `source_id`, on its page and on its quarantine row.
  - A text-only record's own title is laid over its text as a page dump prints it, so the dump
    reader finds its headline; over extracted text its deck, authors and publication date too
    (`dump_header`; an "extracted" page's `body_start` says where its own text starts). Extracted
    text with no header laid keeps its authors and date as <meta> tags (`credit_meta`).
  - The page's <meta> tags a scraper kept in the record's `metadata` (Firecrawl, crawl4ai: site
    name, titles, publication time, author, section) and the record's own title go with the page
    as `meta` (`page_meta`).
How the records come out of a file is `transforms/jsonl.py`.
"""

import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from schemas import Failure, Page
from transforms.decode import decode_page

# Fields that hold the page, best first: the page as fetched (Firecrawl's rawHtml before its cleaned
# html), then Markdown, then text a tool extracted (news-please maintext, RedPajama raw_content).
PAGE_FIELDS = (
    "raw_html",
    "rawHtml",
    "html",
    "page_html",
    "body_html",
    "content_html",
    "markdown",
    "maintext",
    "articleBody",
    "raw_content",
    "text",
    "content",
    "body",
)
# A record's not_a_page error when it has none of PAGE_FIELDS.
NO_PAGE_FIELD = f"a JSON record with no page field (one of {', '.join(PAGE_FIELDS)})"
# Page fields that hold an article's text already extracted from its page: stripping it again loses
# ~3% of it (fundus and wcxb gold bodies as maintext: recall 0.964 and 0.971, a page down to 0.08).
# A bare "text" is not one of them: a scraper's "text" is as often a page's whole text, menus included.
EXTRACTED_FIELDS = ("maintext", "articleBody")
URL_FIELDS = ("url", "sourceURL", "source_url", "canonical_url", "link")
# The record's own id, kept as `source_id` so rows join back to the input (FineWeb's and datatrove's
# `id`, a Mongo export's `_id`, a dataset's `doc_id` or `uuid`); in the record or its `metadata`.
ID_FIELDS = ("id", "_id", "doc_id", "docid", "document_id", "uuid", "warc_record_id")
# Longest id kept: an id, not a page.
MAX_ID_CHARS = 256
# Fetch times (news-please date_download, C4 timestamp); a crawl dataset's "date" is left alone: in
# datatrove and FineWeb it is the crawl's, in other exports the article's.
CRAWL_TIME_FIELDS = ("crawled_at", "date_download", "fetch_time", "fetched_at", "timestamp")
# The HTTP status a scraper recorded for the fetch (Firecrawl's metadata.statusCode, crawl4ai's
# status_code, a Scrapy item's status): a record of an error response (404, 403, 500 ...) holds an
# error page, not the article, and is quarantined as a WARC's non-2xx records are skipped.
STATUS_FIELDS = ("statusCode", "status_code", "status")
# Where a tool's response keeps its records: Firecrawl's crawl results ("data"), API listings.
WRAPPER_FIELDS = ("data", "items", "results", "documents", "pages", "articles")
# The header laid over a text-only record's text, as a dump prints it: headline, deck, byline, date.
TITLE_FIELDS = ("title", "headline")
DECK_FIELDS = ("description", "subtitle")
AUTHOR_FIELDS = ("authors", "author")
# A publication date given as a number is epoch seconds from here (2001-09-09) or milliseconds.
MIN_EPOCH_SECONDS = 1_000_000_000
PUBLISHED_FIELDS = ("date_publish", "date_published", "published", "publish_date")
# Lines at the top of a text where a record's title already printed there is looked for.
TITLE_SEARCH_LINES = 5
# A metadata object's camelCase names (Firecrawl) for the <meta> tags they copy.
META_NAMES = {
    "publishedTime": "article:published_time",
    "modifiedTime": "article:modified_time",
    "articleSection": "article:section",
    "articleTag": "article:tag",
    "language": "content-language",
}
_META_PREFIXES = ("og", "twitter", "article")
# Longest <meta> content kept: a tag's value, not a page.
MAX_META_CHARS = 2000


def _sources(record, nested: bool = True) -> list[dict]:
    """Where a record's fields are looked for: the record, then (with `nested`) its `metadata` object."""
    if not isinstance(record, dict):
        return []
    metadata = record.get("metadata") if nested else None
    return [record, metadata] if isinstance(metadata, dict) else [record]


def _first(record: dict, names: tuple[str, ...], read: Callable, nested: bool = True) -> tuple[str, Any] | None:
    """(field, value) of the first of `names` that `read` makes a value of (not None), in the record
    or (with `nested`) its `metadata` object."""
    for source in _sources(record, nested):
        for name in names:
            value = read(source.get(name))
            if value is not None:
                return name, value
    return None


def _first_string(record: dict, names: tuple[str, ...], nested: bool = True) -> tuple[str, str] | None:
    """(field, value) of the first of `names` holding a non-empty string."""
    return _first(record, names, lambda value: value if isinstance(value, str) and value.strip() else None, nested)


def source_id(record) -> str:
    """The record's own id (the first of ID_FIELDS that is a string or an integer, or Mongo's
    {"$oid": ...}), as text; "" when it has none."""
    found = _first(record, ID_FIELDS, _id_text)
    return found[1] if found else ""


def _id_text(value) -> str | None:
    if isinstance(value, dict) and len(value) == 1:
        value = value.get("$oid")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and 0 < len(value.strip()) <= MAX_ID_CHARS:
        return value.strip()
    return None


def crawl_time(record: dict) -> datetime | None:
    """The record's fetch time as an aware UTC datetime (ISO 8601 text or epoch seconds or
    milliseconds; naive times are taken as UTC), None when absent or unreadable."""
    found = _first(record, CRAWL_TIME_FIELDS, _utc_time)
    return found[1] if found else None


def _utc_time(value) -> datetime | None:
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC)
        if isinstance(value, str) and value.strip():
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        pass
    return None


def http_status(record: dict) -> int | None:
    """The HTTP status of the record's fetch (the first of STATUS_FIELDS holding a number 100-599,
    or its three digits as text, in the record or its `metadata`), None when it has none."""
    found = _first(record, STATUS_FIELDS, _status_code)
    return found[1] if found else None


def _status_code(value) -> int | None:
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{3}\s*", value):  # ASCII digits: "²⁰⁰" is no code
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 599:
        return value
    return None


def _names(value) -> list[str]:
    """Names from a string, an object with a "name" (schema.org's Person: [{"name": "Jane Roe"}]) or a
    list of either."""
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return [name.strip() for name in names if isinstance(name, str) and name.strip()]


def _authors(record: dict) -> list[str]:
    found = _first(record, AUTHOR_FIELDS, lambda value: _names(value) or None, nested=False)
    return found[1] if found else []


def dump_header(record: dict, text: str, extracted: bool) -> str:
    """The lines a page dump prints over a text-only record's text: its title (unless the text
    already starts with it), and over an article's extracted text its deck, byline and publication
    date too; "" when it has no title. Only the record's own fields are read, not its `metadata`.
    Over a page's whole text, which prints its own header, a title alone helped and a deck hurt: the
    dev dumps with their pages' <title> as the record's title read titles 0.757 -> 0.776 (authors
    0.702 -> 0.705, dates 0.755 -> 0.754); with the meta description laid as a deck as well, 0.715,
    0.676 and 0.706 (a page's description is often printed nowhere on it)."""
    title = _first_string(record, TITLE_FIELDS, nested=False)
    if title is None:
        return ""
    top = [line.strip() for line in text.strip().splitlines()[:TITLE_SEARCH_LINES]]
    if " ".join(title[1].split()) in top:
        return ""
    lines = [" ".join(title[1].split())]
    if not extracted:
        return lines[0] + "\n\n"
    deck = _first_string(record, DECK_FIELDS, nested=False)
    if deck:
        lines.append(" ".join(deck[1].split()))
    authors = _authors(record)
    if authors:
        lines.append(
            "By " + (" and ".join(authors) if len(authors) < 3 else ", ".join(authors[:-1]) + " and " + authors[-1])
        )
    if published := _published(record):
        lines.append(published)
    return "\n\n".join(lines) + "\n\n"


def _published(record: dict) -> str | None:
    """The record's publication date as text: a string as written, epoch seconds or milliseconds
    (a Unix timestamp, as some scrapers and APIs give it) as an ISO 8601 UTC instant."""
    found = _first(record, PUBLISHED_FIELDS, _date_text, nested=False)
    return found[1] if found else None


def _date_text(value) -> str | None:
    """A date field's text: a string as written, an 8-digit integer as the YYYYMMDD date it is
    (GDELT writes 20240105), epoch seconds from 2001 (10 digits) or milliseconds as a UTC instant;
    a smaller number is no date."""
    if isinstance(value, str):
        return value.strip() or None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    if isinstance(value, int) and 19000101 <= value <= 21001231:
        try:
            return datetime.strptime(str(value), "%Y%m%d").date().isoformat()
        except ValueError:
            return None
    instant = _utc_time(value) if value >= MIN_EPOCH_SECONDS else None
    return instant.isoformat() if instant else None


def credit_meta(record: dict) -> dict[str, str]:
    """An extracted article's authors and publication date as the <meta> tags a page carries them in
    (author, article:published_time): read so where no header lays them over its text (a record
    without a title, whose header the dump reader would not find, or whose text opens with it)."""
    tags = {}
    if authors := _authors(record):
        tags["author"] = "; ".join(authors)  # as repeated <meta>s arrive joined
    if published := _published(record):
        tags["article:published_time"] = published
    return tags


def _meta_name(name: str) -> str:
    """A metadata object's key as the <meta> name it copies: "ogSiteName" -> "og:site_name"."""
    if name in META_NAMES:
        return META_NAMES[name]
    for prefix in _META_PREFIXES:
        if name.startswith(prefix) and name[len(prefix) : len(prefix) + 1].isupper():
            rest = re.sub(r"(?<!^)([A-Z])", r"_\1", name[len(prefix) :]).lower()
            return f"{prefix}:{rest}"
    return name.strip().lower()


def page_meta(record: dict) -> tuple[tuple[str, str], ...]:
    """The page's <meta> tags a scraper kept in the record's `metadata` object, as (name, content)
    pairs, and the record's own title as "title" (over a nested one). Titles are what the page's
    <title> and og:title are to its h1: `normalize` weighs the headline a dump prints against them
    (on the dev dumps with their pages' tags: titles 0.786 -> 0.850; beside the headline as equal
    candidates, og:title had chosen worse, 0.748 against 0.757)."""
    metadata = record.get("metadata")
    tags = {}
    for key, value in metadata.items() if isinstance(metadata, dict) else ():
        if isinstance(value, list):
            value = "; ".join(v.strip() for v in value if isinstance(v, str) and v.strip())
        name = _meta_name(key) if isinstance(key, str) else ""
        if name and isinstance(value, str) and 0 < len(value.strip()) <= MAX_META_CHARS:
            tags.setdefault(name, value.strip())
    title = _first_string(record, TITLE_FIELDS, nested=False)
    if title:
        tags["title"] = " ".join(title[1].split())
    return tuple(sorted(tags.items()))


def _page_field(record) -> str | None:
    """The first of PAGE_FIELDS the record (or its metadata) holds as a string, empty or not, or as
    null: news-please writes `"maintext": null` where its extraction failed, and such a record is an
    empty page of the export, not a sign that the file is no export."""
    for source in _sources(record):
        name = next((n for n in PAGE_FIELDS if n in source and (source[n] is None or isinstance(source[n], str))), None)
        if name:
            return name
    return None


def wrapped_records(value) -> list | None:
    """The records a tool's response wraps in one of WRAPPER_FIELDS (Firecrawl's {"success": true,
    "data": [...]}), None when the value is no such wrapper."""
    if isinstance(value, dict) and not has_page(value):
        for name in WRAPPER_FIELDS:
            records = value.get(name)
            if isinstance(records, list) and any(has_page(item) for item in records):
                return records
    return None


def has_page(record) -> bool:
    """True when the record has a page field (a string, even an empty one, or null: that page is empty)."""
    return _page_field(record) is not None


def record_item(
    record, record_id: str, source_uri: str, size: int, extracted: tuple[str, ...] = EXTRACTED_FIELDS
) -> Page | Failure:
    """One parsed JSON record as a Page, or a Failure saying why it holds none. A text page from one
    of the `extracted` fields is the article's text already ("extracted")."""
    found = _first_string(record, PAGE_FIELDS) if isinstance(record, dict) else None
    if found is None and (field := _page_field(record)):  # a page field, but empty: quarantined as empty
        found = (field, "")
    own_id = source_id(record)
    if found is None:
        return Failure(
            source_uri, "read", "not_a_page", NO_PAGE_FIELD, json.dumps(record)[:200], record_id, size, own_id
        )
    status = http_status(record)
    if status is not None and not 200 <= status < 300:
        error = f"the record of an HTTP {status} response: an error page, not the article"
        return Failure(source_uri, "read", "not_a_page", error, "", record_id, size, own_id)
    url = _first_string(record, URL_FIELDS)
    page = decode_page(
        source_uri,
        found[1].encode("utf-8", errors="surrogatepass"),
        record_id=record_id,
        url=url[1].strip() if url else None,
        crawled_at=crawl_time(record),
        charset="utf-8",  # JSON holds text: the page's <meta charset> named the bytes it was fetched as
    )
    if not isinstance(page, Page):
        return replace(page, source_id=own_id)
    fmt = page.fmt
    if fmt == "text" and found[0] == "markdown":  # Markdown by its field, though it has few links
        fmt = "markdown"
    elif fmt == "text" and found[0] in extracted:
        fmt = "extracted"
    header = dump_header(record, page.text, fmt == "extracted") if fmt in ("text", "extracted") else ""
    body_start = len(header) if fmt == "extracted" else 0
    meta = page_meta(record)
    if fmt == "extracted" and not header:
        meta = tuple(sorted({**credit_meta(record), **dict(meta)}.items()))
    return replace(
        page,
        text=header + page.text,
        fmt=fmt,
        byte_size=size,
        body_start=body_start,
        meta=meta,
        source_id=own_id,
    )
