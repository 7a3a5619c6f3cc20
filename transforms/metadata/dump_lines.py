"""What one line of a plain-text page dump is: a credit or a date line, a person's name alone, a job
title, a list of names, a label that reads like a name; inline elements the dump glued together
taken apart (`unglue`); where a body paragraph is printed (`printed_at`).

In: one line (and, for the tests that need it, the page's text: a word the page also writes in lower
case is a label's). Out: a bool, or the line with its spaces back. Shared by the credit reader
(`dump_credits`), the headline's choice (`dump_headline`), the fallbacks (`dump_fallbacks`) and the
decision layer (`normalize`, `publishers`).
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from transforms.metadata.datetexts import INTL_DATE
from transforms.metadata.names import ROLE_WORDS, person_name

# An author's role line ("Executive Editor, Example Health Letter") has at most this many words
# before its first comma or "and".
MAX_ROLE_WORDS = 5
# A line printed this many times in a page is a menu entry, not a byline's name.
MENU_REPEATS = 3
# A printed date, as a pattern: a month's name in English before or after the day, ISO and numeric
# forms, other languages' month names (`INTL_DATE`); a credit line is a byline, a label or such a date.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_PATTERN = (
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?[,.]?\s+(?:19|20)\d\d(?:(?!\d)|(?=\d{{1,2}}:\d\d))|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,\s*|\s+)(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d|\b\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b|\b\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b"
    rf"|{INTL_DATE}"
    # Chinese and Japanese "2024年5月12日", Korean "2024년 5월 12일"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일"
)
# "By" in the other languages bylines come in, before one or two names: "Von Anna Roth und Lukas
# Brenner", "Par Jean Roux", "Por Ana Ruiz", "Door Eva de Vries", "Av Erik Lund", "Af Ida Holm", "di Marco
# Rossi". The names run to the line's end or to a separator ("Von Anna Roth, dpa", "Par Jean Roux | 4
# mars"): "Von Miller Signs With Bills", "Door County Board Approves New Budget" are headlines.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_PERSON = rf"{_NAME_WORD}(?:\s+(?:(?:van|von|de|der|den|da|del|della|di|la|le|du|dos|das)\s+)*{_NAME_WORD}){{0,2}}"
OTHER_LANGUAGE_BY = (
    rf"(?-i:(?:Von|Par|Por|Door|Av|Af|di)\s+(?={_PERSON}(?:\s+(?:und|et|y|en|og|och|e|&)\s+{_PERSON})?"
    r"\s*(?:$|[|·•,–—(]|-\s)))"
)
# A credit line: one of _CREDIT_START at its start, _CREDIT_INSIDE anywhere, or a date (DATE_LINE).
# Three patterns, not one alternation searched at every character: the start's are tried once, and
# the date's only on a line with a digit (each of its forms has one); 13.7 -> ~5 us a line.
_CREDIT_START = re.compile(
    rf"(?i)^{OTHER_LANGUAGE_BY}|^(?:autor|auteur|autore|forfatter|författare)\s?:\s*(?-i:(?=[A-ZÀ-ÖØ-Þ]))"
    rf"|^(?:by|written by|authored by|posted|published|originally published|updated|"
    rf"last updated|reviewed by|edited by)\b|^author:|(?-i:^By(?=[A-Z][a-z]))"
    rf"|^(?:written|posted|authored|reviewed|edited) by(?-i:(?=[A-Z]))|^contribut(?:ions?|ed) (?:from|by)\b|^contributors?:"
    rf"|^(?:last )?modified\b|^(?:an?|\d+) (?:minute|hour|day|week|month|year)s? ago$"
    # a newsroom's credit line of its own: "From staff reports", "Staff and wire reports", "Wire services"
    r"|^(?:(?:compiled )?from )?(?:staff|wire|news)(?: and (?:staff|wire|news))? (?:reports?|services)$"
)
_CREDIT_INSIDE = re.compile(r"(?i)\bmin(?:ute)?s? read\b|reading time")
_DIGIT = re.compile(r"\d")
DATE_LINE = re.compile(DATE_PATTERN, re.IGNORECASE)
# A job title names no one in particular: "Goings On editor", not "Meet the new editor".
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "new"})
_LETTERS = re.compile(r"[^\W\d_]+")
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
    calculator tool tools show hide modal dismiss toggle collapse expand
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
# Inline elements a dump glued together inside a credit line: "Jane RoeMar 5, 2025", "Posted byJane",
# "Jane RoeUpdated: ...", "Jan 4, 202620 Mins Read", "Dec 30, 2024Posted in". A space goes back where the dump lost it
# (credit lines only: the body's lines must stay as the stripper saw them).
_FULL_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_SHORT_MONTH = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# ... and in capitals ("Local NewsJULY 8, 2024Updated: ..."): a theme's upper-case date line.
_FULL_MONTH += "|" + _FULL_MONTH.upper()
_SHORT_MONTH += "|" + _SHORT_MONTH.upper()
_GLUED_ROLES = (
    "Staff|Senior|Contributing|Editor|Reporter|Correspondent|Writer|Columnist|Freelance|Associate|Deputy|Chief|"
    "Managing|Executive"
)
# Each pattern with what it needs in a line (a month's short name, which a full one and their capitals
# hold; the words it puts a space before or after; an "@"), looked for first by a plain search, where
# the pattern's own tries its alternations at every letter (2-8 us a line).
_MONTH_NAMES = re.compile("|".join(_SHORT_MONTH.split("|") + ["May", "MAY"]))
_UNGLUE = [
    (re.compile(rf"(?<=[a-z])(?=(?:{_FULL_MONTH}|{_SHORT_MONTH})\.? \d{{1,2}}\b)"), " ", _MONTH_NAMES),
    (
        re.compile(
            rf"((?<![A-Za-z])(?:{_FULL_MONTH}|{_SHORT_MONTH})\.? \d{{1,2}}(?:st|nd|rd|th)?, (?:19|20)\d\d)(?=[\dA-Z])"
        ),
        r"\1 ",
        _MONTH_NAMES,
    ),
    # ... and "2 May 2024", "27 September,2023" glued to what follows
    (
        re.compile(rf"(\b\d{{1,2}} (?:{_FULL_MONTH}|{_SHORT_MONTH})\.?(?:, ?| )(?:19|20)\d\d)(?=[\dA-Z])"),
        r"\1 ",
        _MONTH_NAMES,
    ),
    (
        re.compile(r"(?<=[a-z])(?=(?:Updated|Published|Posted|Last [Uu]pdated)\b)"),
        " ",
        re.compile(r"Updated|Published|Posted|Last [Uu]pdated"),
    ),
    (re.compile(r"\b([Pp]osted by|[Ww]ritten by)(?=[A-Z][a-z])"), r"\1 ", re.compile(r"osted by|ritten by")),
    # "Jane RoeIn News, Travel", "2024Posted inNews": a theme's category list glued to the byline
    (re.compile(r"(?<=[a-z\d])(?<!Linked)(?=(?:In|Posted in) ?[A-Z])"), " ", re.compile(r"In|Posted in")),
    (re.compile(r"(?<=\bPosted in)(?=[A-Z])"), " ", re.compile(r"Posted in")),
    # "Jane RoeStaff Writer", "Ann LeeSenior Editor": a name glued to the role under it
    (re.compile(rf"(?<=[a-z])(?=(?:{_GLUED_ROLES})\b)"), " ", re.compile(_GLUED_ROLES)),
    # "Jane Roe@janeroe@JaneRoeNews": an author's social handles (icon links' texts) glued to the name,
    # after a capitalised word only: "By ops@example.com" is a mailbox
    (re.compile(r"\b([A-Z][\w'’-]*[a-z])@[\w./@-]+"), r"\1", re.compile("@")),
]
# What every _UNGLUE pattern needs: a lower-case letter before a capital or an "@", a digit before a
# digit or a capital.
_MAYBE_GLUED = re.compile(r"[a-z][A-Z@]|\d[\dA-Z]")
NOT_HEADLINE = re.compile(
    r"(?i)^(?:share|advertisement|home(?:\s*$|\s*[/>»›|-])|menu|search|skip to|log ?in|sign ?in|subscribe|"
    r"read more|click|image|photo|credit|back to\b|send\b|pin\b|copy\b|print\b|email\b|"
    r"listen\b|learn about\b|join\b|enter your\b|sign up\b|member\b|this article is\b|scroll to\b|use tab to\b"
    r"|manage alerts\b|(?:show|hide) (?:full|more|less|all|details)\b|opt[ -]out signal\b)|getty images|\bcourtesy\b"
    r"|opens in new window|[✕×✖]$|^in this (?:section|article)$|^how we test|^why trust\b|^lee esto\b|^read (?:this|it) in\b"
    r"|»|›|>|\s/\s|[|•·@]|https?:|\.com\b|^\d+\.\s|^you are here"
    r"|\b(?:image|photo|photograph|illustration|graphic|video)s? (?:by|courtesy)\b|\s[#¶]$"
    r"|^heard on\b|^tweet\b|\bon (?:facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|threads|bluesky|instagram)$"
)
# "UPDATED: Trump counter-offer ... SHOT DOWN": a kicker before a headline, not an update's date.
_UPDATE_KICKER = re.compile(r"(?i)updated:(?=(?:\s+\S+){4})\s+[^\W\d][^\d]*$")


@lru_cache(maxsize=4096)
def is_credit(line: str) -> bool:
    return bool(
        _CREDIT_START.match(line) or _CREDIT_INSIDE.search(line) or (_DIGIT.search(line) and DATE_LINE.search(line))
    ) and not _UPDATE_KICKER.match(line)


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


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=4096)  # a header's lines are read in overlapping regions: 1,774 calls, 623 lines (100 dumps)
def unglue(line: str) -> str:
    if not _MAYBE_GLUED.search(line):
        return line
    for pattern, repl, needs in _UNGLUE:
        if needs.search(line):
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


# Account names and roles a blog signs with that are no person's first name.
_NOT_FIRST_NAMES = frozenset(
    "admin administrator editor editors staff team guest author user webmaster moderator".split()
)


def first_name_alone(line: str, prose: str) -> bool:
    """A line that is one capitalised word the page never writes in lower case and reads as a first
    name ("Susan", "Kev"): no account name ("Admin"), label or button."""
    return (
        re.fullmatch(r"[A-Z][a-z]{2,14}", line) is not None
        and line.lower() not in _NOT_FIRST_NAMES
        and line.lower() not in _BUTTON_WORDS
        and person_name(line, single_word_ok=True) is not None
        and not _LABEL_WORD.search(line)
        and not _SOFT_LABEL_WORD.search(line)
        and not lower_words(line, prose)
    )


@lru_cache(maxsize=4096)
def names_list(line: str, least: int = 3) -> bool:
    """ "Ana Ruiz, Lee Park & Sam Cho": `least` or more authors' names and nothing else."""
    pieces = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", line) if p]
    return len(pieces) >= least and all(2 <= len(p.split()) <= 3 and person_name(p) for p in pieces)
