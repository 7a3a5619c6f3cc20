"""Reading one date: machine-readable values (ISO 8601 and kin) and dates printed in visible text.

In: one raw string. Out: a `Stamp` (calendar day as printed, local wall time if any, zone if
stated) or None. A bare year or a month without a day is not a date; an ambiguous numeric date
("03/04/2021") is not guessed; relative dates ("3 hours ago") are not read (no reference time).
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from transforms.metadata.timezones import zone_for_abbreviation

# Dates before this year are OCR noise, ids or birthdays, not publication dates of web pages.
MIN_YEAR = 1900
# The Unix epoch's day, and its eve (the epoch read in a zone west of Greenwich: "1969-12-31T19:00
# -05:00"), is a zero timestamp a CMS or a scraper writes for a date it lacks ("1970-01-01T00:00:00Z",
# news-please's date_publish "1970-01-01 00:00:00"), not a publication date.
PLACEHOLDER_DAYS = frozenset({date(1970, 1, 1), date(1969, 12, 31)})

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# Month names of the other languages news pages come in, and their printed abbreviations, one line a
# language, January to December ("a|b": either spelling): "12 de mayo de 2024", "3. März 2024", "1er mars
# 2024", "04-ago-2021", "3 dic. 2025", "3 декабря 2025", "3 grudnia 2025". English's own are in _MONTH.
_INTL_MONTH_NAMES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre",  # es
    "ene feb mar abr may jun jul ago sep|sept|set oct nov dic",  # es, it, pt abbreviated
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",  # pt
    "jan fev mar abr mai jun jul ago set out nov dez",  # pt abbreviated
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",  # fr
    "janv févr|fév mars avr mai juin juil août sept oct nov déc",  # fr abbreviated
    "januar februar märz april mai juni juli august september oktober november dezember",  # de, da, no
    "jan feb mär|mrz apr mai jun jul aug sep okt nov dez",  # de abbreviated
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",  # it
    "gen feb mar apr mag giu lug ago set ott nov dic",  # it abbreviated
    "januari februari maart april mei juni juli augustus september oktober november december",  # nl, sv
    "jan feb mrt apr mei jun jul aug sep okt nov dec",  # nl abbreviated
    "januari februari mars april maj juni juli augusti september oktober november december",  # sv
    "januar februar marts april maj juni juli august september oktober november december",  # da
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",  # ru (of the month)
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",  # pl
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",  # tr
)
INTL_MONTHS = {
    name: month
    for names in _INTL_MONTH_NAMES
    for month, spellings in enumerate(names.split(), 1)
    for name in spellings.split("|")
}
# Looked up in capitals: a case-blind match may differ from the name in lower case ("KASIM" matches
# "kasım", but lowers to "kasim").
_INTL_BY_CAPITALS = {name.upper(): month for name, month in INTL_MONTHS.items()}
# A month named and its year, no day between them ("March 2022", "Sept. 2019").
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
# What may follow a year written after a month name: not a digit, unless a time is glued to it
# ("June 3, 202411:02 AM"); a word glued to it ("June 3, 2024Updated") ends the date.
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d{2}))"
_INTL_MONTH = "|".join(sorted(INTL_MONTHS, key=len, reverse=True))
_INTL_PARTS = (r"\d{1,2}", _INTL_MONTH, r"(?:19|20)\d{2}")


def _intl_date(group: str) -> str:
    """A day, an other language's month and a year: "3. März 2024", "12 de mayo de 2024", "1er mars
    2024", "04-ago-2021", "3 dic. 2025"; `group` opens each part's group ("(": day, month and year are
    groups 1-3, "(?:": no groups). Case-blind."""
    day, month, year = (f"{group}{part})" for part in _INTL_PARTS)
    return rf"\b{day}(?:\.?(?:er|º|°)?\s+(?:de\s+)?|-){month}\.?(?:,?\s+(?:de\s+)?|-){year}\b"


# For other modules' date patterns: no groups of its own.
INTL_DATE = _intl_date("(?:")
_PRINTED = [
    ("ymd", re.compile(r"\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("ymd", re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    ("ymd", re.compile(r"((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")),  # Korean
    ("ymd_name", re.compile(rf"\b((?:19|20)\d{{2}})\s+{_MONTH}\s+(\d{{1,2}})\b", re.IGNORECASE)),  # "2023 Jan 7"
    # "May 2, 2024", "May 2 2024", "May 2,2024" (no space after the comma); "2 May 2024", "2 May,2024"
    (
        "mdy",
        re.compile(
            rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:[,.]\s*|\s+)((?:19|20)\d{{2}}){_YEAR_END}", re.IGNORECASE
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,\s*|\s+)((?:19|20)\d{{2}}){_YEAR_END}",
            re.IGNORECASE,
        ),
    ),
    ("dmy", re.compile(rf"\b(\d{{1,2}})-{_MONTH}-((?:19|20)\d{{2}})\b", re.IGNORECASE)),  # "02-May-2024"
    ("dmy_intl", re.compile(_intl_date("("), re.IGNORECASE)),
    ("num", re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d{2})\b")),
]
_NUMERIC = _PRINTED[-1][1]
_WORD_ORDERS = [(kind, pattern) for kind, pattern in _PRINTED if kind in ("mdy", "dmy", "dmy_intl")]
_TIME = re.compile(
    r"(?<![\d:])(\d{1,2})[:.h](\d{2})(?::\d{2})?(?![\d:])\s*(a\.?m\.?|p\.?m\.?)?"
    r"(?:\s*\(?((?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?:UTC|GMT|[A-Z]{1,4}T|ET|PT|CT|MT|Z)(?-i:(?![a-z]))|[+-]\d{2}:?\d{2})\)?)?",
    re.IGNORECASE,
)
# How far (chars) after a printed date a time is still taken as that date's time.
TIME_WINDOW = 30
# A note that dates the article's first publication, on the page wherever it is ("This article was
# originally published on 26 Sep 2019 at 4:12pm but has been regularly updated"), read up to
# ORIGINAL_NOTE_CHARS; "originally published in March 2022" and "... at <url>" are not it.
ORIGINALLY_PUBLISHED = re.compile(r"(?i)\boriginally published (?:on )?(?=\S*\d)")
ORIGINAL_NOTE_CHARS = 200


@dataclass(frozen=True)
class Stamp:
    day: date
    clock: time | None = None  # local wall time, minute precision
    zone: tzinfo | None = None  # stated zone or offset, None when the page did not say

    def instant(self, zone: tzinfo | None = None) -> datetime | None:
        """The UTC instant, with `zone` used when the stamp states none; None without a time."""
        tz = self.zone or zone
        if self.clock is None or tz is None:
            return None
        return datetime.combine(self.day, self.clock, tzinfo=tz).astimezone(UTC)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        value = date(y, m, d)
    except ValueError:
        return None
    return value if value.year >= MIN_YEAR and value not in PLACEHOLDER_DAYS else None


# The widest UTC offset in use (UTC+14, Line Islands; the narrowest is UTC-12).
MAX_OFFSET_MINUTES = 14 * 60


def parse_machine(raw: str) -> Stamp | None:
    """ISO 8601 and the near-ISO forms found in JSON-LD, <meta> and <time datetime>."""
    value = str(raw).strip()
    match = re.match(
        r"^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?\d{2}(?:[.,]\d+)?)?\s*"
        r"(Z|[+-]\d{2}(?::?\d{2})?)?)?",
        value,
    )
    if not match:
        return find_printed(value)
    day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if day is None:
        return None
    if match.group(4) is None:
        return Stamp(day)
    hour, minute = int(match.group(4)), int(match.group(5))
    if hour > 23 or minute > 59:
        return Stamp(day)
    zone = None
    if match.group(6):
        off = match.group(6)
        if off == "Z":
            zone = UTC
        else:
            digits = off[1:].replace(":", "")
            minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
            if minutes > MAX_OFFSET_MINUTES or int(digits[2:4] or 0) > 59:
                return Stamp(day)  # "+80:00" is no offset: the day stands, the clock is not placed
            zone = timezone((-1 if off[0] == "-" else 1) * timedelta(minutes=minutes))
    return Stamp(day, time(hour, minute), zone)


def numeric_order(texts: list[str]) -> str | None:
    """ "dmy" or "mdy" when the page's unambiguous numeric dates (a part above 12) all read one way:
    "8/27/2025" settles "8/1/2025" on the same page as August 1. Without those, the order of its
    dates in words ("16 May 2024" day first, "May 16, 2024" month first). None when mixed or absent."""
    numeric, words = set(), set()
    for line in texts:
        for a, _, b, _ in _NUMERIC.findall(line):
            if int(a) > 12 >= int(b):
                numeric.add("dmy")
            elif int(b) > 12 >= int(a):
                numeric.add("mdy")
        words.update(kind[:3] for kind, pattern in _WORD_ORDERS if pattern.search(line))
    orders = numeric or words
    return orders.pop() if len(orders) == 1 else None


# English-speaking regions that write the month first ("3/4/2024" is March 4): the United States and
# the Philippines. Elsewhere, and in every other language, the day comes first.
_MONTH_FIRST_REGIONS = frozenset({"US", "PH"})


def locale_order(tag: str | None) -> str | None:
    """ "dmy" or "mdy" for numeric dates on a page that declares this language (a BCP 47 tag in its
    canonical case): "en-US" month first, "en-GB", "de", "fr-CA" day first; None for English with no
    region (both orders are common)."""
    if not tag:
        return None
    language, _, rest = tag.partition("-")
    if language != "en":
        return "dmy"
    region = next((part for part in rest.split("-") if len(part) == 2 and part.isupper()), None)
    if region is None:
        return None
    return "mdy" if region in _MONTH_FIRST_REGIONS else "dmy"


def _day(kind: str, groups: tuple, order: str | None = None) -> date | None:
    if kind == "ymd":
        return _safe_date(int(groups[0]), int(groups[1]), int(groups[2]))
    if kind == "ymd_name":
        return _safe_date(int(groups[0]), MONTHS[groups[1][:3].lower()], int(groups[2]))
    if kind == "mdy":
        return _safe_date(int(groups[2]), MONTHS[groups[0][:3].lower()], int(groups[1]))
    if kind == "dmy_intl":
        return _safe_date(int(groups[2]), _INTL_BY_CAPITALS[groups[1].upper()], int(groups[0]))
    if kind == "dmy":
        return _safe_date(int(groups[2]), MONTHS[groups[1][:3].lower()], int(groups[0]))
    a, sep, b, year = int(groups[0]), groups[1], int(groups[2]), int(groups[3])
    if order:
        return _safe_date(year, b, a) if order == "dmy" else _safe_date(year, a, b)
    if a > 12 or (sep == "." and b <= 12):
        return _safe_date(year, b, a)  # day first (or the dotted European form)
    if b > 12:
        return _safe_date(year, a, b)
    return None  # 03/04/2021: March 4 or 3 April; not guessed


def _clock(text: str) -> tuple[time | None, tzinfo | None]:
    match = _TIME.search(text)
    if not match:
        return None, None
    hour, minute, half, abbr = int(match.group(1)), int(match.group(2)), match.group(3), match.group(4)
    if half:
        if hour > 12:
            return None, None
        hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None, None
    zone = None
    if abbr:
        if re.match(r"^[+-]\d{2}:?\d{2}$", abbr):
            digits = abbr[1:].replace(":", "")
            zone = timezone((-1 if abbr[0] == "-" else 1) * timedelta(minutes=int(digits[:2]) * 60 + int(digits[2:])))
        else:
            zone = zone_for_abbreviation(abbr)
    return time(hour, minute), zone


def find_printed_all(text: str, order: str | None = None) -> list[tuple[int, Stamp]]:
    """Every date printed in `text` with its position, each with the time that follows it;
    numeric dates read in `order` ("dmy"/"mdy", see `numeric_order`) when it is given."""
    return [(start, stamp) for start, _, stamp in find_printed_spans(text, order)]


def find_printed_spans(text: str, order: str | None = None) -> list[tuple[int, int, Stamp]]:
    """`find_printed_all` with where each date's text ends (its time not included). Of two readings
    that overlap, the one starting first wins: "July 4, 2025 February 9, 2026" is two dates, not
    "2025 February 9" (the year-first form); at the same start, the earlier pattern."""
    matches = sorted(
        (
            (match.start(), rank, kind, match)
            for rank, (kind, pattern) in enumerate(_PRINTED)
            for match in pattern.finditer(text)
        ),
        key=lambda m: (m[0], m[1]),
    )
    found = []
    for _, _, kind, match in matches:
        if found and match.start() < found[-1][1]:
            continue
        day = _day(kind, match.groups(), order)
        if day is None:
            continue
        after = text[match.end() : match.end() + TIME_WINDOW]
        before = text[max(0, match.start() - TIME_WINDOW // 2) : match.start()]
        clock, zone = _clock(after)
        if clock is None:
            clock, zone = _clock(before)
        found.append((match.start(), match.end(), Stamp(day, clock, zone)))
    return found


def find_printed(text: str) -> Stamp | None:
    found = find_printed_all(text)
    return found[0][1] if found else None
