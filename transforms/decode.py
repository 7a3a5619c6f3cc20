"""Bytes to a decoded page: gzip with a size cap, format sniffing, charset detection.

In: the raw bytes of one input file (or a readable stream of them). Out: a `Page` (HTML or text
dump, decoded to str) or a `Failure` with a stable reason code. Nothing here raises on bad
input; it is all plain functions, tested without Beam.

Charset order, as browsers do it: byte-order mark, then the page's own declaration (meta charset,
http-equiv, XML declaration) when it decodes cleanly, then strict UTF-8, then detection with
charset-normalizer. WHATWG aliases apply (latin-1 means windows-1252, gb2312 means GBK/GB18030;
a declared UTF-16 without a BOM means UTF-8), and a declared label that is not a web encoding
(`rot13`, `zlib`, `punycode`) is ignored, as browsers do. UTF-8 text that a site double-encoded
itself ("isnâ€™t") is decoded back (`transforms.mojibake`).

Hostile markup is defused before any parser sees it: the XML declaration goes (lxml refuses a
decoded string that still declares an encoding) and so does a DOCTYPE internal subset, so no
entity declaration (external file, billion laughs) ever reaches lxml; C0 control characters
(NUL included) are dropped, since lxml rejects them.
"""

import codecs
import json
import re
import zlib
from typing import BinaryIO

from charset_normalizer import from_bytes

from schemas import Failure, Page
from transforms import mojibake
from transforms.errors import TooLarge

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16
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

# How far into an HTML page a DOCTYPE internal subset is looked for (it belongs before <html>).
DOCTYPE_SEARCH_CHARS = 1 << 20

_BOMS = (
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
# C0 controls other than tab, newline, carriage return and form feed: lxml rejects them.
# A regex, not str.translate: translate walks every character in Python-level lookups (~50 ms on
# a 400 KB page), the regex scans in C and only rewrites pages that have such characters.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]+")
# In ASCII-compatible encodings those controls are these same bytes, and no multi-byte sequence
# uses them, so deleting every other byte leaves nothing exactly when the text has none.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 8 or b == 11 or 14 <= b <= 31))
# Control bytes that mark a file as binary when they are over 5% of its head (tab, LF, VT, FF, CR pass).
_BINARY_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)
_XML_DECL_TEXT = re.compile(r"\A\ufeff?\s*<\?xml\b[^>]{0,500}\?>", re.I)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE\b([^\[>]{0,500})\[", re.I)
_SUBSET_END = re.compile(r"\]\s*>")
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"PK\x03\x04",
    b"RIFF",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
    b"\x1a\x45\xdf\xa3",
    b"II*\x00",
    b"MM\x00*",
)
_HTML_START = re.compile(
    r"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p[\s>]|article[\s>]|"
    r"section[\s>]|h1[\s>]|table[\s>]|span[\s>]|a\s|br\s*/?>|!--)",
    re.I,
)


def read_capped(stream: BinaryIO, limit: int) -> bytes:
    """Read a stream, gunzipping it when it starts with the gzip magic, never past `limit` bytes.

    Raises TooLarge past the limit (raw or decompressed: a gzip bomb stops at the cap) and
    ValueError on a corrupt or truncated gzip stream.
    """
    head = stream.read(2)
    if head != GZIP_MAGIC:
        data = head + stream.read(limit - len(head) + 1)
        if len(data) > limit:
            raise TooLarge(f"file is over {limit} bytes")
        return data
    out = bytearray()
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    in_member = True  # inside a gzip member that has not reached its end yet
    pending = head + stream.read(CHUNK)
    while pending:
        while pending:
            if not in_member:  # concatenated members are legal; anything else after one is not
                if pending[:2] != GZIP_MAGIC:
                    break
                inflater, in_member = zlib.decompressobj(16 + zlib.MAX_WBITS), True
            try:
                out += inflater.decompress(pending, limit - len(out) + 1)
            except zlib.error as err:
                raise ValueError(f"corrupt gzip stream: {err}") from None
            if len(out) > limit:
                raise TooLarge(f"decompressed size is over {limit} bytes")
            if inflater.eof:
                in_member, pending = False, inflater.unused_data
            else:
                pending = inflater.unconsumed_tail
        pending = stream.read(CHUNK)
    if in_member:
        raise ValueError("truncated gzip stream")
    return bytes(out)


def has_controls(raw: bytes, encoding: str) -> bool:
    """Whether decoded text may hold C0 controls lxml rejects; a C-speed byte scan when it can."""
    if encoding.startswith(("utf-16", "utf-32")):
        return True  # their bytes are full of NULs: let the regex look at the text itself
    return bool(raw.translate(None, _NOT_CONTROL_BYTES))


def is_binary(raw: bytes) -> bool:
    head = raw[:SNIFF_BYTES]
    if head.startswith(_BINARY_MAGIC):
        return True
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _BINARY_CONTROL_BYTES))  # a C-speed count
    return controls > len(head) * 0.05


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
    """(text, encoding name). Never raises on bytes; unreadable bytes become U+FFFD."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(name, errors="replace"), name
    declared = declared_charset(raw)
    if declared:
        try:
            return raw.decode(declared), declared
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    non_ascii = len(raw.translate(None, bytes(range(128)))) or 1
    if text.count("\ufffd") <= max(1, non_ascii * UTF8_ERROR_TOLERANCE):
        return text, "utf-8"
    if declared:  # declared but broken beyond repair: keep the page's word, mark the damage
        return raw.decode(declared, errors="replace"), declared
    name = detect_charset(raw[:DETECT_BYTES])
    name = _ALIASES.get(name, name)
    return raw.decode(name, errors="replace"), codecs.lookup(name).name


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


def sniff_format(text: str) -> str:
    """'html', 'text', or 'not_a_page' (JSON, feeds, CSV, ...), from the content alone."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    if head[:1] in "{[":
        try:
            json.loads(text)
            return "not_a_page"
        except (ValueError, RecursionError):  # RecursionError: thousands of nested brackets
            pass
    if head.startswith("<?xml") and not re.search(r"<(html|!doctype html)", head, re.I):
        return "not_a_page"
    if _HTML_START.search(head[:1024]) and head.startswith("<"):
        return "html"
    if len(_HTML_START.findall(head)) >= 3:
        return "html"
    if _looks_tabular(head):
        return "not_a_page"
    return "text"


def defuse_markup(text: str) -> str:
    """HTML with the XML declaration and any DOCTYPE internal subset (entity declarations) removed."""
    text = _XML_DECL_TEXT.sub("", text, count=1)
    match = _DOCTYPE_SUBSET.search(text, 0, DOCTYPE_SEARCH_CHARS)
    if match:
        end = _SUBSET_END.search(text, match.end())
        # An unclosed subset swallows the page: keep nothing of it rather than hand it to a parser.
        text = text[: match.start()] + f"<!DOCTYPE{match.group(1).rstrip()}>" + (text[end.end() :] if end else "")
    return text


def _looks_tabular(head: str) -> bool:
    lines = [line for line in head.splitlines()[:20] if line.strip()]
    if len(lines) < 5:
        return False
    for sep in (",", "\t", ";", "|"):
        counts = [line.count(sep) for line in lines]
        if counts[0] >= 2 and sum(c == counts[0] for c in counts) >= 0.8 * len(counts):
            return True
    return False


def excerpt(raw: bytes | str, size: int = 200) -> str:
    if isinstance(raw, bytes):
        raw = raw[: size * 4].decode("utf-8", errors="replace")
    return raw[:size]


def decode_page(
    source_uri: str, raw: bytes, *, record_id: str = "", url: str | None = None, crawled_at=None
) -> Page | Failure:
    """One input document's bytes (already gunzipped) to a Page, or a Failure saying why not."""

    def fail(reason: str, error: str) -> Failure:
        return Failure(source_uri, "read", reason, error, excerpt(raw), record_id, len(raw))

    if not raw.strip():
        return fail("empty", "no content" if not raw else "whitespace only")
    if is_binary(raw):
        return fail("not_a_page", "binary content")
    text, encoding = decode_text(raw)
    if not text.strip():
        return fail("empty", "whitespace only after decoding")
    if text.count("\ufffd") > len(text) * 0.2:
        return fail("decode_error", f"mostly undecodable as {encoding}")
    if has_controls(raw, encoding):
        text = _CONTROLS.sub("", text)
    if encoding == "utf-8" and mojibake.suspect_bytes(raw):
        text = mojibake.repair(text)
    fmt = sniff_format(text)
    if fmt == "not_a_page":
        return fail("not_a_page", "structured data, not a page (JSON, XML feed or table)")
    if fmt == "html":
        text = defuse_markup(text)
    if not text.strip():
        return fail("empty", "no content left after removing control characters and declarations")
    return Page(source_uri, text, fmt, encoding, len(raw), record_id, url, crawled_at)
