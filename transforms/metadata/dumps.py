"""The header of a plain-text page dump: its headline line and the credit lines around it.

In: the dump's text (one visible block per line) and the body's first paragraph (from the text
stripper). Out: (headline or None, the short lines between the headline and the body). The
header is the run of lines before the body; the headline is the line in it that reads most like
one: followed closely by a byline or date line, in title case, five to sixteen words, not a
sentence, a menu entry, a caption, a credit or a list item. Used when a dump's `Signals` lack a
headline or credit lines, or name a worse one (`normalize_metadata`).

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re

# How many lines before the body are read as the header.
HEADER_LINES = 40
# How many lines after a candidate may hold the byline/date that marks it as the headline.
CREDIT_REACH = 4
# How many lines before the headline may hold its date ("May 2, 2024" over the headline).
CREDIT_BEFORE = 4
# How many lines after the body's first paragraph may still be its credit lines (the first
# paragraph was a standfirst), and how long such a line may be (body sentences are longer).
CREDIT_BELOW = 4
MAX_BELOW_CHARS = 80
# Headline length in words: fewer is a menu entry or a label, more is a paragraph.
MIN_WORDS, MAX_WORDS = 3, 25
# Lines between the headline and the body longer than this are a standfirst or a caption.
MAX_CREDIT_CHARS = 120

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d"
         r"|(?:19|20)\d\d-\d\d-\d\d|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b")
_CREDIT = re.compile(rf"(?i)^(?:by|written by|posted|published|updated|last updated|reviewed by|edited by)\b"
                     rf"|\bmin(?:ute)?s? read\b|reading time|{_DATE}")
_NOT_HEADLINE = re.compile(r"(?i)^(?:share|advertisement|home\b|menu|search|skip to|log ?in|sign ?in|subscribe|"
                           r"read more|click|image|photo|credit)|getty images|\bcourtesy\b|opens in new window"
                           r"|»|›|>|\s/\s|[|•·@]|https?:|\.com\b|^\d+\.\s|^you are here")


def _lines(dump: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in dump.splitlines()) if line]


def _body_start(lines: list[str], first_paragraph: str) -> int | None:
    first = " ".join(first_paragraph.split())
    if not first:
        return None
    return next((i for i, line in enumerate(lines) if line == first or (len(first) > 40 and line.startswith(first[:40]))),
                None)


def _score(lines: list[str], i: int, end: int) -> float | None:
    line = lines[i]
    words = line.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or _CREDIT.search(line) or _NOT_HEADLINE.search(line):
        return None
    alpha = [w for w in words if w[0].isalpha()]
    score = 1.5 * sum(w[0].isupper() for w in alpha) / max(1, len(alpha))  # title case
    if any(_CREDIT.search(after) for after in lines[i + 1: min(end, i + CREDIT_REACH) + 1]):
        score += 3.0  # a byline or a date follows the headline
    if line.endswith((".", ":", ",")):
        score -= 2.0  # a sentence or a lead-in
    if 5 <= len(words) <= 16:
        score += 1.0
    return score - 0.02 * (end - i)  # nearer the body is likelier


def dump_header(dump: str, first_paragraph: str) -> tuple[str | None, list[str]]:
    """(headline, credit lines after it) of a text dump; (None, []) when the body is not found."""
    lines = _lines(dump)
    end = _body_start(lines, first_paragraph)
    if end is None:
        return None, []
    scored = [(s, i) for i in range(max(0, end - HEADER_LINES), end) if (s := _score(lines, i, end)) is not None]
    if not scored:
        return None, []
    _, best = max(scored)
    after = [line for line in lines[best + 1: end] if len(line) <= MAX_CREDIT_CHARS and _CREDIT.search(line)]
    before = [line for line in lines[max(0, best - CREDIT_BEFORE): best]  # a date or category line over the headline
              if len(line) <= MAX_CREDIT_CHARS and _CREDIT.search(line)]
    below = [line for line in lines[end + 1: end + 1 + CREDIT_BELOW]  # a byline under a one-paragraph standfirst
             if len(line) <= MAX_BELOW_CHARS and _CREDIT.search(line)]
    return lines[best], after + before + below
