"""Bot checks, consent walls and error pages a crawler was served are no articles."""

from datetime import UTC, datetime

import pytest

from schemas import Page
from tests.test_warc import PROSE, article
from transforms.articles import build_articles
from transforms.decode import decode_page
from transforms.errors import NoArticle
from transforms.extract import extract_page
from transforms.interstitials import interstitial

NOW = datetime(2026, 12, 5, tzinfo=UTC)

CHALLENGE = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div class='main-content'>"
    "<h1>www.ledger.example</h1><h2 id='challenge-running'>Checking if the site connection is secure</h2>"
    "<noscript>Enable JavaScript and cookies to continue</noscript><div id='challenge-body-text'>"
    "www.ledger.example needs to review the security of your connection before proceeding.</div>"
    "<div class='footer'>Ray ID: 8a1b2c3d4e5f6789 Performance &amp; security by Cloudflare</div></div></body></html>"
)
NOT_FOUND = (
    "<html><head><title>Page not found | Lakeside Ledger</title></head><body><nav><a href='/'>Home</a></nav>"
    "<main><h1>Sorry, we couldn't find that page</h1><p>The page you were looking for may have moved or no "
    "longer exists. Try searching our site, or go back to the home page to find the latest local news, "
    "sport and weather from around the lake.</p><form><input name='q'></form></main></body></html>"
)
CONSENT = (
    "<html><head><title>Before you continue to YouTube</title></head><body><h1>Before you continue to YouTube</h1>"
    "<p>We use cookies and data to deliver and maintain services, track outages and protect against spam, "
    "fraud and abuse, and measure audience engagement and site statistics to understand how our services "
    "are used and enhance the quality of those services.</p><p>If you choose to accept all, we will also use "
    "cookies and data to develop and improve new services and deliver and measure the effectiveness of ads."
    "</p><button>Reject all</button><button>Accept all</button></body></html>"
)


def _rows(raw: str, name: str = "page.html"):
    page = decode_page(name, raw.encode())
    assert isinstance(page, Page)
    return build_articles(extract_page(page), NOW)


@pytest.mark.parametrize(
    "raw,kind",
    [(CHALLENGE, "a bot check"), (NOT_FOUND, "an error page"), (CONSENT, "a consent wall")],
)
def test_a_page_served_instead_of_the_article_is_no_article_and_says_what_it_is(raw, kind):
    with pytest.raises(NoArticle, match=kind):
        _rows(raw)


def test_a_bot_checks_text_dump_is_no_article_either():
    dump = "Just a moment...\nwww.ledger.example\nChecking if the site connection is secure\n" + (
        "www.ledger.example needs to review the security of your connection before proceeding. " * 2
    )
    with pytest.raises(NoArticle):  # the stripper may find no text at all: no_article all the same
        _rows(dump, "page.txt")
    assert interstitial(["Just a moment..."], dump) == "a bot check"


def test_articles_about_such_pages_or_titled_alike_are_kept():
    long_story = article("Page not found", paragraphs=12).decode()  # a story's text is long
    assert _rows(long_story)[0]["title"] == "Page not found"
    assert interstitial(["500 Days of Summer"], PROSE) is None  # a short review with a number for a title
    assert interstitial(["Why 404 pages matter | The Ledger"], PROSE) is None  # the label is not the title
    assert interstitial(["Council approves budget"], "Checking if the site connection is secure " + PROSE * 6) is None
