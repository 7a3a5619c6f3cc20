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
from collections import Counter
from itertools import chain

import numpy as np

from transforms.textmodel.lines import (
    BYLINE,
    END_CHARS,
    URL_HINTS,
    URLISH,
    cjk_chars,
    has_caption,
    has_date,
    has_promo,
    is_chrome,
    is_footer,
    is_prose,
    visual_len,
)
from transforms.textstats import holds_any

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
# The first letter of each word (a word starting with a digit or "_" has none), searched for after a
# space put before the line: in group 1 unless it is a-z, so one search counts both the words and the
# title-case ones. Starting with a \s (not "^|\s") lets the regex engine skip ahead to the spaces.
WORD_INITIAL = re.compile(r"\s(?:([^\W\d_a-z])|[a-z])")
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
    """The line's own columns (OWN). Tests come back as bools and counts as ints: `page_matrix`
    makes them floats in one go (a float() call per column cost a tenth of this function)."""
    size = len(line)
    cjk = cjk_chars(line)
    n = visual_len(line, cjk)  # size + cjk, and a Thai-family run as its words' length
    words = len(line.split())
    nw = words or 1
    low = line.lower()
    head = line[:HEAD_CHARS]
    initials = WORD_INITIAL.findall(" " + head)  # "" for an a-z initial
    short = size < 200
    digits = len(DIGIT.findall(head))
    dated = short and (digits > 0 or "ublish" in line or "pdate" in line) and has_date(line, low)
    # Asked once for the footer column and is_prose (which asks it of lines under 250 visual chars,
    # never more than 250 chars long).
    footer = size < 250 and is_footer(line, low)
    return [
        math.log1p(n),
        math.log1p(words),
        cjk / size,
        line[-1] in END_CHARS,
        line[-1] == ":",
        line[0].isupper() or line[0].isdigit(),
        (line.count(",") + line.count(".") + line.count(";") + line.count(":")) / nw,
        digits / len(head),
        (len(initials) - initials.count("")) / max(len(initials), 1),
        line.isupper(),
        line.count("|")
        + line.count("•")
        + line.count(" · ")
        + line.count(" » ")
        + line.count(" > ")
        + line.count(" / "),
        size < 300 and holds_any(low, URL_HINTS) and bool(URLISH.search(line)),
        dated,
        bool(BYLINE.match(line)),
        size < 60 and is_chrome(line),
        short and footer,
        size < 400 and has_caption(line, low),
        size < 300 and has_promo(line, low),
        is_prose(line, n, footer),
        size / nw,
        len(SENTENCE_END.findall(line)),
        bool(QUOTE_START.match(line)),
        repeats,
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


def _window_means(columns: np.ndarray, half: int) -> np.ndarray:
    """Each column's mean over the rows within `half` of a row (fewer at the page's edges)."""
    csum = np.concatenate((np.zeros((1, columns.shape[1])), np.cumsum(columns, axis=0)))
    idx = np.arange(len(columns))
    lo, hi = np.maximum(idx - half, 0), np.minimum(idx + half + 1, len(columns))
    return (csum[hi] - csum[lo]) / (hi - lo)[:, None]


def page_matrix(lines: list[str], bow: list[float]) -> np.ndarray:
    """One feature row per line (columns as in FEATURES)."""
    n = len(lines)
    counts = Counter(lines)
    # A quarter of a dump's lines repeat (menus, cards): each distinct row is computed and made
    # floats once, then copied to its lines.
    row_of: dict[tuple[str, float], int] = {}
    rows: list[list[float]] = []
    for ln, b in zip(lines, bow):
        if (ln, b) not in row_of:
            row_of[ln, b] = len(rows)
            rows.append(own_features(ln, counts[ln], b))
    distinct = np.fromiter(chain.from_iterable(rows), float, len(rows) * len(OWN)).reshape(len(rows), len(OWN))
    own = distinct[[row_of[key] for key in zip(lines, bow)]]
    col = {k: own[:, i] for i, k in enumerate(OWN)}
    lens = np.rint(np.expm1(col["log_len"]))
    prose = col["prose"]
    # best_run on Python floats: the same sums as on numpy's, without a numpy scalar per step.
    span = best_run(np.where(prose > 0, lens, -CHROME_PENALTY).tolist())
    bow_arr = np.asarray(bow, dtype=float)
    bspan = best_run(((bow_arr - 0.5) * np.minimum(lens, 400) - 5).tolist())
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
        prev = pos - 1
        has_up = prev >= 0
        up[has_up] = idx[has_up] - prose_idx[prev[has_up]]
    cum = np.cumsum(lens) - lens
    loglen = col["log_len"]
    same = np.zeros(n)
    like_next = np.abs(loglen[1:] - loglen[:-1]) < 0.3
    same[1:] += like_next
    same[:-1] += like_next
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
    windowed = np.stack([prose, bow_arr, loglen], axis=1)
    windows = [_window_means(windowed, w) for w in WINDOWS]
    core = np.stack([col[k] for k in CORE], axis=1)
    neigh = []
    for o in NEIGHBOURS:
        shifted = np.zeros_like(core)  # a neighbour beyond the page's edge reads as all zeros
        if o < 0 and n + o > 0:
            shifted[-o:] = core[: n + o]
        elif o > 0 and n - o > 0:
            shifted[: n - o] = core[o:]
        neigh.append(shifted)
    return np.concatenate([own, np.stack(page, axis=1), *windows, *neigh], axis=1)
