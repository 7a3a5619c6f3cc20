"""Hive-style partition paths: the one place that turns row values into folder names.

Partition keys never repeat a data column's name (BigQuery rejects a hive key that is also a
column in the file), and values are sanitized here so no metadata can name a folder outside
the table: `../../etc` becomes `etc`, anything odd becomes `unknown`.
"""

import re

from schemas.tables import ARTICLES, DUPLICATES, QUARANTINE, SEGMENTS

UNKNOWN = "unknown"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE = re.compile(r"[^a-z0-9_-]+")

# Per table: the ordered hive keys. Articles and segments share keys so joins prune alike.
PARTITION_KEYS: dict[str, tuple[str, ...]] = {
    ARTICLES: ("pub_date", "lang"),
    SEGMENTS: ("pub_date", "lang"),
    QUARANTINE: ("ingest_date", "reason_code"),
    DUPLICATES: ("ingest_date",),
}


def safe_value(value: object) -> str:
    """A folder-safe partition value: lower-case [a-z0-9_-], at most 40 chars, else `unknown`."""
    if value is None:
        return UNKNOWN
    text = str(value).strip().lower()
    if _DATE.match(text):
        return text
    text = _SAFE.sub("_", text).strip("_-")[:40]
    return text or UNKNOWN


def partition_values(table: str, row: dict) -> tuple[str, ...]:
    """The sanitized partition values of one row of `table`."""
    if table in (ARTICLES, SEGMENTS):
        day = row.get("published_date")
        return (safe_value(day.isoformat() if day is not None else None), safe_value(row.get("language")))
    if table == QUARANTINE:
        ts = row.get("ingested_at")
        return (safe_value(ts.date().isoformat() if ts is not None else None), safe_value(row.get("reason")))
    if table == DUPLICATES:
        ts = row.get("ingested_at")
        return (safe_value(ts.date().isoformat() if ts is not None else None),)
    raise ValueError(f"unknown table {table!r}")


def partition_path(table: str, values: tuple[str, ...]) -> str:
    """`articles/pub_date=2024-03-14/lang=en`: the folder of a partition, relative to --output."""
    keys = PARTITION_KEYS[table]
    if len(keys) != len(values):
        raise ValueError(f"{table} takes {len(keys)} partition values, got {len(values)}")
    return "/".join([table] + [f"{k}={safe_value(v)}" for k, v in zip(keys, values)])


def parse_partition_path(path: str) -> tuple[str, tuple[str, ...]]:
    """Inverse of `partition_path`."""
    table, *parts = path.strip("/").split("/")
    if table not in PARTITION_KEYS:
        raise ValueError(f"not a partition path: {path!r}")
    return table, tuple(p.split("=", 1)[1] for p in parts)
