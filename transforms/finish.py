"""Finishing staged files: the clustering's verdicts applied to the rows where they lie.

In:  a staged file of articles or segments (see `transforms.staging`) and the verdicts of the
     articles in it that have one (`transforms.cluster_staged`): article_id -> (cluster_id,
     canonical_article_id) for a member of a cluster, None for an exact copy.
Out: the finished file, same name, in the staging folder proper (where the commit takes it):
     article rows with a verdict get their cluster columns; an exact copy's rows (accounted in the
     duplicates table) are left out, its segments too; every other row is kept as staged. A file
     no verdict touches is not rewritten: the commit takes it from where it was staged.

Read and written one row group at a time, so memory is a row group however big the file; small
row groups (a bundle's buffers, flushed early) are merged up to ROW_GROUP_ROWS rows.
"""

import apache_beam as beam
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas import ARTICLES
from transforms.commit import destination_of
from transforms.globs import delete_paths
from transforms.parquet_sink import MAX_ROW_GROUP_ROWS, ROW_GROUP_ROWS, open_writer, use_system_allocator
from transforms.tags import counter

Verdicts = dict[str, tuple[str, str] | None]


def apply_verdicts(table: str, rows: pa.Table, verdicts: Verdicts) -> pa.Table:
    """The rows without the copies'; article rows of cluster members with their cluster columns."""
    dropped = [article_id for article_id, verdict in verdicts.items() if verdict is None]
    if dropped:
        rows = rows.filter(pc.invert(pc.is_in(rows.column("article_id"), value_set=pa.array(dropped, pa.string()))))
    clustered = {article_id: verdict for article_id, verdict in verdicts.items() if verdict is not None}
    if table != ARTICLES or not clustered:
        return rows
    ids = rows.column("article_id").to_pylist()
    for position, name in enumerate(("cluster_id", "canonical_article_id")):
        index = rows.schema.get_field_index(name)
        staged = rows.column(index).to_pylist()
        values = pa.array([clustered[i][position] if i in clustered else v for i, v in zip(ids, staged)], pa.string())
        rows = rows.set_column(index, rows.schema.field(index), values)
    return rows


def merge_verdicts(verdicts) -> Verdicts:
    """(article_id, verdict) pairs as a dict; a copy's None wins over any other verdict."""
    merged: Verdicts = {}
    for article_id, verdict in verdicts:
        if verdict is None or article_id not in merged:
            merged[article_id] = verdict
    return merged


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
        delete_paths([dst])
    return written


class FinishStagedFn(beam.DoFn):
    """(staged file name, {"file": [its path], "verdict": [(article_id, verdict)...]}) -> the path
    to commit: the staged file itself when no verdict touches it, else the finished file (none
    when no row is kept)."""

    def __init__(self, staging: str):
        self._staging = staging
        self._finished = counter("staged_files_finished")
        self._untouched = counter("staged_files_as_staged")

    def setup(self):
        use_system_allocator()

    def process(self, element):
        name, grouped = element
        paths, verdicts = list(grouped["file"]), merge_verdicts(grouped["verdict"])
        if not paths:
            raise RuntimeError(f"verdicts for {name}, which no bundle staged")
        if not verdicts:
            self._untouched.inc()
            yield paths[0]
            return
        dst = FileSystems.join(self._staging, name)
        if finish_staged(paths[0], dst, verdicts):
            self._finished.inc()
            yield dst
