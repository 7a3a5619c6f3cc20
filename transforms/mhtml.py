"""MHTML files: a page a browser saved as one file (Chrome's "Save page as: single file", a headless
browser's CDP snapshot) read as the page's own HTML, with its URL and the time it was saved.

In: a file's bytes. Out: `looks_like_mhtml(raw)`, the sniff `decode` uses, and `mhtml_page(raw)`:
(the main HTML part's bytes, its URL, the save time) or None when the file holds no HTML part. Read
as it is, an MHTML file is HTML in quoted-printable: every line break of its source cut a word
("starti= ng") and every non-ASCII character came out escaped ("=E2=80=94"). Python's email
package parses the MIME and undoes the transfer encoding; `decode` then finds the HTML's charset as
for any page. The main part is the one at the snapshot's location (Snapshot-Content-Location),
else the first HTML part; the save time (the MIME Date) is the page's `crawled_at`, never a
publication date.
"""

import email
import email.policy
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# An MHTML file opens with MIME headers: a multipart/related body and a MIME-Version, within
# HEAD_BYTES (Chrome writes From, Snapshot-Content-Location, Subject, Date, MIME-Version, Content-Type).
HEAD_BYTES = 4096
_MULTIPART = re.compile(rb"(?im)^content-type:\s*multipart/related")
_MIME_VERSION = re.compile(rb"(?im)^mime-version:")


def looks_like_mhtml(raw: bytes) -> bool:
    """The file opens with a MIME header block (up to its first blank line) that declares a
    multipart/related body: a page that only mentions those headers is still a page."""
    head = re.split(rb"\r?\n\r?\n", raw[:HEAD_BYTES].lstrip(), maxsplit=1)[0]
    return not head.startswith(b"<") and _MULTIPART.search(head) is not None and _MIME_VERSION.search(head) is not None


def mhtml_page(raw: bytes) -> tuple[bytes, str | None, datetime | None] | None:
    """(the main HTML part's bytes, the page's URL, when it was saved), None without an HTML part."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)  # compat32: lenient on bad headers
    snapshot = _header(message, "Snapshot-Content-Location")
    pages = [part for part in message.walk() if part.get_content_type() == "text/html"]
    if not pages:
        return None
    main = next((p for p in pages if snapshot and _header(p, "Content-Location") == snapshot), None)
    others = (p for p in message.walk() if p.get_content_type() != "text/html" and not p.is_multipart())
    # a snapshot location that another part (an image) has names no page; one no part has still does
    url = None if main is None and any(_header(p, "Content-Location") == snapshot for p in others) else snapshot
    main = main or pages[0]
    body = main.get_payload(decode=True)
    if not isinstance(body, bytes):
        return None
    return body, url or _header(main, "Content-Location"), _saved_at(_header(message, "Date"))


def _header(part, name: str) -> str | None:
    """A header's value with its folded whitespace collapsed; None when absent or blank."""
    value = part.get(name)
    if value is None:
        return None
    return " ".join(str(value).split()) or None


def _saved_at(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
