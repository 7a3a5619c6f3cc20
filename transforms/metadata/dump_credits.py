"""Credit lines of a plain-text page dump: the bylines and date lines around its headline.

In: lines of the dump (a region of its header, or the lines under the body) and the page's text.
Out: the region's credit lines ("By Jane Roe", "Published: May 2, 2024", "May 2, 2024 | 5 min read"). A
lone "By" or "Published:" is joined to the next line, and a name alone over its date or role becomes
"By <name>" (a dump splits inline elements apart; glued ones get their space back); a name beside the
date inside a credit line is read here too, one glued to a blog theme's categories before it as well. What one line is (a credit, a name alone, a role, ...)
is told by `dump_lines`. Used by `dumps.dump_header`; what it reads away from the header is in
`dump_fallbacks`.

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re

from transforms.metadata.dump_lines import (
    DATE_PATTERN,
    NOT_HEADLINE,
    OTHER_LANGUAGE_BY,
    credit_name,
    first_name_alone,
    has_date,
    is_credit,
    lower_words,
    name_alone,
    names_list,
    role_line,
    unglue,
)
from transforms.metadata.names import OTHER_CREDIT

# Lines between the headline and the body longer than this are a standfirst or a caption.
MAX_CREDIT_CHARS = 120
# A line under the headline this long is its deck: a name alone under it is the byline.
MIN_DECK_WORDS = 8

LABELLED = re.compile(
    rf"(?i)^(?:(?:originally )?(?:published|posted)(?: on)?(?: the)?:?\s*(?:{DATE_PATTERN})|(?:written|authored) by\b)"
)
# A date a post's card prints short: its age ("2 days ago") or a day of this year ("Jan 23").
_SHORT_DATE = re.compile(
    r"(?i)\d+\s+(?:minute|hour|day|week|month|year)s?\s+ago|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}"
)
# A reading time on its own line ("7 min read", "5 minute read"): a name right over it is the byline.
_READ_TIME = re.compile(r"(?i)\d+\s*min(?:ute)?s?\.?\s+read\b")
# A date's label alone on its line ("Published:", "Last updated"): the dump split it from its date.
_DATE_LABEL_ONLY = re.compile(
    r"(?i)(?:originally |first |last )?(?:published|posted|updated|update|modified)(?: on)?:?"
)
# A publication label ("Published", "Posted on:", "Publish date"), alone on its line or opening it.
PUBLISHED_LABEL = re.compile(
    r"(?i)(?:originally |first )?(?:published|posted|publish(?:ed)? date|publication date|date published)"
    r"(?: on)?(?: the)?:?(?=\s|$)"
)
BYLINE = re.compile(rf"(?i)(?:(?:written |posted |authored )?by\b|author:|{OTHER_LANGUAGE_BY})")
# Menu entries run together inside a name-like line: "DIYHome Decor", "NewsOpinion".
_GLUED_NAME = re.compile(r"[A-Z]{2}[a-z]|[a-z][A-Z]")
# "By ops@example.com": a mailbox, not a person; a byline further on may name one.
# "By", "Written by", "Posted by:", ... and the space after it.
BY_LEAD = r"(?:(?:written|posted|authored) )?by:?\s+"
_EMAIL_BYLINE = re.compile(rf"(?i){BY_LEAD}\S+@\S+\.\w+")
_BY_WHAT = re.compile(rf"(?i){BY_LEAD}(.+)")
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")
# What follows a credit on a blog theme's one meta line: its categories and tags, however long.
_TAXONOMY_TAIL = re.compile(r"\s+(?:Posted in|Filed under|Categories:|Tags:|In(?= [A-Z]))\s.*$")
# What separates a credit line's inline parts: "Jane Roe • May 2, 2024 | 5 min read".
_CREDIT_SEPARATORS = re.compile(r"\s*[•·|⋅]\s*|\s[–—-]\s")
# A credit line that opens with its label or byline: "By Jane Roe | Updated May 2, 2024", "Last updated on ...".
CREDIT_OPENING = re.compile(
    rf"(?i)^(?:(?:written |posted )?by\s+(?-i:[A-Z])|{OTHER_LANGUAGE_BY}|(?:last\s+)?updated\b|published\b|posted\b)"
)
_LEAD_ONLY = re.compile(r"(?i)(?:(?:written|posted|words|article|story) )?by:?|author:?")
# The same for a credit that names someone other than the writer: the name on the next line is theirs.
_OTHER_LEAD_ONLY = re.compile(rf"(?i){OTHER_CREDIT} by:?")


def credit_lines(region: list[str], max_chars: int, names: bool | str = False, prose: str = "") -> list[str]:
    """The credit lines of a header region. A dump splits "By <a>Jane Roe</a>" into two lines and
    sets a name alone beside its date: "By" is joined to the next line, and a line that is only a
    person's name next to a date or credit line becomes "By <name>" (with `names="next"`, only a name
    right over its date, or over a count or a dash over it: over the headline). With
    `names="under"` (the lines between the headline and the body), a name alone right under the
    headline, under its deck or under credit lines only ("May 2, 2024" / "Jane Roe"), or a
    "Name, Role" line, is the byline when no other line is, and so is a first name alone right under
    the headline and over its date (a blog's "Susan" / "December 9, 2024", "Gabo" / "Jan 23"); its
    words must not be written in lower case in `prose` (the page: "Electrical Safety" is a label)."""
    out, fallback = [], []
    region = [unglue(_GLUED_BY.sub("By ", line)) for line in region]  # "ByJane Roe": inline elements glued
    # "On May 2, 2024 By Jane Roe In News, Travel, ...": the credit without its category list
    region = [_TAXONOMY_TAIL.sub("", line) if len(line) > max_chars else line for line in region]
    for i, line in enumerate(region):
        nxt = region[i + 1] if i + 1 < len(region) else ""
        if i and _OTHER_LEAD_ONLY.fullmatch(region[i - 1]):
            continue  # "Reviewed by" / "Jane Roe": the reviewer, not a byline
        if (_LEAD_ONLY.fullmatch(line) and nxt and not is_credit(nxt)) or (
            _DATE_LABEL_ONLY.fullmatch(line) and has_date(nxt)
        ):  # "By" / "Published:" split off
            out.append(f"{line} {nxt}")
        elif is_credit(line) and (len(line) <= max_chars or LABELLED.match(line)):
            out.append(line)  # a long one when labelled: "Posted on <date> in <long tag list>"
        elif (
            names
            and (
                has_date(nxt)
                or (
                    i + 2 < len(region)
                    and has_date(region[i + 2])
                    and (names != "next" or not re.search(r"[^\W\d_]", nxt))
                )  # a count or a dash between
                or (names != "next" and (role_line(nxt) or _READ_TIME.match(nxt)))  # "Jane Roe" / "7 min read"
            )
            and (name_alone(line, prose) or names_list(line, least=2))
        ):
            out.append(f"By {line}")
        elif (
            names == "under"
            and i == 0
            and (has_date(nxt) or _SHORT_DATE.fullmatch(nxt))
            and first_name_alone(line, prose)
        ):
            out.append(f"By {line}")  # "Headline" / "Susan" / "December 9, 2024": a blog's byline, a first name
        elif (
            names == "under"
            and (
                (
                    (
                        i == 0
                        or (i == 1 and len(region[0].split()) >= MIN_DECK_WORDS)  # under the headline or its deck
                        or all(is_credit(r) for r in region[:i])
                    )  # or under its date and credit lines
                    and name_alone(line, prose)
                    and not _GLUED_NAME.search(line)
                    and not lower_words(line, prose)
                )
                or (
                    credit_name(line)
                    and not NOT_HEADLINE.search(line)  # "Jane Roe, Senior Editor"
                    and role_line(line.split(",", 1)[1].strip())
                    and not lower_words(line.split(",")[0], prose)
                )
            )
        ):
            fallback.append(f"By {line}")
    found = out + fallback if not any(BYLINE.match(line) for line in out) else out
    return [line for line in found if not (prose and label_byline(line, prose)) and not _EMAIL_BYLINE.fullmatch(line)]


def label_byline(line: str, prose: str) -> bool:
    """ "By Use Case", "By Manufacturer": a menu or a filter label after "By", not a byline (its
    words are written in lower case in the page)."""
    m = _BY_WHAT.match(line)
    return (
        bool(m)
        and len(m[1].split()) <= 4
        and not m[1].islower()
        and not re.search(r"\d", m[1])
        and lower_words(m[1], prose)
    )


# A date inside a credit line, kept as a part of its own when the line is split at it.
_DATE_PART = re.compile(rf"({DATE_PATTERN})", re.IGNORECASE)


def names_in_credits(credits: list[str], prose: str) -> list[str]:
    """ "Jane Roe • May 2, 2024", "May 2, 2024 · 5 min · Jane Roe", "Jane Roe May 2, 2024": a name beside
    the date in a credit line its inline elements share, as "By <name>" (one name only; not a label in
    title case)."""
    out = []
    for line in credits:
        if not has_date(line):
            continue
        # the date is a part too: "Jane Roe May 2, 2024" (no separator between name and date)
        pieces = [q.strip(" ,") for p in _CREDIT_SEPARATORS.split(line) for q in _DATE_PART.split(p) if q.strip(" ,")]
        # "Tips & TricksJane Roe" / <date>: a blog theme's categories glued to the name before the date
        pieces = [
            _glued_name(p, prose) or p if i + 1 < len(pieces) and has_date(pieces[i + 1]) else p
            for i, p in enumerate(pieces)
        ]
        names = [
            p
            for p in (re.sub(r"\s+in$", "", p) for p in pieces)
            if not has_date(p)
            and not is_credit(p)
            and not _GLUED_NAME.search(p)
            and name_alone(p, prose)
            and not any(lower_words(w, prose) for w in p.split())
        ]  # any word of it in lower case: a label
        if len(pieces) >= 2 and len(names) == 1 and f"By {names[0]}" not in out:
            out.append(f"By {names[0]}")
    return out


# Where a category glued to a name ends: a lower-case letter before a capital ("TricksJane"), or a
# word in capitals before a lower-case one ("MAINTENANCEjane").
_GLUE_POINT = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z]{2})(?=[a-z])")


def _glued_name(piece: str, prose: str) -> str | None:
    """The name at the end of a credit line's part that a blog theme's post meta glues to its categories
    ("Photo Log, Tips & TricksJane Roe", "GARDEN CAREjane roe", then the date: Squarespace's
    categories, author, date, tags and comments count, set inline): the part after the first glue point
    that reads as a person's whole name, in title case where the page wrote it in lower case; None
    where there is none."""
    for glue in _GLUE_POINT.finditer(piece):
        tail = piece[glue.start() :]
        if tail.islower():
            tail = tail.title()
        if (
            2 <= len(tail.split()) <= 3
            and name_alone(tail, prose)
            and not any(lower_words(w, prose) for w in tail.split())
        ):
            return tail
    return None
