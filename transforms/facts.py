"""Staged article facts: what a batch run's clustering needs of each article, on disk.

A batch run stages each article's rows where they are made (`transforms.staging`) and, beside
them, one fact row per article (`schemas.FACT_SCHEMA`: ids, the canonical-choice fields, the
MinHash signature, the staged files holding its rows, its segment count, a copy's duplicates
columns). Nothing per article travels through the runner: the clustering reads the facts it needs
from these files (`exact_copies` here; `transforms.bands` for near-duplicates), and only its
verdicts, one per article that is a copy or has a near-duplicate, travel on to the commit.

`FactFile` writes one bundle's facts (plain, no Beam). `exact_copies` finds the exact copies of a
whole run: the content hashes of every fact file (~40 bytes an article in Arrow), then the facts
of the articles whose hash is shared; the canonical copy is `transforms.cluster_rules.canonical_key`'s
first, as in the streaming path. `read_facts` reads the facts of given articles.
"""

import posixpath
from collections import defaultdict

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas import FACT_SCHEMA
from transforms.cluster_rules import canonical_key, duplicate_record
from transforms.parquet_sink import StagedFile

# Fact rows a bundle buffers before writing a row group (~0.7 KB each in Python: ~1.4 MB).
FLUSH_ROWS = 2_000
_SIGNATURE_DTYPE = "<u4"


def fact_row(article: dict, files: list[str], segment_count: int, sig) -> dict:
    """The fact row of a staged article; `files` are the staged files' paths (stored as base names)."""
    row = {name: article.get(name) for name in FACT_SCHEMA.names}
    row["signature"] = None if sig is None else np.asarray(sig).astype(_SIGNATURE_DTYPE).tobytes()
    row["files"] = sorted(posixpath.basename(f) for f in files)
    row["segment_count"] = segment_count
    return row


def signature_of(fact: dict) -> np.ndarray | None:
    raw = fact.get("signature")
    return None if raw is None else np.frombuffer(raw, dtype=_SIGNATURE_DTYPE)


class FactFile:
    """One bundle's staged facts at `path` (created on the first flush)."""

    def __init__(self, path: str, flush_rows: int = FLUSH_ROWS):
        self.path, self._flush_rows = path, flush_rows
        self._file = StagedFile(path, FACT_SCHEMA)
        self._rows: list[dict] = []
        self.rows = 0

    def add(self, row: dict) -> None:
        self._rows.append(row)
        if len(self._rows) >= self._flush_rows:
            self._flush()

    def close(self) -> int:
        """Write what is buffered and finish the file; the rows written (0: no file)."""
        self._flush()
        self._file.close()
        return self.rows

    def _flush(self) -> None:
        if self._rows:
            self._file.write(pa.Table.from_pylist(self._rows, schema=FACT_SCHEMA))
            self.rows += len(self._rows)
            self._rows = []


def _row_groups(path: str):
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as fh:
        staged = pq.ParquetFile(fh)
        for group in range(staged.num_row_groups):
            yield staged, group


def read_facts(paths: list[str], column: str, values, columns: list[str] | None = None) -> list[dict]:
    """Fact rows whose `column` is one of `values`, from every file; only row groups holding one
    are read past that column."""
    wanted = pa.array(sorted(values), pa.string())
    found = []
    for path in paths:
        for staged, group in _row_groups(path):
            mask = pc.is_in(staged.read_row_group(group, columns=[column]).column(column), value_set=wanted)
            if pc.any(mask).as_py():
                found.extend(staged.read_row_group(group, columns=columns).filter(mask).to_pylist())
    return found


def _column(path: str, column: str) -> pa.ChunkedArray:
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as fh:
        return pq.read_table(fh, columns=[column]).column(column)


def shared_hashes(paths: list[str]) -> set[str]:
    """Content hashes held by two or more staged articles."""
    chunks = [chunk for path in paths for chunk in _column(path, "content_hash").chunks]
    if not chunks:
        return set()
    counts = pa.table({"h": pa.chunked_array(chunks, pa.string())}).group_by("h").aggregate([("h", "count")])
    return {h for h in counts.filter(pc.greater(counts.column("h_count"), 1)).column("h").to_pylist() if h}


def exact_copies(paths: list[str]) -> list[tuple[dict, dict]]:
    """(copy's fact, the kept copy's fact) for every exact copy among the staged articles."""
    shared = shared_hashes(paths)
    if not shared:
        return []
    groups: dict[str, list[dict]] = defaultdict(list)
    for fact in read_facts(paths, "content_hash", shared, [n for n in FACT_SCHEMA.names if n != "signature"]):
        groups[fact["content_hash"]].append(fact)
    copies = []
    for _, members in sorted(groups.items()):
        kept, *others = sorted(members, key=canonical_key)
        copies.extend((copy, kept) for copy in others)
    return copies


def copy_outputs(copy: dict, kept: dict) -> tuple[dict, list[tuple[str, tuple[str, None]]], list[tuple[str, int]]]:
    """A copy's duplicates record, its drop verdict per staged file, and the tallies it moves out
    of the articles (it was counted when staged)."""
    drops = [(name, (copy["article_id"], None)) for name in copy["files"]]
    counts = [("articles", -1), ("segments", -copy["segment_count"])]
    if copy["story_index"] == 0:
        counts.append(("pages_with_articles", -1))
    return duplicate_record(copy, kept), drops, counts
