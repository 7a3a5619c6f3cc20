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


def test_a_zstd_stream_cut_at_a_block_or_inside_a_frame_is_a_decode_error_after_its_whole_records(tmp_path):
    """zstandard's stream reader reads a frame cut right after one of its blocks as a whole file: the
    lines in the lost blocks went missing without a word."""
    compressor = zstandard.ZstdCompressor().compressobj()
    lines = _records().splitlines(keepends=True)
    blocks = [compressor.compress(line) + compressor.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK) for line in lines]
    (tmp_path / "cut.jsonl.zst").write_bytes(b"".join(blocks[:2]))  # the frame's last block and end lost
    assert [kind for kind, *_ in _summary(tmp_path / "cut.jsonl.zst")] == ["Page", "Page", "Failure"]
    assert _summary(tmp_path / "cut.jsonl.zst")[-1][2] == "decode_error"
    frames = b"".join(zstandard.ZstdCompressor().compress(line) for line in lines)
    (tmp_path / "frames.jsonl.zst").write_bytes(frames[:-3])  # inside the last of three frames
    assert [kind for kind, *_ in _summary(tmp_path / "frames.jsonl.zst")] == ["Page", "Page", "Failure"]
    (tmp_path / "whole.jsonl.zst").write_bytes(frames)
    assert [kind for kind, *_ in _summary(tmp_path / "whole.jsonl.zst")] == ["Page", "Page", "Page"]


def test_only_a_compressed_streams_own_header_names_its_compression():
    assert codec(b"BZh9 is the name of a band.") is None
    assert codec(b"\xfd7zXZ") is None  # cut short of the magic
    assert codec(bz2.compress(b"")) == "bzip2"


def _warc_records(count: int) -> list[bytes]:
    """Uncompressed WARC records, one bytes object each, of HTML responses."""
    import io

    from warcio.warcwriter import WARCWriter

    out = []
    for n in range(count):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        headers = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"}
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/{n}",
                "response",
                payload=io.BytesIO(article(f"Story {n}")),
                http_headers=http("200 OK", "text/html"),
                warc_headers_dict=headers,
            )
        )
        out.append(buffer.getvalue())
    return out


def _warc_zst(records: list[bytes], compressed_dictionary: bool = True) -> bytes:
    """Archive Team's .warc.zst: a skippable frame (magic 0x184D2A5D) holding the dictionary, then each
    record a zstd frame of its own compressed with it."""
    dictionary = zstandard.train_dictionary(2048, records * 4)
    raw = dictionary.as_bytes()
    held = zstandard.ZstdCompressor().compress(raw) if compressed_dictionary else raw
    frames = b"".join(zstandard.ZstdCompressor(dict_data=dictionary).compress(r) for r in records)
    return b"\x5d\x2a\x4d\x18" + len(held).to_bytes(4, "little") + held + frames


@pytest.mark.parametrize("compressed_dictionary", [True, False])
def test_an_archive_teams_warc_zst_is_read_with_the_dictionary_it_carries(tmp_path, compressed_dictionary):
    records = _warc_records(60)
    path = tmp_path / "crawl.warc.zst"
    path.write_bytes(_warc_zst(records, compressed_dictionary))
    items = _summary(path)
    assert items == [
        ("Page", f"urn:uuid:00000000-0000-0000-0000-{n:012d}", f"https://news.example/{n}") for n in range(60)
    ]


def test_a_warc_zst_with_a_cut_or_corrupt_dictionary_is_a_decode_error(tmp_path):
    data = _warc_zst(_warc_records(60))
    size = int.from_bytes(data[4:8], "little")
    raw = zstandard.ZstdDecompressor().decompress(data[8 : 8 + size])
    bad_table = raw[:8] + bytes(len(raw) - 8)  # a dictionary's magic and id over a zeroed table (the fuzzer's)
    # a compressed dictionary whose frame declares 2**40 bytes (single segment, 8-byte size, one raw
    # block of 3): decompress() allocated that before reading it, a MemoryError (the fuzzer's)
    huge = b"\x28\xb5\x2f\xfd\xe0" + (1 << 40).to_bytes(8, "little") + b"\x19\x00\x00abc"
    for broken in (
        b"\x5d\x2a\x4d\x18" + len(huge).to_bytes(4, "little") + huge + data[8 + size :],
        data[: 8 + size // 2],
        data[:8] + b"\x28\xb5\x2f\xfd" + bytes(size - 4) + data[8 + size :],
        b"\x5d\x2a\x4d\x18" + len(bad_table).to_bytes(4, "little") + bad_table + data[8 + size :],
    ):
        (tmp_path / "bad.warc.zst").write_bytes(broken)
        (item,) = _summary(tmp_path / "bad.warc.zst")
        assert item[0] == "Failure" and item[2] == "decode_error"


def test_a_corrupt_zstd_frame_after_whole_ones_keeps_their_records(tmp_path):
    """The frames before a corrupt one are read whole, even those that arrive in the same chunk
    of input as the corrupt bytes."""
    lines = [
        json.dumps({"url": f"https://ledger.example/{n}", "html": article(f"Story {n}").decode()}) + "\n"
        for n in range(30)
    ]
    frames = b"".join(zstandard.ZstdCompressor().compress(line.encode()) for line in lines)
    (tmp_path / "padded.jsonl.zst").write_bytes(frames + b"\x00" * 16)
    summary = _summary(tmp_path / "padded.jsonl.zst")
    assert [kind for kind, *_ in summary] == ["Page"] * 30 + ["Failure"]
    assert summary[-1][2] == "decode_error"
