"""The output tables: explicit pyarrow schemas and their version.

Every writer and every test takes its schema from here; nothing infers a schema from data.
Types are chosen so BigQuery, DuckDB, Spark and Athena read them alike: timestamps in
microseconds with tz=UTC, plain `string` (never large_string), `list<string>` for lists.

Versioning policy: a new nullable column bumps the minor version; a rename, a removal or a type
change bumps the major version. The version is stored in every file's key-value metadata.
"""

import pyarrow as pa

from schemas.records import SCHEMA_VERSION  # stored in every file's key-value metadata

TS = pa.timestamp("us", tz="UTC")

ARTICLE_FIELDS = [
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("source_uri", pa.string(), nullable=False),
    pa.field("record_id", pa.string()),
    pa.field("source_id", pa.string()),
    pa.field("story_index", pa.int32(), nullable=False),
    pa.field("source_format", pa.string()),
    pa.field("url", pa.string()),
    pa.field("title", pa.string()),
    pa.field("subtitle", pa.string()),
    pa.field("authors", pa.list_(pa.string())),
    pa.field("publisher", pa.string()),
    pa.field("wire_agency", pa.string()),
    pa.field("published_at", TS),
    pa.field("published_date", pa.date32()),
    pa.field("published_offset_minutes", pa.int32()),
    pa.field("published_precision", pa.string()),
    pa.field("published_source", pa.string()),
    pa.field("modified_at", TS),
    pa.field("crawled_at", TS),
    pa.field("dateline", pa.string()),
    pa.field("section", pa.string()),
    pa.field("language", pa.string()),
    pa.field("language_confidence", pa.float32()),
    pa.field("declared_language", pa.string()),
    pa.field("text", pa.string()),
    pa.field("word_count", pa.int32()),
    pa.field("paragraph_count", pa.int32()),
    pa.field("boilerplate_ratio", pa.float32()),
    pa.field("content_hash", pa.string()),
    pa.field("cluster_id", pa.string()),
    pa.field("canonical_article_id", pa.string()),
    pa.field("ingested_at", TS),
    pa.field("schema_version", pa.string()),
    pa.field("pipeline_version", pa.string()),
]

SEGMENT_FIELDS = [
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("kind", pa.string(), nullable=False),
    pa.field("index", pa.int32(), nullable=False),
    pa.field("paragraph_index", pa.int32(), nullable=False),
    pa.field("text", pa.string()),
    pa.field("char_start", pa.int32(), nullable=False),
    pa.field("char_end", pa.int32(), nullable=False),
    pa.field("schema_version", pa.string()),
]

QUARANTINE_FIELDS = [
    pa.field("source_uri", pa.string(), nullable=False),
    pa.field("record_id", pa.string()),
    pa.field("source_id", pa.string()),
    pa.field("stage", pa.string(), nullable=False),
    pa.field("reason", pa.string(), nullable=False),
    pa.field("error", pa.string()),
    pa.field("excerpt", pa.string()),
    pa.field("byte_size", pa.int64()),
    pa.field("ingested_at", TS),
    pa.field("schema_version", pa.string()),
    pa.field("pipeline_version", pa.string()),
]


# One row per article that was an exact copy of another (same normalized body): the copy's own id
# and source, and the id of the article that kept the row. Copies stay accounted for, not lost.
DUPLICATE_FIELDS = [
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("source_uri", pa.string(), nullable=False),
    pa.field("record_id", pa.string()),
    pa.field("source_id", pa.string()),
    pa.field("story_index", pa.int32(), nullable=False),
    pa.field("duplicate_of", pa.string(), nullable=False),
    pa.field("content_hash", pa.string()),
    pa.field("ingested_at", TS),
    pa.field("schema_version", pa.string()),
    pa.field("pipeline_version", pa.string()),
]


def _schema(fields: list[pa.Field], table: str) -> pa.Schema:
    return pa.schema(fields, metadata={"schema_version": SCHEMA_VERSION, "table": table})


ARTICLES = "articles"
SEGMENTS = "segments"
QUARANTINE = "quarantine"
DUPLICATES = "duplicates"

ARTICLE_SCHEMA = _schema(ARTICLE_FIELDS, ARTICLES)
SEGMENT_SCHEMA = _schema(SEGMENT_FIELDS, SEGMENTS)
QUARANTINE_SCHEMA = _schema(QUARANTINE_FIELDS, QUARANTINE)
DUPLICATE_SCHEMA = _schema(DUPLICATE_FIELDS, DUPLICATES)

SCHEMAS: dict[str, pa.Schema] = {
    ARTICLES: ARTICLE_SCHEMA,
    SEGMENTS: SEGMENT_SCHEMA,
    QUARANTINE: QUARANTINE_SCHEMA,
    DUPLICATES: DUPLICATE_SCHEMA,
}

# Internal, never an output table: the LSH band keys a batch run stages next to its rows
# (transforms/bands.py), one row per (article, band), read back one band at a time.
BAND_KEY_SCHEMA = pa.schema(
    [
        pa.field("band", pa.int16(), nullable=False),
        pa.field("digest", pa.uint64(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
    ]
)

# Internal, never an output table: one row per staged article of a batch run (transforms/facts.py),
# what its clustering needs without the text: the canonical-choice fields, the MinHash signature
# (NUM_PERM little-endian uint32, null for a text too short to compare), the staged files holding
# its rows (base names), its segment count, and a copy's duplicates-table columns.
FACT_SCHEMA = pa.schema(
    [
        *[f for f in DUPLICATE_FIELDS if f.name != "duplicate_of"],
        pa.field("published_at", TS),
        pa.field("publisher", pa.string()),
        pa.field("wire_agency", pa.string()),
        pa.field("signature", pa.binary()),
        pa.field("files", pa.list_(pa.string()), nullable=False),
        pa.field("segment_count", pa.int32(), nullable=False),
    ]
)
