"""Publication and modification dates: candidates from every source, the most trusted wins.

In: `Signals` (JSON-LD datePublished/dateModified, <meta> published/modified times, visible
byline and credit lines, <time datetime>), the canonical URL (a date in its path, "/2024/05/03/"
or a "/2024-05-03-slug" segment, percent-escapes read), the publisher and host, and the
time bound (crawl or ingest time). Out: the published_* and modified_at columns.

Conservative by design: no date is guessed. A page that states no date gets nulls; a date
after the bound is dropped; a visible date labelled "Updated" is used for publication only when
the page prints no other date, and not when it dates its publication to a month ("Originally
published in March 2022"). Printed dates that are not the page's are left out: a date inside
a sentence, a reader's comment's, a photo caption's, a span's two ends, a list's entries (many
different days), an unlabelled <time> or date element showing the dateModified. A JSON-LD
datePublished without a zone that nothing else on the page backs (no <meta>, URL or printed date)
is a template's value and is not used. Machine dates win over printed ones, except where they
disagree in a telling way: a byline date earlier than the metadata's (a
re-stamped migration; without a byline date, a date element's date written after "Published",
"Posted" or "by"), or later than a JSON-LD datePublished no <meta> repeats; where JSON-LD and
<meta> disagree, the one the byline prints wins. A local time without an offset is anchored by an
offset stated elsewhere on the page, else by the publisher's home zone (`timezones.HOME_ZONES`),
else only the day is kept (precision "day", published_at and offset null). A machine instant
stated in UTC whose day is not the URL's is read in the site's zone when that puts it on the
URL's day (permalinks carry the local day).
"""

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

from schemas import Signals
from transforms.metadata.datetexts import (
    MONTH_YEAR,
    Stamp,
    find_printed_spans,
    numeric_order,
    parse_machine,
)
from transforms.metadata.jsonld import article_objects, text, types
from transforms.metadata.timezones import home_zone

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
_UPDATED = re.compile(r"\b(updated|modified|edited|revised|last\s+reviewed|reviewed)\b", re.IGNORECASE)
# "by" labels a date only before a name ("By Jane Roe, May 2"), not in prose ("cut by 5% on May 2").
_PUBLISHED = re.compile(
    r"\b(published|posted|created|first\s+published|released|by(?=\s+(?-i:[A-Z])))\b", re.IGNORECASE
)
# A publication dated to its month only ("Originally published in March 2022. Last updated on ..."):
# the page's day of publication is not printed, so its "Updated" date does not stand in for it.
_PUBLISHED_MONTH = re.compile(rf"\b(?:published|posted)\b(?:\s+(?:in|on))?:?\s+{MONTH_YEAR.pattern}", re.IGNORECASE)
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
_ARTICLE_KINDS = ("article", "posting", "report")
# A date in the URL's path: "/2024/05/03/" or a segment opening with "2024-05-03" ("/2024-05-03-slug").
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[/+_-]|$)")

# Which candidates are tried first, with the published_source each reports.
SOURCE_ORDER = (
    ("jsonld", "jsonld"),
    ("meta", "meta"),
    ("text", "text"),
    ("time", "meta"),
    ("text_updated", "text"),
    ("class", "text"),
    ("class_updated", "text"),
    ("url", "url"),
)

# <time datetime> values or date elements on this many different days are a list (a feed, an
# archive, a comment thread), not the page's date: without a byline or metadata date, none is used.
LIST_DAYS = 8
# Printed dates on this many different days, not one of them labelled ("Posted", "By", "Updated"),
# are a list too (an archive's or an events page's entries). Date elements found by class anywhere
# on the page that disagree (2+ days) and carry no label are teasers' dates: none is the page's.
UNLABELLED_LIST_DAYS = 4
UNLABELLED_CLASS_DAYS = 2

# The zones a page can print its local day in: a machine instant and a printed day this far apart
# (UTC-12 .. UTC+14) can be the same moment, so the print is not an earlier date.
_ZONE_SPAN = (timedelta(hours=-12), timedelta(hours=14))

EMPTY = {
    "published_at": None,
    "published_date": None,
    "published_offset_minutes": None,
    "published_precision": None,
    "published_source": None,
    "modified_at": None,
}


def _labelled(line: str, order: str | None = None) -> list[tuple[str, bool, Stamp]]:
    """Dates printed in a line, each labelled 'updated' or 'published' by the word before it,
    and whether that label was written (True) or assumed (False); an unlabelled date inside a
    sentence, a comment's date ("jdoe commented May 2, 2024"), a span's two ends and the dates of a
    photo's caption (a line ending in its credit, "(AP Photo/Jane Roe)") are left out;
    of dates printed side by side, the later ones are updates."""
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
    for i, (start, _, stamp) in enumerate(printed):
        if i in spans or i + 1 in spans:
            continue  # "2024-03-04 - 2024-03-08"
        before = line[:start]
        upd = [m.end() for m in _UPDATED.finditer(before)]
        pub = [
            m.end()
            for m in _PUBLISHED.finditer(before)
            if m.group(1).lower() != "by" or len(line[m.end() : start].split()) <= BY_REACH
        ]
        gap = len(line[max(upd) : start].split()) if upd and max(upd) > max(pub, default=-1) else 0
        if prose and _AFTER_WORD.search(before) and (not (upd or pub) or gap > 2):
            continue  # "The deadline is May 2, 2024.", "We updated this review on May 2, 2024, to add ..."
        said = [m.end() for m in _COMMENTED.finditer(before)]
        if said and max(said) > max(upd + pub, default=-1):
            continue  # a comment's date
        other = [m.end() for m in _OTHER_EVENT.finditer(before)]
        if (
            other
            and max(other) > max(upd + pub, default=-1)
            and len(line[max(other) : start].split()) <= OTHER_LABEL_WORDS
        ):
            continue  # another event's date: "Date loaded: 20/02/2024"
        label = "updated" if (upd and (not pub or max(upd) > max(pub))) or i in later else "published"
        out.append((label, bool(upd or pub), stamp))
    return out


def _visible(lines: list[str], found: dict, kind: str, order: str | None = None) -> None:
    """Visible dates into found[kind] / found[kind + '_updated']; a date written with its label
    first, and a bare date that another line labels "Updated" (nested elements) is an update."""
    labelled = [item for line in lines for item in _labelled(line, order)]
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
    order = numeric_order(signals.byline_lines + classed)
    _visible(signals.byline_lines, found, "text", order)
    _visible(classed, found, "class", order)
    match = _URL_DATE.search(unquote(url or ""))
    if match:
        year, month, day = [g for g in match.groups() if g]
        stamp = parse_machine(f"{year}-{int(month):02d}-{int(day):02d}")
        if stamp:
            found["url"].append(stamp)
    return found


def _page_zone(found: dict[str, list[Stamp]], day) -> object:
    """An offset the page states on another stamp of the same day (fixed offsets only)."""
    for stamps in found.values():
        for stamp in stamps:
            if stamp.zone is not None and stamp.day == day and stamp.clock is not None:
                return stamp.zone
    return None


def _printed_earlier(machine: Stamp, printed: Stamp) -> bool:
    """The page prints a publication date before the one its metadata states: the metadata was
    re-stamped (a migration or a refresh) and the print keeps the original day. A day that the
    metadata's own instant falls on in some zone is the same date, not an earlier one."""
    if printed.day >= machine.day:
        return False
    instant = machine.instant(UTC)
    if instant is None:
        return printed.day < machine.day - timedelta(days=1)
    return printed.day < min((instant + shift).date() for shift in _ZONE_SPAN)


_META_FIRST = (("meta", "meta"), ("jsonld", "jsonld")) + SOURCE_ORDER[2:]


def _url_local(stamp: Stamp, zone, instant: datetime, found: dict[str, list[Stamp]], home) -> tuple[Stamp, object]:
    """A machine instant stated in UTC whose day is not the URL's ("/2024/05/03/") is read in the
    site's zone (an offset the page states on that day, else the publisher's home zone): permalinks
    carry the local day. Unchanged unless that zone puts the instant on the URL's day."""
    day = found["url"][0].day
    if day == stamp.day or stamp.zone is None or stamp.zone.utcoffset(None) != timedelta(0):
        return stamp, zone
    local_zone = _page_zone(found, day) or home
    local = instant.astimezone(local_zone) if local_zone else None
    if local is None or local.date() != day:
        return stamp, zone
    return Stamp(day, local.time().replace(second=0, microsecond=0), local_zone), local_zone


def _listed(found: dict[str, list[Stamp]], kind: str) -> bool:
    """The dates of this kind are a list's entries, not the page's date (see LIST_DAYS)."""
    if kind not in ("time", "class", "text"):
        return False
    days = len({stamp.day for stamp in found[kind]})
    if kind != "text" and days >= LIST_DAYS:
        return True
    least = UNLABELLED_CLASS_DAYS if kind == "class" else UNLABELLED_LIST_DAYS
    return kind != "time" and days >= least and not found[kind + "_labelled"] and not found[kind + "_updated"]


def _bare_jsonld(found: dict[str, list[Stamp]]) -> bool:
    """The JSON-LD datePublished is the page's only date and states no zone (a bare "2024-05-03",
    "May 3, 2024", a clock without an offset): a template's value, not a CMS's publication stamp,
    when neither a <meta> tag, the URL nor any printed date or <time> backs it."""
    return (
        bool(found["jsonld"])
        and all(stamp.zone is None for stamp in found["jsonld"])
        and not any(found[kind] for kind in ("meta", "url", "text", "text_updated", "class", "class_updated", "time"))
    )


def _first(kind: str) -> tuple[tuple[str, str], ...]:
    return ((kind, "text"),) + tuple(item for item in SOURCE_ORDER if item[0] != kind)


def _order(found: dict[str, list[Stamp]]) -> tuple[tuple[str, str], ...]:
    """SOURCE_ORDER, with the byline's printed date first when it is earlier than the metadata's
    (without one, a date element's date written after "Published", "Posted" or "by" that is
    earlier), or later than a JSON-LD datePublished that no <meta> repeats (a template's creation
    stamp: the byline shows the date of the version on the page, "Updated" or not). Where JSON-LD
    and <meta> disagree, the one the byline prints comes first."""
    machine = found["jsonld"][:1] or found["meta"][:1]
    if machine and found["text"] and _printed_earlier(machine[0], found["text"][0]):
        return _first("text")
    labelled = found["class_labelled"][:1]
    if machine and not found["text"] and labelled and _printed_earlier(machine[0], labelled[0]):
        return _first("class")
    printed = (found["text"] or found["text_updated"])[:1]
    if (
        found["jsonld"]
        and printed
        and printed[0].day != found["jsonld"][0].day
        and printed[0].day in {stamp.day for stamp in found["meta"]}
    ):
        return _META_FIRST
    if found["jsonld"] and not found["meta"]:
        kind = "text" if found["text"] else "text_updated"
        if found[kind] and found[kind][0].day > found["jsonld"][0].day:
            return _first(kind)
    return SOURCE_ORDER


def choose_dates(
    signals: Signals, url: str | None, publisher: str | None, host: str | None, bound: datetime | None = None
) -> dict:
    bound = bound or datetime.now(UTC)
    found = candidates(signals, url)
    home = home_zone(publisher, host)
    order = _order(found)
    if any(_PUBLISHED_MONTH.search(line) for line in signals.byline_lines + [t for _, t in signals.date_texts]):
        order = tuple(item for item in order if not item[0].endswith("_updated"))
    modified_days = {stamp.day for stamp in found["modified"]}
    out = dict(EMPTY)
    for kind, source in order:
        if _listed(found, kind) or (kind == "jsonld" and _bare_jsonld(found)):
            continue  # a list's entries (a feed, an archive, a thread), a template's bare date
        for stamp in found[kind]:
            if kind in ("time", "class") and stamp.day in modified_days and stamp not in found["class_labelled"]:
                continue  # an unlabelled <time> or date element showing the dateModified
            zone = stamp.zone or _page_zone(found, stamp.day) or home
            instant = stamp.instant(zone)
            if stamp.day > bound.date() or (instant and instant > bound):
                continue
            if instant and found["url"] and kind in ("jsonld", "meta"):
                stamp, zone = _url_local(stamp, zone, instant, found, home)
            out.update(
                published_date=stamp.day, published_source=source, published_precision="minute" if instant else "day"
            )
            if instant:
                local = datetime.combine(stamp.day, stamp.clock, tzinfo=zone)
                out.update(published_at=instant, published_offset_minutes=int(local.utcoffset().total_seconds() // 60))
            break
        if out["published_date"]:
            break
    for stamp in found["modified"] + found["text_updated"]:
        instant = stamp.instant(stamp.zone or home)
        if instant and instant <= bound and (out["published_at"] is None or instant > out["published_at"]):
            out["modified_at"] = instant
            break
    return out
