"""The article's section: the last meaningful breadcrumb, else the declared section.

In: `Signals` (breadcrumb trails from the page, JSON-LD BreadcrumbList and articleSection,
article:section, parsely-section, prism.section) and the chosen title. Out: one section name or None.
"World / China-US" -> "China-US"; "Home | News | Story headline" -> "News" (a crumb that is the
headline itself, or "Home", is not a section).
"""

import re

from schemas import Signals
from transforms.metadata.jsonld import article_objects, text, types
from transforms.metadata.titles import key

# Crumbs longer than this are headlines, not section names.
MAX_SECTION_CHARS = 40
# <meta> names that declare the section, in order: Open Graph's, Parse.ly's, PRISM's (Fox News, Conde Nast).
DECLARED_META = ("article:section", "parsely-section", "prism.section")

_CRUMB_SPLIT = re.compile(r"\s+[|/>»›→]\s+|\s*[>»›→]\s*")
_ACCOUNT = re.compile(r"(?i)\b(?:sign\s*in|sign\s*up|log\s*in|log\s*out|register|subscribe|my account)\b")
_NOT_SECTION = {"home", "homepage", "youarehere", "index", "main", "frontpage", "start"}
# ... and the home page's link in other languages (de, fr, es, it, pt, nl, sv, da/no)
_NOT_SECTION |= {"startseite", "accueil", "inicio", "portada", "portale", "início", "paginainicial", "hem", "forside"}
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
# Declared "sections" that name the kind of page, or a CMS's default, not a desk of the paper.
# ("Blog" stays: on a company's site it is the section, and the crumb before it is the company.)
_GENERIC = {
    "article",
    "articles",
    "post",
    "posts",
    "story",
    "stories",
    "newsarticle",
    "page",
    "uncategorized",
    "uncategorised",
    "default",
    # the same in other languages: the page's kind, and WordPress's "Uncategorized" as translated
    "artikel",
    "artikelen",
    "artículos",
    "articoli",
    "artigos",
    "beitrag",
    "beiträge",
    "allgemein",
    "nonclassé",
    "sincategoría",
    "senzacategoria",
    "semcategoria",
    "ongecategoriseerd",
    "okategoriserade",
    "ukategorisert",
    "ukategoriseret",
}

# A trail's link that is no place: "< Back to blog", a name cut short ("Event Manage..."), a template's
# unfilled placeholder ("{{ navItem.title }}").
_NOT_A_PLACE = re.compile(r"(?i)^[<«‹←]|^back to\b|(?:\.\.\.|…)$|\{\{|\}\}")


def _section_from_trail(parts: list[str], title: str | None) -> str | None:
    title_key = key(title or "")
    # the headline is a trail's last place: what a trail's element prints after it is the page's
    # language switch ("... / Tax Law Changes ... / Español": wcxb 0304, 4121) or other links
    at_title = [i for i, part in enumerate(parts) if title_key and key(part.strip(" :/|")) == title_key]
    if at_title:
        parts = parts[: at_title[-1]]
    for part in reversed(parts):
        part = part.strip(" :/|")
        part = re.sub(r"(?i)^you are here:?\s*", "", part)
        k = key(part)
        if not k or len(part) > MAX_SECTION_CHARS or k in _NOT_SECTION or k in _GENERIC or _NOT_A_PLACE.search(part):
            continue
        if title_key and (k == title_key or (len(k) > 12 and k in title_key)):
            continue  # the headline, or a long part of it
        return part
    return None


def _jsonld_trail(signals: Signals) -> list[str]:
    for obj in signals.jsonld:
        if "breadcrumblist" in types(obj):
            items = obj.get("itemListElement") or []
            items = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
            items.sort(key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0)
            names = []
            for item in items:
                inner = item.get("item")
                name = text(item.get("name")) or (text(inner.get("name")) if isinstance(inner, dict) else None)
                if name:
                    names.append(name)
            return names
    return []


def _account_bar(trail: str) -> bool:
    """'Subscribe | Sign In', 'Log in | Register': a trail with an account link is a toolbar."""
    return bool(_ACCOUNT.search(trail))


def choose_section(signals: Signals, title: str | None) -> str | None:
    for trail in (t for t in signals.breadcrumbs if not _account_bar(t)):
        section = _section_from_trail(_CRUMB_SPLIT.split(trail), title)
        if section:
            return section
    declared = [
        text(o.get("articleSection"))
        if not isinstance(o.get("articleSection"), list)
        else text((o.get("articleSection") or [None])[0])
        for o in article_objects(signals)
    ]
    for value in declared + [signals.meta.get(name) for name in DECLARED_META]:
        value = _tidy(value) if value else None
        if value and len(value) <= MAX_SECTION_CHARS and key(value) not in _GENERIC:
            return value
    return _section_from_trail(_jsonld_trail(signals), title)


def _tidy(value: str) -> str:
    """A declared section as a reader would write it: the first of a comma list without spaces
    ("Opinion,Reported Opinion"), and a lower-case label of several words in title case ("daily
    comment"; one word may be an acronym: "seo")."""
    value = re.split(r",(?=\S)", value.strip())[0].strip()
    if not value.islower() or " " not in value:
        return value
    words = value.split()
    return " ".join(
        w if 0 < i < len(words) - 1 and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
