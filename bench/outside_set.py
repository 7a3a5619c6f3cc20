"""A check set from outside the dev sets: newspaper4k's test pages, laid out as a dev set.

newspaper4k (MIT) ships, in its source distribution, saved news pages (tests/data/html) with its own
extraction of each (tests/data/txt) and metadata (tests/data/metadata). Its texts are an extractor's
output, not a reader's, so scores against them measure agreement; what they add is pages nobody tuned
on, 11 of the 23 in Chinese, Japanese, Korean, Thai, Burmese, Arabic, Latvian and Spanish. Nothing here
downloads: fetch the source distribution yourself, from the package registry.

  .venv/bin/pip download --no-deps --no-binary :all: newspaper4k==0.9.6 -d /tmp/np
  tar xzf /tmp/np/newspaper4k-0.9.6.tar.gz -C /tmp/np
  .venv/bin/python -m bench.outside_set /tmp/np/newspaper4k-0.9.6 /tmp/np/set
  .venv/bin/python -m bench.quality --data /tmp/np/set/data/newspaper4k --mode html   # and --mode text

Out: OUT/data/newspaper4k/{html,text,ground-truth.aeb.json} and OUT/tools, a link to
../shared/tools (the judged metric, and the dump maker the text/ folder is made with). Without
../shared it says so and exits 0.
"""

import argparse
import json
import pathlib
import shutil
import subprocess
import sys

from bench.common import skip

SHARED_TOOLS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "tools"


def truth_record(text: pathlib.Path, metadata: pathlib.Path) -> dict:
    """The dev sets' record shape: the body, and the URL, title, authors ("; " between) and day where known."""
    record = {"articleBody": text.read_text(encoding="utf-8")}
    if metadata.exists():
        meta = json.loads(metadata.read_text(encoding="utf-8"))
        record.update(
            url=meta.get("url"),
            title=meta.get("title"),
            author="; ".join(meta.get("authors") or []) or None,
            publish_date=(meta.get("publish_date") or "")[:10] or None,
        )
    return record


def build(source: pathlib.Path, folder: pathlib.Path) -> int:
    """html/ and ground-truth.aeb.json in `folder`, for the pages that have both an HTML file and an
    extraction; returns how many."""
    data = source / "tests" / "data"
    (folder / "html").mkdir(parents=True, exist_ok=True)
    truth = {}
    for text in sorted((data / "txt").glob("*.txt")):
        html = data / "html" / f"{text.stem}.html"
        if html.exists():
            page_id = text.stem.replace(".", "_")  # the benchmarks take a file's id up to its first dot
            shutil.copyfile(html, folder / "html" / f"{page_id}.html")
            truth[page_id] = truth_record(text, data / "metadata" / f"{text.stem}.json")
    (folder / "ground-truth.aeb.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(truth)


def dump_text(folder: pathlib.Path, out: pathlib.Path) -> None:
    """text/ made from html/ with the dev sets' own dump maker, and OUT/tools linked to it and the metric."""
    tools = out / "tools"
    if not tools.exists():
        tools.symlink_to(SHARED_TOOLS)
    subprocess.run(
        [sys.executable, str(SHARED_TOOLS / "make_text_dumps.py"), str(folder / "html"), str(folder / "text")],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=pathlib.Path, help="the unpacked newspaper4k source distribution")
    parser.add_argument("out", type=pathlib.Path, help="where the set goes")
    args = parser.parse_args(argv)
    if not (SHARED_TOOLS / "score_extraction.py").exists():
        skip(f"no {SHARED_TOOLS}: the metric and the dump maker live there")
    if not (args.source / "tests" / "data" / "txt").is_dir():
        parser.error(f"{args.source} holds no tests/data/txt: unpack newspaper4k's source distribution")
    folder = args.out / "data" / "newspaper4k"
    pages = build(args.source, folder)
    dump_text(folder, args.out)
    print(f"{pages} pages -> {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
