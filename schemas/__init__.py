"""Schemas, record types and partition paths: the project's single source of truth for shapes.

The record types load with the package; the Arrow schemas (`schemas.tables`) and the partition
helpers (`schemas.partitions`), which need pyarrow, load on first use of one of their names: the
extractor's child process and a worker's first import need the records only (pyarrow is ~0.1 s of
a process's start).
"""

from schemas.records import REASONS, SCHEMA_VERSION, Extraction, Failure, Page, Signals, Story, TableRow

_TABLE_NAMES = frozenset(
    """
    ARTICLE_SCHEMA ARTICLES BAND_KEY_SCHEMA DUPLICATE_SCHEMA DUPLICATES FACT_SCHEMA QUARANTINE
    QUARANTINE_SCHEMA SCHEMAS SEGMENT_SCHEMA SEGMENTS
    """.split()
)
_PARTITION_NAMES = frozenset("PARTITION_KEYS parse_partition_path partition_path partition_values safe_value".split())

__all__ = sorted(_TABLE_NAMES | _PARTITION_NAMES) + [
    "REASONS",
    "SCHEMA_VERSION",
    "Extraction",
    "Failure",
    "Page",
    "Signals",
    "Story",
    "TableRow",
]


def __getattr__(name: str):
    """The Arrow schemas and partition helpers, imported when first asked for (PEP 562)."""
    if name in _TABLE_NAMES:
        from schemas import tables

        return getattr(tables, name)
    if name in _PARTITION_NAMES:
        from schemas import partitions

        return getattr(partitions, name)
    raise AttributeError(f"module 'schemas' has no attribute {name!r}")
