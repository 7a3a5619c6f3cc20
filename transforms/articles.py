"""An extraction to article rows: the articles table's row builder.

In: an `Extraction` (a page's stories and signals). Out: one article row (a dict with the columns
of `schemas.ARTICLE_SCHEMA`) per story. Plain functions, run in the strip stage's guarded child
(`enrich`) or by the Beam stage around them, which only counts and routes. Rows bound for their
tables' writers (and quarantine rows) are `transforms.table_rows`': the Beam process writes
without importing the metadata layer.
"""

import hashlib
import re
from dataclasses import replace
from datetime import datetime

from pipeline import __version__ as PIPELINE_VERSION
from schemas import SCHEMA_VERSION, Extraction, Page, Signals
from transforms.dedup import content_hash, signature
from transforms.errors import NoArticle, error_text
from transforms.interstitials import interstitial
from transforms.language import detect_language
from transforms.metadata import normalize_metadata
from transforms.metadata.jsonld import types
from transforms.metadata.urls import capture_time
from transforms.segment import segment_spans
from transforms.stories import split_stories
from transforms.textstats import word_count

PARAGRAPH_SEPARATOR = "\n\n"
# A story with fewer body characters than this is not an article (a teaser, a caption).
MIN_STORY_CHARS = 120
# Nor one with fewer words (CJK characters count one each): 120 characters of brackets, a URL or base64
# are no article. The shortest story among 2,675 rows of the dev sets, seeds, samples and 800 corpus
# pages has 28 words.
MIN_STORY_WORDS = 10
# Nor one with fewer letters (of any script) in its first LETTERS_SEEN characters: 2,000 emoji are
# no article (a text dump of them was one; the same in HTML was no_article).
MIN_STORY_LETTERS = 50
LETTERS_SEEN = 2000
_LETTER = re.compile(r"[^\W\d_]")
# The publication fields a page's stories share (see `share_page_date`).
PUBLISHED_FIELDS = (
    "published_at",
    "published_date",
    "published_offset_minutes",
    "published_precision",
    "published_source",
)


def article_id(page: Page, story_index: int) -> str:
    """Deterministic id: the same input document and story give the same id on every run."""
    key = f"{page.source_uri}\x1f{page.record_id}\x1f{story_index}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def enrich(extraction: Extraction) -> Extraction:
    """What the enrich stage reads of an extraction: its page, and its article rows (`rows`,
    ingested_at None: the enrich stage fills it) or why it has none (`enrich_failure`: ("no_article"
    or "internal_error", the error's text)); `build_articles`' outcome as a record, which the strip
    stage's guarded child sends back whole (`transforms.extract.extract_articles`). The stories and
    signals the rows were built from are left out (unpickling a wcxb page's signals cost the Beam
    process ~0.4 ms)."""
    try:
        rows, failure = build_articles(extraction, None), None
    except Exception as err:  # quarantined by the enrich stage, as its own errors were
        reason = "no_article" if isinstance(err, NoArticle) else "internal_error"
        rows, failure = None, (reason, error_text(err))
    return Extraction(extraction.page, [], Signals(), rows=rows, enrich_failure=failure)


def build_articles(extraction: Extraction, ingested_at: datetime | None) -> list[dict]:
    """One row per story of the page; raises NoArticle when no story has enough text."""
    signals = extraction.signals
    page = extraction.page
    if page.crawled_at is None and (captured := capture_time(page.url, signals)):
        page = replace(page, crawled_at=captured)  # a web archive's capture: its crawler's fetch time
    titles = [signals.title, next(iter(signals.headings), None)]
    if page.fmt != "html":  # a dump's first line is its page's title
        titles.append(next((line for line in page.text.splitlines() if line.strip()), None))
    shown = PARAGRAPH_SEPARATOR.join(p for story in extraction.stories for p in story.paragraphs)
    if kind := interstitial(titles, shown):
        raise NoArticle(f"{kind}, not an article (titled {str(titles[0] or titles[-1])[:80]!r})")
    rows = []
    live = any("liveblogposting" in types(obj) for obj in signals.jsonld if isinstance(obj, dict))
    stories = split_stories(extraction.stories, next(iter(signals.headings), None) or signals.title, live)
    memo: dict = {}  # the page-level metadata, read once for all the page's stories
    for story in stories:
        meta, body = normalize_metadata(page, signals, story.paragraphs, memo)
        body = [p.strip() for p in body if p.strip()]
        text = PARAGRAPH_SEPARATOR.join(body)
        words = word_count(text) if len(text) >= MIN_STORY_CHARS else 0
        if words < MIN_STORY_WORDS or len(_LETTER.findall(text, 0, LETTERS_SEEN)) < MIN_STORY_LETTERS:
            continue
        if len(stories) > 1 and story.title:
            meta["title"] = story.title
        if len(stories) > 1 and rows:
            # a later story of a split page has no deck of its own: the page's deck is the first
            # story's, and what a dump prints over a later one is the story before it (its last
            # paragraph, a photo's caption: fundus TheTelegraph_1 gave 19 updates such "subtitles")
            meta["subtitle"] = None
        index = len(rows)
        if not rows:  # one detection per page: the stories of one page share its language
            language, confidence = detect_language(text)
        rows.append(
            {
                **meta,
                "article_id": article_id(page, index),
                "source_uri": page.source_uri,
                "record_id": page.record_id or None,
                "source_id": page.source_id or None,
                "story_index": index,
                "source_format": page.fmt,
                "crawled_at": page.crawled_at,
                "language": language,
                "language_confidence": confidence,
                "text": text,
                "word_count": words,
                "paragraph_count": len(body),
                "content_hash": content_hash(text),
                # the MinHash signature, built here under the time limit from the normal form the
                # hash just made (cached): staging and clustering read it, the tables do not
                "signature": signature(text),
                # and the paragraph and sentence spans the segment rows are cut at (staging, too)
                "segment_spans": segment_spans(text),
                "ingested_at": ingested_at,
                "schema_version": SCHEMA_VERSION,
                "pipeline_version": PIPELINE_VERSION,
            }
        )
    if not rows:
        raise NoArticle(
            f"no story with at least {MIN_STORY_CHARS} characters, {MIN_STORY_WORDS} words and {MIN_STORY_LETTERS} letters of body text"
        )
    if page.fmt != "html":
        share_page_date(rows)
    total = sum(len(r["text"]) for r in rows)
    ratio = 1.0 - min(1.0, total / extraction.input_chars) if extraction.input_chars else None
    for row in rows:
        row["boilerplate_ratio"] = round(ratio, 4) if ratio is not None else None
        row["cluster_id"] = row["article_id"]
        row["canonical_article_id"] = row["article_id"]
    return rows


def share_page_date(rows: list[dict]) -> None:
    """A dump's stories that print no date of their own take the page's: the first date a story's
    header gives (a page prints its date once, and an HTML page's metadata gives all its stories
    one). Each story's header is read around its own first line, and on a live page's dump that read
    can land on a quote or a caption over an update, far from the date line under the page's byline:
    fundus-news-80 TheTelegraph_1 had 12 of its 27 stories undated, TheTelegraph_3 23 of 45."""
    dated = next((row for row in rows if row["published_date"] is not None), None)
    for row in rows if dated is not None else ():
        if row["published_date"] is None:
            row.update({field: dated[field] for field in PUBLISHED_FIELDS})
