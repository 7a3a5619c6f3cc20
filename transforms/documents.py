"""A file of several HTML pages one after another, read as that many pages.

`wget -O out.html URL1 URL2 ...` and `curl URL1 URL2 > out.html` write the pages they fetch into one
file, end to end, and so do scrapers that append each page to a file. Parsed as one document, such a
file gave one "article" with the first page's headline and metadata over the text of whichever page
trafilatura picked, and the other pages were lost without a word.

In: a file's bytes (gunzipped). Out: `html_documents(raw)`: (byte offset, bytes) of each page, or the
whole file as one when it holds one (or is no HTML: a dump, an MHTML file). A new page starts after
an `</html>` end tag, where the next thing (past whitespace and comments) is a document with a head:
an optional doctype, `<html ...>`, then `<head>`. What follows an `</html>` without a head stays with
the page before it, as browsers show it: a theme that closes the document before its article, or a
server that emits each block of its article as a document of its own ("<!DOCTYPE html PUBLIC ...>
<html><body>...</body></html>", as lxml serializes a fragment: one wcxb page, the article across six
such documents).

  python -c "from transforms.documents import html_documents; print(html_documents(b'<p>x</p>'))"
"""

import re
from bisect import bisect_left

# Where one page ends and the next begins: an end tag, then a doctype (optional), <html> and <head>,
# with only whitespace, comments and whole <script> elements between (analytics that inject their tag
# after </html>: HubSpot's, Netlify's). Read by `_page_starts` step by step, each comment ended at the
# first "-->" after it and each script at the first "</script>" (looked up, not searched for): one regex
# over the whole boundary, "(?:\s|<!--.*?-->)*", could split a run of comments in 2**n ways and tried
# them all when no <head> followed (30 comments after an </html>: twenty minutes on one file, the
# worker stopped with it).
_HTML_END = re.compile(rb"</html\s*>", re.I)
_COMMENT_END = re.compile(rb"-->")
_SCRIPT_START = re.compile(rb"<script[\s>]", re.I)
_SCRIPT_END = re.compile(rb"</script\s*>", re.I)
_SPACE = re.compile(rb"\s*")
_DOCTYPE = re.compile(rb"<!doctype[^>]*>", re.I)
_HTML_START = re.compile(rb"<html[^>]*>", re.I)
_HEAD_START = re.compile(rb"<head[\s>]", re.I)
# Bytes looked at for an opening "<": a file that opens with anything else is no HTML page.
_LEAD_BYTES = 1024


def html_documents(raw: bytes) -> list[tuple[int, bytes]]:
    """(offset, bytes) of each HTML page in `raw`, in file order; `[(0, raw)]` for one page."""
    if not raw[:_LEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return [(0, raw)]
    starts = _page_starts(raw)
    if len(starts) == 1:
        return [(0, raw)]
    ends = starts[1:] + [len(raw)]
    return [(start, raw[start:end]) for start, end in zip(starts, ends, strict=True)]


def _page_starts(raw: bytes) -> list[int]:
    """0 and the offset of each later page: past an </html> and the whitespace, comments and scripts
    after it, where a doctype (optional), <html ...> and <head follow. Linear in the file (a bisect a
    comment or script)."""
    closes = _Closes(raw)
    starts = [0]
    for end_tag in _HTML_END.finditer(raw):
        if end_tag.start() < starts[-1]:  # inside the gap before a page already found
            continue
        page = _past_gap(raw, end_tag.end(), closes)
        at = page
        if doctype := _DOCTYPE.match(raw, at):
            at = _past_gap(raw, doctype.end(), closes)
        html = _HTML_START.match(raw, at)
        if html and _HEAD_START.match(raw, _past_gap(raw, html.end(), closes)):
            starts.append(page)
    return starts


class _Closes:
    """Where each "-->" and "</script>" of a file ends, found once, when first asked for."""

    def __init__(self, raw: bytes):
        self._raw = raw
        self._ends: dict[re.Pattern, list[int]] = {}

    def first(self, pattern: re.Pattern, least: int) -> int | None:
        """The first end of a `pattern` match at `least` or after, or None."""
        if pattern not in self._ends:
            self._ends[pattern] = [m.end() for m in pattern.finditer(self._raw)]
        ends = self._ends[pattern]
        i = bisect_left(ends, least)
        return ends[i] if i < len(ends) else None


def _past_gap(raw: bytes, at: int, closes: _Closes) -> int:
    """The first offset from `at` past whitespace, whole comments ("<!-- ... -->") and whole script
    elements; an unclosed one is no gap."""
    while True:
        at = _SPACE.match(raw, at).end()
        if raw.startswith(b"<!--", at):
            end = closes.first(_COMMENT_END, at + 7)  # "<!---->" the shortest
        elif _SCRIPT_START.match(raw, at):
            end = closes.first(_SCRIPT_END, at + 8)
        else:
            return at
        if end is None:
            return at
        at = end
