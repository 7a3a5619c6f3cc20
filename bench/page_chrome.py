"""Page chrome for the benchmark corpus (`bench.corpus`): the visible parts of a page around the story.

In: a seeded `random.Random`, a `Site` (`bench.publishers.build_site`) and its weight profile. Out:
HTML strings: wrapper divs, mega-menus and their mobile copy, svg icons, <picture> srcsets, ad slots,
consent dialogs, teaser cards and rails, sponsored feeds, a video player shell, newsletter and
comment boxes, footers, hidden modals and tracking pixels.
"""

import json
import random

from bench.prose import NAMES, sentence, story_title, word
from bench.publishers import Site, pick
from bench.site_code import base36
from bench.site_words import NAV_SECTIONS, SOCIAL

# The chrome's own words: consent purposes and sponsored-feed teasers (generic, invented for this corpus).
PURPOSES = (
    "Store and access information on a device",
    "Personalised advertising",
    "Measure advertising performance",
    "Measure content performance",
    "Develop and improve services",
    "Use precise location data",
    "Audience research",
    "Social media features",
    "Match and combine data from other sources",
)
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


def consent(rng: random.Random, site: Site) -> str:
    partners = rng.randrange(90, 900)
    items = "".join(
        f"<li class='{site.c('consent-purpose')}'><label><input type='checkbox' name='p{i}' checked>"
        f"<span>{p}</span></label><button class='{site.c('consent-more')}' aria-expanded='false'>"
        f"{icon(site, 'chevron')}</button></li>"
        for i, p in enumerate(rng.sample(PURPOSES, rng.randint(4, 9)))
    )
    body = (
        f"<div class='cookie-consent {site.c('consent')}' role='dialog' aria-label='Privacy choices'>"
        f"<div class='{site.c('consent-inner')}'><h2>We value your privacy</h2>"
        f"<p>We and our {partners} partners store and access information on your device, such as cookies, to show "
        f"you personalised content and advertising and to measure how our pages are used.</p>"
        f"<p>You can accept, reject or change your choices at any time under Cookie settings at the bottom of "
        f"every page.</p><ul>{items}</ul><div class='{site.c('consent-actions')}'><button>Accept all</button>"
        f"<button>Reject all</button><button>Manage preferences</button></div>"
        f"<a href='/privacy#vendors'>View our {partners} partners</a></div></div>"
    )
    return body if rng.random() < 0.6 else f"<template id='consent-tpl'>{body}</template>"


def mega_menu(rng: random.Random, site: Site, sections: int, links: int, panels: bool) -> str:
    items = []
    for i, (section, subs) in enumerate(site.nav[:sections]):
        path = f"https://www.{site.host}/{slug(section)}"
        sub = "".join(
            f"<li class='{site.c('nav-subitem')}'><a href='{path}/{slug(s)}' "
            f'data-nav-level=\'2\' data-tracking=\'{{"module":"nav","label":"{s}"}}\'>{s}</a></li>'
            for s in subs[:links]
        )
        panel = ""
        if panels and links:
            promo = ""
            if rng.random() < 0.5:
                title = story_title(rng)
                promo = (
                    f"<div class='{site.c('nav-promo')}'>{teaser_link(rng, site.host, title, 'menu', i)}"
                    f"{picture(rng, site, '', site.c('nav-promo-image'))}<span>{title}</span></a></div>"
                )
            panel = (
                f"<div class='{site.c('nav-panel')}' id='panel-{i}' aria-hidden='true'><div class='{site.c('nav-panel-inner')}'>"
                f"<ul class='{site.c('nav-sublist')}'>{sub}</ul>{promo}</div></div>"
            )
        chevron = (
            f"<button class='{site.c('nav-toggle')}' aria-controls='panel-{i}' aria-expanded='false'>"
            f"{icon(site, 'chevron')}</button>"
        )
        items.append(
            f"<li class='{site.c('nav-item')}' data-nav-level='1'><a href='{path}'>{section}</a>"
            f"{chevron if panel else ''}{panel}</li>"
        )
    return f"<nav class='main-menu {site.c('nav')}' aria-label='Main'><ul class='{site.c('nav-list')}'>{''.join(items)}</ul></nav>"


def drawer(site: Site, sections: int) -> str:
    items = "".join(
        f"<li><a href='/{slug(s)}'>{s}</a><ul>"
        + "".join(f"<li><a href='/{slug(s)}/{slug(x)}'>{x}</a></li>" for x in subs[:3])
        + "</ul></li>"
        for s, subs in site.nav[:sections]
    )
    return (
        f"<div class='{site.c('drawer')}' id='mobile-menu' hidden><button aria-label='Close menu'>{icon(site, 'close')}</button>"
        f"<ul class='{site.c('drawer-list')}'>{items}</ul></div>"
    )


def header(rng: random.Random, site: Site, prof: dict) -> str:
    tools = "".join(
        f"<button class='{site.c('header-button')}' aria-label='{name.capitalize()}' data-action='{name}'>"
        f"{icon(site, name)}</button>"
        for name in ("search", "menu", "account")
    )
    logo = (
        f"<a class='logo {site.c('logo')}' href='/' aria-label='{site.name} home'>"
        f"<svg viewBox='0 0 320 48' width='200' height='30' role='img'><title>{site.name}</title>{site.logo}</svg></a>"
    )
    bar = (
        f"<div class='{site.c('header-bar')}'><a href='/subscribe' class='{site.c('subscribe')}'>Subscribe</a> "
        f"<a href='/login' class='{site.c('login')}'>Sign in</a></div>"
    )
    menu = mega_menu(rng, site, pick(rng, prof["menu"]), pick(rng, prof["sub"]), prof["sub"][1] > 4)
    mobile = drawer(site, pick(rng, prof["menu"])) if rng.random() < prof["drawer"] else ""
    return (
        f"<!-- header --><header class='site-header {site.c('header')}' data-sticky='true'>"
        f"<div class='{site.c('header-inner')}'>{logo}{tools}{bar}</div>{menu}{mobile}</header><!-- /header -->"
    )


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


def footer(rng: random.Random, site: Site, prof: dict) -> str:
    cols = "".join(
        f"<div class='{site.c('footer-column')}'><h4>{heading}</h4><ul>"
        + "".join(f"<li><a href='/{slug(label)}'>{label}</a></li>" for label in links[: pick(rng, prof["footer"][1])])
        + "</ul></div>"
        for heading, links in site.footer[: pick(rng, prof["footer"][0])]
    )
    social = "".join(
        f"<a href='https://social.example/{site.slug}/{name}' aria-label='Follow us on {name}'>{icon(site, name)}</a>"
        for name in SOCIAL[: pick(rng, prof["icons"])]
    )
    apps = "".join(
        f"<a href='https://apps.example/{site.slug}/{store}'><img src='https://{site.host}/static/{store}-badge.svg' "
        f"alt='Get the app' width='120' height='40'></a>"
        for store in ("ios", "android")
    )
    return (
        f"<!-- footer --><footer class='site-footer {site.c('footer')}'><div class='{site.c('footer-inner')}'>"
        f"<a href='/' class='{site.c('footer-logo')}'>{icon(site, 'logo-mark')}</a>"
        f"<div class='{site.c('footer-grid')}'>{cols}</div><div class='{site.c('social')}'>{social}</div>"
        f"<div class='{site.c('apps')}'>{apps}</div><p>\u00a9 2025 {site.name}. All rights reserved.</p>"
        f"<p class='{site.c('legal')}'><a href='/privacy'>Privacy</a> <a href='/terms'>Terms</a> "
        f"<a href='/contact'>Contact</a></p>"
        f"</div></footer><!-- /footer -->"
    )


def modals(rng: random.Random, site: Site) -> str:
    login = (
        f"<div class='modal {site.c('modal')}' id='login-modal' role='dialog' aria-modal='true' hidden>"
        f"<div class='{site.c('modal-inner')}'><button aria-label='Close'>{icon(site, 'close')}</button>"
        f"<h2>Sign in to your account</h2><form action='/login' method='post'><label for='lg-email'>Email</label>"
        f"<input id='lg-email' type='email'><label for='lg-pass'>Password</label><input id='lg-pass' type='password'>"
        f"<button type='submit'>Sign in</button></form><a href='/reset'>Forgot your password?</a>"
        f"<p>Not a subscriber yet? <a href='/subscribe'>See our offers</a></p></div></div>"
    )
    search = (
        f"<div class='{site.c('search-overlay')}' id='search' hidden><form role='search' action='/search'>"
        f"<input type='search' name='q' placeholder='Search'><button>{icon(site, 'search')}</button></form></div>"
    )
    paywall = (
        f"<template id='paywall'><div class='{site.c('paywall')}'><h2>Keep reading for just 1 a week</h2>"
        f"<p>Subscribe for unlimited access.</p><a href='/subscribe'>Subscribe now</a></div></template>"
    )
    return login + search + (paywall if rng.random() < 0.7 else "")


def pixels(rng: random.Random, site: Site) -> str:
    return "".join(
        f"<img src='https://px{i}.example/t.gif?s={site.slug}&r={rng.randrange(10**9)}' width='1' height='1' "
        f"alt='' style='display:none' aria-hidden='true'>"
        for i in range(rng.randint(2, 7))
    )
