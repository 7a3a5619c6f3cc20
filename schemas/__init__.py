"""Schemas, record types and partition paths: the project's single source of truth for shapes."""

from schemas.partitions import PARTITION_KEYS, parse_partition_path, partition_path, partition_values, safe_value
from schemas.records import REASONS, Extraction, Failure, Page, Signals, Story, TableRow
from schemas.tables import (
    ARTICLE_SCHEMA,
    ARTICLES,
    BAND_KEY_SCHEMA,
    DUPLICATE_SCHEMA,
    DUPLICATES,
    FACT_SCHEMA,
    QUARANTINE,
    QUARANTINE_SCHEMA,
    SCHEMA_VERSION,
    SCHEMAS,
    SEGMENT_SCHEMA,
    SEGMENTS,
)

__all__ = [
    "ARTICLES",
    "ARTICLE_SCHEMA",
    "BAND_KEY_SCHEMA",
    "DUPLICATES",
    "DUPLICATE_SCHEMA",
    "FACT_SCHEMA",
    "PARTITION_KEYS",
    "QUARANTINE",
    "QUARANTINE_SCHEMA",
    "REASONS",
    "SCHEMAS",
    "SCHEMA_VERSION",
    "SEGMENTS",
    "SEGMENT_SCHEMA",
    "Extraction",
    "Failure",
    "Page",
    "Signals",
    "Story",
    "TableRow",
    "parse_partition_path",
    "partition_path",
    "partition_values",
    "safe_value",
]
