"""Opening an input file without ever waiting on it.

In: a path that a glob matched. Out: a binary stream over its bytes, or NotAFile when it leads to no
regular file. A named pipe opened for reading waits for a writer, for good if none comes: the run
stopped there. A stat before the open (`special_file`) names such a path without opening it, but
a file swapped for a pipe between that stat and the open still blocked the worker; so a local path
is opened without waiting (O_NONBLOCK: a pipe with no writer opens at once) and the descriptor it
gave is what is checked (fstat). Remote paths (`gs://`) hold no such files and go through Beam's
FileSystems.

  python -c 'from transforms.opening import open_input; print(open_input("samples/empty.html").read())'
"""

import os
import stat
from typing import BinaryIO

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from transforms.errors import NotAFile

# What a path that is no regular file is, by its mode's type bits.
_SPECIAL_KINDS = {
    stat.S_IFIFO: "named pipe",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
}


def special_kind(mode: int) -> str | None:
    """What a file of this mode is when it is neither a regular file nor a folder, else None."""
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else _SPECIAL_KINDS.get(stat.S_IFMT(mode), "special file")


def special_file(path: str) -> str | None:
    """What a local path that leads to no regular file is ("named pipe", "socket", "character device",
    "block device"), followed through symbolic links; None for a regular file, a remote path or a path
    that cannot be read (whose read says why)."""
    if FileSystems.get_scheme(path) not in (None, "file"):
        return None
    try:
        return special_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def open_input(path: str) -> BinaryIO:
    """A binary stream over one input file, read as it is stored (no decompression by name). Raises
    NotAFile for a local path whose opened descriptor is no regular file (nothing read from it), and
    OSError as an open does."""
    if FileSystems.get_scheme(path) is not None:
        return FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        if kind := special_kind(os.fstat(fd).st_mode):
            raise NotAFile(f"a {kind}, not a file: not read")
        os.set_blocking(fd, True)
        stream = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    stream.raw.name = path  # as Beam's open names it, not by its descriptor
    return stream
