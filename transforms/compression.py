"""Files compressed with zstd, bzip2 or xz, read as what they hold (gzip is unwrapped where it is read).

Crawl and dataset exports often come as `*.jsonl.zst` (datatrove's zstd output, The Pile, RedPajama,
SlimPajama), and archives of pages as `.bz2` or `.xz`. Read as they were, such files were one
`not_a_page` row ("binary content"). A file is known by its first bytes, not its name; its
decompressed bytes are then sniffed as any file's (WARC, JSON export, page), and every cap applies
to them: a decompression bomb stops at the cap like gzip's.

  zstd: zstandard (already installed with apache-beam, which uses it for its own ZSTD files);
  bzip2 and xz: the standard library.
A stream that breaks while read raises ValueError ("corrupt bzip2 stream: ..."), which the read stage
reports as decode_error; the records read before the break are kept. zstandard's reader does not say
when a stream ends early: a zstd file cut off before its first block ends is a decode_error ("holds
no data"), one cut off later gives what its whole blocks hold (a cut JSON line is a decode_error).
"""

import bz2
import lzma
import re
from typing import BinaryIO

import zstandard

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
XZ_MAGIC = b"\xfd7zXZ\x00"
# bzip2: "BZh", the block size ("1"-"9"), then a block's magic (pi's digits) or, empty, the end's.
_BZIP2 = re.compile(rb"BZh[1-9](?:\x31\x41\x59\x26\x53\x59|\x17\x72\x45\x38\x50\x90)")


def codec(head: bytes) -> str | None:
    """The compression a file's first bytes name ("zstd", "bzip2", "xz"), or None."""
    if head.startswith(ZSTD_MAGIC):
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
            self._stream = zstandard.ZstdDecompressor().stream_reader(source, read_across_frames=True)
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
