"""LSH band keys staged as Parquet and bucketed one band at a time: a batch run's near-duplicate edges.

Grouping band keys by key (the streaming path, `ClusterArticles`) makes 42 grouping keys per
article; the in-process runner holds each as its own entry, ~500 bytes apiece (145 MB per 6,400
articles). In a batch run each bundle instead writes its articles' band keys to one staged file
(`BandFile`: per flush one row group per band, so a band is found by row-group statistics), and
one task per band (`band_edges`) reads that band from every file, groups the digests with pyarrow
and pairs the members of every bucket with two or more by the same rule as the grouped path
(`transforms.cluster_rules.bucket_pairs`), after leaving out exact copies (they share every bucket with
their canonical copy). It verifies each pair on the two signatures, read from the staged facts
(`transforms.facts`), so only verified edges leave the task.

Memory per task: one band's keys as Arrow columns, ~30 bytes per article (about 30 MB per million
articles), plus the facts of the articles that share a bucket. Each task reads the fact files'
id column: past tens of millions of articles, shard the tasks by digest range as well.
"""

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas import BAND_KEY_SCHEMA
from transforms.cluster_rules import MIN_JACCARD, bucket_pairs, canonical_key
from transforms.dedup import BANDS, band_keys, estimated_jaccard
from transforms.facts import read_facts, signature_of
from transforms.parquet_sink import StagedFile

# Fact columns a band task reads for the members of its buckets.
EDGE_COLUMNS = ["article_id", "content_hash", "published_at", "publisher", "wire_agency", "signature", "files"]
# Band-key rows a bundle buffers before writing them (1,000 articles, ~2 MB of Python lists).
FLUSH_ROWS = 42_000


class BandFile:
    """One bundle's staged band keys at `path` (created on the first flush)."""

    def __init__(self, path: str, flush_rows: int = FLUSH_ROWS):
        self.path, self._flush_rows = path, flush_rows
        self._digests: list[list[int]] = [[] for _ in range(BANDS)]
        self._ids: list[list[str]] = [[] for _ in range(BANDS)]
        self._buffered = self.rows = 0
        self._file = StagedFile(path, BAND_KEY_SCHEMA)

    def add(self, article_id: str, sig) -> None:
        for band, digest in band_keys(sig):
            self._digests[band].append(int(digest, 16))
            self._ids[band].append(article_id)
        self._buffered += BANDS
        if self._buffered >= self._flush_rows:
            self._flush()

    def close(self) -> int:
        """Write what is buffered and finish the file; the rows written (0: no file)."""
        self._flush()
        self._file.close()
        return self.rows

    def _flush(self) -> None:
        if not self._buffered:
            return
        for band in range(BANDS):
            if self._digests[band]:
                n = len(self._digests[band])
                self._file.write(
                    pa.table(
                        [
                            pa.array([band] * n, pa.int16()),
                            pa.array(self._digests[band], pa.uint64()),
                            pa.array(self._ids[band], pa.string()),
                        ],
                        schema=BAND_KEY_SCHEMA,
                    )
                )
                self._digests[band], self._ids[band] = [], []
        self.rows += self._buffered
        self._buffered = 0


def read_band(path: str, band: int) -> pa.Table | None:
    """The (digest, article_id) rows of one band in one staged file, or None."""
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as fh:
        staged = pq.ParquetFile(fh)
        groups = [
            i for i in range(staged.num_row_groups) if staged.metadata.row_group(i).column(0).statistics.min == band
        ]
        return staged.read_row_groups(groups, columns=["digest", "article_id"]) if groups else None


def band_buckets(band: int, paths: list[str]) -> list[tuple[int, list[str]]]:
    """(digest, member ids) of every bucket of one band with two or more members, over all files."""
    tables = [t for t in (read_band(p, band) for p in paths) if t is not None]
    if not tables:
        return []
    grouped = pa.concat_tables(tables).group_by("digest").aggregate([("article_id", "list")])
    shared = grouped.filter(pc.greater(pc.list_value_length(grouped.column("article_id_list")), 1))
    return sorted(zip(shared.column("digest").to_pylist(), shared.column("article_id_list").to_pylist()))


def _without_copies(facts: list[dict]) -> list[str]:
    """The ids of a bucket's members that keep their row: of exact copies (one content hash; they
    share every bucket, their signatures being equal) only the canonical one."""
    by_hash: dict[str, dict] = {}
    for fact in facts:
        key = fact["content_hash"] or fact["article_id"]
        if key not in by_hash or canonical_key(fact) < canonical_key(by_hash[key]):
            by_hash[key] = fact
    return [fact["article_id"] for fact in by_hash.values()]


def band_edges(band: int, band_paths: list[str], fact_paths: list[str]) -> tuple[list[tuple[str, str]], dict, int]:
    """Verified near-duplicate edges (a < b) of one band, the edge ends' (canonical key, staged
    files) and the number of candidate pairs tried. The members' signatures are read from the fact
    files (`transforms.facts`): only row groups holding a member are read past their ids."""
    buckets = band_buckets(band, band_paths)
    if not buckets:
        return [], {}, 0
    members = {m for _, ids in buckets for m in ids}
    facts = {f["article_id"]: f for f in read_facts(fact_paths, "article_id", members, EDGE_COLUMNS)}
    signatures = {i: signature_of(f) for i, f in facts.items()}
    edges, tried = set(), 0
    for digest, ids in buckets:
        kept = _without_copies([facts[i] for i in ids if i in facts and signatures[i] is not None])
        for a, b in bucket_pairs((band, f"{digest:016x}"), kept):
            tried += 1
            if estimated_jaccard(signatures[a], signatures[b]) >= MIN_JACCARD:
                edges.add((a, b))
    ends = sorted({node for edge in edges for node in edge})
    return sorted(edges), {n: (canonical_key(facts[n]), facts[n]["files"]) for n in ends}, tried
