"""The article's canonical URL: rel=canonical, og:url, JSON-LD url, else the crawl URL.

In: the page's URL (or None) and its `Signals`. Out: one absolute http(s) URL without tracking
parameters (utm_*, fbclid, gclid, ... as courlan knows them) and without a fragment, or None.
Relative canonicals are resolved against the page URL; a canonical that points at a site's home
page while the page itself is deeper is a template bug, and the page URL wins.
"""

from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from courlan import normalize_url

from schemas import Signals
from transforms.metadata.jsonld import article_objects

_MAX_URL_CHARS = 2048  # longer "URLs" are data: blobs or garbage


def clean_url(raw: str | None, base: str | None = None) -> str | None:
    """Absolute, tracker-free, fragment-free http(s) URL, or None."""
    if not raw or not isinstance(raw, str):
        return None
    raw = raw.strip()
    if not raw or len(raw) > _MAX_URL_CHARS or raw.startswith(("data:", "javascript:", "mailto:")):
        return None
    try:  # urlsplit raises on a bracket in the host ("https://harb]r.example/x": "Invalid IPv6 URL")
        if base and not urlsplit(raw).netloc:
            raw = urljoin(base, raw)
        elif raw.startswith("//"):
            raw = "https:" + raw
        parts = urlsplit(raw)
        if "%" in parts.netloc:  # "https://example.org%2Fnews%2Fstory": the site escaped its path whole
            raw = unquote(raw)
            parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in parts.netloc:
            return None
        url = normalize_url(raw)
        return urlunsplit(urlsplit(url)._replace(fragment=""))
    except (ValueError, AttributeError):
        return None


def _is_home(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def canonical_url(page_url: str | None, signals: Signals) -> str | None:
    candidates = [signals.canonical_url, signals.meta.get("og:url")]
    for obj in article_objects(signals):
        main = obj.get("mainEntityOfPage")
        candidates += [obj.get("url"), main.get("@id") if isinstance(main, dict) else main]
    own = clean_url(page_url)
    for raw in candidates:
        url = clean_url(raw if isinstance(raw, str) else None, page_url)
        if url and not (own and _is_home(url) and not _is_home(own)):
            return url
    return own


def url_host(url: str | None) -> str | None:
    """'https://www.news.example.org/x' -> 'news.example.org'."""
    if not url:
        return None
    try:
        host = urlsplit(url).netloc.lower().split(":")[0]
    except ValueError:  # a crawl URL with a bracket in its host
        return None
    return host[4:] if host.startswith("www.") else host or None
