"""Every date a page states, by source: the candidates `dates.choose_dates` chooses among.

In: `Signals` (JSON-LD datePublished/dateCreated/dateModified, <meta> published/modified times,
visible byline and credit lines, <time datetime>, date elements by class) and the canonical URL (a
date in its path, "/2024/05/03/" or a "/2024-05-03-slug" segment, percent-escapes read). Out: Stamps
by kind: jsonld, meta, time, text (the byline lines' dates), class (date elements'), their
"_updated" and "_labelled" kinds, url and modified. A printed date is labelled "published" or
"updated" by the word before it; a date inside a sentence, a reader's comment's, another event's
("Date loaded", "Accessed"), an event's (a time range after it), a photo caption's and a span's two
ends are left out; of dates printed side by side, the later ones are updates. A plain WebPage JSON-LD
object (no headline, no article type) on a page no <meta> dates is a site's page, and its date is
not read.
"""

import re
from urllib.parse import unquote

from schemas import Signals
from transforms.language import language_tag
from transforms.metadata.datetexts import Stamp, find_printed_spans, locale_order, numeric_order, parse_machine
from transforms.metadata.jsonld import article_objects, text, types

PUBLISHED_META = tuple(
    """
    article:published_time og:published_time datepublished publishdate publish-date publish_date pubdate
    date dc.date dc.date.issued dcterms.date dcterms.created dcterms.issued sailthru.date
    parsely-pub-date article.published citation_publication_date release_date published publication_date
    article:published datecreated
    """.split()
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
    "article.updated",
)
# Other <meta> names that carry a publication date ("w-published-date", "sailthru.pubdate").
_PUBLISHED_META_NAME = re.compile(
    r"(?:publish|pub|release|issued|created)[\w.:-]*(?:date|time)$|^[\w.:-]*(?:publish|pub)date$"
)
_UPDATED = re.compile(
    r"\b(updated|last\s+update|update(?=:)|modified|edited|revised|last\s+reviewed|reviewed"
    # ... and in other languages: de, fr, es, it, pt, nl, sv, no, da ("Stand:" dates a page's last version)
    r"|aktualisiert|stand(?=:)|mis\s+à\s+jour|actualisé|actualizado|aggiornato|atualizado|bijgewerkt|gewijzigd"
    r"|uppdaterad|oppdatert|opdateret)\b",
    re.IGNORECASE,
)
# "by" labels a date only before a name ("By Jane Roe, May 2"), not in prose ("cut by 5% on May 2").
_PUBLISHED = re.compile(
    r"\b(published|posted|created|first\s+published|released|by(?=\s+(?-i:[A-Z]))"
    r"|veröffentlicht|erstellt|publié|publicado|pubblicato|gepubliceerd|publicerad|publisert|publiceret"
    r"|(?:von|par|por|door|di)(?=\s+(?-i:[A-Z])))\b",
    re.IGNORECASE,
)
# A line of at least this many words with a sentence's full stop is prose: a date in it that follows
# a lower-case word and no label ("... the deadline is April 15, 2025. If you ...") is the text's,
# and so is one an "updated" three words or more before it leads to ("We updated this guide on ...").
PROSE_WORDS = 8
# "by" labels a date as a byline's only within this many words ("By Jane Roe - The Courier -
# Thursday, May 2, 2024"); further on it is a sentence's "by" ("... attack by militants on a
# festival near the border, on Oct. 13, 2023": a photo caption).
BY_REACH = 10
_SENTENCE_END = re.compile(r"[a-z]\s?[.!?](?:\s|$)")
_AFTER_WORD = re.compile(r"(?:^|\s)[a-z]+\s+$")
# A reader's comment: "jdoe commented Dec 18, 2025", "Sam says: May 2, 2024 at 9:10".
_COMMENTED = re.compile(r"\b(commented|replied|says:|wrote:)", re.IGNORECASE)
# A label that dates something else than the article, right before its date (OTHER_LABEL_WORDS at most
# between them): "Date loaded: 20/02/2024" (a video player's), "Accessed May 2, 2024", "Offer ends
# May 2", "Deadline: ...", "Born: ...", "Member since ...".
_OTHER_EVENT = re.compile(
    r"\b(?:loaded|accessed|retrieved|expires|expiry|expiration|deadline|due|ends|closes|starts|opens|born|died"
    r"|joined|member since|valid (?:until|through|from))\b",
    re.IGNORECASE,
)
OTHER_LABEL_WORDS = 2
# A photo's caption ends with its credit after its last sentence: "... in Madrid, Monday, Feb. 26,
# 2024. (AP Photo/Jane Roe)", ". (Photo by Jane Roe/Getty Images)", ". Photograph: Jane Roe/Reuters".
# Its date is the picture's. A byline's own credit ("By Ana Vell, May 8, 2024 | Photo: Lia Brandt")
# follows no sentence.
_PHOTO_CREDIT = re.compile(
    r"[.!?]\s*(?:\([^()]*\b(?:photo|photograph|getty images)\b[^()]*\)|photo(?:graph)?:[^.:]*)\s*$", re.IGNORECASE
)
# What may stand between two dates printed side by side: separators and the first one's time.
_SIDE_BY_SIDE = re.compile(r"[\s,|•·]*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?[\s,|•·]*)?$", re.IGNORECASE)
# Two dates joined by a dash or "to" are a span (an event's, a project's), not a publication date.
_SPAN_JOIN = re.compile(r"\d\s*(?:-|–|—|to|until|through)\s*$", re.IGNORECASE)
# A date followed by a time range is an event's schedule ("March 14, 2026 Members only: 8 a.m. - 10 a.m.",
# "May 2, 2024, 10:00-12:30"), not a publication date; a few words may stand between them.
_CLOCK = r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_SCHEDULE = re.compile(rf"[\s,:|]*(?:[^\W\d]+[\s,:|]+){{0,3}}{_CLOCK}\s*(?:-|–|—|to|until)\s*{_CLOCK}", re.IGNORECASE)
_ARTICLE_KINDS = ("article", "posting", "report")
# A date in the URL's path: "/2024/05/03/" or a segment opening with "2024-05-03" ("/2024-05-03-slug").
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/+_-]|$)")


def _last_end(pattern: re.Pattern, text: str) -> int:
    """Where the last match of `pattern` in `text` ends; -1 without one."""
    return max((m.end() for m in pattern.finditer(text)), default=-1)


def _labelled(line: str, order: str | None = None) -> list[tuple[str, bool, Stamp]]:
    """Dates printed in a line, each labelled 'updated' or 'published' by the word before it ('event'
    when a time range follows it: "May 2, 2024 8 a.m. - 10 a.m."), and whether that label was written
    (True) or assumed (False); an unlabelled date inside a sentence, a comment's date ("jdoe commented
    May 2, 2024"), a span's two ends and the dates of a photo's caption (a line ending in its credit,
    "(AP Photo/Jane Roe)") are left out; of dates printed side by side, the later ones are updates (a
    date beside another is no sentence's, even after a clock's "am": "May 2, 2024 6:56 amMay 1, 2024")."""
    if _PHOTO_CREDIT.search(line):
        return []
    out = []
    prose = len(line.split()) >= PROSE_WORDS and _SENTENCE_END.search(line)
    printed = find_printed_spans(line, order)
    spans = {i for i in range(1, len(printed)) if _SPAN_JOIN.search(line[printed[i - 1][0] : printed[i][0]])}
    # Dates side by side ("May 21, 2024 April 2, 2024"): a theme's published and updated dates.
    beside = {i for i in range(1, len(printed)) if _SIDE_BY_SIDE.match(line[printed[i - 1][1] : printed[i][0]])}
    later, first = set(), 0
    for end in range(1, len(printed) + 1):
        if end < len(printed) and end in beside:
            continue
        least = min(printed[j][2].day for j in range(first, end))
        later.update(j for j in range(first, end) if printed[j][2].day > least)
        first = end
    for i, (start, end, stamp) in enumerate(printed):
        if i in spans or i + 1 in spans:
            continue  # "2024-03-04 - 2024-03-08"
        if _SCHEDULE.match(line, end):
            out.append(("event", False, stamp))  # "May 2, 2024 8 a.m. - 10 a.m.": an event's day
            continue
        before = line[:start]
        upd = [m.end() for m in _UPDATED.finditer(before)]
        pub = [
            m.end()
            for m in _PUBLISHED.finditer(before)
            if m.group(1).lower() != "by" or len(line[m.end() : start].split()) <= BY_REACH
        ]
        gap = len(line[max(upd) : start].split()) if upd and max(upd) > max(pub, default=-1) else 0
        if prose and i not in beside and _AFTER_WORD.search(before) and (not (upd or pub) or gap > 2):
            continue  # "The deadline is May 2, 2024.", "We updated this review on May 2, 2024, to add ..."
        labelled_at = max(upd + pub, default=-1)  # where the nearest publication or update label ends
        if _last_end(_COMMENTED, before) > labelled_at:
            continue  # a comment's date
        other = _last_end(_OTHER_EVENT, before)
        if other > labelled_at and len(line[other:start].split()) <= OTHER_LABEL_WORDS:
            continue  # another event's date: "Date loaded: 20/02/2024"
        label = "updated" if (upd and (not pub or max(upd) > max(pub))) or i in later else "published"
        out.append((label, bool(upd or pub), stamp))
    return out


def _visible(lines: list[str], found: dict, kind: str, order: str | None = None) -> None:
    """Visible dates into found[kind] / found[kind + '_updated']; a date written with its label
    first, and a bare date that another line labels "Updated" (nested elements) is an update."""
    labelled = [item for line in lines for item in _labelled(line, order)]
    event_days = {stamp.day for label, _, stamp in labelled if label == "event"}  # also where printed alone
    labelled = [item for item in labelled if item[2].day not in event_days]
    updated_days = {stamp.day for label, _, stamp in labelled if label == "updated"}
    published = [
        (not explicit, i, stamp)
        for i, (label, explicit, stamp) in enumerate(labelled)
        if label == "published" and (explicit or stamp.day not in updated_days)
    ]
    found[kind] += [stamp for _, _, stamp in sorted(published, key=lambda t: (t[0], t[1]))]
    found[kind + "_updated"] += [stamp for label, _, stamp in labelled if label == "updated"]
    found[kind + "_labelled"] += [stamp for label, explicit, stamp in labelled if label == "published" and explicit]


def _machine(values) -> list[Stamp]:
    out = []
    for value in values:
        raw = text(value)
        stamp = parse_machine(raw) if raw else None
        if stamp:
            out.append(stamp)
    return out


def _page_not_post(signals: Signals, obj: dict) -> bool:
    """A site's page, not a post (WordPress/Yoast): no <meta> states when it was published, and
    the plain WebPage object (no headline, no article type) dates only the page's creation."""
    return (
        not any(signals.meta.get(k) for k in PUBLISHED_META)
        and "headline" not in obj
        and not any(k.endswith(_ARTICLE_KINDS) for k in types(obj))
    )


def candidates(signals: Signals, url: str | None) -> dict[str, list[Stamp]]:
    """Stamps by kind: jsonld, meta, text, text_updated, url, modified."""
    articles = article_objects(signals)
    found = {
        "jsonld": _machine(
            o.get("datePublished") or o.get("dateCreated") for o in articles if not _page_not_post(signals, o)
        ),
        "meta": _machine(
            [signals.meta.get(k) for k in PUBLISHED_META]
            + [
                signals.meta[k]
                for k in sorted(signals.meta, key=lambda k: not k.endswith("date"))
                if k not in PUBLISHED_META and _PUBLISHED_META_NAME.search(k)
            ]
        ),
        "time": _machine(raw for source, raw in signals.date_texts if source == "time"),
        "text": [],
        "text_updated": [],
        "text_labelled": [],
        "url": [],
        "class": [],
        "class_updated": [],
        "class_labelled": [],
        "modified": _machine([o.get("dateModified") for o in articles] + [signals.meta.get(k) for k in MODIFIED_META]),
    }
    classed = [line for source, line in signals.date_texts if source == "class"]
    order = numeric_order(signals.byline_lines + classed) or locale_order(language_tag(signals.declared_language))
    _visible(signals.byline_lines, found, "text", order)
    _visible(classed, found, "class", order)
    match = _URL_DATE.search(unquote(url or ""))
    if match:
        year, month, day = [g for g in match.groups() if g]
        stamp = parse_machine(f"{year}-{int(month):02d}-{int(day):02d}")
        if stamp:
            found["url"].append(stamp)
    return found
