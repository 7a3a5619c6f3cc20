"""Publisher and wire agency: who runs the site, and which agency a story is credited to.

In: `Signals` (JSON-LD publisher, og:site_name, application-name,
credit lines such as "(Agency)", "Agency, September 26, 2015", "By X | Outlet | Updated: ...",
and an agency as the structured author: JSON-LD author, <meta name=author>)
and the canonical URL. Out: (publisher, wire_agency), each a consistently spelled name or None.

The publisher is the site's own name when the page states it, else the outlet a credit line
names, else the URL host. A credited wire agency (a fixed list of agencies, matched on their
usual spellings) goes in wire_agency unless it is the site itself.
"""

import re

from schemas import Signals
from transforms.metadata.agencies import agency
from transforms.metadata.dump_lines import role_line
from transforms.metadata.jsonld import article_objects, by_id, credited, names
from transforms.metadata.names import person_name
from transforms.metadata.titles import key

# <meta> names whose content is the story's author (`transforms.metadata.authors` reads them too).
AUTHOR_META_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "citation_authors",
)
# The masthead is on one of a dump's first lines, and short.
MASTHEAD_LINES = 3
MAX_MASTHEAD_CHARS = 40
# A copyright notice up to the holder's name: "©2025 ", "Copyright © 2020-2025 ", "(c) 2024, ".
_COPYRIGHT = r"(?:©|\(c\)|\bcopyright\b)(?:\s*©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*[,.]?\s*)?"
# Chrome words that precede a credit on some page templates ("0 Comment(s) Print E-mail Outlet").
_CHROME = re.compile(
    r"^(?:\d+\s*comments?(?:\(s\))?|print|e-?mail|share|source|from|credit|adjust font size)\s*:?\s*", re.IGNORECASE
)
# The separator run before the date is taken whole (possessive: nothing after it can start with a
# comma or a space but the `\s*`, which gets the same start either way); backtracking into it made
# a search cubic on a run of spaces (400 spaces 0.5 s, 1,000 ~8 s; quadratic now).
_DATE_TAIL = re.compile(
    r"(?:^|[,\s]++)(?:(?:last\s+)?updated|published|posted)?:?\s*(?:\w+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\.?\s+\d{4}|"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}).*$",
    re.IGNORECASE,
)
# "来源：清河日报" / "Source: Outlet": a source credit in a byline line.
_SOURCE = re.compile(r"(?:来源|來源|出处|Source)\s*[:：]\s*([^\s|　,，]{2,30})")
_PAREN = re.compile(r"\(([A-Z][\w.&' -]{1,40})\)")
# A date's label left when its date is cut: "Last updated", "Released Wednesday", "Originally published".
_DATE_LABEL = re.compile(
    r"(?i)^(?:(?:last|originally|first)\s+)?(?:updated|published|posted|released|modified|revised)\b"
)
# A name's word right before and right after a parenthesis: "Paramita (Guha) Ghosh".
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+ $")
_NAME_AFTER = re.compile(r" [A-Z][a-z]")
_OUTLET = re.compile(r"^(?:The\s+)?[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of|de|the|and|&)){0,5}$")
_BY = re.compile(r"^\s*by\b", re.IGNORECASE)
# A dump's first line or a credit's part that is the page's interface or the day, not an outlet's name.
_NOT_OUTLET = re.compile(
    r"(?i)^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?(?:\s.*)?"
    r"|(?:main )?menu\b.*|skip\b.*|.*\bnavigation\b.*|advertis.*|sponsored\b.*|log ?in\b.*|sign (?:in|up)\b.*"
    r"|subscribe\b.*|search\b.*|now reading\b.*|home|news|latest\b.*|breaking\b.*|trending\b.*|live|close|share\b.*"
    r"|toggle\b.*|open\b.*|accessibility\b.*|jump to\b.*|edition\b.*|back to\b.*|\d*\s*comments?)$"
)


# Words at a byline's end that may name the wire agency its writer works for.
AGENCY_WORDS = 4


def _trailing_agency(byline: str) -> list[str]:
    """The wire agency that ends a byline after its writer's name ("By Jane Roe, Associated Press",
    "By JANE ROE Associated Press"), as a one-item list; [] for none."""
    words = byline.replace(",", " ").split()
    for n in range(min(AGENCY_WORDS, len(words) - 2), 0, -1):  # "By" and a name stand before it
        tail = " ".join(words[-n:])
        if agency(tail):
            return [tail]
    return []


def credits(lines: list[str]) -> list[str]:
    """Outlet names credited in byline/credit lines, in order: "(Agency)", "Source: Outlet", a part
    of a line split by "|" or "•" ("By X | Outlet | Updated: ..."), or a name before a comma and a
    date ("Outlet, May 2, 2014"). A line of one part with no such date is a label or a name
    ("Written By Jane Roe", "Contributors"), a name before a date with no comma a section's or a
    label's ("Editorial November 22, 2018", "DATE: 2025-12-12"), and a job title no outlet ("Jane
    Roe | Senior Writer | July 2, 2025")."""
    found = []
    for line in lines:
        found += _paren_credits(line) + _SOURCE.findall(line)
        by_first = False
        parts = re.split(r"\s+\|\s+|\s+[•·]\s+", line)
        for i, part in enumerate(parts):
            if _BY.match(part):  # the byline ("3 min read · By Jane Roe" too)
                by_first = by_first or i == 0
                found += _trailing_agency(part)  # "By JANE ROE Associated Press", "By Jane Roe, Reuters"
                continue
            tail = _DATE_TAIL.search(part)
            if tail and not tail.group(0).startswith(",") and tail.start() > 0:
                continue  # "Editorial November 22, 2018", "Essay - Published: 2025.12.17"
            if not tail and len(parts) == 1:
                continue
            part = part[: tail.start()] if tail else part
            while _CHROME.match(part):
                part = _CHROME.sub("", part, count=1).strip()
            part = part.strip(" ,;:-–—()")
            if (
                part
                and _OUTLET.match(part)
                and not _DATE_LABEL.match(part)
                and not _NOT_OUTLET.match(part)
                and not role_line(part)
                and (not person_name(part) or (by_first and i == 1))
            ):  # "By X | Outlet | ..."
                found.append(part)
    return list(dict.fromkeys(f for f in found if f))


def _paren_credits(line: str) -> list[str]:
    """Outlets in parentheses: "(AFP) Updated: ...", "Jane Roe (Harbour Daily)"; not a phrase ("(More
    than 25 published)"), a job title ("Jane Roe (Content Manager)") or a name's part ("Paramita (Guha)
    Ghosh": between two words of a name), unless a wire agency."""
    found = []
    for match in _PAREN.finditer(line):
        name = match.group(1)
        inside_name = _NAME_BEFORE.search(line, 0, match.start()) and _NAME_AFTER.match(line, match.end())
        if agency(name) or (_OUTLET.match(name) and not role_line(name) and not inside_name):
            found.append(name)
    return found


def _clean(name) -> str | None:
    if not isinstance(name, str):
        return None
    name = " ".join(name.split()).strip(" |-–—")
    return name if 1 < len(name) <= 80 and "://" not in name else None


def _words(value: str) -> set[str]:
    return set(re.findall(r"[^\W_]{4,}", value.casefold()))


def _unlike_site(name: str, brand: str | None, host: str | None) -> bool:
    """A JSON-LD publisher name that shares no word with the site's brand name (og:site_name) nor
    with its host: a theme's placeholder or a tagline ("Where Hope Finally Made a Comeback"), not
    the company behind the site ("Guardian News & Media" for theguardian.com shares a word)."""
    if not brand or key(name) == key(brand):
        return False
    words = _words(name)
    squashed = key(host or "")
    return not (words & _words(brand) or any(w in squashed for w in words))


def site_publisher(signals: Signals, host: str | None = None) -> str | None:
    """The site's own name as the page states it: the JSON-LD publisher, else og:site_name or
    application-name (og:site_name also where the JSON-LD name is unlike the site, `_unlike_site`)."""
    brand = next(
        (
            n
            for n in (_clean(signals.meta.get(k)) for k in ("og:site_name", "application-name"))
            if n and not n.startswith("@")
        ),
        None,
    )
    for obj in article_objects(signals):
        pub = obj.get("publisher")
        if pub:
            items = pub if isinstance(pub, list) else [pub]
            for name, _ in names([by_id(signals, item) for item in items]):
                if _clean(name):
                    return without_tagline(brand if _unlike_site(_clean(name), brand, host) else _clean(name), host)
    return without_tagline(brand, host)


# A site's name with its tagline after a bar, a bullet or a dash ("Urge Fitness | Affordable 24/7 Gyms Near
# Me in PA and NJ", "CleverTap - All-in-One Customer Engagement Platform", "Resy | Right This Way").
_TAGLINE_SPLIT = re.compile(r"\s+(?:[|•·]|-{1,2}|–|—)\s+")
_DOMAIN_LIKE = re.compile(r"(?i)^[\w-]+(?:\.[\w-]+)+$")


def without_tagline(name: str | None, host: str | None) -> str | None:
    """The part of a site's name before or after its tagline that the host spells (a word of 4+
    letters, or the whole part run together: "AIHR | Academy to Innovate HR" on aihr.com is "AIHR");
    the name as it is where no part or more than one reading is possible (no host, or no part the
    host spells). On wcxb-dev HTML 30 publishers lost a tagline so (one more kept one: "Healthcare AI |
    Aidoc Always-on AI" is "Aidoc Always-on AI"; an acronym stands for its name: "NSF", "LSC")."""
    if not name or not host:
        return name
    parts = [p.strip(" \"'“”") for p in _TAGLINE_SPLIT.split(name)]
    if len(parts) < 2:
        return name
    squashed = key(host)
    for part in parts:
        k = key(part)
        if not k or _DOMAIN_LIKE.match(part):
            continue
        if (len(k) >= 3 and k in squashed) or any(w in squashed for w in _words(part)):
            return part
    return name


def masthead(dump: str) -> str | None:
    """A text dump's first line when it is the outlet's name ("Valley Courier") and the page's
    copyright notice names it too ("© 2025 Valley Courier"). None when that line is a menu, a
    sentence or anything but a short name, or when no notice names it: a dump opens with a menu
    entry ("Services", "About", "Solutions") far more often than with its masthead (on the wcxb
    dumps the first line alone named the site on 36 of 231 pages, with the notice on 17 of 28)."""
    first = next((line.strip() for line in dump.splitlines()[:MASTHEAD_LINES] if line.strip()), "")
    if (
        len(first) <= MAX_MASTHEAD_CHARS
        and _OUTLET.match(first)
        and len(first.split()) <= 5
        and not agency(first)
        and not _NOT_OUTLET.match(first)
        and re.search(_COPYRIGHT + re.escape(first) + r"(?!\w)", dump, re.IGNORECASE)
    ):
        return first
    return None


def structured_agencies(signals: Signals) -> list[str]:
    """Wire agencies a page's structured data names as the story's author: the JSON-LD article's
    author or creator ("Associated Press" as a Person on a syndicated story), the <meta> author."""
    found = [name for obj in article_objects(signals) for name, _ in credited(signals, obj)]
    for meta_key in AUTHOR_META_KEYS:
        found += (signals.meta.get(meta_key) or "").split(";")  # repeated <meta>s arrive joined with "; "
    return [a for a in (agency(" ".join(name.split())) for name in found) if a]


def choose_publisher(
    signals: Signals, host: str | None, extra_credits: list[str] = ()
) -> tuple[str | None, str | None]:
    """(publisher, wire_agency)."""
    site = site_publisher(signals, host)
    credited = credits(signals.byline_lines) + list(extra_credits)
    agencies = [a for a in (agency(c) for c in credited) if a] + structured_agencies(signals)
    outlets = [c for c in credited if not agency(c)]
    site_agency = agency(site) or (agency(host.split(".")[-2]) if host and host.count(".") >= 1 else None)
    wire = next((a for a in agencies if a != site_agency), None)
    publisher = agency(site) or site or (outlets[0] if outlets else None) or (agencies[0] if agencies else None) or host
    return publisher, wire
