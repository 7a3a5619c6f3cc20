"""Where one page's CPU time goes, stage by stage, in one process, beside the bare trafilatura loop.

  .venv/bin/python -m bench.stages --pages '/tmp/corpus/*' --limit 400
  .venv/bin/python -m bench.stages --pages '../shared/data/wcxb-dev-articles/html/*'

In: a glob of input files (plain pages, gzipped or not; WARC records too). Out: CPU ms a page for
read+decode, extraction (html or text dump), the article rows (metadata, language, hashes), and,
inside those rows, language detection and sentence segmentation timed again on their own; then
`trafilatura.extract(html, include_comments=False, favor_precision=True, with_metadata=True)` on
the same pages in the same run. No Beam: `bench.speed` measures the whole pipeline; this says
which row function to look at. Process CPU time (`time.process_time`), so a busy machine slows
the wall clock, not these numbers (much).
"""

import argparse
import glob
import time
from datetime import UTC, datetime

from bench.common import skip
from schemas import Page
from transforms import language
from transforms.articles import build_articles
from transforms.errors import NoArticle
from transforms.extract import extract_page
from transforms.read import read_documents
from transforms.segment import segment_article

MAX_BYTES = 16 << 20
STAGES = ("read", "extract", "articles", "  language", "  segments", "trafilatura loop")


def _timed(fn, *args):
    """(result or None on a page error, CPU seconds)."""
    started = time.process_time()
    try:
        result = fn(*args)
    except (NoArticle, ValueError):
        result = None
    return result, time.process_time() - started


def measure(files: list[str]) -> tuple[int, int, dict[str, float]]:
    """(pages, html pages, CPU seconds by stage) over `files`."""
    import trafilatura

    language.load()
    now = datetime.now(UTC)
    spent = dict.fromkeys(STAGES, 0.0)
    pages = html_pages = 0
    for path in files:
        docs, seconds = _timed(lambda p: list(read_documents(p, MAX_BYTES)), path)
        spent["read"] += seconds
        for page in (d for d in docs or [] if isinstance(d, Page)):
            pages += 1
            extraction, seconds = _timed(extract_page, page)
            spent["extract"] += seconds
            rows, seconds = _timed(build_articles, extraction, now) if extraction else (None, 0.0)
            spent["articles"] += seconds
            if rows:  # as build_articles does it: one detection a page, segments for every story
                spent["  language"] += _timed(language.detect_language, rows[0]["text"])[1]
            for row in rows or []:
                spent["  segments"] += _timed(segment_article, row["text"])[1]
            if page.fmt == "html":
                html_pages += 1
                spent["trafilatura loop"] += _timed(
                    lambda text: trafilatura.extract(
                        text, include_comments=False, favor_precision=True, with_metadata=True
                    ),
                    page.text,
                )[1]
    return pages, html_pages, spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", required=True, help="a glob of input files")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files, sorted (0: all)")
    args = parser.parse_args(argv)
    files = sorted(glob.glob(args.pages))[: args.limit or None]
    if not files:
        skip(f"no file matches {args.pages}")
    pages, html_pages, spent = measure(files)
    print(f"{pages} pages ({html_pages} html) from {len(files)} files; CPU ms a page (the loop: an html page)")
    for stage in STAGES:
        per = html_pages if stage == "trafilatura loop" else pages
        print(f"{stage:<18} {1000 * spent[stage] / max(per, 1):8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
