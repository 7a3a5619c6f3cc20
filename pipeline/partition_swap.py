"""Swapping a partition folder's contents in one atomic step, with its record and the run manifests.

In: an output folder, a partition folder in it, and a function that writes the partition's new files
into a staging folder. Out: the partition holding the new files plus hard links to the files left
alone, exchanged with the old folder by renameat2(RENAME_EXCHANGE), so a reader lists either the old
contents or the new, never both and never neither; a record `_compactions/<token>.json`, written
`pending` before the swap and `done` after every affected run manifest points its entries at the
merged file (`compacted_into`, with the row `offset`); the old folder moved whole under
`_compaction/_retired/` for readers that opened it just before. `finish_pending` completes or rolls
back what a crash left pending. `pipeline.compact` (merging small files, dropping a rerun's rows)
swaps through it.

  .venv/bin/python -m pytest tests/test_compact.py -q
"""

import ctypes
import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from transforms.commit import read_manifest, write_manifest

WORK_DIR = "_compaction"
RETIRED_DIR = "_retired"  # under WORK_DIR: the replaced folders, kept RETIRE_SECONDS after their swap
# A reader that opened the partition folder just before the swap still reads the old folder: its
# files stay (moved whole, never emptied) this long, and the first compaction after that deletes
# them, as table formats keep replaced files for a retention period before a vacuum.
RETIRE_SECONDS = 3600
RECORD_DIR = "_compactions"
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def exchange(a: Path, b: Path) -> None:
    """Atomically swap two folders' names (Linux renameat2 RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"atomic folder exchange failed: {os.strerror(err)}", str(a))


def parquet_sizes(folder: Path) -> dict[str, int]:
    return {
        p.name: p.stat().st_size
        for p in folder.iterdir()
        if p.is_file() and p.suffix == ".parquet" and not p.name.startswith((".", "_"))
    }


def _record_path(output: Path, token: str) -> Path:
    return output / RECORD_DIR / f"{token}.json"


def _write_json(path: Path, value: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(value, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def swap_partition(output: Path, table: str, folder: Path, token: str, replaced: set[str], write) -> dict:
    """Build the folder's new contents (`write(staged)` + links to the files kept), swap it in, record it."""
    sizes = parquet_sizes(folder)
    partition = folder.relative_to(output).as_posix()
    work = output / WORK_DIR / token
    shutil.rmtree(work, ignore_errors=True)
    staged = work / folder.name
    staged.mkdir(parents=True)
    record = {
        "token": token,
        "table": table,
        "partition": partition,
        "status": "pending",
        "replaced": sorted(replaced),
        "outputs": write(staged),
        "started_at": datetime.now(UTC).isoformat(),
    }
    for kept in sorted(p for p in folder.iterdir() if p.name not in replaced and p.is_file()):
        os.link(kept, staged / kept.name)
    if parquet_sizes(folder) != sizes:
        shutil.rmtree(work)
        raise RuntimeError(f"{partition} changed while it was being compacted: is a run writing to it?")
    _write_json(_record_path(output, token), record)
    exchange(staged, folder)
    for late in sorted(set(os.listdir(staged)) - set(os.listdir(folder)) - replaced):
        os.rename(staged / late, folder / late)  # landed between the check and the swap: keep it
    mark_manifests(output, partition, record["outputs"])
    retire(output, work)
    record.update(status="done", finished_at=datetime.now(UTC).isoformat())
    _write_json(_record_path(output, token), record)
    return record


def retire(output: Path, work: Path) -> None:
    """Move a swapped-out folder under `_compaction/_retired/<unix time>-<token>` (whole, unemptied)."""
    retired = output / WORK_DIR / RETIRED_DIR
    retired.mkdir(parents=True, exist_ok=True)
    os.rename(work, retired / f"{int(time.time())}-{work.name}")


def purge_retired(output: Path, now: float | None = None) -> int:
    """Delete retired folders older than RETIRE_SECONDS; returns how many were deleted."""
    now = time.time() if now is None else now
    purged = 0
    for folder in sorted((output / WORK_DIR / RETIRED_DIR).glob("*-*")):
        if now - int(folder.name.split("-", 1)[0]) > RETIRE_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
            purged += 1
    return purged


def run_id_of(file_name: str) -> str:
    """`part-<run_id>-00003.parquet` -> run_id."""
    return file_name[len("part-") : -len("-00000.parquet")]


def mark_manifests(output: Path, partition: str, outputs: list[dict]) -> None:
    """Point each run manifest's entries for rows now in a merged file at that file and row offset."""
    where: dict[str, tuple[str, int]] = {}
    for out in outputs:
        offset = 0
        for entry in out["from"]:
            where[entry["file"]] = (f"{partition}/{out['file']}", offset)
            offset += entry["rows"]
    for run_id in sorted({run_id_of(path.rsplit("/", 1)[1]) for path in where}):
        manifest = read_manifest(str(output), run_id)
        if manifest is None:
            continue  # files of a run without a manifest (never completed): nothing to point at
        for f in manifest.get("files", []):
            if f["path"] in where:
                f["compacted_into"], f["offset"] = where[f["path"]]
        write_manifest(str(output), run_id, manifest)


def finish_pending(output: Path) -> int:
    """Complete or roll back compactions a crash left `pending`; returns how many were found."""
    found = 0
    for path in sorted((output / RECORD_DIR).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("status") != "pending":
            continue
        found += 1
        folder = output / record["partition"]
        swapped = all((folder / o["file"]).exists() for o in record["outputs"]) and not any(
            (folder / name).exists() for name in record["replaced"]
        )
        if swapped:  # finish the bookkeeping
            mark_manifests(output, record["partition"], record["outputs"])
            record.update(status="done", finished_at=datetime.now(UTC).isoformat())
            _write_json(path, record)
        else:  # never swapped: the partition is untouched
            path.unlink()
        shutil.rmtree(output / WORK_DIR / record["token"], ignore_errors=True)
    return found
