"""Staged rows (transforms.staging) and their finishing with the clustering's verdicts (transforms.finish)."""

import os
from datetime import UTC, date, datetime

import apache_beam as beam
import pyarrow.parquet as pq
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from schemas import ARTICLES, SEGMENTS, Page, TableRow, partition_values
from transforms.bands import BandFile, band_buckets, read_band
from transforms.cluster_rules import bucket_pairs
from transforms.commit import destination_of, remove_staging
from transforms.dedup import BANDS, band_keys, signature
from transforms.finish import apply_verdicts, finish_staged, merge_verdicts
from transforms.parquet_sink import rows_to_table
from transforms.process import StagePages
from transforms.staging import BundleFiles, row_bytes, staged_name

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PROSE = (
    "The harbour commission voted on Monday to dredge the eastern channel before the autumn storms, "
    "after two cargo ships ran aground there in a single week. "
)


def article(article_id: str, day: date = date(2025, 3, 4), language: str = "en") -> dict:
    return {
        "article_id": article_id,
        "source_uri": f"u:{article_id}",
        "story_index": 0,
        "text": PROSE * 2,
        "published_date": day,
        "language": language,
        "content_hash": article_id,
        "schema_version": "1.0",
    }


def row(a: dict) -> TableRow:
    return TableRow(ARTICLES, partition_values(ARTICLES, a), a)


def segment(article_id: str, index: int) -> TableRow:
    values = {
        "article_id": article_id,
        "kind": "paragraph",
        "index": index,
        "paragraph_index": index,
        "text": PROSE,
        "char_start": 0,
        "char_end": len(PROSE),
    }
    return TableRow(SEGMENTS, ("2025-03-04", "en"), values)


def ids(path: str) -> list[str]:
    return pq.read_table(path).column("article_id").to_pylist()


def test_staged_names_parse_back_to_their_partition():
    name = staged_name("articles/pub_date=2025-03-04/lang=en", "b0", 3)
    assert destination_of(name) == "articles/pub_date=2025-03-04/lang=en" and name.endswith("b0-00003.parquet")


def test_bundle_files_bound_buffers_and_open_files_and_lose_no_row(tmp_path):
    files = BundleFiles(str(tmp_path), "b0", buffer_bytes=3 * row_bytes(article("x")), max_open=1)
    paths = [files.write(row(article(f"a{i}", day=date(2025, 3, 4 + i % 2)))) for i in range(8)]
    written = files.close()
    assert set(paths) == set(written) and len(written) == 8  # one open file: each change of day starts a file
    assert sorted(i for p in written for i in ids(p)) == sorted(f"a{i}" for i in range(8))
    files = BundleFiles(str(tmp_path / "big"), "b1", buffer_bytes=3 * row_bytes(article("x")))
    for i in range(10):
        files.write(row(article(f"c{i}")))
    (path,) = files.close()
    assert pq.ParquetFile(path).num_row_groups >= 3 and ids(path) == [f"c{i}" for i in range(10)]


def test_finishing_sets_cluster_columns_and_drops_the_copies_rows(tmp_path):
    staged = BundleFiles(str(tmp_path / "pre"), "b0", buffer_bytes=2 * row_bytes(article("x")))
    for name in ("a", "b", "c", "d"):
        staged.write(row({**article(name), "cluster_id": name, "canonical_article_id": name}))
        staged.write(segment(name, 0))
        staged.write(segment(name, 1))
    article_file, segment_file = sorted(staged.close())
    verdicts = {"b": None, "c": ("a", "a")}  # b is an exact copy; a and d have no verdict: as staged
    assert finish_staged(article_file, str(tmp_path / "articles.parquet"), verdicts) == 3
    done = pq.read_table(tmp_path / "articles.parquet")
    assert done.column("article_id").to_pylist() == ["a", "c", "d"]
    assert done.column("cluster_id").to_pylist() == ["a", "a", "d"] and done.schema == pq.read_schema(article_file)
    assert done.column("canonical_article_id").to_pylist() == ["a", "a", "d"]
    assert pq.ParquetFile(tmp_path / "articles.parquet").num_row_groups == 1  # small groups merged
    assert finish_staged(segment_file, str(tmp_path / "segments.parquet"), verdicts) == 6
    assert sorted(set(ids(str(tmp_path / "segments.parquet")))) == ["a", "c", "d"]
    all_copies = dict.fromkeys("abcd")
    assert finish_staged(segment_file, str(tmp_path / "none.parquet"), all_copies) == 0
    assert not (tmp_path / "none.parquet").exists()


def test_apply_and_merge_verdicts():
    rows = rows_to_table(ARTICLES, [{**article(a), "cluster_id": a, "canonical_article_id": a} for a in "abc"])
    done = apply_verdicts(ARTICLES, rows, {"b": ("a", "b"), "c": None})
    assert [(r["article_id"], r["cluster_id"], r["canonical_article_id"]) for r in done.to_pylist()] == [
        ("a", "a", "a"),
        ("b", "a", "b"),
    ]
    segments = rows_to_table(SEGMENTS, [segment("a", 0).row, segment("b", 0).row, segment("b", 1).row])
    assert apply_verdicts(SEGMENTS, segments, {"a": None, "b": ("a", "b")}).column("index").to_pylist() == [0, 1]
    assert apply_verdicts(SEGMENTS, segments, {}) is segments
    assert merge_verdicts([("x", ("x", "y")), ("x", None), ("y", ("x", "y"))]) == {"x": None, "y": ("x", "y")}
    assert merge_verdicts([("x", None), ("x", ("x", "y"))]) == {"x": None}


def test_stage_pages_stages_rows_and_facts_and_sends_verdicts_only_for_copies(tmp_path):
    html = (
        f"<html><head><title>Channel to be dredged</title></head><body><article><h1>Channel to be dredged</h1>"
        f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    other = html.replace("Channel to be dredged", "Choir sings at market hall").replace(
        PROSE,
        "A choir from the hill villages sang at the reopening of the old market hall on Sunday evening, "
        "and the stallholders who had waited three years for the roof repairs sold out before dark. ",
    )
    pages = [
        Page("u:one", html, "html", "utf-8", len(html)),
        Page("u:two", html, "html", "utf-8", len(html)),
        Page("u:three", other, "html", "utf-8", len(other)),
    ]
    with TestPipeline(runner="FnApiRunner") as p:
        out = p | beam.Create(pages) | StagePages(0, NOW, str(tmp_path))
        assert_that(
            out["staged"] | beam.Map(lambda path: path.rsplit("/", 2)[1]), equal_to(["pre", "pre"]), label="Staged"
        )  # one article file, one segment file
        assert_that(
            out["verdicts"] | beam.Map(lambda v: (v[0].split("+", 1)[0], v[1][1])),
            equal_to([("articles", None), ("segments", None)]),
            label="OnlyTheCopyHasVerdicts",
        )
        assert_that(out["duplicates"] | beam.combiners.Count.Globally(), equal_to([1]), label="Copies")
        counts = out["counts"] | beam.CombinePerKey(sum)
        assert_that(
            counts | beam.Filter(lambda kv: kv[0] != "segments"),
            equal_to([("articles", 2), ("pages_with_articles", 2)]),
            label="Counts",
        )
    staged = {name.split("+", 1)[0]: ids(str(tmp_path / "pre" / name)) for name in os.listdir(tmp_path / "pre")}
    assert len(staged["articles"]) == 3 and len(staged["segments"]) > 3  # both copies: the commit drops one
    assert len(os.listdir(tmp_path / "facts")) == 1 and len(os.listdir(tmp_path / "bands")) == 1


def test_staged_band_keys_give_the_pairs_that_grouping_the_keys_gives(tmp_path):
    texts = {f"s{i}": f"{PROSE} Story {i} adds its own line about berth {i} and crane {i * 7}." for i in range(6)}
    texts["far"] = "A choir from the hill villages sang at the reopening of the old market hall on Sunday evening."
    signatures = {aid: signature(text) for aid, text in texts.items()}
    grouped: dict = {}
    for aid, sig in signatures.items():
        for key in band_keys(sig):
            grouped.setdefault(key, []).append(aid)
    expected = sorted({pair for key, ids in grouped.items() if len(ids) > 1 for pair in bucket_pairs(key, ids)})
    files = []
    for part, ids in enumerate((["s0", "s1", "far"], ["s2", "s3", "s4", "s5"])):  # two bundles
        staged = BandFile(str(tmp_path / f"b{part}.parquet"), flush_rows=50)  # several flushes per file
        for aid in ids:
            staged.add(aid, signatures[aid])
        assert staged.close() == len(ids) * BANDS
        files.append(staged.path)
    assert pq.ParquetFile(files[0]).num_row_groups > BANDS  # a row group per band and flush
    found = sorted(
        {
            pair
            for band in range(BANDS)
            for digest, ids in band_buckets(band, files)
            for pair in bucket_pairs((band, f"{digest:016x}"), ids)
        }
    )
    assert found == expected and ("s0", "s1") in found and not any("far" in pair for pair in found)
    assert read_band(files[0], BANDS + 1) is None


def test_remove_staging_deletes_nested_files_and_the_folder(tmp_path):
    staging = tmp_path / "_staging" / "run1"
    for sub in ("pre", "bands", ""):
        (staging / sub).mkdir(parents=True, exist_ok=True)
        (staging / sub / "x.parquet").write_bytes(b"PAR1")
    remove_staging(str(staging))
    assert not staging.exists()
    remove_staging(str(staging))  # nothing left: no error


def test_staging_dofns_put_arrow_on_the_system_allocator():
    import pyarrow as pa

    from transforms.staging import StageArticleRowsFn

    StageArticleRowsFn("/nowhere").setup()  # no I/O in setup: only the process's Arrow allocator
    assert pa.default_memory_pool().backend_name == "system"
