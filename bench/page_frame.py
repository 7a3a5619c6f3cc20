"""The page's frame for the benchmark corpus (`bench.corpus`): what sits around the article on every
page of a site.

In: a seeded `random.Random`, a `Site` (`bench.publishers.build_site`) and its weight profile. Out:
HTML strings: a consent dialog, the header with its mega-menu (nested lists, panels) and the menu's
hidden mobile copy, the footer's link grid, hidden modals and tracking pixels. The parts inside the
article's column (cards, rails, ad slots, the player, comment boxes) are in `bench.page_chrome`.
"""

import random

from bench.page_chrome import icon, picture, slug, teaser_link
from bench.prose import story_title
from bench.publishers import Site, pick
from bench.site_words import SOCIAL

# The consent dialog's purposes (generic, invented for this corpus).
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
