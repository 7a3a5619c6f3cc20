"""The output schemas rendered for warehouses: BigQuery JSON schema and DDL, Spark and Athena DDL.

In: the pyarrow schemas of `schemas.tables` and the hive keys of `schemas.partitions`.
Out: text on stdout, e.g.

  python -m schemas.export --format bigquery --table articles > articles.bq.json
  python -m schemas.export --format bigquery_ddl --table articles --location gs://bucket/out
  python -m schemas.export --format spark --location /data/out          # every table
  python -m schemas.export --format athena --table segments --location s3://bucket/out

Hive partition keys are never data columns (see `schemas/partitions.py`): the BigQuery JSON schema
lists the file columns only (an external table adds the keys from the paths), while the DDL
declares them as STRING partition columns (`pub_date` holds `unknown` too, so it is no DATE).
Nullability is kept where the engine enforces it (BigQuery REQUIRED); Spark and Athena tables over
files treat every column as nullable, so their DDL declares none.
"""

import argparse
import json
import sys

import pyarrow as pa

from schemas.partitions import PARTITION_KEYS
from schemas.tables import SCHEMA_VERSION, SCHEMAS

FORMATS = ("bigquery", "bigquery_ddl", "spark", "athena")
PARTITION_KEY_TYPE = "STRING"

# pyarrow type -> (BigQuery, Spark SQL, Athena/Hive) type names. Only types our schemas use:
# an unknown type fails loudly instead of guessing.
_SCALARS: dict[pa.DataType, tuple[str, str, str]] = {
    pa.string(): ("STRING", "STRING", "string"),
    pa.int32(): ("INT64", "INT", "int"),
    pa.int64(): ("INT64", "BIGINT", "bigint"),
    pa.float32(): ("FLOAT64", "FLOAT", "float"),
    pa.float64(): ("FLOAT64", "DOUBLE", "double"),
    pa.bool_(): ("BOOL", "BOOLEAN", "boolean"),
    pa.date32(): ("DATE", "DATE", "date"),
    pa.timestamp("us", tz="UTC"): ("TIMESTAMP", "TIMESTAMP", "timestamp"),
}


def _scalar(dtype: pa.DataType, engine: int) -> str:
    if dtype not in _SCALARS:
        raise TypeError(f"no warehouse type for {dtype}")
    return _SCALARS[dtype][engine]


def bigquery_schema(table: str) -> list[dict]:
    """BigQuery JSON schema (the `bq mk --schema` / `schema.fields` form) of `table`'s file columns."""
    fields = []
    for f in SCHEMAS[table]:
        if pa.types.is_list(f.type):
            fields.append({"name": f.name, "type": _scalar(f.type.value_type, 0), "mode": "REPEATED"})
        else:
            fields.append(
                {"name": f.name, "type": _scalar(f.type, 0), "mode": "NULLABLE" if f.nullable else "REQUIRED"}
            )
    return fields


def _sql_type(dtype: pa.DataType, engine: int) -> str:
    if pa.types.is_list(dtype):
        inner = _sql_type(dtype.value_type, engine)
        return f"ARRAY<{inner}>" if engine < 2 else f"array<{inner}>"
    return _scalar(dtype, engine)


def _columns(table: str, engine: int, skip: tuple[str, ...] = ()) -> list[str]:
    return [f"  `{f.name}` {_sql_type(f.type, engine)}" for f in SCHEMAS[table] if f.name not in skip]


def _join(location: str, table: str) -> str:
    return f"{location.rstrip('/')}/{table}"


def bigquery_ddl(table: str, location: str, dataset: str = "news") -> str:
    """CREATE EXTERNAL TABLE over the hive partitions of `table` under `location` (gs://...)."""
    keys = ", ".join(f"`{k}` {PARTITION_KEY_TYPE}" for k in PARTITION_KEYS[table])
    hive_options = (
        f"  hive_partition_uri_prefix = '{_join(location, table)}',\n  require_hive_partition_filter = true,\n"
    )
    hive = (f"WITH PARTITION COLUMNS ({keys})\n", hive_options)
    return (
        f"CREATE OR REPLACE EXTERNAL TABLE `{dataset}.{table}` (\n" + ",\n".join(_columns(table, 0)) + "\n)\n"
        f"{hive[0]}"
        "OPTIONS (\n"
        "  format = 'PARQUET',\n"
        f"  uris = ['{_join(location, table)}/*'],\n"
        f"{hive[1]}"
        "  enable_list_inference = true,\n"
        f"  description = 'news-ingest {table}, schema {SCHEMA_VERSION}'\n"
        ");"
    )


def spark_ddl(table: str, location: str) -> str:
    """Spark SQL CREATE TABLE ... USING PARQUET PARTITIONED BY the hive keys."""
    keys = PARTITION_KEYS[table]
    cols = _columns(table, 1, skip=keys) + [f"  `{k}` {PARTITION_KEY_TYPE}" for k in keys]
    keys = ", ".join(f"`{k}`" for k in PARTITION_KEYS[table])
    return (
        f"CREATE TABLE IF NOT EXISTS `{table}` (\n" + ",\n".join(cols) + "\n)\n"
        f"USING PARQUET\nPARTITIONED BY ({keys})\nLOCATION '{_join(location, table)}'\n"
        f"TBLPROPERTIES ('schema_version' = '{SCHEMA_VERSION}');"
    )


def athena_ddl(table: str, location: str) -> str:
    """Athena (Hive DDL) CREATE EXTERNAL TABLE ... PARTITIONED BY the hive keys."""
    keys = ", ".join(f"`{k}` string" for k in PARTITION_KEYS[table])
    return (
        f"CREATE EXTERNAL TABLE IF NOT EXISTS `{table}` (\n"
        + ",\n".join(_columns(table, 2, skip=PARTITION_KEYS[table]))
        + "\n)\n"
        f"PARTITIONED BY ({keys})\nSTORED AS PARQUET\nLOCATION '{_join(location, table)}/'\n"
        f"TBLPROPERTIES ('parquet.compression' = 'ZSTD', 'schema_version' = '{SCHEMA_VERSION}');\n"
        f"MSCK REPAIR TABLE `{table}`;"
    )


def render(fmt: str, tables: list[str], location: str) -> str:
    """The export of `tables` in `fmt`, as printed by the command."""
    if fmt == "bigquery":
        if len(tables) == 1:
            return json.dumps(bigquery_schema(tables[0]), indent=2)
        return json.dumps({t: bigquery_schema(t) for t in tables}, indent=2)
    if fmt == "bigquery_ddl":
        return "\n\n".join(bigquery_ddl(t, location) for t in tables)
    if fmt == "spark":
        return "\n\n".join(spark_ddl(t, location) for t in tables)
    if fmt == "athena":
        return "\n\n".join(athena_ddl(t, location) for t in tables)
    raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schemas.export", description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to render")
    parser.add_argument(
        "--table", choices=sorted(SCHEMAS), action="append", help="table to render; repeat for several (default: all)"
    )
    parser.add_argument(
        "--location",
        default="gs://BUCKET/out",
        help="the pipeline's --output as the warehouse sees it (DDL formats only)",
    )
    args = parser.parse_args(argv)
    print(render(args.format, args.table or sorted(SCHEMAS), args.location))
    return 0


if __name__ == "__main__":
    sys.exit(main())
