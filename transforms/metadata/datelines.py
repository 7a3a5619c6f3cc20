"""Datelines: the place (and credit) a news story opens with, cut from the body.

In: the first body paragraph. Out: (place, agency credit or None, the paragraph without the
dateline), or (None, None, paragraph) when it has none.
"WASHINGTON -" -> "Washington"; "BEIJING, Sept. 25 (Xinhua) --" -> "Beijing", "Xinhua";
"PARIS, 4 mars (Reuters) -" -> "Paris", "Reuters" (a day first, in any language the dates are read in);
"新华社北京9月25日电（记者张三）" -> "北京", "新华社";
"ST. LOUIS, Mo. (AP) —" -> "St. Louis". The place must be written in capitals, or be followed by
a date or a parenthesised credit: a sentence that merely starts with a capitalised word and a
dash is not a dateline.
"""

import re

from transforms.metadata.datetexts import INTL_MONTHS, MONTHS
from transforms.metadata.names import recase

# A dateline's place is short; longer capital runs are shouted headlines or acronyms lists.
MAX_PLACE_CHARS = 40

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# (written out: calendar.month_name follows the process's locale)
_ENGLISH_MONTHS = "january february march april may june july august september october november december".split()
_ENGLISH_MONTHS += [*MONTHS, "sept"]
_DASH = r"(?:-{1,2}|—|–|:)"
_CAPS_PLACE = r"(?P<caps>[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*){0,4})"
_ANY_PLACE = r"(?P<any>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.\-]{1,20}(?:\s+[A-Z][A-Za-z.\-]{1,20})?))?"
# Day first, in English or another language: "LONDON, 4 March (Reuters) -", "PARIS, 4 mars (Reuters) -",
# "BERLIN, 4. März (Reuters) -", "MADRID, 12 de mayo (Reuters) -".
_ANY_MONTH = "|".join(sorted({*INTL_MONTHS, *_ENGLISH_MONTHS}, key=len, reverse=True))
_DAY_FIRST = rf"\d{{1,2}}(?:er|\.)?\s+(?:de\s+)?(?i:{_ANY_MONTH})\.?(?:\s+(?:de\s+)?\d{{4}})?"
_DATE = rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|{_DAY_FIRST}))"
_CREDIT = r"(?:\s*\((?P<credit>[A-Za-z][\w.&' \-]{1,30})\))"  # "(AP)", "(Xinhua)", "(dpa)"

# Words that open a paragraph in capitals before a colon or a dash as a label, not a place ("CLAIM: ...",
# "EDITOR'S NOTE: ...", Axios' "WHY IT MATTERS: ...", "UPDATE — ...", AP's photo captions "FILE - ..."):
# colon datelines ("NEW DELHI: ...") exist too.
_LABELS = {
    "claim",
    "the facts",
    "facts",
    "fact check",
    "update",
    "updated",
    "breaking",
    "breaking news",
    "editor's note",
    "editors note",
    "note",
    "watch",
    "listen",
    "video",
    "photos",
    "analysis",
    "opinion",
    "exclusive",
    "correction",
    "clarification",
    "warning",
    "spoiler",
    "spoiler alert",
    "file",
    "review",
    "commentary",
    "explainer",
    "q",
    "a",
    "why it matters",
    "the big picture",
    "driving the news",
    "what's next",
    "whats next",
    "between the lines",
    "zoom in",
    "flashback",
    "the bottom line",
    "bottom line",
    "go deeper",
    "read more",
    "related",
    "live",
    "summary",
    "key points",
    "highlights",
    "disclaimer",
    "disclosure",
    "sponsored",
    "advertisement",
    "background",
    "tldr",
    "tl;dr",
    "project",
    "overview",
    "introduction",
    "abstract",
    "objective",
    "goal",
    "problem",
    "solution",
    "result",
    "results",
    "conclusion",
    "important",
    "tip",
    "pro tip",
    "bonus",
    "fyi",
    "ps",
    "faq",
    "step",
    "example",
    "quote",
    "source",
    "sources",
    "credit",
    "credits",
    "photo",
    "image",
}
_CAPS_DATELINE = re.compile(rf"^{_CAPS_PLACE}{_REGION}{_DATE}?{_CREDIT}?\s*{_DASH}\s+(?=\S)")
_ANY_DATELINE = re.compile(rf"^{_ANY_PLACE}{_REGION}{_DATE}?{_CREDIT}?\s*{_DASH}\s+(?=\S)")


# A Chinese wire dateline: the agency (or "本报", this paper: without one, "北京3月4日电影节" is a film
# festival), the place, the day and "电" ("filed"), and the reporters in brackets:
# "新华社北京9月25日电（记者张三）", "中新网上海3月4日电", "本报北京3月4日电 ".
_CJK_AGENCIES = "新华社|中新社|中新网|人民网|央视网|中国日报网|路透社|法新社|美联社|共同社|韩联社|本报"
_CJK_DATELINE = re.compile(
    rf"^(?P<credit>{_CJK_AGENCIES})(?:记者)?(?P<place>[\u4e00-\u9fff]{{2,8}}?)\d{{1,2}}月\d{{1,2}}日电"
    r"(?:\s*[（(](?P<reporters>[^）)]{1,40})[）)])?\s*"
)


def dateline_reporters(paragraph: str) -> str | None:
    """The reporters a Chinese wire dateline names in its brackets ("记者张三、李四"), else None."""
    match = _CJK_DATELINE.match(paragraph)
    return match.group("reporters") if match else None


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    match = _CJK_DATELINE.match(paragraph)
    if match and match.end() < len(paragraph):
        credit = match.group("credit")
        return match.group("place"), (None if credit == "本报" else credit), paragraph[match.end() :]
    for pattern, group in ((_CAPS_DATELINE, "caps"), (_ANY_DATELINE, "any")):
        match = pattern.match(paragraph)
        if not match:
            continue
        if group == "any" and not (match.group("date") or match.group("credit")):
            continue
        place = match.group(group).strip(" .")
        if len(place) > MAX_PLACE_CHARS or len(place) < 2 or (group == "caps" and len(place.replace(".", "")) < 3):
            continue
        if (
            group == "caps"
            and not any(c.islower() for c in place)
            and len(place.split()) == 1
            and len(place) <= 3
            and not match.group("credit")
        ):
            continue  # "US - ..." / "AI: ..." are not places with a dateline
        if place.lower().replace("’", "'") in _LABELS:
            continue  # "CLAIM: ...", "EDITOR'S NOTE — ...", "Editor's Note, May 3, 2025: ...", "FILE - ..." are labels
        rest = paragraph[match.end() :]
        if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘"):
            continue
        return recase(place), match.group("credit"), rest
    return None, None, paragraph
