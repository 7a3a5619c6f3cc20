"""Property tests (hypothesis): on arbitrary input the pure stages raise nothing but their documented
exceptions, and their invariants hold.

  decode_page        bytes -> Page | Failure, never raises; a Page has text and a known format
  read_capped        raises only TooLarge / ValueError, never returns more than the cap
  strip_text_dump    raises only NoArticle; every body paragraph is a line of the page
  normalize_metadata never raises; every field present; dates not after the crawl, not before 1800
  choose_dates       a UTC instant printed at any offset keeps the instant and gets the printed day
  segment_article    never raises; segments slice the text exactly, in order, without overlap
  flatten_nesting    deep markup parses whole once flattened and keeps every word, in order
  file_spans         a JSON Lines export read in byte spans gives what a whole read gives: same items,
                     same ids, in order, none twice (raw multi-byte text, CRs, U+2028, broken and
                     over-cap lines, with or without a final newline)
  has_date           its pre-checks never turn down a line DATEISH matches (case-blind "ı", "İ", "ſ",
                     other scripts' digits)

  HYPOTHESIS_EXAMPLES=3000 .venv/bin/python -m pytest -q tests/test_properties.py
"""

import io
import json
import os
import string
import tempfile
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import REASONS, Failure, Page, Signals
from transforms.decode import decode_page, read_capped
from transforms.errors import NoArticle, TooLarge
from transforms.html_parser import document_fromstring, flatten_nesting, reaches_max_depth
from transforms.jsonl import file_spans
from transforms.metadata import normalize_metadata
from transforms.metadata.bylines import parse_byline
from transforms.metadata.datelines import split_dateline
from transforms.metadata.datetexts import INTL_MONTHS, find_printed, find_printed_spans, parse_machine
from transforms.metadata.dump_lines import is_credit
from transforms.metadata.names import person_name
from transforms.metadata.titles import clean
from transforms.metadata.urls import clean_url, url_host
from transforms.read import read_documents
from transforms.segment import segment_article
from transforms.text_strip import strip_text_dump
from transforms.textmodel.lines import DATEISH, has_date

# HYPOTHESIS_EXAMPLES=5000 for a long hunt; 150 keeps CI fast.
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Text that looks a bit like pages: words, punctuation, markup, newlines, CJK, odd code points.
_ALPHABET = st.sampled_from(
    list(string.ascii_letters + string.digits + " .,;:!?'\"-()[]<>/=&#\n\t")
    + list("éüñßçø。！？「」北京新闻…“”‘’—\u00a0\u200b\ufeff\ufffd\x00\x1b")
)
page_text = st.text(alphabet=_ALPHABET, max_size=2000) | st.text(max_size=500)
markupish = st.lists(
    st.sampled_from(
        [
            b"<html>",
            b"<body>",
            b"<p>",
            b"</p>",
            b"<meta charset='",
            b"gbk",
            b"utf-16",
            b"rot13",
            b"'>",
            b"<?xml ",
            b"encoding='latin-1'?>",
            b"<!DOCTYPE html [",
            b"<!ENTITY a 'b'>",
            b"]>",
            b"\x1f\x8b",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"\x00",
            b"{",
            b"[",
            b"caf\xe9 ",
            b"\xe4\xb8\xad\xe6\x96\x87",
            b"word ",
            b"\n",
            b",",
            b"%PDF",
        ]
    ),
    max_size=60,
).map(b"".join)
raw_bytes = st.binary(max_size=3000) | markupish
# The per-record cap of the spans property below: small, so that over-cap lines are cheap to make.
SPAN_CAP = 2000


@SETTINGS
@given(raw_bytes)
def test_decode_page_returns_a_page_or_a_failure(raw):
    result = decode_page("file.html", raw)
    assert isinstance(result, (Page, Failure))
    if isinstance(result, Page):
        assert result.fmt in ("html", "text")
        assert result.text.strip()
        assert "\x00" not in result.text
        assert result.byte_size == len(raw)
    else:
        assert result.reason in REASONS and result.stage == "read"


@SETTINGS
@given(raw_bytes, st.integers(min_value=1, max_value=4096))
def test_read_capped_raises_only_documented_errors(raw, cap):
    try:
        data = read_capped(io.BytesIO(raw), cap)
    except (TooLarge, ValueError):
        return
    assert len(data) <= cap


def text_page(text: str) -> Page:
    return Page("dump.txt", text, "text", "utf-8", len(text.encode("utf-8", "surrogatepass")))


@SETTINGS
@given(st.lists(page_text.map(lambda t: t.replace("\n", " ")), max_size=40).map("\n".join))
def test_strip_text_dump_raises_only_no_article(text):
    try:
        extraction = strip_text_dump(text_page(text))
    except NoArticle:
        return
    lines = {" ".join(line.split()) for line in text.splitlines()}
    for story in extraction.stories:
        for paragraph in story.paragraphs:
            assert paragraph.strip()
            assert " ".join(paragraph.split()) in lines or any(" ".join(paragraph.split()) in line for line in lines)


short = st.text(alphabet=_ALPHABET, max_size=120)
stamps = (
    st.sampled_from(
        [
            "2024-03-14T09:30:00Z",
            "2999-01-01",
            "1066-10-14",
            "0000-00-00",
            "-5",
            "tomorrow",
            "2024-02-30",
            "1e309",
            "2024-13-45T99:99:99+99:99",
            "",
        ]
    )
    | short
)
signals = st.builds(
    Signals,
    title=st.none() | short,
    headings=st.lists(short, max_size=3),
    meta=st.dictionaries(
        st.sampled_from(
            [
                "article:published_time",
                "og:site_name",
                "author",
                "og:url",
                "article:section",
                "date",
                "dc.language",
                "og:title",
            ]
        ),
        stamps | short,
        max_size=6,
    ),
    jsonld=st.lists(
        st.fixed_dictionaries(
            {"@type": st.sampled_from(["NewsArticle", "Person", "WebPage", "x"])},
            optional={
                "datePublished": stamps,
                "author": short | st.lists(short),
                "publisher": short | st.dictionaries(st.just("name"), short),
                "headline": short,
                "wordCount": stamps,
                "articleSection": short | st.lists(short),
            },
        ),
        max_size=3,
    ),
    canonical_url=st.none() | short | st.just("https://example.org/news/2024/03/14/story"),
    declared_language=st.none() | short,
    breadcrumbs=st.lists(short, max_size=3),
    byline_lines=st.lists(short, max_size=3),
    date_texts=st.lists(st.tuples(st.sampled_from(["time", "text"]), stamps), max_size=3),
    subtitle=st.none() | short,
    author_texts=st.lists(st.tuples(st.sampled_from(["rel", "class", "itemprop", "link"]), short), max_size=3),
)
CRAWLED = datetime(2024, 6, 1, tzinfo=UTC)


@SETTINGS
@given(signals, st.lists(short, max_size=5), st.none() | short)
def test_normalize_metadata_never_raises_and_keeps_dates_sane(sig, paragraphs, url):
    page = Page("page.html", "<p>x</p>", "html", "utf-8", 8, url=url, crawled_at=CRAWLED)
    fields, body = normalize_metadata(page, sig, paragraphs)
    assert len(body) <= len(paragraphs)
    if fields["published_at"] is not None:
        assert fields["published_at"] <= CRAWLED
    if fields["published_date"] is not None:
        assert date(1800, 1, 1) <= fields["published_date"] <= CRAWLED.date()
    assert isinstance(fields["authors"], list)


# Dates as pages print them, in any language and case, among digits and separators.
_MONTH_WORDS = st.tuples(
    st.sampled_from([*INTL_MONTHS, "may", "sept", "march"]), st.sampled_from([str.lower, str.upper, str.title])
).map(lambda pair: pair[1](pair[0]))
_DATE_GLUE = st.sampled_from([" ", "-", ". ", ".", ", ", " de ", "er ", "/", ""])
_DAY_MONTH_YEAR = st.tuples(st.integers(0, 40), _DATE_GLUE, _MONTH_WORDS, _DATE_GLUE, st.integers(1890, 2030)).map(
    lambda parts: "".join(map(str, parts))
)
_DATE_NOISE = st.sampled_from(
    ["", " ", "\n", "By Jane Roe ", "г.", " 10:15 CET", " at 5 p.m.", "Updated: ", "3/4/2021"]
)
date_texts = st.lists(_DAY_MONTH_YEAR | _DATE_NOISE, max_size=6).map("".join)


@SETTINGS
@given(date_texts)
def test_printed_dates_never_raise_and_are_real_days(text):
    for start, end, stamp in find_printed_spans(text):
        assert 0 <= start < end <= len(text)
        assert stamp.day.year >= 1900
    is_credit(text)


@SETTINGS
@given(short)
def test_metadata_helpers_never_raise(text):
    split_dateline(text)
    parse_byline(text, set())
    person_name(text)
    clean(text)
    parse_machine(text)
    find_printed(text)
    url_host(clean_url(text))
    url_host(text)
    clean_url(f"https://{text}/x", "https://example.org/a")


@SETTINGS
@given(st.lists(page_text, max_size=8).map("\n\n".join))
def test_segments_slice_the_text_exactly(text):
    rows = segment_article(text)
    last_end = {"paragraph": 0, "sentence": 0}
    for row in rows:
        assert row["kind"] in last_end
        assert text[row["char_start"] : row["char_end"]] == row["text"]
        assert row["text"] and row["text"] == row["text"].strip()
        assert row["char_start"] >= last_end[row["kind"]]
        last_end[row["kind"]] = row["char_end"]
    sentences = [r for r in rows if r["kind"] == "sentence"]
    assert [r["index"] for r in sentences] == list(range(len(sentences)))


@SETTINGS
@given(
    st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2023, 12, 31)),
    st.integers(min_value=-12 * 4, max_value=14 * 4).filter(bool),
    st.booleans(),
)
def test_a_utc_instant_printed_in_local_time_keeps_the_instant_and_gets_the_local_day(naive, quarters, as_time):
    """JSON-LD states the instant in UTC; the page prints it at some whole-quarter-hour offset, as a
    <time datetime> with its offset or as a byline's day and 12-hour clock: published_at is the
    instant, published_date the printed day, the offset the printed one."""
    from datetime import timedelta, timezone

    from transforms.metadata.dates import choose_dates

    instant = naive.replace(second=0, microsecond=0, tzinfo=UTC)
    shift = timedelta(minutes=15 * quarters)
    local = instant.astimezone(timezone(shift))
    jsonld = [{"@type": "NewsArticle", "datePublished": instant.strftime("%Y-%m-%dT%H:%M:00Z")}]
    if as_time:
        printed = {"date_texts": [("time", local.isoformat())]}
    else:
        clock = local.strftime("%I:%M %p").lstrip("0").lower()
        printed = {"byline_lines": [f"By Ana Vell {local.strftime('%B')} {local.day}, {local.year} {clock}"]}
    out = choose_dates(Signals(jsonld=jsonld, **printed), None, None, None, datetime(2024, 6, 1, tzinfo=UTC))
    assert out["published_at"] == instant
    assert out["published_date"] == local.date()
    assert out["published_offset_minutes"] == 15 * quarters


# A JSON Lines export's lines: records with a page (some with multi-byte text or a CR before the
# newline), blank lines, broken JSON, records with no page, lines over the cap.
_record_line = st.builds(
    lambda n, text, cr, ascii_only: (
        json.dumps({"url": f"https://ledger.example/{n}", "text": text}, ensure_ascii=ascii_only) + ("\r" if cr else "")
    ),
    st.integers(0, 999),
    # raw (ensure_ascii=False) multi-byte text, and the code points str.splitlines takes for line breaks
    st.text(alphabet=st.one_of(_ALPHABET, st.sampled_from("\u2028\u2029\x85\x0b\x0c\x1c")), min_size=1, max_size=300),
    st.booleans(),
    st.booleans(),
)
_export_line = st.one_of(
    _record_line,
    _record_line,
    st.just(""),
    st.just('{"url": "https://ledger.example/cut", "text": "cut'),
    st.just(json.dumps({"url": "https://ledger.example/none", "status": 404})),
    st.text(alphabet="x", min_size=SPAN_CAP + 1, max_size=SPAN_CAP + 50).map(lambda x: json.dumps({"text": x})),
)


@SETTINGS
@given(st.lists(_export_line, min_size=1, max_size=30), st.booleans(), st.integers(1, 600))
def test_byte_spans_of_an_export_give_every_record_once_as_a_whole_read_does(lines, final_newline, span_bytes):
    """Read in spans, a JSON Lines export gives the items a whole read gives: same ids, same order."""
    data = ("\n".join(lines) + ("\n" if final_newline else "")).encode()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "export.jsonl")
        with open(path, "wb") as fh:
            fh.write(data)
        whole = [_item_key(i) for i in read_documents(path, SPAN_CAP)]
        spans = file_spans(path, len(data), SPAN_CAP, span_bytes)
        pieces = [_item_key(i) for _, start, end in spans for i in read_documents(path, SPAN_CAP, start, end)]
    assert pieces == whole


def _item_key(item) -> tuple:
    return type(item).__name__, item.record_id, getattr(item, "reason", None), getattr(item, "text", None)


# Markup that nests: tags a page piles up (boxes, formatting, lists, tables, headings, menus), with
# and without their end tags, between words.
_NESTING = st.sampled_from(
    ["<div>", "</div>", '<div class="w">', "<span>", "</span>", "<font>", "<b>", "</b>", "<p>", "</p>", "<ul>",
     "<li>", "</ul>", "<table>", "<tr>", "<td>", "</table>", "<h2>", "</h2>", "<nav>", "</nav>", "<br>", "<a href='/'>",
     "</a>", "<!-- <div> -->"]
)  # fmt: skip
_WORD = st.sampled_from(["tide", "ferry", "harbour", "winter", "1", "é", "新闻"])


@SETTINGS
@given(st.lists(st.tuples(_NESTING, st.integers(1, 160), _WORD), max_size=12))
def test_flattened_markup_keeps_every_word_and_stays_under_the_depth_limit(runs):
    """Runs of one tag repeated (deep nesting) with a word after each run: the flattened page parses
    whole (no depth stop) and holds every word of the original, in order."""
    markup = "".join(tag * times + f" {word} " for tag, times, word in runs)
    words = [word for _, _, word in runs]
    flat = flatten_nesting("<html><body>" + markup + "</body></html>")
    tree = document_fromstring(flat)
    assert not reaches_max_depth(tree)
    assert tree.text_content().split() == words


_DATE_PIECE = st.sampled_from(
    ["Updated", "UPDATED:", "publıshed", "PUBLİSHED", "Published", "3 hours ago", "5 MIN AGO", "12:30", "٣:٤٥",
     "１２:３０", "2024-01-02", "1999/12/31", "Jan 5, 2020", "5 Sept 2019", "2020年1月2日", "19", "20", "ſ", "K", " ",
     "\u00a0", "word", "7", ":", "-", ".", ","]
)  # fmt: skip


@SETTINGS
@given(st.lists(_DATE_PIECE, max_size=12).map("".join) | st.text(max_size=200))
def test_a_pre_checked_date_search_answers_as_the_bare_search(line):
    assert has_date(line, line.lower()) == bool(DATEISH.search(line))
