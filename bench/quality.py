"""Extraction quality: the pipeline's boilerplate stripping vs bare trafilatura, same pages, same run.

  python -m bench.quality --data ../shared/data/fundus-news-80 --mode html
  python -m bench.quality --data ../shared/data/wcxb-dev-articles --mode text --limit 200

Prints F1 / precision / recall (the judged metric, ../shared/tools/score_extraction.py) and docs/s
for each system, then the ten worst pages of ours. HTML baselines: trafilatura.extract with its
defaults, with include_comments=False, and with include_comments=False, favor_precision=True.
Text baseline: no cleaning at all (trafilatura has no text-dump mode). Skips cleanly without data.
"""

import argparse
import json
import pathlib
import time

from bench.common import load_scorer, load_truth, page_files, read_bytes
from schemas import Failure
from transforms.decode import decode_page
from transforms.errors import NoArticle
from transforms.extract import body_text, extract_page

TRAFILATURA_SETTINGS = {
    "trafilatura defaults": {},
    "trafilatura no-comments": {"include_comments": False},
    "trafilatura no-comments+precision": {"include_comments": False, "favor_precision": True},
}


def ours(raw: bytes, uri: str) -> str:
    page = decode_page(uri, raw)
    if isinstance(page, Failure):
        return ""
    try:
        return body_text(extract_page(page))
    except NoArticle:
        return ""


def run_system(name, fn, inputs) -> tuple[dict, float]:
    preds, start = {}, time.perf_counter()
    for page_id, raw in inputs.items():
        preds[page_id] = {"articleBody": fn(raw, page_id) or ""}
    return preds, time.perf_counter() - start


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="a dev-set folder with html/, text/ and ground-truth.aeb.json")
    ap.add_argument("--mode", choices=("html", "text"), default="html", help="which input to read")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the baselines (faster iterations)")
    ap.add_argument("--worst", type=int, default=10, help="how many worst pages to list")
    ap.add_argument("--dump", help="write our predictions to this JSON file")
    args = ap.parse_args(argv)
    data = pathlib.Path(args.data)
    truth = load_truth(data)
    scorer = load_scorer(data)
    files = page_files(data, args.mode)
    ids = [i for i in truth if i in files][: args.limit or None]
    truth = {i: truth[i] for i in ids}
    inputs = {i: read_bytes(files[i]) for i in ids}

    systems = {"ours": ours}
    if not args.no_baseline:
        if args.mode == "html":
            import trafilatura

            for name, kwargs in TRAFILATURA_SETTINGS.items():
                systems[name] = lambda raw, uri, kw=kwargs: trafilatura.extract(raw, **kw)
        else:
            systems["no cleaning"] = lambda raw, uri: raw.decode("utf-8", "replace")

    print(f"{data.name} mode={args.mode} pages={len(ids)}")
    print(f"{'system':40} {'F1':>7} {'prec':>7} {'recall':>7} {'docs/s':>8}")
    results = {}
    for name, fn in systems.items():
        preds, seconds = run_system(name, fn, inputs)
        result = scorer.score(preds, truth, per_page=True)
        results[name] = (preds, result)
        print(
            f"{name:40} {result['f1']:7.4f} {result['precision']:7.4f} {result['recall']:7.4f} "
            f"{len(ids) / seconds:8.1f}"
        )
    if len(systems) > 1:
        best = max((r["f1"], n) for n, (_, r) in results.items() if n != "ours")
        print(f"ours - best baseline ({best[1]}): {results['ours'][1]['f1'] - best[0]:+.4f} F1")
    per_page = results["ours"][1]["per_page"]
    worst = sorted(
        per_page.items(),
        key=lambda kv: 2 * kv[1]["precision"] * kv[1]["recall"] / ((kv[1]["precision"] + kv[1]["recall"]) or 1),
    )
    print(f"worst {args.worst} pages (ours):")
    for page_id, s in worst[: args.worst]:
        print(f"  {page_id:30} precision {s['precision']:.3f} recall {s['recall']:.3f}")
    if args.dump:
        pathlib.Path(args.dump).write_text(json.dumps(results["ours"][0], ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
