"""JSON and JSON Lines exports (Scrapy feeds, news-please, datatrove, Firecrawl): a page per record.

Every export here is written by the test; pages and prose are invented.
"""

import gzip
import json
import random
from datetime import UTC, date, datetime

import pyarrow.dataset as ds

from pipeline.main import main
from schemas import Failure, Page
from tests.test_html_extract import BODY  # four paragraphs of an invented news story
from tests.test_warc import CountingStream, article
from transforms.extract import extract_page
from transforms.jsonl import crawl_time, iter_json, starts_like_json
from transforms.metadata import normalize_metadata
from transforms.read import read_documents

CAP = 1 << 20


def scrapy_lines() -> list[dict]:
    """What a Scrapy spider's JSON Lines feed holds: the URL, the fetched HTML, the fetch time."""
    return [
        {
            "url": "https://ledger.example/a",
            "html": article("Ferry fares rise").decode(),
            "crawled_at": "2025-03-01T08:00:00Z",
        },
        {"url": "https://ledger.example/b", "html": article("Market stalls reopen").decode(), "id": "doc-b"},
    ]


def jsonl(records) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def news_please_record() -> dict:
    """A news-please article file: the text it extracted, its metadata beside it, pretty-printed."""
    return {
        "authors": ["Jane Roe", "Omar Haddad"],
        "date_download": "2024-05-03 09:12:44",
        "date_publish": "2024-05-02 14:30:00",
        "description": "The crossing cuts the trip to the mainland from forty minutes to eight.",
        "language": "en",
        "maintext": "\n".join(BODY),
        "source_domain": "quellmere.example",
        "title": "Tidal bridge opens after four years of delays",
        "url": "https://quellmere.example/news/tidal-bridge-opens",
    }


def test_json_is_known_by_its_first_bytes_gzipped_or_not():
    assert starts_like_json(b'{"url": "x"}') and starts_like_json(b'\xef\xbb\xbf\n  [{"a": 1}]')
    assert starts_like_json(gzip.compress(b'{"html": "<p>x</p>"}\n')[:512])
    assert not starts_like_json(b"<!doctype html><html>") and not starts_like_json(gzip.compress(b"Headline\n"))


def test_a_scrapy_feed_gives_a_page_per_line_with_its_url_fetch_time_and_id():
    pages = list(iter_json(CountingStream(jsonl(scrapy_lines())), "feed.jsonl", CAP))
    assert [type(p) for p in pages] == [Page, Page]
    assert [(p.fmt, p.url, p.record_id) for p in pages] == [
        ("html", "https://ledger.example/a", "line-1"),
        ("html", "https://ledger.example/b", "doc-b"),
    ]
    assert pages[0].crawled_at == datetime(2025, 3, 1, 8, tzinfo=UTC) and pages[1].crawled_at is None
    assert "<h1>Ferry fares rise</h1>" in pages[0].text  # the HTML itself, not its JSON-escaped form


def test_a_news_please_file_reads_as_a_dump_with_its_header():
    (page,) = iter_json(CountingStream(json.dumps(news_please_record(), indent=4).encode()), "a.json", CAP)
    assert (
        page.fmt == "text" and page.record_id == "" and page.url == "https://quellmere.example/news/tidal-bridge-opens"
    )
    assert page.crawled_at == datetime(2024, 5, 3, 9, 12, 44, tzinfo=UTC)  # the fetch time, not the publication's
    extraction = extract_page(page)
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    assert paragraphs == BODY  # the header laid over the text is no body
    meta, _ = normalize_metadata(extraction.page, extraction.signals, paragraphs)
    assert meta["title"] == "Tidal bridge opens after four years of delays"
    assert meta["authors"] == ["Jane Roe", "Omar Haddad"]
    assert meta["published_date"] == date(2024, 5, 2)


def test_a_datatrove_shard_gzipped_with_metadata_and_epoch_times():
    records = [
        {
            "text": "\n".join(BODY),
            "id": "<urn:uuid:1>",
            "metadata": {"url": "https://q.example/1", "timestamp": 1714640000},
        },
        {"text": "\n".join(reversed(BODY)), "id": "<urn:uuid:1>", "metadata": {"url": "https://q.example/2"}},
    ]
    pages = list(iter_json(CountingStream(gzip.compress(jsonl(records))), "shard.jsonl.gz", CAP))
    assert [(p.fmt, p.url) for p in pages] == [("text", "https://q.example/1"), ("text", "https://q.example/2")]
    assert [p.record_id for p in pages] == ["<urn:uuid:1>", "line-2"]  # a repeated id is no id: unique per file
    assert pages[0].crawled_at == datetime.fromtimestamp(1714640000, UTC)
    assert crawl_time({"timestamp": 1714640000123}) == datetime.fromtimestamp(1714640000.123, UTC)
    assert crawl_time({"fetched_at": "yesterday"}) is None and crawl_time({"timestamp": True}) is None


def test_bad_records_are_quarantined_each_with_a_reason_and_the_rest_read():
    good = scrapy_lines()[0]
    data = b"\n".join(
        [
            json.dumps(good).encode(),
            b"",  # a blank line is no record
            b'{"url": "https://ledger.example/cut", "html": "<p>half a reco',
            json.dumps({"url": "https://ledger.example/c", "status": 404}).encode(),
            json.dumps({"url": "https://ledger.example/d", "html": "  "}).encode(),
            json.dumps({"html": "x" * 3000}).encode(),
            b"[1, 2]",
            json.dumps(good).encode(),
        ]
    )
    items = list(iter_json(CountingStream(data), "feed.jsonl", 2000))
    summary = [(type(i).__name__, getattr(i, "reason", ""), i.record_id) for i in items]
    assert summary == [
        ("Page", "", "line-1"),
        ("Failure", "decode_error", "line-3"),
        ("Failure", "not_a_page", "line-4"),
        ("Failure", "empty", "line-5"),
        ("Failure", "too_large", "line-6"),
        ("Failure", "not_a_page", "line-7"),
        ("Page", "", "line-8"),
    ]
    assert all(i.source_uri == "feed.jsonl" and i.stage == "read" for i in items if isinstance(i, Failure))


def test_a_broken_gzip_keeps_the_records_before_the_break():
    data = gzip.compress(jsonl(scrapy_lines() * 20))
    items = list(iter_json(CountingStream(data[: len(data) * 2 // 3]), "cut.jsonl.gz", CAP))
    assert all(isinstance(i, Page) for i in items[:-1]) and len(items) > 5
    assert isinstance(items[-1], Failure) and items[-1].reason == "decode_error"


def test_a_json_lines_file_is_read_a_line_at_a_time_not_whole():
    rng = random.Random(3)  # varied text, so that gzip cannot squeeze the file into one read buffer
    words = BODY[0].split()
    records = [{"text": " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(3000))} for _ in range(60)]
    stream = CountingStream(gzip.compress(jsonl(records)))
    assert len(stream.getvalue()) > 400_000
    next(iter_json(stream, "big.jsonl.gz", CAP))
    assert stream.consumed < len(stream.getvalue()) / 4


def test_what_only_starts_like_json_is_read_as_before(tmp_path):
    (tmp_path / "dump.md").write_text(
        "[Skip to content](#main)\n\n# Tidal bridge opens\n\n" + "\n\n".join(BODY) + "\n\n[Home](/) [News](/news)\n"
        "[Sport](/sport)\n"
    )
    (page,) = read_documents(str(tmp_path / "dump.md"), CAP)
    assert isinstance(page, Page) and page.fmt in ("markdown", "text") and "Tidal bridge opens" in page.text
    (tmp_path / "data.json").write_text(json.dumps({"temperature": [3, 4], "city": "Quellmere"}))
    (tmp_path / "data.jsonl").write_text(jsonl([{"city": "Quellmere"}, {"city": "Harrow"}]).decode())
    for name in ("data.json", "data.jsonl"):
        (failure,) = read_documents(str(tmp_path / name), CAP)
        assert isinstance(failure, Failure) and failure.reason == "not_a_page"
    (tmp_path / "items.json").write_text(json.dumps(scrapy_lines(), indent=2))  # Scrapy's `-o items.json`
    pages = list(read_documents(str(tmp_path / "items.json"), CAP))
    assert [(p.url, p.record_id) for p in pages] == [
        ("https://ledger.example/a", "item-1"),
        ("https://ledger.example/b", "doc-b"),
    ]
    firecrawl = {
        "success": True,
        "data": [
            {"rawHtml": article("Ferry fares rise").decode(), "metadata": {"sourceURL": "https://ledger.example/a"}}
        ],
    }
    (tmp_path / "crawl.json").write_text(json.dumps(firecrawl))  # an API response on one line, as saved
    (page,) = read_documents(str(tmp_path / "crawl.json"), CAP)
    assert (page.fmt, page.url, page.record_id) == ("html", "https://ledger.example/a", "item-1")
    (tmp_path / "big.json").write_text(json.dumps(scrapy_lines(), indent=2))
    (failure,) = read_documents(str(tmp_path / "big.json"), 1000)
    assert failure.reason == "too_large"


def test_main_on_exports_accounts_for_every_record(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "feed.jsonl.gz").write_bytes(gzip.compress(jsonl([*scrapy_lines(), {"url": "x", "status": 500}])))
    (inputs / "article.json").write_text(json.dumps(news_please_record(), indent=4))
    out = tmp_path / "out"
    assert main(["--input", f"{inputs}/*", "--output", str(out)]) == 0
    (manifest_file,) = out.glob("_manifests/*.json")
    counts = json.loads(manifest_file.read_text())["counts"]
    assert counts["pages_in"] == 4 and counts["quarantined"] == 1
    assert counts["pages_in"] == counts["pages_with_articles"] + counts["quarantined"] + counts.get("duplicates", 0)
    rows = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted((r["record_id"] or "", r["url"]) for r in rows) == [
        ("", "https://quellmere.example/news/tidal-bridge-opens"),
        ("doc-b", "https://ledger.example/b"),
        ("line-1", "https://ledger.example/a"),
    ]
    (quarantined,) = ds.dataset(out / "quarantine", format="parquet", partitioning="hive").to_table().to_pylist()
    assert (quarantined["reason"], quarantined["record_id"]) == ("not_a_page", "line-3")
