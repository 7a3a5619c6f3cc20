"""Parquet datasets of pages or articles, read as a page per row.

Crawl and news datasets ship as Parquet: Hugging Face's cc_news (title, text, date, url, ...),
FineWeb (text, url, date: the crawl's), a warehouse's own table of fetched pages (url, html). Before
this, such a file was one `not_a_page` row ("binary content") and none of its articles were read.

In: a seekable binary stream over a Parquet file (known by its first bytes, `PAR1`), its URI, the
per-row size cap and the export fields whose text is already extracted. Out, in file order, a `Page`
or a `Failure` per row: each row is a record, read as a JSON export's record is
(`transforms/exports.py`: the page column by PAGE_FIELDS, url, fetch time, title, ...). Values
that JSON has no type for are made its types first: timestamps and dates as ISO 8601 text, a
binary page column (raw HTML bytes) decoded by its charset as any page file is.
  - `record_id` is `row-N` (1-based, over the whole file);
  - a row with a value over the cap: too_large; a table with no page column: one not_a_page row, with
    no rows: one empty row;
  - a file Parquet cannot open, or that breaks while read: decode_error (the rows before are kept).
Only the columns a record is read from are read, a batch of rows at a time: memory holds one row
group's columns, not the file. A file bigger than a span is read in runs of row groups
(`row_group_spans`), spread over workers as a big JSON Lines file's byte spans are.

  python -m transforms.read FILE      # what a file holds: pages, failures, skips (any input kind)
"""

from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from schemas import Failure, Page
from transforms.charsets import decode_text
from transforms.exports import (
    AUTHOR_FIELDS,
    CRAWL_TIME_FIELDS,
    DECK_FIELDS,
    EXTRACTED_FIELDS,
    ID_FIELDS,
    PAGE_FIELDS,
    PUBLISHED_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    record_item,
    source_id,
)

PARQUET_MAGIC = b"PAR1"
# Columns a record is read from; the rest of a wide table (FineWeb's token counts, language scores)
# is not read.
RECORD_COLUMNS = frozenset(
    (
        *PAGE_FIELDS,
        *URL_FIELDS,
        *CRAWL_TIME_FIELDS,
        *TITLE_FIELDS,
        *DECK_FIELDS,
        *AUTHOR_FIELDS,
        *PUBLISHED_FIELDS,
        *ID_FIELDS,
        "metadata",
    )
)
# Rows converted to Python at once: small, so that a batch of long pages stays a few MB.
BATCH_ROWS = 64


def is_parquet(head: bytes) -> bool:
    return head.startswith(PARQUET_MAGIC)


def _plain(value):
    """A Parquet value as JSON would hold it: times as ISO 8601 text, bytes decoded, nested values
    converted throughout."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return decode_text(value)[0]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        if value and all(isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) for item in value):
            return {key: _plain(item) for key, item in value}  # a map column ({"ogSiteName": ...})
        return [_plain(item) for item in value]
    return value


def _size(row: dict) -> int:
    """Bytes of the row's text and binary values (what the cap is about)."""
    return sum(len(value) for value in row.values() if isinstance(value, str | bytes))


# RECORD_COLUMNS by their lower-case names ("rawhtml" -> "rawHtml").
_CANONICAL = {name.lower(): name for name in RECORD_COLUMNS}


def _columns(table: pq.ParquetFile) -> list[str]:
    """The columns a record is read from, by name in any case ("HTML", "Url": a warehouse's)."""
    return [name for name in table.schema_arrow.names if name.lower() in _CANONICAL]


def _record(values: dict) -> dict:
    """A row's values under the names a record is read by; where two columns name one field ("html"
    and "HTML"), the one named exactly if it has a value, else the first that has one."""
    candidates: dict[str, list] = {}
    for name, value in values.items():
        field = _CANONICAL[name.lower()]
        candidates.setdefault(field, []).append((name != field, value is None, value))
    return {field: min(found, key=lambda c: (c[1], c[0]))[2] for field, found in candidates.items()}


def row_group_spans(stream: BinaryIO, span_bytes: int) -> list[tuple[int, int]] | None:
    """A Parquet file's row groups in runs of about `span_bytes` (compressed) each, as [start, end)
    index pairs, for workers to read apart; None when the file is no Parquet table of pages or has
    one run only. Reads the file's footer only."""
    table = pq.ParquetFile(stream)
    if not any(_CANONICAL[name.lower()] in PAGE_FIELDS for name in _columns(table)):
        return None
    spans, start, size = [], 0, 0
    for index in range(table.metadata.num_row_groups):
        group = table.metadata.row_group(index)
        size += sum(group.column(c).total_compressed_size for c in range(group.num_columns))
        if size >= span_bytes:
            spans.append((start, index + 1))
            start, size = index + 1, 0
    if start < table.metadata.num_row_groups:
        spans.append((start, table.metadata.num_row_groups))
    return spans if len(spans) > 1 else None


def iter_parquet(
    stream: BinaryIO,
    source_uri: str,
    max_bytes: int,
    extracted: tuple[str, ...] = EXTRACTED_FIELDS,
    row_groups: tuple[int, int] | None = None,
) -> Iterator[Page | Failure]:
    """Every row of one Parquet stream (of its row groups start..end-1 with `row_groups`, a span of
    `row_group_spans`) as a Page or a Failure, lazily. Never raises on bad input."""
    row = 0
    try:
        table = pq.ParquetFile(stream)
        columns = _columns(table)
        if not any(_CANONICAL[name.lower()] in PAGE_FIELDS for name in columns):
            error = f"a Parquet table with no page column (one of {', '.join(PAGE_FIELDS)})"
            yield Failure(source_uri, "read", "not_a_page", error, ", ".join(table.schema_arrow.names)[:200])
            return
        groups = None
        if row_groups is not None:
            groups = list(range(*row_groups))
            row = sum(table.metadata.row_group(index).num_rows for index in range(row_groups[0]))
        if groups is None and table.metadata.num_rows == 0:
            yield Failure(source_uri, "read", "empty", "a Parquet table with no rows")
            return
        for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns, row_groups=groups):
            for values in batch.to_pylist():
                row += 1
                size = _size(values)
                if size > max_bytes:
                    error = f"row over {max_bytes} bytes"
                    yield Failure(source_uri, "read", "too_large", error, "", f"row-{row}", size, source_id(values))
                    continue
                yield record_item(_plain(_record(values)), f"row-{row}", source_uri, size, extracted)
    except (pa.ArrowException, OSError, ValueError, EOFError) as err:
        where, at = (f"after row {row}: ", f"row-{row + 1}") if row else ("", "")
        yield Failure(source_uri, "read", "decode_error", f"{where}{type(err).__name__}: {err}"[:2000], "", at)
