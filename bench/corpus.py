"""A realistic, invented page corpus for speed and memory benchmarks, deterministic from a seed.

Out: FOLDER/ with N pages: HTML pages of several invented publishers, each with its own layout
(menus, breadcrumbs, cookie banners, inline scripts, JSON-LD, share bars, related-story rails,
reader comments, newsletter boxes, long footers), a share of them gzipped, and plain-text page
dumps (every visible block on its own line, boilerplate lines included). Nothing is copied from any
real page: the prose is assembled from an invented vocabulary.

  python -m bench.corpus /tmp/corpus --pages 2000 --seed 7
"""

import argparse
import gzip
import json
import pathlib
import random

# Page mix: the share of text dumps and of gzipped HTML, roughly what a scraper's output holds.
TEXT_SHARE = 0.2
GZIP_SHARE = 0.15
# Inline script bytes per page: real article pages carry 10-100 KB of tracking and app code.
SCRIPT_BYTES = (6_000, 30_000)
# Body size in paragraphs: short briefs to long reads.
PARAGRAPHS = (4, 28)
# A daily crawl: most pages are from the last few days, the rest archive pages from any day of the year.
RECENT_SHARE, RECENT_DAYS = 0.85, 3

NAMES = ("Marta Velasquez", "Oren Hadley", "Priya Ramanathan", "Tomasz Wilk", "Ines Duarte", "Kofi Mensah",
         "Lena Sørvik", "Daniel Okafor", "Ruth Abernathy", "Sami Haddad", "Elif Aydın", "Jonah Whitcombe")
PLACES = ("Port Aldine", "Carrow Falls", "Westmere", "Lindqvist Bay", "New Halden", "Osterby", "Fenmoor",
          "Ridgecrest County", "Saltmarsh", "Brennan Heights")
BODIES = ("the city council", "the regional transit authority", "the water board", "the port commission",
          "the state university", "the county health department", "the harbour pilots' union",
          "the planning committee", "the schools trust", "the fire service")
VERBS = ("approved", "postponed", "rejected", "reviewed", "announced", "defended", "questioned", "unveiled")
THINGS = ("a revised budget", "the new ferry timetable", "a plan to widen the coastal road",
          "emergency repairs to the old bridge", "a pilot scheme for electric buses", "the housing strategy",
          "a review of school catchment areas", "a ban on overnight parking", "the flood defence upgrade")
QUOTES = ("We have listened, and this is the result", "Nobody pretends this is cheap",
          "The numbers simply did not add up", "It is a start, not the finish line",
          "People deserve a straight answer on this")
INSTITUTIONS = ("council", "board", "authority", "commission", "trust", "committee", "union", "agency", "court")
OBJECTS = ("plan", "budget", "project", "scheme", "review", "contract", "timetable", "strategy", "inquiry", "levy")
SECTIONS = ("Local", "Politics", "Business", "Transport", "Education", "Environment", "Health", "Sport")
# Invented words (syllable pairs and triples) for each story's names and clauses (see `cast`): real
# distinct stories share few 3-word shingles. Prose from small phrase lists had made unrelated
# briefs near-duplicates (one "cluster" of 298 articles in 600 pages) and, after that fix, still
# ten LSH candidate pairs per article, which made clustering, not extraction, dominate.
SYLLABLES = ("ka", "ro", "len", "mi", "tor", "va", "sel", "du", "ari", "bo", "nesh", "pal", "ur", "fi", "gan",
             "te", "lom", "zi", "har", "em", "qua", "vin", "os", "bre", "ly", "dam", "ce", "jor", "wil", "nu")
DETAIL_WORDS = (3, 9)

PUBLISHERS = {
    "harbor-ledger": "classic", "valley-courier": "divsoup", "northern-dispatch": "wire",
    "metro-brief": "liveblog", "quarterly-review": "longform",
}


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 4)))


def detail(rng: random.Random) -> str:
    """A clause of invented words: the part of each sentence that is this story's own."""
    return " ".join(word(rng) for _ in range(rng.randrange(*DETAIL_WORDS)))


def cast(rng: random.Random) -> dict:
    """A story's own names: who, where, what. Real stories share few 3-word shingles (the wcxb gold
    bodies: estimated Jaccard of a random pair 0.001 on average, 0.016 at the 99th percentile);
    sentences built around shared stock phrases made every generated story a near-miss candidate
    of ten others (0.056 / 0.17), which no crawl shows."""
    return {"body": f"the {word(rng)} {rng.choice(INSTITUTIONS)}", "place": word(rng).capitalize(),
            "person": f"{word(rng).capitalize()} {word(rng).capitalize()}",
            "thing": f"the {word(rng)} {rng.choice(OBJECTS)}"}


def sentence(rng: random.Random, c: dict | None = None) -> str:
    c = c or cast(rng)
    kind = rng.random()
    if kind < 0.5:
        core = f"{c['body'].capitalize()} in {c['place']} {rng.choice(VERBS)} {c['thing']}"
    elif kind < 0.75:
        core = f"\u201c{detail(rng).capitalize()},\u201d said {c['person']}"
    else:
        core = (f"{c['thing'].capitalize()} {rng.choice(('rose', 'fell', 'came'))} to {rng.randrange(3, 980)} "
                f"{rng.choice(('million', 'thousand', 'per cent'))} in {rng.randrange(2015, 2026)}, "
                f"{rng.choice(('according to', 'figures from', 'a report by'))} {c['body']} show")
    return f"{core}, {detail(rng)}."


def paragraph(rng: random.Random, c: dict | None = None) -> str:
    return " ".join(sentence(rng, c) for _ in range(rng.randrange(2, 6)))


def story(rng: random.Random, n: int) -> dict:
    if rng.random() < RECENT_SHARE:
        day = f"2025-06-{28 - rng.randrange(RECENT_DAYS):02d}"
    else:
        day = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    c = cast(rng)
    title = f"{c['body'].capitalize()} {rng.choice(VERBS)} {c['thing']}"
    return {"title": title, "author": rng.choice(NAMES), "date": day, "time": f"{rng.randrange(6, 22):02d}:{rng.randrange(60):02d}",
            "section": rng.choice(SECTIONS), "place": c["place"], "id": n,
            "paragraphs": [paragraph(rng, c) for _ in range(rng.randrange(*PARAGRAPHS))]}


def menu(rng: random.Random, name: str, links: int) -> str:
    items = "".join(f"<li><a href='/{name}/{s.lower()}/{i}'>{s} {i}</a></li>"
                    for i, s in ((i, rng.choice(SECTIONS)) for i in range(links)))
    return f"<nav class='{name}'><ul>{items}</ul></nav>"


def script(rng: random.Random) -> str:
    size = rng.randrange(*SCRIPT_BYTES)
    chunk = "window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push({event:e,t:Date.now()})};"
    return f"<script>{(chunk * (size // len(chunk) + 1))[:size]}</script>"


def comments(rng: random.Random) -> str:
    items = "".join(f"<li class='comment'><span class='who'>{rng.choice(NAMES).split()[0]}{rng.randrange(99)}</span>"
                    f"<p>{sentence(rng)}</p><a href='#'>Reply</a></li>" for _ in range(rng.randrange(0, 25)))
    return f"<section id='comments'><h3>Comments</h3><ol>{items}</ol></section>"


def related(rng: random.Random) -> str:
    items = "".join(f"<li><a href='/story/{rng.randrange(10**6)}'>{story_title(rng)}</a></li>" for _ in range(8))
    return f"<aside class='related'><h3>More stories</h3><ul>{items}</ul></aside>"


def story_title(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)}: {rng.choice(BODIES)} {rng.choice(VERBS)} {rng.choice(THINGS)}"


def jsonld(s: dict, publisher: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"],
            "datePublished": f"{s['date']}T{s['time']}:00Z", "author": {"@type": "Person", "name": s["author"]},
            "publisher": {"@type": "Organization", "name": publisher.replace("-", " ").title()},
            "articleSection": s["section"]}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def body_html(rng: random.Random, s: dict, layout: str) -> str:
    paras = s["paragraphs"]
    if layout == "divsoup":
        inner = "".join(f"<div class='paragraph'><span>{p}</span></div>" +
                        ("<div class='ad-slot'>Advertisement</div>" if i % 4 == 3 else "") for i, p in enumerate(paras))
        return f"<div class='story-body'>{inner}</div>"
    if layout == "wire":
        first = f"<p>{s['place'].upper()} (Northern Wire) \u2014 {paras[0]}</p>"
        return "<article>" + first + "".join(f"<p>{p}</p>" for p in paras[1:]) + "</article>"
    if layout == "liveblog":
        parts = [f"<div class='update'><time>{rng.randrange(7, 20):02d}:{rng.randrange(60):02d}</time>"
                 f"<h2>{story_title(rng)}</h2><p>{p}</p></div>" for p in paras]
        return "<div class='live-updates'>" + "".join(parts) + "</div>"
    if layout == "longform":
        quote = f"<blockquote class='pull'>{rng.choice(QUOTES)}</blockquote>"
        half = len(paras) // 2
        return ("<article class='essay'>" + "".join(f"<p>{p}</p>" for p in paras[:half]) + quote +
                "".join(f"<p>{p}</p>" for p in paras[half:]) + "<ol class='notes'><li>Figures as published.</li></ol></article>")
    return "<article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>"


def html_page(rng: random.Random, s: dict, publisher: str, layout: str) -> str:
    name = publisher.replace("-", " ").title()
    head = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{s['title']} | {name}</title>"
            f"<meta property='og:title' content='{s['title']}'><meta name='author' content='{s['author']}'>"
            f"<link rel='canonical' href='https://{publisher}.example/{s['section'].lower()}/{s['id']}'>"
            f"{jsonld(s, publisher)}{script(rng)}<style>{'.x{margin:0}' * rng.randrange(50, 400)}</style></head>")
    top = (f"<body><div class='cookie-banner'>We use cookies to improve your experience. <button>Accept</button></div>"
           f"<header><a class='logo' href='/'>{name}</a>{menu(rng, 'main-menu', rng.randrange(20, 60))}</header>"
           f"<ol class='breadcrumbs'><li><a href='/'>Home</a></li><li>{s['section']}</li></ol>")
    byline = (f"<h1>{s['title']}</h1><div class='byline'>By <a rel='author' href='/staff'>{s['author']}</a> "
              f"<time datetime='{s['date']}T{s['time']}'>{s['date']}</time></div>"
              f"<div class='share'><a>Share</a><a>Tweet</a><a>Email</a></div>")
    tail = (f"<div class='newsletter'>Get the morning briefing in your inbox. <input><button>Sign up</button></div>"
            f"{related(rng)}{comments(rng)}<footer>{menu(rng, 'footer-menu', rng.randrange(30, 90))}"
            f"<p>\u00a9 2025 {name}. All rights reserved.</p></footer>{script(rng)}</body></html>")
    return head + top + "<main>" + byline + body_html(rng, s, layout) + "</main>" + tail


def text_dump(rng: random.Random, s: dict, publisher: str) -> str:
    name = publisher.replace("-", " ").title()
    lines = ["Skip to content", name, " | ".join(rng.sample(SECTIONS, 6)), "Subscribe  Sign in", s["title"],
             f"By {s['author']}", f"{s['date']} {s['time']}", "Share  Tweet  Email", *s["paragraphs"],
             "Get the morning briefing in your inbox.", "More stories",
             *(story_title(rng) for _ in range(6)), "Comments",
             *(f"{rng.choice(NAMES).split()[0]} {sentence(rng)}" for _ in range(rng.randrange(0, 8))),
             f"\u00a9 2025 {name}. All rights reserved.", "Privacy  Terms  Contact"]
    return "\n".join(lines) + "\n"


def write_corpus(folder: pathlib.Path, pages: int, seed: int) -> list[pathlib.Path]:
    """Write `pages` files into `folder` (same seed, same bytes); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = []
    for n in range(pages):
        publisher = rng.choice(sorted(PUBLISHERS))
        s = story(rng, n)
        kind = rng.random()
        if kind < TEXT_SHARE:
            path, data = folder / f"{n:06d}-{publisher}.txt", text_dump(rng, s, publisher).encode("utf-8")
        else:
            data = html_page(rng, s, publisher, PUBLISHERS[publisher]).encode("utf-8")
            path = folder / f"{n:06d}-{publisher}.html"
            if kind > 1 - GZIP_SHARE:
                path, data = path.with_suffix(".html.gz"), gzip.compress(data, mtime=0)
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    files = write_corpus(args.folder, args.pages, args.seed)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} pages, {size / 1e6:.1f} MB in {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
