"""Train the text-dump line classifier on the dev sets and export it as pure-data JSON.

  OMP_NUM_THREADS=1 .venv/bin/python -m bench.train_text_model --data ../shared/data/fundus-news-80 \
      --data ../shared/data/wcxb-dev-articles --eval cross --eval kfold --out transforms/textmodel/model.json

In: dev-set folders (text/ dumps + ground-truth.aeb.json). Line labels come from the truth: a dump
line is body when most of its 4-token shingles (the judged metric's unit) occur in the articleBody.
Out: `model.json` (bag-of-words weights + gradient-boosted trees, read by transforms.textmodel.model)
and honest numbers: cross-set (train on one set, score the other) and k-fold grouped by site.
Needs scikit-learn (a training-only dependency); deterministic (fixed seeds, sorted inputs; one
OpenMP thread, which is also ~10x faster than many on a busy 2-core machine). ~5 min for --out,
~15 min for --eval kfold on this machine class.
"""

import argparse
import json
import pathlib
import re
import time
import zlib
from collections import Counter
from urllib.parse import urlparse

import numpy as np

from bench.common import load_scorer, load_truth, page_files, read_bytes
from transforms import mojibake
from transforms.errors import NoArticle
from transforms.text_strip import strip_lines
from transforms.textmodel.features import FEATURES, page_matrix
from transforms.textmodel.lines import normalize_lines, tokens
from transforms.textmodel.model import UNKNOWN, LineModel, bow_scores

# A line is body when at least this share of its shingles occurs in the truth.
LABEL_MIN_SHARE = 0.5
# A word joins the line model's vocabulary when it occurs on at least this many training pages
# (fewer and it mostly memorizes one site's menu).
MIN_PAGE_DF = 4
# Inverse L2 strength of the line model.
BOW_C = 0.5
# Folds of the out-of-fold line-model scores that the trees train on, and of the k-fold report.
FOLDS = 5
# Gradient-boosted trees: enough to fit context interactions, small enough to ship (< 2 MB).
TREES = {
    "max_iter": 120,
    "learning_rate": 0.1,
    "max_depth": 6,
    "max_leaf_nodes": 32,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
}
# Share (%) of training pages whose lines get no line-model score, so that the trees also learn to
# judge lines in languages the line model has not seen (their score is UNKNOWN at run time).
UNSEEN_LANGUAGE_PCT = 15
# Probability above which a line is body (the metric weights precision and recall alike).
THRESHOLD = 0.5

WORD = re.compile(r"\w+")


def line_labels(lines: list[str], truth: str) -> list[int]:
    toks = WORD.findall(truth)
    grams = {n: set(zip(*(toks[i:] for i in range(n)))) for n in (1, 2, 3, 4)}
    out = []
    for line in lines:
        lt = WORD.findall(line)
        n = min(len(lt), 4)
        if n == 0:
            out.append(0)
            continue
        shingles = list(zip(*(lt[i:] for i in range(n))))
        out.append(int(sum(s in grams[n] for s in shingles) >= LABEL_MIN_SHARE * len(shingles)))
    return out


def load_pages(data: pathlib.Path) -> list[dict]:
    truth, files = load_truth(data), page_files(data, "text")
    pages = []
    for pid in sorted(i for i in truth if i in files):
        raw = read_bytes(files[pid])
        text = raw.decode("utf-8", "replace")
        # the text the pipeline sees (transforms.decode): a site's double-encoded UTF-8 repaired
        lines = normalize_lines(mojibake.repair(text) if mojibake.suspect_bytes(raw) else text)
        body = truth[pid].get("articleBody") or ""
        url = truth[pid].get("url") or ""
        site = urlparse(url).netloc.removeprefix("www.") or pid.split("_")[0]
        pages.append(
            {
                "id": pid,
                "set": data.name,
                "site": site,
                "lines": lines,
                "truth": body,
                "labels": line_labels(lines, body),
            }
        )
    return pages


def group_folds(pages: list[dict], k: int) -> list[int]:
    """Fold of each page, whole sites together, assigned by a stable hash of the site name."""
    sites = sorted({p["site"] for p in pages})
    fold_of = {s: i % k for i, s in enumerate(sorted(sites, key=lambda s: (sum(map(ord, s)) * 2654435761) % 2**32))}
    return [fold_of[p["site"]] for p in pages]


def fit_bow(pages: list[dict]) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    df = Counter(t for p in pages for t in {t for ln in p["lines"] for t in tokens(ln)})
    vocab = sorted(t for t, c in df.items() if c >= MIN_PAGE_DF)
    vec = TfidfVectorizer(analyzer=tokens, vocabulary=vocab, use_idf=False, binary=True, norm="l2")
    x = vec.fit_transform([ln for p in pages for ln in p["lines"]])
    y = [lab for p in pages for lab in p["labels"]]
    clf = LogisticRegression(C=BOW_C, solver="liblinear", random_state=0).fit(x, y)
    weights = {t: round(float(w), 3) for t, w in zip(vocab, clf.coef_[0])}
    return {"bias": round(float(clf.intercept_[0]), 4), "vocab": weights}


def export_trees(clf) -> dict:
    feature, threshold, left, right, value, roots, depth = [], [], [], [], [], [], 0
    for (pred,) in clf._predictors:
        off = len(feature)
        roots.append(off)
        for j, node in enumerate(pred.nodes):
            leaf = bool(node["is_leaf"])
            feature.append(0 if leaf else int(node["feature_idx"]))
            threshold.append(float("inf") if leaf else float(node["num_threshold"]))
            left.append(off + j if leaf else off + int(node["left"]))
            right.append(off + j if leaf else off + int(node["right"]))
            value.append(round(float(node["value"]), 6) if leaf else 0.0)
            depth = max(depth, int(node["depth"]))
    threshold = [1e308 if t == float("inf") else t for t in threshold]
    return {
        "base": float(np.ravel(clf._baseline_prediction)[0]),
        "roots": roots,
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": value,
        "depth": depth,
    }


def fit(pages: list[dict]) -> dict:
    from sklearn.ensemble import HistGradientBoostingClassifier

    folds = group_folds(pages, FOLDS)
    rows, ys, ws = [], [], []
    for f in range(FOLDS):
        bow = fit_bow([p for p, g in zip(pages, folds) if g != f])
        for p, g in zip(pages, folds):
            if g == f and p["lines"]:
                # Some pages train without line-model scores, as if in an unseen language.
                unseen = zlib.crc32(p["id"].encode()) % 100 < UNSEEN_LANGUAGE_PCT
                scores = [UNKNOWN] * len(p["lines"]) if unseen else bow_scores(p["lines"], bow["bias"], bow["vocab"])
                rows.append(page_matrix(p["lines"], scores))
                ys += p["labels"]
                # Each page weighs the same (the metric averages pages); long lines weigh more.
                n = np.array([len(WORD.findall(ln)) + 1.0 for ln in p["lines"]])
                ws.append(np.sqrt(n) / np.sqrt(n).sum() * 100)
    start = time.perf_counter()
    clf = HistGradientBoostingClassifier(random_state=0, early_stopping=False, **TREES)
    clf.fit(np.concatenate(rows), np.array(ys), sample_weight=np.concatenate(ws))
    print(f"  trees fitted on {len(ys)} lines in {time.perf_counter() - start:.1f}s", flush=True)
    return {"features": list(FEATURES), "threshold": THRESHOLD, "bow": fit_bow(pages), "trees": export_trees(clf)}


def evaluate(spec: dict | None, pages: list[dict], scorer) -> dict:
    model = LineModel(spec) if spec else None
    preds, truth, start = {}, {}, time.perf_counter()
    for p in pages:
        try:
            body = "\n\n".join(strip_lines(p["lines"], model)[0])
        except NoArticle:
            body = ""
        preds[p["id"]], truth[p["id"]] = {"articleBody": body}, {"articleBody": p["truth"]}
    ms = (time.perf_counter() - start) * 1000 / max(len(pages), 1)
    s = scorer.score(preds, truth)
    return {"f1": s["f1"], "precision": s["precision"], "recall": s["recall"], "ms_per_page": round(ms, 2)}


def oracle(pages: list[dict], scorer) -> float:
    preds = {p["id"]: "\n\n".join(ln for ln, y in zip(p["lines"], p["labels"]) if y) for p in pages}
    return scorer.score(preds, {p["id"]: p["truth"] for p in pages})["f1"]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", action="append", required=True, help="a dev-set folder (repeatable)")
    ap.add_argument(
        "--eval",
        action="append",
        default=[],
        choices=("cross", "kfold", "rules", "oracle"),
        help="cross: train on one set, score the other; kfold: by site over all sets",
    )
    ap.add_argument("--out", help="write the model trained on all sets here")
    ap.add_argument("--oof", help="write the k-fold out-of-fold line probabilities here (JSON)")
    args = ap.parse_args(argv)
    sets = {pathlib.Path(d).name: load_pages(pathlib.Path(d)) for d in args.data}
    scorer = load_scorer(pathlib.Path(args.data[0]))
    for name, pages in sets.items():
        if "oracle" in args.eval:
            print(f"oracle {name}: keep exactly the labelled lines F1 {oracle(pages, scorer):.4f}")
        if "rules" in args.eval:
            print(f"rules  {name}: {evaluate(None, pages, scorer)}")
    if "cross" in args.eval:
        for train, train_pages in sets.items():
            spec = fit(train_pages)
            for test, test_pages in sets.items():
                tag = "train-set" if test == train else "cross-set"
                print(f"cross  train={train} test={test} ({tag}): {evaluate(spec, test_pages, scorer)}", flush=True)
    if "kfold" in args.eval:
        everything = [p for pages in sets.values() for p in pages]
        folds = group_folds(everything, FOLDS)
        probs: dict[tuple[str, str], list[float]] = {}
        for f in range(FOLDS):
            model = LineModel(fit([p for p, g in zip(everything, folds) if g != f]))
            for p, g in zip(everything, folds):
                if g == f:
                    probs[p["set"], p["id"]] = [float(x) for x in model.predict(p["lines"])]
        if args.oof:
            pathlib.Path(args.oof).write_text(json.dumps({f"{k[0]}/{k[1]}": v for k, v in probs.items()}))
        for name, pages in sets.items():
            result = evaluate_probs(pages, [probs[name, p["id"]] for p in pages], THRESHOLD, scorer)
            print(f"kfold  {name} ({FOLDS} folds, whole sites held out): {result}", flush=True)
    if args.out:
        spec = fit([p for pages in sets.values() for p in pages])
        text = json.dumps(spec, separators=(",", ":"), sort_keys=True)
        pathlib.Path(args.out).write_text(text, encoding="utf-8")
        print(
            f"wrote {args.out}: {len(text) / 1e6:.2f} MB, {len(spec['trees']['roots'])} trees, "
            f"{len(spec['bow']['vocab'])} words"
        )


def evaluate_probs(pages: list[dict], probs: list[list[float]], threshold: float, scorer) -> dict:
    """Score pages from given line probabilities (out-of-fold), through the runtime's selection."""
    preds, truth = {}, {}
    for p, pr in zip(pages, probs):
        try:
            body = "\n\n".join(strip_lines(p["lines"], None, np.asarray(pr), threshold)[0])
        except NoArticle:
            body = ""
        preds[p["id"]], truth[p["id"]] = {"articleBody": body}, {"articleBody": p["truth"]}
    s = scorer.score(preds, truth)
    return {"f1": s["f1"], "precision": s["precision"], "recall": s["recall"]}


if __name__ == "__main__":
    main()
