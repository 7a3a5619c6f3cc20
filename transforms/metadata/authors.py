"""The article's authors: person names from bylines, author elements and structured data.

In: `Signals` (JSON-LD author, author elements found in the HTML, visible byline lines, <meta>
author, the extractor's author) and names that are organisations (site, publisher, agencies).
Out: a de-duplicated list of person names, possibly empty: better no author than a wrong one.

Bylines: "By X and Y", "X, Y and Z", "By NAME | Outlet | Updated: ...", "Written by X on <date>";
what follows a separator, a date or a word like "Updated" is not a name. Sources are tried in
order of trust and the first that yields a person wins.
"""

import re

from schemas import Signals
from transforms.metadata.jsonld import article_objects, by_id, names
from transforms.metadata.names import person_name
from transforms.metadata.titles import key

# More names than this in one credit is a list of related authors, not a byline.
MAX_AUTHORS = 8

_LEAD = re.compile(r"^\s*(?:(?:written|words|story|text|posted|published|reported|reporting|compiled|"
                   r"edited|reviewed)\s+by|by|von|por|par|author|authors|writer|byline)\b\s*[:\-]?\s*", re.I)
_CUT = re.compile(
    r"\s+[|•·]\s*|\s+[-–—]\s+|\s*\b(?:updated|published|posted|last\s+updated|modified|on\s+(?=\w+\s+\d)|"
    r"\d+\s*min(?:ute)?s?\s+read|reading\s+time|follow|share|email|e-mail|twitter|read\s+more)\b"
    r"|\s*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\s*\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}"
    r"|\s*\b(?:19|20)\d{2}[-/.]\d|\s*\b\d{1,2}[/.]\d{1,2}[/.]\d{2}",
    re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\s&\s|\band\b|\bund\b|\by\b|\bet\b)\s*")
_META_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
              "sailthru.author", "byl", "citation_author")


def parse_byline(line: str, orgs: set[str], single_word_ok: bool = False) -> list[str]:
    """Person names in one credit line; [] when it names none."""
    text = " ".join(line.split())
    text = _LEAD.sub("", text, count=1)
    text = _CUT.split(text, maxsplit=1)[0]
    out = []
    for piece in _SPLIT.split(text):
        name = person_name(piece, single_word_ok=single_word_ok)
        if name and key(name) not in orgs:
            out.append(name)
    return out


def _dedupe(found: list[str]) -> list[str]:
    seen, out = set(), []
    for name in found:
        k = key(name)
        if k and k not in seen:
            seen.add(k)
            out.append(name)
    return out[:MAX_AUTHORS] if len(out) <= MAX_AUTHORS else []


def _jsonld_authors(signals: Signals, orgs: set[str]) -> list[str]:
    for obj in article_objects(signals):
        value = obj.get("author") or obj.get("creator")
        if not value:
            continue
        items = value if isinstance(value, list) else [value]
        found = []
        for name, kind in names([by_id(signals, item) for item in items]):
            if kind in ("", "person"):
                found += parse_byline(name, orgs, single_word_ok=True)
        if found:
            return found
    return []


def choose_authors(signals: Signals, orgs: set[str]) -> list[str]:
    """`orgs` holds `titles.key` forms of the names of organisations seen on the page."""
    by_source: dict[str, list[str]] = {}
    for source, text in signals.author_texts:
        single = source in ("rel", "itemprop", "link")
        by_source.setdefault(source, []).extend(parse_byline(text, orgs, single_word_ok=single))
    bylines = []
    for line in signals.byline_lines:
        if _LEAD.match(line):
            bylines += parse_byline(line, orgs)
    meta = []
    for meta_key in _META_KEYS:
        value = signals.meta.get(meta_key)
        if value and "://" not in value:
            meta += parse_byline(value, orgs, single_word_ok=True)
    extractor = signals.extractor.get("author") or ""
    ordered = (
        _jsonld_authors(signals, orgs),
        by_source.get("itemprop", []) + by_source.get("rel", []),
        bylines,
        by_source.get("link", []),
        meta,
        [n for part in extractor.split(";") for n in parse_byline(part, orgs)],
        by_source.get("class", []),
    )
    for found in ordered:
        found = _dedupe(found)
        if found:
            return found
    return []
