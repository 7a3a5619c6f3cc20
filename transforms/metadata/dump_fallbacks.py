"""Where a text dump's header names no author or date: credits read elsewhere in the page.

In: the dump's lines, the body's last paragraph and the page's text. Out: credit lines in the shape
`dump_credits.credit_lines` gives ("By Jane Roe", "Published May 2, 2024"), or []. Each reads one
place, and `dumps.dump_header` tries them in order, only while nothing before has found a byline
(or a date): the lines right under the body (a labelled date, a signature, an author's box), the
page's first dated credit line over the body, a labelled publication date anywhere, the date under
the page's one "Written by" line, a post's meta line anywhere. An author's box anywhere else (a
label, a bio, a job title): `dump_writers`. Not a fallback: a note of the article's first publication anywhere (`original_publication`), read
beside the header's credits.

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re

from transforms.metadata.datetexts import ORIGINAL_NOTE_CHARS, ORIGINALLY_PUBLISHED
from transforms.metadata.dump_credits import BY_LEAD, CREDIT_OPENING, LABELLED, MAX_CREDIT_CHARS, PUBLISHED_LABEL
from transforms.metadata.dump_lines import (
    DATE_LINE,
    has_date,
    lower_words,
    name_alone,
    printed_at,
    unglue,
)
from transforms.textstats import CREDIT_START

# How many lines under the body's last paragraph may hold its labelled publication date (a site's
# article footer: "Published" / "<date>" / "Author" / "<name>"); further down are related stories.
AFTER_BODY_LINES = 4
# How many lines under the body may hold an author's box (`byline_under_body`): 3 found 6 right
# authors on the dev dumps, 5 found 8 (2 wrong either way), 10 found 9 and 5 wrong.
AUTHOR_BOX_LINES = 5
# An author's box's byline: "By", "Written by", "Posted by", "By:", "Author:" before a capital; what is
# left of it once its date is cut ("Posted by Jane Roe on").
_BOX_BYLINE = re.compile(rf"(?i)^(?:{BY_LEAD}|author:\s+)(?-i:[A-Z])")
# A credit naming its writer, a word or two before "by" allowed: "Interview by Jane Roe", "Words by ...".
_SIGNED_BY = re.compile(r"(?i)^(?:[^\W\d]+\s+){0,2}by:?\s+(?-i:[A-Z])")
_BOX_TAIL = re.compile(r"(?i)[\s,|·•-]*(?:\b(?:on|at)\s*)?$")


def under_body(lines: list[str], last_paragraph: str, count: int) -> list[str]:
    """The `count` lines under the body's last paragraph ([] when the dump does not print it)."""
    ends = list(printed_at(lines, last_paragraph))
    return lines[ends[-1] + 1 : ends[-1] + 1 + count] if ends else []


def after_body(lines: list[str], last_paragraph: str, prose: str = "") -> list[str]:
    """A publication date labelled in the lines right under the body ("Published" / "August 30,
    2024" under the last paragraph), else a signature's (`_signature`): many sites print the
    article's date in its footer."""
    region = under_body(lines, last_paragraph, AFTER_BODY_LINES)
    out = []
    for i, line in enumerate(region):
        nxt = region[i + 1] if i + 1 < len(region) else ""
        if PUBLISHED_LABEL.fullmatch(line) and DATE_LINE.fullmatch(nxt):  # the label over its date
            out.append(f"{line} {nxt}")
        elif PUBLISHED_LABEL.match(line) and LABELLED.match(line):
            out.append(line)
    return out or _signature(region, prose)


def byline_under_body(lines: list[str], last_paragraph: str) -> list[str]:
    """A byline in the lines right under the body ("Written by Jane Roe", "By: Jane Roe", "Posted by
    Jane Roe on May 2"): an author's box set after the article; its name only (a comment's credit looks
    alike, and its time is no publication date). Only AUTHOR_BOX_LINES lines: further down are related
    stories' and comments' credits."""
    for line in under_body(lines, last_paragraph, AUTHOR_BOX_LINES):
        if len(line) <= MAX_CREDIT_CHARS and _BOX_BYLINE.match(line):
            date = DATE_LINE.search(line)  # the name only: a comment's time is no publication date
            return [_BOX_TAIL.sub("", line[: date.start()]) if date else line]
    return []


# A sign-off's mark before the name that signs a post: "— Jane Roe", "~Jane Roe", "<3 Jane Roe", ". . . Jane Roe".
_SIGN_OFF = re.compile(r"^(?:[-–—~]+|<3|(?:\.\s*){3,}|…)\s*")


def signature_byline(lines: list[str], last_paragraph: str, prose: str) -> list[str]:
    """The name that signs the article on the first line under the body, as "By <name>": after a
    sign-off's mark ("— Jane Roe", "<3 Jane Roe", ". . . Jane Roe"), or over its date ("Jane Roe" /
    "May 2, 2024") or beside it ("Jane RoeMay 2, 2024"), the signature `_signature` dates the page by. A whole name only, none of whose words the page writes in lower case; a name
    alone with no date under it may be a section's heading ("Global Icon") and is not taken."""
    region = under_body(lines, last_paragraph, 2)
    if not region:
        return []
    first, second = unglue(region[0]), unglue((region + [""])[1])
    mark, date = _SIGN_OFF.match(first), DATE_LINE.search(first)
    if mark:
        name = first[mark.end() :].rstrip(". ")
    elif date and date.start() > 0 and date.end() == len(first):  # "Jane RoeMay 2, 2024", glued by the dump
        name = first[: date.start()].strip()
    elif DATE_LINE.fullmatch(second):
        name = first
    else:
        return []
    if 2 <= len(name.split()) <= 4 and name_alone(name, prose) and not any(lower_words(w, prose) for w in name.split()):
        return [f"By {name}"]
    return []


def _signature(region: list[str], prose: str) -> list[str]:
    """The date of a signature right under the body: the author's name over its date ("Jane Roe" /
    "May 2, 2024") or beside it ("Jane RoeMay 2, 2024", glued by the dump), a blog's sign-off, or a
    credit over a line opening with its date ("Interview by Jane Roe" / "May 2, 2024. Updated: May 7,
    2024"). Only the first line under the body: further down are related stories' cards and comments,
    name over date too."""
    first, second = (unglue(line) for line in (region + ["", ""])[:2])
    if name_alone(first, prose) and DATE_LINE.fullmatch(second):
        return [second]
    if _SIGNED_BY.match(first) and len(first) <= MAX_CREDIT_CHARS and DATE_LINE.match(second):
        return [second]
    match = DATE_LINE.search(first)
    if match and match.end() == len(first) and match.start() > 0 and name_alone(first[: match.start()].strip(), prose):
        return [match.group(0)]
    return []


def first_dated_credit(lines: list[str]) -> list[str]:
    """The page's first dated credit line over the body, when the header holds none (a body found
    far down the article leaves its byline out of the header)."""
    for line in lines:
        line = unglue(line)
        if len(line) <= MAX_CREDIT_CHARS and CREDIT_OPENING.match(line) and has_date(line):
            return [line]
    return []


def labelled_date(lines: list[str]) -> list[str]:
    """The first publication date anywhere in the dump that its label names ("Published May 2, 2024",
    "Posted on 02/05/2024", "Publish date" / "May 2, 2024"): a footer or an author box the header and the
    lines under the body do not hold."""
    for i, line in enumerate(lines):
        if len(line) > MAX_CREDIT_CHARS:
            continue
        label = PUBLISHED_LABEL.match(line)
        if not label:
            continue
        rest = line[label.end() :].strip()
        if not rest and i + 1 < len(lines) and DATE_LINE.fullmatch(lines[i + 1].strip()):
            return [f"{line} {lines[i + 1]}"]
        if rest and DATE_LINE.match(rest):
            return [line]
    return []


def credit_box_date(lines: list[str]) -> list[str]:
    """The date alone on the line under the dump's one author box's credit (`CREDIT_START`: "Written by Jane
    Roe" / "April 8, 2024"): an author box far from the headline. Not where the dump prints several such
    lines (related stories' cards)."""
    boxes = [i for i, line in enumerate(lines) if len(line) <= MAX_CREDIT_CHARS and CREDIT_START.match(line)]
    if len(boxes) != 1 or boxes[0] + 1 >= len(lines):
        return []
    under = lines[boxes[0] + 1].strip()
    return [under] if len(under) <= MAX_CREDIT_CHARS and DATE_LINE.fullmatch(under) else []


def original_publication(lines: list[str]) -> list[str]:
    """The first note anywhere in the dump that dates the article's first publication ("This article was
    originally published on 26 Sep 2019 ..."): read beside the header's credits, whatever they date."""
    for i, line in enumerate(lines):
        if "riginally published" not in line:
            continue
        if not DATE_LINE.search(line) and i + 1 < len(lines):
            line = f"{line} {lines[i + 1]}"  # the dump split the note from its date
        if len(line) <= ORIGINAL_NOTE_CHARS and ORIGINALLY_PUBLISHED.search(line) and DATE_LINE.search(line):
            return [line]
    return []


# A blog post's meta line: its date with its comment count or its categories ("June 9, 2020 · 6 Comments",
# "on March 1, 2026 | Comments", "Monday, August 11th, 2025 at 11:00 am | Categories: ...").
_POST_META = re.compile(
    r"(?i)(?<!\d)\d+\s+comments?\b|[|·•]\s*(?:no\s+)?comments?\b|\bcategor(?:y|ies)\s*:|\bleave a comment\b"
)


def post_meta_date(lines: list[str]) -> list[str]:
    """The first blog post meta line anywhere in the dump (`_POST_META`) that prints a date."""
    for line in lines:
        low = line.lower()
        if "comment" not in low and "categor" not in low:
            continue  # every _POST_META branch holds one of these: unglue only the few lines that can match
        line = unglue(line)  # a theme's meta line run together: "Tips & TricksScott DavenportApril 10, 20175 Tips"
        if len(line) <= MAX_CREDIT_CHARS and _POST_META.search(line) and DATE_LINE.search(line):
            return [line]
    return []
