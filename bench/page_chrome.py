"""Page chrome for the benchmark corpus (`bench.corpus`): the visible parts of a page around the story.

In: a seeded `random.Random`, a `Site` (`bench.publishers.build_site`) and its weight profile. Out:
HTML strings: wrapper divs, svg icons, <picture> srcsets, ad slots, share bars, teaser cards and
rails, sponsored feeds, a video player shell, newsletter and comment boxes. The page's frame (consent
dialog, header and mega-menu, footer, modals, pixels) is in `bench.page_frame`.
"""

import json
import random

from bench.prose import NAMES, sentence, story_title, word
from bench.publishers import Site
from bench.site_code import base36
from bench.site_words import NAV_SECTIONS, SOCIAL

# The sponsored feed's teasers (generic, invented for this corpus).
PROMOS = (
    "You may be paying too much for home insurance",
    "The one stretch that eases back pain",
    "Retirees are switching to this kind of savings account",
    "Holiday cottages with sea views, compared",
    "Why everyone is talking about this new kettle",
    "How to cut your energy bill this winter",
)


def slug(text: str) -> str:
    return "-".join("".join(ch for ch in w if ch.isalnum()) for w in text.lower().split())[:90]


def teaser_link(rng: random.Random, host: str, title: str, module: str, pos: int) -> str:
    """The opening <a> of a teaser: an absolute dated URL and a tracking payload, as real teasers carry."""
    section = rng.choice(NAV_SECTIONS).lower()
    url = f"https://www.{host}/{section}/2025/{rng.randint(1, 6):02d}/{rng.randint(1, 28):02d}/{slug(title)}-{rng.randrange(10**7)}"
    track = json.dumps({"module": module, "position": pos, "type": "teaser", "section": section})
    return f"<a href='{url}' data-tracking='{track}'>"


# --- Page parts. Each takes the page's rng and the site and returns HTML. ---


def icon(site: Site, name: str) -> str:
    return (
        f"<svg class='{site.c('icon')}' viewBox='0 0 24 24' width='20' height='20' aria-hidden='true' "
        f"focusable='false'><path d='{site.icons[name]}'></path></svg>"
    )


def picture(rng: random.Random, site: Site, alt: str, cls: str) -> str:
    key = base36(rng.randrange(36**10))
    widths = (320, 480, 640, 960, 1280, 1600, 2048)[: rng.randint(4, 7)]

    def srcset(fmt: str) -> str:
        return ", ".join(
            f"https://img.{site.host}/{key}/{w}x{w * 9 // 16}.{fmt}?q=80&auto=compress {w}w" for w in widths
        )

    sizes = "(min-width: 1024px) 720px, (min-width: 768px) 80vw, 100vw"
    return (
        f"<picture class='{cls}'><source type='image/avif' srcset='{srcset('avif')}' sizes='{sizes}'>"
        f"<source type='image/webp' srcset='{srcset('webp')}' sizes='{sizes}'>"
        f"<img src='https://img.{site.host}/{key}/640x360.jpg' alt='{alt}' width='640' height='360' "
        f"loading='lazy' decoding='async' data-image-id='{key}'></picture>"
    )


def ad_slot(rng: random.Random, site: Site, where: str, label: bool = True) -> str:
    unit = f"/{rng.randrange(10**7, 10**8)}/{site.slug}/{where}"
    sizes = rng.choice(("300x250", "728x90,970x250", "300x600,300x250", "320x50", "fluid"))
    inner = f"<div id='ad-{where}-{rng.randrange(1000)}' data-ad-unit='{unit}' data-sizes='{sizes}' data-refresh='30'></div>"
    lab = f"<span class='{site.c('ad-label')}'>Advertisement</span>" if label else ""
    return (
        f"<!-- ad: {where} --><div class='ad-slot {site.c('ad-container')}' data-ad-position='{where}'>"
        f"{lab}<div class='{site.c('ad-wrapper')}'>{inner}</div></div>"
    )


def wrap(site: Site, inner: str, depth: int, attrs: str = "") -> str:
    names = ("page", "layout", "container", "row", "region", "stack", "col", "inner", "wrap", "column-main", "frame")
    for i in range(depth):
        inner = f"<div class='{site.c(names[i % len(names)])}'{attrs if i == depth - 1 else ''}>{inner}</div>"
    return inner


def share_bar(rng: random.Random, site: Site, count: int, url: str) -> str:
    links = "".join(
        f"<li><a href='https://share.example/{name}?u={url}' aria-label='Share on {name}' data-share='{name}' "
        f"rel='noopener' target='_blank'>{icon(site, name)}</a></li>"
        for name in SOCIAL[:count]
    )
    return f"<div class='share {site.c('share')}'><ul class='{site.c('share-list')}'>{links}</ul></div>"


def card(rng: random.Random, site: Site, pos: int, image: bool) -> str:
    section = rng.choice(NAV_SECTIONS)
    hours = rng.randint(1, 23)
    pic = picture(rng, site, "", site.c("card-image")) if image else ""
    title = story_title(rng)
    return (
        f"<div class='{site.c('card')}' data-position='{pos}'><div class='{site.c('card-inner')}'>"
        f"{teaser_link(rng, site.host, title, 'related', pos)}{pic}"
        f"<div class='{site.c('card-body')}'><span class='{site.c('card-kicker')}'>{section}</span>"
        f"<h3 class='{site.c('card-title')}'>{title}</h3></div></a><div class='{site.c('card-meta')}'>"
        f"<button class='{site.c('bookmark')}' aria-label='Save'>{icon(site, 'bookmark')}</button>"
        f"<span class='{site.c('comment-count')}'>{icon(site, 'comment')}<span>{rng.randrange(200)}</span></span></div></div>"
        f"<span class='{site.c('card-age')}'>{hours} hours ago</span></div>"
    )


def rail(rng: random.Random, site: Site, items: int, video: str) -> str:
    titles = [story_title(rng) for _ in range(items)]
    top = "".join(
        f"<li>{teaser_link(rng, site.host, title, 'most-read', i)}<span class='{site.c('rank')}'>{i + 1}</span> "
        f"<span>{title}</span></a></li>"
        for i, title in enumerate(titles)
    )
    most = f"<div class='{site.c('most-read')}'><h2>Most read</h2><ol>{top}</ol></div>" if items else ""
    return (
        f"<aside class='sidebar {site.c('rail')}'>{ad_slot(rng, site, 'rail-top')}{most}"
        f"{ad_slot(rng, site, 'rail-sticky')}{video}</aside>"
    )


def partner_feed(rng: random.Random, site: Site, items: int) -> str:
    """A third-party recommendation widget: sponsored teasers, each a link, a thumbnail and a brand."""
    cells = "".join(
        f"<div class='feed-item'><a href='https://partner.example/c?w={site.slug}&i={rng.randrange(10**9)}' "
        f"rel='sponsored noopener' target='_blank'><div class='feed-thumb'><img src='https://partner.example/t/"
        f"{base36(rng.randrange(36**12))}.jpg' alt='' width='300' height='200' loading='lazy'></div>"
        f"<span class='feed-title'>{rng.choice(PROMOS)}</span> <span class='feed-brand'>{word(rng).capitalize()}"
        f"</span></a></div>"
        for _ in range(items)
    )
    return (
        f"<div class='partner-feed' data-widget='feed' data-placement='below-article'><div class='feed-header'>"
        f"<span>Sponsored stories</span><a href='https://partner.example/about'>What is this?</a></div>"
        f"<div class='feed-grid'>{cells}</div></div>"
    )


def player(rng: random.Random, site: Site) -> str:
    """A video player shell: poster, controls and settings menus, nearly all of it markup."""
    controls = "".join(
        f"<button class='{site.c('vp-' + name)}' aria-label='{name}' data-control='{name}'>{icon(site, glyph)}</button>"
        for name, glyph in (
            ("play", "play"),
            ("mute", "play"),
            ("captions", "comment"),
            ("settings", "menu"),
            ("fullscreen", "chevron"),
        )
    )
    speeds = "".join(
        f"<li role='menuitemradio' data-rate='{r}'><span>{r}x</span></li>" for r in ("0.5", "1", "1.25", "1.5", "2")
    )
    length = f"{rng.randint(0, 9)}:{rng.randrange(60):02d}"
    return (
        f"<div class='video-player {site.c('player')}' data-video-id='{base36(rng.randrange(36**8))}' data-autoplay='false'>"
        f"<div class='{site.c('vp-poster')}'>{picture(rng, site, '', site.c('vp-image'))}</div>"
        f"<div class='{site.c('vp-controls')}' role='toolbar'><div class='{site.c('vp-progress')}'><div></div><div></div></div>"
        f"{controls}<span class='{site.c('vp-time')}'>0:00</span> / <span>{length}</span></div>"
        f"<div class='{site.c('vp-menu')}' role='menu' hidden><ul>{speeds}</ul></div></div>"
    )


def newsletter(site: Site) -> str:
    return (
        f"<div class='newsletter {site.c('newsletter')}'><h2>The morning briefing</h2>"
        f"<p>Get the morning briefing in your inbox.</p><form action='/newsletter' method='post'>"
        f"<label for='nl-email'>Email address</label><input id='nl-email' type='email' name='email' required>"
        f"<button type='submit'>Sign up</button></form></div>"
    )


def comments(rng: random.Random) -> str:
    items = "".join(
        f"<li class='comment'><span class='who'>{rng.choice(NAMES).split()[0]}{rng.randrange(99)}</span>"
        f"<p>{sentence(rng)}</p><a href='#'>Reply</a></li>"
        for _ in range(rng.randrange(0, 25))
    )
    return f"<section id='comments'><h3>Comments</h3><ol>{items}</ol></section>"
