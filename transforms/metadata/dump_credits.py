"""Credit lines of a plain-text page dump: the bylines and date lines around its headline.

In: lines of the dump (a region of its header, or the lines under the body) and the page's text.
Out: the region's credit lines ("By Jane Roe", "Published: May 2, 2024", "May 2, 2024 | 5 min read"). A
lone "By" or "Published:" is joined to the next line, and a name alone over its date or role becomes
"By <name>" (a dump splits inline elements apart; glued ones get their space back); a name beside the
date inside a credit line is read here too. Also the line tests the headline's choice and
`dump_fallbacks` share (`is_credit`, `credit_name`, `role_line`, `name_alone`, ...) and where a body
paragraph is printed (`printed_at`). Used by `dumps.dump_header`; what it reads away from the header
is in `dump_fallbacks`.

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --mode text
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from transforms.metadata.datetexts import INTL_DATE
from transforms.metadata.names import OTHER_CREDIT, ROLE_WORDS, person_name

# An author's role line ("Executive Editor, Example Health Letter") has at most this many words
# before its first comma or "and".
MAX_ROLE_WORDS = 5
# A line printed this many times in a page is a menu entry, not a byline's name.
MENU_REPEATS = 3
# Lines between the headline and the body longer than this are a standfirst or a caption.
MAX_CREDIT_CHARS = 120
# A line under the headline this long is its deck: a name alone under it is the byline.
MIN_DECK_WORDS = 8

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?[,.]?\s+(?:19|20)\d\d(?:(?!\d)|(?=\d{{1,2}}:\d\d))|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,\s*|\s+)(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b"
    rf"|{INTL_DATE}"
)
_CREDIT = re.compile(
    rf"(?i)^(?:by|written by|authored by|posted|published|originally published|updated|"
    rf"last updated|reviewed by|edited by)\b|^author:|(?-i:^By(?=[A-Z][a-z]))"
    rf"|^(?:written|posted|authored|reviewed|edited) by(?-i:(?=[A-Z]))|^contribut(?:ions?|ed) (?:from|by)\b|^contributors?:"
    rf"|^(?:last )?modified\b|^(?:an?|\d+) (?:minute|hour|day|week|month|year)s? ago$"
    rf"|\bmin(?:ute)?s? read\b|reading time|{_DATE}"
)
DATE_LINE = re.compile(_DATE, re.IGNORECASE)
# A job title names no one in particular: "Goings On editor", not "Meet the new editor".
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "new"})
_LETTERS = re.compile(r"[^\W\d_]+")
LABELLED = re.compile(
    rf"(?i)^(?:(?:originally )?(?:published|posted)(?: on)?(?: the)?:?\s*(?:{_DATE})|(?:written|authored) by\b)"
)
# Words that make a lone capitalised line over a date a category or a link, not a person: nouns of
# action and field ("Recruiting", "Development", "Strategy"), acronyms and single letters.
_LABEL_WORD = re.compile(r"(?:tion|sion|ment|ity|ics|gy|ship)$")
# Endings that are surnames' too ("King", "Fleming", "Kindness", "Davies"): a label's only when the page
# writes the word in lower case.
_SOFT_LABEL_WORD = re.compile(r"(?:ing|ness|ies)$")
# Credentials after a name: "MD", "CPP, PSP", "Ph.D.".
CREDENTIALS = re.compile(r"(?:,?\s+(?:[A-Z]{2,5}|Ph\.\s?D\.?|M\.D\.))+$")
_ACRONYM = re.compile(r"^[A-Z]{2,}$|^[A-Z]$")
# Words of buttons, links and section labels that read like a name in title case ("Get Started", "Order Now",
# "All Insights", "Key Takeaways", "Access Calculator", "Show Sidebar").
_BUTTON_WORDS = frozenset(
    """
    get started order now request demo start trial free try book buy download join explore discover
    learn see watch shop all apply donate register schedule call visit find insights resources latest
    popular related key takeaways quick insight summary overview contents introduction highlights access
    calculator tool tools show hide
    """.split()
)
# Job titles that end a role line (the head noun), and desks that sign as a team.
_MODIFIERS = frozenset(
    """
    head chief senior lead former research managing executive deputy marketing tech verified
    contributing trending featured guest visiting partner
    """.split()
)
_ROLE_NOUNS = (ROLE_WORDS - _MODIFIERS) | {"team", "staff", "desk", "editors", "writers", "reporters", "contributors"}
# A reading time on its own line ("7 min read", "5 minute read"): a name right over it is the byline.
_READ_TIME = re.compile(r"(?i)\d+\s*min(?:ute)?s?\.?\s+read\b")
# A date's label alone on its line ("Published:", "Last updated"): the dump split it from its date.
_DATE_LABEL_ONLY = re.compile(r"(?i)(?:originally |first |last )?(?:published|posted|updated|modified)(?: on)?:?")
# A publication label ("Published", "Posted on:", "Publish date"), alone on its line or opening it.
PUBLISHED_LABEL = re.compile(
    r"(?i)(?:originally |first )?(?:published|posted|publish(?:ed)? date|publication date|date published)"
    r"(?: on)?(?: the)?:?(?=\s|$)"
)
BYLINE = re.compile(r"(?i)(?:(?:written |posted |authored )?by\b|author:)")
# Menu entries run together inside a name-like line: "DIYHome Decor", "NewsOpinion".
_GLUED_NAME = re.compile(r"[A-Z]{2}[a-z]|[a-z][A-Z]")
# "By ops@example.com": a mailbox, not a person; a byline further on may name one.
# "By", "Written by", "Posted by:", ... and the space after it.
BY_LEAD = r"(?:(?:written|posted|authored) )?by:?\s+"
_EMAIL_BYLINE = re.compile(rf"(?i){BY_LEAD}\S+@\S+\.\w+")
_BY_WHAT = re.compile(rf"(?i){BY_LEAD}(.+)")
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")
# Inline elements a dump glued together inside a credit line: "Jane RoeMar 5, 2025", "Posted byJane",
# "Jane RoeUpdated: ...", "Jan 4, 202620 Mins Read", "Dec 30, 2024Posted in". A space goes back where the dump lost it
# (credit lines only: the body's lines must stay as the stripper saw them).
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_SHORT_MONTH = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# ... and in capitals ("Local NewsJULY 8, 2024Updated: ..."): a theme's upper-case date line.
_FULL_MONTH += "|" + _FULL_MONTH.upper()
_SHORT_MONTH += "|" + _SHORT_MONTH.upper()
_UNGLUE = [
    (re.compile(rf"(?<=[a-z])(?=(?:{_FULL_MONTH}|{_SHORT_MONTH})\.? \d{{1,2}}\b)"), " "),
    (
        re.compile(
            rf"((?<![A-Za-z])(?:{_FULL_MONTH}|{_SHORT_MONTH})\.? \d{{1,2}}(?:st|nd|rd|th)?, (?:19|20)\d\d)(?=[\dA-Z])"
        ),
        r"\1 ",
    ),
    # ... and "2 May 2024", "27 September,2023" glued to what follows
    (
        re.compile(rf"(\b\d{{1,2}} (?:{_FULL_MONTH}|{_SHORT_MONTH})\.?(?:, ?| )(?:19|20)\d\d)(?=[\dA-Z])"),
        r"\1 ",
    ),
    (re.compile(r"(?<=[a-z])(?=(?:Updated|Published|Posted|Last [Uu]pdated)\b)"), " "),
    (re.compile(r"\b([Pp]osted by|[Ww]ritten by)(?=[A-Z][a-z])"), r"\1 "),
    # "Jane RoeIn News, Travel", "2024Posted inNews": a theme's category list glued to the byline
    (re.compile(r"(?<=[a-z\d])(?<!Linked)(?=(?:In|Posted in) ?[A-Z])"), " "),
    (re.compile(r"(?<=\bPosted in)(?=[A-Z])"), " "),
    # "Jane RoeStaff Writer", "Ann LeeSenior Editor": a name glued to the role under it
    (
        re.compile(
            r"(?<=[a-z])(?=(?:Staff|Senior|Contributing|Editor|Reporter|Correspondent|Writer|Columnist|"
            r"Freelance|Associate|Deputy|Chief|Managing|Executive)\b)"
        ),
        " ",
    ),
    # "Jane Roe@janeroe@JaneRoeNews": an author's social handles (icon links' texts) glued to the name,
    # after a capitalised word only: "By ops@example.com" is a mailbox
    (re.compile(r"\b([A-Z][\w'’-]*[a-z])@[\w./@-]+"), r"\1"),
]
# What every _UNGLUE pattern needs: a lower-case letter before a capital or an "@", a digit before a
# digit or a capital.
_MAYBE_GLUED = re.compile(r"[a-z][A-Z@]|\d[\dA-Z]")
# What follows a credit on a blog theme's one meta line: its categories and tags, however long.
_TAXONOMY_TAIL = re.compile(r"\s+(?:Posted in|Filed under|Categories:|Tags:|In(?= [A-Z]))\s.*$")
# What separates a credit line's inline parts: "Jane Roe • May 2, 2024 | 5 min read".
_CREDIT_SEPARATORS = re.compile(r"\s*[•·|⋅]\s*|\s[–—-]\s")
# A credit line that opens with its label or byline: "By Jane Roe | Updated May 2, 2024", "Last updated on ...".
CREDIT_OPENING = re.compile(
    r"(?i)^(?:(?:written |posted )?by\s+(?-i:[A-Z])|(?:last\s+)?updated\b|published\b|posted\b)"
)
_LEAD_ONLY = re.compile(r"(?i)(?:(?:written|posted|words|article|story) )?by:?|author:?")
# The same for a credit that names someone other than the writer: the name on the next line is theirs.
_OTHER_LEAD_ONLY = re.compile(rf"(?i){OTHER_CREDIT} by:?")
NOT_HEADLINE = re.compile(
    r"(?i)^(?:share|advertisement|home(?:\s*$|\s*[/>»›|-])|menu|search|skip to|log ?in|sign ?in|subscribe|"
    r"read more|click|image|photo|credit|back to\b|send\b|pin\b|copy\b|print\b|email\b|"
    r"listen\b|learn about\b|join\b|enter your\b|sign up\b|member\b|this article is\b)|getty images|\bcourtesy\b|opens in new window"
    r"|»|›|>|\s/\s|[|•·@]|https?:|\.com\b|^\d+\.\s|^you are here"
    r"|\b(?:image|photo|photograph|illustration|graphic|video)s? (?:by|courtesy)\b|\s[#¶]$"
    r"|^tweet\b|\bon (?:facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|threads|bluesky|instagram)$"
)
# "UPDATED: Trump counter-offer ... SHOT DOWN": a kicker before a headline, not an update's date.
_UPDATE_KICKER = re.compile(r"(?i)updated:(?=(?:\s+\S+){4})\s+[^\W\d][^\d]*$")


@lru_cache(maxsize=4096)
def is_credit(line: str) -> bool:
    return _CREDIT.search(line) is not None and not _UPDATE_KICKER.match(line)


@lru_cache(maxsize=4096)
def has_date(line: str) -> bool:
    return DATE_LINE.search(line) is not None


def printed_at(lines: list[str], paragraph: str) -> Iterator[int]:
    """The lines that print this paragraph of the body, in order (a long one may be cut in the dump)."""
    text = " ".join(paragraph.split())
    if text:
        yield from (
            i for i, line in enumerate(lines) if line == text or (len(text) > 40 and line.startswith(text[:40]))
        )


def credit_name(line: str) -> bool:
    """ "Jane Roe, Senior Editor": an author's name and role, not a headline."""
    head = line.split(",")[0]
    return "," in line and len(line.split()) <= 8 and person_name(head) is not None


def role_line(line: str) -> bool:
    """ "Senior Science Editor", "Math Editor, The Weekly", "Life and Trends Reporter", "Vice President of
    Consulting", "Goings On editor", "Senior political correspondent": a job title under a byline, not a
    headline (in title case, or in sentence case when the role noun ends it)."""
    first = re.split(r",| and | & | [|•·] ", line)[0]
    for part in (first, line.split(",")[0], first.split(" of ")[0]):
        words = part.split()
        if (
            0 < len(words) <= MAX_ROLE_WORDS
            and words[-1].lower() in _ROLE_NOUNS
            and words[0][0].isupper()
            and all(w[0].isupper() or w.isalpha() or w == "&" for w in words)
            and not any(w.lower() in _DETERMINERS for w in words)  # "Meet the new editor" is a headline
        ):
            return True
    return False


def unglue(line: str) -> str:
    if not _MAYBE_GLUED.search(line):
        return line
    for pattern, repl in _UNGLUE:
        line = pattern.sub(repl, line)
    return line


def lower_words(line: str, prose: str) -> bool:
    """Every word of a capitalised line is also written in lower case in the page ("Electrical Safety",
    "Key Takeaways"): a label in title case, not a person's name."""
    words = [w.lower() for w in _LETTERS.findall(line)]
    return bool(words) and all(_written_alone(w, prose) for w in words)


def _written_alone(word: str, prose: str) -> bool:
    """`word` stands alone somewhere in `prose`: after a space or "(" (or at the start), before a space,
    one of ",;:!?)", a full stop that ends a sentence, or the end. A find loop, not a regex per word."""
    at = prose.find(word)
    while at != -1:
        end = at + len(word)
        before, after = prose[at - 1 : at] if at else "", prose[end : end + 1]
        if (not before or before.isspace() or before == "(") and (
            not after
            or after.isspace()
            or after in ",;:!?)"
            or (after == "." and (end + 1 == len(prose) or prose[end + 1].isspace()))
        ):
            return True
        at = prose.find(word, at + 1)
    return False


def name_alone(line: str, prose: str = "") -> bool:
    """A line that is only a person's name (not a label, a button or an interface line); a name set
    in capitals ("JANE ROE") is read in title case. A word with a noun's ending ("Development",
    "Community") is a label's; one with an ending surnames share ("Planning" / "King", "Davies") is
    unless `prose` (the page) never writes it in lower case and the line is not repeated like a menu's."""
    if line.isupper() and len(line.split()) >= 2:
        line = line.title()
    line = CREDENTIALS.sub("", line)  # "Jane Roe, MD", "Jane Roe CPP, PSP": credentials after the name
    return (
        len(line.split()) <= 4
        and person_name(line) is not None
        and not NOT_HEADLINE.search(line)
        and not any(
            word.lower() in _BUTTON_WORDS
            or _ACRONYM.search(word)
            or _LABEL_WORD.search(word)
            or (
                _SOFT_LABEL_WORD.search(word)
                and (not prose or lower_words(word, prose) or prose.count("\n" + line + "\n") >= MENU_REPEATS)
            )
            for word in line.split()
        )
    )


def names_list(line: str, least: int = 3) -> bool:
    """ "Ana Ruiz, Lee Park & Sam Cho": `least` or more authors' names and nothing else."""
    pieces = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", line) if p]
    return len(pieces) >= least and all(2 <= len(p.split()) <= 3 and person_name(p) for p in pieces)


def credit_lines(region: list[str], max_chars: int, names: bool | str = False, prose: str = "") -> list[str]:
    """The credit lines of a header region. A dump splits "By <a>Jane Roe</a>" into two lines and
    sets a name alone beside its date: "By" is joined to the next line, and a line that is only a
    person's name next to a date or credit line becomes "By <name>" (with `names="next"`, only a name
    right over its date, or over a count or a dash over it: over the headline). With
    `names="under"` (the lines between the headline and the body), a name alone right under the
    headline, under its deck or under credit lines only ("May 2, 2024" / "Jane Roe"), or a
    "Name, Role" line, is the byline when no other line is; its
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
    return [line for line in found if not (prose and _label_byline(line, prose)) and not _EMAIL_BYLINE.fullmatch(line)]


def _label_byline(line: str, prose: str) -> bool:
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
_DATE_PART = re.compile(rf"({_DATE})", re.IGNORECASE)


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
