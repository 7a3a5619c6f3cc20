"""Finishing staged files: the clustering's verdicts applied to the rows where they lie.

In:  a staged file of articles or segments (see `transforms.staging`) and the verdicts of the
     articles in it: article_id -> (cluster_id, canonical_article_id), one for every article that
     keeps its row.
Out: the finished file, same name, in the staging folder proper (where the commit takes it):
     article rows get their cluster columns; rows of articles without a verdict (exact copies,
     accounted in the duplicates table) are left out, their segments too.

Read and written one row group at a time, so memory is a row group however big the file; small
row groups (a bundle's buffers, flushed early) are merged up to ROW_GROUP_ROWS rows.
"""

import posixpath

import apache_beam as beam
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas import ARTICLES
from transforms.commit import destination_of
from transforms.parquet_sink import MAX_ROW_GROUP_ROWS, ROW_GROUP_ROWS, open_writer
from transforms.tags import counter

Verdicts = dict[str, tuple[str, str]]


def file_verdicts(article: dict) -> list[tuple[str, tuple[str, tuple[str, str]]]]:
    """A kept article's light record -> (staged file, (article_id, verdict)) for each of its files."""
    verdict = (article["cluster_id"], article["canonical_article_id"])
    return [(path, (article["article_id"], verdict)) for path in article["files"]]


def apply_verdicts(table: str, rows: pa.Table, verdicts: Verdicts) -> pa.Table:
    """The rows of articles with a verdict; article rows with their cluster columns set."""
    rows = rows.filter(pc.is_in(rows.column("article_id"), value_set=pa.array(list(verdicts), pa.string())))
    if table != ARTICLES:
        return rows
    ids = rows.column("article_id").to_pylist()
    for position, name in enumerate(("cluster_id", "canonical_article_id")):
        index = rows.schema.get_field_index(name)
        values = pa.array([verdicts[i][position] for i in ids], pa.string())
        rows = rows.set_column(index, rows.schema.field(index), values)
    return rows


def finish_staged(src: str, dst: str, verdicts: Verdicts) -> int:
    """Write `src`'s rows with `verdicts` applied to `dst`; the rows written (no file when none)."""
    table = destination_of(src).split("/", 1)[0]
    written, pending = 0, []

    def write_pending(writer) -> int:
        merged = pa.concat_tables(pending)
        pending.clear()
        writer.write_table(merged, row_group_size=MAX_ROW_GROUP_ROWS)
        return merged.num_rows

    with FileSystems.open(src, compression_type=CompressionTypes.UNCOMPRESSED) as source:
        staged = pq.ParquetFile(source)
        with FileSystems.create(dst) as sink:
            writer = open_writer(sink, table)
            for group in range(staged.num_row_groups):
                rows = apply_verdicts(table, staged.read_row_group(group), verdicts)
                if rows.num_rows:
                    pending.append(rows)
                if sum(t.num_rows for t in pending) >= ROW_GROUP_ROWS:
                    written += write_pending(writer)
            if pending:
                written += write_pending(writer)
            writer.close()
    if not written:
        FileSystems.delete([dst])
    return written


class FinishStagedFn(beam.DoFn):
    """(staged file, [(article_id, verdict)...]) -> the finished file's path (none when no row is kept)."""

    def __init__(self, staging: str):
        self._staging = staging
        self._files = counter("staged_files_finished")

    def process(self, element):
        src, verdicts = element
        dst = FileSystems.join(self._staging, posixpath.basename(src))
        if finish_staged(src, dst, dict(verdicts)):
            self._files.inc()
            yield dst
