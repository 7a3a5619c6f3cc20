"""Person names: is a string a person's name, and how is it written.

In: one candidate string from a byline or author field. Out: the name with sensible casing
("ZHANG YUNBI" -> "Zhang Yunbi", "MCDONALD" -> "McDonald", "O'NEIL" -> "O'Neil", particles such as
"van der" kept lower-case), or None when the string is not a person (staff credits, roles,
agencies and outlets, handles, URLs, e-mails, dates, sentences).
"""

import re
from functools import lru_cache

# A name has at most this many words and characters; longer strings are sentences or bios.
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 48

PARTICLES = frozenset(
    """
    van von der den de del della di da dos das du la le bin binti al el ter ten y af zu
    """.split()
)
# Words that make a credit a role, a desk or an organisation rather than a person.
NOT_PERSON_WORDS = frozenset(
    """
    staff team reporter reporters editor editors editorial desk newsroom correspondent correspondents contributor
    contributors writer writers admin administrator press agency agencies news media wire wires service services
    online digital web group inc ltd llc corp company times daily post journal herald gazette tribune magazine
    network channel email e-mail author authors follow view posts profile bio more updated published posted read
    minute minutes min comments comment share guest anonymous unknown user users blog official department office
    center centre institute university association foundation council ministry committee board society club review
    reviewed fact checked sponsored partner content opinion photo photos video by and the of for on in at with
    about our your home contact us sign subscribe login menu search today yesterday ago hours hour days undefined
    null none webmaster moderator website site page faculty students alumni bluesky facebook twitter linkedin
    instagram threads mastodon reddit whatsapp pinterest youtube tiktok telegram rss x released written expert
    experts tips guide articles financial finance dentistry dental solutions consulting insurance bank clinic
    hospital health labs studio studios academy school college partners thoughts sky store shop realty law firm
    policy policies privacy terms insight insights newsletter newsletters podcast podcasts coalition makers
    industries enterprises holdings ventures technologies systems productions brands marketing logistics
    outfitters alliance federation initiative why how what where when which
    live reporting coverage briefing images image credit credits
    redaktion rédaction redacción redazione redactie redação nachrichten nachrichtenagentur agentur
    agence agencia agenzia zeitung korrespondent korrespondentin correspondant correspondante
    corresponsal corrispondente autor autorin auteur autore
    """.split()
)
# What credits someone other than the writer, said before "by": "Medically reviewed by", "Fact checked
# by", "Edited by", "Photos by" (a regex fragment: authors, dump_credits and dumps read it).
OTHER_CREDIT = (
    r"(?:(?:medically|expert)\s+)?(?:reviewed|(?:fact[- ]?)?checked|edited|photos?|photographs?|photography|"
    r"images?|illustrations?|illustrated|video|produced)"
)
# Job titles glued after a name in author boxes ("Jane Roe Senior Editor"): the name ends before.
ROLE_WORDS = frozenset(
    """
    founder co-founder cofounder ceo cto cfo coo president director manager consultant columnist editor reporter
    writer correspondent contributor reviewer expert head chief senior lead former producer analyst strategist
    specialist researcher professor dietitian nutritionist architect engineer developer designer partner owner
    author host research associate assistant staff intern coach advisor adviser attorney lawyer managing executive
    deputy marketing gardener tech verified contributing trending featured guest visiting
    """.split()
)
# Page labels that follow a byline on the same line ("Jane Roe Related Program ...", "Jane Roe
# Category Health"): the name ends before them.
LABEL_WORDS = {"related", "category", "categories", "tags", "tagged", "topics", "filed", "program", "programs"}
_ENDS_NAME = ROLE_WORDS | LABEL_WORDS
# A credit ending in one of these months is a name glued to a date ("Jane Roe November").
_DATE_MONTHS = {"january", "february", "march", "september", "october", "november", "december"}
# Month names are also given names ("April", "May", "June"): only a credit made of nothing else is
# a date. Weekdays are never names.
MONTHS = frozenset(
    """
    jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october
    nov november dec december
    """.split()
)
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Credentials and honorifics that follow or precede a name and are not part of it.
CREDENTIAL = re.compile(
    r"^(?:(?:[A-Z][A-Za-z]?\.){2,}[A-Z]?|[A-Z]{2,6}\d*|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|"
    r"II|III|IV|Esq\.?|[A-Z]{1,5}-[A-Z]{1,5}(?:\s+\d+)?|CFP®|CEPF®)$"
)
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# Han-character endings of outlets and institutions (newspaper, agency, site, station, bureau, ...).
_HAN_ORG = re.compile(r"[报社网台局院部会司团刊站处所厅委]$")
# Courtesy and academic titles before a name are dropped; a knighthood ("Sir", "Dame") is kept, as
# the person signs with it.
_TITLE_PREFIX = re.compile(r"^(?:dr|prof|mr|mrs|ms|rev)\.?\s+", re.IGNORECASE)
# Words run together by a page's markup ("Wedding ChecklistsJust EngagedWedding Planning": a menu's
# entries): a capital after five lower-case letters. Names' inner capitals follow a shorter prefix
# ("McDonald", "MacArthur", "DeShawn", "SubbaRao").
_GLUED = re.compile(r"[a-z]{5}[A-Z]")
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


# A dump's header lines are asked again and again (credit regions overlap, the headline's choice asks
# each candidate): half of 10,465 calls on 680 text dumps repeat one, ~16 us each.
@lru_cache(maxsize=4096)
def person_name(raw: str, single_word_ok: bool = False) -> str | None:
    """The cleaned name when `raw` reads as a person's name, else None."""
    if _HAN_NAME.fullmatch(raw.strip()) and not _HAN_ORG.search(raw.strip()):
        return raw.strip()  # a Chinese name: two to four Han characters, no organisation suffix
    name = re.sub(r"\s*\([^)]*\)", "", " ".join(raw.split()))
    name = re.sub(r"(?<=[^\W\d])[\d*†‡]+(?=\s|$)", "", name).strip(" ,;:|-–—·•()[]\"'")
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:  # "Jane Roe Jane Roe": avatar alt + name
        words = words[:half]
        name = " ".join(words)
    for i, word in enumerate(words[2:], start=2):  # "Jane Roe Senior Editor", "Jane Roe Related" -> "Jane Roe"
        if word.lower().strip(".,:") in _ENDS_NAME:
            name = " ".join(words[:i])
            break
    if len(words) >= 3 and re.fullmatch(r"[A-Z]{1,3}", words[0]) and words[1][:1] == words[0][:1]:
        name = " ".join(words[1:]) if name == " ".join(words) else name  # avatar initials: "JR Jane Roe"
    if not name or len(name) > MAX_NAME_CHARS or re.search(r"[@#/\\:=<>{}_|\d]|www\.|\.com\b", name):
        return None
    name = strip_credentials(name)
    if re.search(r"[^\W\d_]{3,}\.$", name):  # "Jane Roe. Updated May 5": the sentence's stop, not "Jr."
        name = name[:-1]
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or (len(words) == 1 and not single_word_ok):
        return None
    if any(re.search(r"[^\W\d_]['’]s$", w) for w in words[:-1]):
        return None  # a possessive before another word: "Editor's Note", "Jane's Kitchen" name a thing
    lowered = [w.lower().strip(".,'’") for w in words]
    if any(w in NOT_PERSON_WORDS or w in WEEKDAYS or w in _ENDS_NAME for w in lowered) or all(
        w in MONTHS for w in lowered
    ):
        return None
    if len(lowered) >= 2 and lowered[-1] in _DATE_MONTHS:
        return None
    if (
        not all(_WORD.match(w) for w in words)
        or any(re.search(r"[a-z]\.[a-z]", w) for w in words)
        or any(_GLUED.search(w) for w in words)
    ):
        return None
    # Every word of a name starts with a capital, but particles ("van der", "de la", "bin").
    if not all(w[0].isupper() or w.lower() in PARTICLES for w in words if w[0].isalpha()):
        return None
    if len(words) == 1 and (
        CREDENTIAL.match(words[0]) or words[0].isupper() or words[0].islower() or any(c.isupper() for c in words[0][1:])
    ):
        return None  # "AP", "GitHub", "jdoe": an outlet or a handle, not a person's name
    return recase(name)
