"""Per-line features of a text page dump, for the line classifier.

In: the dump's non-blank lines (whitespace-collapsed) and, per line, the bag-of-words score of the
line model. Out: a float matrix, one row per line: the line's own shape (length, end punctuation,
separators, case, digits, chrome/byline/date patterns), its place in the page (relative position,
the Kadane "main run" of prose lines) and the same core values of its neighbours. What one line is
(its patterns and tests): `lines`.

  .venv/bin/python -c "from transforms.textmodel.features import page_matrix; print(page_matrix(['Hi.'], [0.0]))"
"""

import math
import re

import numpy as np

from transforms.textmodel.lines import (
    BYLINE,
    DATEISH,
    END_CHARS,
    URL_HINTS,
    URLISH,
    cjk_chars,
    has_caption,
    has_promo,
    is_chrome,
    is_footer,
    is_prose,
    visual_len,
)

# Cost of a non-prose line inside the main run: a few short lines do not break it, a nav block does.
CHROME_PENALTY = 60.0
# Neighbour offsets whose core values join a line's row: two lines of context each side.
NEIGHBOURS = (-3, -2, -1, 1, 2, 3)
# Case and digit shares are read from a line's first this many chars (enough to tell, and cheap).
HEAD_CHARS = 160
# Half-width (lines) of the windows that average prose-ness and line-model scores around a line.
WINDOWS = (2, 5)

QUOTE_START = re.compile(r"""^\s*["“'‘«「]""")
DIGIT = re.compile(r"\d")
UPPER_WORD = re.compile(r"(?:^|\s)[^\W\d_a-z]")
ALPHA_WORD = re.compile(r"(?:^|\s)[^\W\d_]")
SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")

OWN = (
    "log_len",
    "log_words",
    "cjk_frac",
    "end_punct",
    "end_colon",
    "starts_upper",
    "punct_per_word",
    "digit_frac",
    "title_case_frac",
    "all_caps",
    "separators",
    "urlish",
    "dateish",
    "byline",
    "chrome",
    "footer",
    "caption",
    "promo",
    "prose",
    "avg_word_len",
    "sentences",
    "quote_start",
    "repeats",
    "bow",
)
CORE = ("log_len", "end_punct", "prose", "bow", "title_case_frac", "separators")
PAGE = (
    "rel_pos",
    "log_from_end",
    "char_pos",
    "in_run",
    "run_dist_start",
    "run_dist_end",
    "run_share",
    "in_bow_run",
    "bow_run_dist",
    "len_vs_max",
    "len_vs_run_median",
    "log_lines",
    "prose_above",
    "prose_below",
    "dist_prose_up",
    "dist_prose_down",
    "same_len_block",
)
FEATURES = (
    OWN
    + PAGE
    + tuple(f"w{w}_{k}" for w in WINDOWS for k in ("prose", "bow", "len"))
    + tuple(f"n{o}_{k}" for o in NEIGHBOURS for k in CORE)
)


def own_features(line: str, repeats: int, bow: float) -> list[float]:
    size = len(line)
    cjk = cjk_chars(line)
    n = visual_len(line, cjk)  # size + cjk, and a Thai-family run as its words' length
    words = line.split()
    nw = len(words) or 1
    low = line.lower()
    head = line[:HEAD_CHARS]
    caps = len(UPPER_WORD.findall(head))
    short = size < 200
    digits = len(DIGIT.findall(head))
    dated = short and (digits > 0 or "ublish" in line or "pdate" in line) and bool(DATEISH.search(line))
    return [
        math.log1p(n),
        math.log1p(len(words)),
        cjk / size,
        float(line[-1] in END_CHARS),
        float(line[-1] == ":"),
        float(line[0].isupper() or line[0].isdigit()),
        (line.count(",") + line.count(".") + line.count(";") + line.count(":")) / nw,
        digits / len(head),
        caps / max(len(ALPHA_WORD.findall(head)), 1),
        float(line.isupper()),
        float(
            line.count("|")
            + line.count("•")
            + line.count(" · ")
            + line.count(" » ")
            + line.count(" > ")
            + line.count(" / ")
        ),
        float(size < 300 and any(h in low for h in URL_HINTS) and bool(URLISH.search(line))),
        float(dated),
        float(bool(BYLINE.match(line))),
        float(size < 60 and is_chrome(line)),
        float(short and is_footer(line, low)),
        float(size < 400 and has_caption(line, low)),
        float(size < 300 and has_promo(line, low)),
        float(is_prose(line, n)),
        size / nw,
        float(len(SENTENCE_END.findall(line))),
        float(bool(QUOTE_START.match(line))),
        float(repeats),
        bow,
    ]


def best_run(scores) -> tuple[int, int]:
    """[start, end) of the contiguous run with the highest total score (Kadane)."""
    best, best_span, total, start = 0.0, (0, 0), 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _signed_log(d: np.ndarray) -> np.ndarray:
    return np.sign(d) * np.log1p(np.abs(d))


def _window_mean(values: np.ndarray, half: int) -> np.ndarray:
    csum = np.concatenate(([0.0], np.cumsum(values)))
    idx = np.arange(len(values))
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, len(values))
    return (csum[hi] - csum[lo]) / (hi - lo)


def page_matrix(lines: list[str], bow: list[float]) -> np.ndarray:
    """One feature row per line (columns as in FEATURES)."""
    n = len(lines)
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln] = counts.get(ln, 0) + 1
    rows: dict[tuple[str, float], list[float]] = {}  # repeated lines (a quarter of a dump's) computed once
    own = np.array(
        [rows.get((ln, b)) or rows.setdefault((ln, b), own_features(ln, counts[ln], b)) for ln, b in zip(lines, bow)],
        dtype=float,
    ).reshape(n, len(OWN))
    col = {k: own[:, i] for i, k in enumerate(OWN)}
    lens = np.rint(np.expm1(col["log_len"]))
    prose = col["prose"]
    span = best_run(np.where(prose > 0, lens, -CHROME_PENALTY))
    bow_arr = np.asarray(bow, dtype=float)
    bspan = best_run((bow_arr - 0.5) * np.minimum(lens, 400) - 5)
    idx = np.arange(n)
    in_run = ((idx >= span[0]) & (idx < span[1])).astype(float)
    run_chars = lens[span[0] : span[1]]
    run_median = float(np.median(run_chars)) if len(run_chars) else 1.0
    prose_idx = np.flatnonzero(prose > 0)
    up = np.full(n, 50.0)
    down = np.full(n, 50.0)
    if len(prose_idx):
        pos = np.searchsorted(prose_idx, idx)
        has_down = pos < len(prose_idx)
        down[has_down] = prose_idx[pos[has_down]] - idx[has_down]
        prev = np.searchsorted(prose_idx, idx, side="left") - 1
        has_up = prev >= 0
        up[has_up] = idx[has_up] - prose_idx[prev[has_up]]
    cum = np.cumsum(lens) - lens
    loglen = col["log_len"]
    same = np.zeros(n)
    same[1:] += np.abs(loglen[1:] - loglen[:-1]) < 0.3
    same[:-1] += np.abs(loglen[1:] - loglen[:-1]) < 0.3
    page = [
        idx / max(n - 1, 1),
        np.log1p(n - 1 - idx),
        cum / max(lens.sum(), 1.0),
        in_run,
        _signed_log(idx - span[0]),
        _signed_log(idx - span[1] + 1),
        np.full(n, run_chars.sum() / max(lens.sum(), 1.0)),
        ((idx >= bspan[0]) & (idx < bspan[1])).astype(float),
        _signed_log(idx - bspan[0]),
        lens / max(lens.max(), 1.0),
        lens / max(run_median, 1.0),
        np.full(n, math.log1p(n)),
        np.cumsum(prose) - prose,
        prose.sum() - np.cumsum(prose),
        np.log1p(up),
        np.log1p(down),
        same,
    ]
    windows = []
    for w in WINDOWS:
        windows += [_window_mean(prose, w), _window_mean(bow_arr, w), _window_mean(loglen, w)]
    core = np.stack([col[k] for k in CORE], axis=1)
    pad = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    neigh = []
    for o in NEIGHBOURS:
        shifted = np.tile(pad, (n, 1))
        if o < 0 and n + o > 0:
            shifted[-o:] = core[: n + o]
        elif o > 0 and n - o > 0:
            shifted[: n - o] = core[o:]
        neigh.append(shifted)
    return np.concatenate([own, np.stack(page, axis=1), np.stack(windows, axis=1)] + neigh, axis=1)
