"""Committing a run: staged Parquet files into their hive partitions, then the run's manifest.

The write stage stages every file flat in a private staging folder (`transforms.staging`,
`transforms.finish`; flat, because a local rename does not create nested folders). This step,
once per run:
  1. checks every staged file really landed (a missing one fails the run loudly);
  2. deletes the files an earlier run with the same run id left in the tables (reruns replace,
     never double);
  3. creates the partition folders and renames the staged files into them as
     `<table>/<key=value>/<key=value>/part-<run_id>-<seq>.parquet`;
  4. writes `_manifests/<run_id>.json` LAST: a reader or scheduler that trusts only runs with a
     manifest never sees a half-committed run as complete. It holds run_id, inputs, started_at and
     finished_at, schema_version, files (path, table, rows, bytes), rows per table, partitions per
     table, counts (the run's tallies) and quarantine_reasons;
  5. removes the staging folder and everything in it (files of retried bundles too).
"""

import glob
import json
import posixpath
from datetime import UTC, datetime

import pyarrow.parquet as pq
from apache_beam.io.filesystems import FileSystems

from schemas import PARTITION_KEYS, SCHEMA_VERSION, parse_partition_path
from transforms.globs import delete_paths

STAGING_DIR = "_staging"
MANIFEST_DIR = "_manifests"
DESTINATION_SEP = "+"  # never in a sanitized partition value, so flat names parse back


def staged_file_name(destination: str, shard_index: int) -> str:
    """Flat name in the staging folder: `articles+pub_date=2024-03-14+lang=en+00003.parquet`."""
    return f"{destination.replace('/', DESTINATION_SEP)}{DESTINATION_SEP}{shard_index:05d}.parquet"


def destination_of(staged_name: str) -> str:
    return "/".join(posixpath.basename(staged_name).split(DESTINATION_SEP)[:-1])


def plan_commit(output: str, run_id: str, staged: list[str]) -> list[tuple[str, str]]:
    """(staged path, final path) pairs; numbering is per partition in sorted staged-name order."""
    seq: dict[str, int] = {}
    plan = []
    for src in sorted(staged):
        destination = destination_of(src)
        parse_partition_path(destination)  # refuses anything that is not a known table's partition
        n = seq.get(destination, 0)
        seq[destination] = n + 1
        plan.append((src, FileSystems.join(output, destination, f"part-{run_id}-{n:05d}.parquet")))
    return plan


def _mkdirs(path: str) -> None:
    try:
        FileSystems.mkdirs(path)
    except OSError:
        pass  # exists already (local), or the filesystem has no folders (object stores)


# Beam's FileSystems.match reads every path as a glob: a folder named "out [x]" is escaped in each
# pattern (glob.escape, whose [*] [?] [[] Beam's own pattern reader takes), or it matches nothing
# and the commit failed; deletes go through `globs.delete_paths`.


def _existing_run_files(output: str, run_id: str) -> list[str]:
    patterns = []
    for table, keys in PARTITION_KEYS.items():
        patterns.append(FileSystems.join(glob.escape(output), table, *(["*"] * len(keys)), f"part-{run_id}-*.parquet"))
    found = []
    for result in FileSystems.match(patterns):
        found.extend(m.path for m in result.metadata_list)
    return sorted(found)


def _num_rows(path: str) -> int:
    with FileSystems.open(path) as fh:
        return pq.ParquetFile(fh).metadata.num_rows


def _size(path: str) -> int:
    return FileSystems.match([glob.escape(path)])[0].metadata_list[0].size_in_bytes


def commit_run(output: str, run_id: str, staging: str, staged: list[str], manifest: dict) -> dict:
    """Move staged files into place and write the manifest; returns the manifest.

    Safe to run again after it failed or was retried half-way (a runner may retry the bundle): an
    intent file names this attempt (`started_at`), so a staged file that is gone because this very
    commit already moved it is accepted, while one that never landed still fails the run.
    """
    plan = plan_commit(output, run_id, staged)
    done = read_manifest(output, run_id)
    if done and done.get("started_at") == manifest.get("started_at") and not any(FileSystems.exists(s) for s in staged):
        return done  # this very commit already finished: a retried bundle
    retry = _read_json(intent_path(output, run_id)) or {}
    is_retry = retry.get("started_at") is not None and retry.get("started_at") == manifest.get("started_at")
    missing = [s for s, d in plan if not FileSystems.exists(s) and not (is_retry and FileSystems.exists(d))]
    if missing:
        raise RuntimeError(f"{len(missing)} staged files never landed, e.g. {missing[0]}")
    # From here on the run's old manifest is no longer true: remove it before touching any file,
    # so a commit killed half-way leaves no manifest that vouches for files it deleted.
    _write_json(intent_path(output, run_id), {"started_at": manifest.get("started_at")})
    if FileSystems.exists(manifest_path(output, run_id)):
        delete_paths([manifest_path(output, run_id)])
    from pipeline.compact import drop_run  # lazy: pipeline.compact imports this module

    drop_run(output, run_id)  # rows of an earlier run with this id that compaction merged away
    stale = [p for p in _existing_run_files(output, run_id) if p not in {dst for _, dst in plan}]
    if stale:
        delete_paths(stale)
    for dst_dir in sorted({posixpath.dirname(dst) for _, dst in plan}):
        _mkdirs(dst_dir)
    moves = [(s, d) for s, d in plan if FileSystems.exists(s)]
    if moves:
        FileSystems.rename([s for s, _ in moves], [d for _, d in moves])
    files, tables = [], dict.fromkeys(PARTITION_KEYS, 0)
    partitions: dict[str, set] = {table: set() for table in PARTITION_KEYS}
    for _, dst in plan:
        rows = _num_rows(dst)
        relative = dst[len(output) :].lstrip("/")
        table = relative.split("/", 1)[0]
        tables[table] += rows
        partitions[table].add(posixpath.dirname(relative))
        files.append({"path": relative, "table": table, "rows": rows, "bytes": _size(dst)})
    counts = manifest.get("counts", {})
    manifest = {
        **manifest,
        "run_id": run_id,
        "schema_version": SCHEMA_VERSION,
        "files": files,
        "rows": tables,
        "partitions": {t: sorted(p) for t, p in partitions.items()},
        "bytes": sum(f["bytes"] for f in files),
        "replaced_files": len(stale),
        "quarantine_reasons": {k.split(".", 1)[1]: n for k, n in sorted(counts.items()) if k.startswith("quarantine.")},
        "finished_at": datetime.now(UTC).isoformat(),
    }
    write_manifest(output, run_id, manifest)
    delete_paths([intent_path(output, run_id)])
    remove_staging(staging)
    return manifest


def remove_staging(staging: str) -> None:
    """Delete everything under the staging folder, then the folder.

    Object stores have no folders: `exists(staging)` is false there and deleting the folder's
    name deletes nothing, so the files (staged rows and band keys that were read, not moved, and
    those of retried bundles) are matched and deleted by name first.
    """
    leftovers = [
        m.path
        for result in FileSystems.match([FileSystems.join(glob.escape(staging), "**")])
        for m in result.metadata_list
    ]
    if leftovers:
        delete_paths(leftovers)
    if FileSystems.exists(staging):
        delete_paths([staging])


def intent_path(output: str, run_id: str) -> str:
    return FileSystems.join(output, MANIFEST_DIR, f"{run_id}.committing")


def _read_json(path: str) -> dict | None:
    if not FileSystems.exists(path):
        return None
    with FileSystems.open(path) as fh:
        return json.loads(fh.read().decode("utf-8"))


def _write_json(path: str, value: dict) -> None:
    _mkdirs(posixpath.dirname(path))
    with FileSystems.create(path) as fh:
        fh.write(json.dumps(value, indent=2, sort_keys=True, default=str).encode("utf-8"))


def manifest_path(output: str, run_id: str) -> str:
    return FileSystems.join(output, MANIFEST_DIR, f"{run_id}.json")


def write_manifest(output: str, run_id: str, manifest: dict) -> None:
    final = manifest_path(output, run_id)
    tmp = final + ".tmp"
    _write_json(tmp, manifest)
    if FileSystems.exists(final):
        delete_paths([final])
    FileSystems.rename([tmp], [final])


def read_manifest(output: str, run_id: str) -> dict | None:
    return _read_json(manifest_path(output, run_id))
