"""Pages a crawler is served instead of the article: a bot check, a consent wall, an error page.

In: the page's titles (its <title> and first heading, a dump's first line) and the text extracted
from it. Out: what the page is ("a bot check", "a consent wall", "an error page") or None. Such a
page says what it is in its title ("Just a moment...", "Before you continue to YouTube", "404 Not
Found | The Ledger"), or a bot check in its own words ("Checking if the site connection is secure"),
and it is short: an article about 404 errors or cookie banners is long, and its title says more than
the label. `build_articles` quarantines such a page as `no_article`, naming what it is: a crawl's
blocked fetches are counted, not loaded as articles titled "Just a moment...".
"""

import re

from transforms.textstats import squeezed, word_count

# An interstitial's text is short: Cloudflare's challenge ~25 words, Google's consent wall ~140, a
# site's 404 page with its search box and a few links under ~250. Longer text is an article.
MAX_WORDS = 300
# A bot check named only in its text (no telling title) is shorter still.
MAX_MARKED_WORDS = 120

# Whole titles (or a title's part before the site's name: "Page not found | The Ledger").
_TITLES = {
    "a bot check": re.compile(
        r"just a moment\.*|attention required!?(?: \| cloudflare)?|one more step|checking your browser.*"
        r"|access denied|access to this page has been denied|pardon our interruption|are you a (?:robot|human)\??"
        r"|robot or human\??|verify(?:ing)? (?:that )?you are (?:a )?human|human verification|security check"
        r"|bot verification|request blocked|ddos-guard|too many requests|(?:error )?403(?: forbidden)?"
    ),
    "a consent wall": re.compile(
        r"before you continue(?: to [\w .]+)?|consent required|cookie consent|privacy consent"
    ),
    "an error page": re.compile(
        r"(?:error )?404(?: error)?(?:\W+(?:page )?not found)?|(?:page|file|article|content) not found|not found"
        r"|(?:sorry|oops)\W+(?:that |this |the )?page (?:can['’]?t|cannot|could not|couldn['’]t) be found\.?"
        r"|(?:this |the )?page (?:does not|doesn['’]t) exist|internal server error"
        r"|(?:error )?50[0234](?:\W+(?:internal server error|bad gateway|service (?:temporarily )?unavailable"
        r"|gateway time-?out))?"
        r"|bad gateway|service (?:temporarily )?unavailable|site (?:under )?maintenance"
    ),
}
# What a title's site part follows: "Page not found | The Ledger", "404 - The Ledger".
_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*[|·•]\s*")
# A bot check's own words, whatever its title.
_BOT_CHECK_TEXT = re.compile(
    r"(?i)checking (?:if the site connection is secure|your browser before accessing)|enable javascript and cookies "
    r"to continue|needs to review the security of your connection|verify you are (?:a )?human by completing"
)


def interstitial(titles: list[str | None], text: str) -> str | None:
    """What the page is when it is a bot check, a consent wall or an error page (see the module's
    doc), else None. `titles`: the page's <title>, first heading and the like; `text`: its article text."""
    words = word_count(text)
    if words <= MAX_WORDS:
        for title in filter(None, titles):
            folded = squeezed(title).casefold()
            parts = {folded, *_SITE_SEPARATOR.split(folded)[:1]}
            for kind, pattern in _TITLES.items():
                if any(pattern.fullmatch(part) for part in parts):
                    return kind
    if words <= MAX_MARKED_WORDS and _BOT_CHECK_TEXT.search(text):
        return "a bot check"
    return None
