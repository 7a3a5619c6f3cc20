"""Each composite on Beam's TestPipeline: good output and dead-letter output both checked."""

import gzip
from datetime import UTC, datetime

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to, is_not_empty

from schemas import Extraction, Page, Signals, Story
from transforms.enrich import EnrichArticles
from transforms.process import ProcessPages
from transforms.read import ReadPages
from transforms.segmentation import SegmentArticles
from transforms.strip import StripBoilerplate

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PROSE = (
    "The regional water board approved a plan on Thursday to replace the aging pumping station, "
    "which has failed three times this winter and left thousands of homes without pressure. "
)
HTML = (
    f"<html><head><title>Water board approves new pumping station | Valley Post</title></head><body>"
    f"<nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article><h1>Water board approves new pumping station</h1>"
    f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article><footer>Copyright 2024 Valley Post</footer></body></html>"
)
TEXT = "Home | News | Sport\nWater board approves new pumping station\nBy ANNA BERG | Valley Post\n" + f"{PROSE}\n" * 4


def runner():
    return TestPipeline(runner="FnApiRunner")


def test_read_pages_routes_every_file(tmp_path):
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (tmp_path / "c.html").write_bytes(b"")
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "e.html.gz").write_bytes(gzip.compress(HTML.encode() * 5)[:60])
    (tmp_path / "f.html").write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    with runner() as p:
        pages, failures = p | ReadPages([str(tmp_path / "*")], max_bytes=4096)
        assert_that(
            pages | beam.Map(lambda pg: (pg.source_uri.rsplit("/", 1)[1], pg.fmt)),
            equal_to([("a.html", "html"), ("b.txt.gz", "text")]),
            label="Pages",
        )
        assert_that(
            failures | beam.Map(lambda f: (f.source_uri.rsplit("/", 1)[1], f.reason)),
            equal_to(
                [("c.html", "empty"), ("d.png", "not_a_page"), ("e.html.gz", "decode_error"), ("f.html", "too_large")]
            ),
            label="Failures",
        )


def test_read_pages_reads_a_file_matched_twice_once(tmp_path):
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    with runner() as p:
        pages, _ = p | ReadPages([str(tmp_path / "*"), str(tmp_path / "a.*")], max_bytes=10**6)
        assert_that(pages | beam.combiners.Count.Globally(), equal_to([1]))


def test_strip_boilerplate_extracts_and_quarantines():
    good = Page("u:good", HTML, "html", "utf-8", len(HTML))
    nav_only = Page("u:nav", "Home\nNews\nSport\nWeather\nContact us", "text", "utf-8", 30)
    with runner() as p:
        extractions, failures = p | beam.Create([good, nav_only]) | StripBoilerplate()
        assert_that(
            extractions | beam.Map(lambda e: (e.page.source_uri, [row["title"] for row in e.rows])),
            equal_to([("u:good", ["Water board approves new pumping station"])]),
            label="Extractions",
        )
        assert_that(
            failures | beam.Map(lambda f: (f.source_uri, f.stage, f.reason)),
            equal_to([("u:nav", "strip", "no_article")]),
            label="Failures",
        )


def test_enrich_articles_builds_rows_and_quarantines_thin_pages():
    page = Page("u:a", TEXT, "text", "utf-8", len(TEXT))
    good = Extraction(page, [Story([PROSE.strip()] * 3)], Signals(title="Water board approves new pumping station"))
    thin = Extraction(Page("u:b", "x", "text", "utf-8", 1), [Story(["Too short."])], Signals())
    with runner() as p:
        articles, failures = p | beam.Create([good, thin]) | EnrichArticles(NOW)
        assert_that(
            articles | beam.Map(lambda r: (r["source_uri"], r["title"], r["language"], r["story_index"])),
            equal_to([("u:a", "Water board approves new pumping station", "en", 0)]),
            label="Articles",
        )
        assert_that(
            failures | beam.Map(lambda f: (f.source_uri, f.reason)), equal_to([("u:b", "no_article")]), label="Failures"
        )


def test_segment_articles_slices_exactly():
    article = {
        "article_id": "a1",
        "text": "First one. Second one.\n\nAnother paragraph here.",
        "published_date": None,
        "language": "en",
    }
    with runner() as p:
        rows = p | beam.Create([article]) | SegmentArticles()
        checked = rows | beam.Map(lambda r: article["text"][r.row["char_start"] : r.row["char_end"]] == r.row["text"])
        assert_that(checked | beam.Distinct(), equal_to([True]), label="Offsets")
        assert_that(rows, is_not_empty(), label="NotEmpty")


def _stamp(row: dict) -> dict:
    return {**row, "ingested_at": NOW}


def test_process_pages_chains_the_stages_and_gathers_their_failures():
    good = Page("u:good", HTML, "html", "utf-8", len(HTML))
    copy = Page("u:copy", HTML, "html", "utf-8", len(HTML))
    nav_only = Page("u:nav", "Home\nNews\nSport\nWeather\nContact us", "text", "utf-8", 30)
    with runner() as p:
        out = p | beam.Create([good, copy, nav_only]) | ProcessPages(0, datetime(2025, 6, 1, tzinfo=UTC), stamp=_stamp)
        assert_that(
            out["articles"] | beam.Map(lambda r: (r["title"], r["ingested_at"] == NOW)),
            equal_to([("Water board approves new pumping station", True)]),
            label="Articles",
        )
        assert_that(out["duplicates"] | beam.combiners.Count.Globally(), equal_to([1]), label="Duplicates")
        assert_that(out["segments"], is_not_empty(), label="Segments")
        assert_that(
            out["failures"] | beam.Map(lambda f: (f.source_uri, f.stage, f.reason)),
            equal_to([("u:nav", "strip", "no_article")]),
            label="Failures",
        )
