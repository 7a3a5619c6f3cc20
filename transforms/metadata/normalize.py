"""Normalized article metadata from a page's raw signals and its body.

In: the `Page`, its `Signals` (from `transforms.html_signals` or the text-dump stripper) and the
body paragraphs. Out: a dict with every key of `METADATA_FIELDS`, and the body with the
dateline cut from the first paragraph. Each field is decided in its own module:

  urls        canonical URL, tracking parameters removed
  publishers  site publisher, credited wire agency
  titles      headline (site suffix and wire slugs cut)
  authors     person names from bylines and author data (one credit line read: bylines)
  dates       publication day/instant/offset/precision/source, modification instant (every date
              the page states: date_candidates; one printed date read: datetexts)
  datelines   "WASHINGTON -" -> "Washington"
  sections    breadcrumbs / declared section
  dumps       a text dump's header (its headline: dump_headline; credit lines: dump_credits; what
              one line is: dump_lines; where the header names no one: dump_fallbacks)

  .venv/bin/python -m bench.metadata --data ../shared/data/wcxb-dev-articles --limit 100
"""

from dataclasses import replace
from datetime import UTC, datetime

from schemas import Page, Signals
from transforms.language import language_tag
from transforms.metadata.agencies import WIRE_AGENCIES, agency
from transforms.metadata.authors import choose_authors
from transforms.metadata.bylines import parse_byline, wire_credit_authors
from transforms.metadata.datelines import dateline_reporters, split_dateline
from transforms.metadata.dates import choose_dates
from transforms.metadata.dump_fallbacks import under_body
from transforms.metadata.dump_lines import lower_words
from transforms.metadata.dumps import dump_header
from transforms.metadata.jsonld import article_objects
from transforms.metadata.publishers import choose_publisher, masthead, site_publisher
from transforms.metadata.sections import choose_section
from transforms.metadata.titles import choose_title, clean, key
from transforms.metadata.urls import canonical_url, url_host
from transforms.textmodel.lines import normalize_lines
from transforms.textstats import CJK_CHAR, OFFER, affiliate_disclosure

METADATA_FIELDS = (
    "url",
    "title",
    "subtitle",
    "authors",
    "publisher",
    "wire_agency",
    "published_at",
    "published_date",
    "published_offset_minutes",
    "published_precision",
    "published_source",
    "modified_at",
    "dateline",
    "section",
    "declared_language",
)

# A dump's lines under the body read for a wire story's closing credit ("Reporting by ..."): a market
# table may stand between ("COMMODITIES AT 7:18 a.m. ET" and three prices: fundus-news-80 Reuters_1).
CLOSING_LINES = 6
# A standfirst shorter than this (in letters and digits) may be a real one-line first paragraph.
MIN_STANDFIRST_CHARS = 40
# Every agency spelling is an organisation, never an author.
_AGENCY_KEYS = {key(s) for spellings in WIRE_AGENCIES.values() for s in spellings}


def _site_names(signals: Signals, host: str | None) -> list[str]:
    names = [
        site_publisher(signals),
        signals.meta.get("og:site_name"),
        signals.meta.get("application-name"),
        signals.meta.get("twitter:site", "").lstrip("@") or None,
    ]
    if host:
        names += [
            host,
            host.split(".")[0] if host.count(".") >= 1 else None,
            host.split(".")[-2] if host.count(".") >= 1 else None,
        ]
    return [n for n in names if n]


def _bound(page: Page) -> datetime:
    """No publication date can be later than the crawl (or, unknown, than now)."""
    now = datetime.now(UTC)
    return min(page.crawled_at, now) if page.crawled_at else now


def _standfirst(signals: Signals) -> set[str]:
    """The page's standfirst/description texts in `key` form: as a first paragraph it is not body."""
    texts = [signals.subtitle, signals.meta.get("description"), signals.meta.get("og:description")]
    return {key(t) for t in texts if t and len(key(t)) >= MIN_STANDFIRST_CHARS}


def _subtitle(text: str | None, title: str | None) -> str | None:
    """The deck, unless it is an offer or a form's label ("Save this story", "Please enter a valid
    email address": a dump's lines), the site's affiliate disclosure ("The following content is
    brought to you by ... partners. If you buy a product featured here, we may earn ...": a deck's
    element holds it on review pages) or the headline with a label before or after it ("Sports
    Headline": a header block read whole)."""
    if (
        not text
        or OFFER.search(text)
        or affiliate_disclosure(text)
        or (title and (key(text).endswith(key(title)) or key(text).startswith(key(title))))
    ):
        return None
    return clean(text)


def _declared_language(signals: Signals) -> str | None:
    """The language the page declares, in BCP 47's canonical case: <html lang>, else its
    Content-Language, og:locale ("en_US") or the JSON-LD article's inLanguage."""
    declared = [signals.declared_language, signals.meta.get("content-language"), signals.meta.get("og:locale")]
    declared += [obj.get("inLanguage") for obj in article_objects(signals)]
    return next((tag for tag in map(language_tag, (d for d in declared if isinstance(d, str))) if tag), None)


# Fewer words than this in a record's title: a label ("Home", "Blog", "Untitled"), never weighed
# against the dump's headline.
MIN_DECLARED_WORDS = 3
MIN_DECLARED_CJK_CHARS = 6
# The titles an export record carries beside its text (`exports.page_meta`: its own title, its page's
# og:title and twitter:title), best first: the dump's headline is weighed against them as a page's h1
# is against its <title> (`titles.choose_title`).
RECORD_TITLES = ("title", "og:title", "twitter:title")


def _label(title: str) -> bool:
    """A title of fewer than MIN_DECLARED_WORDS words ("Home", "Blog"); CJK text, written without
    spaces, counts its characters."""
    cleaned = clean(title) or ""
    return len(cleaned.split()) < MIN_DECLARED_WORDS and len(CJK_CHAR.findall(cleaned)) < MIN_DECLARED_CJK_CHARS


def _with_dump_header(page: Page, signals: Signals, paragraphs: list[str]) -> Signals:
    """A text dump's Signals with the headline, its deck (or none) and credit lines read from the
    dump's header (`dumps.dump_header`): the credits in front of the stripper's own."""
    header = dump_header(page.text, paragraphs[0] if paragraphs else "", paragraphs[-1] if paragraphs else "")
    if header.headline is None:
        return signals
    titles = {k: signals.meta[k] for k in RECORD_TITLES if signals.meta.get(k)}
    labels = [k for k, title in titles.items() if _label(title)]  # "Home", "Blog": no article's title
    if labels:
        signals = replace(signals, meta={k: v for k, v in signals.meta.items() if k not in labels})
    declared = next((title for k, title in titles.items() if k not in labels), None)
    return replace(
        signals,
        # beside an export record's own titles the dump's headline is what the page's h1 is to its <title>
        title=declared or header.headline,
        headings=[header.headline] if declared else signals.headings,
        subtitle=header.deck,
        byline_lines=header.credits + [line for line in signals.byline_lines if line not in header.credits],
    )


def normalize_metadata(
    page: Page, signals: Signals, paragraphs: list[str], memo: dict | None = None
) -> tuple[dict, list[str]]:
    """(metadata fields, body without standfirst and dateline) of one story of the page.

    `memo` (one dict per page) keeps the page-level fields of an HTML page between its stories:
    all but the dateline depend on the page and the story's wire credit only.
    """
    if page.fmt != "html":
        signals = _with_dump_header(page, signals, paragraphs)
    body = list(paragraphs)
    if len(body) > 1 and key(body[0]) in _standfirst(signals):
        body = body[1:]
    place, credit = None, None
    if body:
        place, credit, body[0] = split_dateline(body[0])
        if not body[0].strip():
            body = body[1:]
    if memo is None or page.fmt != "html":  # a dump's header signals depend on the story's first line
        fields = _page_fields(page, signals, credit)
    else:
        if credit not in memo:
            memo[credit] = _page_fields(page, signals, credit)
        fields = {k: list(v) if isinstance(v, list) else v for k, v in memo[credit].items()}
    fields["dateline"] = place
    # a name whose every word the article writes in lower case is a business's or a label ("Luxury
    # Travel", "Top Growth" cut from "... Expert", "... Marketing"), not a person's
    prose = "\n".join(paragraphs)
    fields["authors"] = [a for a in fields["authors"] if len(a.split()) < 2 or not lower_words(a, prose)]
    if not fields["authors"] and paragraphs and (reporters := dateline_reporters(paragraphs[0])):
        fields["authors"] = parse_byline(reporters, _AGENCY_KEYS)  # "新华社北京3月4日电（记者张三）"
    if not fields["authors"]:  # "Reporting by Jane Roe; Editing by ..." closing a wire story
        # (the last paragraph as the dump prints it: a one-paragraph body has lost its dateline above)
        after = (
            under_body(normalize_lines(page.text), paragraphs[-1], CLOSING_LINES) if page.fmt != "html" and body else []
        )
        fields["authors"] = wire_credit_authors(body, _AGENCY_KEYS, after)
    return fields, body


def _page_fields(page: Page, signals: Signals, credit: str | None) -> dict:
    url = canonical_url(page.url, signals)
    host = url_host(url or page.url)
    publisher, wire = choose_publisher(signals, host, [credit] if credit else [])
    if page.fmt != "html" and (publisher is None or publisher == wire):
        # a dump's masthead over a wire story's credit: the outlet prints the agency's story
        publisher = masthead(page.text) or publisher
    if wire and wire == publisher:
        wire = None  # the agency's own story on its own site, as the HTML side gives it ("AP", None)
    site_names = _site_names(signals, host)
    orgs = _AGENCY_KEYS  # site names are not excluded: on a personal blog the site is its author
    title = choose_title(signals, site_names)
    fields = dict.fromkeys(METADATA_FIELDS)
    fields.update(
        url=url,
        title=title,
        subtitle=_subtitle(signals.subtitle, title),
        authors=choose_authors(signals, orgs, {key(n) for n in site_names}),
        publisher=publisher,
        wire_agency=wire or (agency(credit) if credit and agency(credit) != agency(publisher) else None),
        section=choose_section(signals, title),
        declared_language=_declared_language(signals),
    )
    fields.update(choose_dates(signals, url or page.url, publisher, host, _bound(page)))
    return fields
