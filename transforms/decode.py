"""Bytes to a decoded page: gzip with a size cap, format sniffing, charset detection.

In: the raw bytes of one input file (or a readable stream of them). Out: a `Page` (HTML or text
dump, decoded to str) or a `Failure` with a stable reason code. Nothing here raises on bad
input; it is all plain functions, tested without Beam.

Charsets (`transforms.charsets`): byte-order mark, the page's own declaration, strict UTF-8, then
detection limited to web encodings. UTF-8 text that a site double-encoded itself ("isnâ€™t") is
decoded back (`transforms.mojibake`).

Hostile markup is defused before any parser sees it: the XML declaration goes (lxml refuses a
decoded string that still declares an encoding) and so does a DOCTYPE internal subset, so no
entity declaration (external file, billion laughs) ever reaches lxml; C0 control characters
(NUL included) are dropped, since lxml rejects them.
"""

import codecs
import json
import re
import unicodedata
import zlib
from typing import BinaryIO

from schemas import Failure, Page
from transforms import mojibake
from transforms.charsets import BOMS, SNIFF_BYTES, decode_text
from transforms.errors import TooLarge
from transforms.markdown import looks_like_markdown
from transforms.mhtml import looks_like_mhtml, mhtml_page

GZIP_MAGIC = b"\x1f\x8b"
# UTF-16 without a byte order mark (`utf16_bom`): bytes looked at at least, and the share of pairs
# whose one byte is NUL.
UTF16_MIN_BYTES = 64
UTF16_NUL_SHARE = 0.9
# ... or, with a clean strict decoding and no NUL among the other bytes, this share (text in a
# script off ASCII: "Президент" is 04 1F 04 40 ..., NUL-free on both sides but for the markup).
UTF16_LOW_NUL_SHARE = 0.1
_BOM_BYTES = tuple(bom for bom, _ in BOMS)
CHUNK = 1 << 16
# Reads of an uncompressed file ask for at most this much at once: one read of the whole cap
# (64 MB by default) makes Python allocate it first, ~0.13 ms a file against ~0.01 ms.
PLAIN_CHUNK = 1 << 20
# How far into an HTML page a DOCTYPE internal subset is looked for (it belongs before <html>).
DOCTYPE_SEARCH_CHARS = 1 << 20

# C0 controls other than tab, newline, carriage return and form feed: lxml rejects them.
# A regex, not str.translate: translate walks every character in Python-level lookups (~50 ms on
# a 400 KB page), the regex scans in C and only rewrites pages that have such characters.
# Characters a page dump keeps that a reader never sees: soft hyphens, zero-width spaces, word joiners,
# a BOM inside the text ("exem\u00adplary", "Zürich\u200b"). Zero-width (non-)joiners stay: Persian and
# Indic scripts spell with them.
# A regex for the reason above: str.translate with this table cost ~0.9 ms a dump (851 dev
# and corpus dumps), the regex's scan ~0.05.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]+")
# ... which, after a sentence's end, as the ASCII separators (file, group, record, unit: \x1c-\x1f) or
# as the vertical tab (whitespace to Python and C; Word writes its manual line break so: "line
# one\x0bline two"), separate what is on either side: a space takes their place ("weekend.\x00The
# site": records joined by NUL ran together). Elsewhere they go as before: inside a word they are a
# lost byte ("It\x19s", "Wash\x00ington"), and a browser drops a NUL from body text (HTML's parsing
# rules), so "foo\x00bar" reads "foobar" there too.
_SEPARATING_CONTROLS = re.compile(
    r"(?<=[.!?;:])[\x00-\x08\x0b\x0e-\x1f]+(?=[^\s<>\x00-\x08\x0b\x0e-\x1f])"
    r"|(?<=[^\s<>\x00-\x08\x0b\x0e-\x1f])(?=[\x00-\x08\x0e-\x1b]*+[\x0b\x1c-\x1f])[\x00-\x08\x0b\x0e-\x1f]*+"
    r"(?=[^\s<>\x00-\x08\x0b\x0e-\x1f])"
)
# (The second branch is a whole run of controls holding a separator, each run read once: written as
# "[\x00-\x08\x0b\x0e-\x1b]*[\x0b\x1c-\x1f][...]*" it tried every "\x0b" of a run of them as the
# separator and read the rest of the run after each, quadratic: 32,000 of them 10.8 s.)
# In ASCII-compatible encodings those controls are these same bytes, and no multi-byte sequence
# uses them, so deleting every other byte leaves nothing exactly when the text has none.
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 8 or b == 11 or 14 <= b <= 31))
# Control bytes that mark a file as binary when they are over BINARY_CONTROL_SHARE of its head (tab, LF,
# VT, FF, CR pass). Images, archives and executables without a known magic are far over it.
_BINARY_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)
BINARY_CONTROL_SHARE = 0.05
# The root element of a feed, a sitemap or an outline: lists of links and teasers, not a page; after
# comments, read as one span from the first "<!--" to a "-->" (any run of comments and space is one
# such span, and one such span is a comment whose "-->" is its last): "(?:<!--.*?-->\s*)*" split a
# run of n comments with no root after them in 2**n ways, and tried each.
_FEED_ROOT = re.compile(r"(?:<!--.*-->\s*)?<(?:rss|feed|rdf:RDF|urlset|sitemapindex|opml)[\s>]", re.I | re.S)
# A JSONP response: a callback's name around a JSON value, "callback({...});".
_JSONP = re.compile(r"[\w$.]{1,100}\s*\(\s*[\[{]")
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
        parts, size = [head], len(head)
        while size <= limit and (chunk := stream.read(min(PLAIN_CHUNK, limit - size + 1))):
            parts.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(f"file is over {limit} bytes")
        return b"".join(parts)
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


def utf16_bom(raw: bytes) -> bytes | None:
    """The byte order mark a UTF-16 file saved without one would have (Windows tools' "Unicode"),
    from its NUL pattern: markup and most text are ASCII, so every other byte is NUL (the second of
    each pair in little-endian, the first in big-endian) and the others are not. None otherwise."""
    head = raw[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(head) < UTF16_MIN_BYTES or head.startswith(_BOM_BYTES):
        return None
    first, second = head[0::2].count(0), head[1::2].count(0)  # NULs in each byte of the pairs
    pairs = len(head) // 2
    for bom, codec, high, low in (
        (codecs.BOM_UTF16_LE, "utf-16-le", second, first),
        (codecs.BOM_UTF16_BE, "utf-16-be", first, second),
    ):
        if high >= UTF16_NUL_SHARE * pairs and low <= (1 - UTF16_NUL_SHARE) * pairs:
            return bom
        # Cyrillic, Greek or CJK text: fewer NULs, so the bytes must also read as clean text
        if high >= UTF16_LOW_NUL_SHARE * pairs and not low and _clean_utf16(head, codec):
            return bom
    return None


def _clean_utf16(head: bytes, codec: str) -> bool:
    """Whether bytes decode strictly as this UTF-16 into text with no control, unassigned or
    private-use character (random bytes give lone surrogates and unassigned code points)."""
    try:
        text = head[: len(head) - 2].decode(codec)  # the last pair may be half a surrogate pair
    except UnicodeDecodeError:
        return False
    return not any(unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\t\n\r\f" for c in text)


def is_binary(raw: bytes) -> bool:
    """A file type's magic bytes, or control bytes (NUL among them) over BINARY_CONTROL_SHARE of the
    head. A stray NUL in a page (a crawler's or an editor's) is no reason to drop it, and neither is NUL
    padding at the end (a preallocated file, a write cut short); a file of NULs only is binary."""
    head = raw[:SNIFF_BYTES]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith(_BOM_BYTES):
        return False
    if raw.endswith(b"\x00"):
        raw = raw.rstrip(b"\x00")
        if not raw:
            return True
        head = raw[:SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _BINARY_CONTROL_BYTES))  # a C-speed count
    return controls > len(head) * BINARY_CONTROL_SHARE


def sniff_format(text: str) -> str:
    """'html', 'markdown', 'text', or 'not_a_page' (JSON, feeds, CSV, ...), from the content alone."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    if head[:1] in "{[":
        try:
            json.loads(text)
            return "not_a_page"
        except (ValueError, RecursionError):  # RecursionError: thousands of nested brackets
            pass
    if head.startswith("<?xml") and not re.search(r"<(html|!doctype html)", head, re.I):
        return "not_a_page"
    if _FEED_ROOT.match(head):  # a feed or a sitemap saved without its XML declaration
        return "not_a_page"
    if _JSONP.match(head) and text.rstrip().rstrip(";").endswith(")"):  # an API's JSONP response
        return "not_a_page"
    if _HTML_START.search(head[:1024]) and head.startswith("<"):
        return "html"
    if len(_HTML_START.findall(head)) >= 3:
        return "html"
    if looks_like_markdown(text):  # before the table test: a markdown table's rows are "|"-separated
        return "markdown"
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
    source_uri: str,
    raw: bytes,
    *,
    record_id: str = "",
    url: str | None = None,
    crawled_at=None,
    charset: str | None = None,
) -> Page | Failure:
    """One input document's bytes (already gunzipped) to a Page, or a Failure saying why not. With
    `charset` the bytes are in that encoding, whatever the page declares: a container that holds
    decoded text (a JSON export's strings, re-encoded) keeps the page's own `<meta charset>`, which
    names the bytes the page was fetched as, not these."""

    size = len(raw)

    def fail(reason: str, error: str) -> Failure:
        return Failure(source_uri, "read", reason, error, excerpt(raw), record_id, size)

    if not raw.strip():
        return fail("empty", "no content" if not raw else "whitespace only")
    bom = utf16_bom(raw)
    if bom:  # read as the UTF-16 it is, not as binary for its NULs
        raw = bom + raw
    if is_binary(raw):
        return fail("not_a_page", "binary content")
    if looks_like_mhtml(raw):  # a page saved as one file by a browser: its HTML part is the page
        saved = mhtml_page(raw)
        if saved is None:
            return fail("not_a_page", "an MHTML file without an HTML part")
        raw, url, crawled_at = saved[0], url or saved[1], crawled_at or saved[2]
        if not raw.strip():
            return fail("empty", "the MHTML file's HTML part is empty")
    text, encoding = (raw.decode(charset, errors="replace"), charset) if charset else decode_text(raw)
    if not text.strip():
        return fail("empty", "whitespace only after decoding")
    # `in` first: a page rarely holds a U+FFFD, and `in` looks 5x faster than count() counts
    # (0.04 against 0.21 ms a corpus page: most hold a non-ASCII character, 2 bytes a character)
    if "\ufffd" in text and text.count("\ufffd") > len(text) * 0.2:
        return fail("decode_error", f"mostly undecodable as {encoding}")
    if has_controls(raw, encoding):
        text = _CONTROLS.sub("", _SEPARATING_CONTROLS.sub(" ", text))
    if encoding == "utf-8" and mojibake.suspect_bytes(raw):
        text = mojibake.repair(text)
    fmt = sniff_format(text)
    if fmt == "not_a_page":
        return fail("not_a_page", "structured data, not a page (JSON, XML feed or table)")
    # a dump's invisible characters go, as the HTML path's extractor drops them
    text = defuse_markup(text) if fmt == "html" else _INVISIBLE.sub("", text)
    if not text.strip():
        return fail("empty", "no content left after removing control characters and declarations")
    return Page(source_uri, text, fmt, encoding, size, record_id, url, crawled_at)
