"""Streaming write stage: windowed rows in; one commit (Parquet files + manifest) per window firing.

  TableRows -> (destination, row) -> GroupByKey (per window and pane) -> WriteWindowFileFn
            -> one staged file per (window, destination, pane)
  (staged paths, tallies) -> GroupByKey on one key (per window and pane) -> CommitWindowFn
            -> `commit_run` under run id `<base run id>-<window start>-<pane index>`

The commit's grouping fires once when the window closes, then, for late data, once per
`LATE_COMMIT_DELAY` of processing time: a late element's article, segments and tallies, which
reach the commit a moment apart, are committed together instead of as one manifest each.

Beam's `WriteToFiles` is not used here: its final names cannot tell a window's late pane from
its on-time one (the late files would overwrite the first ones), and its file-results grouping
silently drops elements behind the watermark. Here every pane gets its own files and its own
manifest, so a late element becomes one more commit of its window, never a loss.

Names are deterministic, so a retried bundle rewrites the same staged file, and a retried commit
first moves back what an earlier attempt had already moved, then commits as if for the first time.
"""

from datetime import UTC, datetime

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.transforms import trigger
from apache_beam.utils.windowed_value import PaneInfoTiming

from transforms.commit import STAGING_DIR, commit_run, destination_of, plan_commit, read_manifest, staged_file_name
from transforms.parquet_sink import ParquetSink
from transforms.tags import counter
from transforms.write import destination

FILE, COUNT = "file", "count"  # what rides into a window's commit
# Seconds a late firing of a window's commit waits for the rest of the late rows: they trail each
# other by the time the stages take (seconds), and late data is rare (see pipeline/streaming.py).
LATE_COMMIT_DELAY = 30


def window_run_id(base: str, window_start: datetime, pane_index: int) -> str:
    """`<base>-20240314T120500-0`: unique per window firing, valid as a run id."""
    return f"{base}-{window_start.strftime('%Y%m%dT%H%M%S')}-{pane_index}"


def window_staging(output: str, base: str, window_start: datetime) -> str:
    return FileSystems.join(output, STAGING_DIR, f"{base}-{window_start.strftime('%Y%m%dT%H%M%S')}")


def _start(window) -> datetime:
    return window.start.to_utc_datetime(has_tz=True)


class WriteWindowFileFn(beam.DoFn):
    """(destination, rows) of one window pane -> ("file", staged path)."""

    def __init__(self, output: str, base_run_id: str):
        self._output, self._base = output, base_run_id
        self._files = counter("window_files_staged")

    def process(self, element, window=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        destination, rows = element
        path = FileSystems.join(
            window_staging(self._output, self._base, _start(window)), staged_file_name(destination, pane.index)
        )
        sink = ParquetSink(destination.split("/", 1)[0])
        with FileSystems.create(path) as fh:
            sink.open(fh)
            for record in rows:
                sink.write(record)
            sink.flush()
        self._files.inc()
        yield FILE, path


def _restore_moved(output: str, run_id: str, staged: list[str]) -> None:
    """Undo the renames of an interrupted attempt of this same commit (a retried bundle)."""
    back = [
        (dst, src)
        for src, dst in plan_commit(output, run_id, staged)
        if not FileSystems.exists(src) and FileSystems.exists(dst)
    ]
    if back:
        FileSystems.rename([d for d, _ in back], [s for _, s in back])


class CommitWindowFn(beam.DoFn):
    """(None, [("file", path) | ("count", (key, n))]) of one window firing -> its manifest."""

    def __init__(self, output: str, base_run_id: str, manifest: dict):
        self._output, self._base, self._manifest = output, base_run_id, manifest
        self._commits = counter("window_commits")
        self._late = counter("late_window_commits")

    def process(self, element, window=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        _, items = element
        staged = sorted(v for kind, v in items if kind == FILE)
        counts: dict[str, int] = {}
        for kind, value in items:
            if kind == COUNT:
                counts[value[0]] = counts.get(value[0], 0) + value[1]
        start = _start(window)
        run_id = window_run_id(self._base, start, pane.index)
        done = read_manifest(self._output, run_id)
        if done is not None:  # a retry after the manifest was written
            yield done
            return
        _restore_moved(self._output, run_id, staged)
        manifest = {
            **self._manifest,
            "started_at": start.isoformat(),
            "window": {
                "start": start.isoformat(),
                "end": window.end.to_utc_datetime(has_tz=True).isoformat(),
                "pane_index": pane.index,
                "late": pane.timing == PaneInfoTiming.LATE,
            },
            "destinations": sorted({destination_of(p) for p in staged}),
            "committed_at_wall": datetime.now(UTC).isoformat(),
            "counts": dict(sorted(counts.items())),
        }
        nowhere = FileSystems.join(self._output, STAGING_DIR, run_id)  # staged files sit in the window's folder
        self._commits.inc()
        if pane.timing == PaneInfoTiming.LATE:
            self._late.inc()
        yield commit_run(self._output, run_id, nowhere, staged, manifest)


class WriteWindows(beam.PTransform):
    """(TableRows, tallies), windowed -> one manifest per window firing."""

    def __init__(self, output: str, base_run_id: str, manifest: dict):
        super().__init__()
        self._output, self._base, self._manifest = output, base_run_id, manifest

    def expand(self, inputs):
        rows, tallies = inputs
        files = (
            rows
            | "ByDestination" >> beam.Map(lambda r: (destination(r), r))
            | "GroupByDestination" >> beam.GroupByKey()
            | "WriteWindowFiles" >> beam.ParDo(WriteWindowFileFn(self._output, self._base))
        )
        counts = tallies | "TagCounts" >> beam.Map(lambda kv: (COUNT, kv))
        windowing = rows.windowing
        return (
            (files, counts)
            | "FilesAndCounts" >> beam.Flatten()
            | "CommitTrigger"
            >> beam.WindowInto(
                windowing.windowfn,
                allowed_lateness=windowing.allowed_lateness,
                trigger=trigger.AfterWatermark(late=trigger.AfterProcessingTime(LATE_COMMIT_DELAY)),
                accumulation_mode=trigger.AccumulationMode.DISCARDING,
            )
            | "OneKey" >> beam.Map(lambda item: (None, item))
            | "GroupWindow" >> beam.GroupByKey()
            | "CommitWindow" >> beam.ParDo(CommitWindowFn(self._output, self._base, self._manifest))
        )
