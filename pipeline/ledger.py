"""The watch mode's durable ledger: which input files each micro-batch holds, and which are committed.

Lives in the output folder (local only), next to the tables it describes:

  OUT/_ledger/lock                  held (flock) by the one watcher writing to OUT
  OUT/_ledger/batches/<id>.json     {"batch_id", "ingested_at", "files": {path: [size, mtime_us, sha256]}}

A batch record is written (atomically: temp file, fsync, rename, fsync of the folder) BEFORE its
run starts: it is the intent. The batch is committed when `_manifests/<id>.json` exists and its
`started_at` equals the record's `ingested_at` (every run of a batch gets a fresh `ingested_at`,
and the manifest is the last thing a run writes). A record without a matching manifest is a run
that a crash interrupted: the next start runs it again under the same run id, and the commit
replaces whatever part files the interrupted run left (see `transforms.commit`).
"""

import fcntl
import glob
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field

from schemas import PARTITION_KEYS
from transforms.commit import MANIFEST_DIR, STAGING_DIR, read_manifest
from transforms.errors import NotAFile
from transforms.opening import open_input

LEDGER_DIR = "_ledger"
BATCH_PREFIX = "w"
HASH_CHUNK = 1 << 20


@dataclass
class Batch:
    batch_id: str
    ingested_at: str  # ISO time of this run of the batch; the manifest's started_at when committed
    files: dict[str, list] = field(default_factory=dict)  # path -> [size, mtime_us, sha256]

    def to_json(self) -> dict:
        return {"batch_id": self.batch_id, "ingested_at": self.ingested_at, "files": dict(sorted(self.files.items()))}


def file_sha256(path: str) -> str | None:
    """The file's SHA-256, or None when the path leads to no regular file any more: deleted, or
    swapped for a named pipe since it was listed (opened without waiting, as inputs are: `open_input`;
    a plain open would wait on the pipe for good)."""
    digest = hashlib.sha256()
    try:
        with open_input(path) as fh:
            for chunk in iter(lambda: fh.read(HASH_CHUNK), b""):
                digest.update(chunk)
    except (NotAFile, OSError):
        return None
    return digest.hexdigest()


def _fsync_dir(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_json(path: str, value: dict) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(value, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(os.path.dirname(path))


class LedgerLocked(RuntimeError):
    """Another watcher holds this output folder."""


class Ledger:
    def __init__(self, output: str):
        if "://" in output:
            raise ValueError("--watch keeps its ledger in a local --output folder")
        self.output = output
        self.root = os.path.join(output, LEDGER_DIR)
        self.batch_dir = os.path.join(self.root, "batches")
        self.batches: dict[str, Batch] = {}
        self._lock_fh = None

    def open(self) -> "Ledger":
        """Take the folder's lock and load every batch record; leftover temp records are dropped."""
        os.makedirs(self.batch_dir, exist_ok=True)
        self._lock_fh = open(os.path.join(self.root, "lock"), "a")  # noqa: SIM115 (held until close())
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise LedgerLocked(f"another watcher is writing to {self.output}") from err
        for name in sorted(os.listdir(self.batch_dir)):
            path = os.path.join(self.batch_dir, name)
            if name.endswith(".tmp"):
                os.remove(path)
            elif name.endswith(".json"):
                with open(path, encoding="utf-8") as fh:
                    raw = json.load(fh)
                self.batches[raw["batch_id"]] = Batch(raw["batch_id"], raw["ingested_at"], raw["files"])
        return self

    def close(self) -> None:
        if self._lock_fh is not None:
            self._lock_fh.close()
            self._lock_fh = None

    def is_committed(self, batch: Batch) -> bool:
        manifest = read_manifest(self.output, batch.batch_id)
        return manifest is not None and manifest.get("started_at") == batch.ingested_at

    def pending(self) -> list[Batch]:
        return [b for _, b in sorted(self.batches.items()) if not self.is_committed(b)]

    def index(self) -> dict[str, tuple[str, list]]:
        """path -> (batch id, [size, mtime_us, sha256]) over every batch."""
        return {path: (b.batch_id, fp) for b in self.batches.values() for path, fp in b.files.items()}

    def next_batch_id(self) -> str:
        numbers = [int(b[len(BATCH_PREFIX) :]) for b in self.batches if b[len(BATCH_PREFIX) :].isdigit()]
        return f"{BATCH_PREFIX}{max(numbers, default=0) + 1:06d}"

    def record(self, batch: Batch) -> None:
        """Write (or rewrite) a batch record durably; call before the batch's run starts."""
        atomic_write_json(os.path.join(self.batch_dir, f"{batch.batch_id}.json"), batch.to_json())
        self.batches[batch.batch_id] = batch

    def remove(self, batch_id: str) -> None:
        """Drop a batch whose files are all gone: its part files, its manifest, then its record."""
        for table, keys in PARTITION_KEYS.items():
            for path in glob.glob(
                os.path.join(glob.escape(self.output), table, *["*"] * len(keys), f"part-{batch_id}-*.parquet")
            ):
                os.remove(path)
        for path in (
            os.path.join(self.output, MANIFEST_DIR, f"{batch_id}.json"),
            os.path.join(self.batch_dir, f"{batch_id}.json"),
        ):
            if os.path.exists(path):
                os.remove(path)
        staging = os.path.join(self.output, STAGING_DIR, batch_id)
        if os.path.isdir(staging):
            shutil.rmtree(staging)
        _fsync_dir(self.batch_dir)
        self.batches.pop(batch_id, None)
