"""Article rows from extractions: ids, counts, metadata and quarantine rows."""

from datetime import UTC, date, datetime

import numpy as np
import pytest
from hostile_corpus import TH, TH_WORDS

from schemas import ARTICLE_SCHEMA, Extraction, Failure, Page, Signals, Story
from transforms.articles import article_id, build_articles, share_page_date, word_count
from transforms.decode import decode_page
from transforms.dedup import signature
from transforms.errors import NoArticle
from transforms.extract import extract_page
from transforms.parquet_sink import rows_to_table
from transforms.segment import segment_article, segment_spans
from transforms.segmentation import segment_rows
from transforms.table_rows import article_table_row, quarantine_row

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PARAS = [
    "HALDEN - The harbor authority said on Monday that the new ferry terminal would open in May.",
    "Officials said the terminal would double the number of daily crossings to the islands.",
    "Residents have waited nearly a decade for the project, which was delayed twice by funding disputes.",
]


def page(uri="file:///a.txt"):
    return Page(uri, "\n".join(PARAS), "text", "utf-8", 300)


def test_article_id_is_deterministic_and_distinct():
    assert article_id(page(), 0) == article_id(page(), 0)
    assert article_id(page(), 0) != article_id(page(), 1)
    assert article_id(page(), 0) != article_id(page("file:///b.txt"), 0)


def test_word_count_counts_cjk_characters():
    assert word_count("three plain words") == 3
    assert word_count("清河二桥") == 4


def test_word_count_estimates_thai_words_from_their_length():
    """Thai has no spaces between words: a whitespace count saw a paragraph as a word or two. The
    estimate is within a fifth of a hand count (TH_WORDS) of invented news prose, never its letters."""
    assert word_count(" ".join(TH)) == sum(map(word_count, TH))
    assert abs(word_count(" ".join(TH)) - TH_WORDS) <= 0.2 * TH_WORDS
    assert word_count("ๆ") == 1
    assert word_count("ฝนตกหนัก in Bangkok") == 2 + 2
    assert word_count("清河二桥 ถนน road") == 4 + 1 + 1


def test_build_articles_fills_the_schema():
    signals = Signals(title="New ferry terminal to open in May", byline_lines=["By ANNA BERG | Halden Post"])
    rows = build_articles(Extraction(page(), [Story(PARAS)], signals, input_chars=1000), NOW)
    assert len(rows) == 1
    row = rows[0]
    assert row["title"] == "New ferry terminal to open in May"
    assert row["dateline"] == "Halden"
    assert row["text"].startswith("The harbor authority")
    assert row["text"].count("\n\n") == 2
    assert row["language"] == "en"
    assert row["cluster_id"] == row["article_id"]
    assert 0 < row["boilerplate_ratio"] < 1
    # built here (in the extractor's child) for staging and clustering; no column of the table
    assert np.array_equal(row["signature"], signature(row["text"]))
    assert row["segment_spans"] == segment_spans(row["text"])
    assert segment_article(row["text"], row["segment_spans"]) == segment_article(row["text"])
    # staging cuts the segment rows at the spans the row carries
    (only,) = segment_rows({**row, "segment_spans": [("paragraph", 4, 10)]})
    assert (only.row["kind"], only.row["text"]) == ("paragraph", row["text"][4:10])
    table = rows_to_table("articles", rows)
    assert table.schema.equals(ARTICLE_SCHEMA, check_metadata=False)
    # bound for the table, the row keeps its columns only (a staged row waits in a buffer)
    assert list(article_table_row(row).row) == ARTICLE_SCHEMA.names


def test_a_web_archive_capture_is_the_fetch_time_and_bounds_the_publication_date():
    """A page saved from the Wayback Machine: its canonical link is the replay URL, whose timestamp is
    when the archive's crawler fetched the page; a date after it cannot be the publication date."""
    replay = "https://web.archive.org/web/20240315083012/https://halden.example/ferry-terminal"
    for published, expected in (
        ("2024-03-14T09:30:00+00:00", datetime(2024, 3, 14, 9, 30, tzinfo=UTC)),
        ("2024-06-01", None),
    ):
        signals = Signals(canonical_url=replay, meta={"article:published_time": published})
        (row,) = build_articles(Extraction(page(), [Story(PARAS)], signals, input_chars=1000), NOW)
        assert row["url"] == "https://halden.example/ferry-terminal"
        assert row["crawled_at"] == datetime(2024, 3, 15, 8, 30, 12, tzinfo=UTC)
        assert row["published_at"] == expected, published
    fetched = Page("file:///a.warc", "\n".join(PARAS), "text", "utf-8", 300, crawled_at=NOW)
    (row,) = build_articles(Extraction(fetched, [Story(PARAS)], Signals(canonical_url=replay), 1000), NOW)
    assert row["crawled_at"] == NOW  # the container's own fetch time stands


def test_too_little_text_is_no_article():
    with pytest.raises(NoArticle):
        build_articles(Extraction(page(), [Story(["Too short."])], Signals()), NOW)


def test_long_runs_without_words_are_no_article():
    for junk in ("[" * 300, "https://cdn.example/" + "a1b2c3" * 40 + " " + "=" * 100, "aGVsbG8gd29ybGQ" * 20):
        with pytest.raises(NoArticle):
            build_articles(Extraction(page(), [Story([junk])], Signals()), NOW)
    assert build_articles(
        Extraction(page(), [Story(["清河县政府周二宣布将在明年春天重建横跨青河的老石桥" * 5])], Signals()), NOW
    )


def test_quarantine_row_is_bounded():
    row = quarantine_row(Failure("u", "read", "empty", "e" * 5000, "x" * 5000), NOW)
    assert len(row["error"]) <= 2000 and len(row["excerpt"]) <= 300 and row["reason"] == "empty"


def test_a_text_of_emoji_only_is_no_article():
    """2,000 emoji in a text dump made an article (language None, 2,000 words); the same in HTML was
    no_article (found by an adversarial-input helper)."""
    page = decode_page("file:///emoji.txt", ("😀🎉🔥💯 " * 2000).encode())
    with pytest.raises(NoArticle, match="letters of body text"):
        build_articles(extract_page(page), NOW)


def test_the_pages_deck_is_the_first_storys_only():
    """A briefs page split into its stories: the page's deck stood as every brief's subtitle (a dump's
    later story took the story before it's last paragraph or a caption as one)."""
    more = " ".join(PARAS)
    paragraphs = [
        "Ferry timetable changes for the summer season",
        "HALDEN (AP) — " + more,
        "Choir wins national award for folk songs",
        "OSLO (AP) — " + more.replace("terminal", "concert hall"),
    ]
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
    briefs = Page("mem://briefs.html", html, "html", "utf-8", len(html))
    signals = Signals(title="News in brief", subtitle="The day's news from around the region, in short")
    extraction = Extraction(briefs, [Story(paragraphs, "News in brief", [0, 2])], signals, input_chars=len(html))
    rows = build_articles(extraction, NOW)
    assert [r["title"] for r in rows] == [paragraphs[0], paragraphs[2]]
    assert [r["subtitle"] for r in rows] == [signals.subtitle, None]


def test_a_dumps_stories_share_the_date_the_page_prints_once():
    """A live page's dump prints its date once, under the byline between the intro and the first
    update, and each story's header is read around its own first line: where that read lands on a
    quote or a caption over the update, the story had no date (fundus TheTelegraph_1: 12 of 27
    stories, TheTelegraph_3 23 of 45). Every undated story takes the first date a story gives, as an
    HTML page's stories take its metadata's; a page with no date keeps none."""
    dated = {"published_at": None, "published_date": date(2024, 3, 2), "published_offset_minutes": None}
    dated |= {"published_precision": "day", "published_source": "text"}
    undated = dict.fromkeys(dated)
    rows = [dict(undated, story_index=0), dict(dated, story_index=1), dict(undated, story_index=2)]
    share_page_date(rows)
    assert [(r["story_index"], r["published_date"], r["published_source"]) for r in rows] == [
        (i, date(2024, 3, 2), "text") for i in range(3)
    ]
    nothing = [dict(undated, story_index=i) for i in range(2)]
    share_page_date(nothing)
    assert all(r["published_date"] is None and r["published_source"] is None for r in nothing)
