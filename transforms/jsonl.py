"""JSON exports of scrapers and crawl datasets to pages: one `Page` per record that holds a page.

In: a binary stream over a JSON Lines file (`.jsonl`, `.ndjson`: Scrapy's feeds, datatrove, FineWeb,
C4) or a JSON file holding one record or an array of them (news-please's per-article files, Scrapy's
`-o items.json`, an API response that wraps them: Firecrawl's "data"), gzipped or not; the file's
URI and the per-record size cap. Out, in file order:
  - `Page`: the record's first string field of PAGE_FIELDS (the fetched HTML first, then Markdown,
    then text), sniffed as HTML, Markdown or a text dump like any file. `url` and `crawled_at` come
    from the record or its `metadata` object (datatrove, Firecrawl); `crawled_at` is the fetch time,
    never a publication date. `record_id` is the record's own id when it has a unique one, else
    `line-N` (`item-N` in an array). A text-only record (news-please's `maintext`) gets its title,
    deck, authors and publication date laid over its text as a page dump prints them, so the dump
    reader finds its header.
  - `Failure`: a line that is no JSON (decode_error), a record with no page field (not_a_page), a
    record over the cap (too_large: its bytes are skipped, never held), a gzip stream that breaks
    (decode_error: the records before the break are kept).
A JSON Lines file is streamed a line at a time; a JSON document over several lines is read whole,
within the cap. A JSON file whose first record holds no page (a feed, a data dump) and a file that
only starts like JSON (a Markdown dump's "[Home](/)") go to `decode_page` whole, as before.

  python -m transforms.jsonl export.jsonl.gz      # what one file holds: pages and failures
"""

import gzip
import io
import json
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import BinaryIO

from schemas import Failure, Page
from transforms.decode import GZIP_MAGIC, decode_page

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
    "raw_content",
    "text",
    "content",
    "body",
)
URL_FIELDS = ("url", "sourceURL", "source_url", "canonical_url", "link")
# Fetch times (news-please date_download, C4 timestamp); a crawl dataset's "date" is left alone: in
# datatrove and FineWeb it is the crawl's, in other exports the article's.
CRAWL_TIME_FIELDS = ("crawled_at", "date_download", "fetch_time", "fetched_at", "timestamp")
# Where a tool's response keeps its records: Firecrawl's crawl results ("data"), API listings.
WRAPPER_FIELDS = ("data", "items", "results", "documents", "pages", "articles")
ID_FIELDS = ("id", "_id", "doc_id", "record_id", "uuid")
# The header laid over a text-only record's text, as a dump prints it: headline, deck, byline, date.
TITLE_FIELDS = ("title", "headline")
DECK_FIELDS = ("description", "subtitle")
AUTHOR_FIELDS = ("authors", "author")
PUBLISHED_FIELDS = ("date_publish", "date_published", "published", "publish_date")
# Lines at the top of a text where a record's title already printed there is looked for.
TITLE_SEARCH_LINES = 5
# Bytes read at once while skipping a line over the cap.
SKIP_CHUNK = 1 << 16
JSON_START = (b"{", b"[")


class _Raw(io.RawIOBase):
    """A raw stream over anything with read(n), so io.BufferedReader can give it readline()."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def starts_like_json(head: bytes) -> bool:
    """True when these first bytes of a file (gzipped or not) open a JSON object or array."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in JSON_START


def _lines(stream: BinaryIO) -> io.BufferedIOBase:
    """A line-readable, gunzipped view of the stream (gzip known by its magic bytes)."""
    buffered = io.BufferedReader(_Raw(stream))
    return gzip.GzipFile(fileobj=buffered, mode="rb") if buffered.peek(2)[:2] == GZIP_MAGIC else buffered


def _read_line(lines: io.BufferedIOBase, limit: int) -> bytes | None:
    """The next line (b"" at the end), or None when it is over `limit` bytes: the rest of it is
    read and dropped a chunk at a time."""
    line = lines.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line
    while (part := lines.readline(SKIP_CHUNK)) and not part.endswith(b"\n"):
        pass
    return None


def _first_string(record: dict, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(field, value) of the first of `names` holding a non-empty string, in the record or its
    `metadata` object."""
    for source in (record, record.get("metadata")):
        if isinstance(source, dict):
            for name in names:
                value = source.get(name)
                if isinstance(value, str) and value.strip():
                    return name, value
    return None


def crawl_time(record: dict) -> datetime | None:
    """The record's fetch time as an aware UTC datetime (ISO 8601 text or epoch seconds or
    milliseconds; naive times are taken as UTC), None when absent or unreadable."""
    for source in (record, record.get("metadata")):
        if not isinstance(source, dict):
            continue
        for name in CRAWL_TIME_FIELDS:
            value = source.get(name)
            try:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, UTC)
                if isinstance(value, str) and value.strip():
                    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
                    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
            except (ValueError, OverflowError, OSError):
                continue
    return None


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def dump_header(record: dict, text: str) -> str:
    """The lines a page dump prints over a text-only record's text: its title (unless the text
    already starts with it), deck, byline and publication date; "" when it has no title."""
    title = _first_string(record, TITLE_FIELDS)
    if title is None:
        return ""
    top = [line.strip() for line in text.strip().splitlines()[:TITLE_SEARCH_LINES]]
    if " ".join(title[1].split()) in top:
        return ""
    lines = [" ".join(title[1].split())]
    deck = _first_string(record, DECK_FIELDS)
    if deck:
        lines.append(" ".join(deck[1].split()))
    authors = next((_names(record.get(name)) for name in AUTHOR_FIELDS if _names(record.get(name))), [])
    if authors:
        lines.append(
            "By " + (" and ".join(authors) if len(authors) < 3 else ", ".join(authors[:-1]) + " and " + authors[-1])
        )
    published = _first_string(record, PUBLISHED_FIELDS)
    if published:
        lines.append(published[1].strip())
    return "\n\n".join(lines) + "\n\n"


def _page_field(record) -> str | None:
    """The first of PAGE_FIELDS the record (or its metadata) holds as a string, empty or not."""
    for source in (record, record.get("metadata") if isinstance(record, dict) else None):
        if isinstance(source, dict):
            name = next((name for name in PAGE_FIELDS if isinstance(source.get(name), str)), None)
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
    """True when the record has a page field (a string, even an empty one: that page is empty)."""
    return _page_field(record) is not None


def record_item(record, record_id: str, source_uri: str, size: int) -> Page | Failure:
    """One parsed JSON record as a Page, or a Failure saying why it holds none."""
    found = _first_string(record, PAGE_FIELDS) if isinstance(record, dict) else None
    if found is None and _page_field(record) is not None:  # a page field, but empty: quarantined as empty
        found = (_page_field(record), "")
    if found is None:
        error = f"a JSON record with no page field (one of {', '.join(PAGE_FIELDS)})"
        return Failure(source_uri, "read", "not_a_page", error, json.dumps(record)[:200], record_id, size)
    url = _first_string(record, URL_FIELDS)
    page = decode_page(
        source_uri,
        found[1].encode("utf-8", errors="surrogatepass"),
        record_id=record_id,
        url=url[1].strip() if url else None,
        crawled_at=crawl_time(record),
    )
    if isinstance(page, Page):
        page = replace(page, byte_size=size)
        if page.fmt == "text":
            header = dump_header(record, page.text)
            if header:
                page = replace(page, text=header + page.text)
    return page


class _Ids:
    """Record ids unique within a file: the record's own id, else its position."""

    def __init__(self, prefix: str):
        self._prefix, self._seen = prefix, set()

    def __call__(self, record, position: int) -> str:
        own = _own_id(record)
        if own and own not in self._seen:
            self._seen.add(own)
            return own
        return f"{self._prefix}-{position}"


def _own_id(record) -> str:
    """The record's own id (a string or an integer in one of ID_FIELDS), "" when it has none."""
    if isinstance(record, dict):
        for name in ID_FIELDS:
            value = record.get(name)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
                return str(value).strip()
    return ""


def _parse(line: bytes):
    """The JSON value of one line, or raises ValueError (RecursionError for absurd nesting)."""
    try:
        return json.loads(line)
    except RecursionError as err:
        raise ValueError("JSON nested too deeply") from err


def iter_json(stream: BinaryIO, source_uri: str, max_bytes: int) -> Iterator[Page | Failure]:
    """Every record of one JSON or JSON Lines stream as a Page or a Failure, lazily; a file that is
    no page export as decode_page makes of it. Never raises on bad input."""
    lines = _lines(stream)
    try:
        first = _read_line(lines, max_bytes)
        if first is None:
            yield Failure(source_uri, "read", "too_large", f"first line is over {max_bytes} bytes")
            return
        try:
            value = _parse(first)
        except ValueError:
            value = None
        if isinstance(value, dict) and not wrapped_records(value):
            if has_page(value):
                yield from _json_lines(lines, value, len(first), source_uri, max_bytes)
            else:  # a data export: the same verdict decode_page gives a JSON file
                yield Failure(
                    source_uri,
                    "read",
                    "not_a_page",
                    f"JSON records with no page field (one of {', '.join(PAGE_FIELDS)})",
                    first[:200].decode("utf-8", "replace"),
                    "",
                    len(first),
                )
            return
        whole = first + lines.read(max_bytes + 1 - len(first))
        if len(whole) > max_bytes:
            yield Failure(source_uri, "read", "too_large", f"file is over {max_bytes} bytes")
            return
    except (OSError, EOFError, zlib.error) as err:  # a corrupt or cut-off gzip stream
        yield Failure(source_uri, "read", "decode_error", f"broken gzip stream: {err}"[:2000])
        return
    yield from _json_document(whole, source_uri)


def _json_document(whole: bytes, source_uri: str) -> Iterator[Page | Failure]:
    """A whole JSON file: a record, or an array of records, with a page; anything else is decoded
    as a page file would be (JSON without pages is not_a_page there, a Markdown dump is read)."""
    try:
        value = _parse(whole)
    except ValueError:
        value = None
    items = value if isinstance(value, list) else wrapped_records(value) or [value]
    if not any(has_page(item) for item in items):
        yield decode_page(source_uri, whole)
        return
    if items == [value]:  # one record, one file: its id is its own, or none
        yield record_item(value, _own_id(value), source_uri, len(whole))
        return
    ids = _Ids("item")
    for position, item in enumerate(items, 1):
        yield record_item(item, ids(item, position), source_uri, len(json.dumps(item)))


def _json_lines(lines, first: dict, first_size: int, source_uri: str, max_bytes: int) -> Iterator[Page | Failure]:
    ids = _Ids("line")
    yield record_item(first, ids(first, 1), source_uri, first_size)
    number = 1
    try:
        while True:
            number += 1
            line = _read_line(lines, max_bytes)
            if line is None:
                yield Failure(
                    source_uri, "read", "too_large", f"line {number} is over {max_bytes} bytes", "", f"line-{number}"
                )
                continue
            if not line:
                return
            if not line.strip():
                continue
            try:
                record = _parse(line)
            except ValueError as err:
                yield Failure(
                    source_uri,
                    "read",
                    "decode_error",
                    f"line {number} is no JSON: {err}"[:2000],
                    line[:200].decode("utf-8", "replace"),
                    f"line-{number}",
                    len(line),
                )
                continue
            yield record_item(record, ids(record, number), source_uri, len(line))
    except (OSError, EOFError, zlib.error) as err:
        yield Failure(
            source_uri,
            "read",
            "decode_error",
            f"broken gzip stream after line {number - 1}: {err}"[:2000],
            "",
            f"line-{number}",
        )


def main(argv: list[str]) -> int:
    counts: Counter = Counter()
    for path in argv:
        with open(path, "rb") as fh:
            for item in iter_json(fh, path, 16 * 1024 * 1024):
                counts["pages" if isinstance(item, Page) else f"failures.{item.reason}"] += 1
    print(dict(sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
