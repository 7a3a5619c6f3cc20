"""Metadata candidates from an HTML tree: what a page offers, before anything is decided.

In: a parsed lxml tree. Out: `Signals`, raw and unnormalized (`transforms.metadata` decides):
<title>, h1 texts, <meta> by name/property/itemprop, JSON-LD objects (@graph flattened), the
canonical link, <html lang>, author elements (rel=author, itemprop=author, class/id byline or
author, links to /author/ pages), visible byline and date lines just after the first h1,
<time datetime> values, breadcrumb trails (class/id/aria-label "breadcrumb") and a standfirst.
Read-only over the tree, so the body extractor can run on the same tree afterwards; one pass
over the elements plus a bounded look after the h1, so it stays cheap on large pages.
"""

import json
import re

from schemas import Signals

# JSON-LD blocks larger than this are cut (they are product feeds, not article metadata).
_MAX_JSONLD_CHARS = 200_000
# A byline or date line is short; longer texts are bios, teasers or whole sections.
MAX_LINE_CHARS = 160
# How many elements after the first h1 are read for visible byline/date lines.
AFTER_H1_ELEMENTS = 120
# At most this many candidates of each kind are kept (pages repeat author boxes per teaser).
MAX_CANDIDATES = 12

_AUTHOR_CLASS = re.compile(r"byline|author|writer|contributor|reporter", re.IGNORECASE)
_NOT_AUTHOR_CLASS = re.compile(r"avatar|image|img|photo|bio|about|social|follow|comment|more-from|related", re.IGNORECASE)
_BREADCRUMB = re.compile(r"breadcrumb", re.IGNORECASE)
_STANDFIRST = re.compile(r"(^|[\s_-])(standfirst|dek|deck|subtitle|sub-title|subheadline|sub-headline|"
                         r"strapline|article-summary|summary-text|lede|excerpt)($|[\s_-])", re.IGNORECASE)
_BY_START = re.compile(r"^\s*(by|written by|words by|posted by|von|por|par)\b", re.IGNORECASE)
_DATEISH = re.compile(
    r"\b(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.](19|20)\d{2}\b"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d{2}\b"
    r"|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d{2}\b"
    r"|\b(updated|published|posted)\b", re.IGNORECASE)
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|meta|dateline|article-info|entry-info", re.IGNORECASE)
_DATE_TAGS = {"span", "div", "p", "li", "small", "time", "em", "strong", "header"}
_STRICT_DATE = re.compile(
    r"\b(19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.](19|20)\d{2}\b"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d{2}\b"
    r"|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d{2}\b",
    re.IGNORECASE)
# Date elements (by class) longer than this are teasers or whole meta blocks.
MAX_DATE_CHARS = 90
_CREDIT_START = re.compile(r"^\s*(written by|contributors?:|author:)\s*", re.IGNORECASE)
_CREDIT_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "span", "div", "strong", "em", "small"}
_BLOCKS = {"p", "div", "span", "li", "address", "time", "small", "header", "section", "a", "em", "strong", "footer"}


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _spaced_text(el) -> str:
    """Text with a space at every element boundary: "<a>Name</a><span>May 2</span>" stays apart."""
    return " ".join(" ".join(el.itertext()).split())


def _flatten_jsonld(obj, out: list[dict], depth: int = 0) -> None:
    if depth > 4:
        return
    if isinstance(obj, list):
        for item in obj:
            _flatten_jsonld(item, out, depth + 1)
    elif isinstance(obj, dict):
        out.append(obj)
        if "@graph" in obj:
            _flatten_jsonld(obj["@graph"], out, depth + 1)


def _add(items: list, item) -> None:
    if item not in items and len(items) < MAX_CANDIDATES:
        items.append(item)


def _author_element(el, signals: Signals) -> None:
    """rel=author, itemprop=author, class/id byline/author, links to author pages."""
    rel = (el.get("rel") or "").lower()
    itemprop = (el.get("itemprop") or "").lower()
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    if "author" in rel.split():
        source = "rel"
    elif itemprop in ("author", "creator"):
        source = "itemprop"
        names = [n for n in el.iter() if (n.get("itemprop") or "").lower() == "name"]
        if names:
            name = names[0].get("content") or _spaced_text(names[0])
            if name:
                _add(signals.author_texts, (source, name))
            return
    elif el.tag == "a" and re.search(r"/(author|authors|writers?|contributors?|people|profile)/[^/?#]+", el.get("href") or ""):
        source = "link"
    elif _AUTHOR_CLASS.search(marks) and not _NOT_AUTHOR_CLASS.search(marks):
        source = "class"
    elif el.tag in _CREDIT_TAGS and _CREDIT_START.match(el.text or ""):
        source = "credit"  # "Written by Jane Roe" in an author box anywhere on the page
    else:
        return
    text = el.get("content") if el.tag == "meta" else _spaced_text(el)
    if text and len(text) <= MAX_LINE_CHARS:
        _add(signals.author_texts, (source, text))


def _breadcrumb(el) -> str | None:
    parts = [_text(li) for li in el.iter("li")] or [_text(a) for a in el.iter("a")]
    parts = [p for p in parts if p and len(p) <= 60]
    return " / ".join(parts) if parts else None


def _after_h1(h1, signals: Signals) -> None:
    """Short visible lines right after the headline that look like bylines or dates."""
    seen: set[str] = set()
    for el in h1.xpath(f"following::*[position() <= {AFTER_H1_ELEMENTS}]"):
        if el.tag not in _BLOCKS or el.tag == "a":
            continue
        text = _spaced_text(el)
        if not text or len(text) > MAX_LINE_CHARS or text in seen:
            continue
        seen.add(text)
        if _BY_START.match(text) or _DATEISH.search(text):
            _add(signals.byline_lines, text)


def _head(tree, signals: Signals) -> None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in signals.meta:
            signals.meta[key] = content
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "")[:_MAX_JSONLD_CHARS]
        try:
            _flatten_jsonld(json.loads(raw), signals.jsonld)
        except ValueError:
            continue
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").strip().lower().split() and link.get("href"):
            signals.canonical_url = link.get("href").strip()
            break


def html_signals(tree) -> Signals:
    signals = Signals()
    title = tree.find(".//title")
    if title is not None:
        signals.title = _text(title) or None
    h1s = list(tree.iter("h1"))
    signals.headings = [t for t in (_text(h) for h in h1s) if t][:5]
    _head(tree, signals)
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("xml:lang")
    signals.declared_language = lang.strip() if lang else None
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        _author_element(el, signals)
        if el.tag == "time" and el.get("datetime"):
            _add(signals.date_texts, ("time", el.get("datetime").strip()))
        marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('aria-label') or ''}"
        if el.tag in _DATE_TAGS and _DATE_CLASS.search(marks):
            text = _spaced_text(el)
            if len(text) <= MAX_DATE_CHARS and _STRICT_DATE.search(text):
                _add(signals.date_texts, ("class", text))
        if _BREADCRUMB.search(marks) and el.tag in ("nav", "ol", "ul", "div", "p"):
            trail = _breadcrumb(el)
            if trail:
                _add(signals.breadcrumbs, trail)
        elif signals.subtitle is None and el.tag in ("p", "div", "h2", "span") and _STANDFIRST.search(marks):
            text = _text(el)
            if 20 <= len(text) <= 400:
                signals.subtitle = text
    if h1s:
        _after_h1(h1s[0], signals)
    return signals
