"""Files compressed with zstd, bzip2 or xz, read as what they hold (gzip is unwrapped where it is read).

Crawl and dataset exports often come as `*.jsonl.zst` (datatrove's zstd output, The Pile, RedPajama,
SlimPajama), and archives of pages as `.bz2` or `.xz`. Read as they were, such files were one
`not_a_page` row ("binary content"). A file is known by its first bytes, not its name; its
decompressed bytes are then sniffed as any file's (WARC, JSON export, page), and every cap applies
to them: a decompression bomb stops at the cap like gzip's.

  zstd: zstandard (already installed with apache-beam, which uses it for its own ZSTD files);
  bzip2 and xz: the standard library.
A stream that breaks while read, or ends inside a frame or block, raises ValueError ("corrupt bzip2
stream: ...", "zstd stream cut off inside a frame"), which the read stage reports as decode_error; the
records read before the break are kept. zstandard's stream reader does not say when a stream ends
early (it returns what the whole blocks hold, and a file cut at a block's end read as whole), so zstd
is read frame by frame (`_ZstdFrames`), which knows whether the last frame ended.

Archive Team's `.warc.zst` compresses each WARC record as a frame of its own with a dictionary that
the file carries in a skippable frame at its start (itself zstd-compressed or raw): that dictionary
is read first (`_dictionary`, at most MAX_DICT_BYTES) and the frames are decompressed with it.
"""

import bz2
import lzma
import re
from typing import BinaryIO

import zstandard

from transforms.warc import PrefixedStream

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
XZ_MAGIC = b"\xfd7zXZ\x00"
# A zstd skippable frame: magic 0x184D2A50-0x184D2A5F (little-endian), then its size (4 bytes).
_SKIPPABLE = re.compile(rb"[\x50-\x5f]\x2a\x4d\x18", re.DOTALL)
_DICT_MAGIC = b"\x37\xa4\x30\xec"  # a raw zstd dictionary
# Largest dictionary read from a file's skippable frame (Archive Team's are ~100 KB to a few MB).
MAX_DICT_BYTES = 16 * 1024 * 1024
# bzip2: "BZh", the block size ("1"-"9"), then a block's magic (pi's digits) or, empty, the end's.
_BZIP2 = re.compile(rb"BZh[1-9](?:\x31\x41\x59\x26\x53\x59|\x17\x72\x45\x38\x50\x90)")


def codec(head: bytes) -> str | None:
    """The compression a file's first bytes name ("zstd", "bzip2", "xz"), or None."""
    if head.startswith(ZSTD_MAGIC) or _SKIPPABLE.match(head):
        return "zstd"
    if head.startswith(XZ_MAGIC):
        return "xz"
    return "bzip2" if _BZIP2.match(head) else None


class Decompressed:
    """A read-only stream of the decompressed bytes of `source` (a stream over the compressed file),
    whose read errors are ValueErrors."""

    def __init__(self, name: str, source: BinaryIO):
        self.name = name
        if name == "zstd":
            dictionary, source = _dictionary(source)
            try:
                decompressor = zstandard.ZstdDecompressor(dict_data=dictionary)
            except zstandard.ZstdError as err:  # a dictionary's magic over a corrupt table
                raise ValueError(f"corrupt zstd dictionary: {err}") from None
            self._stream = _ZstdFrames(decompressor, source)
        elif name == "bzip2":
            self._stream = bz2.BZ2File(source)
        else:  # the file under it is closed by the caller's `with`; this wrapper holds no handle of its own
            self._stream = lzma.LZMAFile(source)  # noqa: SIM115
        self._started = False

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._stream.read(size)
        except (zstandard.ZstdError, OSError, lzma.LZMAError, EOFError) as err:
            raise ValueError(f"corrupt {self.name} stream: {err}") from None
        if not self._started and size and not data:
            raise ValueError(f"{self.name} stream holds no data (truncated or corrupt)")
        self._started = True
        return data


class _ZstdFrames:
    """The decompressed bytes of a stream of zstd frames (skippable ones among them), read frame by
    frame; raises ValueError when the stream ends inside a frame or a frame is corrupt, once the
    bytes of the frames before it are read. Input goes in CHUNK bytes at a time, so one call makes
    at most CHUNK * ~32,768 bytes (a bomb's 128 KiB run-length blocks)."""

    CHUNK = 1024

    def __init__(self, decompressor: zstandard.ZstdDecompressor, source: BinaryIO):
        self._decompressor = decompressor
        self._source = source
        self._frame = decompressor.decompressobj()
        self._in_frame = False  # the current frame has had input and has not ended
        self._buffer = bytearray()
        self._done = False
        self._error: ValueError | None = None  # raised once what came before it is read

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            self._feed(self._source.read(self.CHUNK))
        if self._done and not self._buffer:  # what came before a cut or a corrupt frame is read first
            if self._error:
                raise self._error
            if self._in_frame:
                raise ValueError("zstd stream cut off inside a frame")
        if size < 0 or size >= len(self._buffer):
            data, self._buffer = bytes(self._buffer), bytearray()
        else:
            data = bytes(self._buffer[:size])
            del self._buffer[:size]
        return data

    def _feed(self, chunk: bytes) -> None:
        self._done = not chunk
        while chunk:
            try:
                self._buffer += self._frame.decompress(chunk)
            except zstandard.ZstdError as err:
                self._error, self._done = ValueError(f"corrupt zstd stream: {err}"), True
                return
            self._in_frame = not self._frame.eof
            chunk = self._frame.unused_data if self._frame.eof else b""
            if self._frame.eof:
                self._frame = self._decompressor.decompressobj()


def _dictionary(source: BinaryIO) -> tuple[zstandard.ZstdCompressionDict | None, BinaryIO]:
    """The dictionary a zstd file carries in the skippable frames it opens with (`.warc.zst`), or
    None, and the stream of the frames after them. Raises ValueError for a skippable frame that is
    cut off or too large, or a compressed dictionary that is corrupt."""
    dictionary = None
    while True:
        header = source.read(8)
        if not _SKIPPABLE.match(header):
            return dictionary, PrefixedStream(header, source)
        size = int.from_bytes(header[4:8], "little")
        if len(header) < 8 or size > MAX_DICT_BYTES:
            raise ValueError(f"zstd skippable frame of {size} bytes: cut off or over {MAX_DICT_BYTES}")
        data = source.read(size)
        if len(data) < size:
            raise ValueError("zstd skippable frame cut off")
        try:
            if data.startswith(ZSTD_MAGIC):  # the dictionary, compressed
                # decompress() allocates the size the frame's header declares before it reads a byte
                # (max_output_size bounds only a frame that declares none): 2**56 was a MemoryError
                declared = zstandard.frame_content_size(data)
                if declared > MAX_DICT_BYTES:
                    raise ValueError(f"zstd dictionary of {declared} bytes declared: over {MAX_DICT_BYTES}")
                data = zstandard.ZstdDecompressor().decompress(data, max_output_size=MAX_DICT_BYTES)
        except zstandard.ZstdError as err:
            raise ValueError(f"corrupt zstd dictionary: {err}") from None
        if data.startswith(_DICT_MAGIC):
            dictionary = zstandard.ZstdCompressionDict(data)
