"""Watch mode: keep ingesting files that land under --input, in micro-batches, exactly once.

  python -m pipeline --input 'landing/*' --output out/ --watch [--poll_interval 2]

Every poll lists --input (Beam FileSystems.match). A file is taken once it holds still: its size
and mtime equal the previous poll's (or, seen for the first time, its mtime is a poll old). Each
micro-batch is a bounded run of the batch pipeline (`build_pipeline`) over exactly its files,
with run id = batch id, so its rows land as `part-<batch id>-NNNNN.parquet` and its manifest
`_manifests/<batch id>.json` is written last. `pipeline.ledger` records every batch's files
before its run; after a crash the next start runs the interrupted batch again (the commit
replaces what it left), so each file is ingested exactly once.

Policy for a file that changes after ingestion: its rows are REPLACED. The batch that holds it
runs again under the same id with the file's new content (article ids derive from the source
path, so the new rows take the old ones' place). A `touch` (same bytes, new mtime) re-ingests
nothing. A deleted input file is removed too: its batch runs again without it. The tables thus
always converge to what one batch run over the folder's current files would write.

SIGTERM / SIGINT: the running batch finishes and commits, then the watcher exits 0.
"""

import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from glob import escape

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions

from pipeline.ledger import Batch, Ledger, LedgerLocked, file_sha256
from pipeline.options import NewsOptions, validate
from transforms.commit import read_manifest
from transforms.read import special_file, unlisted_files

# Files per micro-batch: bounds the work a crash replays and what a changed file makes rerun.
MAX_BATCH_FILES = 200

Stat = tuple[int, int]  # (size in bytes, mtime in microseconds)


@dataclass
class Plan:
    new: list[str] = field(default_factory=list)  # stable, never ingested
    changed: list[str] = field(default_factory=list)  # stable, size or mtime differ from the ledger's
    deleted: list[str] = field(default_factory=list)  # in the ledger, no longer listed
    waiting: list[str] = field(default_factory=list)  # not stable yet: next poll


def plan_poll(
    listing: dict[str, Stat], previous: dict[str, Stat], index: dict[str, tuple[str, list]], now_us: int, settle_us: int
) -> Plan:
    """Sort one listing against the last one and the ledger's index (path -> (batch, fingerprint))."""
    plan = Plan()
    for path, stat in sorted(listing.items()):
        known = index.get(path)
        if known is not None and tuple(known[1][:2]) == stat:
            continue
        seen = previous.get(path)
        stable = seen == stat if seen is not None else now_us - stat[1] >= settle_us
        if not stable:
            plan.waiting.append(path)
        elif known is None:
            plan.new.append(path)
        else:
            plan.changed.append(path)
    plan.deleted = sorted(set(index) - set(listing))
    return plan


def list_files(patterns: list[str], special: dict[str, str] | None = None) -> dict[str, Stat]:
    """path -> (size, mtime in µs) of the files the patterns match; a named pipe, socket or device is
    left out (hashing it would wait on it for good), and named in `special` (path -> what it is)."""
    listing = {}
    for result in FileSystems.match(list(patterns)):
        for m in result.metadata_list:
            if kind := special_file(m.path):
                if special is not None:
                    special[m.path] = f"a {kind}, not a file"
                continue
            listing[m.path] = (int(m.size_in_bytes), round(m.last_updated_in_seconds * 1e6))
    return listing


def chunks(paths: list[str], size: int) -> list[list[str]]:
    return [paths[i : i + size] for i in range(0, len(paths), size)]


class Watcher:
    """One watcher per output folder (the ledger's lock refuses a second)."""

    def __init__(
        self,
        make_options: Callable[[], PipelineOptions],
        build: Callable[[PipelineOptions, datetime], beam.Pipeline],
        log=print,
    ):
        self._make_options, self._build = make_options, build
        self._news = make_options().view_as(NewsOptions)
        validate(self._news)
        self._log = log
        self._stop = threading.Event()
        self.ledger = Ledger(self._news.output)

    def stop(self, *_):
        self._stop.set()

    def run(self) -> int:
        self.ledger.open()
        try:
            for batch in self.ledger.pending():
                if self._stop.is_set():
                    return 0
                self._log(f"watch: batch {batch.batch_id} was interrupted; running it again")
                self._ingest(batch.batch_id, dict(batch.files), list(batch.files))
            previous: dict[str, Stat] = {}
            unreadable: set[str] = set()
            while not self._stop.is_set():
                special: dict[str, str] = {}
                listing = list_files(self._news.input, special)
                unreadable = self._say_unreadable(unreadable, special)
                self._poll(listing, previous)
                previous = listing
                self._stop.wait(self._news.poll_interval)
        finally:
            self.ledger.close()
        self._log("watch: stopped")
        return 0

    def _say_unreadable(self, said: set[str], special: dict[str, str]) -> set[str]:
        """Log once each matched symbolic link that leads nowhere (the listing drops them) and each
        named pipe, socket or device (`list_files` leaves them out): it is read, and counted, when it
        leads to a file. Returns the paths that still lead to none."""
        now = {failure.source_uri: failure.error for failure in unlisted_files(tuple(self._news.input))} | special
        for path in sorted(now.keys() - said):
            self._log(f"watch: {path}: {now[path]}; not read until it leads to a file")
        return set(now)

    def _poll(self, listing: dict[str, Stat], previous: dict[str, Stat]) -> None:
        settle = int(self._news.poll_interval * 1e6)
        plan = plan_poll(listing, previous, self.ledger.index(), int(time.time() * 1e6), settle)
        index = self.ledger.index()
        rerun: dict[str, list[str]] = {}
        for path in plan.changed:
            batch_id, fingerprint = index[path]
            if _same_bytes(path, fingerprint):  # touched, not changed: just note the new mtime
                batch = self.ledger.batches[batch_id]
                batch.files[path] = [*listing[path], fingerprint[2]]
                self.ledger.record(batch)
            else:
                rerun.setdefault(batch_id, []).append(path)
        for path in plan.deleted:
            rerun.setdefault(index[path][0], []).append(path)
        for batch_id, why in sorted(rerun.items()):
            if self._stop.is_set():
                return
            files = {p: fp for p, fp in self.ledger.batches[batch_id].files.items() if p in listing}
            self._ingest(batch_id, files, why, listing)
        for paths in chunks(plan.new, MAX_BATCH_FILES):
            if self._stop.is_set():
                return
            self._ingest(self.ledger.next_batch_id(), dict.fromkeys(paths), paths, listing)

    def _ingest(self, batch_id: str, files: dict, why: list[str], listing: dict[str, Stat] | None = None) -> None:
        """Record the batch (intent), run it, check its manifest."""
        started = time.monotonic()
        ingested_at = datetime.now(UTC)
        present = list_files([escape(p) for p in files]) if listing is None else listing
        hashes = {p: file_sha256(p) for p in sorted(files) if p in present}
        for path in sorted(p for p, digest in hashes.items() if digest is None):  # the next poll decides
            self._log(f"watch: {path}: gone or no regular file since it was listed; left to the next poll")
        batch = Batch(
            batch_id, ingested_at.isoformat(), {p: [*present[p], digest] for p, digest in hashes.items() if digest}
        )
        if not batch.files:
            self.ledger.remove(batch_id)
            self._log(f"watch: batch {batch_id} removed: none of its files is left")
            return
        self.ledger.record(batch)
        self._log(f"watch: batch {batch_id} started: {len(batch.files)} files ({len(why)} new, changed or deleted)")
        options = self._make_options()
        news = options.view_as(NewsOptions)
        news.input, news.run_id, news.watch = [escape(p) for p in batch.files], batch_id, False
        self._build(options, ingested_at).run().wait_until_finish()
        if not self.ledger.is_committed(batch):
            raise RuntimeError(f"batch {batch_id} ran but wrote no manifest")
        manifest = read_manifest(self._news.output, batch_id)
        counts, rows = manifest.get("counts", {}), manifest.get("rows", {})
        self._log(
            f"watch: batch {batch_id} committed: {counts.get('pages_in', 0)} pages, "
            f"{rows.get('articles', 0)} articles, {rows.get('quarantine', 0)} quarantined, "
            f"{len(manifest.get('files', []))} files in {time.monotonic() - started:.1f} s"
        )


def _same_bytes(path: str, fingerprint: list) -> bool:
    return len(fingerprint) > 2 and fingerprint[2] is not None and file_sha256(path) == fingerprint[2]


def run_watch(
    make_options: Callable[[], PipelineOptions], build: Callable[[PipelineOptions, datetime], beam.Pipeline]
) -> int:
    """Watch until SIGTERM/SIGINT; returns the exit code. `make_options()` gives fresh parsed
    options (one copy per batch), `build(options, ingested_at)` the batch pipeline."""
    watcher = Watcher(make_options, build, log=lambda line: print(line, flush=True))
    handlers = {sig: signal.signal(sig, watcher.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return watcher.run()
    except LedgerLocked as err:  # a second watcher on one output: a usage error, not a crash
        print(f"watch: {err}; stop it first or give another --output", file=sys.stderr, flush=True)
        return 2
    except Exception as err:
        print(f"watch: {type(err).__name__}: {err}", file=sys.stderr, flush=True)
        raise
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
