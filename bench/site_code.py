"""The code a benchmark publisher ships: invented script snippets and a stylesheet for its site, and
per page the script bundle and an app's JSON state blob cut from them.

In: a seeded `random.Random` (the site's or the page's), sizes in characters, and for the per-page
parts a `Site` (`bench.publishers.build_site`). Out: strings of minified-looking JavaScript (invented
identifiers, no real library), CSS over the site's class names, and `<script>` elements. As heavy as
real pages' inline code, so the extractor is measured on realistic markup (`bench.corpus`).
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.publishers import Site

# The words the invented scripts' identifiers and keys are made of.
JS_WORDS = (
    "window",
    "document",
    "config",
    "slot",
    "consent",
    "track",
    "event",
    "queue",
    "render",
    "lazy",
    "observe",
    "push",
    "length",
    "dataset",
    "target",
    "state",
    "module",
    "exports",
    "require",
    "init",
)


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out or "0"


def js_snippet(rng: random.Random, size: int) -> str:
    """Minified-looking code of about `size` chars (invented identifiers, no real library)."""

    def ident() -> str:
        return rng.choice("abcdefghijklmnopqrstuvwxyz_$") + base36(rng.randrange(36**2))

    out, total = [f"(function({ident()},{ident()}){{'use strict';"], 0
    while total < size:
        w, a, b = rng.choice(JS_WORDS), ident(), ident()
        kind = rng.randrange(4)
        if kind == 0:
            line = f"var {a}=function({b}){{return {b}&&{b}.{w}?{b}.{w}.length:{rng.randrange(999)}}};"
        elif kind == 1:
            line = f"{a}.{w}=({b},e)=>{{if(!e){{return null}}e.{rng.choice(JS_WORDS)}({b},'{w}-{base36(rng.randrange(10**6))}')}};"
        elif kind == 2:
            value = base36(rng.randrange(10**9))
            line = f'const {a}={{{w}:{rng.randrange(10**4)},{rng.choice(JS_WORDS)}:"{value}",on:!{rng.randrange(2)}}};'
        else:
            line = f"for(let {a}=0;{a}<{b}.length;{a}++){{{b}[{a}].{w}&&{b}[{a}].{w}({a})}}"
        out.append(line)
        total += len(line)
    return "".join(out) + "})(window,document);"


def stylesheet(rng: random.Random, site_classes: list[str], size: int) -> str:
    props = (
        "display:flex",
        "display:grid",
        "margin:0 auto",
        "padding:{}px {}px",
        "font-size:{}px",
        "line-height:1.{}",
        "color:#{:03x}",
        "background:#{:03x}",
        "gap:{}px",
        "max-width:{}0px",
        "border-bottom:1px solid #{:03x}",
        "grid-template-columns:repeat({},minmax(0,1fr))",
        "z-index:{}",
    )
    out, total = [], 0
    while total < size:
        sel = "." + rng.choice(site_classes).split()[0]
        if rng.random() < 0.4:
            sel += rng.choice((":hover", " a", ">li", " svg", "::before", ":focus-visible", " img"))
        body = ";".join(
            p.format(*(rng.randrange(1, 40) for _ in range(p.count("{}"))))
            if "x}" not in p
            else p.format(rng.randrange(4096))
            for p in rng.sample(props, rng.randint(1, 5))
        )
        rule = f"{sel}{{{body}}}"
        if rng.random() < 0.1:
            rule = f"@media (min-width:{rng.choice((600, 768, 1024, 1280))}px){{{rule}}}"
        out.append(rule)
        total += len(rule)
    return "".join(out)


# --- Cut per page from the site's parts. Each takes the page's rng and the site and returns HTML. ---


def scripts(rng: random.Random, site: Site, budget: int) -> str:
    order = rng.sample(range(len(site.snippets)), len(site.snippets))
    out, total = [], 0
    for i in order:
        if total >= budget:
            break
        out.append(f"<script>{site.snippets[i]}</script>")
        total += len(site.snippets[i])
    external = "".join(
        f"<script async src='https://cdn{i}.example/{site.slug}/{base36(rng.randrange(10**9))}.js'></script>"
        for i in range(rng.randint(3, 12))
    )
    return "".join(out) + external


def state_blob(rng: random.Random, site: Site, s: dict, budget: int) -> str:
    """An app's serialized page state: the article again, plus component configs up to `budget` chars."""
    article = {
        "headline": s["title"],
        "section": s["section"],
        "body": s["paragraphs"],
        "byline": {"name": s["author"]},
        "id": s["id"],
    }
    parts, total = [], 0
    while total < budget:
        parts.append(rng.choice(site.states))
        total += len(parts[-1])
    data = (
        f'{{"props":{{"pageProps":{{"article":{json.dumps(article)},"components":[{",".join(parts)}]}}}},'
        f'"page":"/[section]/[slug]","buildId":"{base36(rng.randrange(10**12))}"}}'
    )
    return f"<script id='__APP_STATE__' type='application/json'>{data}</script>"
