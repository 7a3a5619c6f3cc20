"""Multi-story splitting on invented pages, HTML-like (headings flagged) and text-like."""

from schemas import Story
from transforms.stories import split_stories

BODY = (
    "The regional water board approved a plan on Monday to replace ageing pipes under the old town, "
    "a project that will take three years and close several streets for weeks at a time."
)
MORE = (
    "Residents will be told about closures two weeks in advance, the board said, and shops on the "
    "affected streets may apply for a small grant to cover lost trade during the works."
)


def test_briefs_page_with_flagged_headlines_splits_into_titled_stories():
    paragraphs = [
        "Bakery chain opens its tenth shop in the harbour district",
        BODY,
        "Ferry timetable changes for the summer season",
        MORE,
        "Local choir wins national award for folk songs",
        BODY + " " + MORE,
    ]
    parts = split_stories([Story(paragraphs, "News in brief", [0, 2, 4])])
    assert [p.title for p in parts] == [paragraphs[0], paragraphs[2], paragraphs[4]]
    assert [p.paragraphs for p in parts] == [[BODY], [MORE], [BODY + " " + MORE]]


def test_a_live_page_of_short_timed_updates_splits():
    """Updates under clock times are a live page's, however short (a dated teaser list has dates)."""
    updates = ["Ferry timetable changes for summer", "Choir wins national folk award", "Bakery opens tenth shop"]
    paragraphs = []
    for k, (head, body) in enumerate(zip(updates * 2, [BODY[:90], MORE[:90]] * 3)):
        paragraphs += [f"1{k}:0{k}", f"{head} ({k})", body]
    parts = split_stories([Story(paragraphs, heading_indexes=list(range(0, 18, 3)) + list(range(1, 18, 3)))])
    assert [p.title for p in parts] == [f"{head} ({k})" for k, head in enumerate(updates * 2)]


def test_a_live_updates_headline_under_its_clock_time_titles_it():
    """In a dump each clock time is flagged as a heading, and so is a plain headline under it, but a
    question's mark keeps one unflagged: that headline, not "9:06PM", is the update's title, and no
    line of its body."""
    heads = ["Ferry timetable changes for summer", "Will the ferry run tonight?", "Choir wins national folk award"]
    paragraphs, flagged = [], []
    for k, (head, body) in enumerate(zip(heads * 2, [BODY, MORE] * 3)):
        flagged += [len(paragraphs)] + ([len(paragraphs) + 1] if not head.endswith("?") else [])
        paragraphs += [f"9:0{k}PM", head, body]
    parts = split_stories([Story(paragraphs, heading_indexes=flagged)])
    assert [p.title for p in parts] == heads * 2
    assert [p.paragraphs for p in parts] == [[BODY], [MORE], [BODY], [MORE], [BODY], [MORE]]


def test_a_listicle_with_short_headed_sections_stays_one_story():
    """Short sections under headline-like heads, on a page whose headline names no roundup, are a
    listicle's or a guide's: the same paragraphs under "News in brief" are briefs."""
    paragraphs = [
        "1. Set realistic goals for the months ahead",
        BODY,
        "2. Stick to a regular meal pattern every day",
        MORE,
        "3. Make time for physical activity each week",
        BODY + " " + MORE,
    ]
    story = Story(paragraphs, heading_indexes=[0, 2, 4])
    assert len(split_stories([story], "7 weight loss tips to keep the pounds off")) == 1
    assert len(split_stories([story])) == 1
    assert len(split_stories([story], "News in brief: June 5")) == 3
    assert len(split_stories([story], "Storm Ciaran hits the coast", live=True)) == 3  # a LiveBlogPosting


def test_single_story_with_subheadings_stays_one():
    paragraphs = [BODY, MORE, BODY, "Background", MORE, BODY, "What happens next", MORE, "Costs", BODY]
    story = Story(paragraphs, "Water pipes to be replaced", [3, 6, 8])
    assert split_stories([story]) == [story]


def test_long_lede_then_headline_like_subheads_stays_one():
    paragraphs = [
        BODY,
        MORE,
        BODY,
        "Why the pipes are failing so often",
        MORE,
        "Where the works will start first",
        BODY,
        "How residents can get a grant",
        MORE,
    ]
    story = Story(paragraphs, "Water pipes", [3, 5, 7])
    assert split_stories([story]) == [story]


def test_headline_list_without_bodies_is_navigation_and_dropped():
    paragraphs = [BODY, MORE, "Most read", "Ferry prices rise again", "Council election date set", "Choir wins award"]
    parts = split_stories([Story(paragraphs, "Water pipes", [2, 3, 4, 5])])
    assert len(parts) == 1
    assert parts[0].paragraphs == [BODY, MORE]
    assert parts[0].heading_indexes == []


def test_navigation_dropped_but_real_subheading_kept():
    paragraphs = ["Related", "Other story one here", BODY, "Background", MORE]
    parts = split_stories([Story(paragraphs, "T", [0, 1, 3])])
    assert parts == [Story(["Other story one here", BODY, "Background", MORE], "T", [0, 2])]


def test_live_page_with_dated_entries_splits_and_drops_time_lines():
    paragraphs = [
        "Follow our live coverage of the storm as it moves along the coast.",
        "10:42 a.m. ET",
        "Power restored to most homes in the north",
        "OSLO (AP) — Crews restored power to most homes overnight after the storm, officials said. " + BODY,
        "9:15 a.m. ET",
        "Schools closed for a second day",
        "By Ann Lee",
        "Schools across the county stayed closed on Tuesday as roads remained blocked. " + MORE,
    ]
    parts = split_stories([Story(paragraphs, "Storm live", [2, 5])])
    assert [p.title for p in parts] == [paragraphs[2], paragraphs[5]]
    assert parts[0].paragraphs == [paragraphs[3]]
    assert parts[1].paragraphs == [paragraphs[7]]


def test_text_dump_with_datelined_sections_splits():
    first = "NORRWICK (Reuters) - The port authority said on Friday it would expand the container terminal. " + BODY
    second = "HALVIK, March 3 (AP) -- Fishermen brought in a record catch of herring this week, officials said. " + MORE
    paragraphs = [
        "World news roundup",
        "Port to expand container terminal",
        first,
        "Record herring catch in the north",
        second,
    ]
    parts = split_stories([Story(paragraphs)])
    assert [p.title for p in parts] == ["Port to expand container terminal", "Record herring catch in the north"]
    assert [p.paragraphs for p in parts] == [[first], [second]]


def test_text_dump_single_story_with_subheadings_stays_one():
    paragraphs = [BODY, "Why the pipes fail so often", MORE + " " + BODY, "What the works will cost", BODY + " " + MORE]
    story = Story(paragraphs)
    assert split_stories([story]) == [story]


def test_plain_story_and_empty_inputs():
    story = Story([BODY, MORE], "Title")
    assert split_stories([story]) == [story]
    assert split_stories([]) == []
    assert split_stories([Story([], None, [])]) == [Story([], None, [])]


def test_out_of_range_heading_indexes_are_ignored():
    story = Story([BODY, MORE], "Title", [7, -1])
    assert split_stories([story])[0].paragraphs == [BODY, MORE]


def test_dated_teaser_list_after_an_article_is_not_split():
    paragraphs = [
        BODY,
        MORE,
        BODY,
        "March 2, 2024",
        "Ferry prices rise again this spring",
        "Operators blame fuel costs for the increase.",
        "March 1, 2024",
        "Council sets a date for the election",
        "Voters will go to the polls in May.",
    ]
    story = Story(paragraphs, "Water pipes")
    assert split_stories([story]) == [story]


def _live_html(stamps: list[str], time_html: str = "<time>{}</time>") -> str:
    """An HTML live page: each update a clock time, its headline and a short body."""
    updates = "".join(
        f"<div class='update'>{time_html.format(stamp)}<h2>Update {k}: the ferry crossing reopens in stages</h2>"
        f"<p>{BODY} ({k})</p><p>{MORE}</p></div>"
        for k, stamp in enumerate(stamps)
    )
    return (
        "<html><head><title>Harbour storm</title></head><body><h1>Harbour storm: the day in the port</h1>"
        f"<div class='live-updates'>{updates}</div></body></html>"
    )


def _articles(html: str) -> list[dict]:
    from datetime import UTC, datetime

    from schemas import Page
    from transforms.articles import build_articles
    from transforms.extract import extract_page

    page = Page("mem://live.html", html, "html", "utf-8", len(html))
    return build_articles(extract_page(page), datetime(2025, 3, 1, tzinfo=UTC))


def test_an_html_live_page_splits_on_the_times_the_extractor_drops():
    """trafilatura drops a <time> element: the extractor flags the headings printed under one."""
    stamps = ["09:05", "10:40", "11:15", "13:20", "14:05"]
    rows = _articles(_live_html(stamps))
    assert [r["title"] for r in rows] == [f"Update {k}: the ferry crossing reopens in stages" for k in range(5)]
    assert all(not r["text"].startswith(tuple(stamps)) for r in rows)
    # a time in a wrapper of its own, written with a dot and a zone (the Guardian's blocks)
    guardian = _live_html(
        ["9.05 GMT", "10.40 GMT", "11.15 GMT", "13.20 GMT"], "<p class='block-time'><time>{}</time></p>"
    )
    assert len(_articles(guardian)) == 4


def test_an_html_article_with_a_time_over_one_subheading_stays_one():
    html = _live_html(["09:05"]).replace("</div></div>", f"</div><h2>What happens next</h2><p>{MORE}</p></div>")
    assert len(_articles(html)) == 1


def _dump_articles(lines: list[str]) -> list[dict]:
    from datetime import UTC, datetime

    from schemas import Page
    from transforms.articles import build_articles
    from transforms.extract import extract_page

    text = "\n".join(lines) + "\n"
    return build_articles(extract_page(Page("mem://briefs.txt", text, "text", "utf-8", len(text))), datetime.now(UTC))


BRIEFS = [
    ("Ferry timetable changes for the summer season", [BODY]),
    ("Choir wins national award for folk songs", [MORE, BODY.replace("water board", "choir")]),
    ("Bakery chain opens its tenth shop in the harbour", [MORE.replace("board", "bakery")]),
]


def test_a_roundups_text_dump_splits_into_its_briefs():
    """Over a briefs page's dump, the first brief's headline sits where a headline does, right over the
    body: under the roundup's label it is given back to its brief (the HTML page splits alike)."""
    head = ["Home", "News", "Sport", "Opinion", "News in brief", "From staff reports", "June 5, 2024", "Share"]
    lines = head + [line for title, body in BRIEFS for line in [title, *body]] + ["Contact us", "© 2024 Harbour Post"]
    rows = _dump_articles(lines)
    assert [r["title"] for r in rows] == [title for title, _ in BRIEFS]
    assert [r["text"].split("\n\n") for r in rows] == [body for _, body in BRIEFS]


def test_a_dump_without_a_roundups_label_keeps_its_headline_in_the_header():
    head = ["Home", "News", "Sport", "Opinion", "June 5, 2024", "Share"]
    lines = head + [line for title, body in BRIEFS for line in [title, *body]] + ["Contact us", "© 2024 Harbour Post"]
    (row,) = _dump_articles(lines)
    assert row["title"] == BRIEFS[0][0] and not row["text"].startswith(BRIEFS[0][0])


def test_a_photos_caption_over_its_credit_line_cuts_no_story_from_a_live_pages_report():
    """A dump prints a photo's caption over its credit ("Credit: Reuters/..."): the credit goes, and
    the caption, a short line without a stop, read as a heading that cut the report into stories."""
    report = [
        BODY,
        "Rovers opened the scoring with a glancing header",
        "Credit: Reuters/Ann Lee",
        MORE,
        "Quay levelled from a corner in the second half",
        "Credit: AP Photo/Ann Lee",
        BODY.replace("water board", "harbour board"),
    ]
    updates = []
    for k in range(5):
        updates += [
            f"9:0{k}PM",
            f"{90 - 10 * k} minutes: Rovers 2 Quay {3 - k // 2}",
            MORE.replace("board", f"club {k}"),
        ]
    head = ["Home", "Sport", "Harbour Rovers 2 Quay United 3: as it happened", "By Ann Lee", "5 June 2024"]
    rows = _dump_articles(head + report + updates + ["Contact us", "© 2024 Harbour Post"])
    assert rows[0]["title"] == "Harbour Rovers 2 Quay United 3: as it happened"
    assert BODY in rows[0]["text"] and MORE in rows[0]["text"] and "harbour board" in rows[0]["text"]
    assert len(rows) == 6
