"""What one line of a text page dump is: the patterns and tests the line model and the stripper share.

In: one line (or the dump, for `normalize_lines`). Out: whether it reads as prose (`is_prose`), ends
like a sentence, carries a photo caption or an offer, its visual length (CJK counts double), its
words for the bag-of-words model (`tokens`); and the patterns of a byline, a date, chrome, a footer,
a caption, a promo and a URL. `features` turns them into a line's feature row; `text_strip` reads them
directly.

  .venv/bin/python -c "from transforms.textmodel.lines import is_prose; print(is_prose('A short line'))"
"""

import re
from functools import lru_cache
from itertools import pairwise

from transforms.textstats import CJK_CHAR as CJK
from transforms.textstats import (
    furniture_label,
    holds_any,
    rights_notice,
    unspaced_widening,
    without_link_labels,
)

# A line at least this long (visual chars, CJK count double) that ends like a sentence is prose.
PROSE_MIN_CHARS = 70
# lynx -dump's link list (`without_references`): its heading, an entry ("  12. https://..."), the
# number it puts before each link's text ("[12]Home"), and how many entries make such a list.
_REFERENCES_HEAD = re.compile(r"^\s*(?:References|Visible links:?)\s*$")
_REFERENCE = re.compile(r"^\s*\d+\.\s+\S+:\S*\s*$")
_LINK_NUMBER = re.compile(r"\[\d+\](?=\S)")
REFERENCES_MIN = 2
# Hard-wrapped dumps (`wrap_width`): the widths they are wrapped at, how many lines may run over (a
# long URL), how many lines must reach the width and end there for want of room, and the share of
# the lines after those that must go on in lower case.
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 40, 120
WRAP_MAX_OVER = 0.02
WRAP_MIN_FULL = 3
WRAP_MIN_BREAKS = 5
WRAP_LOWER_SHARE = 0.4

END_CHARS = frozenset(""".!?…。！？」』"”'’)]""")
WORD = re.compile(r"\w+")
BYLINE = re.compile(r"^(by|por|par|von|di|door|av|af|written by|posted by|from)\s+\S", re.IGNORECASE)
DATEISH = re.compile(
    r"(\b(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d{2}\b"
    r"|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d{2}\b|(19|20)\d{2}年\d{1,2}月\d{1,2}日"
    r"|\bupdated:?|\bpublished:?|\b\d{1,2}:\d{2}\b|\b\d+\s+(min|minutes?|hours?|days?)\s+ago\b)",
    re.IGNORECASE,
)
CHROME = re.compile(
    r"^(advertisement|advertisements?|sponsored( content)?|share( this( article| story)?)?( on \w+)?|print|e-?mail|"
    r"bookmark|tweet|comments?|\d+ comments?|read more|related( (articles?|stories|content|posts?))?|"
    r"most (popular|read|viewed|shared)|hot topics|adjust font size:?|skip to .*|sign (in|up).*|subscribe.*|"
    r"log ?in|menu|search|home|more|next|previous|close|top|back to top|see also|recommended( for you)?|"
    r"you may also like.*|you are here:?.*|trending( now)?|follow us.*|newsletters?|photo:? .*|image:? .*|credit:? .*)$",
    re.IGNORECASE,
)
FOOTER = re.compile(
    r"(copyright|all rights reserved|©|\(c\) \d{4}|terms of (use|service)|privacy policy|cookie)", re.IGNORECASE
)
CAPTION = re.compile(
    r"(\((photo|image|picture|credit)[^)]*\)|\([^()]{0,60}\b(photo|photograph|image|picture)s?\)\s*$|\b(photo|image|picture|illustration)\s*(:|by|credit|courtesy)|\bgetty images\b|\breuters/|\bap photo\b|/\s*(afp|ap|reuters|getty)\b)",
    re.IGNORECASE,
)
PROMO = re.compile(
    r"\b(newsletter|subscribe|sign up|read more|click here|follow us|download (the|our) app|"
    r"all rights reserved|terms of (use|service)|privacy policy)\b",
    re.IGNORECASE,
)
URLISH = re.compile(r"(https?://|www\.|\.com\b|@\w)", re.IGNORECASE)
# Substrings without which the regexes above cannot match (cheap pre-checks on the lower-cased line).
CAPTION_HINTS = ("photo", "image", "picture", "credit", "illustration", "getty", "/")
PROMO_HINTS = (
    "newsletter",
    "subscribe",
    "sign up",
    "read more",
    "click here",
    "follow us",
    "download",
    "all rights reserved",
    "terms of",
    "privacy policy",
)
URL_HINTS = ("http", "www.", ".com", "@")
FOOTER_HINTS = ("copyright", "rights reserved", "©", "(c) ", "terms of", "privacy policy", "cookie")
# DATEISH's: a 19xx/20xx year or an h:mm time (DATE_NUMBER), else "ago", "updated" or "published" (as
# "publ": case-blind, the pattern's "i" and "s" also take "ı" and "ſ", which lower() keeps).
DATE_NUMBER = re.compile(r"(?:19|20)\d\d|\d:\d")
DATE_WORDS = ("ago", "updated", "publ")


def normalize_lines(text: str) -> list[str]:
    """The dump's lines, hard-wrapped paragraphs joined (`unwrapped`), lynx's link numbers and
    reference list gone (`without_references`), whitespace collapsed, screen readers' link labels
    (", opens new tab") cut, blank lines dropped. A list of its own for each caller."""
    return list(_normalized(text))


# The metadata reader asks this of a dump once per story (its header is read around each story's first
# line) and again for a closing credit: 1,094 calls for 680 dev and corpus dumps, ~0.4 ms each.
@lru_cache(maxsize=2)
def _normalized(text: str) -> tuple[str, ...]:
    lines = without_references(unwrapped(text.splitlines()))
    return tuple(ln for ln in (without_link_labels(" ".join(raw.split())) for raw in lines) if ln)


def without_references(lines: list[str]) -> list[str]:
    """A `lynx -dump` page without its link numbers ("By [7]Jane Roe", "[2]Home [3]News") and the
    numbered list of link targets under its "References" line; any other dump as it is. A dump is
    lynx's when its last "References" (or "Visible links") line heads REFERENCES_MIN numbered URLs
    and nothing else."""
    heads = [i for i, line in enumerate(lines) if _REFERENCES_HEAD.match(line)]
    if not heads:
        return lines
    listed = [line for line in lines[heads[-1] + 1 :] if line.strip()]
    if len(listed) < REFERENCES_MIN or not all(_REFERENCE.match(line) for line in listed):
        return lines
    return [_LINK_NUMBER.sub("", line) for line in lines[: heads[-1]]]


def wrap_width(lines: list[str]) -> int | None:
    """The width a dump was hard-wrapped at (lynx or w3m -dump, mail, wire copy), None when it was not:
    the longest line length that WRAP_MIN_FULL lines reach within 2 characters, when WRAP_MIN_BREAKS
    lines end there because the next line's first word would not have fit, and WRAP_LOWER_SHARE of
    those next lines go on in lower case (a sentence broken mid-way, not a list of headlines). A dump
    with one block a line has its paragraphs' lines far over WRAP_MAX_WIDTH."""
    lengths = [len(line) for line in lines if line.strip()]
    if not lengths or sum(n > WRAP_MAX_WIDTH for n in lengths) > WRAP_MAX_OVER * len(lengths):
        return None
    counts: dict[int, int] = {}
    for n in lengths:
        counts[n] = counts.get(n, 0) + 1
    width = next(
        (
            w
            for w in range(WRAP_MAX_WIDTH, WRAP_MIN_WIDTH - 1, -1)
            if counts.get(w, 0) and sum(counts.get(w - d, 0) for d in range(3)) >= WRAP_MIN_FULL
        ),
        None,
    )
    if width is None:
        return None
    nexts = [b for a, b in pairwise(lines) if _broken(a, b, width)]
    if len(nexts) < WRAP_MIN_BREAKS or sum(b.lstrip()[:1].islower() for b in nexts) < WRAP_LOWER_SHARE * len(nexts):
        return None
    return width


def _broken(line: str, following: str, width: int) -> bool:
    """`line` ends where it does because the next line's first word did not fit in `width`."""
    return (
        bool(line.strip())
        and bool(following.strip())
        and len(line) + 1 + len(following.split()[0]) > width >= len(line)
    )


def unwrapped(lines: list[str]) -> list[str]:
    """A hard-wrapped dump's lines with each paragraph on one line again (see `wrap_width`); any
    other dump's lines as they are."""
    lines = [line.rstrip() for line in lines]
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and out and _broken(lines[i - 1], line, width):
            out[-1] += " " + line.strip()
        else:
            out.append(line)
    return out


def ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in END_CHARS


def has_caption(line: str, low: str) -> bool:
    """CAPTION.search, tried only when a word it needs is there (case-blind regexes are slow)."""
    return holds_any(low, CAPTION_HINTS) and bool(CAPTION.search(line))


def has_promo(line: str, low: str) -> bool:
    return (holds_any(low, PROMO_HINTS) and bool(PROMO.search(line))) or (
        ":" in low and furniture_label(line)  # "Lesen Sie auch: <another story>"
    )


def has_date(line: str, low: str) -> bool:
    """DATEISH.search, tried only when a year, a time or a word it needs is there (its case-blind
    search costs ~20 us on a line of prose; the pre-checks a tenth of that)."""
    return (DATE_NUMBER.search(line) is not None or holds_any(low, DATE_WORDS)) and bool(DATEISH.search(line))


def is_chrome(line: str) -> bool:
    """A whole line of page chrome: an English label (CHROME) or another language's
    (`textstats.furniture_label`: "Anzeige", "Kommentare (12)", "Lire aussi")."""
    return bool(CHROME.match(line)) or furniture_label(line)


def is_footer(line: str, low: str | None = None) -> bool:
    """A footer's wording (FOOTER, tried only when a word it needs is there: a case-blind search costs
    ~5 µs a line), or another language's rights notice ("Alle Rechte vorbehalten")."""
    low = line.lower() if low is None else low
    return (holds_any(low, FOOTER_HINTS) and bool(FOOTER.search(line))) or rights_notice(low)


def cjk_chars(line: str) -> int:
    """How many CJK characters the line holds (none in an ASCII line, told without a regex)."""
    return 0 if line.isascii() else len(CJK.findall(line))


def visual_len(line: str, cjk: int | None = None) -> int:
    """The line's length as it reads: CJK characters count double, a run of Thai, Lao, Khmer, Myanmar
    or Tibetan as its words' worth of spaced characters (`textstats.unspaced_widening`). `cjk`: the
    line's `cjk_chars`, where the caller has counted them."""
    if line.isascii():
        return len(line)
    return len(line) + (cjk_chars(line) if cjk is None else cjk) + unspaced_widening(line)


def is_prose(line: str, n: int | None = None, footer: bool | None = None) -> bool:
    """A sentence-like line long enough to be article text (`n`: its visual length, `footer`: its
    `is_footer`, if known; read only when `n` is under 250)."""
    n = visual_len(line) if n is None else n
    if n < PROSE_MIN_CHARS or line.count("•") + line.count("|") >= 2:
        return False
    if (n < 60 and is_chrome(line)) or (n < 250 and (is_footer(line) if footer is None else footer)):
        return False
    return ends_sentence(line) or line.count(" ") >= 24 or n >= 2 * PROSE_MIN_CHARS


def tokens(line: str) -> list[str]:
    """Lower-cased words for the line model; a CJK run becomes its single characters."""
    words = WORD.findall(line.lower())
    if line.isascii() or not CJK.search(line):
        return [w for w in words if len(w) <= 20 and not w.isdigit()]
    out = []
    for w in words:
        if CJK.search(w):
            out.extend(w)
        elif len(w) <= 20 and not w.isdigit():
            out.append(w)
    return out
