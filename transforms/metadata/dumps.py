"""The header of a plain-text page dump: its headline line and the credit lines around it.

In: the dump's text (one visible block per line) and the body's first paragraph (from the text
stripper). Out: (headline or None, the credit lines around it: between the headline and the body, a
few over the headline, a few under a one-paragraph standfirst; when none is dated, the dated credits
around another copy of the headline, a labelled date or a signature right under the body, else the
first dated credit line over the body; the deck under the headline). Which line is the headline is
`dump_headline`'s; the credit lines are read by `dump_credits`, and where the header names no one,
`dump_fallbacks` looks elsewhere in the dump.
Used when a dump's `Signals` lack a headline or credit lines, or name a worse one (`normalize_metadata`).

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re
from typing import NamedTuple

from transforms.metadata.bylines import writer_credits
from transforms.metadata.dump_credits import BYLINE, LABELLED, MAX_CREDIT_CHARS, credit_lines, names_in_credits
from transforms.metadata.dump_fallbacks import (
    after_body,
    byline_under_body,
    credit_box_date,
    first_dated_credit,
    labelled_date,
    original_publication,
    post_meta_date,
    signature_byline,
)
from transforms.metadata.dump_headline import (
    PHOTO_CREDIT,
    headline_index,
    headline_shaped,
    line_at,
    neighbour,
    title_cased,
)
from transforms.metadata.dump_lines import DATE_LINE, is_credit, name_alone, names_list, printed_at
from transforms.metadata.dump_writers import (
    archive_link_byline,
    bio_byline,
    byline_over_role,
    labelled_byline,
    owners_blog_byline,
    writer_bio_byline,
)
from transforms.metadata.titles import CUT_SHORT
from transforms.textmodel.lines import normalize_lines
from transforms.textstats import DECK_MAX_WORDS

# How far over the body a labelled credit ("Published: <date>", "Written by <name>") is still the
# page's: past long tables of contents and product boxes (40 and 60: author 0.609 on the dev dumps, 100: 0.613).
LABELLED_LINES = 100
# How many lines before the headline may hold its date ("May 2, 2024" over the headline).
CREDIT_BEFORE = 4
# How many lines after the body's first paragraph may still be its credit lines (the first
# paragraph was a standfirst), and how long such a line may be (body sentences are longer).
CREDIT_BELOW = 4
MAX_BELOW_CHARS = 80
CREDIT_BELOW_SHORT = 8
# A deck's length in words: shorter is a kicker or a label, longer (DECK_MAX_WORDS, the stripper's own:
# the deck it takes out of a dump's body is the one read here) a paragraph.
DECK_MIN_WORDS = 6

# How far over the line chosen as the headline (with no credit line around it) a headline with its byline
# and date right under it is looked for (`_far_headline`), and how many lines under it its credits
# may take.
FAR_LINES = 150
FAR_CREDIT_LINES = 4

# Words without which a line is no labelled credit ("Published: <date>", "Written by <name>").
_LABEL_HINT = re.compile(r"(?i)publish|posted|written|authored")
# A line all in parentheses: under a caption, its photo's credit ("(Getty Images)", "(Jane Roe / The Daily Ledger)").
_PARENTHESISED = re.compile(r"\([^()]{2,80}\)")
# A line opening with a label ("Authors: ...", "Updated: ...") or set in inline parts (a trail, a menu, a
# ticker: "Netflix / Crunchyroll / Adult Swim", "•Zero to 5K•5K to 10K") is no deck.
_LABEL_FIRST = re.compile(r"^[^:]{1,25}:")
_INLINE_PARTS = re.compile(r"\s[|/»›>]\s|•.*•")


def _body_start(lines: list[str], first_paragraph: str) -> int | None:
    return next(printed_at(lines, first_paragraph), None)


class DumpHeader(NamedTuple):
    """What a dump prints over its body: the headline, the credit lines read around it (and under the
    body, see `dump_header`) and the deck under the headline."""

    headline: str | None
    credits: list[str]
    deck: str | None = None


def _deck(lines: list[str], best: int, end: int) -> str | None:
    """The standfirst right under the headline (line `best`), over the body (line `end`): a line of
    DECK_MIN_WORDS to DECK_MAX_WORDS words that is no credit, date, caption, photo credit, label
    ("Authors: ..."), list of names, menu or trail, nor cut short, nor a photo's caption (its credit in
    parentheses under it). A photo's credit may sit between the headline and the deck, and a byline
    too ("By Jane Roe | The Ledger | Updated: ..."), though a title-case line under a byline is the
    first section's heading, not a deck."""
    k = neighbour(lines, best, 1)
    while k is not None and k < end and PHOTO_CREDIT.search(lines[k]):
        k = neighbour(lines, k, 1)
    under_byline = k is not None and k < end and BYLINE.match(lines[k])
    if under_byline:  # "Headline" / "By Jane Roe | The Ledger | Updated: ..." / deck
        k = neighbour(lines, k, 1)
    if k is None or k >= end:
        return None
    line = lines[k]
    if under_byline and title_cased(line.split()):
        return None  # the first section's heading ("Introduction to Pruning: Your Guide to Blooms")
    under = line_at(lines, neighbour(lines, k, 1))
    if _PARENTHESISED.fullmatch(under):
        return None  # a photo's caption over its credit ("(Getty Images)", "(Jane Roe / The Daily Ledger)")
    if (
        not DECK_MIN_WORDS <= len(line.split()) <= DECK_MAX_WORDS
        or is_credit(line)
        or DATE_LINE.search(line)
        or CUT_SHORT.search(line)
        or "©" in line
        or _LABEL_FIRST.match(line)
        or names_list(line)
        or line.endswith(",")
        or _INLINE_PARTS.search(line)
    ):
        return None
    return line


def _under_first_paragraph(lines: list[str], end: int) -> list[str]:
    """The lines right under the body's first paragraph that may be its credits: CREDIT_BELOW of
    them; where a byline opens right under it, on to CREDIT_BELOW_SHORT while they are all short
    (its parts set one a line: "By" / "The Team" / "|" / "6" / "mins" / "|" / <date>)."""
    below = lines[end + 1 : end + 1 + CREDIT_BELOW_SHORT]
    if not below or not BYLINE.match(below[0]):
        return below[:CREDIT_BELOW]
    short = next((i for i, line in enumerate(below) if len(line) > MAX_BELOW_CHARS), len(below))
    return below[: max(CREDIT_BELOW, short)]


def _beside_copies(lines: list[str], best: int, end: int, dump: str) -> list[str]:
    """The dated credit lines right around another copy of the headline near the body (LABELLED_LINES
    over or under its start): a page that prints its title block twice (a hero over the article) may
    date only one of them, and one that prints its opening paragraph as a summary under the title
    has the body read from there, with the dated copy further down."""
    found = []
    for k in range(max(0, end - LABELLED_LINES), min(len(lines), end + LABELLED_LINES)):
        if k != best and lines[k] == lines[best]:
            near = credit_lines(lines[k + 1 : k + 1 + CREDIT_BEFORE], MAX_CREDIT_CHARS, prose=dump)
            near += credit_lines(lines[max(0, k - CREDIT_BEFORE) : k], MAX_CREDIT_CHARS, prose=dump)
            found += [line for line in near if DATE_LINE.search(line) and line not in found]
    return found[:1]


def _far_headline(lines: list[str], best: int, dump: str) -> tuple[int, list[str]] | None:
    """(index, credit lines) of the nearest line over `best`, up to FAR_LINES, that reads as a headline
    with a byline and a date right under it: where the stripper found the body below the article's
    opening (a guide's intro over its tables and a later section), the line chosen over the body is
    a section's heading, with no credit around it."""
    for k in range(best - 1, max(0, best - FAR_LINES) - 1, -1):
        if not is_credit(lines[k + 1]) and not name_alone(lines[k + 1], dump):
            continue  # cheap: the byline or its name first, right under the line
        if lines[k].endswith((".", ":")) or not headline_shaped(lines, k, is_credit(lines[k])):
            continue
        credits = credit_lines(lines[k + 1 : k + 1 + FAR_CREDIT_LINES], MAX_CREDIT_CHARS, names="under", prose=dump)
        if any(BYLINE.match(c) for c in credits) and any(DATE_LINE.search(c) for c in credits):
            return k, credits
    return None


def _names_anyone(credits: list[str]) -> bool:
    """A credit line opens with a byline, or credits a writer inside ("Published on May 2, 2024 by Jane
    Roe"): the fallbacks that look for one elsewhere are not tried."""
    return any(BYLINE.match(line) or writer_credits(line) for line in credits)


def dump_header(dump: str, first_paragraph: str, last_paragraph: str = "") -> DumpHeader:
    """(headline, credit lines after it, deck) of a text dump; (None, [], None) when the body is not found.
    With the body's last paragraph, a labelled publication date or a signature's date under the body
    joins the credits when the header itself prints no date; without those, the page's first dated
    credit line over the body does. A note of the article's first publication anywhere ("originally
    published on <date>") always joins them."""
    lines = normalize_lines(dump)
    end = _body_start(lines, first_paragraph)
    best = None if end is None else headline_index(lines, end)
    if best is None:
        return DumpHeader(None, [])
    after = credit_lines(lines[best + 1 : end], MAX_CREDIT_CHARS, names="under", prose=dump)
    # a date line over the headline, and a name right over its date ("Jane Roe" / "May 2, 2024" / headline)
    before = credit_lines(lines[max(0, best - CREDIT_BEFORE) : best], MAX_CREDIT_CHARS, names="next", prose=dump)
    # a byline under a one-line standfirst
    below = credit_lines(_under_first_paragraph(lines, end), MAX_BELOW_CHARS, names=True, prose=dump)
    if not (after or below) and neighbour(lines, best, 1) == end and len(lines[end].split()) <= DECK_MAX_WORDS:
        # the body's first paragraph is the deck right under the headline: a name alone under it is the byline
        below = [
            c
            for c in credit_lines(lines[end : end + 2], MAX_BELOW_CHARS, names="under", prose=dump)
            if c.startswith("By ")
        ]
    if not (after or before or below) and (far := _far_headline(lines, best, dump)) is not None:
        best, after = far  # the body was found under the article's opening: its headline is further up
    found = after + before + below
    region = lines[max(0, end - LABELLED_LINES) : end]
    labelled = []  # "Published: <date>", "Written by <name>" anywhere in the header
    for i, line in enumerate(region):
        if _LABEL_HINT.search(line):  # only such a line (or one split from its date or name) can be one
            labelled += [
                c
                for c in credit_lines(region[i : i + 2], MAX_CREDIT_CHARS, prose=dump)[:1]
                if LABELLED.match(c) and c not in found and c not in labelled
            ]
    credits = found + labelled + [n for n in original_publication(lines) if n not in found]
    # Where the header names no writer, these are tried in turn until one does (each reads `credits` as
    # it stands); then, where nothing is dated, the date fallbacks the same way.
    writers = (
        lambda: names_in_credits(credits, dump),  # a name among a credit line's parts
        lambda: byline_under_body(lines, last_paragraph),  # an author's box under the body
        lambda: signature_byline(lines, last_paragraph, dump),  # a name signing the body under it
        lambda: labelled_byline(lines, dump),  # an author's label and name anywhere
        lambda: bio_byline(lines, dump),  # a name over its bio anywhere
        lambda: writer_bio_byline(lines, dump),  # a writer's bio anywhere ("Jane Roe is a reporter ...")
        lambda: byline_over_role(lines, dump),  # "By Jane Roe" over her job title anywhere
        lambda: archive_link_byline(lines, dump),  # "View all posts by Jane Roe" anywhere
        lambda: owners_blog_byline(lines, dump),  # a personal blog named after its owner: "Jane Roe's Blog"
    )
    for fallback in writers:
        if _names_anyone(credits):
            break
        credits += fallback()
    dates = (
        lambda: _beside_copies(lines, best, end, dump),  # the credits around another copy of the headline
        lambda: after_body(lines, last_paragraph, dump),  # a labelled date or a signature under the body
        lambda: first_dated_credit(lines[:end]),  # the first dated credit line over the body
        lambda: labelled_date(lines),  # a labelled date anywhere
        lambda: credit_box_date(lines),  # the date under the page's one "Written by" line
        lambda: post_meta_date(lines),  # a post's meta line anywhere
    )
    dated = len(credits)
    for fallback in dates:
        if any(DATE_LINE.search(line) for line in credits):
            break
        credits += fallback()
    if not _names_anyone(credits):  # a name beside the date in the dated line a fallback found
        credits += names_in_credits(credits[dated:], dump)
    return DumpHeader(lines[best], credits, _deck(lines, best, end))
