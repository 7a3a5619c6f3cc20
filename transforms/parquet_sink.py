"""A `fileio.FileSink` that writes rows of one table as Parquet through pyarrow.

Beam 2.77 ships no Parquet FileSink with dynamic destinations; the streaming write
(`transforms.window_write`) uses this one. Rows arrive as `TableRow`s; the sink writes a row group
every `ROW_GROUP_ROWS` rows so memory stays bounded however large a bundle is. The schema is the
table's explicit schema from `schemas`: nothing is inferred from data (an inferred schema drops
struct keys and types empty lists as null).

`open_writer` holds the file settings every engine reads alike (BigQuery, Spark, Athena, DuckDB,
Polars): zstd, microsecond UTC timestamps, standard 3-level lists, Parquet dictionary encoding on
low-cardinality strings (the Arrow type stays plain `string`), statistics on. Compaction
(`pipeline/compact.py`) writes through it too, so a merged file is typed exactly like its inputs.
"""

import pyarrow as pa
import pyarrow.parquet as pq
from apache_beam.io import fileio
from apache_beam.io.filesystems import FileSystems

from schemas import SCHEMAS, TableRow

# Rows buffered before a row group is written: bounds memory (a text-heavy article row is ~5 KB,
# so ~25 MB per open writer) and keeps row groups large enough for column pruning to pay.
ROW_GROUP_ROWS = 5000
COMPRESSION = "zstd"
# Rows per row group at most, however large a table handed to the writer (compaction hands whole
# partitions): ~100 MB of article text uncompressed, ~20-30 MB zstd, near the 128 MB engines split on.
MAX_ROW_GROUP_ROWS = 20_000
# Low-cardinality columns stored dictionary-encoded.
DICTIONARY_COLUMNS = [
    "source_format",
    "publisher",
    "wire_agency",
    "published_precision",
    "published_source",
    "section",
    "language",
    "declared_language",
    "schema_version",
    "pipeline_version",
    "kind",
    "stage",
    "reason",
]


def use_system_allocator() -> None:
    """Point this process's pyarrow buffers at the C library's allocator; the DoFns that write or
    read Parquet call it in `setup()`. pyarrow's default, mimalloc, kept freed Parquet and compute
    buffers resident, and a batch run's peak memory grew with its input (2,000 pages against 200:
    1.16x with mimalloc, 1.10x with the system allocator, 1.09x with jemalloc but higher overall)."""
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def open_writer(where, table: str, metadata: dict[bytes, bytes] | None = None) -> pq.ParquetWriter:
    """A ParquetWriter for `table` on a path or an open binary file, with the warehouse settings.

    `metadata` adds key-value pairs to the file's schema metadata (the schema version is always there).
    """
    schema = SCHEMAS[table]
    if metadata:
        schema = schema.with_metadata({**schema.metadata, **metadata})
    return pq.ParquetWriter(
        where,
        schema,
        compression=COMPRESSION,
        use_dictionary=[c for c in DICTIONARY_COLUMNS if c in schema.names],
        coerce_timestamps="us",
        allow_truncated_timestamps=False,
        use_compliant_nested_type=True,
        write_statistics=True,
    )


def rows_to_table(table: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column name; missing keys are null) as an Arrow table of `table`'s schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


class StagedFile:
    """A Parquet file of `schema` at `path` on any Beam filesystem, created at its first table: a
    bundle's internal staged files (facts, band keys) that may well stay empty."""

    def __init__(self, path: str, schema: pa.Schema):
        self.path, self._schema = path, schema
        self._handle = self._writer = None

    def write(self, table: pa.Table) -> None:
        if self._writer is None:
            self._handle = FileSystems.create(self.path)
            self._writer = pq.ParquetWriter(self._handle, self._schema, compression=COMPRESSION)
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._handle.close()


class ParquetSink(fileio.FileSink):
    def __init__(self, table: str, row_group_rows: int = ROW_GROUP_ROWS):
        self._table = table
        self._row_group_rows = row_group_rows
        self._writer = None
        self._rows: list[dict] = []

    def open(self, fh) -> None:
        self._writer = open_writer(fh, self._table)
        self._rows = []

    def write(self, record: TableRow) -> None:
        self._rows.append(record.row)
        if len(self._rows) >= self._row_group_rows:
            self._write_rows()

    def _write_rows(self) -> None:
        if self._rows:
            self._writer.write_table(rows_to_table(self._table, self._rows), row_group_size=MAX_ROW_GROUP_ROWS)
            self._rows = []

    def flush(self) -> None:
        self._write_rows()
        self._writer.close()  # writes the footer; the caller closes the file handle itself
