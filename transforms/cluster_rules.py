"""The clustering rules as plain functions, shared by the streaming stage and the batch path.

In: article dicts (or their light records) and LSH buckets. Out: the sort key of a story's canonical
version (`canonical_key`: the wire agency's own version, else the earliest published, ties by
article_id), a bucket's candidate id pairs (`bucket_pairs`: all pairs up to ALL_PAIRS_MAX members,
else CHAIN_LINKS neighbours in a band-specific order), one hash-to-min round's messages, an exact
copy's duplicates record and an article's light record (ids, canonical-choice fields, MinHash
signature). `transforms.cluster` (streaming) and `transforms.bands` / `transforms.facts` (batch)
apply them.

  .venv/bin/python -m pytest tests/test_cluster.py -q
"""

import hashlib
import re
from datetime import UTC, datetime

from transforms.dedup import article_signature
from transforms.metadata.agencies import agency

# Columns of a copy carried into its duplicates row (see schemas.tables.DUPLICATE_FIELDS).
DUPLICATE_KEYS = (
    "article_id",
    "source_uri",
    "record_id",
    "source_id",
    "story_index",
    "content_hash",
    "ingested_at",
    "schema_version",
    "pipeline_version",
)
# Columns the clustering steps group and join (with the signature): never the text.
LIGHT_KEYS = DUPLICATE_KEYS + ("published_at", "publisher", "wire_agency")
# Estimated Jaccard (3-word shingles) at which two texts are versions of one story: syndicated copies
# with a trimmed ending and light edits measure 0.4-0.9; distinct same-topic stories under 0.1.
MIN_JACCARD = 0.4
# Buckets up to this size emit all pairs (<= 120); bigger ones emit CHAIN_LINKS pairs per member.
ALL_PAIRS_MAX = 16
CHAIN_LINKS = 2
_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


def is_wire_original(article: dict) -> bool:
    """Whether the publisher is the wire agency itself ("AP" by "Associated Press", "Reuters"): an
    agency's story on its own site has the agency as publisher and no wire_agency apart from it."""
    wire, publisher = _letters(article.get("wire_agency")), _letters(article.get("publisher"))
    if not publisher:
        return False
    if not wire:
        return agency(article.get("publisher")) is not None
    words = re.findall(r"[^\W\d_]+", (article.get("publisher") or "").lower())
    initials = "".join(w[0] for w in words if w not in ("the", "of", "news"))
    return wire in (publisher, initials) or wire in publisher or publisher in wire


def canonical_key(article: dict) -> tuple:
    """Sort key of the canonical version: wire original first, then earliest published, then id."""
    published = article.get("published_at")
    if isinstance(published, datetime) and published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    if not isinstance(published, datetime):
        published = _FAR_FUTURE
    return (not is_wire_original(article), published, article["article_id"])


def bucket_pairs(bucket: tuple, members: list[str]) -> list[tuple[str, str]]:
    """Candidate id pairs (smaller id first) of one LSH bucket."""
    members = sorted(set(members))
    if len(members) <= ALL_PAIRS_MAX:
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    salt = f"{bucket[0]}:{bucket[1]}"
    ring = sorted(members, key=lambda m: hashlib.blake2b(f"{salt}:{m}".encode(), digest_size=8).digest())
    pairs = set()
    for i, a in enumerate(ring):
        for step in range(1, CHAIN_LINKS + 1):
            b = ring[(i + step) % len(ring)]
            pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def hash_to_min_messages(node: str, members: frozenset) -> list[tuple[str, tuple[frozenset, bool]]]:
    """One hash-to-min round's messages of a node: C(v) to min C(v), {min} to every member."""
    smallest = min(members)
    messages = [(smallest, (members, False)), (node, (members, True))]  # True: the node's own old set
    messages.extend((m, (frozenset([smallest]), False)) for m in members if m != smallest)
    return messages


def duplicate_record(copy: dict, kept: dict) -> dict:
    """The accounting record of an exact copy: which article it was, and which one kept the row."""
    record = {key: copy.get(key) for key in DUPLICATE_KEYS}
    record["duplicate_of"] = kept["article_id"]
    return record


def _letters(name: str | None) -> str:
    return re.sub(r"[^\w]", "", (name or "").lower())


def light_record(article: dict) -> dict:
    """What clustering needs of an article: ids, canonical-choice fields and its MinHash signature.

    Only these small records are grouped and joined; the whole rows (text and all) are shuffled
    once, at the end, to receive their cluster columns.
    """
    record = {key: article.get(key) for key in LIGHT_KEYS}
    record["signature"] = article_signature(article)
    return record
