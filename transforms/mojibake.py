"""Mojibake repair: text whose UTF-8 bytes were once read as Windows-1252 or Latin-1 and written
out again as UTF-8 ("isnâ€™t" for "isn't", "JaroÅ\\x84" for "Jaroń").

Sites do this to themselves (a CMS that re-encodes its database's text): the bytes are valid
UTF-8, the page declares UTF-8, and a browser shows the garbage too, so no charset choice can
help. 22 of the 873 dev pages carry it, in bodies, titles and bylines. ftfy undoes it and leaves
real accented text alone; it is slow on a whole page (~50 ms for 100 KB), so it runs only on the
lines that carry a suspect pair: a letter from Â to ô (the Latin-1 reading of a UTF-8 lead byte)
followed by a character that a UTF-8 continuation byte becomes in Windows-1252 or Latin-1. A
page's bytes are screened first with the same pair as bytes (~0.15 ms a page; the test on the
decoded text costs ~2.3 ms).

A page that writes mojibake on purpose (an article about mojibake) is "repaired" too: ftfy's
trade-off, and ours.
"""

import re

import ftfy

# What a UTF-8 continuation byte (0x80-0xBF) reads as in Windows-1252, and in Latin-1 (C1 controls).
_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152"
    "\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
# Characters of suspect lines repaired per text at most: ftfy takes ~0.3 s a MB, and decoding runs
# outside the extractor's time limit. No dev page comes near it; a hostile page keeps the rest.
MAX_REPAIR_CHARS = 1_000_000
_SUSPECT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
# The same pair once the garbage is itself encoded as UTF-8: the lead letter (C3 82..C3 B4), then
# one of those characters' UTF-8 forms.
_SUSPECT_BYTES = re.compile(
    rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xe2(?:\x80[\x93-\xba]|\x82\xac|\x84\xa2)"
    rb"|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c])"
)


def suspect_bytes(raw: bytes) -> bool:
    """Whether UTF-8 bytes may hold mojibake (a cheap screen; `repair` decides). Every suspect pair
    opens with the byte C3, which most pages do not hold: a byte search finds that 3x faster than
    the pattern's scan does (on 680 corpus and dev pages, 0.05 against 0.15 ms a page)."""
    return b"\xc3" in raw and _SUSPECT_BYTES.search(raw) is not None


def _suspect_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of lines holding a suspect pair, in order, at most
    MAX_REPAIR_CHARS in all; consecutive such lines form one run (one ftfy call)."""
    spans: list[tuple[int, int]] = []
    total = 0
    for match in _SUSPECT.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        total += end - start
        if total > MAX_REPAIR_CHARS:
            break
        if spans and start == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def repair(text: str) -> str:
    """`text` with its mojibake lines decoded back, the other lines untouched."""
    spans = _suspect_lines(text)
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], ftfy.fix_encoding(text[start:end])]
        last = end
    parts.append(text[last:])
    return "".join(parts)
