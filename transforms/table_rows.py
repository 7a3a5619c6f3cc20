"""Rows bound for the tables' writers: an article row with its partition, a failure as a quarantine row.

Apart from `transforms.articles`, which builds the article rows in the strip stage's guarded child:
the Beam process stages and writes rows without importing the metadata layer.
"""

from datetime import datetime

from pipeline import __version__ as PIPELINE_VERSION
from schemas import ARTICLE_SCHEMA, ARTICLES, SCHEMA_VERSION, Failure, TableRow, partition_values

EXCERPT_CHARS = 300
# The articles table's columns: what an article row is written with.
_ARTICLE_COLUMNS = tuple(ARTICLE_SCHEMA.names)


def article_table_row(row: dict) -> TableRow:
    """An article row bound for its partition of the articles table: the table's columns only. The
    row's working values (its MinHash signature and segment spans, for staging and clustering) stay
    behind: a staged row waits in a buffer that counts only its text (on 2,000 corpus pages they
    held ~11 MB more at the peak)."""
    return TableRow(ARTICLES, partition_values(ARTICLES, row), {name: row.get(name) for name in _ARTICLE_COLUMNS})


def quarantine_row(failure: Failure, ingested_at: datetime) -> dict:
    return {
        "source_uri": failure.source_uri,
        "record_id": failure.record_id or None,
        "source_id": failure.source_id or None,
        "stage": failure.stage,
        "reason": failure.reason,
        "error": failure.error[:2000],
        "excerpt": failure.excerpt[:EXCERPT_CHARS],
        "byte_size": failure.byte_size,
        "ingested_at": ingested_at,
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": PIPELINE_VERSION,
    }
