"""Shared plumbing of the benchmarks: dev-set loading and the judged metric.

The metric is `../shared/tools/score_extraction.py`, loaded from the data folder's side, not
copied: a benchmark that cannot find it (or the data) says so and exits 0.
"""

import gzip
import importlib.util
import json
import pathlib
import sys


def skip(message: str) -> None:
    print(f"SKIP: {message}")
    sys.exit(0)


def load_scorer(data_dir: pathlib.Path):
    for tools in (data_dir.parent.parent / "tools", data_dir.parent / "tools"):
        path = tools / "score_extraction.py"
        if path.exists():
            spec = importlib.util.spec_from_file_location("score_extraction", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    skip(f"no tools/score_extraction.py beside {data_dir}")


def load_truth(data_dir: pathlib.Path) -> dict:
    path = data_dir / "ground-truth.aeb.json"
    if not path.exists():
        skip(f"{path} not found (the dev sets live in ../shared/data)")
    return json.loads(path.read_text(encoding="utf-8"))


def page_files(data_dir: pathlib.Path, mode: str) -> dict[str, pathlib.Path]:
    """page id -> input file, for mode 'html' or 'text'."""
    folder = data_dir / mode
    if not folder.is_dir():
        skip(f"{folder} not found")
    return {p.name.split(".")[0]: p for p in sorted(folder.iterdir()) if p.is_file()}


def read_bytes(path: pathlib.Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
