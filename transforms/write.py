"""Write stage: articles, segments and failures in; Parquet in hive partitions and a manifest out.

  rows -> TableRow (table, partition) -> WriteToFiles(staging, ParquetSink per table)
       -> all file results -> CommitRunFn (move into partitions, manifest last)

The run's tallies (pages in, outcomes, quarantine reasons) ride into the commit as a side input,
so the manifest says what the run did, and whether every page is accounted for.
"""

from datetime import datetime

import apache_beam as beam
from apache_beam.io import fileio

from schemas import ARTICLES, DUPLICATES, QUARANTINE, Failure, TableRow, partition_path, partition_values
from transforms.articles import quarantine_row
from transforms.commit import commit_run, staged_file_name
from transforms.parquet_sink import ParquetSink
from transforms.tags import counter

# Open files per bundle before WriteToFiles spills rows to a shuffle (Beam's default is 20). A run
# has tables x publication days x languages destinations (164 on 600 generated pages): at 20,
# most rows were pickled, shuffled and written as extra files (532 files vs 164, +25% CPU). Each
# open writer buffers at most ParquetSink.ROW_GROUP_ROWS rows, and never more than its bundle holds.
MAX_WRITERS_PER_BUNDLE = 512


def article_table_row(row: dict) -> TableRow:
    return TableRow(ARTICLES, partition_values(ARTICLES, row), row)


def failure_table_row(failure: Failure, ingested_at: datetime) -> TableRow:
    row = quarantine_row(failure, ingested_at)
    return TableRow(QUARANTINE, partition_values(QUARANTINE, row), row)


def duplicate_table_row(row: dict) -> TableRow:
    return TableRow(DUPLICATES, partition_values(DUPLICATES, row), row)


def destination(record: TableRow) -> str:
    return partition_path(record.table, record.partition)


def _file_naming(window, pane, shard_index, total_shards, compression, destination):
    return staged_file_name(destination, shard_index)


def _sink(destination: str) -> ParquetSink:
    return ParquetSink(destination.split("/", 1)[0])


class CommitRunFn(beam.DoFn):
    def __init__(self, output: str, run_id: str, staging: str, manifest: dict):
        self._output, self._run_id, self._staging, self._manifest = output, run_id, staging, manifest
        self._files = counter("files_committed")

    def process(self, file_results: list, tallies: dict):
        staged = [beam.io.filesystems.FileSystems.join(self._staging, r.file_name) for r in file_results]
        manifest = commit_run(self._output, self._run_id, self._staging, staged,
                              {**self._manifest, "counts": dict(sorted(tallies.items()))})
        self._files.inc(len(manifest["files"]))
        yield manifest


class WriteTables(beam.PTransform):
    """(articles, segment TableRows, failures, tallies) -> the run's manifest (one element)."""

    def __init__(self, output: str, run_id: str, staging: str, ingested_at: datetime, manifest: dict):
        super().__init__()
        self._output, self._run_id, self._staging = output, run_id, staging
        self._ingested_at, self._manifest = ingested_at, manifest

    def expand(self, inputs):
        article_rows = inputs["articles"] | "ArticleRows" >> beam.Map(article_table_row)
        quarantine_rows = inputs["failures"] | "QuarantineRows" >> beam.Map(failure_table_row, self._ingested_at)
        duplicate_rows = inputs["duplicates"] | "DuplicateRows" >> beam.Map(duplicate_table_row)
        written = (
            (article_rows, inputs["segments"], quarantine_rows, duplicate_rows)
            | "AllRows" >> beam.Flatten()
            | "WriteStaged" >> fileio.WriteToFiles(
                self._staging, destination=destination, sink=_sink, file_naming=_file_naming,
                max_writers_per_bundle=MAX_WRITERS_PER_BUNDLE)
        )
        return (
            written
            | "AllFiles" >> beam.combiners.ToList()
            | "Commit" >> beam.ParDo(CommitRunFn(self._output, self._run_id, self._staging, self._manifest),
                                     tallies=beam.pvalue.AsDict(inputs["tallies"]))
        )
