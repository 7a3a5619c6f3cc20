"""WARC input: records to pages (pure functions), the read stage on Beam, and main() end to end.

Every WARC here is written by the test with warcio; pages and prose are invented.
"""

import gzip
import io
import json
import random
from datetime import UTC, datetime

import apache_beam as beam
import pyarrow.dataset as ds
from apache_beam.testing import test_pipeline
from apache_beam.testing.util import assert_that, equal_to
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.main import main
from schemas import Failure, Page
from transforms.read import ReadPages, read_documents
from transforms.warc import PrefixedStream, Skipped, is_warc, iter_warc, warc_date

PROSE = (
    "The county library board voted on Monday evening to keep its three branch reading rooms open on "
    "Sundays through the winter, after volunteers offered to staff the desks in rotating shifts. "
)
FETCHED = "2025-02-03T04:05:06Z"


def article(title: str, paragraphs: int = 4) -> bytes:
    body = "".join(f"<p>{PROSE} ({title}, part {i}.)</p>" for i in range(paragraphs))
    return (
        f"<!doctype html><html><head><title>{title} | Lakeside Ledger</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav><article><h1>{title}</h1>{body}"
        f"</article><footer>Lakeside Ledger, all rights reserved</footer></body></html>"
    ).encode()


def http(status: str, media: str, extra=()) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", media), *extra], protocol="HTTP/1.1")


def write_warc(path, records, *, gzip_records: bool = True) -> None:
    """records: (kind, uri, payload, http headers) in file order; kind is a WARC type."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test-crawler"}))
        for n, (kind, uri, payload, headers) in enumerate(records):
            warc_headers = {"WARC-Date": FETCHED, "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"}
            if kind == "revisit":
                record = writer.create_revisit_record(
                    uri, "sha1:AAAA", uri, FETCHED, http_headers=headers, warc_headers_dict=warc_headers
                )
            else:
                record = writer.create_warc_record(
                    uri, kind, payload=io.BytesIO(payload), http_headers=headers, warc_headers_dict=warc_headers
                )
            writer.write_record(record)


def mixed_records():
    return [
        ("request", "https://news.example/a", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", None),
        (
            "response",
            "https://news.example/a",
            article("Library keeps Sunday hours"),
            http("200 OK", "text/html; charset=utf-8"),
        ),
        ("response", "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), http("200 OK", "image/png")),
        ("response", "https://news.example/gone", article("Missing page"), http("404 Not Found", "text/html")),
        ("revisit", "https://news.example/a", None, http("200 OK", "text/html")),
        (
            "response",
            "https://news.example/b",
            gzip.compress(article("Bridge repairs finish early")),
            http("200 OK", "text/html", [("Content-Encoding", "gzip")]),
        ),
        ("metadata", "https://news.example/b", b"outlinks: 3", None),
    ]


def test_is_warc_by_content():
    assert is_warc(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")
    assert is_warc(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"))
    assert not is_warc(b"<html><body>WARC/1.0</body></html>")
    assert not is_warc(gzip.compress(b"<html></html>"))
    assert not is_warc(b"\x1f\x8b\x08garbage")


def test_warc_date_is_utc_and_tolerant():
    assert warc_date("2025-02-03T04:05:06Z") == datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert warc_date("2025-02-03T04:05:06.250Z").microsecond == 250000
    assert warc_date("yesterday") is None and warc_date(None) is None


def test_prefixed_stream_replays_the_sniffed_head():
    stream = PrefixedStream(b"abc", io.BytesIO(b"defgh"))
    assert stream.read(2) + stream.read(3) + stream.read() == b"abcdefgh"


def test_records_become_pages_skips_and_failures(tmp_path):
    for gz in (True, False):
        path = tmp_path / f"crawl-{gz}.warc"
        write_warc(path, mixed_records(), gzip_records=gz)
        with open(path, "rb") as fh:
            items = list(iter_warc(fh, str(path), 1 << 20))
        pages = [i for i in items if isinstance(i, Page)]
        assert [p.url for p in pages] == ["https://news.example/a", "https://news.example/b"]
        assert all(p.fmt == "html" and p.crawled_at == warc_date(FETCHED) for p in pages)
        assert pages[0].record_id == "urn:uuid:00000000-0000-0000-0000-000000000001"
        assert all(p.source_id == p.record_id for p in pages)  # the crawl's own id: rows join back to it
        assert "Bridge repairs finish early" in pages[1].text  # content-encoding undone
        assert sorted(i.reason for i in items if isinstance(i, Skipped)) == [
            "http_status",
            "not_a_response",
            "not_a_response",
            "not_a_response",
            "not_html",
            "revisit",
        ]
        assert not [i for i in items if isinstance(i, Failure)]


def test_a_record_over_the_cap_is_quarantined_and_the_next_one_read(tmp_path):
    path = tmp_path / "big.warc.gz"
    write_warc(
        path,
        [
            ("response", "https://news.example/huge", article("Huge", 400), http("200 OK", "text/html")),
            ("response", "https://news.example/small", article("Small"), http("200 OK", "text/html")),
        ],
    )
    with open(path, "rb") as fh:
        items = list(iter_warc(fh, str(path), 20_000))
    assert [(type(i).__name__, getattr(i, "reason", "")) for i in items] == [
        ("Skipped", "not_a_response"),
        ("Failure", "too_large"),
        ("Page", ""),
    ]
    assert items[1].record_id.endswith("000000000000") and items[1].byte_size > 20_000


def test_a_truncated_archive_keeps_what_came_before(tmp_path):
    path = tmp_path / "cut.warc"
    write_warc(
        path,
        [
            ("response", f"https://news.example/{n}", article(f"Story {n}"), http("200 OK", "text/html"))
            for n in range(3)
        ],
        gzip_records=False,
    )
    data = path.read_bytes()
    items = list(iter_warc(io.BytesIO(data[: int(len(data) * 0.8)]), "cut.warc", 1 << 20))
    assert sum(isinstance(i, Page) for i in items) >= 1
    assert isinstance(items[-1], Failure) and items[-1].reason == "decode_error"
    assert items[-1].record_id == "urn:uuid:00000000-0000-0000-0000-000000000002"  # the record cut off


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.consumed = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.consumed += len(chunk)
        return chunk


def test_a_warc_is_read_record_by_record_not_whole(tmp_path):
    path = tmp_path / "many.warc.gz"
    rng = random.Random(7)  # varied text, so that gzip cannot squeeze 60 records into one read buffer
    pages = [
        " ".join(rng.choice(PROSE.split()) + str(rng.randrange(1000)) for _ in range(3000)).encode() for _ in range(60)
    ]
    write_warc(
        path,
        [("response", f"https://news.example/{n}", page, http("200 OK", "text/html")) for n, page in enumerate(pages)],
    )
    stream = CountingStream(path.read_bytes())
    assert len(stream.getvalue()) > 400_000
    records = iter_warc(stream, str(path), 1 << 20)
    next(r for r in records if isinstance(r, Page))
    assert stream.consumed < len(stream.getvalue()) / 4


def test_read_documents_sniffs_warc_by_content_not_name(tmp_path):
    path = tmp_path / "download.bin"
    write_warc(path, mixed_records())
    items = list(read_documents(str(path), 1 << 20))
    assert sum(isinstance(i, Page) for i in items) == 2
    plain = tmp_path / "page.html"
    plain.write_bytes(article("Plain page"))
    (only,) = read_documents(str(plain), 1 << 20)
    assert isinstance(only, Page) and only.record_id == "" and only.url is None


def test_read_pages_reads_warc_records_beside_plain_files_and_tallies_skips(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz", mixed_records())
    (tmp_path / "plain.html").write_bytes(article("Plain page"))
    with test_pipeline.TestPipeline(runner="FnApiRunner") as p:
        pages, failures, skipped = p | ReadPages([str(tmp_path / "*")], 1 << 20, tally_skipped=True)
        assert_that(
            pages | beam.Map(lambda pg: (pg.url, bool(pg.record_id))),
            equal_to([("https://news.example/a", True), ("https://news.example/b", True), (None, False)]),
            label="Pages",
        )
        assert_that(failures, equal_to([]), label="Failures")
        assert_that(
            skipped,
            equal_to(
                [
                    ("warc_skipped", 6),
                    ("warc_skipped.not_a_response", 3),
                    ("warc_skipped.not_html", 1),
                    ("warc_skipped.http_status", 1),
                    ("warc_skipped.revisit", 1),
                ]
            ),
            label="Skipped",
        )


def test_main_on_a_warc_keeps_urls_fetch_times_and_accounts_for_every_record(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_warc(inputs / "crawl.warc.gz", mixed_records())
    out = tmp_path / "out"
    assert main(["--input", f"{inputs}/*", "--output", str(out), "--max_file_bytes", "100000"]) == 0
    (manifest_file,) = out.glob("_manifests/*.json")
    counts = json.loads(manifest_file.read_text())["counts"]
    assert counts["pages_in"] == 2 and counts["warc_skipped"] == 6
    assert counts["pages_in"] == counts.get("pages_with_articles", 0) + counts.get("quarantined", 0) + counts.get(
        "duplicates", 0
    )
    rows = (
        ds.dataset(out / "articles", format="parquet", partitioning="hive")
        .to_table(columns=["url", "crawled_at", "record_id", "source_id", "published_at"])
        .to_pylist()
    )
    assert sorted(r["url"] for r in rows) == ["https://news.example/a", "https://news.example/b"]
    assert {r["crawled_at"].replace(tzinfo=UTC) for r in rows} == {warc_date(FETCHED)}
    assert all(r["record_id"].startswith("urn:uuid:") and r["source_id"] == r["record_id"] for r in rows)
    assert all(r["published_at"] is None for r in rows)  # the fetch time is no publication date


def write_wet(path, texts) -> None:
    """A WET file as Common Crawl writes them: a warcinfo record, then one conversion record
    (text/plain) per page."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.wet.gz", {"software": "test-crawler"}))
        for n, (uri, text) in enumerate(texts):
            headers = {"WARC-Date": FETCHED, "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"}
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "conversion",
                    payload=io.BytesIO(text.encode()),
                    warc_content_type="text/plain",
                    warc_headers_dict=headers,
                )
            )


def test_a_wet_files_text_records_are_page_dumps_with_their_urls(tmp_path):
    """WET (Common Crawl's text extracts): each conversion record is a plain-text page dump."""
    dump = "\n".join(
        ["Lakeside Ledger", "Home", "Local", "Library keeps Sunday hours", "By Jane Roe | February 2, 2025"]
        + [f"{PROSE}(Part {i}.)" for i in range(4)]
        + ["Share this article", "Lakeside Ledger, all rights reserved"]
    )
    write_wet(
        tmp_path / "crawl.warc.wet.gz", [("https://news.example/a", dump), ("https://news.example/b", dump + " ")]
    )
    with open(tmp_path / "crawl.warc.wet.gz", "rb") as fh:
        items = list(iter_warc(fh, "crawl.warc.wet.gz", 1 << 20))
    pages = [i for i in items if isinstance(i, Page)]
    assert [(p.url, p.fmt) for p in pages] == [("https://news.example/a", "text"), ("https://news.example/b", "text")]
    assert all(p.crawled_at == warc_date(FETCHED) for p in pages)
    out = tmp_path / "out"
    assert main(["--input", str(tmp_path / "crawl.warc.wet.gz"), "--output", str(out)]) == 0
    # b is an exact copy of a: which one is kept follows the article ids, which hold the file's path
    (first,) = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    assert first["url"] in {"https://news.example/a", "https://news.example/b"} and first["source_format"] == "text"
    assert (first["title"], first["authors"], str(first["published_date"])) == (
        "Library keeps Sunday hours",
        ["Jane Roe"],
        "2025-02-02",
    )
    assert first["text"].startswith(PROSE.strip()) and "Share this article" not in first["text"]


def test_two_records_with_one_warc_record_id_get_ids_of_their_own(tmp_path):
    path = tmp_path / "resent.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for title in ("Library keeps Sunday hours", "Bridge repairs finish early"):
            headers = {"WARC-Date": FETCHED, "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-000000000007>"}
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example/{len(title)}",
                    "response",
                    payload=io.BytesIO(article(title)),
                    http_headers=http("200 OK", "text/html"),
                    warc_headers_dict=headers,
                )
            )
    pages = list(read_documents(str(path), 1 << 20))
    assert [p.record_id for p in pages] == [
        "urn:uuid:00000000-0000-0000-0000-000000000007",
        "urn:uuid:00000000-0000-0000-0000-000000000007#2",
    ]
    assert all(isinstance(p, Page) for p in pages)


def test_a_warc_with_no_html_response_is_one_row_naming_it(tmp_path):
    records = [r for r in mixed_records() if r[0] != "response" or r[1].endswith(".png")]  # no page in it
    write_warc(tmp_path / "assets.warc.gz", records)
    items = list(read_documents(str(tmp_path / "assets.warc.gz"), 1 << 20))
    assert all(isinstance(i, Skipped) for i in items[:-1]) and len(items) == len(records) + 2  # warcinfo, the row
    failure = items[-1]
    assert isinstance(failure, Failure) and failure.reason == "not_a_page"
    assert "no HTML response" in failure.error and "1 revisit" in failure.error and "1 not_html" in failure.error
    write_warc(tmp_path / "pages.warc.gz", mixed_records())  # with pages: no such row
    assert not any(
        isinstance(i, Failure) and "no HTML response" in i.error
        for i in read_documents(str(tmp_path / "pages.warc.gz"), 1 << 20)
    )


def write_segmented(path, uri: str, block_parts: list[bytes], headers: StatusAndHeaders, last: bool = True) -> None:
    """One response record split into segments (WARC 1.1): the first carries the HTTP headers and
    `block_parts[0]`, each `continuation` record the next part; the last names the total length."""
    first_id = "<urn:uuid:00000000-0000-0000-0000-00000000000a>"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(block_parts[0]),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": FETCHED, "WARC-Record-ID": first_id, "WARC-Segment-Number": "1"},
            )
        )
        for n, part in enumerate(block_parts[1:], start=2):
            extra = (
                {"WARC-Segment-Total-Length": str(sum(map(len, block_parts)))} if last and n == len(block_parts) else {}
            )
            warc_headers = {
                "WARC-Date": FETCHED,
                "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-00000000000{n}>",
                "WARC-Segment-Origin-ID": first_id,
                "WARC-Segment-Number": str(n),
                **extra,
            }
            writer.write_record(
                writer.create_warc_record(uri, "continuation", payload=io.BytesIO(part), warc_headers_dict=warc_headers)
            )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/after",
                "response",
                payload=io.BytesIO(article("After the split record")),
                http_headers=http("200 OK", "text/html"),
                warc_headers_dict={
                    "WARC-Date": FETCHED,
                    "WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-0000000000ff>",
                },
            )
        )


def thirds(data: bytes) -> list[bytes]:
    cut = len(data) // 3
    return [data[:cut], data[cut : 2 * cut], data[2 * cut :]]


def test_a_segmented_record_is_joined_into_one_whole_page(tmp_path):
    page = article("Ferry timetable changes", 12)
    cases = {
        "plain": (page, http("200 OK", "text/html")),
        "gzip": (gzip.compress(page), http("200 OK", "text/html", [("Content-Encoding", "gzip")])),
    }
    for name, (payload, headers) in cases.items():
        path = tmp_path / f"segmented-{name}.warc.gz"
        write_segmented(path, "https://news.example/ferry", thirds(payload), headers)
        with open(path, "rb") as fh:
            items = list(iter_warc(fh, str(path), 1 << 20))
        pages = [i for i in items if isinstance(i, Page)]
        assert [p.url for p in pages] == ["https://news.example/ferry", "https://news.example/after"], name
        assert pages[0].text == page.decode(), name  # all of it, not the first segment's third
        assert pages[0].record_id == pages[0].source_id == "urn:uuid:00000000-0000-0000-0000-00000000000a"
        assert not [i for i in items if isinstance(i, Failure | Skipped)], name  # the continuations are the page


def test_a_segmented_record_missing_its_last_segment_is_quarantined_not_cut(tmp_path):
    path = tmp_path / "unfinished.warc.gz"
    write_segmented(
        path, "https://news.example/ferry", thirds(article("Ferry", 12)), http("200 OK", "text/html"), last=False
    )
    with open(path, "rb") as fh:
        items = list(iter_warc(fh, str(path), 1 << 20))
    assert [i.url for i in items if isinstance(i, Page)] == ["https://news.example/after"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(f.reason, f.record_id) for f in failures] == [
        ("decode_error", "urn:uuid:00000000-0000-0000-0000-00000000000a")
    ]
    assert "segment" in failures[0].error


def test_a_segmented_record_over_the_cap_is_too_large(tmp_path):
    path = tmp_path / "big-segmented.warc.gz"
    write_segmented(path, "https://news.example/huge", thirds(article("Huge", 400)), http("200 OK", "text/html"))
    with open(path, "rb") as fh:
        items = list(iter_warc(fh, str(path), 60_000))
    assert [(type(i).__name__, getattr(i, "reason", "")) for i in items] == [("Failure", "too_large"), ("Page", "")]
    assert items[0].record_id == "urn:uuid:00000000-0000-0000-0000-00000000000a"
