"""The headline as a reader sees it, chosen among the page's title candidates.

In: `Signals` (h1 texts, og:title/twitter:title, JSON-LD headline, <title>, the extractor's title,
or a text dump's headline line) and the site's names. Out: one cleaned headline or None.

Cleaning: whitespace collapsed, curly quotes made straight, wire slugs cut ("2nd LD Writethru:",
"UPDATE 2-", "RPT-", "EXCLUSIVE-"), a site name prefix/suffix cut ("... | Site", "Site - ...").
Choice: the first h1 when another source agrees with it (equal, or contained in a longer title);
else the most agreed-upon candidate, trusting JSON-LD headline and og:title over <title>.
"""

import re

from schemas import Signals
from transforms.metadata.jsonld import article_objects, text

# Headlines longer than this (chars) are paragraphs that landed in a title slot.
MAX_TITLE_CHARS = 300
# Fewer words than this in an h1 that nobody agrees with: a logo or a section label.
MIN_LONE_H1_WORDS = 3

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                         "\u00a0": " "})
_WIRE_SLUG = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)\s+LD[- ]Writethru|LD[- ]Writethru|Writethru|(?:UPDATE|WRAPUP|REFILE|RPT|"
    r"CORRECTED|EXCLUSIVE|BREAKING|URGENT|FLASH|ADVISORY|CORRECTION|INSIGHT|ANALYSIS|FOCUS|"
    r"REFILE-UPDATE|RPT-UPDATE)(?:\s*\d+)?)\s*(?::|-{1,2}|—|–)\s*")
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•|/|:)\s+")


def clean(raw: str | None) -> str | None:
    if not raw:
        return None
    value = " ".join(str(raw).translate(_QUOTES).split())
    while True:
        cut = _WIRE_SLUG.sub("", value, count=1)
        if cut == value:
            break
        value = cut
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" and value.count(value[0]) == 2:
        value = value[1:-1].strip()
    return value if 0 < len(value) <= MAX_TITLE_CHARS else None


def key(value: str) -> str:
    """Comparison form: case-folded, letters and digits only."""
    return re.sub(r"[\W_]+", "", value.casefold())


def _is_site(part: str, site_keys: set[str]) -> bool:
    k = key(part)
    return bool(k) and any(k == s or (len(s) >= 4 and (k.startswith(s) or s.startswith(k))) for s in site_keys)


def strip_site(value: str, site_names: list[str]) -> str:
    """Cut "... | Site" / "Site - ..." when the cut part is a name of the site."""
    site_keys = {key(n) for n in site_names if n and key(n)}
    parts = _SEPARATORS.split(value)
    if len(parts) < 2:
        return value
    if _is_site(parts[-1], site_keys):
        return _SEPARATORS.split(value)[0] if len(parts) == 2 else value[: value.rfind(parts[-1])].rstrip(" |-–—:»·•/")
    if _is_site(parts[0], site_keys):
        return value[len(parts[0]):].lstrip(" |-–—:»·•/")
    return value


def _agrees(short: str, long: str) -> bool:
    a, b = key(short), key(long)
    return bool(a) and (a == b or (len(a) >= 12 and a in b))


def choose_title(signals: Signals, site_names: list[str]) -> str | None:
    h1s = [clean(h) for h in signals.headings]
    h1s = [h for h in h1s if h]
    others = [text(o.get("headline")) for o in article_objects(signals)[:2]]
    others += [signals.meta.get("og:title"), signals.meta.get("twitter:title"), signals.title,
               signals.extractor.get("title")]
    others = [strip_site(c, site_names) for c in (clean(o) for o in others) if c]
    for h1 in h1s[:2]:
        if any(_agrees(h1, o) for o in others):
            return h1
    if h1s and not others and len(h1s[0].split()) >= MIN_LONE_H1_WORDS:
        return h1s[0]
    if not others:
        return h1s[0] if h1s else None
    votes = [(sum(_agrees(c, o) or _agrees(o, c) for o in others), -i, c) for i, c in enumerate(others)]
    best = max(votes)[2]
    # A lone long-enough h1 beats a <title> nobody else confirms (it is often the site's slogan).
    if h1s and max(votes)[0] <= 1 and len(h1s[0].split()) >= MIN_LONE_H1_WORDS and len(others) > 1:
        return h1s[0]
    return best
