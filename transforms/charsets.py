"""Which text encoding a page's bytes are in, and the text they decode to.

In: the raw bytes of one page (gunzipped). Out: (text, encoding name) from `decode_text`, which never
raises: unreadable bytes become U+FFFD. The order is the browsers': byte-order mark, then the page's
own declaration (meta charset, http-equiv, XML declaration) when it decodes cleanly, then strict
UTF-8 (a page with a few broken bytes stays UTF-8), then detection with charset-normalizer limited
to the web's legacy encodings (`detect_charset`); unlike a browser, a declaration the bytes plainly
contradict is passed over (a scraped file has lost its HTTP header, often the right one; see
`decode_text`). WHATWG aliases apply (latin-1 means windows-1252,
gb2312 means GBK/GB18030; a declared UTF-16 without a BOM means UTF-8), and a declared label that is
not a web encoding (`rot13`, `zlib`, `punycode`) is ignored, as browsers do. `transforms.decode`
builds the page around it.

  .venv/bin/python -m pytest tests/test_decode.py -q
"""

import codecs
import re

from charset_normalizer import from_bytes

# How far into a page the charset declaration and the format are looked for.
SNIFF_BYTES = 4096
# Share of invalid UTF-8 bytes below which a page is taken as UTF-8 with a few broken bytes
# (a real UTF-8 page with one bad byte) rather than as some other encoding.
UTF8_ERROR_TOLERANCE = 0.002
# How much of a page charset-normalizer looks at: enough to decide, bounded in cost.
DETECT_BYTES = 64 * 1024
# Chaos (mess) scores this close count as a tie, broken by language coherence.
CHAOS_TIE = 0.002
# The legacy encodings a browser knows (WHATWG Encoding Standard), as Python codecs. Detection is
# limited to them: obscure codecs (hp-roman8, cp1125, ...) fit random bytes too well.
WEB_ENCODINGS = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_8",
    "iso8859_15",
    "koi8_r",
    "koi8_u",
    "cp866",
    "cp874",
    "mac_roman",
    "gb18030",
    "big5",
    "euc_jp",
    "iso2022_jp",
    "cp932",
    "cp949",
)

# Share of a page's non-ASCII bytes its declared charset may fail on before a detected charset that
# reads them all is preferred (a cp1252 page with a stray 0x81 keeps its declaration; EUC-JP read
# as Shift_JIS fails on ~3%: most byte pairs are valid there too).
MAX_DECLARED_ERRORS = 0.01
MIN_DECLARED_ERRORS = 10  # and at least this many: a short page's one stray byte is no share
# Runs of 4+ non-ASCII letters ("Ïðåçèäåíò") in the first DETECT_BYTES of a Latin charset's reading
# that make it implausible: no Western language writes even one ("Þjóð", "ção" have ASCII letters
# between), while Cyrillic, Greek, Hebrew or Arabic bytes read as Latin give one a word.
MAX_NON_ASCII_RUNS = 5
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\W\d_]{4,}")
_ASCII_BYTES = bytes(range(128))  # deleted to count the others
_HIGH_BYTES = bytes(0x80 if b >= 0x80 else 0x20 for b in range(256))  # a translate table: non-ASCII -> 0x80
# Codecs of more than one byte a character, where bytes may be valid UTF-8 by chance on short text.
_MULTI_BYTE = frozenset(
    codecs.lookup(n).name
    for n in ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "euc_jp", "euc_jis_2004", "iso2022_jp")
    + ("cp932", "shift_jis", "cp949", "euc_kr", "iso2022_kr", "hz", "utf-8")
)
# Single-byte charsets of Latin script.
_LATIN = frozenset(
    codecs.lookup(n).name
    for n in ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "iso8859_9", "cp1257")
    + ("iso8859_13", "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_14", "iso8859_16", "mac_roman")
)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)["']""", re.I)
# WHATWG encoding labels that differ from Python's codec of the same name.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "big5": "big5hkscs",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "tis-620": "cp874",
    "iso-8859-9": "cp1254",
    "utf8": "utf-8",
    "unicode": "utf-8",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "x-user-defined": "cp1252",
}
# Codecs a declared charset may name (others, like rot13 or punycode, are not page encodings).
_WEB_CODECS = frozenset(
    codecs.lookup(n).name
    for n in (
        *WEB_ENCODINGS,
        "utf-8",
        "big5hkscs",
        "iso8859_3",
        "iso8859_4",
        "iso8859_6",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_16",
        "mac_cyrillic",
        "gbk",
        "gb2312",
        "shift_jis",
        "euc_kr",
        "iso8859_9",
        "cp1125",
        "iso2022_kr",
        "euc_jis_2004",
        "hz",
        "latin_1",
    )
)


def declared_charset(raw: bytes) -> str | None:
    head = raw[:SNIFF_BYTES]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name if name in _WEB_CODECS else None


def decode_text(raw: bytes) -> tuple[str, str]:
    """(text, encoding name). Never raises on bytes; unreadable bytes become U+FFFD.

    A declaration is wrong, and passed over, when the bytes say so: a single-byte charset declared
    over valid UTF-8 that has non-ASCII bytes (multi-byte UTF-8 does not happen by chance); a Latin
    charset whose reading has runs of accented letters no Western language writes ("Ïðåçèäåíò":
    Cyrillic, Greek, Hebrew or Arabic bytes); a declaration under which most non-ASCII bytes are
    invalid while a detected charset reads them all (Shift_JIS declared as UTF-8). A declared
    charset with a few bad bytes is kept, the damage marked."""
    for bom, name in BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(name, errors="replace"), name
    declared = declared_charset(raw)
    utf8 = _strict(raw, "utf-8")
    if utf8 is not None and declared and (declared == "utf-8" or (declared not in _MULTI_BYTE and not raw.isascii())):
        return utf8, "utf-8"
    # counted past the common case above: the count costs as much as the decoding (~0.14 ms a page)
    non_ascii = len(raw.translate(None, _ASCII_BYTES))
    if declared and declared != "utf-8":
        text = _strict(raw, declared)
        if text is not None:
            if not _implausible(raw, text, declared):
                return text, declared
            declared = None  # an implausible reading: detect instead
    if utf8 is not None:
        return utf8, "utf-8"
    text = raw.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(1, non_ascii * UTF8_ERROR_TOLERANCE):
        return text, "utf-8"
    name = detect_charset(raw[:DETECT_BYTES])
    name = codecs.lookup(_ALIASES.get(name, name)).name
    detected = _strict(raw, name) if name != declared else None  # the declared one failed above
    if declared and name != declared:  # declared and broken: keep its word unless it is mostly wrong
        text = text if declared == "utf-8" else raw.decode(declared, errors="replace")
        errors = text.count("\ufffd")
        if detected is None or errors < MIN_DECLARED_ERRORS or errors <= non_ascii * MAX_DECLARED_ERRORS:
            return text, declared
    return (raw.decode(name, errors="replace") if detected is None else detected), name


def _implausible(raw: bytes, text: str, declared: str) -> bool:
    """Whether a Latin charset's reading has runs of non-ASCII letters no Western language writes.
    Such a run is 4 non-ASCII bytes in a row (a single-byte charset: a byte a character), so pages
    without MAX_NON_ASCII_RUNS of those, most French or German ones, skip the regex (~0.6 ms on 64 KB;
    the count of byte runs, in C, ~0.07 ms)."""
    if declared not in _LATIN or raw[:DETECT_BYTES].translate(_HIGH_BYTES).count(b"\x80" * 4) < MAX_NON_ASCII_RUNS:
        return False
    return len(_NON_ASCII_RUN.findall(text, 0, DETECT_BYTES)) >= MAX_NON_ASCII_RUNS


def _strict(raw: bytes, name: str) -> str | None:
    """The bytes decoded, or None where one is not of this charset."""
    try:
        return raw.decode(name)
    except UnicodeDecodeError:
        return None


def detect_charset(raw: bytes) -> str:
    """charset-normalizer's guess, re-ranked: among the least chaotic candidates, the most coherent.

    Its own `best()` ranks by chaos first, so on a Latin-1 Spanish page windows-1250 (no chaos,
    lower coherence) beat windows-1252 and turned "años" into "ańos".
    """
    candidates = list(from_bytes(raw, cp_isolation=list(WEB_ENCODINGS)))
    if not candidates:
        return "cp1252"  # the web's most common legacy encoding, and it decodes every byte
    least = min(c.chaos for c in candidates)
    close = [c for c in candidates if c.chaos <= least + CHAOS_TIE]
    return max(close, key=lambda c: (c.coherence, c.encoding == "cp1252")).encoding
