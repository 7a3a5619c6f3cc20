"""Metadata candidates from an HTML tree: <title>, h1, <meta>, JSON-LD, canonical link, lang.

In: a parsed lxml tree. Out: `Signals`, raw and unnormalized (`transforms.metadata` decides).
Read-only over the tree, so the body extractor can run on the same tree afterwards.
"""

import json

from schemas import Signals

_MAX_JSONLD_CHARS = 200_000


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


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


def html_signals(tree) -> Signals:
    signals = Signals()
    title = tree.find(".//title")
    if title is not None:
        signals.title = _text(title) or None
    signals.headings = [t for t in (_text(h) for h in tree.iter("h1")) if t][:5]
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
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            signals.canonical_url = link.get("href").strip()
            break
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("xml:lang")
    signals.declared_language = lang.strip() if lang else None
    for time_el in tree.iter("time"):
        if time_el.get("datetime"):
            signals.date_texts.append(("time", time_el.get("datetime").strip()))
    return signals
