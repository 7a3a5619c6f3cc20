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

# Where one page ends and the next begins: an end tag, then a doctype (optional), <html> and <head>,
# with only whitespace and comments between.
_BOUNDARY = re.compile(
    rb"</html\s*>(?:\s|<!--.*?-->)*(?=(?:<!doctype[^>]*>)?(?:\s|<!--.*?-->)*<html[^>]*>(?:\s|<!--.*?-->)*<head[\s>])",
    re.I | re.S,
)
# Bytes looked at for an opening "<": a file that opens with anything else is no HTML page.
_LEAD_BYTES = 1024


def html_documents(raw: bytes) -> list[tuple[int, bytes]]:
    """(offset, bytes) of each HTML page in `raw`, in file order; `[(0, raw)]` for one page."""
    if not raw[:_LEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return [(0, raw)]
    starts = [0] + [match.end() for match in _BOUNDARY.finditer(raw)]
    if len(starts) == 1:
        return [(0, raw)]
    ends = starts[1:] + [len(raw)]
    return [(start, raw[start:end]) for start, end in zip(starts, ends, strict=True)]
