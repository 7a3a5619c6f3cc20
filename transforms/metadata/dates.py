"""Publication and modification dates: candidates from every source (`date_candidates`), the most trusted wins.

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
"Posted" or "by"), or later than a JSON-LD datePublished no <meta> repeats, or later than a
metadata publication date that states a day and no instant where the print (unlabelled: a day
printed as "Updated" is no publication's) is the dateModified's day and the publication's day is
printed nowhere; where JSON-LD and
<meta> disagree, the one the byline prints wins. A local time without an offset is anchored by an
offset stated elsewhere on the page, else by the publisher's home zone (`timezones.HOME_ZONES`),
else only the day is kept (precision "day", published_at and offset null). A printed day takes the
clock of a machine instant of the same day (<time datetime>, <meta>, JSON-LD) with its offset. A
machine instant stated in UTC is read in the zone the page prints it in (a <time> of the same
instant with its offset, or a printed day and clock a whole quarter-hour away): published_date is
the date as printed, published_at the instant, the offset the page's. A machine instant
stated in UTC whose day is not the URL's is read in the site's zone when that puts it on the
URL's day (permalinks carry the local day).
"""

import re
from datetime import UTC, datetime, time, timedelta, timezone

from schemas import Signals
from transforms.metadata.date_candidates import candidates
from transforms.metadata.datetexts import MONTH_YEAR, Stamp
from transforms.metadata.timezones import home_zone

# A publication dated to its month only ("Originally published in March 2022. Last updated on ..."):
# the page's day of publication is not printed, so its "Updated" date does not stand in for it.
_PUBLISHED_MONTH = re.compile(rf"\b(?:published|posted)\b(?:\s+(?:in|on))?:?\s+{MONTH_YEAR.pattern}", re.IGNORECASE)
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
MIDNIGHT = time(0, 0)
EMPTY = {
    "published_at": None,
    "published_date": None,
    "published_offset_minutes": None,
    "published_precision": None,
    "published_source": None,
    "modified_at": None,
}


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


def _printed_later(machine: Stamp, printed: Stamp) -> bool:
    """The page prints a publication date after the one its metadata states; a day that the
    metadata's own instant falls on in some zone (UTC-12 .. UTC+14) is the same date, not a later one."""
    instant = machine.instant(UTC)
    if instant is None:
        return printed.day > machine.day
    return printed.day > max((instant + shift).date() for shift in _ZONE_SPAN)


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


def _printed_local(stamp: Stamp, zone, instant: datetime, found: dict[str, list[Stamp]]) -> tuple[Stamp, object]:
    """A machine instant stated in UTC, read in the zone the page prints it in: another stamp of the
    same instant with its own offset (<time datetime="2024-02-28T22:20-06:00"> beside JSON-LD's
    "2024-02-29T04:20Z", a printed "9:05 a.m. PDT"), else a printed day and clock that are that
    instant at a whole quarter-hour offset ("Feb. 28, 2024 10:20 pm"). The date as printed is the
    local one."""
    if stamp.zone is None or stamp.zone.utcoffset(None) != timedelta(0):
        return stamp, zone
    for kind in ("time", "jsonld", "meta", "text", "class"):
        for other in found[kind]:
            if other.zone is not None and other.zone.utcoffset(None) != timedelta(0) and other.instant(UTC) == instant:
                return other, other.zone  # "Aug. 2, 2024, 9:05 a.m. PDT" beside "2024-08-02T16:05:00Z" too
    for kind in ("text", "class"):
        for other in found[kind]:
            if other.zone is None and other.clock is not None:
                shift = datetime.combine(other.day, other.clock) - instant.replace(tzinfo=None)
                if shift and shift % timedelta(minutes=15) == timedelta(0) and _ZONE_SPAN[0] <= shift <= _ZONE_SPAN[1]:
                    local_zone = timezone(shift)
                    return Stamp(other.day, other.clock, local_zone), local_zone
    return stamp, zone


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


def _states_instant(stamp: Stamp) -> bool:
    """A CMS's publication stamp: a clock (not a midnight, a day written as an instant) and a zone."""
    return stamp.clock not in (None, MIDNIGHT) and stamp.zone is not None


def _modified_printed_over_a_day(found: dict[str, list[Stamp]], machine: Stamp) -> bool:
    """The metadata's publication date states a day, not an instant ("2024-09-06", "2024-05-09
    00:00:00 +0000", "2023-09-30 19:49:39" without a zone: a template's or an editor's field, not
    the CMS's stamp), and the byline prints a later day that the dateModified states and not the
    publication's: the page shows the version on the page, and a bare day is no stronger evidence
    than the print. Where the metadata states an instant, it wins (wcxb: the truth takes the
    metadata's day on 24 of the 30 pages of that shape, the printed day on all 4 of this one; on 2 of
    those 4 the print is labelled "Updated", and an update's day is no publication date, so they keep
    the metadata's day)."""
    printed = found["text"][:1]
    if _states_instant(machine) or not printed or printed[0].day <= machine.day:
        return False
    printed_days = {stamp.day for kind in ("text", "text_updated", "class", "class_updated") for stamp in found[kind]}
    return printed[0].day in {stamp.day for stamp in found["modified"]} and machine.day not in printed_days


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
    if machine and _modified_printed_over_a_day(found, machine[0]):
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
        if found[kind] and _printed_later(found["jsonld"][0], found[kind][0]):
            return _first(kind)
    return SOURCE_ORDER


def _clocked(found: dict[str, list[Stamp]], stamp: Stamp, source: str, bound: datetime) -> tuple[Stamp, str]:
    """A printed day with the clock of a machine stamp of the same day (<time datetime>, <meta>,
    JSON-LD): "Posted on May 3, 2024" beside <time datetime="2024-05-03T13:21:00Z"> is 13:21 UTC.
    Only an instant with its offset, not a midnight (a day written as an instant), not the
    modification's instant, not one after `bound`."""
    modified = {other.instant(UTC) for other in found["modified"]}
    for kind, kind_source in (("jsonld", "jsonld"), ("meta", "meta"), ("time", "meta")):
        for other in found[kind]:
            if (
                other.day == stamp.day
                and other.zone is not None
                and other.clock not in (None, MIDNIGHT)
                and other.instant(UTC) not in modified
                and other.instant(UTC) <= bound
            ):
                return other, kind_source
    return stamp, source


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
            stamp, stamp_source = _clocked(found, stamp, source, bound) if stamp.clock is None else (stamp, source)
            zone = stamp.zone or _page_zone(found, stamp.day) or home
            instant = stamp.instant(zone)
            if stamp.day > bound.date() or (instant and instant > bound):
                continue
            if instant and kind in ("jsonld", "meta"):
                stamp, zone = _printed_local(stamp, zone, instant, found)
            if instant and found["url"] and kind in ("jsonld", "meta"):
                stamp, zone = _url_local(stamp, zone, instant, found, home)
            out.update(
                published_date=stamp.day,
                published_source=stamp_source,
                published_precision="minute" if instant else "day",
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
