"""What a page declares about itself: <title>, <meta> tags, JSON-LD, the canonical link, <html lang>.

In: a parsed lxml tree and the `Signals` being filled. Out: `Signals.title`, `.meta` (by lower-cased
name, property or itemprop; the first of each wins, repeated citation_author / dc.creator /
article:author tags joined with "; "), `.jsonld` (every object, a @graph flattened, a WebPage's
mainEntity and a Blog's one blogPost too; blocks cut at _MAX_JSONLD_CHARS, broken ones skipped;
a block written as <meta name="script:ld+json"> read after the <script> blocks),
`.canonical_url` and `.declared_language`, as found: `transforms.metadata` decides. Read-only over
the tree; `html_signals` reads the visible page.

  .venv/bin/python -m pytest tests/test_metadata_html.py -q
"""

import json

from schemas import Signals
from transforms.html_elements import joined_text

# JSON-LD blocks larger than this are cut (they are product feeds, not article metadata).
_MAX_JSONLD_CHARS = 200_000
# <meta> names repeated once per co-author (scholarly pages); their values are joined with "; ".
_REPEATED_META = {"citation_author", "citation_authors", "dc.creator", "article:author"}
# A JSON-LD block a framework wrote as a <meta> tag: Next.js renders its metadata API's `other`
# entries as <meta name=... content=...>, so `other: {"script:ld+json": JSON.stringify(article)}`
# (meant as Remix's meta descriptor for a <script type="application/ld+json">) comes out as
# <meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;, ...}">.
_JSONLD_META = "script:ld+json"


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
        for key in ("mainEntity", "blogPost"):  # a WebPage's or Blog's one article
            value = obj.get(key)
            if isinstance(value, dict) or (isinstance(value, list) and len(value) == 1):
                _flatten_jsonld(value, out, depth + 1)


def head_signals(tree, signals: Signals) -> None:
    """Fills `signals` with what the page declares (see the module's doc)."""
    title = tree.find(".//title")
    if title is not None:
        signals.title = joined_text(title) or None
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("xml:lang")
    signals.declared_language = lang.strip() if lang else None
    jsonld_metas = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if not key and (meta.get("http-equiv") or "").strip().lower() == "content-language":
            key = "content-language"
        content = (meta.get("content") or "").strip()
        if key == _JSONLD_META:
            jsonld_metas.append(content)
        elif key and content and key not in signals.meta:
            signals.meta[key] = content
        elif key in _REPEATED_META and content:  # one <meta> per co-author
            signals.meta[key] += "; " + content
    blocks = [
        script.text or ""
        for script in tree.iter("script")
        if (script.get("type") or "").strip().lower() == "application/ld+json"
    ]
    for raw in blocks + jsonld_metas:
        raw = raw[:_MAX_JSONLD_CHARS]
        try:
            _flatten_jsonld(json.loads(raw), signals.jsonld)
        except ValueError:
            continue
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").strip().lower().split() and link.get("href"):
            signals.canonical_url = link.get("href").strip()
            break
