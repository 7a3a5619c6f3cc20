"""Reading schema.org JSON-LD objects: which ones describe the article, and the names they hold.

In: `Signals.jsonld` (objects as parsed, @graph already flattened). Out: the article-like
objects (NewsArticle, BlogPosting, ... or anything with a headline), and plain strings from the
loosely typed values schema.org allows (a string, an object with "name", a list of either).
"""

import html

from schemas import Signals

# schema.org types whose object is the page's article (subtypes of CreativeWork used for posts).
ARTICLE_TYPES = (
    "article",
    "posting",
    "report",
    "newsarticle",
    "blogposting",
    "review",
    "recipe",
    "howto",
    "creativework",
    "liveblogposting",
    "webpage",
    "itempage",
    "medicalwebpage",
)


def types(obj: dict) -> list[str]:
    value = obj.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return [str(v).lower().rsplit("/", 1)[-1] for v in values if v]


def article_objects(signals: Signals) -> list[dict]:
    """Article-like objects, most specific first (an Article before a WebPage)."""
    found = []
    for obj in signals.jsonld:
        kinds = types(obj)
        if any(k.endswith(("article", "posting", "report")) for k in kinds) or "headline" in obj:
            found.append((0, obj))
        elif any(k in ARTICLE_TYPES for k in kinds):
            found.append((1, obj))
    return [obj for _, obj in sorted(found, key=lambda pair: pair[0])]


def text(value) -> str | None:
    """A plain string from a string/number, or None."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = " ".join(html.unescape(str(value)).split())
        return value or None
    return None


def names(value, want_types: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(name, lower-cased @type or "") pairs from a string, an object or a list of them."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items[:20]:
        if isinstance(item, dict):
            kind = (types(item) or [""])[0]
            if want_types and kind and kind not in want_types:
                continue
            name = text(item.get("name"))
            if name is None and (item.get("givenName") or item.get("familyName")):
                name = text(f"{item.get('givenName') or ''} {item.get('familyName') or ''}")
            if name:
                out.append((name, kind))
        else:
            name = text(item)
            if name:
                out.append((name, ""))
    return out


def by_id(signals: Signals, ref):
    """The object a {"@id": ...} reference points to, when the page defines it."""
    if not isinstance(ref, dict) or "@id" not in ref or len(ref) > 2:
        return ref
    for obj in signals.jsonld:
        if obj.get("@id") == ref["@id"] and obj is not ref and len(obj) > 1:
            return obj
    return ref


def credited(signals: Signals, obj: dict) -> list[tuple[str, str]]:
    """(name, lower-cased @type or "") of the persons or organisations an article object names as its
    author (else its creator), references to objects elsewhere on the page resolved."""
    value = obj.get("author") or obj.get("creator")
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    return names([by_id(signals, item) for item in items])
