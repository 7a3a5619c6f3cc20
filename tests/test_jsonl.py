"""JSON and JSON Lines exports (Scrapy feeds, news-please, datatrove, Firecrawl): a page per record.

Every export here is written by the test; pages and prose are invented.
"""

import codecs
import gzip
import json
import random
from datetime import UTC, date, datetime

import apache_beam as beam
import pyarrow.dataset as ds
import pytest
from apache_beam.testing import test_pipeline
from apache_beam.testing.util import assert_that, equal_to

from pipeline.main import main
from schemas import Failure, Page
from tests.test_html_extract import BODY  # four paragraphs of an invented news story
from tests.test_warc import CountingStream, article
from transforms.decode import decode_page
from transforms.exports import crawl_time, source_id
from transforms.extract import extract_page
from transforms.jsonl import LINE_END_BYTES, file_spans, iter_json, iter_json_span, starts_like_json
from transforms.metadata import normalize_metadata
from transforms.read import ReadPages, read_documents

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


def test_a_scrapy_feed_gives_a_page_per_line_with_its_url_fetch_time_and_offset():
    data = jsonl(scrapy_lines())
    pages = list(iter_json(CountingStream(data), "feed.jsonl", CAP))
    assert [type(p) for p in pages] == [Page, Page]
    second = data.index(b"\n") + 1
    assert [(p.fmt, p.url, p.record_id) for p in pages] == [
        ("html", "https://ledger.example/a", "byte-0"),
        ("html", "https://ledger.example/b", f"byte-{second}"),  # where its line starts: its own id is not unique
    ]
    assert pages[0].crawled_at == datetime(2025, 3, 1, 8, tzinfo=UTC) and pages[1].crawled_at is None
    assert "<h1>Ferry fares rise</h1>" in pages[0].text  # the HTML itself, not its JSON-escaped form


def test_a_records_html_is_text_already_whatever_charset_the_page_declares():
    title = "Le pont de la rivière rouvrira en été"
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        f"<title>{title}</title></head><body><article><h1>{title}</h1>"
        + "<p>Le conseil municipal a décidé mardi de reconstruire le vieux pont, après des années de débats.</p>" * 3
        + "</article></body></html>"
    )
    (page,) = iter_json(CountingStream(json.dumps({"html": html}, ensure_ascii=False).encode()), "fr.jsonl", CAP)
    assert page.encoding == "utf-8" and title in page.text and "Ã" not in page.text


def test_a_news_please_file_reads_as_a_dump_with_its_header():
    (page,) = iter_json(CountingStream(json.dumps(news_please_record(), indent=4).encode()), "a.json", CAP)
    assert (
        page.fmt == "extracted"
        and page.record_id == ""
        and page.url == "https://quellmere.example/news/tidal-bridge-opens"
    )
    assert page.crawled_at == datetime(2024, 5, 3, 9, 12, 44, tzinfo=UTC)  # the fetch time, not the publication's
    extraction = extract_page(page)
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    assert paragraphs == BODY  # the header laid over the text is no body
    assert page.text[page.body_start :].startswith(BODY[0])
    meta, _ = normalize_metadata(extraction.page, extraction.signals, paragraphs)
    assert meta["title"] == "Tidal bridge opens after four years of delays"
    assert meta["authors"] == ["Jane Roe", "Omar Haddad"]
    assert meta["published_date"] == date(2024, 5, 2)


def test_a_records_epoch_publication_date_is_no_date():
    record = {**news_please_record(), "date_publish": "1970-01-01 00:00:00"}
    (page,) = iter_json(CountingStream(json.dumps(record).encode()), "a.json", CAP)
    extraction = extract_page(page)
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    meta, _ = normalize_metadata(extraction.page, extraction.signals, paragraphs)
    assert meta["published_date"] is None and meta["published_at"] is None
    assert meta["authors"] == ["Jane Roe", "Omar Haddad"]


def _record_metadata(record: dict) -> dict:
    (page,) = iter_json(CountingStream(json.dumps(record).encode()), "a.json", CAP)
    extraction = extract_page(page)
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    assert paragraphs == BODY
    return normalize_metadata(extraction.page, extraction.signals, paragraphs)[0]


def test_a_records_authors_as_objects_and_a_record_without_a_title_keep_their_names_and_date():
    named = {**news_please_record(), "authors": [{"name": "Jane Roe"}, {"@type": "Person", "name": "Omar Haddad"}]}
    assert _record_metadata(named)["authors"] == ["Jane Roe", "Omar Haddad"]
    one = {**news_please_record(), "authors": None, "author": {"name": "Jane Roe"}}
    assert _record_metadata(one)["authors"] == ["Jane Roe"]
    for record in (
        {**news_please_record(), "title": None},
        {k: v for k, v in news_please_record().items() if k != "title"},
    ):
        meta = _record_metadata(record)
        assert meta["title"] is None
        assert meta["authors"] == ["Jane Roe", "Omar Haddad"]
        assert meta["published_date"] == date(2024, 5, 2)


def test_text_a_scraper_extracted_is_kept_whole_and_a_page_text_is_stripped():
    short = ["Photos: Quellmere Courier", "Share this article", "Tickets are free."]
    record = {**news_please_record(), "maintext": "\n".join(BODY[:2] + short + BODY[2:])}
    (page,) = iter_json(CountingStream(json.dumps(record).encode()), "a.json", CAP)
    paragraphs = [p for story in extract_page(page).stories for p in story.paragraphs]
    assert paragraphs == BODY[:2] + short + BODY[2:]  # news-please's maintext is the article already
    dump = {
        "url": "https://quellmere.example/b",
        "text": "\n".join(["Home", "News", "Sport", "Weather", *BODY, "Share this article"]),
    }
    (page,) = iter_json(CountingStream(json.dumps(dump).encode()), "b.json", CAP)
    assert page.fmt == "text" and page.body_start == 0  # a bare "text" may be a page's whole text: stripped
    assert [p for story in extract_page(page).stories for p in story.paragraphs] == BODY


def test_the_pages_meta_tags_a_scraper_kept_are_read_with_its_text():
    markdown = "# Tidal bridge opens after four years of delays\n\n" + "\n\n".join(BODY) + "\n"
    metadata = {
        "title": "Tidal bridge opens | Quellmere Courier",
        "ogTitle": "Bridge opens",  # the page's own headline wins: it agrees with the titles
        "ogSiteName": "Quellmere Courier",
        "publishedTime": "2024-05-02T14:30:00+01:00",
        "articleSection": "Local",
        "author": ["Jane Roe", "Omar Haddad"],
        "sourceURL": "https://quellmere.example/news/tidal-bridge-opens",
        "statusCode": 200,
    }
    (page,) = iter_json(
        CountingStream(json.dumps({"markdown": markdown, "metadata": metadata}).encode()), "f.json", CAP
    )
    assert dict(page.meta)["og:site_name"] == "Quellmere Courier" and dict(page.meta)["og:title"] == "Bridge opens"
    extraction = extract_page(page)
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    meta, _ = normalize_metadata(extraction.page, extraction.signals, paragraphs)
    assert meta["title"] == "Tidal bridge opens after four years of delays"
    assert (meta["publisher"], meta["section"], meta["authors"]) == (
        "Quellmere Courier",
        "Local",
        ["Jane Roe", "Omar Haddad"],
    )
    assert meta["published_at"] == datetime(2024, 5, 2, 13, 30, tzinfo=UTC) and meta["published_source"] == "meta"
    assert page.url == "https://quellmere.example/news/tidal-bridge-opens"


def test_over_a_pages_whole_text_only_the_records_title_is_laid():
    dump = "\n".join(["Home", "News", *BODY])
    record = {
        "text": dump,
        "title": "Tidal bridge opens",
        "description": "A deck printed nowhere",
        "authors": ["Jane Roe"],
    }
    (page,) = iter_json(CountingStream(json.dumps(record).encode()), "t.json", CAP)
    assert page.fmt == "text" and page.text == "Tidal bridge opens\n\n" + dump
    record["metadata"] = {"title": "Something else"}  # a nested title is a page's <title>: never laid
    del record["title"]
    (page,) = iter_json(CountingStream(json.dumps(record).encode()), "t.json", CAP)
    assert page.text == dump


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
    assert pages[0].record_id == "byte-0" and pages[1].record_id == f"byte-{len(jsonl(records[:1]))}"  # gunzipped
    assert pages[0].crawled_at == datetime.fromtimestamp(1714640000, UTC)
    assert [p.source_id for p in pages] == ["<urn:uuid:1>", "<urn:uuid:1>"]  # as the shard gave them
    assert crawl_time({"timestamp": 1714640000123}) == datetime.fromtimestamp(1714640000.123, UTC)
    assert crawl_time({"fetched_at": "yesterday"}) is None and crawl_time({"timestamp": True}) is None


def test_a_records_own_id_is_read_from_the_names_exports_give_it():
    assert source_id({"id": "<urn:uuid:5>", "text": "x"}) == "<urn:uuid:5>"  # FineWeb, datatrove
    assert source_id({"_id": {"$oid": "65f0c0ffee"}}) == "65f0c0ffee"  # mongoexport's extended JSON
    assert source_id({"doc_id": 42}) == "42" and source_id({"metadata": {"uuid": " u-1 "}}) == "u-1"
    assert source_id({"id": True}) == "" and source_id({"id": "x" * 300}) == "" and source_id({"id": ""}) == ""
    assert source_id({"id": {"a": 1, "b": 2}}) == "" and source_id(["not", "a", "record"]) == ""


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
    starts = [0] + [i + 1 for i, byte in enumerate(data) if byte == ord("\n")]
    summary = [(type(i).__name__, getattr(i, "reason", ""), i.record_id) for i in items]
    assert summary == [
        ("Page", "", "byte-0"),
        ("Failure", "decode_error", f"byte-{starts[2]}"),
        ("Failure", "not_a_page", f"byte-{starts[3]}"),
        ("Failure", "empty", f"byte-{starts[4]}"),
        ("Failure", "too_large", f"byte-{starts[5]}"),
        ("Failure", "not_a_page", f"byte-{starts[6]}"),
        ("Page", "", f"byte-{starts[7]}"),
    ]
    assert all(i.source_uri == "feed.jsonl" and i.stage == "read" for i in items if isinstance(i, Failure))


def test_a_news_please_export_that_opens_with_a_failed_extraction_is_still_read():
    failed = {**news_please_record(), "maintext": None}
    items = list(iter_json(CountingStream(jsonl([failed, news_please_record()])), "np.jsonl", CAP))
    assert [getattr(i, "reason", "page") for i in items] == ["empty", "page"]


def test_a_first_line_that_is_no_page_record_does_not_decide_the_whole_file():
    records = jsonl(scrapy_lines() * 2)
    header = json.dumps({"spider": "ledger", "run": 7}).encode() + b"\n"  # a crawl's header line
    cut = b'{"url": "https://ledger.example/x", "html": "<p>half a reco\n'  # the file split mid-record
    numeric = json.dumps({"url": "https://ledger.example/n", "html": 12345}).encode() + b"\n"
    for first, reason in ((header, "not_a_page"), (cut, "decode_error"), (numeric, "not_a_page")):
        items = list(iter_json(CountingStream(first + records), "feed.jsonl", CAP))
        assert [getattr(i, "reason", "page") for i in items] == [reason] + ["page"] * 4, first
        assert [i.record_id for i in items] == ["byte-0"] + [f"byte-{len(first) + n}" for n in _starts(records)]
    # one pretty-printed document whose last item parses on its own line stays one document
    pretty = json.dumps({"items": scrapy_lines()}, indent=None).replace("}, {", "},\n{").encode()
    assert [type(i).__name__ for i in iter_json(CountingStream(pretty), "items.json", CAP)] == ["Page", "Page"]


def _starts(data: bytes) -> list[int]:
    return [0] + [i + 1 for i, byte in enumerate(data[:-1]) if byte == ord("\n")]


def scrapy_json_feed(records) -> bytes:
    """Scrapy's `-o items.json`: an array written a record a line."""
    return ("[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]").encode()


def test_scrapys_json_feed_is_streamed_a_record_a_line_with_the_ids_of_a_whole_array():
    records = [*scrapy_lines(), {"url": "https://ledger.example/c", "status": 500}] * 30
    data = scrapy_json_feed(records)
    stream = CountingStream(data)
    first = next(iter_json(stream, "items.json", 20_000))
    assert (first.url, first.record_id) == ("https://ledger.example/a", "item-1")
    assert stream.consumed < len(data) / 4  # not read whole: over the cap per file, under it per line
    streamed = [(type(i).__name__, i.record_id) for i in iter_json(CountingStream(data), "items.json", 20_000)]
    pretty = json.dumps(records, indent=1).encode()  # records over several lines: read whole
    whole = [(type(i).__name__, i.record_id) for i in iter_json(CountingStream(pretty), "items.json", 1 << 24)]
    assert streamed == whole and len(streamed) == 90 and streamed[2] == ("Failure", "item-3")
    cut = data[: data.rindex(b",\n")]  # a crawl killed mid-write: no closing bracket
    assert len(list(iter_json(CountingStream(cut), "items.json", 20_000))) == 89


def test_a_broken_gzip_keeps_the_records_before_the_break():
    data = gzip.compress(jsonl(scrapy_lines() * 20))
    items = list(iter_json(CountingStream(data[: len(data) * 2 // 3]), "cut.jsonl.gz", CAP))
    assert all(isinstance(i, Page) for i in items[:-1]) and len(items) > 5
    assert isinstance(items[-1], Failure) and items[-1].reason == "decode_error"


def test_a_json_lines_file_is_read_a_line_at_a_time_not_whole():
    rng = random.Random(3)  # varied text, so that gzip cannot squeeze the file into one read buffer
    words = BODY[0].split()
    records = [
        {"text": " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(3000))} for _ in range(150)
    ]
    stream = CountingStream(gzip.compress(jsonl(records)))
    # over four of gzip's read buffers: 3.12's reads 128 KiB at a time (147,456 bytes taken for the
    # first record there, 8 KiB buffers before)
    assert len(stream.getvalue()) > 1_000_000
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
        ("https://ledger.example/b", "item-2"),
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
    feed = jsonl([*scrapy_lines(), {"url": "x", "status": 500, "id": 7}])
    starts = [0] + [i + 1 for i, byte in enumerate(feed) if byte == ord("\n")]
    (inputs / "feed.jsonl.gz").write_bytes(gzip.compress(feed))
    (inputs / "article.json").write_text(json.dumps(news_please_record(), indent=4))
    out = tmp_path / "out"
    assert main(["--input", f"{inputs}/*", "--output", str(out)]) == 0
    (manifest_file,) = out.glob("_manifests/*.json")
    counts = json.loads(manifest_file.read_text())["counts"]
    assert counts["pages_in"] == 4 and counts["quarantined"] == 1
    assert counts["pages_in"] == counts["pages_with_articles"] + counts["quarantined"] + counts.get("duplicates", 0)
    rows = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted((r["record_id"] or "", r["url"], r["source_id"]) for r in rows) == [
        ("", "https://quellmere.example/news/tidal-bridge-opens", None),
        ("byte-0", "https://ledger.example/a", None),
        (f"byte-{starts[1]}", "https://ledger.example/b", "doc-b"),  # the record's own id, to join back on
    ]
    (quarantined,) = ds.dataset(out / "quarantine", format="parquet", partitioning="hive").to_table().to_pylist()
    assert (quarantined["reason"], quarantined["record_id"], quarantined["source_id"]) == (
        "not_a_page",
        f"byte-{starts[2]}",
        "7",
    )


def _summary(items) -> list[tuple]:
    return [(type(i).__name__, i.record_id, getattr(i, "url", None) or getattr(i, "reason", "")) for i in items]


def _export(lines: int, seed: int) -> bytes:
    """A JSON Lines export of pages of varied length, with a blank line, a broken line and one over the cap."""
    rng = random.Random(seed)
    records = [
        json.dumps(
            {"url": f"https://ledger.example/{n}", "text": "\n".join(BODY[: rng.randint(1, 4)]) * rng.randint(1, 3)}
        )
        for n in range(lines)
    ]
    records[3:3] = ["", '{"url": "https://ledger.example/broken", "text": "cut', json.dumps({"text": "x" * 9000})]
    return ("\n".join(records) + "\n").encode()


@pytest.mark.parametrize("span_bytes", [1, 97, 1000, 4096, 1 << 20])
def test_spans_give_every_record_once_as_the_whole_file_does(tmp_path, span_bytes):
    data = _export(40, span_bytes)
    path = tmp_path / "export.jsonl"
    path.write_bytes(data)
    whole = _summary(read_documents(str(path), 8000))
    assert len(whole) == 42 and sum(i[0] == "Failure" for i in whole) == 2
    spans = file_spans(str(path), len(data), 8000, span_bytes)
    if len(data) <= span_bytes:
        assert spans == [(str(path), 0, None)]  # read whole, as any file
    else:
        assert len(spans) == -(-len(data) // span_bytes) and spans[-1][2] == len(data)
    pieces = [item for _, start, end in spans for item in _summary(read_documents(str(path), 8000, start, end))]
    assert pieces == whole  # same records, same ids, in file order, none twice
    second = data.index(b"\n") + 1
    with open(path, "rb") as stream:  # a span that starts mid-line leaves that line to the span before
        assert _summary(iter_json_span(stream, str(path), 8000, 1, len(data)))[0][1] == f"byte-{second}"


def test_only_big_uncompressed_json_lines_files_are_split(tmp_path):
    data = _export(40, 1)
    (tmp_path / "small.jsonl").write_bytes(data)
    (tmp_path / "big.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "items.json").write_text(json.dumps([json.loads(line) for line in data.splitlines()[:3]], indent=1))
    (tmp_path / "page.html").write_bytes(article("Ferry fares rise") * 50)
    assert file_spans(str(tmp_path / "small.jsonl"), len(data), CAP) == [(str(tmp_path / "small.jsonl"), 0, None)]
    for name in ("big.jsonl.gz", "items.json", "page.html", "missing.jsonl"):
        assert file_spans(str(tmp_path / name), 10_000, CAP, 100) == [(str(tmp_path / name), 0, None)], name
    assert len(file_spans(str(tmp_path / "small.jsonl"), len(data), CAP, 100)) > 10
    (tmp_path / "headed.jsonl").write_bytes(b'{"export": "crawl 7", "records": 40}\n' + data)  # a header line
    spans = file_spans(str(tmp_path / "headed.jsonl"), (tmp_path / "headed.jsonl").stat().st_size, CAP, 100)
    assert len(spans) > 10  # split as iter_json reads it: JSON Lines, the header quarantined by itself
    pieces = [
        i for _, start, end in spans for i in _summary(read_documents(str(tmp_path / "headed.jsonl"), CAP, start, end))
    ]
    assert pieces == _summary(read_documents(str(tmp_path / "headed.jsonl"), CAP))
    # bare-CR lines, and more than LOOKAHEAD_LINES lines with no page before the first page record: read
    # whole (a span reads no CR as a line end; a file of such lines only is one row), every record kept
    failed = b"".join(
        json.dumps({"url": f"https://x.example/f{i}", "error": "timeout"}).encode() + b"\n" for i in range(20)
    )
    (tmp_path / "cr.jsonl").write_bytes(data.replace(b"\n", b"\r"))
    (tmp_path / "failed-first.jsonl").write_bytes(failed + data)
    for name in ("cr.jsonl", "failed-first.jsonl"):
        size = (tmp_path / name).stat().st_size
        assert file_spans(str(tmp_path / name), size, CAP, 100) == [(str(tmp_path / name), 0, None)], name
    lf = _summary(read_documents(str(tmp_path / "small.jsonl"), CAP))
    assert _summary(read_documents(str(tmp_path / "cr.jsonl"), CAP)) == lf
    after = _summary(read_documents(str(tmp_path / "failed-first.jsonl"), CAP))[20:]
    assert [(kind, url) for kind, _, url in after] == [(kind, url) for kind, _, url in lf]
    # blank lines before the first line are skipped as iter_json skips them (found by test_properties)
    lines = [b"", b'{"url": "https://x.example/none", "status": 404}', b'{"url": "cut', b'{"url": "u", "text": "t"}']
    (tmp_path / "blank.jsonl").write_bytes(b"\n".join(lines))
    size = (tmp_path / "blank.jsonl").stat().st_size
    spans = file_spans(str(tmp_path / "blank.jsonl"), size, CAP, 1)
    pieces = [
        i for _, start, end in spans for i in _summary(read_documents(str(tmp_path / "blank.jsonl"), CAP, start, end))
    ]
    assert pieces == _summary(read_documents(str(tmp_path / "blank.jsonl"), CAP)) == [("Failure", "", "not_a_page")]


def test_read_pages_spreads_the_spans_of_a_big_export_and_loses_no_record(tmp_path):
    data = _export(60, 2)
    (tmp_path / "export.jsonl").write_bytes(data)
    (tmp_path / "page.html").write_bytes(article("Plain page"))
    whole = list(read_documents(str(tmp_path / "export.jsonl"), 8000))
    expected_pages = sorted(p.record_id for p in whole if isinstance(p, Page)) + [""]
    expected_failures = sorted(f.record_id for f in whole if isinstance(f, Failure))
    with test_pipeline.TestPipeline(runner="FnApiRunner") as p:
        pages, failures = p | ReadPages([str(tmp_path / "*")], 8000, span_bytes=500)
        assert_that(pages | beam.Map(lambda pg: pg.record_id), equal_to(expected_pages), label="Pages")
        assert_that(failures | beam.Map(lambda f: f.record_id), equal_to(expected_failures), label="Failures")


def test_a_line_too_long_to_skip_ends_the_read_and_says_so(monkeypatch):
    monkeypatch.setattr("transforms.jsonl.SKIP_MAX_BYTES", 50_000)  # 1 GiB in use: a gzip bomb's line
    first = jsonl(scrapy_lines()[:1])
    data = first + b'{"html": "' + b"0" * 300_000 + b'"}\n' + jsonl(scrapy_lines()[1:])
    items = list(iter_json(CountingStream(gzip.compress(data)), "bomb.jsonl.gz", 2000 + len(first)))
    assert [(type(i).__name__, i.record_id) for i in items] == [("Page", "byte-0"), ("Failure", f"byte-{len(first)}")]
    assert items[1].reason == "too_large" and "reading stops there" in items[1].error
    data = first + b'{"html": "' + b"0" * 30_000 + b'"}\n' + jsonl(scrapy_lines()[1:])  # long, but skipped
    items = list(iter_json(CountingStream(gzip.compress(data)), "long.jsonl.gz", 2000 + len(first)))
    assert [getattr(i, "reason", "page") for i in items] == ["page", "too_large", "page"]


def test_extracted_fields_says_which_exports_hold_text_extracted_already(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = "\n".join(["Home", "News", "Sport", *BODY[:2], "Share this article", *BODY[2:]])
    (inputs / "shard.jsonl").write_text(json.dumps({"url": "https://q.example/1", "text": text}) + "\n")
    kept = {}
    for flag in ([], ["--extracted_fields", "maintext,text"]):
        out = tmp_path / f"out{len(flag)}"
        assert main(["--input", f"{inputs}/*", "--output", str(out), *flag]) == 0
        (row,) = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
        kept[bool(flag)] = (row["source_format"], "Share this article" in row["text"], "Home" in row["text"])
    assert kept == {False: ("text", False, False), True: ("extracted", True, True)}
    with pytest.raises(SystemExit):
        main(["--input", f"{inputs}/*", "--output", str(tmp_path / "x"), "--extracted_fields", "article_text"])
    assert "--extracted_fields takes page fields among" in capsys.readouterr().err


def test_a_scrapers_record_of_an_http_error_is_quarantined_with_its_status():
    """Firecrawl keeps the fetch's status in metadata.statusCode, crawl4ai in status_code: a 404 or
    a 403 bot wall is an error page, not the article (a WARC's non-2xx records are skipped alike)."""
    response = {
        "success": True,
        "data": [
            {
                "rawHtml": article("Ferry fares rise").decode(),
                "metadata": {"sourceURL": "https://a.example/1", "statusCode": 200},
            },
            {
                "html": "<html><body><h1>Page not found</h1></body></html>",
                "metadata": {"sourceURL": "https://a.example/2", "statusCode": 404},
            },
            {"html": article("Access denied").decode(), "status_code": "403", "url": "https://a.example/3"},
            {"html": article("Market stalls reopen").decode(), "status": "published", "url": "https://a.example/4"},
        ],
    }
    items = list(iter_json(CountingStream(json.dumps(response).encode()), "crawl.json", CAP))
    assert [(type(i).__name__, getattr(i, "reason", "")) for i in items] == [
        ("Page", ""),
        ("Failure", "not_a_page"),
        ("Failure", "not_a_page"),
        ("Page", ""),
    ]
    assert "HTTP 404" in items[1].error and "HTTP 403" in items[2].error
    assert [i.record_id for i in items] == ["item-1", "item-2", "item-3", "item-4"]


def test_a_status_that_only_looks_numeric_is_no_status_and_breaks_nothing():
    records = [dict(scrapy_lines()[0], status="²⁰⁰"), scrapy_lines()[1]]
    items = list(iter_json(CountingStream(jsonl(records)), "feed.jsonl", CAP))
    assert [type(i).__name__ for i in items] == ["Page", "Page"]


def test_a_records_publication_date_as_a_unix_timestamp_is_read():
    instant = datetime(2024, 5, 2, 14, 30, tzinfo=UTC)
    for stamp in (int(instant.timestamp()), int(instant.timestamp() * 1000)):  # seconds or milliseconds
        for record in (
            {**news_please_record(), "date_publish": stamp},
            {"maintext": "\n".join(BODY), "date_publish": stamp},
        ):
            meta = _record_metadata(record)
            assert meta["published_date"] == date(2024, 5, 2) and meta["published_at"] == instant, (stamp, record)
    for no_date in (0, 12345, 20241399):  # no epoch before 2001, no 13th month
        assert _record_metadata({**news_please_record(), "date_publish": no_date})["published_date"] is None
    gdelt = _record_metadata({**news_please_record(), "date_publish": 20240105})  # YYYYMMDD, not 1970-08-23
    assert gdelt["published_date"] == date(2024, 1, 5) and gdelt["published_at"] is None


def test_a_text_records_own_title_outranks_a_dump_line_that_shares_no_word_with_it():
    """The dump's headline line is to the record's title what a page's h1 is to its <title>: kept where
    they agree, not where the line over the body is another story's (export titles 0.786 -> 0.850 on
    the dev dumps with their pages' tags)."""
    dump = "\n".join(["Home", "News", "Most read", "Council tax to rise next spring", "May 2, 2024", *BODY])
    record = {"text": dump, "title": "Tidal bridge opens after four years of delays - Quellmere Courier"}
    record["metadata"] = {"ogSiteName": "Quellmere Courier"}
    (page,) = iter_json(CountingStream(json.dumps(record).encode()), "t.json", CAP)
    extraction = extract_page(page)
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    assert normalize_metadata(extraction.page, extraction.signals, paragraphs)[0]["title"] == (
        "Tidal bridge opens after four years of delays"
    )
    # a record with no metadata object: its own title alone
    del record["metadata"]
    (page,) = iter_json(CountingStream(json.dumps(record).encode()), "t.json", CAP)
    assert dict(page.meta) == {"title": record["title"]}


def test_a_records_title_of_one_or_two_words_is_a_label_not_the_headline():
    """A single-page app that never sets its <title> leaves "Home" or "Blog" in every record."""
    dump = "\n".join(["Menu", "Tidal bridge opens after four years of delays", "By Lea Marsh", "May 2, 2024", *BODY])
    for title in ("Home", "Blog", "Local News"):
        (page,) = iter_json(CountingStream(json.dumps({"text": dump, "title": title}).encode()), "t.json", CAP)
        extraction = extract_page(page)
        paragraphs = [p for story in extraction.stories for p in story.paragraphs]
        meta = normalize_metadata(extraction.page, extraction.signals, paragraphs)[0]
        assert meta["title"] == "Tidal bridge opens after four years of delays", title


def test_an_export_that_opens_with_more_failed_fetches_than_the_lookahead_keeps_its_pages():
    """Nine records with no page (a crawl's failed fetches) made the whole file one not_a_page row:
    the twenty pages after them were lost."""
    failed = [json.dumps({"url": f"https://example.org/{i}", "error": "timeout"}) for i in range(9)]
    pages = [json.dumps({"html": article(f"lead-{i}").decode()}) for i in range(20)]
    items = list(iter_json(CountingStream(("\n".join(failed + pages) + "\n").encode()), "f.jsonl", CAP))
    assert [type(item).__name__ for item in items] == ["Failure"] * 9 + ["Page"] * 20
    assert {item.reason for item in items[:9]} == {"not_a_page"} and len({item.record_id for item in items}) == 29
    # a file of such records only is a data export: one row for the whole file, as before
    (only,) = iter_json(CountingStream(("\n".join(failed) + "\n").encode()), "f.jsonl", CAP)
    assert only.reason == "not_a_page" and only.record_id == ""


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-16"),  # Windows PowerShell's `> out.jsonl`
        lambda text: text.encode("utf-32"),
        lambda text: gzip.compress(text.encode("utf-16")),
        lambda text: text.replace("\n", "\r").encode(),  # lines ending in a bare CR
        lambda text: text.replace("\n", "\r").encode("utf-16"),  # both
        lambda text: text.replace("\n", "\r").encode("utf-32"),
    ],
    ids=["utf-16", "utf-32", "utf-16-gzip", "cr", "utf-16-cr", "utf-32-cr"],
)
def test_json_lines_in_utf16_or_with_bare_cr_line_ends_give_every_record(tmp_path, encode):
    """Such a file was read as one page (UTF-16) or one line (CR): its first record was kept and the
    others lost, with no row and the accounting still even."""
    records = [json.dumps({"html": article(f"wide-{i}").decode(), "url": f"https://example.org/{i}"}) for i in range(3)]
    path = tmp_path / "export.jsonl"
    path.write_bytes(encode("\n".join(records) + "\n"))
    pages = list(read_documents(str(path), CAP))
    assert [type(p).__name__ for p in pages] == ["Page"] * 3
    assert [p.url for p in pages] == [f"https://example.org/{i}" for i in range(3)]


def test_bare_cr_line_ends_after_a_first_record_longer_than_the_head_give_every_record(tmp_path):
    """The line ends were looked for in the first 16 KiB only: a bare-CR file whose first record is
    longer was read as one line, all its records one text page of JSON. The first line end decides
    now; a first line as long that ends in CRLF or LF is read as it was."""
    long_first = json.dumps({"html": article("long").decode() + "<p>" + "more words " * 2000 + "</p>", "url": "u0"})
    records = [long_first] + [json.dumps({"html": article(f"cr-{i}").decode(), "url": f"u{i}"}) for i in (1, 2)]
    assert len(long_first) > LINE_END_BYTES
    for end in ("\r", "\r\n", "\n"):
        path = tmp_path / "export.jsonl"
        path.write_bytes((end.join(records) + end).encode())
        pages = list(read_documents(str(path), CAP))
        assert [(type(p).__name__, p.url) for p in pages] == [("Page", f"u{i}") for i in range(3)], repr(end)
        assert pages[1].record_id == f"byte-{len(long_first) + len(end)}", repr(end)


def test_a_wide_document_that_only_opens_like_json_is_read_as_the_page_file_it_is(tmp_path):
    """A UTF-16 or UTF-32 file opening with "[" that is no JSON (a Markdown dump's "[Home](/)") was
    decoded from its UTF-8 transcoding: its row said encoding utf-8, and the size of those bytes. It is
    the page decode_page makes of the file's own bytes now, as a page that does not open with "["."""
    dump = "[Home](/) [World](/world)\n\n# Ferry fares rise\n\n" + "The council met on Monday. " * 20 + "\n"
    for codec, bom in (
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ):
        raw = bom + dump.encode(codec)
        (tmp_path / "dump.md").write_bytes(raw)
        (page,) = read_documents(str(tmp_path / "dump.md"), CAP)
        assert page == decode_page(str(tmp_path / "dump.md"), raw), codec
        assert (page.encoding, page.byte_size) == (codec, len(raw))


def test_an_export_with_no_records_is_empty_not_a_page(tmp_path):
    """ "[]" and a tool's wrapper around an empty list hold no page at all: `empty`, as the README says of
    a container that yields none (they were `not_a_page`, found by an adversarial-input helper)."""
    for name, data in {
        "a.json": b"[]",
        "b.json": b'{"success": true, "data": []}',
        "c.json": b'{\n "data": []\n}\n',
    }.items():
        (tmp_path / name).write_bytes(data)
        (item,) = read_documents(str(tmp_path / name), CAP)
        assert isinstance(item, Failure) and item.reason == "empty", name
    (tmp_path / "d.json").write_bytes(b'{"data": [{"a": 1}]}')  # records, none a page: a data export
    assert next(read_documents(str(tmp_path / "d.json"), CAP)).reason == "not_a_page"


def test_record_titles_that_are_labels_markup_or_cjk_are_weighed_as_they_should_be():
    """A short title is left out and the next one taken ("Home" beside a real og:title); a CJK title,
    written without spaces, is no label; a title that cleans to nothing (markup) raised (bench.fuzz)."""
    dump = "\n".join(["Menu", "Tidal bridge opens after four years of delays", "By Lea Marsh", "May 2, 2024", *BODY])

    def title_of(record: dict) -> str:
        (page,) = iter_json(CountingStream(json.dumps({"text": dump, **record}).encode()), "t.json", CAP)
        extraction = extract_page(page)
        paragraphs = [p for story in extraction.stories for p in story.paragraphs]
        return normalize_metadata(extraction.page, extraction.signals, paragraphs)[0]["title"]

    real = "Tidal bridge opens after four years of delays - Quellmere Courier"
    assert title_of({"title": "Home", "metadata": {"ogTitle": real}}) == "Tidal bridge opens after four years of delays"
    assert title_of({"title": "港珠澳大桥在延误四年后终于通车"}) == "港珠澳大桥在延误四年后终于通车"
    assert title_of({"title": "Tidal bridge<div><div><div>"}) == "Tidal bridge opens after four years of delays"


def test_pageless_heads_and_line_ends_in_big_records_keep_every_record_and_its_text(tmp_path):
    """Review finds on the two changes above: a data export of many records with no page, or with a
    line cut off at its end, stays one row; a record over 8 KiB with CRLF line ends (a Markdown dump
    opening with "[") is not read as a file of bare-CR lines; a broken gzip stream is a decode_error."""
    failed = [json.dumps({"url": f"https://example.org/{i}", "error": "timeout"}) for i in range(20_000)]
    for tail in ([], ['{"url": "cut']):
        data = ("\n".join(failed + tail) + "\n").encode()
        (only,) = iter_json(CountingStream(data), "f.jsonl", CAP)
        assert only.reason == "not_a_page" and only.record_id == ""
    markdown = "[Home](/) " + "word " * 3000 + "\r\nruns on\r\nover lines\r\n"
    (tmp_path / "dump.md").write_bytes(markdown.encode())
    (page,) = read_documents(str(tmp_path / "dump.md"), CAP)
    assert "runs on\n\n" not in page.text
    broken = bytearray(gzip.compress(("\n".join(failed[:50]) + "\n").encode()))
    broken[100:120] = bytes(20)
    (tmp_path / "broken.jsonl.gz").write_bytes(bytes(broken))
    items = list(read_documents(str(tmp_path / "broken.jsonl.gz"), CAP))
    assert items and {item.reason for item in items} <= {"decode_error", "not_a_page"}


def test_a_first_line_over_the_cap_is_one_row_and_the_records_after_it_are_read():
    """Only the over-cap row came out: the records after the first line were lost (found by a review helper)."""
    big = json.dumps({"html": "<p>" + "word " * 800 + "</p>"})
    records = [json.dumps({"html": article(f"after-{i}").decode()}) for i in range(3)]
    items = list(iter_json(CountingStream(("\n".join([big, *records]) + "\n").encode()), "f.jsonl", 2000))
    assert [(type(i).__name__, getattr(i, "reason", "")) for i in items] == [("Failure", "too_large")] + [
        ("Page", "")
    ] * 3
    (only,) = iter_json(CountingStream(b"[" + b"1," * 3000 + b"1]"), "f.json", 2000)  # one line, one row
    assert only.reason == "too_large"
    # a data export, an array a record a line, a pretty-printed document: that row is the file's
    rows = [json.dumps({"a": i}) for i in range(200)]
    for data in (
        "\n".join([big, *rows]),
        "[" + big + ",\n" + ",\n".join(records) + "]",
        '{"html": "' + "x" * 3000 + '",\n "url": "u"}',
    ):
        (only,) = iter_json(CountingStream((data + "\n").encode()), "f.jsonl", 2000)
        assert only.reason == "too_large"
