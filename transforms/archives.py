"""Tar and zip archives of pages, read a member file at a time.

A crawl is often shipped as one archive: `pages.tar.gz`, a `.zip` of saved pages, a `.tar.zst` of
JSON Lines shards. Read as they were, such files were one `not_a_page` row ("binary content") and
none of their pages were read. Here each regular member file comes out with its bytes (read with
the per-file cap: a member over it is a `too_large` row, its bytes never read), for the read stage
to read as any file (`transforms/read.py`: a page, a WARC, a JSON export, ...; record ids are the
member's name, then the record's id within it after "#").

Known by content: a zip file by its first bytes (`PK\\x03\\x04`), a tar file by its header's
"ustar" magic, also under gzip, zstd, bzip2 or xz. A tar archive is read as a stream, a member at
a time (Python's tarfile, stream mode); a zip file needs its central directory at the end, so it is
read from a seekable file (Python's zipfile). A zip file cut off before its directory (a download or
a copy that stopped) is read again from its members' local headers (`_local_members`, by stream-unzip): the members
whole before the cut are kept, the cut one and the missing directory are one `decode_error` row.
A broken archive, or a member that cannot be read (encrypted, an unknown compression method), is a
`decode_error` row; the members before it are kept.
An archive with no files is one `empty` row.
An archive inside an archive is not opened (one `not_a_page` row): nesting is how a bomb multiplies.
A document format that is a zip inside (an EPUB book, an OpenDocument or Office file: .docx, .xlsx,
.pptx) is no archive of pages: one `not_a_page` row names it (read as members, a book's chapters
became articles and a .docx's XML parts a row each).
"""

import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from stream_unzip import TruncatedDataError, UnzipError, stream_unzip

from schemas import Failure
from transforms.decode import GZIP_MAGIC

ZIP_MAGIC = b"PK\x03\x04"
# An empty zip archive is its end-of-central-directory record alone.
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_TAR_MAGIC_AT = slice(257, 262)
_TAR_MAGIC = b"ustar"
_CHUNK_BYTES = 1 << 16  # a cut zip's bytes are handed to stream-unzip in pieces of this size
# Office Open XML files by the part that names their kind.
_OFFICE_PARTS = {"word/document.xml": "Word", "xl/workbook.xml": "Excel", "ppt/presentation.xml": "PowerPoint"}
# Errors of a member that cannot be read: encrypted (RuntimeError), an unsupported method
# (NotImplementedError), a corrupt stream (zlib.error, BadZipFile, OSError, EOFError).
_MEMBER_ERRORS = (
    IndexError,  # an entry's field indexed as if well formed (3.11's is_dir() on an empty name did)
    zipfile.BadZipFile,
    tarfile.TarError,
    zlib.error,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
)


def _is_tar_header(head: bytes) -> bool:
    return head[_TAR_MAGIC_AT] == _TAR_MAGIC


def archive_kind(head: bytes) -> str | None:
    """ "zip" or "tar" (gzipped or not) for a file whose first bytes (up to 512, decompressed from
    zstd, bzip2 or xz already) name one, else None."""
    if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
        return "zip"
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 512)
        except zlib.error:
            return None
    return "tar" if _is_tar_header(head) else None


def _over_cap(source_uri: str, max_bytes: int, name: str, size: int | None = None) -> Failure:
    return Failure(source_uri, "read", "too_large", f"member over {max_bytes} bytes", "", name, size)


def tar_members(stream: BinaryIO, source_uri: str, max_bytes: int) -> Iterator[tuple[str, bytes] | Failure]:
    """(name, bytes) of each regular member of a tar stream (gzipped or not), in archive order, or a
    Failure for one over the cap, for a link or special file (counted, never followed: a link's
    target is read where the archive holds it, or is outside it) and for a break (then the read
    stops). Folders are skipped."""
    name, files = "", 0
    try:
        with tarfile.open(fileobj=stream, mode="r|*") as archive:
            for member in archive:
                name = member.name
                if member.isdir():
                    continue
                files += 1
                if not member.isfile():
                    yield Failure(source_uri, "read", "not_a_page", _not_a_file(member)[:2000], "", name)
                    continue
                if member.size > max_bytes:
                    yield _over_cap(source_uri, max_bytes, name, member.size)
                    continue
                reader = archive.extractfile(member)
                yield name, reader.read() if reader else b""
    except _MEMBER_ERRORS as err:
        where = f"after member {name}: " if name else ""
        yield Failure(source_uri, "read", "decode_error", f"broken tar archive, {where}{err}"[:2000], "", name)
        return
    if not files:
        yield Failure(source_uri, "read", "empty", "a tar archive with no files")


def _not_a_file(member: tarfile.TarInfo) -> str:
    if member.issym():
        return f"a symbolic link in a tar archive, to {member.linkname}: not followed"
    if member.islnk():
        return f"a hard link in a tar archive, to {member.linkname}: its file is read as that member"
    return "a special file (device or pipe) in a tar archive"


def zip_members(stream: BinaryIO, source_uri: str, max_bytes: int) -> Iterator[tuple[str, bytes] | Failure]:
    """(name, bytes) of each file of a zip archive (a seekable stream), in directory order, or a
    Failure for one over the cap (by its declared size, and by what it gives), one that cannot be
    read, or an archive without a readable directory."""
    try:
        archive = zipfile.ZipFile(stream)
        listed = archive.infolist()
        if any(not info.filename for info in listed):
            # Python 3.11's is_dir() raises IndexError on it, 3.12's lists it and fails to open it
            # ("File name in directory '' and header ... differ"): the same fallback on both
            raise zipfile.BadZipFile("a directory entry with an empty name")
        infos = [info for info in listed if not info.is_dir()]
    except _MEMBER_ERRORS as err:
        stream.seek(0)
        yield from _local_members(stream, source_uri, max_bytes, f"broken zip archive: {err}")
        return
    if not infos:
        yield Failure(source_uri, "read", "empty", "a zip archive with no files")
    document = _document_format(archive, infos)
    if document:
        yield Failure(source_uri, "read", "not_a_page", f"{document}, not an archive of pages: not opened")
        return
    for info in infos:
        if info.file_size > max_bytes:
            yield _over_cap(source_uri, max_bytes, info.filename, info.file_size)
            continue
        try:
            with archive.open(info) as member:
                data = member.read(max_bytes + 1)
        except _MEMBER_ERRORS as err:
            yield Failure(source_uri, "read", "decode_error", f"unreadable zip member: {err}"[:2000], "", info.filename)
            continue
        if len(data) > max_bytes:  # a member that gives more than its header says
            yield _over_cap(source_uri, max_bytes, info.filename)
            continue
        yield info.filename, data


def _document_format(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> str | None:
    """What document a zip file is, when it is one: EPUB and OpenDocument files open with a stored
    "mimetype" member that says so, Office Open XML files carry "[Content_Types].xml" and a main
    part that names their kind."""
    names = {info.filename for info in infos}
    if infos and infos[0].filename == "mimetype" and infos[0].file_size <= 100:
        try:
            kind = archive.read(infos[0]).decode("ascii").strip()
        except (*_MEMBER_ERRORS, UnicodeDecodeError):
            return None
        if document := _mimetype_document(kind):
            return document
    if "[Content_Types].xml" in names:
        office = next((kind for part, kind in _OFFICE_PARTS.items() if part in names), None)
        if office:
            return f"a {office} document (Office Open XML)"
    return None


def _local_members(
    stream: BinaryIO, source_uri: str, max_bytes: int, broken: str
) -> Iterator[tuple[str, bytes] | Failure]:
    """A zip file without a readable central directory (cut off, or its end overwritten), read from
    the local header in front of each member, in file order, by stream-unzip (which reads a zip as a
    stream, sizes in the header or after the data, CRC checked): its whole members as `zip_members`
    gives them, then one decode_error row for where the read stopped, named after the member cut off
    there. `broken`: why the directory could not be read. A document format (EPUB, OpenDocument,
    Office) is known by its first member here, not by its directory. A member over the cap is read to
    its end unkept (the members after it are kept), as a streamed tar's is."""
    count, name = 0, ""  # name: the member being read, "" between members
    chunks = iter(lambda: stream.read(_CHUNK_BYTES), b"")
    try:
        for raw_name, _, member in stream_unzip(chunks, allowed_encryption_mechanisms=()):
            name = _member_name(raw_name)
            data = bytearray()
            for chunk in member:
                if len(data) <= max_bytes:
                    data += chunk
            if not count and (document := _first_member_document(name, bytes(data))):
                yield Failure(source_uri, "read", "not_a_page", f"{document}, not an archive of pages: not opened")
                return
            count += 1
            if not name.endswith("/"):
                yield _over_cap(source_uri, max_bytes, name) if len(data) > max_bytes else (name, bytes(data))
            name = ""
        why = "a central directory that cannot be read"
    except TruncatedDataError:
        why = f"the file's end inside member {name}" if name else "the file's end (no central directory)"
    except UnzipError as err:  # a bad CRC, an unknown method, an encrypted member, bytes that are no header
        why = f"{f'member {name} unreadable' if name else 'no member header'}: {type(err).__name__} {err}".rstrip()
    detail = f"{broken}; read from its local headers: {count} members, then {why}"
    yield Failure(source_uri, "read", "decode_error", detail[:2000], "", name)


def _member_name(raw: bytes) -> str:
    """A member's name as its local header spells it: UTF-8 (flag bit 11, or plain ASCII), else the
    IBM code page zip files were first written in."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp437")


def _first_member_document(name: str, data: bytes) -> str | None:
    """What document a zip file is, by its first member (`_document_format` without a directory):
    a "mimetype" that names an application type, or "[Content_Types].xml" (Office Open XML)."""
    if name == "[Content_Types].xml":
        return "a document (Office Open XML)"
    if name != "mimetype" or len(data) > 100:
        return None
    return _mimetype_document(data.decode("ascii", "replace").strip())


def _mimetype_document(kind: str) -> str | None:
    """What a "mimetype" member's type names: an EPUB book or another document ("application/...")."""
    if not kind.startswith("application/"):
        return None
    return f"an EPUB book ({kind})" if "epub" in kind else f"a document ({kind})"
