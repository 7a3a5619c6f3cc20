"""Boilerplate stripping for plain-text page dumps (one visible text block per line).

In: a `Page` with fmt == "text". Out: an `Extraction` whose story holds the article's body lines,
and whose `Signals` carry the headline, byline/credit/date lines and breadcrumbs found above the
body (so they become metadata, not body). Raises `NoArticle` when no run of prose is found.

Method: score every line as prose or chrome from its own shape (length, end punctuation, word
count, separators), find the best-scoring contiguous run (the article body, Kadane over line
scores), then drop residual chrome inside it and read the header lines above it.
"""

import re

from schemas import Extraction, Page, Signals, Story
from transforms.errors import NoArticle

# A line at least this long (chars; CJK counts double) that ends like a sentence is prose.
PROSE_MIN_CHARS = 70
# Cost of a non-prose line inside the body run: a few short lines (a subhead, a one-line quote)
# do not break the run, a nav block does.
CHROME_PENALTY = 60.0
# Fewer body characters than this and the page has no article.
MIN_BODY_CHARS = 200

_END_PUNCT = re.compile(r"""[.!?…。！？」』"”'’)\]]\s*$""")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SEPARATED = re.compile(r"(\s[|•·»>/]\s|\s{2,}•|\s•\s)")
_BYLINE = re.compile(r"^(by|por|par|von|di|door|av|af)\s+\S", re.I)
_DATEISH = re.compile(
    r"(\b(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d{2}\b"
    r"|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(19|20)\d{2}\b|(19|20)\d{2}年\d{1,2}月\d{1,2}日|\bupdated:?)",
    re.I,
)
_CHROME = re.compile(
    r"^(advertisement|advertisements?|sponsored|share( this)?|print|e-?mail|bookmark|tweet|comments?|"
    r"read more|related|most (popular|read|viewed)|hot topics|adjust font size:?|skip to .*|"
    r"sign (in|up)|subscribe.*|log ?in|menu|search|home|more|next|previous|close|top)$",
    re.I,
)
_FOOTER = re.compile(r"(copyright|all rights reserved|©|\(c\) \d{4}|terms of (use|service)|privacy policy|cookie)", re.I)
_TRAILING_MARK = re.compile(r"\s+(Endi|\(END\)|END|-{2,}\s*END)\s*$")


def _visual_len(line: str) -> int:
    return len(line) + len(_CJK.findall(line))


def is_prose(line: str) -> bool:
    n = _visual_len(line)
    if n < PROSE_MIN_CHARS or _CHROME.match(line) or _FOOTER.search(line):
        return False
    if _SEPARATED.search(line) and line.count("•") + line.count("|") >= 2:
        return False
    words = len(line.split())
    return bool(_END_PUNCT.search(line)) or words >= 25 or n >= 2 * PROSE_MIN_CHARS


def line_score(line: str) -> float:
    return float(_visual_len(line)) if is_prose(line) else -CHROME_PENALTY


def best_run(scores: list[float]) -> tuple[int, int]:
    """[start, end) of the contiguous run with the highest total score (Kadane)."""
    best, best_span, total, start = 0.0, (0, 0), 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _is_byline(line: str) -> bool:
    return bool(_BYLINE.match(line) or (len(line) < 160 and _DATEISH.search(line)))


def _is_breadcrumb(line: str) -> bool:
    parts = re.split(r"\s+[|/>»]\s+", line)
    return 1 < len(parts) <= 6 and all(0 < len(p) <= 40 for p in parts) and not _END_PUNCT.search(line)


def read_header(lines: list[str], signals: Signals) -> None:
    """Headline, byline/credit/date lines and breadcrumbs, from the lines above the body."""
    title_at = None
    first_byline = next((i for i, line in enumerate(lines) if _is_byline(line)), None)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _is_byline(line):
            signals.byline_lines.insert(0, line)
        elif _is_breadcrumb(line):
            signals.breadcrumbs.insert(0, line)
        elif 3 <= len(line.split()) <= 30 and not _CHROME.match(line) and not _SEPARATED.search(line):
            # The headline stands just above the byline when there is one; else it is the last
            # title-like line above the body.
            if title_at is None or (first_byline is not None and i < first_byline <= title_at):
                title_at = i
    if title_at is not None:
        signals.title = lines[title_at]
        below = [ln for ln in lines[title_at + 1:] if not _is_byline(ln) and not _is_breadcrumb(ln)]
        if below and len(below[0].split()) >= 4 and not _CHROME.match(below[0]):
            signals.subtitle = below[0]


def strip_text_dump(page: Page) -> Extraction:
    lines = [" ".join(line.split()) for line in page.text.splitlines()]
    lines = [line for line in lines if line]
    start, end = best_run([line_score(line) for line in lines])
    body = [line for line in lines[start:end] if is_prose(line) or (len(line.split()) >= 6 and _END_PUNCT.search(line))]
    if body:
        body[-1] = _TRAILING_MARK.sub("", body[-1])
    if sum(len(p) for p in body) < MIN_BODY_CHARS:
        raise NoArticle("no run of prose lines")
    signals = Signals()
    read_header(lines[:start], signals)
    visible = sum(len(line) for line in lines)
    return Extraction(page, [Story(body)], signals, input_chars=visible)
