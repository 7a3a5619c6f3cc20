"""A realistic, invented page corpus for speed and memory benchmarks, deterministic from a seed.

Out: FOLDER/ with N pages: HTML pages of several invented publishers, a share of them gzipped, and
plain-text page dumps. Each publisher has its own layout, class naming and page weight, and its
pages carry what real news pages carry around the story: wrapper-div nesting, a mega-menu of nested
lists (and its hidden mobile copy), svg icons and logo, <picture> srcsets and captions, ad slots and
their empty containers, consent dialogs and hidden modals, teaser grids, comments, footer link grids,
tracking pixels, data-* attributes, inline CSS, script bundles and a JSON state blob. Weights are
drawn per page so the HTML pages spread like real article pages (q1/median/q3, `--stats`; 2,000
pages, seed 7: bytes 158k/218k/287k, elements 759/995/1234, script+style 56k/95k/155k chars, links
120/172/228; fundus-news-80: 181k/291k/424k, 785/989/1142, 87k/129k/224k, 121/178/243). A text dump
is the visible text of the page's HTML (`bench.text_dump`), one block a line, boilerplate lines
included (200-300 lines, like the dev sets' dumps). Nothing is copied from any real page: the
prose (`bench.prose`) is common English words around invented names, the sites
(`bench.publishers`) and the chrome (`bench.page_chrome`) invented labels, and hosts end in
.example. This module puts a page together and writes the corpus.

  python -m bench.corpus /tmp/corpus --pages 2000 --seed 7 --stats
  python -m bench.corpus SOME_HTML_FOLDER --pages 0 --stats     # measure any folder of pages
"""

import argparse
import gzip
import json
import pathlib
import random

import lxml.html

from bench.page_chrome import ad_slot, card, comments, newsletter, partner_feed, picture, player, rail, share_bar, wrap
from bench.page_frame import consent, footer, header, modals, pixels
from bench.prose import QUOTES, detail, story, story_title, word
from bench.publishers import (
    PROFILES,
    PUBLISHERS,
    Site,
    build_site,
    pick,
    pick_log,
)
from bench.site_code import base36, scripts, state_blob
from bench.site_words import NAV_LINKS, NAV_SECTIONS
from bench.text_dump import visible_text

# Page mix: the share of text dumps and of gzipped HTML, roughly what a scraper's output holds.
TEXT_SHARE = 0.2
GZIP_SHARE = 0.15
# Share of pages per publisher. A live blog (one page, a dozen or more timed updates, each its own
# article) is a few percent of a news crawl, not a fifth: at an even mix this corpus gave 4 articles
# a page (1,331 from 300 pages) where the wcxb dev set gives 1.2, and per-article work outweighed
# extraction in every speed figure.
PUBLISHER_SHARES = {
    "harbor-ledger": 0.27,
    "valley-courier": 0.24,
    "northern-dispatch": 0.24,
    "metro-brief": 0.05,
    "quarterly-review": 0.20,
}


def jsonld(s: dict, publisher: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s["title"],
        "datePublished": f"{s['date']}T{s['time']}:00Z",
        "author": {"@type": "Person", "name": s["author"]},
        "publisher": {"@type": "Organization", "name": publisher.replace("-", " ").title()},
        "articleSection": s["section"],
    }
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def body_html(rng: random.Random, s: dict, layout: str, ad: str = "") -> str:
    """The story itself in the layout's markup; `ad` (an empty slot) goes between paragraphs now and then."""
    paras = s["paragraphs"]
    every = rng.randint(3, 6)

    def slot(i: int) -> str:
        return ad if ad and i % every == every - 1 else ""

    if layout == "divsoup":
        inner = "".join(
            f"<div class='paragraph'><span>{p}</span></div>"
            + ("<div class='ad-slot'>Advertisement</div>" if i % 4 == 3 else "")
            for i, p in enumerate(paras)
        )
        return f"<div class='story-body'>{inner}</div>"
    if layout == "wire":
        first = f"<p>{s['place'].upper()} (Northern Wire) \u2014 {paras[0]}</p>"
        return "<article>" + first + "".join(f"<p>{p}</p>{slot(i + 1)}" for i, p in enumerate(paras[1:])) + "</article>"
    if layout == "liveblog":
        parts = [
            f"<div class='update'><time>{rng.randrange(7, 20):02d}:{rng.randrange(60):02d}</time>"
            f"<h2>{story_title(rng)}</h2><p>{p}</p></div>{slot(i)}"
            for i, p in enumerate(paras)
        ]
        return "<div class='live-updates'>" + "".join(parts) + "</div>"
    if layout == "longform":
        quote = f"<blockquote class='pull'>{rng.choice(QUOTES)}</blockquote>"
        half = len(paras) // 2
        return (
            "<article class='essay'>"
            + "".join(f"<p>{p}</p>{slot(i)}" for i, p in enumerate(paras[:half]))
            + quote
            + "".join(f"<p>{p}</p>" for p in paras[half:])
            + "<ol class='notes'><li>Figures as published.</li></ol></article>"
        )
    return "<article>" + "".join(f"<p>{p}</p>{slot(i)}" for i, p in enumerate(paras)) + "</article>"


def head(rng: random.Random, site: Site, s: dict, prof: dict) -> str:
    url = f"https://{site.host}/{s['section'].lower()}/{s['id']}"
    image = f"https://img.{site.host}/{base36(rng.randrange(36**10))}/1200x630.jpg"
    tags = "".join(f"<meta property='article:tag' content='{word(rng)}'>" for _ in range(rng.randint(2, 8)))
    links = "".join(
        f"<link rel='preconnect' href='https://cdn{i}.example' crossorigin>" for i in range(rng.randint(2, 6))
    )
    links += "".join(
        f"<link rel='preload' as='font' type='font/woff2' href='https://{site.host}/fonts/{w}.woff2' crossorigin>"
        for w in ("regular", "bold", "serif")[: rng.randint(1, 3)]
    )
    links += "".join(
        f"<link rel='icon' sizes='{n}x{n}' href='https://{site.host}/icons/{n}.png'>" for n in (16, 32, 192)
    )
    links += "".join(
        f"<link rel='stylesheet' href='https://{site.host}/assets/{base36(rng.randrange(10**9))}.css'>"
        for _ in range(rng.randint(1, 4))
    )
    css = site.css[: site.css.find("}", pick_log(rng, prof["css"]) * 1000 - 1) + 1 or None]
    return (
        f"<head><meta charset='utf-8'><meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{s['title']} | {site.name}</title><meta name='description' content='{s['title']}.'>"
        f"<meta name='robots' content='max-image-preview:large'><meta property='og:type' content='article'>"
        f"<meta property='og:title' content='{s['title']}'><meta property='og:url' content='{url}'>"
        f"<meta property='og:image' content='{image}'><meta property='og:site_name' content='{site.name}'>"
        f"<meta name='twitter:card' content='summary_large_image'><meta name='twitter:image' content='{image}'>"
        f"<meta name='author' content='{s['author']}'><meta property='article:section' content='{s['section']}'>{tags}"
        f"<meta name='theme-color' content='#{rng.randrange(4096):03x}'>"
        f"<link rel='canonical' href='{url}'>{links}{jsonld(s, site.slug)}<style>{css}</style>"
        f"<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'section':'{s['section']}','id':{s['id']}}});</script>"
        f"</head>"
    )


def html_page(rng: random.Random, s: dict, site: Site) -> str:
    prof = PROFILES[site.layout]
    url = f"https://{site.host}/{s['section'].lower()}/{s['id']}"
    caption = f"<figcaption class='{site.c('caption')}'>{detail(rng).capitalize()}.</figcaption>"
    figure = (
        f"<figure class='{site.c('figure')}'>{picture(rng, site, s['place'], site.c('lead-image'))}{caption}</figure>"
    )
    byline = (
        f"<div class='{site.c('article-header')}'><ol class='breadcrumbs'><li><a href='/'>Home</a></li><li>"
        f"<a href='/{s['section'].lower()}'>{s['section']}</a></li></ol><h1>{s['title']}</h1>"
        f"<div class='byline'>By <a rel='author' href='/staff'>{s['author']}</a> "
        f"<time datetime='{s['date']}T{s['time']}'>{s['date']}</time></div>"
        f"{share_bar(rng, site, pick(rng, prof['icons']), url)}</div>"
    )
    inline_ad = ad_slot(rng, site, "inline", rng.random() < 0.5) if site.layout != "divsoup" else ""
    story_html = byline + (figure if site.layout != "liveblog" else "") + body_html(rng, s, site.layout, inline_ad)
    tags = "".join(f"<li><a href='/topic/{t.lower()}'>{t}</a></li>" for t in rng.sample(NAV_LINKS, rng.randint(2, 6)))
    story_html += f"<div class='tags {site.c('topics')}'><ul>{tags}</ul></div>"
    marks = f" data-article-id='{s['id']}' data-words='{sum(len(p.split()) for p in s['paragraphs'])}'"
    main = (
        f"<main id='main-content'>{wrap(site, story_html, pick(rng, prof['wrappers']), marks)}"
        f"{rail(rng, site, pick(rng, prof['rail']), player(rng, site) if rng.random() < prof['video'] else '')}</main>"
    )
    grid = "".join(card(rng, site, i, rng.random() < 0.7) for i in range(pick(rng, prof["cards"])))
    related = (
        f"<section class='related {site.c('related')}'><h2>More stories</h2>"
        f"<div class='{site.c('grid')}'>{grid}</div></section>"
    )
    share, count = prof["more"]
    for k in range(pick(rng, count) if rng.random() < share else 0):
        grid = "".join(card(rng, site, i, rng.random() < 0.5) for i in range(rng.randint(4, 8)))
        related += (
            f"<section class='{site.c('module', 'module-' + str(k))}'><h2>{rng.choice(NAV_SECTIONS)}</h2>"
            f"<div class='{site.c('grid')}'>{grid}</div></section>"
        )
    share, items = prof["feed"]
    related += partner_feed(rng, site, pick(rng, items)) if rng.random() < share else ""
    budget = pick_log(rng, prof["js"]) * 1000
    state = state_blob(rng, site, s, pick_log(rng, prof["state"]) * 1000) if prof["state"][1] else ""
    body = (
        f"<body class='{site.c('body', 'template-article')}'><noscript><iframe src='https://tags.example/ns?id={site.slug}' "
        f"height='0' width='0' style='display:none;visibility:hidden'></iframe></noscript>"
        f"<a class='skip-link' href='#main-content'>Skip to content</a>"
        + (consent(rng, site) if rng.random() < prof["consent"] else "")
        + f"<div id='app' class='{site.c('app')}'>{ad_slot(rng, site, 'top')}{header(rng, site, prof)}{main}{related}"
        f"{newsletter(site)}{comments(rng)}{footer(rng, site, prof)}</div>{modals(rng, site)}{pixels(rng, site)}"
        f"{state}{scripts(rng, site, budget)}</body>"
    )
    return f"<!DOCTYPE html><html lang='en' class='{site.c('root')}'>{head(rng, site, s, prof)}{body}</html>"


# --- The corpus. ---


def write_corpus(folder: pathlib.Path, pages: int, seed: int) -> list[pathlib.Path]:
    """Write `pages` files into `folder` (same seed, same bytes; page n depends on the seed and n
    only, so the first N pages of a larger corpus are the corpus of N); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    sites = {slug: build_site(slug, seed) for slug in sorted(PUBLISHERS)}
    written = []
    for n in range(pages):
        rng = random.Random(f"{seed}:page:{n}")
        site = sites[rng.choices(sorted(sites), weights=[PUBLISHER_SHARES[slug] for slug in sorted(sites)])[0]]
        s = story(rng, n)
        kind = rng.random()
        page = html_page(rng, s, site)
        if kind < TEXT_SHARE:
            path, data = folder / f"{n:06d}-{site.slug}.txt", visible_text(page).encode("utf-8")
        else:
            data, path = page.encode("utf-8"), folder / f"{n:06d}-{site.slug}.html"
            if kind > 1 - GZIP_SHARE:
                path, data = path.with_suffix(".html.gz"), gzip.compress(data, compresslevel=6, mtime=0)
        path.write_bytes(data)
        written.append(path)
    return written


def quartiles(values: list[int]) -> tuple[int, int, int]:
    ordered = sorted(values)
    n = len(ordered)
    return (ordered[n // 4], ordered[n // 2], ordered[3 * n // 4]) if n else (0, 0, 0)


def page_stats(paths: list[pathlib.Path]) -> dict[str, tuple[int, int, int]]:
    """Quartiles (q1, median, q3) over HTML pages (.html, .html.gz): bytes, elements (every node lxml
    iterates, comments included), chars inside script and style, <a> links."""
    rows = []
    for path in paths:
        raw = path.read_bytes()
        raw = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        nodes = list(lxml.html.document_fromstring(raw).iter())
        code = sum(len(el.text_content()) for el in nodes if el.tag in ("script", "style"))
        rows.append((len(raw), len(nodes), code, sum(1 for el in nodes if el.tag == "a")))
    names = ("bytes", "elements", "script+style chars", "links")
    return {name: quartiles([r[i] for r in rows]) for i, name in enumerate(names)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--pages", type=int, default=2000, help="pages to write (0: write none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--stats",
        action="store_true",
        help="print q1/median/q3 of bytes, elements, script+style chars and links of the folder's HTML pages",
    )
    args = parser.parse_args(argv)
    if args.pages:
        files = write_corpus(args.folder, args.pages, args.seed)
        print(f"{len(files)} pages, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB in {args.folder}")
    if args.stats:
        pages = sorted(p for p in args.folder.iterdir() if p.name.endswith((".html", ".htm", ".html.gz", ".htm.gz")))
        print(f"{len(pages)} HTML pages{'':9}q1    median        q3")
        for name, (q1, median, q3) in page_stats(pages).items():
            print(f"  {name:20} {q1:>9,} {median:>9,} {q3:>9,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
