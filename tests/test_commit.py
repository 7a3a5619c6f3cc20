"""Commit planning: flat staged names map back to partitions; final names are per-run and stable."""

import pytest

from transforms.commit import commit_run, destination_of, plan_commit, read_manifest, staged_file_name


def test_staged_names_round_trip():
    name = staged_file_name("articles/pub_date=2024-03-14/lang=en", 3)
    assert "/" not in name
    assert destination_of(f"/out/_staging/r1/{name}") == "articles/pub_date=2024-03-14/lang=en"


def test_plan_numbers_files_per_partition():
    staged = [f"/s/{staged_file_name('articles/pub_date=unknown/lang=en', i)}" for i in (1, 0)]
    staged.append(f"/s/{staged_file_name('quarantine/ingest_date=2026-01-01/reason_code=empty', 0)}")
    plan = dict(plan_commit("/out", "run1", staged))
    assert sorted(plan.values()) == [
        "/out/articles/pub_date=unknown/lang=en/part-run1-00000.parquet",
        "/out/articles/pub_date=unknown/lang=en/part-run1-00001.parquet",
        "/out/quarantine/ingest_date=2026-01-01/reason_code=empty/part-run1-00000.parquet",
    ]


def test_plan_refuses_unknown_tables():
    with pytest.raises(ValueError):
        plan_commit("/out", "r", ["/s/etc+passwd+00000.parquet"])


def test_commit_fails_loudly_when_a_staged_file_never_landed(tmp_path):
    staged = [str(tmp_path / staged_file_name("articles/pub_date=unknown/lang=en", 0))]
    with pytest.raises(RuntimeError, match="never landed"):
        commit_run(str(tmp_path), "r", str(tmp_path / "_staging"), staged, {})
    assert read_manifest(str(tmp_path), "r") is None
