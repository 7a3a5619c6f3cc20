"""JSON and JSON Lines files of scrapers and crawl datasets, read as a page per record.

In: a binary stream over a JSON Lines file (`.jsonl`, `.ndjson`: Scrapy's feeds, datatrove, FineWeb,
C4) or a JSON file holding one record or an array of them (news-please's per-article files, Scrapy's
`-o items.json`, an API response that wraps them: Firecrawl's "data"), gzipped or not; the file's
URI and the per-record size cap. Out, in file order, a `Page` or a `Failure` per record
(`transforms/exports.py` reads one record), and a Failure for what is no record:
  - a line that is no JSON (decode_error), a line over the cap (too_large: its bytes are skipped,
    never held), a gzip stream that breaks (decode_error: the records before the break are kept).
A file in UTF-16 or UTF-32 (known by its byte-order mark) is read as UTF-8, and a file whose lines
end with a bare CR as lines (`_lines`); `record_id` then counts the bytes of what is read.
`record_id` is where the record starts: `byte-N` in a JSON Lines file (N counts the file's bytes,
gunzipped), `item-N` in an array, "" for a file of one record. Ids must be unique in a file whose
pieces are read apart, so a record's own "id" is not used.

A JSON Lines file is streamed a line at a time, and so is an array written a record a line (Scrapy's
JSON feed: "[", "{...},", ..., "]"). A first line that is no page record (a crawl's header line,
a record cut short where the file was split) is quarantined by itself when the lines after it are
page records (`LOOKAHEAD_LINES`). An uncompressed JSON Lines file bigger than a span is read in
spans of bytes (`file_spans`), each by any worker: a span holds the lines that start in it. A JSON
document over several lines is read whole, within the cap. A JSON file whose first record holds no
page (a feed, a data dump) and a file that only starts like JSON (a Markdown dump's "[Home](/)") go
to `decode_page` whole, as before.

  python -m transforms.read FILE      # what a file holds: pages, failures, skips (any input kind)
"""

import codecs
import gzip
import io
import json
import zlib
from array import array
from collections.abc import Iterator
from typing import BinaryIO

from schemas import Failure, Page
from transforms.decode import GZIP_MAGIC, decode_page
from transforms.exports import (
    EXTRACTED_FIELDS,
    NO_PAGE_FIELD,
    PAGE_FIELDS,
    WRAPPER_FIELDS,
    has_page,
    record_item,
    wrapped_records,
)
from transforms.opening import open_input

# Bytes of a JSON Lines file read by one worker: bigger uncompressed files are read in spans of this
# size, spread over workers (a 10 GB export on one worker takes hours; Beam's own text source splits
# alike). Gzip cannot be read from the middle: a gzipped export is read by one worker.
SPAN_BYTES = 64 << 20
# Bytes read at once while skipping a line over the cap, and the most skipped in one line: a line of
# over 1 GiB is a gzip bomb, not a record (skipping costs ~3.5 s a GiB), and reading stops there.
SKIP_CHUNK = 1 << 16
SKIP_MAX_BYTES = 1 << 30
# Bytes of a file's head looked at to tell JSON from a page.
HEAD_BYTES = 512
# A first line that is no page record (a crawl's header line, a record cut short, a page field that is
# a number) does not decide the file alone: up to this many lines (and bytes) after it are read ahead,
# and when one of them is a page record the file is JSON Lines, its first line quarantined by itself.
LOOKAHEAD_LINES = 8
LOOKAHEAD_BYTES = 8 << 20
JSON_START = (b"{", b"[")
# The error of a file whose records hold no page (a feed, a data export); NO_PAGE_FIELD is a record's.
NO_PAGE_RECORDS = f"JSON records with no page field (one of {', '.join(PAGE_FIELDS)})"
# Bytes of a file's head in which its line ends are looked at (`_lines`): a file whose lines end with a
# bare CR is known by a CR and no LF in them.
LINE_END_BYTES = 16 << 10


class EndlessLine(Exception):
    """A line too long to skip (over SKIP_MAX_BYTES): the read stops there."""


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


class _Transcoded(io.RawIOBase):
    """A UTF-8 view of a UTF-16 or UTF-32 stream, decoded as it is read (what cannot be decoded becomes
    U+FFFD)."""

    def __init__(self, stream: BinaryIO, encoding: str, bom: bytes = b""):
        self._stream, self._decoder, self._pending = stream, codecs.getincrementaldecoder(encoding)("replace"), b""
        self._bom = bom

    def original(self, text: bytes) -> bytes:
        """UTF-8 read from this stream in the file's own encoding again, byte-order mark first."""
        codec = _BOM_CODECS[self._bom]
        return self._bom + text.decode("utf-8", "surrogatepass").encode(codec, "surrogatepass")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            data = self._stream.read(SKIP_CHUNK)
            self._pending = self._decoder.decode(data, final=not data).encode("utf-8", "surrogatepass")
            if not data:
                break
        n = min(len(buffer), len(self._pending))
        buffer[:n], self._pending = self._pending[:n], self._pending[n:]
        return n


class _LinesOnCr(io.RawIOBase):
    """A stream with each CR read as a LF, byte for byte: lines that end with a bare CR (classic Mac
    OS) become lines. A raw CR in JSON is whitespace between values (in a string it is escaped), so
    only line ends change; a CRLF becomes a line and a blank one, which the readers skip. With
    `bare_cr` None the stream's first line end decides, when it is read: a CR that no LF follows
    turns it on, anything else leaves the stream as it is."""

    def __init__(self, stream: BinaryIO, bare_cr: bool | None = True):
        self._stream, self._bare_cr, self._pending = stream, bare_cr, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data, self._pending = self._pending or self._stream.read(len(buffer)), b""
        if self._bare_cr is None and data:
            cr, lf = data.find(b"\r"), data.find(b"\n")
            if cr == len(data) - 1:  # what follows the CR decides
                data += self._stream.read(1)
                lf = data.find(b"\n")
            if lf >= 0 and (cr < 0 or lf < cr):
                self._bare_cr = False
            elif cr >= 0:
                self._bare_cr = data[cr + 1 : cr + 2] != b"\n"
        if self._bare_cr:
            data = data.replace(b"\r", b"\n")
        data, self._pending = data[: len(buffer)], data[len(buffer) :]
        buffer[: len(data)] = data
        return len(data)


# The byte-order marks `_wide_encoding` knows and the codec of what follows each (UTF-32 first: its
# little-endian mark opens with UTF-16's).
_BOM_CODECS = {
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}


def _wide_encoding(head: bytes) -> str | None:
    """The codec of a file that opens with a UTF-32 or UTF-16 byte-order mark (Windows PowerShell
    writes UTF-16), None for any other."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    return "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None


def starts_like_json(head: bytes) -> bool:
    """True when these first bytes of a file (gzipped or not, in UTF-8 or with a UTF-16/32 byte-order
    mark) open a JSON object or array."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    if encoding := _wide_encoding(head):
        head = head[: len(head) // 4 * 4].decode(encoding, "replace").encode("utf-8")
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in JSON_START


def _lines(stream: BinaryIO) -> tuple[io.BufferedIOBase, _Transcoded | None]:
    """A line-readable, gunzipped view of the stream (gzip known by its magic bytes), in UTF-8 (a
    UTF-16 or UTF-32 file is decoded as it is read: PowerShell's JSON Lines kept only their first
    record, read as a page), with lines that end in a bare CR read as lines (such a file was one line
    of JSON records: its first was kept and the rest lost unsaid; a UTF-16 or UTF-32 one too, until
    its line ends were looked for after decoding); and the decoder of a UTF-16 or UTF-32 file."""
    buffered = io.BufferedReader(_Raw(stream), buffer_size=LINE_END_BYTES)
    lines = gzip.GzipFile(fileobj=buffered, mode="rb") if buffered.peek(2)[:2] == GZIP_MAGIC else buffered
    head = lines.peek(LINE_END_BYTES)[:LINE_END_BYTES]
    transcoded = None
    if encoding := _wide_encoding(head):
        bom = next(bom for bom in _BOM_CODECS if head.startswith(bom))
        transcoded = _Transcoded(lines, encoding, bom)
        lines = io.BufferedReader(transcoded, buffer_size=LINE_END_BYTES)
        head = lines.peek(LINE_END_BYTES)[:LINE_END_BYTES]  # in UTF-8 now
    if b"\r" in head and b"\n" not in head:  # lines that end with a bare CR
        return io.BufferedReader(_LinesOnCr(lines)), transcoded
    if len(head) == LINE_END_BYTES and b"\r" not in head and b"\n" not in head:  # a first line past the head
        return io.BufferedReader(_LinesOnCr(lines, bare_cr=None), buffer_size=LINE_END_BYTES), transcoded
    return lines, transcoded


def _read_line(lines: io.BufferedIOBase, limit: int) -> tuple[bytes | None, int]:
    """(the next line, the bytes it took): (b"", 0) at the end, (None, n) for a line over `limit`
    bytes, whose rest is read and dropped a chunk at a time."""
    line = lines.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    size = len(line)
    while (part := lines.readline(SKIP_CHUNK)) and not part.endswith(b"\n"):
        size += len(part)
        if size > SKIP_MAX_BYTES:
            raise EndlessLine(f"a line of over {SKIP_MAX_BYTES} bytes: reading stops there")
    return None, size + len(part)


def _parse(line: bytes):
    """The JSON value of one line, or raises ValueError (RecursionError for absurd nesting)."""
    try:
        return json.loads(line)
    except RecursionError as err:
        raise ValueError("JSON nested too deeply") from err


def _parsed(line: bytes | None):
    """The JSON value of a line, None when it holds none."""
    try:
        return _parse(line) if line else None
    except ValueError:
        return None


def _is_record(value) -> bool:
    """True when a first line's value is a record that opens a JSON Lines export of pages."""
    return isinstance(value, dict) and has_page(value) and not wrapped_records(value)


def _opens_json_lines(lines, max_bytes: int) -> bool:
    """Whether a stream (at its start) is JSON Lines as `iter_json` decides it: the first line a page
    record, or the lines after a first that is none (a header line, a cut record) JSON Lines."""
    first, size = _read_line(lines, max_bytes)
    while first is not None and size and not first.strip():  # blank lines before the first, as iter_json
        first, size = _read_line(lines, max_bytes)
    if _is_record(_parsed(first)):
        return True
    return first is not None and first.strip() != b"[" and _lines_of_records(_read_ahead(lines, max_bytes))


def file_spans(path: str, size: int, max_bytes: int, span_bytes: int = SPAN_BYTES) -> list[tuple[str, int, int | None]]:
    """How one file is read: [(path, 0, None)] (whole, by one worker), or for an uncompressed JSON
    Lines export of pages bigger than `span_bytes`, its (path, start, end) byte spans. Only files that
    big are opened here; any error leaves the file whole, for the read to report. A file is split only
    where a span reads what `iter_json` reads: one whose lines end with a bare CR (its lines are read
    by LF here, and iter_json_span reads no CR as a line end) and one whose first record with a page
    comes after more than LOOKAHEAD_LINES lines with none (`_pageless_lines`: a file with no page
    record at all is one row, which spans could not give) are read whole, by one worker, with every
    record kept."""
    whole = [(path, 0, None)]
    if size <= span_bytes:
        return whole
    try:
        with open_input(path) as stream:
            lines = io.BufferedReader(_Raw(stream))
            head = lines.peek(HEAD_BYTES)[:HEAD_BYTES]
            if head[:2] == GZIP_MAGIC or _wide_encoding(head) or not starts_like_json(head):
                return whole  # gzip, UTF-16 and UTF-32 are read from the start only
            if not _opens_json_lines(lines, max_bytes):
                return whole
    except Exception:  # unreadable here is unreadable in the read stage, which says why
        return whole
    return [(path, start, min(start + span_bytes, size)) for start in range(0, size, span_bytes)]


def iter_json(
    stream: BinaryIO, source_uri: str, max_bytes: int, extracted: tuple[str, ...] = EXTRACTED_FIELDS
) -> Iterator[Page | Failure]:
    """Every record of one JSON or JSON Lines stream as a Page or a Failure, lazily; a file that is
    no page export as decode_page makes of it. Never raises on bad input."""
    try:
        lines, transcoded = _lines(stream)  # its look at the head may meet a broken gzip stream
        skipped = 0
        first, size = _read_line(lines, max_bytes)
        while first is not None and size and not first.strip():  # blank lines before the first record
            skipped += size
            first, size = _read_line(lines, max_bytes)
        if first is None:
            yield Failure(
                source_uri, "read", "too_large", f"first line is over {max_bytes} bytes", "", f"byte-{skipped}", size
            )
            ahead = _read_ahead(lines, max_bytes)
            if _lines_of_records(ahead):  # JSON Lines: the records after it are read all the same
                yield from _json_lines(lines, source_uri, max_bytes, skipped + size, None, extracted, iter(ahead))
            return  # else one document, or a data export: that row is the file's
        value = _parsed(first)
        if _is_record(value):
            yield record_item(value, f"byte-{skipped}", source_uri, size, extracted)
            yield from _json_lines(lines, source_uri, max_bytes, skipped + size, None, extracted)
            return
        ahead = [] if first.strip() == b"[" else _read_ahead(lines, max_bytes)
        if _lines_of_records(ahead):  # JSON Lines after all: the first line is quarantined by itself
            read = iter([(first, size), *ahead])
            yield from _json_lines(lines, source_uri, max_bytes, skipped, None, extracted, read)
            return
        if (
            _plain_object(value)
            and ahead
            and all(_plain_object(_parsed(line)) for line, _ in ahead if line is None or line.strip())
        ):
            yield from _pageless_lines([(first, size), *ahead], lines, source_uri, max_bytes, skipped, extracted)
            return
        first += b"".join(line or b"" for line, _ in ahead)
        size += sum(n for _, n in ahead)
        if any(line is None for line, _ in ahead):  # a line over the cap: so is the whole document
            yield Failure(source_uri, "read", "too_large", f"file is over {max_bytes} bytes")
            return
        if first.strip() == b"[":  # perhaps an array written a record a line (Scrapy's `-o items.json`)
            second, second_size = _read_line(lines, max_bytes)
            item = _array_item(second) if second else None
            if item is not None and has_page(item):
                yield record_item(item, "item-1", source_uri, second_size, extracted)
                yield from _array_lines(lines, source_uri, max_bytes, extracted)
                return
            if second is None:
                yield Failure(source_uri, "read", "too_large", f"the array's first line is over {max_bytes} bytes")
                return
            first, size = first + second, size + second_size
            value = None  # "[" and a line that is no whole record: an array over several lines
        if _no_records(value):
            excerpt = first[:200].decode("utf-8", "replace")
            yield Failure(source_uri, "read", "empty", "a JSON export with no records", excerpt, "", size)
            return
        if _plain_object(value):  # a data export: decode_page's verdict too
            yield Failure(
                source_uri, "read", "not_a_page", NO_PAGE_RECORDS, first[:200].decode("utf-8", "replace"), "", size
            )
            return
        whole = first + lines.read(max_bytes + 1 - len(first))
        if len(whole) > max_bytes:
            yield Failure(source_uri, "read", "too_large", f"file is over {max_bytes} bytes")
            return
    except EndlessLine as err:  # the first line, after any blank ones
        yield Failure(source_uri, "read", "too_large", str(err), "", f"byte-{skipped}")
        return
    except (OSError, EOFError, zlib.error) as err:  # a corrupt or cut-off gzip stream
        yield Failure(source_uri, "read", "decode_error", f"broken gzip stream: {err}"[:2000])
        return
    original = transcoded.original(whole) if transcoded is not None else whole
    yield from _json_document(whole, source_uri, extracted, original)


def iter_json_span(
    stream: BinaryIO,
    source_uri: str,
    max_bytes: int,
    start: int,
    end: int,
    extracted: tuple[str, ...] = EXTRACTED_FIELDS,
) -> Iterator[Page | Failure]:
    """The records of an uncompressed JSON Lines file whose lines start at bytes start..end-1, from a
    seekable stream over the file. The spans of `file_spans` give every record exactly once."""
    try:
        stream.seek(max(start - 1, 0))
        lines = io.BufferedReader(_Raw(stream))
        offset = max(start - 1, 0)
        if start > 0:  # the rest of the line that holds byte start-1 belongs to the span before
            offset += _read_line(lines, SKIP_CHUNK)[1]
    except EndlessLine as err:  # the span before reads up to that line's start, and says so
        yield Failure(
            source_uri, "read", "too_large", f"the span at byte {start} opens inside {err}", "", f"byte-{start}"
        )
        return
    except OSError as err:
        yield Failure(
            source_uri, "read", "read_error", f"cannot read bytes {start}-{end}: {err}"[:2000], "", f"byte-{start}"
        )
        return
    yield from _json_lines(lines, source_uri, max_bytes, offset, end, extracted)


def _lines_of_records(ahead: list[tuple[bytes | None, int]]) -> bool:
    """The lines read ahead hold a page record and are JSON objects a line more often than not: JSON
    Lines, not one document over several lines (a pretty-printed array's last item parses alone too)."""
    values = [_parsed(line) for line, _ in ahead if line is None or line.strip()]
    objects = sum(isinstance(value, dict) for value in values)
    return any(_is_record(value) for value in values) and objects > len(values) - objects


def _plain_object(value) -> bool:
    """A JSON object that holds no page and wraps no records: a crawl's record of a failed fetch, or
    a row of a data export."""
    return isinstance(value, dict) and not has_page(value) and not wrapped_records(value)


def _pageless_lines(
    read: list[tuple[bytes | None, int]],
    lines,
    source_uri: str,
    max_bytes: int,
    offset: int,
    extracted: tuple[str, ...],
) -> Iterator[Page | Failure]:
    """A JSON Lines file whose first lines (`read`) are objects with no page: read on until a record has
    one, then every line apart, those before it as rows of their own (a crawl's export that opens with
    its failed fetches: its pages were lost with them). A file with no page record at all is a data
    export: one not_a_page row, as before. The lines read meanwhile are held as their offsets, sizes
    and kinds only (17 bytes a line: a line shaped as an object is a record with no page, any other
    no JSON); a line that names no page field is not parsed."""
    starts, sizes, kinds = array("q"), array("q"), bytearray()  # kind: 0 no page, 1 no JSON, 2 over the cap
    at = offset
    pending = iter(read)
    while True:
        line, size = next(pending, None) or _read_line(lines, max_bytes)
        if not size:  # the end: no record of the file holds a page
            excerpt = (read[0][0] or b"")[:200].decode("utf-8", "replace")
            yield Failure(source_uri, "read", "not_a_page", NO_PAGE_RECORDS, excerpt, "", at - offset)
            return
        if line is not None and _names_page_field(line) and _is_record(_parsed(line)):
            break
        if line is None or line.strip():
            starts.append(at)
            sizes.append(size)
            body = line.strip() if line is not None else b""
            kinds.append(2 if line is None else 0 if body[:1] == b"{" and body[-1:] == b"}" else 1)  # by its shape
        at += size
    for start, size, kind in zip(starts, sizes, kinds, strict=True):
        yield Failure(source_uri, "read", *_HELD[kind], "", f"byte-{start}", size)
    yield from _json_lines(lines, source_uri, max_bytes, at, None, extracted, iter([(line, size)]))


# What a held line (`_pageless_lines`) was: its row's reason and error.
_HELD = (
    ("not_a_page", NO_PAGE_FIELD),
    ("decode_error", "a line that is no JSON record"),
    ("too_large", "a line over the cap"),
)
_PAGE_FIELD_NAMES = tuple(f'"{name}"'.encode() for name in PAGE_FIELDS)


def _names_page_field(line: bytes) -> bool:
    """The line names one of PAGE_FIELDS as a key or a value: only such a line can be a page record."""
    return any(name in line for name in _PAGE_FIELD_NAMES)


def _read_ahead(lines, max_bytes: int) -> list[tuple[bytes | None, int]]:
    """The next LOOKAHEAD_LINES lines as `_read_line` gives them, fewer at the end or past
    LOOKAHEAD_BYTES."""
    ahead, total = [], 0
    while len(ahead) < LOOKAHEAD_LINES and total < LOOKAHEAD_BYTES:
        line, size = _read_line(lines, max_bytes)
        if not size:
            break
        ahead.append((line, size))
        total += size
    return ahead


def _json_lines(
    lines,
    source_uri: str,
    max_bytes: int,
    offset: int,
    end: int | None,
    extracted: tuple[str, ...],
    read_first: Iterator[tuple[bytes | None, int]] | None = None,
) -> Iterator[Page | Failure]:
    """The records of the lines that start at `offset` and after, up to `end` (None: the file's end);
    `read_first`: lines already read from `lines` (`_read_line`'s pairs), taken before it."""
    read_first = read_first or iter(())
    try:
        while end is None or offset < end:
            line_start, at = offset, f"byte-{offset}"
            line, size = next(read_first, None) or _read_line(lines, max_bytes)
            offset += size
            if not size:
                return
            if line is None:
                yield Failure(
                    source_uri,
                    "read",
                    "too_large",
                    f"the line at byte {line_start} is over {max_bytes} bytes",
                    "",
                    at,
                    size,
                )
            elif line.strip():
                try:
                    record = _parse(line)
                except ValueError as err:
                    excerpt = line[:200].decode("utf-8", "replace")
                    yield Failure(
                        source_uri,
                        "read",
                        "decode_error",
                        f"the line at byte {line_start} is no JSON: {err}"[:2000],
                        excerpt,
                        at,
                        size,
                    )
                    continue
                yield record_item(record, at, source_uri, size, extracted)
    except EndlessLine as err:
        yield Failure(source_uri, "read", "too_large", f"at byte {offset}, {err}", "", f"byte-{offset}")
    except (OSError, EOFError, zlib.error) as err:
        yield Failure(
            source_uri,
            "read",
            "decode_error",
            f"broken gzip stream at byte {offset}: {err}"[:2000],
            "",
            f"byte-{offset}",
        )


def _array_item(line: bytes) -> dict | None:
    """The record on one line of an array written a record a line ('{...},' or a last '{...}]'),
    None when the line holds no whole record."""
    body = line.strip()
    if body.endswith(b"]"):
        body = body[:-1].rstrip()
    try:
        value = _parse(body.rstrip(b","))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _array_lines(lines, source_uri: str, max_bytes: int, extracted: tuple[str, ...]) -> Iterator[Page | Failure]:
    """The records after the first of an array written a record a line: streamed as JSON Lines are,
    ids `item-N` as a whole array's, the cap per line; a line that is no record is quarantined."""
    position = 1
    try:
        while True:
            line, size = _read_line(lines, max_bytes)
            if not size:
                return
            if line is not None and line.strip() in (b"", b"]"):
                continue
            position += 1
            at = f"item-{position}"
            if line is None:
                yield Failure(
                    source_uri, "read", "too_large", f"item {position} is over {max_bytes} bytes", "", at, size
                )
            elif (item := _array_item(line)) is None:
                excerpt = line[:200].decode("utf-8", "replace")
                yield Failure(
                    source_uri, "read", "decode_error", f"item {position} is no JSON record", excerpt, at, size
                )
            else:
                yield record_item(item, at, source_uri, size, extracted)
    except EndlessLine as err:
        yield Failure(source_uri, "read", "too_large", f"after item {position}, {err}", "", f"item-{position + 1}")
    except (OSError, EOFError, zlib.error) as err:
        yield Failure(source_uri, "read", "decode_error", f"broken gzip stream after item {position}: {err}"[:2000])


def _no_records(value) -> bool:
    """An export that holds no record: "[]", or a tool's wrapper with an empty list ({"data": []})."""
    return value == [] or (
        isinstance(value, dict) and not has_page(value) and any(value.get(name) == [] for name in WRAPPER_FIELDS)
    )


def _json_document(
    whole: bytes, source_uri: str, extracted: tuple[str, ...], original: bytes | None = None
) -> Iterator[Page | Failure]:
    """A whole JSON file: a record, an array of records or a wrapper of them, with a page; anything
    else is decoded as a page file would be (JSON without pages is not_a_page there, a Markdown dump
    is read), from its `original` bytes when `whole` was transcoded to UTF-8 (a UTF-16 file's page
    names its encoding and size as a page file's would)."""
    try:
        value = _parse(whole)
    except ValueError:
        value = None
    items = value if isinstance(value, list) else wrapped_records(value) or [value]
    if _no_records(value):
        yield Failure(
            source_uri, "read", "empty", "a JSON export with no records", whole[:200].decode("utf-8", "replace")
        )
    elif not any(has_page(item) for item in items):
        yield decode_page(source_uri, whole if original is None else original)
    elif items == [value]:  # one record, one file: no id needed
        yield record_item(value, "", source_uri, len(whole), extracted)
    else:
        for position, item in enumerate(items, 1):
            yield record_item(item, f"item-{position}", source_uri, len(json.dumps(item)), extracted)
