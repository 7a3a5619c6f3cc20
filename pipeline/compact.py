"""Compaction: merge a partition's small Parquet files into files near a target size, atomically.

In: an output folder written by the pipeline (local or mounted POSIX; see docs/warehouse.md).
Out: per partition, `compacted-<token>-NNNNN.parquet` files replacing the small files they merge,
each holding its inputs' rows unchanged and in order; a record `_compactions/<token>.json`; and
every affected run manifest's file entries marked `compacted_into` (with the row `offset`).

  python -m pipeline.compact --output out/ [--table articles] [--target_file_mb 128] [--dry_run]

The swap is one atomic step (`pipeline.partition_swap`): a reader lists either all the inputs or the
merged file, never both and never neither; a rerun finishes a swap a crash left pending, and a fully
compacted partition is left as it is (idempotent). Run compaction when no pipeline run writes to the
same output (the scheduler's job); a file that still lands mid-swap is moved into the new folder,
never lost. A rerun of a compacted run first drops its rows from the merged files (`drop_run`).
"""

import argparse
import functools
import hashlib
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.partition_swap import RECORD_DIR, finish_pending, parquet_sizes, purge_retired, run_id_of, swap_partition
from schemas import PARTITION_KEYS, SCHEMAS
from transforms.parquet_sink import MAX_ROW_GROUP_ROWS, open_writer

# A merged file aims at this size: big enough that engines plan few splits and list few files,
# small enough to rewrite cheaply; 128 MB is the split size Spark, Hive and BigQuery work best with.
DEFAULT_TARGET_FILE_MB = 128.0
PROVENANCE_KEY = b"compacted_from"  # file metadata: [{"file": original path, "rows": n}] in row order


def plan_groups(sizes: dict[str, int], target_bytes: int) -> list[list[str]]:
    """Groups of 2+ small files (each under target) whose sizes add up to at most about target."""
    groups, current, total = [], [], 0
    for name in sorted(n for n, s in sizes.items() if s < target_bytes):
        if current and total + sizes[name] > target_bytes:
            groups.append(current)
            current, total = [], 0
        current.append(name)
        total += sizes[name]
    groups.append(current)
    return [g for g in groups if len(g) >= 2]


def provenance(path: Path, relative: str) -> list[dict]:
    """Where a file's rows came from: its recorded provenance, or the file itself."""
    meta = pq.read_metadata(path).metadata or {}
    if PROVENANCE_KEY in meta:
        return json.loads(meta[PROVENANCE_KEY])
    return [{"file": relative, "rows": pq.read_metadata(path).num_rows}]


def read_aligned(path: Path, table: str) -> pa.Table:
    """A file's rows in the current schema of `table`: columns an older file lacks come back null."""
    data = pq.read_table(path)
    schema = SCHEMAS[table]
    columns = [
        data[n] if n in data.column_names else pa.nulls(data.num_rows, f.type) for n, f in zip(schema.names, schema)
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def write_merged(dest: Path, table: str, inputs: list[Path], relatives: list[str]) -> dict:
    """Concatenate `inputs` (rows in order) into `dest`; returns its record entry."""
    origin = [entry for p, r in zip(inputs, relatives) for entry in provenance(p, r)]
    data = pa.concat_tables([read_aligned(p, table) for p in inputs])
    tmp = dest.with_name(dest.name + ".tmp")
    writer = open_writer(str(tmp), table, {PROVENANCE_KEY: json.dumps(origin).encode("utf-8")})
    writer.write_table(data, row_group_size=MAX_ROW_GROUP_ROWS)
    writer.close()
    tmp.rename(dest)
    return {
        "file": dest.name,
        "rows": data.num_rows,
        "bytes": dest.stat().st_size,
        "inputs": [p.name for p in inputs],
        "from": origin,
    }


def partitions(output: Path, table: str) -> list[Path]:
    """The partition folders of `table`, sorted."""
    depth = len(PARTITION_KEYS[table])
    return sorted(p for p in (output / table).glob("/".join(["*=*"] * depth)) if p.is_dir())


def compact_partition(output: Path, table: str, folder: Path, target_bytes: int, dry_run: bool = False) -> dict | None:
    """Merge the small files of one partition folder; returns the compaction record, or None if nothing to do."""
    sizes = parquet_sizes(folder)
    groups = plan_groups(sizes, target_bytes)
    if not groups:
        return None
    partition = folder.relative_to(output).as_posix()
    token = hashlib.sha256(json.dumps([partition, sorted(sizes.items())]).encode()).hexdigest()[:16]
    if dry_run:
        return {
            "token": token,
            "table": table,
            "partition": partition,
            "status": "planned",
            "outputs": [{"inputs": g, "bytes_in": sum(sizes[n] for n in g)} for g in groups],
        }

    def write(staged: Path) -> list[dict]:
        return [
            write_merged(
                staged / f"compacted-{token}-{k:05d}.parquet",
                table,
                [folder / n for n in group],
                [f"{partition}/{n}" for n in group],
            )
            for k, group in enumerate(groups)
        ]

    return swap_partition(output, table, folder, token, {n for g in groups for n in g}, write)


def drop_run(output: str, run_id: str) -> int:
    """Rewrite merged files holding rows of `run_id` without them, before a rerun replaces that run.

    Called by the commit of every run (`transforms/commit.py`): without it a rerun of a compacted
    run would add its rows a second time. Returns how many merged files were rewritten.
    """
    root = Path(output)
    if "://" in output or not (root / RECORD_DIR).is_dir():
        return 0  # never compacted here
    rewritten = 0
    for table in sorted(PARTITION_KEYS):
        for folder in partitions(root, table):
            for merged in sorted(folder.glob("compacted-*.parquet")):
                origin = provenance(merged, "")
                if all(run_id_of(e["file"].rsplit("/", 1)[1]) != run_id for e in origin):
                    continue
                token = hashlib.sha256(f"{merged}:drop:{run_id}".encode()).hexdigest()[:16]
                write = functools.partial(
                    _without_run, merged=merged, origin=origin, token=token, table=table, run_id=run_id
                )
                swap_partition(root, table, folder, token, {merged.name}, write)
                rewritten += 1
    return rewritten


def _without_run(staged: Path, merged: Path, origin: list[dict], token: str, table: str, run_id: str) -> list[dict]:
    data, offset, keep, parts = read_aligned(merged, table), 0, [], []
    for entry in origin:
        if run_id_of(entry["file"].rsplit("/", 1)[1]) != run_id:
            keep.append(entry)
            parts.append(data.slice(offset, entry["rows"]))
        offset += entry["rows"]
    if not keep:
        return []
    dest = staged / f"compacted-{token}-00000.parquet"
    writer = open_writer(str(dest), table, {PROVENANCE_KEY: json.dumps(keep).encode("utf-8")})
    writer.write_table(pa.concat_tables(parts), row_group_size=MAX_ROW_GROUP_ROWS)
    writer.close()
    return [
        {
            "file": dest.name,
            "rows": sum(e["rows"] for e in keep),
            "bytes": dest.stat().st_size,
            "inputs": [merged.name],
            "from": keep,
        }
    ]


def compact(
    output: str, tables: list[str] | None = None, target_file_mb: float = DEFAULT_TARGET_FILE_MB, dry_run: bool = False
) -> list[dict]:
    """Compact every partition of `tables` (default: all) under `output`; returns the records."""
    root = Path(output)
    if not dry_run:
        finish_pending(root)
        purge_retired(root)
    target = int(target_file_mb * 1024 * 1024)
    records = []
    for table in tables or sorted(PARTITION_KEYS):
        for folder in partitions(root, table):
            record = compact_partition(root, table, folder, target, dry_run)
            if record:
                records.append(record)
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.compact", description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", required=True, help="the pipeline's --output folder (local or mounted)")
    parser.add_argument(
        "--table",
        action="append",
        choices=sorted(PARTITION_KEYS),
        help="table to compact; repeat for several (default: all)",
    )
    parser.add_argument(
        "--target_file_mb",
        type=float,
        default=DEFAULT_TARGET_FILE_MB,
        help="merge files smaller than this into files of about this size (default %(default)s)",
    )
    parser.add_argument("--dry_run", action="store_true", help="print what would be merged, change nothing")
    args = parser.parse_args(argv)
    if args.target_file_mb <= 0:
        parser.error("--target_file_mb must be positive")
    records = compact(args.output, args.table, args.target_file_mb, args.dry_run)
    for r in records:
        ins = sum(len(o["inputs"]) for o in r["outputs"])
        print(f"{r['status']}: {r['partition']}: {ins} files -> {len(r['outputs'])}")
    print(f"{len(records)} partitions {'to compact' if args.dry_run else 'compacted'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
