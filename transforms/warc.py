"""WARC files to pages: one `Page` per HTML response record, and per plain-text conversion record
(a WET file: Common Crawl's text extracts, each a page dump with its URL), read as a stream of records.

In: a binary stream over a `.warc` or `.warc.gz` file (whole-file or per-record gzip), the file's
URI and the per-record size cap. Out, one at a time and in file order, one of:
  - `Page` (fmt "html", or "text" for a WET conversion record): `url` is the record's
    WARC-Target-URI, `crawled_at` its WARC-Date (when the crawler fetched it: never a publication
    date), `record_id` and `source_id` its WARC-Record-ID;
  - `Failure`: a record over the cap (too_large, its body is never read into memory), or an archive
    that breaks mid-way (decode_error: the records before it are kept, the rest is not readable);
  - `Skipped`: a record that is not a page (request, metadata, warcinfo, revisit, a non-HTML or
    non-2xx response), with a stable reason code for the run tallies.
Only one record body is in memory at a time (warcio's ArchiveIterator over the stream), but for a
segmented record (WARC 1.1: a first segment, then `continuation` records with the rest of its
block, the last naming the total length): its segments are joined, under the same cap, and it is
one page when its last segment is read; its last segment missing from the file, it is one
decode_error row, never a page cut short.

A WARC is recognized by content, not name: its first bytes, after gunzip, are `WARC/`.

  python -m transforms.read FILE      # what a file holds: pages, failures, skips (any input kind)
"""

import io
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import BinaryIO, NamedTuple

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from schemas import Failure, Page
from transforms.decode import GZIP_MAGIC, decode_page

WARC_MAGIC = b"WARC/"
# Bytes of a file looked at to recognize a WARC: enough for a gzip header and the first line.
SNIFF_BYTES = 512
# Media types taken as HTML pages; other responses (images, CSS, feeds, robots.txt) are not pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Room for a response's HTTP headers inside a record's Content-Length: a record longer than the cap
# plus this cannot have a body under the cap, and is quarantined without reading it.
HTTP_HEADER_ALLOWANCE = 64 * 1024
# Record types whose payload is a fetched document, or (conversion) the text extracted from one;
# the rest describe the crawl, not the web.
DOCUMENT_TYPES = ("response", "resource", "conversion")
# Media types of a conversion record's text taken as a page dump (WET files: text/plain).
TEXT_TYPES = ("text/plain",)
# Skip reasons (tally keys `warc_skipped.<reason>`); stable, add, never rename.
SKIP_REASONS = ("not_a_response", "revisit", "http_status", "not_html")


class Skipped(NamedTuple):
    record_id: str
    reason: str  # one of SKIP_REASONS


class PrefixedStream:
    """A read-only stream that first returns `head` (bytes already read to sniff), then `rest`."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if not self._head:
            return self._rest.read(size)
        if size is None or size < 0:
            data, self._head = self._head + self._rest.read(), b""
            return data
        data, self._head = self._head[:size], self._head[size:]
        return data if len(data) == size else data + self._rest.read(size - len(data))


def is_warc(head: bytes) -> bool:
    """True when these first bytes of a file (gzipped or not) open a WARC record."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def warc_date(value: str | None) -> datetime | None:
    """WARC-Date (ISO 8601, UTC, optional fraction) as an aware datetime; None when unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _media_type(record) -> str:
    """The payload's media type (HTTP Content-Type of a response, WARC's of a resource); "" if none."""
    http = record.http_headers if record.rec_type == "response" else None
    media = http.get_header("Content-Type") if http is not None else record.rec_headers.get_header("Content-Type")
    return (media or "").split(";", 1)[0].strip().lower()


def _skip_reason(record, media: str) -> str | None:
    """Why this record is not an HTML page, or None when it may be one."""
    if record.rec_type == "revisit":
        return "revisit"
    if record.rec_type not in DOCUMENT_TYPES:
        return "not_a_response"
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not (status.isdigit() and 200 <= int(status) < 300 and status != "204"):
            return "http_status"
    if record.rec_type == "conversion":
        return None if media in TEXT_TYPES else "not_html"
    if media and media not in HTML_TYPES:
        return "not_html"
    return None


def _id_header(record, name: str = "WARC-Record-ID") -> str:
    """A record id header's value without its angle brackets ("<urn:uuid:...>"); "" when absent."""
    return (record.rec_headers.get_header(name) or "").strip("<> ")


def _read_upto(stream, record, limit: int) -> bytes:
    """Up to `limit` + 1 bytes of `stream`, one of `record`'s. Raises EOFError when they are fewer
    and the file ends before the record does (fewer bytes than its Content-Length: cut off)."""
    data = stream.read(limit + 1)
    if len(data) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError("the last record is cut off")
    return data


def _read_body(record, limit: int) -> bytes | None:
    """The record's payload (transfer- and content-decoded), or None past `limit` bytes.
    Raises EOFError when the file ends before the record does."""
    body = _read_upto(record.content_stream(), record, limit)
    return None if len(body) > limit else body


def record_item(record, record_id: str, source_uri: str, max_bytes: int) -> Page | Failure | Skipped:
    """One parsed record as a Page, a Failure (too large, undecodable) or a Skipped."""
    media = _media_type(record)
    reason = _skip_reason(record, media)
    if reason:
        return Skipped(record_id, reason)
    url = record.rec_headers.get_header("WARC-Target-URI")
    own_id = _id_header(record)
    declared = int(record.rec_headers.get_header("Content-Length") or 0)
    body = None if declared > max_bytes + HTTP_HEADER_ALLOWANCE else _read_body(record, max_bytes)
    if body is None:  # over the cap: quarantined; its bytes are skipped by the iterator, never kept
        error = f"WARC record of {url} is over {max_bytes} bytes"
        return Failure(source_uri, "read", "too_large", error, "", record_id, declared, own_id)
    page = decode_page(
        source_uri, body, record_id=record_id, url=url, crawled_at=warc_date(record.rec_headers.get_header("WARC-Date"))
    )
    if isinstance(page, Page) and page.fmt != "html" and not media:
        return Skipped(record_id, "not_html")  # untyped, and it does not look like HTML
    return replace(page, source_id=own_id)


class Segments:
    """A file's segmented records, joined: a first segment waits for its continuations, by id."""

    def __init__(self, source_uri: str, max_bytes: int):
        self._source_uri, self._max_bytes = source_uri, max_bytes
        self._limit = max_bytes + HTTP_HEADER_ALLOWANCE  # a block can hold no more and have a body under the cap
        # by the first segment's WARC-Record-ID: that record, its row's record id, its block so far
        self._open: dict[str, tuple[ArcWarcRecord, str, list[bytes]]] = {}
        self._dropped: set[str] = set()  # first segments quarantined: their continuations are part of that row

    def add(self, record, record_id: str) -> Page | Failure | Skipped | None:
        """A segment in: the whole record's item once its last segment is in, else None."""
        if record.rec_type != "continuation":  # the first segment: the record's headers, its block's start
            reason = _skip_reason(record, _media_type(record))
            if reason:
                return Skipped(record_id, reason)
            own_id = _id_header(record)
            self._open[own_id] = (record, record_id, [])
            return self._extend(own_id, record)
        origin = _id_header(record, "WARC-Segment-Origin-ID")
        if origin in self._dropped:
            return None
        if origin not in self._open:  # the rest of a record not read as a page (or whose start is elsewhere)
            return Skipped(record_id, "not_a_response")
        return self._extend(origin, record)

    def _extend(self, origin: str, record) -> Page | Failure | None:
        first, record_id, parts = self._open[origin]
        before = sum(map(len, parts))
        parts.append(_read_upto(record.raw_stream, record, self._limit - before))  # as stored, not decoded
        size = before + len(parts[-1])
        if size > self._limit:
            del self._open[origin]
            self._dropped.add(origin)
            url = first.rec_headers.get_header("WARC-Target-URI")
            error = f"segmented WARC record of {url} is over {self._max_bytes} bytes"
            return Failure(self._source_uri, "read", "too_large", error, "", record_id, size, origin)
        if record.rec_type != "continuation" or record.rec_headers.get_header("WARC-Segment-Total-Length") is None:
            return None  # more segments to come: only the last one names the total length
        del self._open[origin]
        block = io.BytesIO(b"".join(parts))
        joined = ArcWarcRecord(first.format, first.rec_type, first.rec_headers, block, first.http_headers, None, size)
        return record_item(joined, record_id, self._source_uri, self._max_bytes)

    def unfinished(self) -> Iterator[Failure]:
        """One decode_error per record whose last segment never came, in file order."""
        for origin, (first, record_id, parts) in self._open.items():
            url = first.rec_headers.get_header("WARC-Target-URI")
            error = f"segmented WARC record of {url}: {len(parts)} segment(s) in this file, its last segment missing"
            yield Failure(self._source_uri, "read", "decode_error", error, "", record_id, sum(map(len, parts)), origin)
        self._open.clear()


def iter_warc(stream: BinaryIO, source_uri: str, max_bytes: int) -> Iterator[Page | Failure | Skipped]:
    """Every record of one WARC stream as a Page, a Failure or a Skipped, lazily. Never raises on
    bad input: a broken archive ends with one decode_error Failure, on the record where it broke,
    then one for each segmented record still waiting for its last segment."""
    ordinal, current = 0, "record-1"
    segments = Segments(source_uri, max_bytes)
    try:
        for record in ArchiveIterator(stream):
            ordinal += 1
            current = _id_header(record) or f"record-{ordinal}"
            if record.rec_headers.get_header("WARC-Segment-Number") is None:
                yield record_item(record, current, source_uri, max_bytes)
            else:
                item = segments.add(record, current)
                if item is not None:
                    yield item
            current = f"record-{ordinal + 1}"
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as err:
        yield Failure(
            source_uri, "read", "decode_error", f"broken WARC after {ordinal} records: {err}"[:2000], "", current
        )
    yield from segments.unfinished()
