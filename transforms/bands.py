"""LSH band keys staged as Parquet and bucketed one band at a time: a batch run's candidate pairs.

Grouping band keys by key (the streaming path, `ClusterArticles` without `pairs`) makes 42
grouping keys per article; the in-process runner holds each as its own entry, ~500 bytes apiece
(145 MB per 6,400 articles). In a batch run each bundle instead writes its articles' band keys to
one staged file (`BandFile`: per flush one row group per band, so a band is found by row-group
statistics), and one task per band reads that band from every file, groups the digests with
pyarrow and emits the candidate pairs of every bucket with two or more members, by the same rule
as the grouped path (`transforms.cluster.bucket_pairs`). Memory per task: one band's keys as
Arrow columns, ~30 bytes per article (about 30 MB per million articles).

Exact copies' band keys are staged too (the copies are found later); their pairs end at
verification, which joins the signatures of kept articles only.
"""

import apache_beam as beam
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas import BAND_KEY_SCHEMA
from transforms.cluster import bucket_pairs
from transforms.dedup import BANDS, band_keys
from transforms.tags import counter

# Band-key rows a bundle buffers before writing them (~10 MB of Python lists).
FLUSH_ROWS = 200_000


class BandFile:
    """One bundle's staged band keys at `path` (created on the first flush)."""

    def __init__(self, path: str, flush_rows: int = FLUSH_ROWS):
        self.path, self._flush_rows = path, flush_rows
        self._digests: list[list[int]] = [[] for _ in range(BANDS)]
        self._ids: list[list[str]] = [[] for _ in range(BANDS)]
        self._buffered = self.rows = 0
        self._handle = self._writer = None

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
        if self._writer is not None:
            self._writer.close()
            self._handle.close()
        return self.rows

    def _flush(self) -> None:
        if not self._buffered:
            return
        if self._writer is None:
            self._handle = FileSystems.create(self.path)
            self._writer = pq.ParquetWriter(self._handle, BAND_KEY_SCHEMA, compression="zstd")
        for band in range(BANDS):
            if self._digests[band]:
                n = len(self._digests[band])
                self._writer.write_table(pa.table(
                    [pa.array([band] * n, pa.int16()), pa.array(self._digests[band], pa.uint64()),
                     pa.array(self._ids[band], pa.string())], schema=BAND_KEY_SCHEMA))
                self._digests[band], self._ids[band] = [], []
        self.rows += self._buffered
        self._buffered = 0


def read_band(path: str, band: int) -> pa.Table | None:
    """The (digest, article_id) rows of one band in one staged file, or None."""
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as fh:
        staged = pq.ParquetFile(fh)
        groups = [i for i in range(staged.num_row_groups)
                  if staged.metadata.row_group(i).column(0).statistics.min == band]
        return staged.read_row_groups(groups, columns=["digest", "article_id"]) if groups else None


def band_pairs(band: int, paths: list[str]) -> list[tuple[str, str]]:
    """Candidate pairs (smaller id first) of one band over all staged band files."""
    tables = [t for t in (read_band(p, band) for p in paths) if t is not None]
    if not tables:
        return []
    grouped = pa.concat_tables(tables).group_by("digest").aggregate([("article_id", "list")])
    shared = grouped.filter(pc.greater(pc.list_value_length(grouped.column("article_id_list")), 1))
    pairs = []
    for digest, ids in zip(shared.column("digest").to_pylist(), shared.column("article_id_list").to_pylist()):
        pairs.extend(bucket_pairs((band, f"{digest:016x}"), ids))
    return sorted(pairs)


class _BandPairsFn(beam.DoFn):
    def __init__(self):
        self._pairs = counter("cluster_candidate_pairs")

    def process(self, element):
        band, paths = element
        pairs = band_pairs(band, paths)
        self._pairs.inc(len(pairs))
        yield from pairs


class CandidatePairs(beam.PTransform):
    """Staged band-key file paths -> candidate id pairs (duplicates possible across bands)."""

    def expand(self, band_files):
        return (
            band_files
            | "AllBandFiles" >> beam.combiners.ToList()
            | "OneTaskPerBand" >> beam.FlatMap(lambda paths: [(band, sorted(paths)) for band in range(BANDS)])
            | "SpreadBands" >> beam.Reshuffle()
            | "BandPairs" >> beam.ParDo(_BandPairsFn())
        )
