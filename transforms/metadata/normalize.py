"""First-cut metadata normalization: candidates in a fixed order of trust, simple parsers."""

import re
from datetime import datetime, timezone

from dateutil import parser as dateparser

from schemas import Page, Signals

METADATA_FIELDS = (
    "url", "title", "subtitle", "authors", "publisher", "wire_agency", "published_at",
    "published_date", "published_offset_minutes", "published_precision", "published_source",
    "modified_at", "dateline", "section", "declared_language",
)

_BY = re.compile(r"^\s*(?:by|por|par|von)\s+(.+)$", re.I)
_DATELINE = re.compile(r"^([A-Z][A-Z .'\-]{2,40}?)(?:,\s*[A-Z][a-z]{2,5}\.?\s+\d{1,2})?\s*(?:\([^)]{2,30}\))?\s*(?:-{1,2}|—|–)\s+")
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _jsonld_articles(signals: Signals) -> list[dict]:
    return [o for o in signals.jsonld if "Article" in str(o.get("@type", "")) or "headline" in o]


def _first(*values):
    for value in values:
        if value:
            return value
    return None


def _person_names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.extend(n for n in _NAME_SPLIT.split(name.strip()) if n)
    return names


def _title_case(name: str) -> str:
    return name.title() if name.isupper() else name


def _authors(signals: Signals) -> list[str]:
    for article in _jsonld_articles(signals):
        if article.get("author"):
            return [_title_case(n) for n in _person_names(article["author"])]
    for line in signals.byline_lines:
        match = _BY.match(line)
        if match:
            names = match.group(1).split("|")[0]
            return [_title_case(n.strip()) for n in _NAME_SPLIT.split(names) if n.strip()]
    meta = signals.meta.get("author")
    return [_title_case(meta)] if meta and "://" not in meta else []


def _parse_date(raw: str):
    try:
        value = dateparser.parse(raw, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return value


def _dates(signals: Signals) -> dict:
    candidates = []
    for article in _jsonld_articles(signals):
        if article.get("datePublished"):
            candidates.append(("jsonld", str(article["datePublished"])))
    for key in ("article:published_time", "datepublished", "pubdate", "date"):
        if signals.meta.get(key):
            candidates.append(("meta", signals.meta[key]))
    candidates += [("meta", v) for _, v in signals.date_texts]
    for line in signals.byline_lines:
        match = re.search(r"((19|20)\d{2}-\d{2}-\d{2}( \d{1,2}:\d{2})?|[A-Z][a-z]+\.? \d{1,2}, (19|20)\d{2})", line)
        if match:
            candidates.append(("text", match.group(1)))
    now = datetime.now(timezone.utc)
    for source, raw in candidates:
        value = _parse_date(raw)
        if value is None or value.year < 1800:
            continue
        has_time = bool(re.search(r"\d{1,2}:\d{2}", raw))
        out = {"published_date": value.date(), "published_source": source,
               "published_precision": "minute" if has_time else "day"}
        if has_time and value.tzinfo is not None:
            utc = value.astimezone(timezone.utc)
            if utc > now:
                continue
            out["published_at"] = utc
            out["published_offset_minutes"] = int(value.utcoffset().total_seconds() // 60)
        return out
    return {}


def normalize_metadata(page: Page, signals: Signals, paragraphs: list[str]) -> tuple[dict, list[str]]:
    articles = _jsonld_articles(signals)
    title = _first(*(a.get("headline") for a in articles), signals.meta.get("og:title"),
                   *signals.headings, signals.title)
    publisher = None
    for article in articles:
        pub = article.get("publisher")
        publisher = publisher or (pub.get("name") if isinstance(pub, dict) else pub)
    fields = {name: None for name in METADATA_FIELDS}
    fields.update(
        url=_first(signals.canonical_url, signals.meta.get("og:url"), page.url),
        title=" ".join(str(title).split()) if title else None,
        subtitle=signals.subtitle,
        authors=_authors(signals),
        publisher=_first(publisher, signals.meta.get("og:site_name")),
        section=_first(signals.meta.get("article:section"),
                       *(re.split(r"\s+[|/>»]\s+", b)[-1] for b in signals.breadcrumbs)),
        declared_language=signals.declared_language,
    )
    fields.update(_dates(signals))
    body = list(paragraphs)
    if body:
        match = _DATELINE.match(body[0])
        if match:
            fields["dateline"] = match.group(1).strip().title()
            body[0] = body[0][match.end():]
    return fields, body
