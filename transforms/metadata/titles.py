"""The headline as a reader sees it, chosen among the page's title candidates.

In: `Signals` (h1 texts, og:title/twitter:title, JSON-LD headline, <title>,
or a text dump's headline line) and the site's names. Out: one cleaned headline or None.

Cleaning: whitespace collapsed, curly quotes made straight, wire slugs cut ("2nd LD Writethru:",
"UPDATE 2-", "RPT-", "EXCLUSIVE-"), a site name prefix/suffix cut ("... | Site", "Site - ..."), and
a last part that names the page's format, not its story ("... - Infographic", "... – Video"); the
chosen title loses a label after a pipe ("... | Opinion") and a short capitalised tagline after a
dash ("... Compared - Personally Tested").
Choice: an h1 that another source agrees with (equal, or contained in a longer title); else an
SEO title the page prints as an h2 (the h1 over it a tagline or a section's name); else the
first h1 of a few words (not a paragraph of prose) sharing words with the SEO titles, a plural as
its singular (what the reader sees, even when the SEO titles say otherwise); else the
most agreed-upon candidate, trusting JSON-LD headline and og:title over <title>. A candidate that is
only the site's name ("Example News") wins only where no other candidate is left.
"""

import html
import re

from schemas import Signals
from transforms import mojibake
from transforms.metadata.jsonld import agrees, article_objects, key, text
from transforms.textstats import CJK_CHAR as _CJK
from transforms.textstats import prose_sentence

# Headlines longer than this (chars) are paragraphs that landed in a title slot.
MAX_TITLE_CHARS = 300
# Fewer words than this in an h1 that nobody agrees with: a logo or a section label.
MIN_LONE_H1_WORDS = 3
# A "site name" longer than this is a page title that landed in og:site_name.
MAX_SITE_NAME_CHARS = 40
# A title of at most this many words that opens or ends with a name of the site is only its name
# ("Example News" on example.com, "The Valley Courier"); a headline that opens with the site's name
# runs longer ("Gardenary Planting vs. Ordinary Planting" on gardenary.com, wcxb 0145).
MAX_SITE_NAME_WORDS = 3
# An h1 sharing less than this share of words (Jaccard) with every SEO title is a blog's or
# section's name: the SEO titles (og/JSON-LD/<title>) then name the article.
MIN_H1_OVERLAP = 0.2
# An h1 of more words than this that reads as prose is a paragraph set as a heading (a hero's
# introduction: "Learn which home renovations have the best ROI? Get expert tips on ..."), no headline.
MAX_HEADLINE_WORDS = 30
# What follows "Headline | " is a label (a section, a site, a tagline) up to this many words;
# a longer run is the second half of the headline ("... Under $500 | The Best Cameras on the Market").
MAX_LABEL_WORDS = 5
# What follows "Headline - " is a tagline when it is two or three capitalised words and no sentence
# ("... Compared - Personally Tested", "... for Beginners — Strength Training"); a longer or lower-case
# run, or one opening with a function word ("– For Now", "– and 5 trends to expect"), is the headline's.
MAX_TAGLINE_WORDS = 3
_DASH = re.compile(r"\s+[-–—]\s+")
_TAGLINE_OPENERS = frozenset(
    """a an the and but or nor so yet for from with without at in on to by of as if than then again
    especially even just still now not only also too""".split()
)

# Fullwidth ASCII forms ("？", "！") are written as plain ASCII.
_PLAIN = {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}}
_QUOTES = str.maketrans(
    {**_PLAIN, "‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "\u00a0": " "}
)
# In CJK text the fullwidth forms are the normal punctuation ("，" "："): only the quotes change.
_CJK_QUOTES = str.maketrans({k: v for k, v in _QUOTES.items() if chr(k) not in _PLAIN})
# Yonhap marks a story's versions in parentheses: "(LEAD) ...", "(2nd LD) ...", "(URGENT) ...".
_WIRE_SLUG = re.compile(
    r"^(?:(?:\d+(?:st|nd|rd|th)\s+LD[- ]Writethru|LD[- ]Writethru|Writethru|(?:UPDATE|WRAPUP|REFILE|RPT|"
    r"CORRECTED|EXCLUSIVE|BREAKING|URGENT|FLASH|ADVISORY|CORRECTION|INSIGHT|ANALYSIS|FOCUS|"
    r"FACTBOX|EXPLAINER|COLUMN|BRIEF|TIMELINE|GRAPHIC|HIGHLIGHTS|PREVIEW|SCENARIOS|SPECIAL REPORT|"
    r"PRESS DIGEST|BREAKINGVIEWS|GLOBAL MARKETS|INTERVIEW|FEATURE|"
    r"REFILE-UPDATE|RPT-UPDATE|"
    # the agencies' other-language desks (Reuters France, dpa, EFE, ANSA)
    r"LEAD|EXCLUSIF|CORRECTIF|EILMELDUNG|KORREKTUR|ROUNDUP|WDH|EXKLUSIV|ÚLTIMA HORA|EXCLUSIVA|ACTUALIZA|"
    r"AGGIORNAMENTO|ESCLUSIVA)(?:\s*\d+)?)\s*(?::|-{1,2}|—|–)\s*"
    r"|\((?:LEAD|\d+(?:st|nd|rd|th)\s+LD|URGENT|News Focus|Yonhap Interview|Yonhap Feature)\)\s+)"
)
# An h1 that is a menu label, a domain, a breadcrumb or a blog's name is not the headline.
_NOT_HEADLINE = re.compile(
    r"(?i)^(?:.*\b(?:menu|navigation|skip to|sign in|log in|subscribe|contact us|follow us|"
    r"search|cart|blog)$|[\w.-]+\.[a-z]{2,6}$|.*\s[>»›]\s.*)"
)
# What an h1 may carry after the headline: a byline or a date.
_BYLINE_TAIL = re.compile(
    r"(?i)^\W*(?:posted|published|updated|by)\b|^\(?[\w-]+(?:\.[\w-]+)+\)?\s*\d*$|^\W*(?:\w{3,9}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}|"
    r"(?:19|20)\d{2}-\d{2}-\d{2})\W*$"
)
_WORDS = re.compile(r"\w+")
# A label set before the headline in the h1: "Blog:", "Case study:", "Title:".
_LABEL = re.compile(r"\w+(?:\s\w+)?\s*:")
_DOMAIN = re.compile(r"(?i)^(?:www\.)?[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,6}$")
# A "?" or replacement character inside a heading, before a space or a letter: a lost character.
_LOST = re.compile(r"[?\ufffd](?=[\s\w])")
# A title cut short by a length limit: it ends in an ellipsis (CUT_SHORT, also a dump's cut-short
# caption or teaser) or leaves a bracket open.
CUT_SHORT = re.compile(r"(?:\.\.\.|…)$")
# "Name: " or "Name | " before the rest of a title.
_NAME_PREFIX = re.compile(r"(.{3,40}?)(?::|\s(?:\||-|–|—|::|»|·|•|/))\s+")
_TAIL = re.compile(r"\s+\|\s+")
# What a title never opens with: the field's own label ("Title:AlignMerge - ...", as arXiv prints its
# abstract pages) or a stray mark before a space (". eufy Indoor Cam", "• Headline"); nor ends with
# a space before its stop ("... with these 10 travel hacks .").
_OPENING_JUNK = re.compile(r"(?i)^(?:(?:title|headline)\s*:\s*|[.,;:|·•»›>*]+\s+)")
_SPACED_STOP = re.compile(r"\s+([.!?])$")
# ... and, after CJK text, without spaces ("标题_新华网", "标题-中国日报网", "标题｜端传媒"); "_" and "｜" anywhere.
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|·|•|/|:)\s+|\s*[_｜]\s*|(?<=[\u3000-\u9fff\uff00-\uffef])[-|–—]")
# A title's last part after a separator that names the page's format, not its story: sites append it
# as they append their name ("Harbour cranes by tonnage - Infographic", "Ferry tour – Video | Site").
_FORMAT_LABEL = re.compile(
    r"(?i)^(?:infographics?|videos?|photos?|photo gallery|gallery|slideshow|podcasts?|audio|quiz|interactive|transcript)$"
)


def clean(raw: str | None) -> str | None:
    if not raw:
        return None
    # mojibake in an attribute or JSON-LD value ("Investorâ\x80\x99s") is repaired once unescaped
    value = mojibake.repair(html.unescape(str(raw)))
    value = value.translate(_QUOTES if not _CJK.search(value) else _CJK_QUOTES)
    value = " ".join(value.split())
    while True:
        cut = _WIRE_SLUG.sub("", value, count=1)
        if cut == value:
            break
        value = cut
    value = _SPACED_STOP.sub(r"\1", _OPENING_JUNK.sub("", value))
    return value if 0 < len(value) <= MAX_TITLE_CHARS else None


def _is_site(part: str, site_keys: set[str]) -> bool:
    k = key(part)
    return bool(k) and any(k == s or (len(s) >= 4 and (k.startswith(s) or s.startswith(k))) for s in site_keys)


def _only_site(title: str, site_keys: set[str]) -> bool:
    """Whether a title is only the site's name: it is one, or a short one (MAX_SITE_NAME_WORDS) is a
    name's start ("Example" for Example News) or starts or ends with one in whole words ("Example
    News" on example.com). Whole words: a headline "Newsom Vetoes Bill" on news.example.com is none."""
    k, words = key(title), title.split()
    if k in site_keys:
        return True
    if not k or len(words) > MAX_SITE_NAME_WORDS:
        return False
    if any(len(k) >= 4 and s.startswith(k) for s in site_keys):
        return True
    return any(
        key(" ".join(words[:n])) in site_keys or key(" ".join(words[-n:])) in site_keys for n in range(1, len(words))
    )


def strip_site(value: str, site_names: list[str]) -> str:
    """Cut "... | Site" / "Site - ..." when the cut part is a name of the site, or a domain name
    ("Headline | Example.com"), and a format label last ("Headline - Infographic"), repeatedly
    ("Site | Site.com - Headline", "Headline – Video | Site")."""
    for _ in range(3):
        cut = _strip_once(value, site_names)
        if cut == value:
            break
        value = cut
    return value


def _strip_once(value: str, site_names: list[str]) -> str:
    site_keys = {key(n) for n in site_names if n and key(n) and len(n) <= MAX_SITE_NAME_CHARS}
    parts = _SEPARATORS.split(value)
    for part in parts:
        if _DOMAIN.match(part):
            site_keys |= {key(part), key(part.split(".")[-2])}
    first, _, rest = value.partition(" ")
    if len(parts) < 2 and _DOMAIN.match(first) and key(first) in site_keys and len(rest.split()) >= 2:
        return rest  # "example.com Headline": the site's own domain set before the headline
    if len(parts) < 2:
        return value
    if _is_site(parts[-1], site_keys) or _FORMAT_LABEL.match(parts[-1]):
        return (
            _SEPARATORS.split(value)[0] if len(parts) == 2 else value[: value.rfind(parts[-1])].rstrip(" |-–—:»·•/_｜")
        )
    if _is_site(parts[0], site_keys):
        return value[len(parts[0]) :].lstrip(" |-–—:»·•/_｜")
    return value


def _singular(word: str) -> str:
    """A plural read as its singular ("costs" -> "cost", "companies" -> "company"; "glass" stays)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of the two strings' case-folded words, a plural counted as its singular (an h1
    "How Much Does It Cost ..." and a <title> "... Costs" share the word)."""
    wa = {_singular(w) for w in _WORDS.findall(a.casefold())}
    wb = {_singular(w) for w in _WORDS.findall(b.casefold())}
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def cut_tail(value: str) -> str:
    """'Headline | Section' -> 'Headline': what follows a pipe is a label, not the headline
    (unless it runs longer than a label); 'Site | A longer headline' -> the headline."""
    parts = _TAIL.split(value)
    head = parts[0]
    if len(parts) == 2 and len(head.split()) < MIN_LONE_H1_WORDS and len(parts[1].split()) > MAX_LABEL_WORDS:
        return parts[1]  # "Label | A headline longer than a label": a site or section name before the pipe
    if len(parts) > 1 and len(parts[1].split()) > MAX_LABEL_WORDS:
        return value
    return head if len(head.split()) >= MIN_LONE_H1_WORDS else value


def cut_tagline(value: str) -> str:
    """'Headline - Short Tagline' -> 'Headline' (see MAX_TAGLINE_WORDS); one dash only, and the headline
    keeps at least MIN_LONE_H1_WORDS words."""
    parts = _DASH.split(value)
    if len(parts) != 2 or len(parts[0].split()) < MIN_LONE_H1_WORDS:
        return value
    words = parts[1].split()
    if not 2 <= len(words) <= MAX_TAGLINE_WORDS or words[0].casefold() in _TAGLINE_OPENERS or parts[1][-1] in "!?.":
        return value
    if all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return parts[0]
    return value


def _repaired(h1: str, others: list[str]) -> str:
    """An h1 whose apostrophes or colons were lost in decoding ("Beginner? Guide", "Beginner\ufffds
    Guide") is written as the SEO title that reads the same with those characters in place."""
    if not _LOST.search(h1):
        return h1
    pattern = re.compile("".join(".{1,3}" if c in "?\ufffd" else re.escape(c) for c in h1), re.IGNORECASE)
    return next((o for o in others if pattern.fullmatch(o)), h1)


def _truncated(value: str) -> bool:
    return bool(CUT_SHORT.search(value)) or value.count("(") > value.count(")") or value.count("[") > value.count("]")


def _whole(value: str, others: list[str]) -> str:
    """A title cut short ("... Solutions (Including", "... Merging via...") is written as the longer
    candidate that starts with it."""
    if not _truncated(value):
        return value
    stem = key(CUT_SHORT.sub("", value))
    return next((o for o in others if len(key(o)) > len(stem) and key(o).startswith(stem) and not _truncated(o)), value)


def _site_tail(extra: str, page_title: str | None, site_keys: set[str]) -> bool:
    """What an h1 holds after the headline is the site's name: a known one, or how the page's <title>
    ends ("<headline> » Local » Noticias » Ultima Hora Mallorca")."""
    title = clean(page_title) if page_title else None
    return key(extra) in site_keys or bool(title and len(extra) < len(title) and title.endswith(extra))


def _named_sites(signals: Signals) -> list[str]:
    """h1s that name the site by the page's own titles: "Name: Post" (or "Name | Post") as one title
    while another title is the post alone."""
    raw = [clean(t) for t in (signals.title, signals.meta.get("og:title"), signals.meta.get("twitter:title"))]
    keys = {key(t) for t in raw if t}
    names = []
    for h in signals.headings:
        for t in raw:
            head = _NAME_PREFIX.match(t) if t else None
            if head and key(head[1]) == key(h) and key(t[head.end() :]) in keys and len(t[head.end() :].split()) >= 2:
                names.append(h)
                break
    return names


def choose_title(signals: Signals, site_names: list[str]) -> str | None:
    title = _choose(signals, site_names)
    return cut_tagline(cut_tail(title)) if title else None


def _choose(signals: Signals, site_names: list[str]) -> str | None:
    site_names = site_names + [h for h in signals.headings if _DOMAIN.match(h.strip())]  # an h1 "example.com"
    site_names = site_names + _named_sites(signals)
    site_keys = {key(n) for n in site_names if n and key(n) and len(n) <= MAX_SITE_NAME_CHARS}
    h1s = [strip_site(h, site_names) for h in (clean(h) for h in signals.headings) if h and not _is_site(h, site_keys)]
    others = [text(o.get("headline")) for o in article_objects(signals)[:2]]
    others += [signals.meta.get("og:title"), signals.meta.get("twitter:title"), signals.title]
    others = [strip_site(c, site_names) for c in (clean(o) for o in others) if c]
    others = [_whole(o, others) for o in others]
    # a title that is only the site's name ("Example News" as og:title) names no article: it never
    # wins, and beside it the other SEO titles are the template's too, so an h1 need not agree with them
    named = [o for o in others if _only_site(o, site_keys)]
    others = [o for o in others if o not in named] or others
    h1s = [_repaired(h1, others) for h1 in h1s]
    # an h1 that is an SEO title's whole text comes first: a site's name set as an h1 (its logo, over
    # the article's own h1) is inside the <title> too ("<headline> 写真1枚 国際ニュース：AFPBB News")
    h1s = sorted(h1s, key=lambda h1: not any(key(h1) == key(o) for o in others))
    for h1 in h1s:
        agreeing = [o for o in others if agrees(h1, o)]
        if agreeing:  # a headline set in capitals is written as an SEO title of the same text writes it
            cased = [o for o in agreeing if o.casefold() == h1.casefold() and not o.isupper()]
            return cased[0] if h1.isupper() and cased else h1
        for other in others:  # "Headline Posted on <date> by <name>": the h1 swallowed the byline
            extra = h1.replace(other, "", 1).strip() if len(other) >= 12 and other in h1 else None
            if extra and _BYLINE_TAIL.search(extra) and len(extra) < len(other):
                return other
            if extra and h1.startswith(extra) and _LABEL.fullmatch(extra):  # "Blog: <headline>"
                return other
            if extra and h1.startswith(other) and _site_tail(extra, signals.title, site_keys):
                return other  # the site's logo link inside the h1: "<headline>Ultima Hora Mallorca"
    # an SEO title the page prints whole as an h2 where no h1 agrees with one: the article's headline
    # set under a hero h1 (a blog's or section's name, a tagline, a question) or on a page with no h1;
    # not a label of one or two words (og:title "Blog" and a sidebar's h2 "Blog")
    printed = {key(h2) for h2 in signals.subheadings} - {""}
    shown = [o for o in others if key(o) in printed and o not in named and len(o.split()) >= MIN_LONE_H1_WORDS]
    if shown and not any(agrees(o, h1) for o in others for h1 in h1s[:1]):
        return shown[0]
    h1s = [
        h for h in h1s if not _NOT_HEADLINE.match(h) and not (len(h.split()) > MAX_HEADLINE_WORDS and prose_sentence(h))
    ]
    # Overlap is measured with the h1 itself cut as a site name: "Post | Blog Name" shares no word
    # with an h1 "Blog Name" once the blog's name is cut.
    if (
        h1s
        and len(h1s[0].split()) >= MIN_LONE_H1_WORDS
        and (not others or named or max(overlap(h1s[0], strip_site(o, [h1s[0]])) for o in others) >= MIN_H1_OVERLAP)
    ):
        return h1s[0]
    if not others:
        return h1s[0] if h1s else None
    votes = [(sum(agrees(c, o) or agrees(o, c) for o in others), -i, c) for i, c in enumerate(others)]
    return max(votes)[2]
