"""Compaction: small files of a partition merge into one, atomically, rows identical, idempotent."""

import json
import os
import threading
import time
from datetime import UTC, date, datetime

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.compact import compact, main, plan_groups
from pipeline.partition_swap import RETIRE_SECONDS, purge_retired
from schemas import ARTICLE_SCHEMA
from transforms.commit import commit_run, read_manifest, staged_file_name
from transforms.parquet_sink import open_writer, rows_to_table

PART = "articles/pub_date=2024-01-01/lang=en"
OTHER = "articles/pub_date=2024-01-02/lang=de"
T0 = datetime(2024, 1, 1, 12, tzinfo=UTC)


def article(i: int, run: str) -> dict:
    return {
        "article_id": f"{run}-{i:04d}",
        "source_uri": f"file:///in/{run}/{i}.html",
        "story_index": 0,
        "title": f"Headline {i} of {run}",
        "authors": ["A. Writer", f"B{i}"],
        "publisher": "Example Daily",
        "published_at": T0,
        "published_date": date(2024, 1, 1),
        "language": "en",
        "text": f"Body {i}. " * 20,
        "word_count": 40,
        "boilerplate_ratio": 0.25,
        "ingested_at": T0,
    }


def make_run(out, run_id: str, partitions: dict[str, int]) -> dict:
    """Commit a run the way the pipeline does: staged files, then commit_run (moves + manifest)."""
    staging = out / "_staging" / run_id
    staging.mkdir(parents=True, exist_ok=True)
    staged = []
    for destination, n in partitions.items():
        path = staging / staged_file_name(destination, 0)
        writer = open_writer(str(path), "articles")
        writer.write_table(rows_to_table("articles", [article(i, run_id) for i in range(n)]))
        writer.close()
        staged.append(str(path))
    return commit_run(str(out), run_id, str(staging), staged, {"counts": {"articles": sum(partitions.values())}})


def rows(folder) -> list[dict]:
    return sorted(
        ds.dataset(folder, format="parquet", schema=ARTICLE_SCHEMA).to_table().to_pylist(),
        key=lambda r: r["article_id"],
    )


@pytest.fixture
def out(tmp_path):
    out = tmp_path / "out"
    make_run(out, "runa", {PART: 3, OTHER: 2})
    make_run(out, "runb", {PART: 4})
    make_run(out, "runc", {PART: 5})
    return out


def test_plan_groups_packs_small_files_up_to_the_target():
    sizes = {"a": 40, "b": 40, "c": 40, "d": 500, "e": 10}
    assert plan_groups(sizes, 100) == [["a", "b"], ["c", "e"]]
    assert plan_groups({"a": 40}, 100) == []  # one small file alone is left alone
    assert plan_groups({"a": 400, "b": 400}, 100) == []  # big files are never rewritten


def test_compaction_merges_a_partition_and_keeps_rows_identical(out):
    before, other_before = rows(out / PART), sorted(os.listdir(out / OTHER))
    records = compact(str(out), target_file_mb=1)
    assert [r["partition"] for r in records] == [PART]
    files = os.listdir(out / PART)
    assert len(files) == 1 and files[0].startswith("compacted-")
    assert rows(out / PART) == before
    assert sorted(os.listdir(out / OTHER)) == other_before  # a lone file stays as it is
    assert pq.read_metadata(out / PART / files[0]).num_rows == 12
    record = json.loads((out / "_compactions" / f"{records[0]['token']}.json").read_text())
    assert record["status"] == "done" and record["outputs"][0]["rows"] == 12
    assert len(record["outputs"][0]["inputs"]) == 3
    assert not (out / "_compaction" / records[0]["token"]).exists()
    (retired,) = (out / "_compaction" / "_retired").iterdir()  # the old folder, whole, for late readers
    assert retired.name.endswith(records[0]["token"]) and len(os.listdir(next(retired.iterdir()))) == 3
    assert purge_retired(out, now=time.time() + RETIRE_SECONDS - 5) == 0
    assert purge_retired(out, now=time.time() + RETIRE_SECONDS + 5) == 1 and not retired.exists()


def test_run_manifests_point_at_the_merged_rows(out):
    compact(str(out), target_file_mb=1)
    for run_id, n in (("runa", 3), ("runb", 4), ("runc", 5)):
        entry = next(f for f in read_manifest(str(out), run_id)["files"] if f["path"].startswith(PART))
        merged = pq.read_table(out / entry["compacted_into"]).slice(entry["offset"], entry["rows"])
        assert entry["rows"] == n
        assert merged.column("article_id").to_pylist() == [f"{run_id}-{i:04d}" for i in range(n)]


def test_compaction_is_idempotent(out):
    compact(str(out), target_file_mb=1)
    snapshot = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    assert compact(str(out), target_file_mb=1) == []
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == snapshot


def test_a_new_small_file_merges_with_the_compacted_one(out):
    compact(str(out), target_file_mb=1)
    make_run(out, "rund", {PART: 2})
    before = rows(out / PART)
    compact(str(out), target_file_mb=1)
    assert len(os.listdir(out / PART)) == 1 and rows(out / PART) == before
    entry = read_manifest(str(out), "runa")["files"][0]
    assert (
        pq.read_table(out / entry["compacted_into"]).slice(entry["offset"], 3)["article_id"][0].as_py() == "runa-0000"
    )


def test_dry_run_changes_nothing(out, capsys):
    before = sorted(p.name for p in out.rglob("*"))
    assert main(["--output", str(out), "--target_file_mb", "1", "--dry_run"]) == 0
    assert "planned: " + PART in capsys.readouterr().out
    assert sorted(p.name for p in out.rglob("*")) == before


def test_readers_see_the_inputs_or_the_merged_file_never_both_nor_neither(tmp_path):
    out = tmp_path / "out"
    for k in range(6):
        make_run(out, f"run{k}", {PART: 400})
    inputs = set(os.listdir(out / PART))
    seen, done = [], threading.Event()

    def reader():
        while not done.is_set():
            seen.append(frozenset(os.listdir(out / PART)))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        compact(str(out), target_file_mb=16)
    finally:
        done.set()
        thread.join()
    merged = set(os.listdir(out / PART))
    assert len(merged) == 1 and merged != inputs
    assert set(seen) <= {frozenset(inputs), frozenset(merged)}
    assert len(seen) > 10


def test_a_rerun_of_a_compacted_run_replaces_its_rows_instead_of_adding_them(out):
    compact(str(out), target_file_mb=1)
    before = rows(out / PART)
    make_run(out, "runb", {PART: 4})  # the same run again
    assert rows(out / PART) == before
    assert len(rows(out / PART)) == 12
    make_run(out, "runb", {PART: 1})  # a rerun that now yields fewer rows
    assert [r["article_id"] for r in rows(out / PART) if r["article_id"].startswith("runb")] == ["runb-0000"]
    assert len(rows(out / PART)) == 9


def test_an_interrupted_compaction_is_finished_by_the_next(out, monkeypatch):
    import pipeline.partition_swap as compaction

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(compaction, "mark_manifests", crash)
    with pytest.raises(KeyboardInterrupt):
        compact(str(out), target_file_mb=1)
    monkeypatch.undo()
    record = json.loads(next((out / "_compactions").glob("*.json")).read_text())
    assert record["status"] == "pending"
    compact(str(out), target_file_mb=1)
    record = json.loads((out / "_compactions" / f"{record['token']}.json").read_text())
    assert record["status"] == "done"
    assert all("compacted_into" in f for f in read_manifest(str(out), "runb")["files"])


def test_older_files_without_a_newer_column_merge_with_nulls(out):
    old = ARTICLE_SCHEMA.remove(ARTICLE_SCHEMA.get_field_index("canonical_article_id"))
    pq.write_table(
        rows_to_table("articles", [article(9, "runz")]).drop(["canonical_article_id"]).cast(old),
        out / PART / "part-runz-00000.parquet",
    )
    compact(str(out), target_file_mb=1)
    merged = rows(out / PART)
    assert (
        len(merged) == 13 and next(r for r in merged if r["article_id"] == "runz-0009")["canonical_article_id"] is None
    )
