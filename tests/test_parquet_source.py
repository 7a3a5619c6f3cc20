"""Parquet datasets (cc_news, FineWeb, a table of fetched pages) are read a page per row, the row
read as a JSON export's record; bad rows and bad files are quarantined with their reason."""

import itertools
import json
from datetime import UTC, datetime

import apache_beam as beam
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from apache_beam.testing import test_pipeline
from apache_beam.testing.util import assert_that, equal_to

from pipeline.main import main
from schemas import Failure, Page
from tests.test_html_extract import BODY  # four paragraphs of an invented news story
from tests.test_warc import article
from transforms.parquet_source import is_parquet
from transforms.read import ReadPages, read_documents, spans_of

CAP = 1 << 20


def cc_news(path, rows: int = 3) -> None:
    """Hugging Face cc_news's columns: the article's extracted text under its title, publication date."""
    table = pa.table(
        {
            "title": [f"Tidal bridge opens, report {n}" for n in range(rows)],
            "text": ["\n".join(BODY) + f" (report {n})" for n in range(rows)],
            "domain": ["quellmere.example"] * rows,
            "date": [f"2024-05-0{n + 1} 14:30:00" for n in range(rows)],
            "description": ["The crossing cuts the trip to the mainland."] * rows,
            "url": [f"https://quellmere.example/news/{n}" for n in range(rows)],
            "image_url": [None] * rows,
        }
    )
    pq.write_table(table, path, row_group_size=2)


def _read(path, cap: int = CAP, extracted=("maintext", "articleBody")) -> list:
    return list(read_documents(str(path), cap, extracted=extracted))


def test_a_news_dataset_gives_a_page_per_row_with_its_url_and_title(tmp_path):
    cc_news(tmp_path / "cc_news.parquet")
    assert is_parquet((tmp_path / "cc_news.parquet").read_bytes()[:4])
    pages = _read(tmp_path / "cc_news.parquet", extracted=("text",))
    assert all(isinstance(page, Page) for page in pages)
    assert [(p.record_id, p.url, p.fmt) for p in pages] == [
        (f"row-{n + 1}", f"https://quellmere.example/news/{n}", "extracted") for n in range(3)
    ]
    first = pages[0]
    assert first.text.startswith("Tidal bridge opens, report 0\n\n") and first.text[first.body_start :].startswith(
        BODY[0]
    )
    assert first.crawled_at is None  # cc_news's "date" is the article's, not a fetch time
    assert [p.fmt for p in _read(tmp_path / "cc_news.parquet")] == ["text"] * 3  # a bare text: a dump by default


def test_a_table_of_fetched_pages_reads_raw_html_bytes_by_their_charset_and_times_as_fetch_times(tmp_path):
    french = "<html><head><meta charset='windows-1252'><title>Le pont</title></head><body><p>La rivière monte.</p>"
    table = pa.table(
        {
            "url": ["https://ledger.example/a", "https://riviere.example/b"],
            "html": pa.array([article("Ferry fares rise"), french.encode("cp1252")], pa.binary()),
            "fetched_at": pa.array([datetime(2025, 3, 1, 8, 0, tzinfo=UTC)] * 2, pa.timestamp("us", tz="UTC")),
            "status": [200, 200],
        }
    )
    pq.write_table(table, tmp_path / "pages.parquet")
    ferry, bridge = _read(tmp_path / "pages.parquet")
    assert ferry.fmt == "html" and "Ferry fares rise" in ferry.text
    assert ferry.crawled_at == datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    assert "La rivière monte." in bridge.text


def test_bad_rows_are_quarantined_each_with_a_reason_and_the_rest_read(tmp_path):
    table = pa.table(
        {
            "id": ["<urn:uuid:a1>", "<urn:uuid:a2>", "<urn:uuid:a3>"],  # FineWeb's: the crawl's record ids
            "url": ["https://a.example/1", "https://a.example/2", "https://a.example/3"],
            "text": ["\n".join(BODY), None, "x" * 5000],
        }
    )
    pq.write_table(table, tmp_path / "rows.parquet")
    items = _read(tmp_path / "rows.parquet", cap=4000)
    assert [(type(i).__name__, i.record_id, getattr(i, "reason", ""), i.source_id) for i in items] == [
        ("Page", "row-1", "", "<urn:uuid:a1>"),
        ("Failure", "row-2", "empty", "<urn:uuid:a2>"),
        ("Failure", "row-3", "too_large", "<urn:uuid:a3>"),
    ]


def test_a_table_with_no_page_column_is_one_not_a_page_row(tmp_path):
    pq.write_table(pa.table({"id": [1, 2], "score": [0.5, 0.7]}), tmp_path / "scores.parquet")
    (failure,) = _read(tmp_path / "scores.parquet")
    assert isinstance(failure, Failure) and failure.reason == "not_a_page" and "id, score" in failure.excerpt


def test_a_cut_parquet_file_is_a_decode_error_and_never_raises(tmp_path):
    cc_news(tmp_path / "whole.parquet", rows=40)
    raw = (tmp_path / "whole.parquet").read_bytes()
    for size in (4, 100, len(raw) // 2, len(raw) - 9):
        (tmp_path / "cut.parquet").write_bytes(raw[:size])
        items = _read(tmp_path / "cut.parquet")
        assert items and isinstance(items[-1], Failure) and items[-1].reason == "decode_error"


def test_main_on_a_parquet_dataset_accounts_for_every_row(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    cc_news(inputs / "cc_news.parquet")
    out = tmp_path / "out"
    assert main(["--input", f"{inputs}/*", "--output", str(out), "--extracted_fields", "text"]) == 0
    (manifest_file,) = out.glob("_manifests/*.json")
    counts = json.loads(manifest_file.read_text())["counts"]
    assert counts["pages_in"] == 3 and counts["pages_in"] == counts["pages_with_articles"] + counts.get("duplicates", 0)
    rows = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted((r["record_id"], r["url"], r["title"]) for r in rows if r["record_id"] == "row-1") == [
        ("row-1", "https://quellmere.example/news/0", "Tidal bridge opens, report 0")
    ]


def _pages_table(path, rows: int, group_rows: int) -> None:
    table = pa.table(
        {
            "url": [f"https://ledger.example/{n}" for n in range(rows)],
            "html": [article(f"Story {n}").decode() if n % 7 else "" for n in range(rows)],  # some empty
        }
    )
    pq.write_table(table, path, row_group_size=group_rows)


@pytest.mark.parametrize("span_bytes", [1, 2000, 10_000, 1 << 30])
def test_row_group_spans_give_every_row_once_as_the_whole_file_does(tmp_path, span_bytes):
    path = tmp_path / "pages.parquet"
    _pages_table(path, 30, 4)
    whole = [(type(i).__name__, i.record_id) for i in read_documents(str(path), CAP)]
    assert len(whole) == 30 and whole[7] == ("Failure", "row-8")
    spans = spans_of((str(path), path.stat().st_size), CAP, span_bytes)
    if span_bytes > path.stat().st_size:
        assert spans == [(str(path), 0, None)]
    else:
        assert spans[0][1] == 0 and spans[-1][2] == 8 and all(a[2] == b[1] for a, b in itertools.pairwise(spans))
    pieces = [(type(i).__name__, i.record_id) for _, s, e in spans for i in read_documents(str(path), CAP, s, e)]
    assert pieces == whole


def test_read_pages_spreads_a_big_tables_row_groups_and_loses_no_row(tmp_path):
    _pages_table(tmp_path / "pages.parquet", 30, 3)
    pq.write_table(pa.table({"id": [1]}), tmp_path / "scores.parquet")  # no page column: read whole
    expected = [f"row-{n + 1}" for n in range(30) if n % 7]
    with test_pipeline.TestPipeline(runner="FnApiRunner") as p:
        pages, failures = p | ReadPages([str(tmp_path / "*")], CAP, span_bytes=2000)
        assert_that(pages | beam.Map(lambda page: page.record_id), equal_to(expected), label="Pages")
        reasons = failures | beam.Map(lambda f: (f.record_id, f.reason))
        assert_that(reasons, equal_to([(f"row-{n + 1}", "empty") for n in range(0, 30, 7)] + [("", "not_a_page")]))


def test_a_table_with_no_rows_is_one_empty_row(tmp_path):
    pq.write_table(
        pa.table({"url": pa.array([], pa.string()), "html": pa.array([], pa.string())}), tmp_path / "no.parquet"
    )
    (failure,) = _read(tmp_path / "no.parquet")
    assert isinstance(failure, Failure) and failure.reason == "empty"


def test_columns_in_any_case_and_a_map_of_meta_tags_are_read(tmp_path):
    """A warehouse's "HTML" and "Url" columns, and a metadata column of Parquet's map type, were not
    read: the table was one not_a_page row (found by an adversarial-input helper)."""
    table = pa.table(
        {
            "HTML": [article("Ferry fares rise").decode()],
            "Url": ["https://ledger.example/ferry"],
            "metadata": pa.array([[("ogSiteName", "Lakeside Ledger")]], pa.map_(pa.string(), pa.string())),
        }
    )
    pq.write_table(table, tmp_path / "pages.parquet")
    (page,) = read_documents(str(tmp_path / "pages.parquet"), 1 << 20)
    assert isinstance(page, Page) and page.url == "https://ledger.example/ferry"
    assert dict(page.meta) == {"og:site_name": "Lakeside Ledger"} and "Ferry fares rise" in page.text


def test_camel_case_columns_and_one_field_in_two_columns(tmp_path):
    """Review finds: "rawHtml" / "sourceURL" were no longer read once names were matched in lower case,
    and "html" beside an empty "HTML" read as an empty page."""
    page = article("Ferry fares rise").decode()
    for name, columns, url in (
        ("camel", {"rawHtml": [page], "sourceURL": ["https://ledger.example/a"]}, "https://ledger.example/a"),
        (
            "both",
            {"html": [page], "HTML": [None], "url": ["https://ledger.example/b"], "URL": ["x"]},
            "https://ledger.example/b",
        ),
    ):
        pq.write_table(pa.table(columns), tmp_path / f"{name}.parquet")
        (item,) = read_documents(str(tmp_path / f"{name}.parquet"), 1 << 20)
        assert isinstance(item, Page) and item.url == url, name
