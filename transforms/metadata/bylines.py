"""One credit line to person names: "By X and Y", "X, Y and Z", "By NAME | Outlet | Updated: ...",
"Written by X on <date>", "Smith, Jane; Doe, John", a wire story's closing "Reporting by X in Place;
Editing by Y".

In: a line of text and the names that are organisations. Out: person names, possibly none. What
follows a separator, a date, a place before a co-author or a word like "Updated" is not a name; the
first name must come first ("By following these tips" is a sentence). `authors` chooses among the
page's sources, each read with `parse_byline`.
"""

import re

from transforms.metadata.names import NOT_PERSON_WORDS, OTHER_CREDIT, ROLE_WORDS, person_name
from transforms.metadata.titles import key

# More names than this in one credit is a list of related authors, not a byline.
MAX_AUTHORS = 8
BYLINE_LEAD = re.compile(
    r"^\s*(?:(?:(?:article|post|story)\s+)?(?:written|words|story|article|text|posted|published|reported|reporting|compiled|opinion|analysis|review|interview|commentary)\s+by|by|von|por|par|author|authors|writer|byline|contributors?|本报记者|记者|作者|撰文|文)\b\s*[:：\-/]?\s*"
    # Dutch, Swedish/Norwegian, Danish and Italian "by", only before a capitalised name ("Di Maio" is one)
    r"|^\s*(?-i:(?:Door|Av|Af|di)\s+(?=[A-ZÀ-ÖØ-Þ]))"
    # "记者张三": Chinese writes the name right after "reporter" (no word boundary between them)
    r"|^\s*(?:本报记者|记者)\s*[:：]?\s*(?=[\u4e00-\u9fff])",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"(?<=[a-z])(?=(?:Published|Updated|Posted|Last|Reviewed|Fact|Modified)\b)|\s+[|•·]\s*|\s+[-–—]\s+|"
    r"\s+(?:at|on)\s+(?=\w+\.?\s+\d|\d)|\s+(?:in|for)\s+(?-i:(?=[A-Z]))|\s*\b(?:updated|published|posted|last\s+updated|modified|on\s+(?=\w+\s+\d)|"
    rf"{OTHER_CREDIT}\s+by|"
    r"\d+\s*min(?:ute)?s?\s+read|reading\s+time|follow|share|email|e-mail|twitter|read\s+more|on\s+behalf\s+of)\b"
    r"|\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\s*\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|\s*\b(?:19|20)\d{2}[-/.]\d|\s*\b\d{1,2}[/.]\d{1,2}[/.]\d{2}",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|、|，|\s&\s|\b(?:and|AND)\b|\b(?:und|y|et|en|og|och)\b)\s*")
# Where a co-author's name follows, a reporter's place is left out: "By Jane Roe in London and John Doe in
# Paris" names both (_CUT ends the byline at its last place, " in Paris").
_PLACE_THEN_NAME = re.compile(
    r"\s+in\s+(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,2}(?=\s*(?:,|;|\s&\s|\band\s))", re.IGNORECASE
)
# A credit inside a line: "Published <date> Author Jane Roe", "<date> · by Jane Roe".
INNER_BY = re.compile(r"(?:^|[\s·•|,])(?:[Bb]y|BY|[Aa]uthor:?|[Ww]ritten [Bb]y|[Pp]osted [Bb]y)\s+(?=[A-Z])")
# Right before an inner "by": a credit of someone other than the writer (`names.OTHER_CREDIT`). It
# loses to a writer's in the same line; alone, it is the page's only credit and stays (a reviewed
# page's truth names its reviewer).
_OTHER_CREDIT = re.compile(rf"(?i)\b{OTHER_CREDIT}\s*$")
# Several words, "&", one word: "Tax & Accounting" (see `_is_firm`).
_FIRM = re.compile(r"([^,;&]+\s[^,;&]+?)\s+&\s+[^\W\d_]+\.?")
_FIRM_TAIL = re.compile(r"\s+[^\W\d_]+\.?")  # what follows its "&"
# A desk or team credit ("Editorial Team", "Resy Staff", "Our Editors", "News Desk"): an organisation.
_DESK = re.compile(
    r"(?i)\b(?:team|staff|editors|editorial|desk|newsroom)\s*$"
    r"|^(?:die |la |el |de )?(?:redaktion|rédaction|redacción|redazione|redactie|redação)\b"  # "Redaktion Tagesblatt"
)
# One entry of a list of names written surname first ("Smith, Jane; Doe, John": a CMS's or a
# library's author field): one surname word, a comma, the first names.
_SURNAME_FIRST = re.compile(r"([^\W\d_][\w'’-]*),\s*([^\W\d_][^,;]*?)")
# A CMS account name: one token of letters (dots, dashes, underscores inside), no digits or spaces.
HANDLE = re.compile(r"(?=.*[a-z])[^\W\d_](?:[^\W\d]|[._-](?=[^\W\d_])){2,39}")  # "CNN": an outlet


def parse_byline(
    line: str, orgs: set[str], single_word_ok: bool = False, strict: bool = False, led: bool = False
) -> list[str]:
    """Person names in one credit line; [] when it names none.

    The first name must come first: "By following these tips, ..." is a sentence, not a byline.
    `strict`: every piece must be a name (a clean list of co-authors), else [].
    `led`: the text is known to follow a credit ("By"), so a first name alone is a name.
    """
    text = " ".join(line.split()).lstrip("&+ ")
    written_lead = bool(BYLINE_LEAD.match(text))  # "By" on the page itself, not a field's label
    led = led or written_lead
    text = BYLINE_LEAD.sub("", text, count=1)
    text = first_name_first(_CUT.split(_PLACE_THEN_NAME.sub("", text), maxsplit=1)[0])
    if _is_firm(text):
        return []
    out = []
    for i, piece in enumerate(_SPLIT.split(text)):
        # "By Linny and Peter": after a lone first name, a co-author's first name alone is a name too
        first_names = led and (i == 0 or (len(out) == 1 and " " not in out[0]))
        name = None if _DESK.search(piece) else person_name(piece, single_word_ok=single_word_ok or first_names)
        if name is None and i == 0 and led and not strict:
            name = _name_prefix(piece) or (_led_handle(piece, text) if written_lead else None)
        if i > 0 and name and _is_role(piece) and len(piece.split()) > len(name.split()):
            break  # "Jane Roe, Capitol Hill Correspondent": a beat and a role, not a co-author
        if name and key(name) not in orgs:
            out.append(name)
        elif (i == 0 or strict) and key(piece) not in orgs:
            return []
        elif _is_role(piece):
            break  # "Jane Roe, Senior Editor, Outlet": what follows a role is the affiliation
    return out


def first_name_first(text: str) -> str:
    """ "Smith, Jane; Doe, John" -> "Jane Smith; John Doe": a semicolon list whose every entry is a
    surname, a comma and first names (`_SURNAME_FIRST`); any other text as it is ("Jane Roe, Senior
    Editor; John Doe, Staff Writer", "Roe, Jane" alone: maybe two first names)."""
    entries = [entry.strip() for entry in text.split(";") if entry.strip()]
    if len(entries) < 2:
        return text
    found = [_SURNAME_FIRST.fullmatch(entry) for entry in entries]
    if not all(found) or any(_is_role(match[2]) for match in found):
        return text
    return "; ".join(f"{match[2]} {match[1]}" for match in found)


def _is_firm(text: str) -> bool:
    """ "Thomson Reuters Tax & Accounting", "Smith Barney & Co": a name of several words joined by
    "&" to one more word is a firm's name; two people are "Jane Roe & Ann Lee" ("Jane Roe Founder
    & CEO" is a person and her role: her name ends before the role word)."""
    text = text.strip()
    # What the pattern needs, found by plain tests first: one "&", with one word after it and no
    # "," or ";" or a space missing before it. On a long line failing one of these the pattern tried
    # each split of the words before the "&" (cubic: 2,000 characters 2.2 s); once they hold, it
    # finds its split at the first try.
    head, amp, tail = text.partition("&")
    if not amp or not head[-1:].isspace() or "," in head or ";" in head or not _FIRM_TAIL.fullmatch(tail):
        return False
    match = _FIRM.fullmatch(text)
    if not match:
        return False
    name = person_name(match[1])
    return name is not None and len(name.split()) == len(match[1].split())


def is_desk(text: str) -> bool:
    """A named desk or team ("Resy Staff", "The Editorial Team"); a lone "Staff" is a menu link."""
    return 2 <= len(text.split()) <= 6 and bool(_DESK.search(text))


def _is_role(piece: str) -> bool:
    return any(w.lower().strip(".,") in ROLE_WORDS or w.lower().strip(".,") in NOT_PERSON_WORDS for w in piece.split())


def _led_handle(piece: str, text: str) -> str | None:
    """ "Posted by jroe on ...": an account name that is the whole credit after "by"."""
    piece = piece.strip()
    if piece == text.strip() and HANDLE.fullmatch(piece) and piece.lower() not in NOT_PERSON_WORDS:
        return piece
    return None


def _name_prefix(piece: str) -> str | None:
    """'Jane Roe Content Writer at Outlet' -> 'Jane Roe': a name followed by other words."""
    words = piece.split()
    if len(words) < 3 or _DESK.search(piece):
        return None
    three = person_name(" ".join(words[:3])) if words[2] != words[0] else None
    initial = re.fullmatch(r"(?:[A-Z]\.)+", words[1]) is not None  # "Jane Q. Roe", "Jane Q.R. Roe"
    if three and (len(words) == 3 or initial or not words[3][:1].isupper() or words[3] == words[0]):
        return three
    return person_name(" ".join(words[:2]))


def dedupe(found: list[str]) -> list[str]:
    seen, out = set(), []
    for name in found:
        k = key(name)
        if k and k not in seen:
            seen.add(k)
            out.append(name)
    return out[:MAX_AUTHORS] if len(out) <= MAX_AUTHORS else []


def writer_credits(line: str) -> list[re.Match]:
    """The credits inside a line ("Published <date> by Jane Roe") that are a writer's: not right after
    "Reviewed", "Edited", "Photos", ..."""
    return [m for m in INNER_BY.finditer(line) if not _OTHER_CREDIT.search(line[: m.start() + 1])]


# A wire story's closing credit: "Reporting by Jane Roe, John Doe in Bengaluru; Editing by Ann Lee",
# "Writing by Jane Roe". Its reporters and writers are the story's authors, its editors are not.
_WIRE_CREDIT = re.compile(r"^(?:(?:additional )?reporting|writing) by\s", re.IGNORECASE)
_WIRE_PART = re.compile(r"^(?:reporting|writing) by\s+(.+)$", re.IGNORECASE)
# Its parts, after a semicolon or run together ("Reporting by Jane Roe Writing by John Doe").
_WIRE_PARTS = re.compile(
    r";|(?<!\badditional)\s+(?=(?:additional reporting|reporting|writing|editing) by\s)", re.IGNORECASE
)
# The closing credit is among the body's last paragraphs, and short.
WIRE_CREDIT_PARAGRAPHS = 3
MAX_WIRE_CREDIT_CHARS = 250


def wire_credit_authors(paragraphs: list[str], orgs: set[str], after: list[str] = ()) -> list[str]:
    """Reporters and writers a wire story's closing credit names (its "Additional reporting by" and
    editors left out), or []: read where the page credits no one else. `after`: a dump's lines right
    under the body (a stripper may leave the credit out of it)."""
    found = []
    for text in [*paragraphs[-WIRE_CREDIT_PARAGRAPHS:], *after]:
        if len(text) > MAX_WIRE_CREDIT_CHARS or not _WIRE_CREDIT.match(text):
            continue
        for part in _WIRE_PARTS.split(text):
            match = _WIRE_PART.match(part.strip())
            if match:
                found += parse_byline("By " + match.group(1), orgs)
    return dedupe(found)
