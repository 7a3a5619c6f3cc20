"""The article's canonical URL: rel=canonical, og:url, JSON-LD url, else the crawl URL.

In: the page's URL (or None) and its `Signals`. Out: one absolute http(s) URL without tracking
parameters (utm_*, fbclid, gclid, ... as courlan knows them, and the visit ids of `_TRACKERS`) and
without a fragment, or None.
Relative canonicals are resolved against the page URL; a canonical that points at a site's home
page while the page itself is deeper is a template bug, and the page URL wins. A web archive's
replay URL (the Wayback Machine's, whose rewriting makes it the archived page's canonical) stands
for the page it archived: `archived_url`.
"""

import re
from datetime import UTC, datetime
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from courlan import normalize_url

from schemas import Signals
from transforms.metadata.jsonld import article_objects, object_urls

_MAX_URL_CHARS = 2048  # longer "URLs" are data: blobs or garbage
# Click and visit ids that courlan's tracker list (1.4) lets through, as ClearURLs' and AdGuard's
# general rules name them: Google's search-result id on Merchant Center sites ("?srsltid=AfmBO..."),
# TikTok's and LinkedIn's click ids, Facebook's in-app one, HubSpot's e-mail and visit stamps. Each
# names a visit, never the page: the same article read twice would be two URLs.
_TRACKERS = frozenset(
    {"srsltid", "ttclid", "li_fat_id", "mibextid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking"}
)
# A web archive's replay URL: the capture's timestamp, then the archived page's URL, scheme and all.
# The Wayback Machine's "https://web.archive.org/web/20240315083012/https://news.example/story" (with
# a replay modifier: ".../20240315083012id_/..."), the archives on its software (pywb, OpenWayback:
# arquivo.pt, the UK Government Web Archive, the Library of Congress: "/<collection>/<timestamp>/
# <url>") and archive.today's "https://archive.ph/2024.03.15-083012/https://news.example/story". The
# scheme's "//" may come collapsed to "/" (a path normalizer's work). A URL with no scheme after the
# timestamp is not taken for one: a site's own path may hold a 14-digit id.
_REPLAY = re.compile(
    r"^https?://[^/?#]+/(?:[^?#]*?/)?(?P<stamp>\d{14}|\d{4}\.\d{2}\.\d{2}-\d{6})(?:[a-z]{2}_)?/+"
    r"(?P<scheme>https?):/+(?P<rest>[^/?#\s]+.*)$",
    re.I,
)


def archived_url(url: str) -> str | None:
    """The archived page's URL when `url` is a web archive's replay URL (`_REPLAY`), else None:
    "https://web.archive.org/web/20240315083012/https:/news.example/a" -> "https://news.example/a"."""
    match = _REPLAY.match(url)
    return f"{match['scheme'].lower()}://{match['rest']}" if match else None


# A page dump of a web archive's copy prints the replay URL over the page, alone on its line or
# after the archive's name ("The Wayback Machine - https://web.archive.org/web/2024.../https://...").
_PRINTED_URL = re.compile(r"(?:The Wayback Machine - )?(https?://\S+)")
# Lines at the top of a dump looked at for it (the Wayback Machine's toolbar prints ~15 over it).
PRINTED_REPLAY_LINES = 40


def printed_replay_url(lines: list[str]) -> str | None:
    """The replay URL a dump of a web archive's copy prints near its top, or None."""
    for line in lines[:PRINTED_REPLAY_LINES]:
        match = _PRINTED_URL.fullmatch(line.strip())
        if match and archived_url(match[1]):
            return match[1]
    return None


def capture_time(page_url: str | None, signals: Signals) -> datetime | None:
    """When a web archive captured the page (UTC), from its replay URL (the page's own, or the
    canonical link the archive rewrote to one), or None: the archive's crawler fetched the page then,
    so no publication date can be later."""
    for raw in (page_url, signals.canonical_url, signals.meta.get("og:url")):
        match = _REPLAY.match(raw.strip()) if isinstance(raw, str) else None
        if match:
            try:
                return datetime.strptime(re.sub(r"\D", "", match["stamp"]), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
            except ValueError:  # "20241399..." is no time
                return None
    return None


def clean_url(raw: str | None, base: str | None = None) -> str | None:
    """Absolute, tracker-free, fragment-free http(s) URL (an archived page's own, for a web archive's
    replay URL), or None."""
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
        raw = archived_url(raw) or raw
        parts = urlsplit(raw)
        if "%" in parts.netloc:  # "https://example.org%2Fnews%2Fstory": the site escaped its path whole
            raw = unquote(raw)
            parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in parts.netloc:
            return None
        parts = urlsplit(normalize_url(raw))._replace(fragment="")
        # the other parameters stay as courlan wrote them (order, escapes): only whole pairs go
        kept = [p for p in parts.query.split("&") if unquote(p.split("=", 1)[0]).lower() not in _TRACKERS]
        return urlunsplit(parts._replace(query="&".join(kept)))
    except (ValueError, AttributeError):
        return None


def _is_home(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def canonical_url(page_url: str | None, signals: Signals) -> str | None:
    candidates = [signals.canonical_url, signals.meta.get("og:url")]
    for obj in article_objects(signals):
        candidates += object_urls(obj)
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
