"""Write stage of a batch run: staged rows in; Parquet in hive partitions and a manifest out.

  staged article/segment files + clustering verdicts -> CoGroupByKey per file -> FinishStagedFn
  failures, duplicates -> TableRows -> WriteRowsFn (staged as they are)
  all finished files -> CommitRunFn (move into partitions, manifest last)

Article and segment rows were staged where they were made (`transforms.staging`); here each
staged file that holds an exact copy or a cluster member gets the clustering's verdicts
(`transforms.finish`), and every other staged file goes to the commit as it is. The run's
tallies (pages in, outcomes, quarantine reasons) ride into the commit as a side input, so the
manifest says what the run did, and whether every page is accounted for.
"""

import posixpath
from datetime import datetime

import apache_beam as beam

from schemas import DUPLICATES, QUARANTINE, Failure, TableRow, partition_path, partition_values
from transforms.commit import commit_run
from transforms.finish import FinishStagedFn
from transforms.staging import WriteRowsFn
from transforms.table_rows import quarantine_row
from transforms.tags import counter


def failure_table_row(failure: Failure, ingested_at: datetime) -> TableRow:
    row = quarantine_row(failure, ingested_at)
    return TableRow(QUARANTINE, partition_values(QUARANTINE, row), row)


def duplicate_table_row(row: dict) -> TableRow:
    return TableRow(DUPLICATES, partition_values(DUPLICATES, row), row)


def destination(record: TableRow) -> str:
    return partition_path(record.table, record.partition)


class CommitRunFn(beam.DoFn):
    def __init__(self, output: str, run_id: str, staging: str, manifest: dict):
        self._output, self._run_id, self._staging, self._manifest = output, run_id, staging, manifest
        self._files = counter("files_committed")

    def process(self, staged: list, tallies: dict):
        manifest = commit_run(
            self._output,
            self._run_id,
            self._staging,
            sorted(staged),
            {**self._manifest, "counts": dict(sorted(tallies.items()))},
        )
        self._files.inc(len(manifest["files"]))
        yield manifest


class WriteTables(beam.PTransform):
    """{"staged" (staged row files' paths), "verdicts" ((file name, (article_id, verdict)), see
    `transforms.cluster_staged`), "failures", "duplicates", "tallies"} -> the run's manifest."""

    def __init__(self, output: str, run_id: str, staging: str, ingested_at: datetime, manifest: dict):
        super().__init__()
        self._output, self._run_id, self._staging = output, run_id, staging
        self._ingested_at, self._manifest = ingested_at, manifest

    def expand(self, inputs):
        finished = (
            {
                "file": inputs["staged"] | "KeyByName" >> beam.Map(lambda path: (posixpath.basename(path), path)),
                "verdict": inputs["verdicts"],
            }
            | "GroupByFile" >> beam.CoGroupByKey()
            | "FinishStaged" >> beam.ParDo(FinishStagedFn(self._staging))
        )
        written = (
            (
                inputs["failures"] | "QuarantineRows" >> beam.Map(failure_table_row, self._ingested_at),
                inputs["duplicates"] | "DuplicateRows" >> beam.Map(duplicate_table_row),
            )
            | "OtherRows" >> beam.Flatten()
            | "WriteRows" >> beam.ParDo(WriteRowsFn(self._staging))
        )
        return (
            (finished, written)
            | "AllFiles" >> beam.Flatten()
            | "FileList" >> beam.combiners.ToList()
            | "Commit"
            >> beam.ParDo(
                CommitRunFn(self._output, self._run_id, self._staging, self._manifest),
                tallies=beam.pvalue.AsDict(inputs["tallies"]),
            )
        )
