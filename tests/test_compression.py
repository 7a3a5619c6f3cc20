"""Files compressed with zstd, bzip2 or xz (a datatrove shard's `.jsonl.zst`, an archive's `.bz2`)
are read as what they hold, known by their first bytes; caps hold on the decompressed bytes, and a
broken stream is a decode_error that keeps what came before it."""

import bz2
import json
import lzma

import pytest
import zstandard

from schemas import Failure, Page
from tests.test_warc import article, http, write_warc
from transforms.compression import codec
from transforms.read import read_documents

CAP = 1 << 20
COMPRESS = {"zstd": zstandard.ZstdCompressor().compress, "bzip2": bz2.compress, "xz": lzma.compress}


def _records() -> bytes:
    return "".join(
        json.dumps({"url": f"https://ledger.example/{n}", "html": article(f"Story {n}").decode()}) + "\n"
        for n in range(3)
    ).encode()


def _summary(path) -> list[tuple]:
    return [
        (type(i).__name__, i.record_id, getattr(i, "url", None) or getattr(i, "reason", ""))
        for i in read_documents(str(path), CAP)
    ]


@pytest.mark.parametrize("name", sorted(COMPRESS))
def test_a_compressed_export_reads_a_page_per_record(tmp_path, name):
    raw = _records()
    path = tmp_path / "shard.jsonl.any"  # known by content, not by name
    path.write_bytes(COMPRESS[name](raw))
    assert codec(path.read_bytes()[:16]) == name
    starts = [0] + [i + 1 for i, byte in enumerate(raw[:-1]) if byte == ord("\n")]
    assert _summary(path) == [("Page", f"byte-{s}", f"https://ledger.example/{n}") for n, s in enumerate(starts)]


@pytest.mark.parametrize("name", sorted(COMPRESS))
def test_a_compressed_page_and_warc_read_as_uncompressed_ones(tmp_path, name):
    (tmp_path / "page.html.x").write_bytes(COMPRESS[name](article("Ferry fares rise")))
    (item,) = read_documents(str(tmp_path / "page.html.x"), CAP)
    assert isinstance(item, Page) and item.fmt == "html" and "Ferry fares rise" in item.text
    write_warc(
        tmp_path / "crawl.warc",
        [("response", "https://ledger.example/w", article("Warc story"), http("200 OK", "text/html"))],
    )
    (tmp_path / "crawl.warc.x").write_bytes(COMPRESS[name]((tmp_path / "crawl.warc").read_bytes()))
    pages = [i for i in read_documents(str(tmp_path / "crawl.warc.x"), CAP) if isinstance(i, Page)]
    assert [p.url for p in pages] == ["https://ledger.example/w"]


def test_caps_hold_on_the_decompressed_bytes(tmp_path):
    bomb = zstandard.ZstdCompressor().compress(b"<p>" + b"a" * (4 * CAP))
    assert len(bomb) < CAP // 100
    (tmp_path / "bomb.html.zst").write_bytes(bomb)
    (item,) = read_documents(str(tmp_path / "bomb.html.zst"), CAP)
    assert isinstance(item, Failure) and item.reason == "too_large"


@pytest.mark.parametrize("name", sorted(COMPRESS))
def test_a_cut_or_corrupt_stream_is_a_decode_error(tmp_path, name):
    whole = COMPRESS[name](_records())
    (tmp_path / "cut").write_bytes(whole[: len(whole) // 2])
    items = list(read_documents(str(tmp_path / "cut"), CAP))
    assert isinstance(items[-1], Failure) and items[-1].reason == "decode_error"
    (tmp_path / "garbage").write_bytes(whole[:16] + b"\x00garbage" * 50)
    (item,) = read_documents(str(tmp_path / "garbage"), CAP)
    assert isinstance(item, Failure) and item.reason == "decode_error"


def test_only_a_compressed_streams_own_header_names_its_compression():
    assert codec(b"BZh9 is the name of a band.") is None
    assert codec(b"\xfd7zXZ") is None  # cut short of the magic
    assert codec(bz2.compress(b"")) == "bzip2"
