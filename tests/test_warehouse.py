"""Warehouse readiness: one real run on the samples, loaded by DuckDB, pyarrow.dataset, Polars (and
Spark, marked slow); file types and encodings; the run manifest; files of two schema versions together.

Slow tests run with `-m slow` or RUN_SLOW=1: `RUN_SLOW=1 .venv/bin/python -m pytest -q tests/test_warehouse.py`.
"""

import json
import os
import shutil
from datetime import datetime

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from pipeline.main import main
from schemas import ARTICLE_SCHEMA, PARTITION_KEYS, SCHEMA_VERSION, SCHEMAS
from schemas.export import spark_ddl
from transforms.parquet_sink import DICTIONARY_COLUMNS, rows_to_table

TABLES = tuple(sorted(SCHEMAS))  # every table the pipeline writes (some may get no rows from the samples)


@pytest.fixture(scope="module")
def run(tmp_path_factory, samples_dir):
    work = tmp_path_factory.mktemp("warehouse")
    shutil.copytree(samples_dir, work / "in")
    out, report = work / "out", work / "report.html"
    assert main(["--input", f"{work / 'in'}/*", "--output", str(out), "--report", str(report)]) == 0
    (manifest_path,) = (out / "_manifests").glob("*.json")
    return out, json.loads(manifest_path.read_text()), report


def parquet_files(out, table):
    return sorted((out / table).rglob("*.parquet"))


def glob(out, table):
    return f"{out}/{table}/" + "/".join(["*"] * len(PARTITION_KEYS[table])) + "/*.parquet"


def test_every_file_has_portable_types_zstd_and_dictionary_pages(run):
    out, _, _ = run
    for table in TABLES:
        for path in parquet_files(out, table):
            f = pq.ParquetFile(path)
            schema = f.schema_arrow
            assert schema.equals(SCHEMAS[table]), path
            for field in schema:
                assert field.type not in (pa.large_string(), pa.large_binary()), field
                assert not pa.types.is_timestamp(field.type) or (field.type.unit, field.type.tz) == ("us", "UTC")
                assert not pa.types.is_list(field.type) or field.type.value_type == pa.string()
            assert schema.metadata[b"schema_version"].decode() == SCHEMA_VERSION
            for rg in range(f.metadata.num_row_groups):
                for c in range(f.metadata.num_columns):
                    column = f.metadata.row_group(rg).column(c)
                    assert column.compression == "ZSTD", (path, column.path_in_schema)
                    if column.path_in_schema in DICTIONARY_COLUMNS and column.num_values:
                        assert column.has_dictionary_page, (path, column.path_in_schema)
            logical = {
                f.metadata.schema.column(i).name: f.metadata.schema.column(i).logical_type.to_json()
                for i in range(f.metadata.num_columns)
            }
            for name in ("published_at", "ingested_at"):
                if name in logical:
                    ts = json.loads(logical[name])
                    assert (ts["Type"], ts["isAdjustedToUTC"], ts["timeUnit"]) == ("Timestamp", True, "microseconds")


def test_duckdb_joins_articles_and_segments(run):
    out, manifest, _ = run
    rows = duckdb.sql(f"""
        select count(*), count(distinct a.article_id), min(a.pub_date), max(s.lang)
        from read_parquet('{glob(out, "articles")}', hive_partitioning=true) a
        join read_parquet('{glob(out, "segments")}', hive_partitioning=true) s using (article_id)""").fetchall()[0]
    assert rows[0] == manifest["rows"]["segments"]
    assert rows[1] == manifest["rows"]["articles"]
    reasons = dict(
        duckdb.sql(
            f"select reason, count(*) from read_parquet('{glob(out, 'quarantine')}', hive_partitioning=true) group by 1"
        ).fetchall()
    )
    assert reasons == manifest["quarantine_reasons"]


def test_pyarrow_dataset_reads_the_declared_schema_with_hive_keys(run):
    out, manifest, _ = run
    for table in (t for t in TABLES if (out / t).is_dir()):
        dataset = ds.dataset(out / table, format="parquet", partitioning="hive")
        for field in SCHEMAS[table]:
            assert dataset.schema.field(field.name).type == field.type, (table, field.name)
        assert set(PARTITION_KEYS[table]) <= set(dataset.schema.names)
        assert dataset.count_rows() == manifest["rows"][table]


def test_polars_reads_and_joins(run):
    pl = pytest.importorskip("polars")
    out, manifest, _ = run
    keys = {"pub_date": pl.String, "lang": pl.String}
    articles = pl.scan_parquet(f"{out}/articles/**/*.parquet", hive_partitioning=True, hive_schema=keys)
    segments = pl.scan_parquet(f"{out}/segments/**/*.parquet", hive_partitioning=True, hive_schema=keys)
    schema = articles.collect_schema()
    assert schema["published_at"] == pl.Datetime("us", "UTC")
    assert schema["authors"] == pl.List(pl.String) and schema["title"] == pl.String
    joined = articles.join(segments.select("article_id", "kind"), on="article_id").collect()
    assert joined.height == manifest["rows"]["segments"]


def test_the_manifest_says_what_the_run_did(run):
    out, manifest, _ = run
    for key in (
        "run_id",
        "inputs",
        "started_at",
        "finished_at",
        "schema_version",
        "files",
        "rows",
        "partitions",
        "counts",
        "quarantine_reasons",
        "bytes",
        "pipeline_version",
    ):
        assert key in manifest, key
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert datetime.fromisoformat(manifest["started_at"]) <= datetime.fromisoformat(manifest["finished_at"])
    on_disk = {p.relative_to(out).as_posix() for t in TABLES for p in parquet_files(out, t)}
    assert {f["path"] for f in manifest["files"]} == on_disk
    for f in manifest["files"]:
        assert f["rows"] == pq.read_metadata(out / f["path"]).num_rows
        assert f["bytes"] == (out / f["path"]).stat().st_size
    assert manifest["bytes"] == sum(f["bytes"] for f in manifest["files"])
    for table in TABLES:
        assert manifest["partitions"][table] == sorted(
            {f["path"].rsplit("/", 1)[0] for f in manifest["files"] if f["table"] == table}
        )
        assert manifest["rows"][table] == sum(f["rows"] for f in manifest["files"] if f["table"] == table)
    assert manifest["quarantine_reasons"] == {
        k.split(".", 1)[1]: v for k, v in manifest["counts"].items() if k.startswith("quarantine.")
    }
    newest_file = max((out / f["path"]).stat().st_mtime_ns for f in manifest["files"])
    assert (out / "_manifests" / f"{manifest['run_id']}.json").stat().st_mtime_ns >= newest_file  # written last


def test_the_run_report_is_written(run):
    _, manifest, report = run
    text = report.read_text(encoding="utf-8")
    assert text.count("<svg") == 5 and manifest["run_id"] in text


def test_files_of_the_previous_schema_version_read_with_the_current_one(tmp_path):
    """A newer nullable column (a minor bump) must not break reading older files."""
    new_column = "canonical_article_id"
    old_schema = ARTICLE_SCHEMA.remove(ARTICLE_SCHEMA.get_field_index(new_column))
    row = {"article_id": "a1", "source_uri": "file:///x", "story_index": 0, "title": "Old", "authors": ["A"]}
    part = tmp_path / "articles" / "pub_date=2024-01-01" / "lang=en"
    part.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([row], schema=old_schema), part / "part-old-00000.parquet")
    pq.write_table(
        rows_to_table("articles", [{**row, "article_id": "a2", "title": "New", new_column: "a1"}]),
        part / "part-new-00000.parquet",
    )
    dataset = ds.dataset(tmp_path / "articles", format="parquet", schema=ARTICLE_SCHEMA)
    got = sorted(
        dataset.to_table(columns=["article_id", new_column, "authors"]).to_pylist(), key=lambda r: r["article_id"]
    )
    assert got == [
        {"article_id": "a1", new_column: None, "authors": ["A"]},
        {"article_id": "a2", new_column: "a1", "authors": ["A"]},
    ]
    got = duckdb.sql(
        f"select article_id, {new_column}, title from read_parquet('{tmp_path}/articles/*/*/*.parquet', "
        "union_by_name=true, hive_partitioning=true) order by 1"
    ).fetchall()
    assert got == [("a1", None, "Old"), ("a2", "a1", "New")]


def slow_enabled(config) -> bool:
    return "slow" in (config.getoption("markexpr") or "") or os.environ.get("RUN_SLOW") == "1"


@pytest.mark.slow
def test_spark_reads_the_tables_through_the_exported_ddl(run, request, tmp_path):
    if not slow_enabled(request.config):
        pytest.skip("slow: run with -m slow or RUN_SLOW=1")
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java on this machine")
    from pyspark.sql import SparkSession

    out, manifest, _ = run
    spark = (
        SparkSession.builder.master("local[1]")
        .appName("warehouse-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.warehouse.dir", str(tmp_path / "wh"))
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    try:
        for table in ("articles", "segments", "quarantine"):
            spark.sql(f"DROP TABLE IF EXISTS `{table}`")
            spark.sql(spark_ddl(table, str(out)).rstrip(";"))
            spark.sql(f"MSCK REPAIR TABLE `{table}`")
        joined = spark.sql(
            "select count(*), count(distinct article_id) from articles join segments using (article_id)"
        ).collect()[0]
        assert tuple(joined) == (manifest["rows"]["segments"], manifest["rows"]["articles"])
        types = dict(spark.table("articles").dtypes)
        assert types["published_at"] == "timestamp" and types["authors"] == "array<string>"
        reasons = dict(spark.sql("select reason, count(*) from quarantine group by reason").collect())
        assert reasons == manifest["quarantine_reasons"]
        frame = spark.read.option("basePath", str(out / "segments")).parquet(str(out / "segments"))
        assert frame.count() == manifest["rows"]["segments"]
    finally:
        spark.stop()
