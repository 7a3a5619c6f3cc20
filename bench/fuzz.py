"""Fuzzing and time-limit overhead, outside CI (minutes, not seconds).

fuzz      mutate seed pages (samples/, a JSON Lines export of some of them, the first pages in a
          tar.gz, a zip, the export under zstd and as a Parquet table, and any --seeds folder) for
          --seconds and push every mutant, written to a file, through the read stage's
          read_documents (plain files, WARC, JSON exports, Parquet, archives: one mutant may give
          several pages; one that gives nothing at all is a finding) ->
          the guarded extractor with the article rows (extract_articles, as the strip stage runs it)
          -> segment_article. Anything but a pipeline outcome
          (a Failure, a skipped record, an extractor exception, which the strip stage quarantines, a
          timeout) is a finding, saved under --findings for a repro. The mutant being read is at
          --findings/current-mutant.html while it is read: a run stopped on one that never ends (the
          read and segment stages have no time limit) leaves it there.
overhead  the per-document time limit's cost: extract_page called directly vs through DocGuard,
          interleaved page by page, best of --repeat, on a folder of pages.

.venv/bin/python -m bench.fuzz fuzz --seconds 300 --seeds ../shared/seeds
.venv/bin/python -m bench.fuzz overhead --data ../shared/data/fundus-news-80 --repeat 3
"""

import argparse
import hashlib
import io
import json
import os
import random
import tarfile
import time
import traceback
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard

from bench.common import read_bytes, skip
from schemas import Failure, Page
from transforms.decode import decode_page
from transforms.errors import NoArticle
from transforms.extract import extract_articles, extract_page
from transforms.guard import DocGuard, DocTimeout, WorkerDied
from transforms.read import read_documents
from transforms.segment import segment_article

ROOT = Path(__file__).resolve().parents[1]
# Cap per mutant: big enough for real pages, small enough that a run sees thousands of mutants.
MAX_BYTES = 4 << 20
# Per-mutant limit while fuzzing: a normal page extracts in well under a second.
FUZZ_TIMEOUT = 10.0
# Pages of one mutant container (WARC, JSON Lines) taken through extraction: the read covers the rest.
PAGES_PER_MUTANT = 4

_SNIPPETS = [
    b"<div>" * 300,
    b"</p></div></body>",
    b"<!DOCTYPE html [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>",
    b"<?xml version='1.0' encoding='utf-16'?>",
    b"<meta charset='rot13'>",
    b"<meta charset='shift_jis'>",
    b"\x00\x01\x02",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1f\x8b\x08",
    b"<script>" + b"a" * 5000,
    b"<![CDATA[",
    b"<table><tr><td>" * 50,
    b"&#x0;&#xD800;&#1114112;&amp;&lol;",
    b"\xe4\xb8\xad\xe6" * 20,
    b"\r\n" * 200,
    b'<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0000-00-00"}</script>',
    b"<time datetime='99999-99-99'>",
    b"<html lang='../../x'>",
    b"By " + b"A. " * 200,
    b" " * 70000,
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random edits: flip, delete, duplicate, splice a hostile snippet, truncate."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(data)) if data else 0
        if op == 0 and data:
            for _ in range(rng.randint(1, 32)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif op == 1 and data:
            del data[pos : pos + rng.randint(1, 4096)]
        elif op == 2 and data:
            chunk = data[pos : pos + rng.randint(1, 2048)]
            data[pos:pos] = chunk * rng.randint(1, 50)
        elif op in (3, 4):
            data[pos:pos] = rng.choice(_SNIPPETS) * rng.randint(1, 3)
        else:
            data = data[:pos]
    return bytes(data[: MAX_BYTES * 2])


def run_one(path: Path, raw: bytes, guard: DocGuard) -> list[str]:
    """The outcomes of one input file (a label per page, failure or skipped record); raises only on
    a finding. Every item is read; the first PAGES_PER_MUTANT pages go on through extraction."""
    path.write_bytes(raw)
    outcomes, extracted = [], 0
    for item in read_documents(str(path), MAX_BYTES):
        if isinstance(item, Failure):
            outcomes.append(item.reason)
        elif not isinstance(item, Page):
            outcomes.append("skipped")  # a WARC record that is no page
        elif extracted < PAGES_PER_MUTANT:
            extracted += 1
            outcomes.append(run_page(item, guard))
    if not outcomes:  # not a page, not a quarantine row: the file would be lost silently
        raise AssertionError("read_documents gave nothing for a whole file")
    return outcomes


def run_page(page, guard: DocGuard) -> str:
    """The outcome of one read page through extraction, article rows and segments."""
    try:
        extraction = guard.call(page)
    except NoArticle:
        return "no_article"
    except DocTimeout:
        return "timeout"
    except WorkerDied:
        return "worker_died"
    except Exception:  # the strip stage quarantines these as parse_error: an outcome, not a finding
        return "parse_error"
    if extraction.enrich_failure is not None:
        reason, error = extraction.enrich_failure
        if reason == "no_article":
            return "no_article"
        raise RuntimeError(f"building the article rows failed: {error}")  # internal_error: a finding
    for row in extraction.rows:
        for seg in segment_article(row["text"], row["segment_spans"]):  # as staging cuts them
            assert row["text"][seg["char_start"] : seg["char_end"]] == seg["text"]
    return "article"


def export_seed(folder: Path) -> bytes:
    """A JSON Lines export of three HTML pages and three dumps of the seed folder: a record with the
    html or the text of each, and each dump's again as news-please's extracted maintext under a title."""
    pages = [decode_page(str(path), path.read_bytes()) for path in sorted(folder.glob("*")) if path.is_file()]
    pages = [page for page in pages if not isinstance(page, Failure)]
    lines = []
    for page in [p for p in pages if p.fmt == "html"][:3] + [p for p in pages if p.fmt != "html"][:3]:
        path = Path(page.source_uri)
        url = f"https://seed.example/{path.stem}"
        lines.append(json.dumps({"url": url, "html" if page.fmt == "html" else "text": page.text}))
        if page.fmt != "html":
            lines.append(
                json.dumps({"url": url, "title": path.stem, "authors": ["Seed Writer"], "maintext": page.text})
            )
    return "\n".join(lines).encode() + b"\n"


def container_seeds(folder: Path, export: bytes) -> list[bytes]:
    """The seed folder's first pages in the containers the read stage opens: a tar.gz, a zip, the
    export under zstd, a Parquet table of the export's records (each read by its own code), and the
    export under zstd with a dictionary (`dictionary_zstd`)."""
    files = [path for path in sorted(folder.glob("*")) if path.is_file()][:3]
    tar_buffer, zip_buffer, parquet_buffer = io.BytesIO(), io.BytesIO(), io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w:gz") as archive:
        for path in files:
            archive.add(path, arcname=f"pages/{path.name}")
    with zipfile.ZipFile(zip_buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, arcname=f"pages/{path.name}")
    records = [json.loads(line) for line in export.splitlines() if line.strip()]
    columns = sorted({key for record in records for key in record})
    table = pa.table({key: [record.get(key) for record in records] for key in columns})
    pq.write_table(table, parquet_buffer, row_group_size=2)
    zstd = zstandard.ZstdCompressor().compress(export)
    return [tar_buffer.getvalue(), zip_buffer.getvalue(), zstd, parquet_buffer.getvalue(), dictionary_zstd(export)]


def dictionary_zstd(export: bytes) -> bytes:
    """The export as Archive Team writes a .warc.zst: a frame per line, compressed with a dictionary
    carried (itself compressed) in a skippable frame at the file's start."""
    lines = [line + b"\n" for line in export.splitlines() if line.strip()]
    samples = [line[i : i + 256] for line in lines for i in range(0, len(line), 256)]
    dictionary = zstandard.train_dictionary(1024, samples)
    held = zstandard.ZstdCompressor().compress(dictionary.as_bytes())
    frames = b"".join(zstandard.ZstdCompressor(dict_data=dictionary).compress(line) for line in lines)
    return b"\x5d\x2a\x4d\x18" + len(held).to_bytes(4, "little") + held + frames


def fuzz(seconds: float, seed_dirs: list[Path], findings: Path, seed: int) -> int:
    for folder in seed_dirs:
        if not folder.is_dir():
            print(f"no seed folder {folder}: fuzzing without it")
    seeds = [p.read_bytes() for d in seed_dirs for p in sorted(d.glob("*")) if p.is_file()]
    if not seeds:
        raise SystemExit("no seed files")
    export = export_seed(seed_dirs[0])
    seeds += [export, *container_seeds(seed_dirs[0], export)]
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    slowest: list[tuple[float, str]] = []
    found = mutants = 0
    deadline = time.monotonic() + seconds
    # The mutant being read is kept at one path, over the one before: a run stopped on a mutant that
    # never ends (a regex in the read or segment stages, which no time limit guards) leaves it there.
    findings.mkdir(parents=True, exist_ok=True)
    current = findings / "current-mutant.html"
    with DocGuard(extract_articles, FUZZ_TIMEOUT) as guard:
        while time.monotonic() < deadline:
            raw = mutate(rng.choice(seeds), rng)
            digest = hashlib.sha1(raw).hexdigest()[:12]
            name = f"mutant-{digest}.html"
            started = time.monotonic()
            try:
                outcomes = run_one(current, raw, guard)
            except Exception:
                outcomes = ["FINDING"]
                found += 1
                (findings / name).write_bytes(raw)
                (findings / f"{name}.txt").write_text(traceback.format_exc())
            took = time.monotonic() - started
            slowest = sorted(slowest + [(took, f"{name} -> {','.join(outcomes[:3])}")], reverse=True)[:5]
            mutants += 1
            for outcome in outcomes:
                counts[outcome] = counts.get(outcome, 0) + 1
        restarts = guard.restarts
    current.unlink(missing_ok=True)
    print(
        f"{mutants} mutants in {seconds:.0f} s; outcomes (a mutant export may give several): "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    print(f"guard restarts: {restarts}; findings: {found}" + (f" (saved in {findings})" if found else ""))
    print("slowest: " + "; ".join(f"{t:.2f} s {n}" for t, n in slowest))
    return 1 if found else 0


def text_length(page) -> int:
    """A do-nothing extractor: what is left is the guard's own cost (pickling, pipe, wake-ups)."""
    return len(page.text)


def _child_cpu(pid: int) -> float:
    """User + system CPU seconds of a live process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(fn, page) -> float:
    started = time.perf_counter()
    try:
        fn(page)
    except NoArticle:
        pass
    return time.perf_counter() - started


def overhead(data: Path, repeat: int, limit: int | None) -> None:
    """Wall time (best of `repeat`, interleaved page by page) and CPU time, direct vs guarded."""
    files = sorted(p for sub in ("html", "text") for p in (data / sub).glob("*") if p.is_file())[:limit]
    pages = [decode_page(str(p), read_bytes(p)) for p in files]  # the dev sets' pages are gzipped
    pages = [p for p in pages if not isinstance(p, Failure)]
    if not pages:
        skip(f"no pages under {data}/html or {data}/text")
    from bench.fuzz import text_length as importable  # not __main__.text_length: the child imports it by name

    with DocGuard(extract_page, 60) as guard, DocGuard(importable, 60) as bare:
        for page in pages[:3]:  # warm both paths (imports, caches)
            _timed(extract_page, page), _timed(guard.call, page), _timed(bare.call, page)
        direct, guarded, ipc = [], [], []
        cpu_direct = cpu_guarded = 0.0
        for page in pages:  # interleaved, so load from other processes hits both alike
            for _ in range(repeat):
                c0 = time.process_time()
                direct.append(_timed(extract_page, page))
                c1, k1 = time.process_time(), _child_cpu(guard.child_pid)
                guarded.append(_timed(guard.call, page))
                cpu_direct += c1 - c0
                cpu_guarded += time.process_time() - c1 + _child_cpu(guard.child_pid) - k1
                ipc.append(_timed(bare.call, page))
    best = lambda xs: [min(xs[i : i + repeat]) for i in range(0, len(xs), repeat)]  # noqa: E731
    d, g, b = sum(best(direct)), sum(best(guarded)), sum(best(ipc))
    n = len(pages)
    print(f"{n} pages (html + text), best of {repeat}, interleaved:")
    print(
        f"  wall: direct {d:.2f} s ({d / n * 1000:.1f} ms/page), guarded {g:.2f} s ({g / n * 1000:.1f} ms/page): "
        f"{100 * (g / d - 1):+.1f}%"
    )
    print(
        f"  CPU (parent + child, all runs): direct {cpu_direct:.2f} s, guarded {cpu_guarded:.2f} s: "
        f"{100 * (cpu_guarded / cpu_direct - 1):+.1f}%"
    )
    print(f"  guard alone (do-nothing extractor): {b / n * 1000:.2f} ms/page wall")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    f = sub.add_parser("fuzz", help="mutational fuzzing of the read-strip-enrich-segment path")
    f.add_argument("--seconds", type=float, default=120)
    f.add_argument("--seeds", type=Path, action="append", default=[], help="extra folder of seed pages")
    f.add_argument("--findings", type=Path, default=Path("/tmp/fuzz-findings"))
    f.add_argument("--seed", type=int, default=0)
    o = sub.add_parser("overhead", help="time-limit overhead: direct vs guarded extraction")
    o.add_argument("--data", type=Path, required=True, help="folder with html/ and/or text/")
    o.add_argument("--repeat", type=int, default=3)
    o.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if args.mode == "fuzz":
        return fuzz(args.seconds, [ROOT / "samples", *args.seeds], args.findings, args.seed)
    overhead(args.data, args.repeat, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
