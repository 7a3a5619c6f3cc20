"""Staging: rows written to Parquet where they are made, so no text-heavy row crosses a shuffle.

On the in-process runner every PCollection that crosses a grouping (or a Flatten of several
stages) is held whole in memory, and on Dataflow it is shuffled: a run that grouped its article
rows for clustering held every article and segment of the run at once (peak RSS grew 2.4x from
200 to 2,000 pages). Here the rows go to staged files in the stage that builds them, with one
fact row per article (ids, canonical-choice fields, MinHash signature, the staged files' paths:
`transforms.facts`) and its LSH band keys (`transforms.bands`); nothing per article travels on.
The clustering reads the facts (`transforms.cluster_staged`) and the commit finishes the staged
files its verdicts touch (`transforms.finish`).

`BundleFiles` (plain, no Beam) writes one bundle's rows: per destination (table + partition) one
open Parquet file at a time. Rows are buffered per destination and written as a row group when
the destination holds ROW_GROUP_ROWS of them, or, the biggest buffer first, when all buffers
together pass BUFFER_BYTES. At most MAX_OPEN_FILES files are open; the least recently used is
finished first and its destination's next row starts a new file. Flat names:
`<table>+<key=value>+...+<bundle id>-<n>.parquet` (see `transforms.commit.destination_of`).

DoFns: `StageArticleRowsFn` (article row -> its row and its segments staged, its fact row and
band keys to the bundle's fact and band files; out, at bundle end only: the bundle's tallies and
the paths of every file it wrote) and `WriteRowsFn` (TableRows staged as they are; out, at
bundle end: the staged paths).
"""

import uuid
from collections import Counter, OrderedDict

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.transforms.window import GlobalWindow
from apache_beam.utils.windowed_value import WindowedValue

from schemas import SEGMENTS, TableRow, partition_path
from transforms.bands import BandFile
from transforms.commit import DESTINATION_SEP
from transforms.dedup import article_signature
from transforms.facts import FactFile, fact_row
from transforms.parquet_sink import ROW_GROUP_ROWS, open_writer, rows_to_table, use_system_allocator
from transforms.segmentation import segment_rows
from transforms.table_rows import article_table_row
from transforms.tags import counter

# Estimated bytes of row text buffered per bundle before the biggest buffer is written: bounds a
# worker's memory whatever the bundle size (the in-process runner makes one bundle of a stage).
BUFFER_BYTES = 32 * 1024 * 1024
# Files open per bundle: each holds a handle (and on object stores an upload buffer).
MAX_OPEN_FILES = 128
PRE_DIR = "pre"  # staged article and segment files, finished or taken as they are, in <staging>/pre/
BANDS_DIR = "bands"  # staged LSH band keys, one file per bundle (transforms/bands.py)
FACTS_DIR = "facts"  # staged article facts, one file per bundle (transforms/facts.py)
# StageArticleRowsFn's tagged outputs at bundle end: paths of the staged row, band and fact files
STAGED, BAND_FILES, FACT_FILES = "staged_files", "band_files", "fact_files"
_ROW_OVERHEAD = 64


def staged_name(destination: str, bundle_id: str, n: int) -> str:
    return f"{destination.replace('/', DESTINATION_SEP)}{DESTINATION_SEP}{bundle_id}-{n:05d}.parquet"


def row_bytes(row: dict) -> int:
    """A cheap size estimate: the row's text values (what dominates an article or a segment)."""
    return _ROW_OVERHEAD + sum(len(v) for v in row.values() if isinstance(v, str))


def at_bundle_end(value) -> WindowedValue:
    """An output of `finish_bundle` (a batch job's global window)."""
    return WindowedValue(value, GlobalWindow().max_timestamp(), [GlobalWindow()])


class _OpenFile:
    def __init__(self, path: str, table: str):
        self.path, self.table = path, table
        self.handle = FileSystems.create(path)
        self.writer = open_writer(self.handle, table)
        self.rows: list[dict] = []
        self.bytes = 0

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(rows_to_table(self.table, self.rows))
            self.rows, self.bytes = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()
        self.handle.close()


class BundleFiles:
    """Staged Parquet files of one bundle under `folder`; `write` returns the path a row went to."""

    def __init__(
        self,
        folder: str,
        bundle_id: str,
        buffer_bytes: int = BUFFER_BYTES,
        max_open: int = MAX_OPEN_FILES,
        row_group_rows: int = ROW_GROUP_ROWS,
    ):
        self._folder, self._bundle = folder, bundle_id
        self._buffer_bytes, self._max_open, self._row_group_rows = buffer_bytes, max_open, row_group_rows
        self._open: OrderedDict[str, _OpenFile] = OrderedDict()  # destination -> file, least recent first
        self._buffered = 0
        self._count = 0
        self.paths: list[str] = []

    def write(self, record: TableRow) -> str:
        return self.write_rows(record.table, record.partition, [record.row])

    def write_rows(self, table: str, partition: tuple[str, ...], rows: list[dict]) -> str:
        """Rows of one table and partition (an article's segments); the path they went to."""
        destination = partition_path(table, partition)
        staged = self._open.get(destination)
        if staged is None:
            if len(self._open) >= self._max_open:
                self._finish(next(iter(self._open)))
            path = FileSystems.join(self._folder, staged_name(destination, self._bundle, self._count))
            self._count += 1
            staged = self._open[destination] = _OpenFile(path, table)
            self.paths.append(path)
        self._open.move_to_end(destination)
        size = sum(row_bytes(row) for row in rows)
        staged.rows.extend(rows)
        staged.bytes += size
        self._buffered += size
        if len(staged.rows) >= self._row_group_rows:
            self._flush(staged)
        while self._buffered > self._buffer_bytes:
            self._flush(max(self._open.values(), key=lambda f: f.bytes))
        return staged.path

    def close(self) -> list[str]:
        """Finish every open file; the paths of all files this bundle wrote."""
        for destination in list(self._open):
            self._finish(destination)
        return list(self.paths)

    def _flush(self, staged: _OpenFile) -> None:
        self._buffered -= staged.bytes
        staged.flush()

    def _finish(self, destination: str) -> None:
        staged = self._open.pop(destination)
        self._buffered -= staged.bytes
        staged.close()


class StageArticleRowsFn(beam.DoFn):
    """article row -> its row and segments staged, its fact row and band keys to the bundle's fact
    and band files; nothing per article comes out. At bundle end: the bundle's tallies (main
    output, (key, count)), and by tag the staged files' paths (STAGED), the fact file's
    (FACT_FILES) and the band file's (BAND_FILES)."""

    def __init__(self, staging: str):
        self._staging = staging
        self._files = self._facts = self._bands = self._counts = None
        self._segments = counter("segments")

    def setup(self):
        use_system_allocator()

    def start_bundle(self):
        bundle = uuid.uuid4().hex[:16]
        self._files = BundleFiles(FileSystems.join(self._staging, PRE_DIR), bundle)
        self._facts = FactFile(FileSystems.join(self._staging, FACTS_DIR, f"{bundle}.parquet"))
        self._bands = BandFile(FileSystems.join(self._staging, BANDS_DIR, f"{bundle}.parquet"))
        self._counts = Counter()

    def process(self, article: dict):
        files = {self._files.write(article_table_row(article))}
        segments = segment_rows(article)
        if segments:
            files.add(self._files.write_rows(SEGMENTS, segments[0].partition, [s.row for s in segments]))
        self._segments.inc(len(segments))
        sig = article_signature(article)
        self._facts.add(fact_row(article, sorted(files), len(segments), sig))
        if sig is not None:
            self._bands.add(article["article_id"], sig)
        self._counts.update(
            {"articles": 1, "segments": len(segments), "pages_with_articles": int(article["story_index"] == 0)}
        )
        return []

    def finish_bundle(self):
        for path in self._files.close():
            yield beam.pvalue.TaggedOutput(STAGED, at_bundle_end(path))
        if self._facts.close():
            yield beam.pvalue.TaggedOutput(FACT_FILES, at_bundle_end(self._facts.path))
        if self._bands.close():
            yield beam.pvalue.TaggedOutput(BAND_FILES, at_bundle_end(self._bands.path))
        for key, count in sorted(self._counts.items()):
            yield at_bundle_end((key, count))


class WriteRowsFn(beam.DoFn):
    """TableRows -> staged files as they are (no finishing); out, at bundle end: their paths."""

    def __init__(self, staging: str):
        self._folder = staging
        self._files = None

    def setup(self):
        use_system_allocator()

    def start_bundle(self):
        self._files = BundleFiles(self._folder, uuid.uuid4().hex[:16])

    def process(self, record: TableRow):
        self._files.write(record)
        return []

    def finish_bundle(self):
        for path in self._files.close():
            yield at_bundle_end(path)
