"""Where a text dump's header names no author or date: credits read elsewhere in the page.

In: the dump's lines, the body's last paragraph and the page's text. Out: credit lines in the shape
`dump_credits.credit_lines` gives ("By Jane Roe", "Published May 2, 2024"), or []. Each reads one
place, and `dumps.dump_header` tries them in order, only while nothing before has found a byline
(or a date): the lines right under the body (a labelled date, a signature, an author's box), the
page's first dated credit line over the body, an author's label anywhere with the names under it, a
labelled publication date anywhere, the date under the page's one "Written by" line, a post's meta
line anywhere, a name over its bio, a writer's bio anywhere, a "By" line over a job title anywhere.
Not a fallback: a note of the article's first publication anywhere (`original_publication`), read
beside the header's credits.

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re

from transforms.metadata.datetexts import ORIGINAL_NOTE_CHARS, ORIGINALLY_PUBLISHED
from transforms.metadata.dump_credits import BY_LEAD, CREDIT_OPENING, LABELLED, MAX_CREDIT_CHARS, PUBLISHED_LABEL
from transforms.metadata.dump_lines import (
    CREDENTIALS,
    DATE_LINE,
    has_date,
    lower_words,
    name_alone,
    printed_at,
    role_line,
    unglue,
)
from transforms.metadata.names import ROLE_WORDS

# How many lines under the body's last paragraph may hold its labelled publication date (a site's
# article footer: "Published" / "<date>" / "Author" / "<name>"); further down are related stories.
AFTER_BODY_LINES = 4
# How many lines under the body may hold an author's box (`byline_under_body`): 3 found 6 right
# authors on the dev dumps, 5 found 8 (2 wrong either way), 10 found 9 and 5 wrong.
AUTHOR_BOX_LINES = 5
# An author's box's byline: "By", "Written by", "Posted by", "By:", "Author:" before a capital; what is
# left of it once its date is cut ("Posted by Jane Roe on").
_BOX_BYLINE = re.compile(rf"(?i)^(?:{BY_LEAD}|author:\s+)(?-i:[A-Z])")
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


def _signature(region: list[str], prose: str) -> list[str]:
    """The date of a signature right under the body: the author's name over its date ("Jane Roe" /
    "May 2, 2024") or beside it ("Jane RoeMay 2, 2024", glued by the dump), a blog's sign-off. Only the
    first line under the body: further down are related stories' cards and comments, name over date too."""
    first, second = (unglue(line) for line in (region + ["", ""])[:2])
    if name_alone(first, prose) and DATE_LINE.fullmatch(second):
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


# An author's label on its own line, the name on the next ("Written by" / "Jane Roe", "Author:" /
# "Jane Roe, MD"): a dump splits an author box's label from its names. Not a bare "By": teasers'
# cards print "By" / name too.
_AUTHOR_LABEL_LINE = re.compile(
    r"(?i)(?:(?:(?:article|post|story)\s+)?(?:written|authored)\s+by|(?:article|text|words|post|story|recipe)\s+by"
    r"|author\(s\)"
    r"|authors?(?:\s+of\s+this\s+(?:article|post))?|contributors?|about\s+the\s+author)\s*:?"
)
# A label with the names after it on its line: "Text by Jane Roe", "Authors: Ana Ruiz and Lee Park". Not
# "Written by": related stories' cards print it (on the dev dumps it named a card's author twice).
_AUTHOR_LABEL_LEAD = re.compile(
    r"(?i)(?:(?:article|text|words|story|recipe)\s+by|this (?:post|article|story) was written by|author\(s\)"
    r"|authors?\s*:)\s*(?=(?-i:[A-Z]))"
)
# What a dump leaves on its own line between co-authors' names.
_NAME_SEPARATOR = re.compile(r"[,;&]|and")
# More names than this under a label are a list of the site's authors (a menu), not a byline.
MAX_LABELLED_NAMES = 8


def _names_under(lines: list[str], prose: str) -> list[str]:
    """The names on the lines from the first on, one a line ("Jane Roe, Senior Editor" gives "Jane Roe"),
    lone separators between them skipped, up to the first line that is neither."""
    names = []
    for line in lines:
        if _NAME_SEPARATOR.fullmatch(line.strip()):
            continue
        head = CREDENTIALS.sub("", line.split(",")[0].strip())
        if len(line) > MAX_CREDIT_CHARS or not name_alone(head, prose) or lower_words(head, prose):
            break
        names.append(head)
    return names


def labelled_byline(lines: list[str], prose: str) -> list[str]:
    """The first author's label anywhere in the dump with persons' names on the lines under it, or on
    its own line after a label that only credits writers ("Text by Jane Roe", "Authors: Ana Ruiz and
    Lee Park"; not "Written by", which related stories' cards print too), as "By <names>": an author
    box that neither the header nor the lines under the body hold."""
    for i, line in enumerate(lines):
        if len(line) <= 40 and _AUTHOR_LABEL_LINE.fullmatch(line):
            names = _names_under(lines[i + 1 : i + 2 * MAX_LABELLED_NAMES + 2], prose)
        elif len(line) <= MAX_CREDIT_CHARS and (lead := _AUTHOR_LABEL_LEAD.match(line)):  # names on its line
            pieces = [p.strip() for p in re.split(r",|;|\band\b|&", line[lead.end() :])]
            names = []
            for piece in pieces:
                if not name_alone(piece, prose) or lower_words(piece, prose):
                    break
                names.append(piece)
        else:
            continue
        if 0 < len(names) <= MAX_LABELLED_NAMES:
            return ["By " + ", ".join(names)]
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


# An author box's credit, as a label ("Written by", "Posted by", "Author:"); a bare "By <name>" over a date is
# as often a related story's card.
_WRITTEN_BY = re.compile(r"(?i)^(?:(?:article|post|story)\s+)?written by|^(?:article|posted|story) by|^author:")


def credit_box_date(lines: list[str]) -> list[str]:
    """The date alone on the line under the dump's one "Written by <name>" line ("Written by Jane Roe" /
    "April 8, 2024"): an author box far from the headline. Not where the dump prints several such lines
    (related stories' cards)."""
    boxes = [i for i, line in enumerate(lines) if len(line) <= MAX_CREDIT_CHARS and _WRITTEN_BY.match(line)]
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


# A bio under an author's name has at least this many words ("Jane is a science writer who ...").
MIN_BIO_WORDS = 8
# How many lines under the name its bio may start (a role line may sit between them).
BIO_LINES = 3


# What follows the name's first word at a bio's opening: "Jane is ...", "Jane writes about ...".
_BIO_OPENING = re.compile(
    r"\s(?:is|was|has|writes|covers|joined|leads|holds|lives|loves|explores|specializes|specialises|"
    r"serves|works|brings|started|founded|graduated|grew)\b"
)


# A job title in a bio's first sentence: what tells "Jane Roe is the head of research" (a person) from
# "Apache Spark is a data tool" (a product) when the bio opens with the whole name.
_ROLE_WORD = re.compile(rf"(?i)\b(?:{'|'.join(sorted(ROLE_WORDS))})\b")
# ... and a brand's description, even one that calls it a designer, speaks of "its" or "the brand".
_THING_WORDS = re.compile(r"(?i)\b(?:its|the (?:brand|company|firm|studio|agency|label))\b")


def bio_byline(lines: list[str], prose: str) -> list[str]:
    """The first name alone on its line with its bio right under it ("Jane Roe" / "Senior Editor" /
    "Jane writes about ..."): an author's box anywhere in the dump, as "By <name>". The bio opens with
    the name's first word and a verb of a life ("is", "joined", "writes"), or with the whole name or
    "I'm" and a job title in its first sentence: a product's or a brand's description opens with its
    whole name too ("Apache Spark is a data tool", "Vela is a jewellery designer; the brand ..."). A
    heading whose later words the page writes in lower case ("Dollar Car Rental", "Plant Size") is no
    name."""
    for i, line in enumerate(lines):
        if (
            2 <= len(line.split()) <= 4
            and any(_bio_of(line, below) for below in lines[i + 1 : i + 1 + BIO_LINES])  # cheap: first
            and name_alone(line, prose)
            and not any(lower_words(w, prose) for w in line.split()[1:])
        ):
            return [f"By {line}"]
    return []


def _bio_of(name: str, text: str) -> bool:
    """`text` opens a bio of `name` (see `bio_byline`)."""
    if len(text.split()) < MIN_BIO_WORDS:
        return False
    first, sentence = name.split()[0], text.split(". ")[0]
    if text.startswith(first + " ") and _BIO_OPENING.match(text[len(first) :]):
        return True
    if text.startswith(("I'm ", "I’m ", "I am ")):  # first person: "I'm the founder of ..."
        return bool(_ROLE_WORD.search(sentence))
    return bool(
        text.startswith(name + " ")
        and _BIO_OPENING.match(text[len(name) :])
        and _ROLE_WORD.search(sentence)
        and not _THING_WORDS.search(text)
    )


# A bio's first sentence naming a writer's trade: "Jane Roe is a reporter for ...", "Jane Roe has been a
# freelance writer ...", "The Ledger's Jane Roe is the author of ..."; not the trade after a preposition
# ("... is a platform for writers").
_WRITER_BIO = re.compile(
    r"^(?:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3}['’]s )?"  # "The Ledger's "
    r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) (?:is|was|has been) "
    r"(?:a|an|the)\b(?:(?!\b(?:of|for|to|with|by|from|among|on|in|at)\b)[^.;:]){0,60}?"
    r"\b(?:writer|reporter|correspondent|editor|journalist|contributor|columnist|author)\b"
)


def writer_bio_byline(lines: list[str], prose: str) -> list[str]:
    """The first line that opens like a writer's bio ("Jane Roe is a reporter for the Ledger ...", an
    author's box or a note under the article), as "By <name>": the name must read as a person's."""
    for line in lines:
        match = _WRITER_BIO.match(line) if len(line.split()) >= MIN_BIO_WORDS else None
        if match and name_alone(match.group("name"), prose):
            return [f"By {match.group('name')}"]
    return []


# "By Jane Roe" and what may follow the name on its line: a separator and her job title.
_BY_NAME = re.compile(r"By:?\s+(?P<name>[^⋅•·|,]+?)(?:\s*[⋅•·|,]\s*(?P<role>.+))?")


def byline_over_role(lines: list[str], prose: str) -> list[str]:
    """The first "By <name>" anywhere with the name's job title on the next line or after a separator
    on its own ("By Jane Roe" / "Senior Editor", "By Jane Roe ⋅ Review Editor"): an author box. A
    related story's card prints "By <name>" over a date or a title, never over a job."""
    for i, line in enumerate(lines):
        match = _BY_NAME.fullmatch(line) if len(line) <= MAX_CREDIT_CHARS else None
        if not match or not name_alone(match["name"], prose):
            continue
        role = match["role"] or (lines[i + 1] if i + 1 < len(lines) else "")
        if role_line(role):
            return [f"By {match['name']}"]
    return []
