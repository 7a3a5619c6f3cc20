"""Where a local time printed without an offset is anchored: zone abbreviations and home zones.

In: a zone abbreviation ("ET", "GMT+8") or a publisher name / URL host. Out: a `ZoneInfo` or a
fixed offset, or None. The home-zone table is small on purpose: outlets (and wire agencies)
that print local times without an offset and sit in one zone. Agencies that file from
everywhere (AP, Reuters, AFP) are absent: their bare local times keep the day only.
"""

import re
from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from transforms.metadata.titles import key

# Publisher name (in `titles.key` form) or host suffix -> IANA zone.
HOME_ZONES = {
    "xinhua": "Asia/Shanghai",
    "xinhuanet.com": "Asia/Shanghai",
    "news.cn": "Asia/Shanghai",
    "新华网": "Asia/Shanghai",
    "新华社": "Asia/Shanghai",
    "人民网": "Asia/Shanghai",
    "中国日报网": "Asia/Shanghai",
    "中新网": "Asia/Shanghai",
    "央视网": "Asia/Shanghai",
    "chinadaily": "Asia/Shanghai",
    "chinadaily.com.cn": "Asia/Shanghai",
    "chinaorgcn": "Asia/Shanghai",
    "china.org.cn": "Asia/Shanghai",
    "peoplesdaily": "Asia/Shanghai",
    "people.com.cn": "Asia/Shanghai",
    "globaltimes": "Asia/Shanghai",
    "globaltimes.cn": "Asia/Shanghai",
    "cgtn": "Asia/Shanghai",
    "cgtn.com": "Asia/Shanghai",
    "chinanewsservice": "Asia/Shanghai",
    "cns": "Asia/Shanghai",
    "southchinamorningpost": "Asia/Hong_Kong",
    "scmp.com": "Asia/Hong_Kong",
    "kyodo": "Asia/Tokyo",
    "thejapantimes": "Asia/Tokyo",
    "japantimes.co.jp": "Asia/Tokyo",
    "yonhap": "Asia/Seoul",
    "koreaherald.com": "Asia/Seoul",
    "koreatimes.co.kr": "Asia/Seoul",
    "pti": "Asia/Kolkata",
    "ians": "Asia/Kolkata",
    "ani": "Asia/Kolkata",
    "thehindu.com": "Asia/Kolkata",
    "timesofindia.indiatimes.com": "Asia/Kolkata",
    "hindustantimes.com": "Asia/Kolkata",
    "straitstimes.com": "Asia/Singapore",
    "bernama": "Asia/Kuala_Lumpur",
    "antara": "Asia/Jakarta",
    "tass": "Europe/Moscow",
    "interfax": "Europe/Moscow",
    "anadoluagency": "Europe/Istanbul",
    "dpa": "Europe/Berlin",
    "ansa": "Europe/Rome",
    "efe": "Europe/Madrid",
    "pamedia": "Europe/London",
    "bbc.co.uk": "Europe/London",
    "theguardian.com": "Europe/London",
    "aap": "Australia/Sydney",
    "thecanadianpress": "America/Toronto",
    "anp": "Europe/Amsterdam",
    "belga": "Europe/Brussels",
    "apa": "Europe/Vienna",
    "keystonesda": "Europe/Zurich",
    "kna": "Europe/Berlin",
    "epd": "Europe/Berlin",
    "europapress": "Europe/Madrid",
    "lusa": "Europe/Lisbon",
    "agênciabrasil": "America/Sao_Paulo",
    "ntb": "Europe/Oslo",
    "ritzau": "Europe/Copenhagen",
    "stt": "Europe/Helsinki",
    "pap": "Europe/Warsaw",
    "čtk": "Europe/Prague",
    "mti": "Europe/Budapest",
    "ukrinform": "Europe/Kyiv",
    "rianovosti": "Europe/Moscow",
    "notimex": "America/Mexico_City",
    "télam": "America/Argentina/Buenos_Aires",
    "prensalatina": "America/Havana",
}
# Abbreviations printed after times; ambiguous ones (IST, CST for China) are left out. Generic
# names ("ET") follow the zone's summer time; a standard or daylight name ("EST", "EDT") states
# its offset, and is taken at its word even when the date says otherwise.
ABBREVIATIONS = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
}
FIXED_OFFSETS = {
    "est": -5,
    "edt": -4,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "bst": 1,
    "cet": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "jst": 9,
    "kst": 9,
    "hkt": 8,
    "sgt": 8,
    "aest": 10,
    "aedt": 11,
    "bjt": 8,
}
_GMT_OFFSET = re.compile(r"^(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def zone_for_abbreviation(abbr: str) -> tzinfo | None:
    abbr = abbr.strip().lower().strip(".()")
    match = _GMT_OFFSET.match(abbr)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
        return timezone(sign * timedelta(minutes=minutes)) if minutes <= 14 * 60 else None
    abbr = abbr.replace(".", "")
    if abbr in FIXED_OFFSETS:
        return timezone(timedelta(hours=FIXED_OFFSETS[abbr]))
    name = ABBREVIATIONS.get(abbr)
    return ZoneInfo(name) if name else None


def home_zone(publisher: str | None, host: str | None) -> tzinfo | None:
    """The zone of a publisher's bare local times, from the table, or None."""
    if publisher and key(publisher) in HOME_ZONES:
        return ZoneInfo(HOME_ZONES[key(publisher)])
    if host:
        for suffix, name in HOME_ZONES.items():
            if "." in suffix and (host == suffix or host.endswith("." + suffix)):
                return ZoneInfo(name)
    return None
