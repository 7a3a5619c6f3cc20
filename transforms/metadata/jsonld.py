"""Reading schema.org JSON-LD objects: which ones describe the article, and the names they hold.

In: `Signals.jsonld` (objects as parsed, @graph already flattened). Out: the article-like
objects (NewsArticle, BlogPosting, ... or anything with a headline), and plain strings from the
loosely typed values schema.org allows (a string, an object with "name", a list of either). Of
several articles (a related story's block before the page's own), the one that is the page's comes
first: its headline is the page's title, og:title or h1, or its url the page's canonical URL.
"""

import html
import re

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
# A headline shorter than this (letters and digits) may sit inside a title by chance: only an equal
# title names it ("Headline | Site" names a longer one).
MIN_CONTAINED_CHARS = 12


def types(obj: dict) -> list[str]:
    value = obj.get("@type", "")
    values = value if isinstance(value, list) else [value]
    return [str(v).lower().rsplit("/", 1)[-1] for v in values if v]


def article_objects(signals: Signals) -> list[dict]:
    """Article-like objects, most specific first (an Article before a WebPage), and of several
    articles the page's own first (`_is_own`) when only one is."""
    found = []
    for obj in signals.jsonld:
        kinds = types(obj)
        if any(k.endswith(("article", "posting", "report")) for k in kinds) or "headline" in obj:
            found.append((0, obj))
        elif any(k in ARTICLE_TYPES for k in kinds):
            found.append((1, obj))
    ranked = [obj for _, obj in sorted(found, key=lambda pair: pair[0])]
    articles = [obj for rank, obj in found if rank == 0]
    own = [obj for obj in articles if _is_own(signals, obj)] if len(articles) > 1 else []
    if len(own) == 1:  # none or several: no telling which is the page's, and the first comes first
        ranked = own + [obj for obj in ranked if obj is not own[0]]
    return ranked


def key(value: str) -> str:
    """Comparison form of a title or a name: case-folded, letters and digits only."""
    return re.sub(r"[\W_]+", "", value.casefold())


def agrees(short: str, long: str) -> bool:
    """The two name one title: the same letters and digits, or the first (MIN_CONTAINED_CHARS or
    more of them) inside the second ("Headline" in "Headline | Site")."""
    a, b = key(short), key(long)
    return bool(a) and (a == b or (len(a) >= MIN_CONTAINED_CHARS and a in b))


def object_urls(obj: dict) -> list:
    """An article object's own addresses as given: its url and mainEntityOfPage (a URL or {"@id"})."""
    main = obj.get("mainEntityOfPage")
    return [obj.get("url"), main.get("@id") if isinstance(main, dict) else main]


def _address(value) -> str:
    """A URL without its scheme, "www.", fragment and trailing slash, lower-cased; "" for no URL."""
    if not isinstance(value, str):
        return ""
    return re.sub(r"^(?:https?:)?//(?:www\.)?", "", value.strip().lower().split("#")[0]).rstrip("/")


def _is_own(signals: Signals, obj: dict) -> bool:
    """The article object is the page's: its headline is (or is inside) the page's <title>, og:title
    or an h1, or its url or mainEntityOfPage is the page's canonical URL or og:url."""
    headline = text(obj.get("headline"))
    titles = [signals.title, signals.meta.get("og:title"), *signals.headings]
    if headline and any(agrees(headline, t) for t in titles if isinstance(t, str)):
        return True
    addresses = {_address(url) for url in object_urls(obj)} - {""}
    return bool(addresses & {_address(signals.canonical_url), _address(signals.meta.get("og:url"))})


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
