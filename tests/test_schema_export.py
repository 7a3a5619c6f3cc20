"""Schema export: BigQuery JSON and Spark/Athena/BigQuery DDL match the pyarrow schemas field by field."""

import json
import re

import pyarrow as pa
import pytest

from schemas import PARTITION_KEYS, SCHEMAS
from schemas.export import athena_ddl, bigquery_ddl, bigquery_schema, main, spark_ddl

# What each engine must call each pyarrow type: written out here, independently of the exporter.
BIGQUERY = {
    pa.string(): "STRING",
    pa.int32(): "INT64",
    pa.int64(): "INT64",
    pa.float32(): "FLOAT64",
    pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMP",
}
SPARK = {
    pa.string(): "STRING",
    pa.int32(): "INT",
    pa.int64(): "BIGINT",
    pa.float32(): "FLOAT",
    pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMP",
}

COLUMN = re.compile(r"^\s+`(\w+)` ([\w<>]+),?$", re.MULTILINE)


def ddl_columns(ddl: str) -> list[tuple[str, str]]:
    return COLUMN.findall(ddl.split(")\n", 1)[0])


def expected_sql(field: pa.Field, types: dict) -> str:
    if pa.types.is_list(field.type):
        return f"ARRAY<{types[field.type.value_type]}>"
    return types[field.type]


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_bigquery_schema_matches_pyarrow_field_by_field(table):
    exported = bigquery_schema(table)
    schema = SCHEMAS[table]
    assert [f["name"] for f in exported] == schema.names
    for f, bq in zip(schema, exported):
        if pa.types.is_list(f.type):
            assert (bq["type"], bq["mode"]) == (BIGQUERY[f.type.value_type], "REPEATED"), f.name
        else:
            assert bq["type"] == BIGQUERY[f.type], f.name
            assert bq["mode"] == ("NULLABLE" if f.nullable else "REQUIRED"), f.name
    json.dumps(exported)  # serializable as `bq mk --schema` takes it


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_spark_and_athena_ddl_match_pyarrow_and_partition_by_the_hive_keys(table):
    keys = PARTITION_KEYS[table]
    want = [(f.name, expected_sql(f, SPARK)) for f in SCHEMAS[table] if f.name not in keys]
    spark = spark_ddl(table, "/data/out")
    assert ddl_columns(spark) == want + [(k, "STRING") for k in keys]
    assert f"PARTITIONED BY ({', '.join(f'`{k}`' for k in keys)})" in spark
    assert f"LOCATION '/data/out/{table}'" in spark
    athena = athena_ddl(table, "s3://b/out/")
    assert [(n, t.upper()) for n, t in ddl_columns(athena)] == want
    assert f"PARTITIONED BY ({', '.join(f'`{k}` string' for k in keys)})" in athena
    assert "STORED AS PARQUET" in athena and f"LOCATION 's3://b/out/{table}/'" in athena


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_bigquery_ddl_declares_hive_partitioning(table):
    ddl = bigquery_ddl(table, "gs://b/out")
    want = [(f.name, expected_sql(f, BIGQUERY)) for f in SCHEMAS[table]]
    assert ddl_columns(ddl) == want
    assert f"uris = ['gs://b/out/{table}/*']" in ddl
    assert f"hive_partition_uri_prefix = 'gs://b/out/{table}'" in ddl
    assert "require_hive_partition_filter = true" in ddl


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_no_hive_key_is_also_a_file_column(table):
    # BigQuery refuses an external table whose hive key repeats a column of the files.
    assert not set(PARTITION_KEYS[table]) & set(SCHEMAS[table].names)


def test_the_command_prints_one_table_or_all(capsys):
    assert main(["--format", "bigquery", "--table", "segments"]) == 0
    assert [f["name"] for f in json.loads(capsys.readouterr().out)] == SCHEMAS["segments"].names
    assert main(["--format", "spark", "--location", "/x"]) == 0
    assert capsys.readouterr().out.count("CREATE TABLE") == len(SCHEMAS)
