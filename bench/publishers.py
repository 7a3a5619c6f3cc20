"""Publishers for the benchmark corpus (`bench.corpus`): who they are and what their site ships.

In: a publisher's slug and the corpus seed (`build_site`), or a page's seeded `random.Random`. Out:
a frozen `Site` (name, layout, class naming, menu and footer links, svg icons and logo, inline script
snippets, stylesheet, JSON component configs) and the per-layout weight profiles and their draws.
The words of its menus, footer, icons and classes are in `bench.site_words`; the code it ships (its
script snippets and stylesheet, a page's script bundle and JSON state blob) is made in
`bench.site_code`; the visible parts around the story are in `bench.page_chrome`.
"""

import json
import math
import random
import zlib
from dataclasses import dataclass

from bench.prose import word
from bench.site_code import base36, js_snippet, stylesheet
from bench.site_words import FOOTER_HEADINGS, FOOTER_LINKS, ICONS, NAV_LINKS, NAV_SECTIONS, UTILITIES

# Each publisher ships this many inline script snippets and reuses them across its pages (as sites do).
SNIPPETS, SNIPPET_CHARS = 40, (300, 30_000)
# Per-publisher page weight, each range drawn per page (the kb ones log-uniformly, for a long tail):
# wrappers = divs around the story, menu/sub = mega-menu sections and links per panel, footer = link
# columns x links, cards = teaser cards, rail = most-read items, icons = share/social svgs, js/css/state
# = inline script, style and JSON state in thousands of chars, drawer/consent = share of pages with a
# mobile menu copy / a consent dialog / a video player, feed = (share of pages, items) of a sponsored
# widget, more = (share of pages, how many) of extra teaser sections (section fronts' picks, opinion).
# A wire site is light; an app-rendered live blog ships its state as JSON; a div-soup site nests
# deepest and has the longest menus.
PROFILES = {
    "classic": {
        "wrappers": (4, 7),
        "menu": (7, 10),
        "sub": (3, 7),
        "footer": ((4, 6), (5, 8)),
        "cards": (8, 18),
        "rail": (5, 10),
        "icons": (5, 8),
        "js": (20, 260),
        "css": (8, 30),
        "state": (0, 0),
        "drawer": 0.6,
        "consent": 0.8,
        "video": 0.4,
        "feed": (0.5, (6, 12)),
        "more": (0.35, (1, 3)),
    },
    "divsoup": {
        "wrappers": (6, 10),
        "menu": (9, 13),
        "sub": (4, 8),
        "footer": ((5, 7), (6, 10)),
        "cards": (10, 22),
        "rail": (8, 12),
        "icons": (6, 10),
        "js": (40, 320),
        "css": (15, 50),
        "state": (0, 6),
        "drawer": 1.0,
        "consent": 1.0,
        "video": 0.7,
        "feed": (0.8, (8, 18)),
        "more": (0.2, (1, 2)),
    },
    "wire": {
        "wrappers": (3, 5),
        "menu": (5, 8),
        "sub": (0, 4),
        "footer": ((2, 4), (4, 7)),
        "cards": (2, 10),
        "rail": (0, 8),
        "icons": (3, 6),
        "js": (8, 80),
        "css": (3, 14),
        "state": (0, 0),
        "drawer": 0.3,
        "consent": 0.5,
        "video": 0.2,
        "feed": (0.3, (4, 8)),
        "more": (0.2, (1, 2)),
    },
    "liveblog": {
        "wrappers": (5, 8),
        "menu": (7, 10),
        "sub": (3, 7),
        "footer": ((3, 5), (4, 7)),
        "cards": (6, 12),
        "rail": (5, 8),
        "icons": (5, 9),
        "js": (15, 90),
        "css": (3, 12),
        "state": (10, 300),
        "drawer": 1.0,
        "consent": 0.7,
        "video": 0.8,
        "feed": (0.5, (6, 12)),
        "more": (0.3, (1, 3)),
    },
    "longform": {
        "wrappers": (4, 7),
        "menu": (6, 9),
        "sub": (3, 6),
        "footer": ((3, 5), (3, 6)),
        "cards": (6, 14),
        "rail": (3, 8),
        "icons": (4, 7),
        "js": (12, 120),
        "css": (10, 80),
        "state": (0, 20),
        "drawer": 0.5,
        "consent": 0.6,
        "video": 0.5,
        "feed": (0.4, (6, 12)),
        "more": (0.3, (1, 3)),
    },
}
# How each publisher names its classes: BEM-ish, CSS modules with hashes, or utility classes.
PUBLISHERS = {
    "harbor-ledger": ("classic", "bem"),
    "valley-courier": ("divsoup", "modules"),
    "northern-dispatch": ("wire", "bem"),
    "metro-brief": ("liveblog", "utility"),
    "quarterly-review": ("longform", "modules"),
}


def pick(rng: random.Random, bounds: tuple[int, int]) -> int:
    return rng.randint(*bounds)


def pick_log(rng: random.Random, bounds: tuple[int, int]) -> int:
    """Log-uniform in [lo, hi] (0 when hi is 0): page weights have a long right tail."""
    lo, hi = bounds
    return 0 if hi <= 0 else int(math.exp(rng.uniform(math.log(max(lo, 1)), math.log(hi))))


# --- A publisher: its names, menus, icons and the script and style it ships on every page. ---


@dataclass(frozen=True)
class Site:
    slug: str
    name: str
    layout: str
    naming: str
    nav: tuple  # ((section, (link, ...)), ...)
    footer: tuple  # ((heading, (link, ...)), ...)
    icons: dict  # icon name -> svg path data
    logo: str  # the logo's svg paths
    snippets: tuple  # inline script bodies
    css: str  # the site's stylesheet, inlined as critical CSS up to a per-page length
    states: tuple  # JSON component configs that pad a page's state blob

    @property
    def host(self) -> str:
        return f"{self.slug}.example"

    def c(self, *names: str) -> str:
        """The class attribute for component `names`, in the publisher's naming scheme."""
        out = []
        for n in names:
            h = zlib.crc32(f"{self.slug}/{n}".encode())
            if self.naming == "modules":
                camel = "".join(p.capitalize() for p in n.split("-"))
                out.append(f"{camel}_{n.split('-')[-1]}__{base36(h)[:5]}")
            elif self.naming == "utility":
                out.append(f"{n} {UTILITIES[h % len(UTILITIES)]}")
            else:
                out.append(f"{self.slug.split('-')[0][:2]}-{n}")
        return " ".join(out)


def svg_path(rng: random.Random, segments: int) -> str:
    parts = [f"M{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}"]
    for _ in range(segments):
        cmd = rng.choice("cslLhvaq")
        parts.append(cmd + ",".join(f"{rng.uniform(-12, 12):.3f}" for _ in range(rng.choice((2, 4, 6)))))
    return "".join(parts) + "z"


def build_site(publisher: str, seed: int) -> Site:
    """A publisher's fixed parts, the same on all its pages: menus, icons, script snippets, stylesheet."""
    rng = random.Random(f"{seed}:site:{publisher}")
    layout, naming = PUBLISHERS[publisher]
    prof = PROFILES[layout]
    nav = tuple(
        (s, tuple(rng.sample(NAV_LINKS, prof["sub"][1] + 2))) for s in rng.sample(NAV_SECTIONS, prof["menu"][1])
    )
    footer = tuple(
        (h, tuple(rng.sample(FOOTER_LINKS, prof["footer"][1][1])))
        for h in rng.sample(FOOTER_HEADINGS, prof["footer"][0][1])
    )
    icons = {name: svg_path(rng, rng.randint(6, 30)) for name in ICONS}
    logo = "".join(f"<path d='{svg_path(rng, rng.randint(40, 140))}'></path>" for _ in range(rng.randint(2, 6)))
    snippets = tuple(js_snippet(rng, pick_log(rng, SNIPPET_CHARS)) for _ in range(SNIPPETS))
    site = Site(
        publisher, publisher.replace("-", " ").title(), layout, naming, nav, footer, icons, logo, snippets, "", ()
    )
    classes = [
        site.c(n)
        for n in (
            "header",
            "nav",
            "nav-item",
            "panel",
            "card",
            "card-title",
            "footer",
            "rail",
            "ad-slot",
            "byline",
            "share",
            "figure",
            "caption",
            "button",
            "modal",
            "grid",
        )
    ]
    states = tuple(
        json.dumps(
            {
                "component": f"{word(rng)}-{word(rng)}",
                "id": base36(rng.randrange(10**12)),
                "props": {word(rng): [word(rng) for _ in range(rng.randint(5, 60))] for _ in range(rng.randint(2, 8))},
                "flags": {f"{word(rng)}_{word(rng)}": rng.random() < 0.5 for _ in range(10)},
            }
        )
        for _ in range(60)
    )
    css = stylesheet(rng, classes, prof["css"][1] * 1000)
    return Site(publisher, site.name, layout, naming, nav, footer, icons, logo, snippets, css, states)
