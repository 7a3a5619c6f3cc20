"""Paths through Beam's FileSystems, which read every path they are given as a glob.

A glob character in a path ('*', '?', '[') makes it a pattern to Beam's match and delete: a file
named "Ferry fares [updated].html", or any path under an output folder named "out [x]", matched
nothing. `is_glob` says whether a path is one; `delete_paths` deletes paths as they are named.

  python -c 'from transforms.globs import is_glob; print(is_glob("out [x]/a.parquet"))'
"""

import glob
import os
import shutil

from apache_beam.io.filesystems import FileSystems

GLOB_CHARS = frozenset("*?[")


def is_glob(path: str) -> bool:
    """Whether Beam reads `path` as a pattern (it holds '*', '?' or '[')."""
    return not GLOB_CHARS.isdisjoint(path)


def delete_paths(paths: list[str]) -> None:
    """FileSystems.delete with each path taken as named. Its delete matches every path as a glob
    first; a path holding glob characters is escaped for an object store, and removed directly
    where it is local (a glob's match lists files, never a folder)."""
    plain = [path for path in paths if not is_glob(path)]
    if plain:
        FileSystems.delete(plain)
    for path in (path for path in paths if is_glob(path)):
        if FileSystems.get_scheme(path) is not None:
            FileSystems.delete([glob.escape(path)])
        elif os.path.isdir(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
