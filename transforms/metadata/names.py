"""Person names: is a string a person's name, and how is it written.

In: one candidate string from a byline or author field. Out: the name with sensible casing
("ZHANG YUNBI" -> "Zhang Yunbi", "MCDONALD" -> "McDonald", "O'NEIL" -> "O'Neil", particles such as
"van der" kept lower-case), or None when the string is not a person (staff credits, roles,
agencies and outlets, handles, URLs, e-mails, dates, sentences).
"""

import re

# A name has at most this many words and characters; longer strings are sentences or bios.
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 48

PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
             "bin", "binti", "al", "el", "ter", "ten", "y", "af", "zu"}
# Words that make a credit a role, a desk or an organisation rather than a person.
NOT_PERSON_WORDS = {
    "staff", "team", "reporter", "reporters", "editor", "editors", "editorial", "desk", "newsroom",
    "correspondent", "correspondents", "contributor", "contributors", "writer", "writers", "admin",
    "administrator", "press", "agency", "agencies", "news", "media", "wire", "wires", "service",
    "services", "online", "digital", "web", "group", "inc", "ltd", "llc", "corp", "company", "times",
    "daily", "post", "journal", "herald", "gazette", "tribune", "magazine", "network", "channel",
    "email", "e-mail", "author", "authors", "follow", "view", "posts", "profile", "bio", "more",
    "updated", "published", "posted", "read", "minute", "minutes", "min", "comments", "comment",
    "share", "guest", "anonymous", "unknown", "user", "users", "blog", "official", "department",
    "office", "center", "centre", "institute", "university", "association", "foundation", "council",
    "ministry", "committee", "board", "society", "club", "review", "reviewed", "fact", "checked",
    "sponsored", "partner", "content", "opinion", "photo", "photos", "video", "by", "and", "the",
    "of", "for", "on", "in", "at", "with", "about", "our", "your", "home", "contact", "us", "sign",
    "subscribe", "login", "menu", "search", "today", "yesterday", "ago", "hours", "hour", "days",
}
MONTHS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
          "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
          "november", "dec", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
          "saturday", "sunday"}
# Credentials and honorifics that follow or precede a name and are not part of it.
CREDENTIAL = re.compile(r"^(?:(?:[A-Z][A-Za-z]?\.){2,}[A-Z]?|[A-Z]{2,6}\d*|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|"
                        r"II|III|IV|Esq\.?|[A-Z]{1,5}-[A-Z]{1,5}(?:\s+\d+)?|CFP®|CEPF®)$")
_TITLE_PREFIX = re.compile(r"^(?:dr|prof|mr|mrs|ms|sir|dame|rev)\.?\s+", re.I)
_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:['’\-.][^\W\d_]*)*\.?$")


def _cap(word: str) -> str:
    lower = word.lower()
    if "-" in word:
        return "-".join(_cap(part) for part in word.split("-"))
    for mark in ("'", "’"):
        if mark in word[1:3]:
            head, tail = word.split(mark, 1)
            return _cap(head) + mark + _cap(tail)
    if lower.startswith("mc") and len(lower) > 3:
        return "Mc" + lower[2:].capitalize()
    return lower.capitalize()


def recase(name: str) -> str:
    """Title-case a name written in capitals (or all lower-case); leave mixed case alone."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
        return name
    words = name.split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        out.append(lower if 0 < i < len(words) - 1 and lower in PARTICLES else _cap(word))
    return " ".join(out)


def strip_credentials(name: str) -> str:
    """'Jane Roe, MD' -> 'Jane Roe'; 'Dr. Jane Roe' -> 'Jane Roe'."""
    name = _TITLE_PREFIX.sub("", name.strip(" ,;:|-–—·•"))
    words = name.split()
    mixed_case = any(c.islower() for c in name)
    while len(words) > 1 and mixed_case and CREDENTIAL.match(words[-1].rstrip(",")):
        words.pop()
    return " ".join(words).rstrip(" ,")


def person_name(raw: str, single_word_ok: bool = False) -> str | None:
    """The cleaned name when `raw` reads as a person's name, else None."""
    name = " ".join(raw.split()).strip(" ,;:|-–—·•()[]\"'")
    if not name or len(name) > MAX_NAME_CHARS or re.search(r"[@#/\\:=<>{}_|\d]|www\.|\.com\b", name):
        return None
    name = strip_credentials(name)
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or (len(words) == 1 and not single_word_ok):
        return None
    lowered = [w.lower().strip(".,'’") for w in words]
    if any(w in NOT_PERSON_WORDS or w in MONTHS for w in lowered):
        return None
    if not all(_WORD.match(w) for w in words):
        return None
    # Every word of a name starts with a capital, but particles ("van der", "de la", "bin").
    if not all(w[0].isupper() or w.lower() in PARTICLES for w in words if w[0].isalpha()):
        if not all(w.islower() for w in words):
            return None
    if len(words) == 1 and (CREDENTIAL.match(words[0]) or words[0].isupper()):
        return None  # "AP", "AFP", "BBC": an outlet, not a person
    return recase(name)
