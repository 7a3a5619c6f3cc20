"""Tar and zip archives of pages are read a member at a time, each member as a file of its own
(a page, a JSON export, ...), record ids under the member's name; bad members and broken archives
are quarantined with their reason, and the members before a break are kept."""

import gzip
import io
import json
import tarfile
import zipfile

import pyarrow.dataset as ds
import zstandard

from pipeline.main import main
from schemas import Failure, Page
from tests.test_warc import article
from transforms.archives import archive_kind
from transforms.read import read_documents

CAP = 1 << 20


def _files() -> dict[str, bytes]:
    feed = "".join(
        json.dumps({"url": f"https://ledger.example/f{n}", "html": article(f"Feed story {n}").decode()}) + "\n"
        for n in range(2)
    )
    return {
        "crawl/a.html": article("Ferry fares rise"),
        "crawl/b.html": article("Market stalls reopen"),
        "crawl/feed.jsonl": feed.encode(),
        "crawl/huge.html": b"<p>" + b"x" * (CAP + 10),
    }


def _tar(files: dict[str, bytes], mode: str = "w:gz") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        directory = tarfile.TarInfo("crawl")
        directory.type = tarfile.DIRTYPE
        archive.addfile(directory)
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _summary(path) -> list[tuple]:
    return [
        (type(i).__name__, i.record_id, getattr(i, "url", None) or getattr(i, "reason", ""))
        for i in read_documents(str(path), CAP)
    ]


EXPECTED = [
    ("Page", "crawl/a.html", ""),
    ("Page", "crawl/b.html", ""),
    ("Page", "crawl/feed.jsonl#byte-0", "https://ledger.example/f0"),
    (
        "Page",
        f"crawl/feed.jsonl#byte-{len(_files()['crawl/feed.jsonl'].splitlines()[0]) + 1}",
        "https://ledger.example/f1",
    ),
    ("Failure", "crawl/huge.html", "too_large"),
]


def test_a_tar_archive_gives_each_member_as_a_file_of_its_own(tmp_path):
    for mode, suffix in (("w:gz", "tar.gz"), ("w", "tar"), ("w:bz2", "tar.bz2"), ("w:xz", "tar.xz")):
        path = tmp_path / f"crawl.{suffix}"
        path.write_bytes(_tar(_files(), mode))
        assert archive_kind(path.read_bytes()[:512]) == (
            "tar" if mode in ("w", "w:gz") else None
        )  # bz2, xz: once decompressed
        assert _summary(path) == EXPECTED, mode
    (tmp_path / "crawl.tar.zst").write_bytes(zstandard.ZstdCompressor().compress(_tar(_files(), "w")))
    assert _summary(tmp_path / "crawl.tar.zst") == EXPECTED


def test_a_zip_archive_gives_each_member_as_a_file_of_its_own(tmp_path):
    (tmp_path / "crawl.zip").write_bytes(_zip(_files()))
    assert archive_kind((tmp_path / "crawl.zip").read_bytes()[:512]) == "zip"
    assert _summary(tmp_path / "crawl.zip") == EXPECTED


def test_a_cut_tar_archive_keeps_the_members_before_the_break(tmp_path):
    whole = _tar(_files(), "w")
    (tmp_path / "cut.tar").write_bytes(whole[: whole.index(b"Market stalls") + 10])
    items = _summary(tmp_path / "cut.tar")
    assert items[0] == ("Page", "crawl/a.html", "")
    assert items[-1][0] == "Failure" and items[-1][2] == "decode_error" and len(items) == 2


def test_a_corrupt_zip_member_is_quarantined_and_the_others_read(tmp_path):
    raw = bytearray(_zip(_files()))
    at = raw.index(b"crawl/b.html") + len("crawl/b.html") + 40  # inside b.html's compressed data
    raw[at : at + 20] = b"\x00" * 20
    (tmp_path / "bad.zip").write_bytes(bytes(raw))
    items = _summary(tmp_path / "bad.zip")
    assert items[0] == ("Page", "crawl/a.html", "")
    assert ("Failure", "crawl/b.html", "decode_error") in items and len(items) == len(EXPECTED)
    (tmp_path / "cut.zip").write_bytes(bytes(raw[:200]))  # no central directory, cut in the first member
    assert _summary(tmp_path / "cut.zip") == [("Failure", "crawl/a.html", "decode_error")]


class _Unseekable(io.RawIOBase):
    """Where zipfile writes a zip as a stream: sizes and CRC after each member's data (flag bit 3)."""

    def __init__(self):
        self.written = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.written += data
        return len(data)


def test_a_zip_cut_before_its_directory_keeps_its_whole_members(tmp_path):
    """A zip needs its central directory at its end: one cut before it (a download that stopped) was
    one decode_error row and every member was lost. Its members are read from their local headers,
    stored, deflated, and written as a stream (sizes after the data); the cut one is the row."""
    files = {**_files(), "crawl/c.html": article("Harbour lights restored"), "crawl/folder/": b""}
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    streamed = _Unseekable()
    with zipfile.ZipFile(streamed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    for kind, whole in (
        ("deflated", _zip(files)),
        ("stored", stored.getvalue()),
        ("streamed", bytes(streamed.written)),
    ):
        directory = whole.index(b"PK\x01\x02")
        (tmp_path / f"{kind}.zip").write_bytes(whole[:directory])
        items = _summary(tmp_path / f"{kind}.zip")
        assert items[:-1] == [*EXPECTED, ("Page", "crawl/c.html", "")], kind
        # the cut is read where stream-unzip finds it: after the last member, or in its trailer when
        # its sizes come after its data (a descriptor's form is told by the bytes after it)
        assert items[-1][0::2] == ("Failure", "decode_error") and items[-1][1] in ("", "crawl/folder/"), kind
        cut = whole[: whole.index(b"crawl/c.html") + 30]  # inside c.html's data
        (tmp_path / f"{kind}-cut.zip").write_bytes(cut)
        assert _summary(tmp_path / f"{kind}-cut.zip") == [*EXPECTED, ("Failure", "crawl/c.html", "decode_error")], kind
    (failure,) = [i for i in read_documents(str(tmp_path / "deflated-cut.zip"), CAP) if i.record_id == "crawl/c.html"]
    assert "read from its local headers: 4 members" in failure.error
    # a cut EPUB is still no archive of pages
    epub = _zip({"mimetype": b"application/epub+zip", "OEBPS/ch1.xhtml": article("Chapter one")})
    (tmp_path / "book.epub").write_bytes(epub[: epub.index(b"PK\x01\x02")])
    assert _summary(tmp_path / "book.epub") == [("Failure", "", "not_a_page")]


def test_an_archive_inside_an_archive_is_not_opened(tmp_path):
    inner = _zip({"a.html": article("Ferry fares rise")})
    (tmp_path / "outer.tar.gz").write_bytes(_tar({"inner.zip": inner, "b.html": article("Market stalls reopen")}))
    assert _summary(tmp_path / "outer.tar.gz") == [("Failure", "inner.zip", "not_a_page"), ("Page", "b.html", "")]


def test_main_on_an_archive_accounts_for_every_member(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    files = _files()
    files["crawl/empty.html"] = b""
    (inputs / "crawl.tar.gz").write_bytes(_tar(files))
    out = tmp_path / "out"
    assert main(["--input", f"{inputs}/*", "--output", str(out), "--max_file_bytes", str(CAP)]) == 0
    (manifest_file,) = out.glob("_manifests/*.json")
    counts = json.loads(manifest_file.read_text())["counts"]
    assert counts["pages_in"] == 6 and counts["quarantined"] == 2
    assert counts["pages_in"] == counts["pages_with_articles"] + counts["quarantined"] + counts.get("duplicates", 0)
    rows = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table().to_pylist()
    assert {r["record_id"] for r in rows} <= {"crawl/a.html", "crawl/b.html"} | {
        f"crawl/feed.jsonl#{e[1].split('#')[1]}" for e in EXPECTED[2:4]
    }
    quarantined = ds.dataset(out / "quarantine", format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted((q["record_id"], q["reason"]) for q in quarantined) == [
        ("crawl/empty.html", "empty"),
        ("crawl/huge.html", "too_large"),
    ]
    assert all(isinstance(i, Page | Failure) for i in read_documents(str(inputs / "crawl.tar.gz"), CAP))


def test_an_archive_with_no_files_is_one_empty_row(tmp_path):
    (tmp_path / "dirs.tar").write_bytes(_tar({}, "w"))  # a directory entry only
    (tmp_path / "none.zip").write_bytes(_zip({"folder/": b""}))
    assert _summary(tmp_path / "dirs.tar") == [("Failure", "", "empty")]
    assert _summary(tmp_path / "none.zip") == [("Failure", "", "empty")]


def test_an_ebook_or_office_file_is_one_not_a_page_row_naming_it(tmp_path):
    """EPUB, OpenDocument and Office Open XML files are zips inside: read as archives, a book's
    XHTML chapters became articles and a .docx's XML parts a row each."""
    chapter = article("Chapter one: the ferry")
    epub = _zip({"mimetype": b"application/epub+zip", "OEBPS/ch1.xhtml": chapter, "OEBPS/ch2.xhtml": chapter})
    docx = _zip(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>", "docProps/app.xml": b"<a/>"}
    )
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>"})
    for name, data, says in [
        ("book.epub", epub, "EPUB"),
        ("memo.docx", docx, "Word"),
        ("memo.odt", odt, "opendocument"),
    ]:
        (tmp_path / name).write_bytes(data)
        (item,) = read_documents(str(tmp_path / name), CAP)
        assert isinstance(item, Failure) and item.reason == "not_a_page" and says in item.error, (name, item)
    # a crawl's zip whose first member happens to be called "mimetype" but holds no media type is read
    (tmp_path / "crawl.zip").write_bytes(_zip({"mimetype": b"text", "a.html": article("Ferry fares rise")}))
    assert [record for _, record, _ in _summary(tmp_path / "crawl.zip")] == ["mimetype", "a.html"]


def test_a_member_added_twice_gives_two_pages_with_ids_of_their_own(tmp_path):
    """Also where a member is itself named like the id a repeat is given ("a.html#2": two articles had
    one id, found by an adversarial-input helper)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:  # `tar -r` appends a second a.html
        for name, title in (
            ("a.html", "Ferry fares rise"),
            ("a.html", "Ferry fares rise again"),
            ("a.html#2", "Fares"),
        ):
            data = article(title)
            info = tarfile.TarInfo(f"crawl/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    (tmp_path / "crawl.tar").write_bytes(buffer.getvalue())
    assert [(kind, record_id) for kind, record_id, _ in _summary(tmp_path / "crawl.tar")] == [
        ("Page", "crawl/a.html"),
        ("Page", "crawl/a.html#2"),
        ("Page", "crawl/a.html#2#2"),
    ]


def test_links_in_a_tar_archive_are_counted_never_followed(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        data = article("Ferry fares rise")
        info = tarfile.TarInfo("a.html")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        for name, kind, target in (("b.html", tarfile.LNKTYPE, "a.html"), ("c.html", tarfile.SYMTYPE, "/etc/passwd")):
            link = tarfile.TarInfo(name)
            link.type, link.linkname = kind, target
            archive.addfile(link)
    (tmp_path / "links.tar").write_bytes(buffer.getvalue())
    assert _summary(tmp_path / "links.tar") == [
        ("Page", "a.html", ""),
        ("Failure", "b.html", "not_a_page"),
        ("Failure", "c.html", "not_a_page"),
    ]
    errors = [i.error for i in read_documents(str(tmp_path / "links.tar"), CAP) if isinstance(i, Failure)]
    assert "hard link" in errors[0] and "to a.html" in errors[0] and "symbolic link" in errors[1]


def test_a_zip_archive_with_no_files_is_empty(tmp_path):
    """An empty zip is its end-of-central-directory record alone ("PK\\x05\\x06"): it was not_a_page."""
    buffer = io.BytesIO()
    zipfile.ZipFile(buffer, "w").close()
    (tmp_path / "none.zip").write_bytes(buffer.getvalue())
    (item,) = read_documents(str(tmp_path / "none.zip"), CAP)
    assert isinstance(item, Failure) and item.reason == "empty"


def test_a_zip_archive_gzipped_or_zstd_compressed_is_read(tmp_path):
    """A gzipped zip was one not_a_page row (its bytes sniffed as a page), a zstd one "decompress it"
    (found by an adversarial-input helper); read whole within the cap, as one archive."""
    archive = _zip({"a.html": article("Ferry fares rise"), "b.html": article("Ferry fares rise again")})
    for name, data in {
        "pages.zip.gz": gzip.compress(archive),
        "pages.zip.zst": zstandard.ZstdCompressor().compress(archive),
    }.items():
        (tmp_path / name).write_bytes(data)
        assert [record for _, record, _ in _summary(tmp_path / name)] == ["a.html", "b.html"], name
    (tmp_path / "big.zip.gz").write_bytes(gzip.compress(archive))
    (item,) = read_documents(str(tmp_path / "big.zip.gz"), len(archive) // 2)
    assert isinstance(item, Failure) and item.reason == "too_large"


def test_a_zip_whose_directory_names_a_member_with_no_name_is_read_from_its_local_headers(tmp_path):
    """A central directory entry with an empty name: Python 3.11's zipfile raises IndexError on it
    (is_dir() indexes the name), 3.12's lists it and then fails to open the member, whose local
    header names it. On both the members are read from their local headers instead, and the
    unreadable directory is a decode_error row: nothing lost, nothing raised, gzipped or not."""
    whole = bytearray(_zip({"crawl/a.html": article("Ferry fares rise")}))
    entry = whole.index(b"PK\x01\x02")
    name_length = int.from_bytes(whole[entry + 28 : entry + 30], "little")
    del whole[entry + 46 : entry + 46 + name_length]
    whole[entry + 28 : entry + 30] = (0).to_bytes(2, "little")
    end = whole.index(b"PK\x05\x06")
    size = int.from_bytes(whole[end + 12 : end + 16], "little") - name_length
    whole[end + 12 : end + 16] = size.to_bytes(4, "little")
    (tmp_path / "unnamed.zip").write_bytes(bytes(whole))
    (tmp_path / "unnamed.zip.gz").write_bytes(gzip.compress(bytes(whole), mtime=0))
    for name in ("unnamed.zip", "unnamed.zip.gz"):
        assert _summary(tmp_path / name) == [("Page", "crawl/a.html", ""), ("Failure", "", "decode_error")], name
