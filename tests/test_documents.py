"""A file of HTML pages fetched into it end to end (`wget -O out.html URL1 URL2`) is read as that
many pages, each decoded by its own charset; what follows an </html> without a head of its own stays
with the page before it."""

import gzip
import subprocess
import sys
from pathlib import Path

from schemas import Failure, Page
from transforms.documents import html_documents
from transforms.read import read_documents

ROOT = Path(__file__).resolve().parents[1]


def _page(title: str, body: str, charset: str = "utf-8", doctype: str = "<!DOCTYPE html>\n") -> str:
    return (
        f'{doctype}<html lang="en">\n<head><meta charset="{charset}"><title>{title}</title></head>\n'
        f"<body><article><h1>{title}</h1><p>{body}</p></article></body>\n</html>\n"
    )


FERRY = _page("Ferry adds winter crossings", "The Gull Island ferry will run two more crossings each weekday.")
# a second site's page, in the charset it declares
BRIDGE = _page("Le pont de la rivière rouvre", "Le pont rouvre après deux ans de travaux.", "windows-1252")


def test_pages_end_to_end_are_split_where_each_begins():
    raw = FERRY.encode() + b"\n<!-- fetched 2026-12-05 -->\n" + BRIDGE.encode("cp1252")
    documents = html_documents(raw)
    assert [offset for offset, _ in documents] == [0, raw.index(b"<!DOCTYPE", 1)]
    assert b"".join(part for _, part in documents) == raw  # what lies between stays with the page before


def test_one_page_is_one_document_whatever_follows_its_end():
    # a theme that closes the document before its article, and a page's trailing cache comment
    early = b"<html><head><title>T</title></head><body><nav>Home</nav></body></html>\n<div><p>Article.</p></div>"
    trailing = FERRY.encode() + b"<!-- served from cache -->\n"
    # a server that emits each block of its article as a document of its own, as lxml serializes a fragment
    fragments = (
        FERRY.encode()
        + b'<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<html><body><p>More.</p></body></html>'
    )
    dump = b"Ferry adds winter crossings\n</html>\n<html><head>\nThe ferry ...\n"
    for raw in (early, trailing, fragments, dump):
        assert html_documents(raw) == [(0, raw)]


def test_a_file_of_pages_reads_as_a_page_each_with_its_own_charset_and_offset(tmp_path):
    raw = FERRY.encode() + BRIDGE.encode("cp1252") + _page("Empty", "").replace("<p></p>", "").encode()
    path = tmp_path / "fetched.html.gz"
    path.write_bytes(gzip.compress(raw))
    items = list(read_documents(str(path), 1 << 20))
    assert all(isinstance(item, Page) for item in items)
    assert [item.record_id for item in items] == ["byte-0", f"byte-{len(FERRY)}", f"byte-{len(FERRY) + len(BRIDGE)}"]
    assert "Ferry adds" in items[0].text and "Le pont" not in items[0].text
    assert "rivière" in items[1].text and items[1].encoding == "cp1252"


def test_a_file_of_one_page_keeps_no_record_id(tmp_path):
    path = tmp_path / "one.html"
    path.write_text(FERRY + "<!-- served from cache -->\n")
    (item,) = read_documents(str(path), 1 << 20)
    assert isinstance(item, Page) and item.record_id == ""


def test_an_empty_page_among_others_is_a_quarantined_record(tmp_path):
    path = tmp_path / "fetched.html"
    path.write_bytes(FERRY.encode() + b"<html><head></head></html>\n \n")
    first, second = read_documents(str(path), 1 << 20)
    assert isinstance(first, Page) and first.record_id == "byte-0"
    assert second.record_id == f"byte-{len(FERRY)}"
    assert isinstance(second, (Page, Failure))


def test_comments_after_an_end_tag_are_read_once_each():
    """A run of comments after </html> with no page after them: one regex over the whole boundary split
    the run in 2**n ways and tried each (20 comments 1.3 s, 40 for days, the worker stopped on the file;
    the regex holds the GIL, so the read runs in a child that a timeout can stop). Each comment ends at
    its first "-->" (a "-->" further on is text), and the read ends."""
    script = """if True:
        from tests.test_documents import FERRY, BRIDGE
        from transforms.documents import html_documents
        page = FERRY.encode()
        print(len(html_documents(page + b"<!-- a -->" * 40 + b" trailing text")))
        print(len(html_documents((page + b"<!--") * 2000)))  # no "-->" at all: each comment open to the end
        print(len(html_documents((page + b"<!-- a --> ") * 2000)))
        print(len(html_documents(page + b"<!-- a --> text --> " + BRIDGE.encode())))  # "-->" after a comment is text
    """
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1", "2000", "1"]


def test_a_script_injected_after_the_end_tag_stays_with_its_page():
    """Monitoring tags that a host injects after </html> (Netlify's RUM, HubSpot's loader) stand
    between one fetched page and the next: the next still opens a page of its own."""
    tail = b'\n<!-- injected by the host -->\n<script async src="/.rum/collect.js" data-token="x"></script>\n'
    raw = FERRY.encode() + tail + BRIDGE.encode("cp1252")
    assert [offset for offset, _ in html_documents(raw)] == [0, len(FERRY.encode()) + len(tail)]
