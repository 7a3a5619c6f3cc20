"""Text-dump headers (`transforms.metadata.dumps`): headline, deck and credit lines.

Every line here is invented, in the shapes met in plain-text page dumps.
"""

import time

from transforms.metadata.dump_headline import headline_words
from transforms.metadata.dump_writers import archive_link_byline
from transforms.metadata.dumps import dump_header

FIRST = "The county opened its third cooling centre on Monday as temperatures climbed past forty."
MORE = "More text of the article follows in this paragraph, long enough to be body text."


def _header(lines: list[str]) -> tuple[str | None, list[str]]:
    return dump_header("\n".join(lines + [FIRST, MORE]), FIRST)


# A whole article under its headline, and its last paragraph: what a dump prints under it is read
# with `dump_header(..., FIRST, LAST)`.
LAST = "The centres stay open until the end of the month, the county said in its statement."
WHOLE_ARTICLE = [
    "Menu",
    "Cooling centres open across the county",
    FIRST,
    MORE,
    MORE + " Still more.",
    MORE + " And more.",
    LAST,
]
# Lines a dump prints between an article's end and a footer: share links and a related story.
FAR_BELOW = ["Share", "Print", "Email", "Newsletter", "Related stories", "Six more buses for the summer"]


def _credits_far_below(lines: list[str]) -> list[str]:
    """The credits read from a dump whose `lines` sit far under the body (past FAR_BELOW)."""
    head = ["Menu", "Cooling centres open across the county"]
    return dump_header("\n".join(head + [FIRST, MORE] + FAR_BELOW + lines), FIRST, MORE)[1]


def test_a_headline_over_its_deck():
    lines = [
        "Menu",
        "Cooling centres open across the county",
        "Here is where to go when the heat returns",
        "By Tomas Reyes",
        "July 8, 2024",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"
    # a short line over the headline is a kicker or a menu entry, not the headline
    lines[1:2] = ["Local News"]
    assert _header(lines)[0] == "Here is where to go when the heat returns"
    # a label glued to the headline stays a label
    lines[1:3] = ["County Guides Cooling Centres Open Across the County", "Cooling Centres Open Across the County"]
    assert _header(lines)[0] == "Cooling Centres Open Across the County"


def test_a_deck_under_the_byline():
    """Some papers set the deck under the byline ("Headline" / "By NAME | Paper | Updated: ..." /
    deck); a title-case line there is the first section's heading, no deck."""
    credit = "By Tomas Reyes | The Valley Courier | Updated: 2024-07-08 09:06"
    deck = "Libraries and halls stay open late while the heat lasts"
    header = dump_header("\n".join(["Menu", "Cooling centres open across the county", credit, deck, FIRST]), FIRST)
    assert header.headline == "Cooling centres open across the county"
    assert header.deck == deck
    assert credit in header.credits
    section = "Where to Find a Cool Room: Your Guide to the County's Centres"
    header = dump_header("\n".join(["Menu", "Cooling centres open across the county", credit, section, FIRST]), FIRST)
    assert header.deck is None


def test_a_newsrooms_own_credit_line_is_no_headline():
    """ "From staff reports" under a roundup's label is a credit: the label stays the headline (a
    shorter line over a longer headline-like one used to lose to it)."""
    for credit in ("From staff reports", "Staff and wire reports", "From wire services", "Compiled from wire reports"):
        header = dump_header("\n".join(["Menu", "News in brief", credit, "June 5, 2024", FIRST]), FIRST)
        assert header.headline == "News in brief", credit
    assert dump_header("\n".join(["Menu", "Staff reports show a rise in overtime", FIRST]), FIRST).headline


def test_bylines_in_other_languages_are_credits_not_headlines():
    """ "Von", "Par", "Por", "Door" before a capitalised name open a byline as "By" does: the line is
    a credit, the headline is the line over it, and no fallback looks for another writer."""
    head = "Neue Kühlräume öffnen in der ganzen Stadt während der Hitzewelle"
    for byline in ("Von Anna Roth und Lukas Brenner", "Par Jean Roux", "Por Ana Ruiz", "Door Eva de Vries"):
        header = dump_header("\n".join(["Startseite", "Politik", head, byline, "04.03.2024, 12:39 Uhr", FIRST]), FIRST)
        assert header.headline == head, byline
        assert header.credits[0] == byline
    # the same words opening a sentence, before a lower-case word, are no byline
    header = dump_header("\n".join(["Startseite", head, "Par ailleurs la mairie ouvre ses salles", FIRST]), FIRST)
    assert header.credits == []
    # nor are English headlines that open with them
    for headline in ("Door County Board Approves New Budget", "Von Miller Signs With Bills Through 2030"):
        header = dump_header("\n".join(["Menu", "Sports", headline, "By Tomas Reyes", "July 8, 2024", FIRST]), FIRST)
        assert header.headline == headline


def test_menu_entries_glued_together_are_not_a_headline():
    lines = ["HomeLocal NewsWeather Alerts", "Cooling centres open across the county", "July 8, 2024"]
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[1:2] = []
    assert _header(lines)[0] is None


def test_a_rights_notice_is_no_headline():
    """A copyright line over the body (a reference page's source note) is never the title; a
    headline that speaks of copyright still is one."""
    headline = "Cooling centres open across the county"
    notices = ("© Harbour Press Ltd. 1998, 2004", "Copyright © 2024 The Valley Ledger", "Alle Rechte vorbehalten")
    for notice in notices:
        assert _header(["Menu", notice])[0] is None, notice
        assert _header([headline, notice])[0] == headline
    for about_copyright in ("Court rules on copyright of weather maps", "Copyright Office rejects AI artwork filing"):
        assert _header(["Menu", about_copyright])[0] == about_copyright


def test_a_line_without_letters_is_no_headline():
    """A time stamp over the body (a Chinese paper's "2023 11/ 17 20:52:15", on newspaper4k's test
    pages) was taken for the title: a headline holds a letter, of any script."""
    for stamp in ("2024 05/ 12 09:30:15", "1 / 2 / 3 / 4", "+1 (555) 010-2030"):
        assert _header(["Menu", "Home", stamp])[0] is None, stamp
    assert _header(["Menu", "Home", "2024 Budget Passes 5-4"])[0] == "2024 Budget Passes 5-4"


def test_a_chinese_headline_and_its_date_line_are_read():
    """A headline written without spaces is one "word" split at spaces: its words are counted as
    textstats does, a Han character half a word (`headline_words`); a "2024年5月12日" line is a date
    line, and a link's target printed as its text ("javascript:void(0)") is no headline."""
    headline = "青河新大桥今日正式通车"
    title, credits = _header(["首页", "新闻", "其他javascript:void(0)", headline, "更新时间 2024年5月12日 09:30"])[:2]
    assert title == headline
    assert credits == ["更新时间 2024年5月12日 09:30"]
    assert headline_words(headline) == 6 and headline_words("Cooling centres open across the county") == 6


def test_role_lines_and_interface_labels_behind_symbols_are_not_headlines():
    lines = [
        "Cooling centres open across the county",
        "By Tomas Reyes",
        "Senior Weather Editor and Storm Chaser",
        "July 8, 2024",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[2] = "Deputy Editor, The Valley Ledger"
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[2:2] = ["\U0001f50a Listen to this article"]
    assert _header(lines)[0] == "Cooling centres open across the county"
    # a site's widgets and notices between the headline and the body: interface, not headlines
    widgets = ["Manage alerts for this article", "Opt-Out Signal Honored", "Scroll to top", "Show more"]
    widgets += ["Lee esto en Español", "In this section", "Why trust The Valley Courier?", "Free shipping today ✕"]
    for widget in widgets:
        deck = "Libraries and community halls stay open late while the heat lasts this week"
        lines = ["Menu", "Weather", "Cooling centres open across the county", deck, widget, "Email this article"]
        lines += ["By Tomas Reyes", "July 8, 2024"]
        assert _header(lines)[0] == "Cooling centres open across the county", widget


def test_a_headline_in_title_case_may_end_with_a_full_stop():
    """A site's name over the headline loses to it though the headline ends with a full stop: in title
    case it is no sentence. A sentence-case line with one stays a sentence (a deck, a lead-in)."""
    lines = [
        "Menu",
        "The Shooting Star",
        "Things to Know Before Moving to the County for the First Time.",
        "By Ana Vell",
    ]
    lines += ["July 8, 2024"]
    assert _header(lines)[0] == "Things to Know Before Moving to the County for the First Time."
    lines[2] = "Here are some things to know before moving to the county for the first time."
    assert _header(lines)[0] != lines[2]


def test_a_longer_line_in_title_case_under_a_section_line_is_the_headline_not_its_deck():
    """A deck is written as a sentence: a longer title-case line under a headline-like one is the
    headline under its section or kicker, while a sentence-case line under it stays its deck."""
    section = "Expert Reviews and Buying Guides"
    headline = "Four Best Cooling Fans, Tested by Our Weather Desk"
    lines = ["Menu", section, headline, "By Ana Vell", "July 8, 2024"]
    assert _header(lines)[0] == headline
    lines[2] = "We tested four cooling fans over a week of heat in the valley"
    assert _header(lines)[0] == section


def test_the_date_beside_another_copy_of_the_headline_dates_the_page():
    """A hero block prints the headline and its date; the article repeats the headline right over the
    body, with its tags between, under it only the month of its last update."""
    headline = "Cooling centres open across the county"
    tags = ["Weather", "Heat", "Health", "County", "Summer"]
    lines = ["Menu", headline, "9 min read", "19/07/2024", *tags, headline, "Last updated: July 2024."]
    assert "19/07/2024" in _header(lines)[1]


def test_a_name_alone_over_its_role_or_a_line_before_its_date_is_a_byline():
    lines = ["Cooling centres open across the county", "Tomas Reyes", "Weather Reporter", "July 8, 2024"]
    assert "By Tomas Reyes" in _header(lines)[1]
    # a title "of" its field: the job is the word before "of"
    lines[2] = "Vice President of Weather Services"
    assert _header(lines[:3])[1] == ["By Tomas Reyes"]
    # "expert" heads a role too (here under a one-paragraph standfirst)
    dump = "\n".join(
        ["Menu", "Cooling centres open across the county", FIRST, "Tomas Reyes", "Heat Safety Expert", MORE]
    )
    assert dump_header(dump, FIRST)[1] == ["By Tomas Reyes"]
    # a role in sentence case ("Goings On editor"), the name under the date and two buttons
    head = ["Cooling centres open across the county", "July 8, 2024", "Save this story", "Save this story"]
    for role in ("Weather desk editor", "Senior political correspondent"):
        assert _header([*head, "Tomas Reyes", role])[1] == ["July 8, 2024", "By Tomas Reyes"], role
    assert _header(["Menu", "Meet the new weather editor", "July 8, 2024"])[0] == "Meet the new weather editor"
    lines[2] = "Local News"  # one line between the name and its date
    assert "By Tomas Reyes" in _header(lines)[1]
    lines[1] = "Copy Link"  # an interface label is nobody
    assert not any(line.startswith("By ") for line in _header(lines)[1])
    # co-authors' names on one line over the date
    lines = ["Cooling centres open across the county", "Tomas Reyes, Grace Odum & Ana Vell", "July 8, 2024"]
    assert "By Tomas Reyes, Grace Odum & Ana Vell" in _header(lines)[1]


def test_a_first_name_alone_between_the_headline_and_its_date_is_the_byline():
    """A blog theme's "Headline" / "Susan" / "December 9, 2024" (or a short date: "Jan 23", "2 days
    ago"); an account name ("Admin") or a category the page writes in lower case ("Travel") is no one."""
    head = "Cooling centres open across the county"
    for name, date in [("Susan", "July 8, 2024"), ("Gabo", "Jan 23"), ("Kev", "2 days ago")]:
        assert f"By {name}" in _header(["Menu", head, name, date])[1], name
    for label in ["Admin", "Travel"]:
        credits = dump_header("\n".join(["Menu", head, label, "July 8, 2024", FIRST, MORE, "Our travel tips."]), FIRST)[
            1
        ]
        assert not any(c.startswith("By") for c in credits), label


def test_a_name_over_its_date_under_a_one_paragraph_standfirst():
    lines = ["Menu", "Cooling centres open across the county"]
    body = [FIRST, "Grace Odum", "July 8, 2024", MORE]
    assert "By Grace Odum" in dump_header("\n".join(lines + body), FIRST)[1]


def test_a_name_alone_under_the_deck_the_stripper_took_for_the_first_paragraph():
    """The headline right over the body's first paragraph, a deck: a name alone under it is the
    byline; an interface label ("Close Modal") is no name."""
    lines = ["Menu", "Cooling centres open across the county"]
    deck = "Three halls stay open late as the heat climbs past forty degrees"
    assert "By Grace Odum" in dump_header("\n".join(lines + [deck, "Grace Odum", "Contents", MORE]), deck)[1]
    assert dump_header("\n".join(lines + [deck, "Close Modal", "Close", MORE]), deck)[1] == []


def test_a_byline_set_one_part_a_line_under_the_standfirst_is_read_to_its_date():
    """A byline opening right under the standfirst, its parts one a line ("By" / "The Valley Desk" /
    "|" / "6" / "mins" / "|" / <date>), is read past the first four lines while they are short;
    without a byline there, a date further down is no credit (a chart's rows)."""
    lines = ["Menu", "Cooling centres open across the county"]
    parts = ["By", "The Valley Desk", "|", "6", "mins", "|", "July 8, 2024"]
    assert "July 8, 2024" in dump_header("\n".join(lines + [FIRST] + parts + [MORE]), FIRST)[1]
    chart = [MORE, "Monthly readings", "Source: the county", "Date / reading", "7/1/2024+3.1%", "8/1/2024+2.9%"]
    assert dump_header("\n".join(lines + [FIRST] + chart), FIRST)[1] == []


def test_a_line_opening_with_a_comma_is_read_without_error():
    lines = ["Cooling centres open across the county", "Tomas Reyes", ", and The Valley Desk", "July 8, 2024"]
    assert _header(lines)[0] == "Cooling centres open across the county"


def test_dates_glued_to_the_next_word_or_time_and_labels_alone_on_their_line():
    from datetime import date

    from transforms.metadata.datetexts import find_printed

    assert find_printed("March 4, 2024March 9, 2024").day == date(2024, 3, 4)
    assert find_printed("Originally published March 4, 202409:15 AM ET").day == date(2024, 3, 4)
    assert find_printed("March 4. 2024").day == date(2024, 3, 4)
    assert find_printed("March 4, 20245") is None
    # day first, no space after the comma, glued to a byline: the date, and the byline after it
    assert find_printed("4 March,2024By Tomas Reyes").day == date(2024, 3, 4)
    credits = _header(["Cooling centres open across the county", "4 March,2024By Tomas Reyes"])[1]
    assert credits == ["4 March,2024 By Tomas Reyes"]
    lines = ["Cooling centres open across the county", "Published:", "July 8, 2024"]
    assert "Published: July 8, 2024" in _header(lines)[1]
    tags = ", ".join(["Weather", "County News", "Public Health", "Community Services", "Summer", "Heat Safety"] * 3)
    lines[1:3] = [f"Posted on July 8, 2024 in {tags}"]
    assert lines[1] in _header(lines)[1]


def test_a_date_in_another_language_dates_the_dump():
    from datetime import date

    from schemas import Page, Signals
    from transforms.metadata import normalize_metadata

    lines = ["Startseite", "Lokales", "Neue Kältezentren im ganzen Landkreis", "3. Dezember 2025", FIRST, MORE]
    dump = "\n".join(lines)
    fields, _ = normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])
    assert fields["title"] == "Neue Kältezentren im ganzen Landkreis"
    assert fields["published_date"] == date(2025, 12, 3)


def test_a_name_glued_to_its_date_or_label_is_taken_apart():
    """A dump runs inline elements together: "Jane RoeMar 5, 2025", "Posted byJane", a year glued to
    the next element. The credit line gets its spaces back; the date and the name both read."""
    from schemas import Page, Signals
    from transforms.metadata.normalize import normalize_metadata

    lines = [
        "Menu",
        "Cooling centres open across the county",
        "Posted byMarta OyelaranMar 5, 2025Updated:Mar 6, 20252 Comments",
    ]
    headline, credits, _ = _header(lines)
    assert headline == "Cooling centres open across the county"
    assert credits == ["Posted by Marta Oyelaran Mar 5, 2025 Updated:Mar 6, 2025 2 Comments"]
    dump = "\n".join(lines + [FIRST, MORE])
    fields, _ = normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])
    assert fields["authors"] == ["Marta Oyelaran"]
    assert str(fields["published_date"]) == "2025-03-05"
    # a month name inside a word, or a capitalised word after a year in prose, is left alone
    assert _header(["Menu", "Cooling centres open across the county", "By the Mayor 5 times"])[1] == [
        "By the Mayor 5 times"
    ]


def test_an_author_box_with_avatar_initials_and_job_titles_names_every_author():
    """ "Authors" / "GO" / "Grace Odum" / "Staff Engineer, The Ledger" / "TR" / "Tomas Reyes" / <role>:
    the avatars' initials and the job titles between the names are skipped."""
    box = ["Authors", "GO", "Grace Odum", "Staff Engineer, The Ledger", "TR", "Tomas Reyes", "Director of Research"]
    credits = _credits_far_below(box + ["Resources", "Documentation"])
    assert "By Grace Odum, Tomas Reyes" in credits


def test_a_labelled_date_under_the_body_dates_a_page_whose_header_has_none():
    last = LAST
    lines = [*WHOLE_ARTICLE, "Published", "August 30, 2024", "Author", "Tomas Reyes", "Related stories"]
    dump = "\n".join(lines)
    # (the footer's "Author" label over a name is the byline: `labelled_byline`)
    assert dump_header(dump, FIRST, last)[1] == ["By Tomas Reyes", "Published August 30, 2024"]
    # a date in the header wins: the footer's is not added
    dated = "\n".join(lines[:2] + ["July 8, 2024"] + lines[2:])
    assert dump_header(dated, FIRST, last)[1] == ["July 8, 2024", "By Tomas Reyes"]
    # further down, only a labelled date counts (`labelled_date`): a bare one is a related story's
    end = len(WHOLE_ARTICLE)
    far = "\n".join(lines[:end] + ["Share", "Print", "Email", "More from the county"] + lines[end:])
    assert dump_header(far, FIRST, last)[1] == ["By Tomas Reyes", "Published August 30, 2024"]


def test_a_blog_posts_meta_line_dates_a_page_that_prints_no_other_date():
    """ "June 9, 2020 · 6 Comments", "<date> | Categories: ...": a post's meta line, wherever the theme sets it.
    A bare date far from the header, or a comment count with no date, dates nothing."""
    for meta in ("July 8, 2024 · 6 Comments", "Monday, July 8th, 2024 at 11:00 am | Categories: Weather, County"):
        assert _credits_far_below([meta, "Leave a reply"]) == [meta], meta
    for line in ("July 8, 2024", "6 Comments"):
        assert _credits_far_below([line]) == [], line
    # a theme's meta line run together: category, author, date, tags and the comment count glued
    # (its author read too: `test_a_name_glued_to_the_categories_before_the_date_is_the_byline`)
    glued = "Weather, CountyTomas ReyesJuly 8, 2024heat, cooling centres4 Comments"
    assert _credits_far_below([glued]) == [
        "Weather, CountyTomas Reyes July 8, 2024heat, cooling centres4 Comments",
        "By Tomas Reyes",
    ]


def test_a_name_glued_to_the_categories_before_the_date_is_the_byline():
    """A blog theme's post meta (categories, author, date, tags, comments count) that the dump runs
    together: the name at the end of the categories, right before the date, is the byline, in title
    case where the page wrote it in lower case; menu entries glued before a date name no one."""
    for meta, byline in (
        ("Weather, County NewsTomas ReyesJuly 8, 2024heat, cooling centres4 Comments", "By Tomas Reyes"),
        ("LOCAL WEATHERines moreauJuly 8, 2024heat, summer2 Comments", "By Ines Moreau"),
    ):
        assert _credits_far_below([meta])[1:] == [byline], meta
    assert _header(["Cooling centres open across the county", "Weather, CountyTomas ReyesJuly 8, 2024"])[1][-1:] == [
        "By Tomas Reyes"
    ]
    for meta in ("Weather, County NewsJuly 8, 2024heat4 Comments", "HomeWeather NewsJuly 8, 20244 Comments"):
        assert not any(c.startswith("By ") for c in _credits_far_below([meta])), meta


def test_the_date_under_the_pages_one_written_by_line_dates_it():
    """An author box far from the header: "Written by <name>" over the date; not where several cards print one."""
    assert _credits_far_below(["Written by Ines Moreau", "April 8, 2024"]) == ["April 8, 2024"]
    cards = ["Written by Ines Moreau", "April 8, 2024", "Written by Tomas Reyes", "May 2, 2024"]
    assert _credits_far_below(cards) == []


def test_a_note_of_the_original_publication_joins_the_credits():
    """ "This article was originally published on" / "26 Sep 2019 at 4:12pm" / ...: read wherever it is."""
    lines = ["Menu", "Cooling centres open across the county", "By Tomas Reyes", "30 Sep 2022"]
    note = ["This article was originally published on", "26 Sep 2019 at 4:12pm", "but has been updated since."]
    credits = dump_header("\n".join(lines + [FIRST, MORE] + FAR_BELOW + note), FIRST, MORE)[1]
    assert "This article was originally published on 26 Sep 2019 at 4:12pm" in credits
    assert "30 Sep 2022" in credits


def test_an_author_label_or_a_glued_by_marks_the_headline_over_it():
    lines = [
        "Menu",
        "Weather Alerts For Your Area",
        "Traffic",
        "Schools",
        "Local News",
        "Cooling centres open across the county",
        "Author: Tomas Reyes",
    ]
    assert _header(lines)[:2] == ("Cooling centres open across the county", ["Author: Tomas Reyes"])
    lines[6] = "ByTomas Reyes"
    assert _header(lines)[0] == "Cooling centres open across the county"
    # a headline opening with "By..." in one word is no credit line
    lines[5:7] = ["Bypass road reopens after the flood", "July 8, 2024"]
    assert _header(lines)[0] == "Bypass road reopens after the flood"


def test_credits_captions_and_section_anchors_are_not_headlines():
    for line in [
        "Ana Ruiz, Lee Park, Sam Cho & Joy Obi",
        "Hero Image by Grace Odum for The Valley Ledger",
        "Contributions From: Ana Ruiz and Lee Park",
        "Written byThe Valley Ledger Weather Team",
        "Senior Life and Trends Reporter",
        "Where The Cooling Centres Are #",
        "Tweet This Story To Your Followers",
        "The County Heat Action Network on Facebook",
        "Grace Odum/The Valley Ledger; Lee Park for The Valley Ledger",
    ]:
        lines = ["Menu", "Cooling centres open across the county", line, "July 8, 2024"]
        assert _header(lines)[0] == "Cooling centres open across the county", line
    # two names joined by "&" may be a headline's two nouns ("Job Offers & Salary Talks")
    assert _header(["Menu", "Job Offers & Salary Talks"])[0] == "Job Offers & Salary Talks"


def test_a_button_over_a_date_is_not_a_byline():
    lines = ["Cooling centres open across the county", "Get Started", "July 8, 2024"]
    assert _header(lines)[1] == ["July 8, 2024"]
    lines[1] = "Tomas Reyes"
    assert _header(lines)[1] == ["By Tomas Reyes", "July 8, 2024"]


def test_a_filters_by_label_gives_no_byline_bonus_to_the_menu_entry_over_it():
    """ "By Manufacturer" under a shop's menu is a filter's label (the page writes "manufacturer" in lower
    case), no byline: the menu entry over it is no headline."""
    head = "Best Portable Fans for a Hot Summer in 2024"
    menu = ["Desk Fans", "Ceiling Fans", "Quiet Tower Fans", "All Categories", "By Manufacturer", "Fans By Room"]
    first = "Every fan here was tested for noise and airflow; each manufacturer sent us a sample."
    dump = "\n".join(["Menu", head, "Grace Odum", "Shop", *menu, first, MORE])
    assert dump_header(dump, first)[0] == head


def test_a_dated_note_as_long_as_a_paragraph_gives_no_byline_bonus():
    """ "Editor's Note, July 8, 2024: we added ...", longer than a credit line, over the body: it does not
    mark the table of contents' last entry over it as the headline."""
    head = "The Twelve Best Desk Fans of 2024"
    toc = ["Our top picks", "How we tested them", "How to Choose the Best Desk Fan FAQs"]
    note = (
        "Editor's Note, July 8, 2024: We added four fans from our summer guide, took out two that sold out,"
        " and checked every price again."
    )
    dump = "\n".join(["Menu", head, "July 8, 2024", "Contents", *toc, note, FIRST, MORE])
    assert dump_header(dump, FIRST)[0] == head


def test_a_date_right_over_a_line_marks_it_as_the_headline():
    lines = [
        "Menu",
        "Storm Tracker Map",
        "Traffic",
        "Tomas Reyes",
        "July 8, 2024",
        "Cooling centres open across the county",
    ]
    assert _header(lines)[:2] == ("Cooling centres open across the county", ["By Tomas Reyes", "July 8, 2024"])
    lines[3:4] = ["Tomas Reyes", "12"]  # a comment count between the name and its date
    assert _header(lines)[1] == ["By Tomas Reyes", "July 8, 2024"]
    lines[3:5] = ["Get Started"]  # a button is nobody
    assert _header(lines)[:2] == ("Cooling centres open across the county", ["July 8, 2024"])
    # a byline under a line counts for more than one over the next (a deck, a caption)
    lines = [
        "Menu",
        "Cooling centres open across the county",
        "By Tomas Reyes",
        "Where to find water and shade this week",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"


def test_a_teaser_over_a_title_case_headline_is_not_taken_for_the_headline_over_its_deck():
    """A related story's card over the headline, both in title case: the one that names what the body
    is about is the headline (a deck is a sentence); a shorter restatement under a headline stays its deck."""
    first = "Planting a herb garden takes a sunny spot, good soil and a few minutes of care each week."
    more = "Start with basil, parsley and mint, which grow fast in pots on any sunny windowsill."
    teaser = "Ten Rain Jackets Under $50 That Are Light, Warm, And Cheap"
    head = "How To Start A Herb Garden: A Step-by-Step Guide"
    dump = "\n".join(["Menu", "Related", teaser, head, "By", "Grace Odum", first, more])
    assert dump_header(dump, first)[0] == head
    head, deck = "A Complete Guide to Starting a Herb Garden", "A Guide to Starting a Herb Garden"
    dump = "\n".join(["Menu", "Related", head, deck, "By", "Grace Odum", first, more])
    assert dump_header(dump, first)[0] == head


def test_a_short_title_case_headline_over_its_sentence_case_deck_is_no_kicker():
    """A headline of three or four words in title case over a longer deck in sentence case: the
    headline, where it names the body better than the deck; a kicker whose words the body does not use
    stays a kicker over the headline."""
    first = "A bike upkeep checklist saves money: check the chain, the brakes and the tyres every month."
    more = "Most shops charge less for a regular check than for a repair after a breakdown."
    head, deck = "Your Bike Upkeep Checklist", "A guide to common repairs and what they usually cost"
    dump = "\n".join(["Menu", head, deck, "By Grace Odum", "July 8, 2024", first, more])
    assert dump_header(dump, first)[0] == head
    kicker, head = "Heat Wave Live", "Cooling centres open across the county as temperatures climb"
    lines = ["Menu", kicker, head, "By Grace Odum", "July 8, 2024"]
    assert _header(lines)[0] == head


def test_a_label_before_the_headline_is_dropped_where_the_headline_stands_alone_over_it():
    """ "Video: <headline>" (a player's label, "Transcript:", "Introduction:") over the body, the
    headline printed alone further up: the headline is that line; with no such line the label stays."""
    head = "Cooling centres open across the county"
    lines = ["Menu", head, "Share", "Home", "Guides", "Video", "Share", "Print", "Email", "More", f"Video: {head}"]
    assert _header(lines)[0] == head
    assert _header(["Menu", f"Analysis: {head}", "July 8, 2024"])[0] == f"Analysis: {head}"


def test_share_buttons_between_the_headline_and_its_byline_do_not_put_the_byline_out_of_reach():
    head = "Cooling centres open across the county"
    share = ["Share to LinkedIn", "Share to Facebook", "Copy link", "Email this article", "Print"]
    lines = ["Menu", head] + share + ["By Grace Odum", "July 8, 2024", "Contents", "What to know before you go"]
    assert _header(lines)[0] == head


def test_a_line_that_the_breadcrumb_ends_with_is_the_headline():
    # both lines share half their words with the body's opening: only the breadcrumb tells them apart
    lines = [
        "Menu",
        "Cooling centres open across the county",
        "Home » News » Cooling Centres Open Across the County",
        "Where to find a cooling centre this summer",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[2] = "Home » News"
    assert _header(lines)[0] == "Where to find a cooling centre this summer"


def test_the_line_that_names_what_the_body_is_about_is_the_headline():
    # a related story's headline sits nearer the body, but the article's opening repeats the other one's words
    lines = ["Menu", "Cooling centres open across the county", "Share", "Bridge repairs close two lanes until May"]
    assert _header(lines)[0] == "Cooling centres open across the county"
    # a deck shares even more words with the body: the headline over it still wins
    lines[2:] = ["The county opened its third cooling centre on Monday"]
    assert _header(lines)[0] == "Cooling centres open across the county"


def test_a_name_alone_under_the_headline_is_its_byline():
    head = "Cooling centres open across the county"
    assert _header(["Menu", head, "Tomas Reyes"])[1] == ["By Tomas Reyes"]
    deck = "Where to go when the heat returns, and what to bring with you"
    assert _header(["Menu", head, deck, "Tomas Reyes"])[1] == ["By Tomas Reyes"]
    assert _header(["Menu", head, "Tomas Reyes, Weather Editor"])[1] == ["By Tomas Reyes, Weather Editor"]
    # a byline elsewhere under the headline wins: the name may be a tag
    assert _header(["Menu", head, "Tomas Reyes", "By Grace Odum"])[1] == ["By Grace Odum"]
    # a label in title case (its words are in the text in lower case), glued menu entries, a label
    # with a role-like tail, further down: nobody
    for lines in (
        ["Menu", head, "County Temperatures"],
        ["Menu", head, "NewsWeather Alerts"],
        ["Menu", head, "County Temperatures, Weather Desk"],
        ["Menu", head, "Share", "Print", "Tomas Reyes"],
    ):
        assert _header(lines)[1] == [], lines


def test_a_relative_date_or_a_modified_label_marks_the_headline():
    for credit in ["2 days ago", "Last Modified: 2 days ago", "an hour ago"]:
        lines = [
            "Menu",
            "Storm Tracker Live Radar Maps",
            "Traffic",
            "Schools",
            "Weather",
            "Cooling centres open across the county",
            credit,
        ]
        assert _header(lines)[0] == "Cooling centres open across the county", credit


def test_a_line_printed_again_with_the_site_name_after_it_is_the_headline():
    lines = [
        "Cooling centres open across the county | The Valley Ledger",
        "Menu",
        "Cooling centres open across the county",
        "Storm Tracker Live Radar Maps",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines[0] = "Cooling centres open across the county tonight"  # not a title: no separator
    assert _header(lines)[0] == "Storm Tracker Live Radar Maps"


def test_the_first_paragraph_may_be_the_headline():
    head = "Cooling centres open across the county"
    assert dump_header("\n".join(["Menu", "Weather", head, "July 8, 2024", FIRST, MORE]), head)[:2] == (
        head,
        ["July 8, 2024"],
    )
    # a headline over it still wins over a short first paragraph
    lines = ["Menu", head, "By Tomas Reyes", "What the county said on Monday", FIRST, MORE]
    assert dump_header("\n".join(lines), lines[3])[0] == head


def test_a_labelled_byline_far_over_the_body_is_read():
    lines = ["Menu", "Cooling centres open across the county", "Written by Tomas Reyes"] + [
        f"Centre number {n} on the county map" for n in range(60)
    ]
    assert "Written by Tomas Reyes" in _header(lines)[1]


def test_a_filter_label_after_by_is_no_byline():
    lines = ["Menu", "Cooling centres open across the county", "By Heat Safety", "July 8, 2024"]
    text = MORE + " Stay cool: heat safety matters to the county."
    assert dump_header("\n".join(lines + [FIRST, text]), FIRST)[1] == ["July 8, 2024"]
    lines[2] = "By Tomas Reyes"
    assert dump_header("\n".join(lines + [FIRST, text]), FIRST)[1] == ["By Tomas Reyes", "July 8, 2024"]
    lines[2] = "by heatsafety"  # a handle stays
    assert dump_header("\n".join(lines + [FIRST, text + " heatsafety"]), FIRST)[1][0] == "by heatsafety"


def test_the_middle_of_a_wrapped_paragraph_is_no_headline():
    lines = [
        "Menu",
        "Cooling centres open across the county",
        "Share",
        "Print",
        "past forty degrees on Monday. The county said the centres would stay open",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"


def test_a_name_in_capitals_over_its_date_is_a_byline():
    lines = ["Menu", "Cooling centres open across the county", "TOMAS REYES", "July 8, 2024"]
    assert _header(lines)[1] == ["By TOMAS REYES", "July 8, 2024"]
    lines[2] = "READ MORE"
    assert _header(lines)[1] == ["July 8, 2024"]


def test_a_mailbox_byline_gives_way_to_a_name():
    lines = [
        "Menu",
        "Cooling centres open across the county",
        "By desk@valley-ledger.example",
        "July 8, 2024",
        "By Tomas Reyes",
    ]
    assert _header(lines)[1] == ["July 8, 2024", "By Tomas Reyes"]


def test_symbols_are_not_counted_as_words():
    # "Heat & Safety Tips Now" is four words, as short as a menu entry
    lines = ["Menu", "Cooling centres open across the county", "Heat & Safety Tips Now", "July 8, 2024"]
    assert _header(lines)[0] == "Cooling centres open across the county"
    assert (
        "By Access Calculator"
        not in _header(["Menu", "Cooling centres open across the county", "Access Calculator", "July 8, 2024"])[1]
    )


def test_a_headline_may_open_with_home_but_a_breadcrumb_may_not():
    lines = [
        "Menu",
        "Weather Alerts For Your Area",
        "Traffic",
        "Schools",
        "Local News",
        "Home cooling tips for the heat wave",
        "July 8, 2024",
    ]
    assert _header(lines)[0] == "Home cooling tips for the heat wave"
    for crumb in ["Home / Local News / Weather Alerts Today", "/ Weather Alerts For Your Area Today"]:
        lines[5] = crumb
        assert _header(lines)[0] != crumb


def test_a_surname_with_a_nouns_ending_is_a_name_unless_the_page_writes_it_as_a_word():
    lines = ["Menu", "Cooling centres open across the county", "Dana Fleming", "July 8, 2024"]
    assert _header(lines)[1] == ["By Dana Fleming", "July 8, 2024"]
    lines[2] = "Heat Planning"
    dump = "\n".join(lines + [FIRST, MORE + " Good planning helps."])
    assert dump_header(dump, FIRST)[1] == ["July 8, 2024"]
    lines[2] = "Plant Information"  # a menu entry printed again and again
    dump = "\n".join(["Plant Information", "Menu"] * 3 + lines + [FIRST, MORE])
    assert dump_header(dump, FIRST)[1] == ["July 8, 2024"]


def test_an_article_by_label_alone_joins_the_name_under_it():
    lines = ["Menu", "Cooling centres open across the county", "Article by:", "Tomas Reyes", "July 8, 2024"]
    assert _header(lines)[1][0] == "Article by: Tomas Reyes"


def test_a_name_alone_under_the_headlines_date_is_its_byline():
    lines = ["Menu", "Cooling centres open across the county", "July 8, 2024", "5 min read", "Tomas Reyes"]
    assert _header(lines)[1] == ["July 8, 2024", "5 min read", "By Tomas Reyes"]
    lines[4] = "Show Sidebar"
    assert _header(lines)[1] == ["July 8, 2024", "5 min read"]


def test_a_name_with_credentials_over_its_date_is_a_byline():
    for name in ["Grace Odum, MS, RD", "Grace Odum MD", "Grace Odum CPP, PSP"]:
        lines = ["Menu", "Cooling centres open across the county", name, "July 8, 2024"]
        assert _header(lines)[1] == [f"By {name}", "July 8, 2024"], name


def test_a_call_to_action_is_no_headline():
    for button in ["Book a Demo", "Start Free Trial", "View Full Profile"]:
        lines = ["Menu", "Cooling centres now open", button, "July 8, 2024"]
        assert _header(lines)[0] == "Cooling centres now open", button
    # a longer line opening with such a verb may be one
    lines = ["Menu", "Get Ready For The Long Hot Summer", "July 8, 2024", "Cooling centres"]
    assert _header(lines)[0] == "Get Ready For The Long Hot Summer"


def test_a_name_among_a_credit_lines_parts_is_the_byline():
    for credit in [
        "Tomas Reyes•July 8, 2024",
        "July 8, 2024 · 5 min · Tomas Reyes",
        "July 8, 2024 • Tomas Reyes in",
        "12 Comments | Tomas Reyes | Last Updated: July 8, 2024",
        "Tomas Reyes July 8, 2024",
    ]:
        lines = ["Menu", "Cooling centres open across the county", credit]
        assert _header(lines)[1][-1] == "By Tomas Reyes", credit
    # a category among them is nobody (the page writes its words in lower case), and a byline elsewhere wins
    lines = [
        "Menu",
        "Cooling centres open across the county",
        "July 8, 2024 | Heat Safety",
        FIRST,
        "Officials said heat safety starts with water and shade.",
    ]
    assert dump_header("\n".join(lines), FIRST)[1] == ["July 8, 2024 | Heat Safety"]
    lines = ["Menu", "Cooling centres open across the county", "By Grace Odum", "Tomas Reyes | July 8, 2024"]
    assert _header(lines)[1] == ["By Grace Odum", "Tomas Reyes | July 8, 2024"]


def test_social_handles_glued_to_a_name_are_cut_but_a_mailbox_stays_one():
    from schemas import Page, Signals
    from transforms.metadata.normalize import normalize_metadata

    def authors(credit):
        lines = ["Menu", "Cooling centres open across the county", "Published Wed, Jul 8 2024 7:00 AM EST", credit]
        dump = "\n".join(lines + [FIRST, MORE])
        return normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])[0][
            "authors"
        ]

    assert authors("Marta Oyelaran@in/martaoyelaran@MartaOyelaranNews@MartaO") == ["Marta Oyelaran"]
    assert authors("By ops@valleyledger.example") == []


def test_a_blog_themes_meta_line_keeps_its_credit_without_its_category_list():
    """ "On <date><updated date> By <name>In <categories>": one glued line, longer than a credit line
    may be, read without its category list; "Posted in" glued to a date or a category too."""
    from schemas import Page, Signals
    from transforms.metadata.normalize import normalize_metadata

    categories = "In Heat Waves, County News, Public Health, Cooling Centres, Summer Guides, Weather"
    for meta, credit in [
        (
            "On July 8, 2024July 9, 2024 By Marta Oyelaran" + categories,
            "On July 8, 2024 July 9, 2024 By Marta Oyelaran",
        ),
        (
            "Posted byMarta OyelaranJuly 8, 2024July 9, 2024Posted in" + categories[3:],
            "Posted by Marta Oyelaran July 8, 2024 July 9, 2024",
        ),
    ]:
        lines = ["Menu", "Cooling centres open across the county", meta]
        assert _header(lines)[1] == [credit]
        dump = "\n".join(lines + [FIRST, MORE])
        fields, _ = normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])
        assert (fields["authors"], str(fields["published_date"])) == (["Marta Oyelaran"], "2024-07-08")
    # "LinkedIn" is a word, not a name glued to "In"; a short line keeps what follows "In"
    assert _header(["Menu", "Cooling centres open across the county", "By Marta OyelaranLinkedIn"])[1] == [
        "By Marta OyelaranLinkedIn"
    ]


def test_a_name_over_its_reading_time_is_the_byline():
    lines = ["Menu", "Cooling centres open across the county", "Tomas Reyes", "7 min read"]
    assert _header(lines)[1] == ["By Tomas Reyes", "7 min read"]
    # a label in title case over it is not (its words are in the text in lower case)
    assert _header(["Cooling centres open across the county", "Key Takeaways", "7 min read"])[1] == ["7 min read"]


def test_a_reviewer_or_fact_checker_is_no_author_when_the_writer_is_credited():
    """ "Medically reviewed by A — Written by B", "B" / "reviewed by" / "A", "B" / "<role> | <beat>" /
    "Fact checked by:" / "A": B wrote the page. A reviewer who is the only credit stays the author."""
    from schemas import Page, Signals
    from transforms.metadata.normalize import normalize_metadata

    def authors(credits):
        dump = "\n".join(["Menu", "Cooling centres open across the county", *credits, FIRST, MORE])
        return normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])[0][
            "authors"
        ]

    assert authors(["Medically reviewed by Ilse Varga, RN — Written by Marta Oyelaran — Updated on July 8, 2024"]) == [
        "Marta Oyelaran"
    ]
    assert authors(["Marta Oyelaran", "reviewed by", "Ilse Varga", "Updated on July 8, 2024"]) == ["Marta Oyelaran"]
    assert authors(
        [
            "Marta Oyelaran",
            "Contributing Writer | Heat, health and county news",
            "Fact checked by:",
            "Ilse Varga",
            "Updated:",
            "July 8, 2024",
        ]
    ) == ["Marta Oyelaran"]
    assert authors(["Reviewed by Ilse Varga, Public Health Nurse, on July 8, 2024."]) == ["Ilse Varga"]


def test_a_name_glued_to_the_role_under_it_is_taken_apart():
    lines = ["Menu", "Cooling centres open across the county", "By Marta OyelaranStaff Writer", "July 8, 2024"]
    assert _header(lines)[1][0] == "By Marta Oyelaran Staff Writer"


# News pages print photo captions, tickers and live entries between the masthead and the headline.
HEADLINE = "County opens three new cooling centres as the heat wave reaches its second week"


def test_a_caption_cut_short_and_the_publisher_between_byline_and_date_are_not_headlines():
    caption = "Mayor Ana Ruiz speaks with reporters outside City Hall in Riverton, Wednesday, July 7, 2024. (AP Photo/Lee Park)"
    lines = [
        "Advertisement",
        "Home",
        "News",
        HEADLINE,
        caption,
        "Mayor Ana Ruiz speaks with reporters …",
        "more >",
        "Back",
        "Print",
        "By Tomas Reyes",
        "-",
        "The Valley Ledger",
        "-",
        "Thursday, July 8, 2024",
    ]
    headline, credits, _ = _header(lines)
    assert headline == HEADLINE
    assert "By Tomas Reyes" in credits


def test_ticker_entries_and_live_entries_under_a_clock_time_are_not_headlines():
    lines = [
        "Latest",
        "49m agoLibrary extends its summer opening hours for families",
        "Latest",
        "2h agoCouncil Approves New Bus Routes For The East Side",
        "Cooling centres open across the county",
        "Here is where to go when the heat returns to the valley this week",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"
    lines = [
        "Live",
        "Cooling Centres Live: Third Centre Opens In Riverton",
        "Volunteers hand out water – so far",
        "Credit: Lee Park / Valley Press",
        "Key moments",
        "7:16pm",
        "Queues Form Outside The Library",
        "6:03pm",
        "Who Runs The Cooling Centres?",
        "5:41pm",
        "Hello and welcome",
    ]
    assert _header(lines)[0] == "Cooling Centres Live: Third Centre Opens In Riverton"
    # a time under its date is the headline's
    lines = [
        "Partner With Us",
        "Login",
        "Order Now",
        "Login",
        "Order Now",
        "Tomas Reyes",
        "July 8, 2024",
        "5:50 am",
        "Cooling Centres Open Across the County (and Where to Find Them)",
    ]
    assert _header(lines)[0] == "Cooling Centres Open Across the County (and Where to Find Them)"


def test_a_caption_over_its_photo_credit_and_a_list_item_are_not_headlines():
    lines = [
        "Mobile deals",
        HEADLINE,
        "The mayor toured the first centre on Monday morning",
        "Tomas Reyes,",
        "Senior Weather Correspondent",
        "and",
        "Grace Odum",
        "8 July 2024 • 9:36pm",
        "Related Topics",
        "Heat waves,",
        "Riverton County,",
        "Public Health Services",
        "A crowd of neighbours waited outside the door",
        "Credit: Lee Park/Getty Images",
    ]
    assert _header(lines)[0] == HEADLINE
    # a headline over its photo's credit, with the byline under it, is still the headline
    lines = ["Latest News", "Cooling centres open across the county", "Getty Images", "Valley Press", "July 8, 2024"]
    assert _header(lines)[0] == "Cooling centres open across the county"


def test_a_name_between_by_and_its_date_and_an_update_label_kicker():
    lines = [
        "Weather",
        "Cooling centres open across the county",
        "The county's comments came in response to questions from residents on where to go when the heat returns",
        "By",
        "Tomas R.J. Reyes Valley News",
        "Published",
        "July 8, 2024 8:38am EST",
    ]
    assert _header(lines)[0] == "Cooling centres open across the county"
    # "UPDATED: <headline>" is a kicker over the headline, not an update's date
    lines = [
        "News Analysis",
        "UPDATED: County opens third cooling centre AFTER record heat",
        "by Tomas Reyes",
        "July 8, 2024",
        "Read Next",
        "HEAT: How the county JUST ran out of fans",
    ]
    assert _header(lines)[0] == "UPDATED: County opens third cooling centre AFTER record heat"


def test_a_caption_ending_in_its_photo_credit_is_no_headline_over_the_byline():
    head, deck = (
        "The best cooling centres this summer",
        "The county has 14 cooling centres open all week - so there is one near you",
    )
    caption = "Volunteers hand out water at the library (Photo: Lee Park/Valley Ledger)"
    lines = ["Menu", head, deck, caption, "By Tomas Reyes", "July 8, 2024 6:00 am"]
    assert _header(lines)[0] == head


def test_a_long_headline_wins_over_kickers_menu_entries_and_its_shorter_deck():
    long_headline = (
        "County opens three new cooling centres in Riverton as the heat wave reaches its second week "
        "and nights stay hot"
    )
    # a trending topic over the headline, a caption under it
    lines = [
        "Heat wave",
        "Bus strike",
        "Library hours",
        "World News",
        long_headline,
        "A volunteer hands out water in Riverton, Monday, July 8, 2024. (AP Photo/Lee Park)",
        "By TOMAS REYES",
    ]
    assert _header(lines)[0] == long_headline
    # a donation link in the menu over it
    lines = [
        "How To Help",
        "Support The Ledger With a Donation",
        "Ledger Store",
        long_headline,
        "by Tomas Reyes July 8, 2024 10:20 pm",
    ]
    assert _header(lines)[0] == long_headline
    # a shorter deck under it
    lines = [
        "Weather",
        long_headline,
        "The county hopes the centres ease pressure on hospitals",
        "Associated Press",
        "Published",
        "July 8, 2024 8:38am EST",
    ]
    assert _header(lines)[0] == long_headline
    # a series' label over it, and an illustration's credit between it and its deck
    lines = [
        "View image in fullscreen",
        "Heat check: a summer special",
        "‘We come here every afternoon now’: can cooling centres keep a county safe through the hottest summer yet?",
        "Illustration: Lee Park/The Valley Ledger",
        "They are free, cool and open late, but are cooling centres really the right answer to a heat wave that lasts weeks?",
        "by Tomas Reyes",
        "Mon 8 Jul 2024 17.00 CET",
    ]
    assert _header(lines)[0].startswith("‘We come here every afternoon now’")


def test_a_credit_over_its_date_under_the_body_dates_a_page_whose_header_has_none():
    last, top = LAST, WHOLE_ARTICLE
    signed = ["Interview by Tomas Reyes", "August 30, 2024. Updated: September 2, 2024", "Share"]
    assert dump_header("\n".join(top + signed), FIRST, last)[1] == ["August 30, 2024. Updated: September 2, 2024"]
    unsigned = ["Related stories", "August 30, 2024. Updated: September 2, 2024", "Share"]
    assert dump_header("\n".join(top + unsigned), FIRST, last)[1] == []


def test_a_signature_under_the_body_dates_a_page_whose_header_has_none():
    """A blog signs off under its last paragraph: the author's name over the date, or beside it
    (glued by the dump). Only the first line under the body: a related story's card lower down
    prints a name over a date too."""
    last, top = LAST, WHOLE_ARTICLE
    for signature in (["Tomas Reyes", "August 30, 2024"], ["Tomas ReyesAugust 30, 2024"]):
        dump = "\n".join(top + signature + ["Share", "Related stories"])
        assert dump_header(dump, FIRST, last)[1] == ["By Tomas Reyes", "August 30, 2024"]  # its name too
    card = top + ["Related stories", "Tomas Reyes", "August 30, 2024"]
    assert dump_header("\n".join(card), FIRST, last)[1] == []
    comment = top + ["tomr says:", "August 30, 2024 at 9:15 am"]
    assert dump_header("\n".join(comment), FIRST, last)[1] == []
    not_a_name = top + ["Share This Story", "August 30, 2024"]
    assert dump_header("\n".join(not_a_name), FIRST, last)[1] == []


def test_a_date_in_capitals_glued_to_a_label_is_taken_apart():
    from schemas import Page, Signals
    from transforms.metadata.normalize import normalize_metadata

    lines = ["Menu", "Cooling centres open across the county", "Local NewsJULY 8, 2024Updated: JULY 9, 2024"]
    assert _header(lines)[1] == ["Local News JULY 8, 2024 Updated: JULY 9, 2024"]
    dump = "\n".join(lines + [FIRST, MORE])
    fields, _ = normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])
    assert str(fields["published_date"]) == "2024-07-08"


def test_a_themes_updated_and_published_dates_glued_after_a_clock_date_the_publication():
    """A theme prints the update's date and time, then the publication's, and the dump runs them
    together ("6:56 amFeb. 28"): the second date follows "am", a lower-case word, in a line with a
    full stop ("Feb."), which is how a date inside a sentence looks; beside another date it is not."""
    from schemas import Page, Signals
    from transforms.metadata.normalize import normalize_metadata

    credit = "by Ana Maria Reyes, The Valley Courier Feb. 29, 2024 6:56 amFeb. 28, 2024 9:00 pm"
    dump = "\n".join(["Menu", "Cooling centres open across the county", credit, FIRST, MORE])
    fields, _ = normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])
    assert str(fields["published_date"]) == "2024-02-28"


def test_the_first_dated_credit_over_the_body_dates_a_page_whose_header_has_none():
    """A body found far down the article (after a long table or a product list) leaves the byline
    out of the header: the page's first dated credit line over the body is read."""
    byline = "By Tomas Reyes ⋅ Weather Editor ⋅ Updated July 9, 2024"
    table = [f"Station {i} reading: {20 + i % 9} degrees at noon" for i in range(60)]
    lines = ["Menu", "Cooling centres open across the county", byline] + table
    assert byline in _header(lines)[1]
    for other in ["Heat records fall across the valley July 2, 2024", "Contact us: July 2, 2024 opening hours"]:
        assert _header(["Menu", "Cooling centres open across the county", other] + table)[1] == []
    # under the body it is not looked for (comments, related stories)
    body = [FIRST] + [MORE] * 6
    dump = "\n".join(["Menu", "Cooling centres open across the county"] + table + body + [byline])
    assert dump_header(dump, FIRST)[1] == []


def test_an_authors_box_under_the_body_names_the_author_when_the_header_does_not():
    head = ["Menu", "Cooling centres open across the county"]
    body = [
        FIRST,
        MORE,
        "A second paragraph of the article goes on about the heat and the centres.",
        "A third paragraph says where the buses stop and when the doors open each day.",
        "The last paragraph tells readers whom to call when they need a ride to a centre.",
    ]
    last = body[-1]

    def credits(lines):
        return dump_header("\n".join(lines), FIRST, last)[1]

    tail = ["Share", "By Tomas Reyes", "Related stories"]
    assert credits(head + body + tail) == ["By Tomas Reyes"]
    # a byline in the header wins; a credit further down is a related story's or a comment's
    assert credits(head + ["By Grace Odum"] + body + tail) == ["By Grace Odum"]
    far = ["Share", "Print", "Email", "Related stories", "Newsletter", "Comments", "Posted by Ana Vell"]
    assert credits(head + body + far) == []
    # the name only: the time of a comment-like credit is no publication date
    assert credits(head + body + ["Posted by: Ana Vell at May 2, 2024 07:54 PM"]) == ["Posted by: Ana Vell"]


def test_an_author_label_anywhere_names_the_authors_on_the_lines_under_it():
    head = ["Menu", "Cooling centres open across the county"]
    body = [FIRST, MORE]

    def credits(lines):
        return dump_header("\n".join(lines), FIRST, MORE)[1]

    box = ["Related stories", "Six more buses for the summer", "Article written by:", "Tomas Reyes, MD, MPH", "Share"]
    assert credits(head + body + box) == ["By Tomas Reyes"]
    # co-authors one a line, with the dump's lone separators between them; their roles dropped
    pair = ["Authors:", "Grace Odum, senior editor for the county desk", ";", "Ana Vell", "Updated May 2, 2024"]
    assert credits(head + body + pair)[0] == "By Grace Odum, Ana Vell"
    # a menu's "Authors" over other menu entries, and a bare "By" over a teaser's name, name no one
    assert credits(head + body + ["Authors", "Topics", "Archive"]) == []
    far = FAR_BELOW
    assert credits(head + body + far + ["By", "Tomas Reyes"]) == []
    # "Author(s)" over the names; a label that only credits writers with the names on its line
    assert credits(head + body + ["Author(s)", "Grace Odum", "Ana Vell", "Share"]) == ["By Grace Odum, Ana Vell"]
    assert credits(head + body + far + ["Text by Tomas Reyes"]) == ["By Tomas Reyes"]
    signed = ["This post was written by Tomas Reyes, MD, county health officer."]
    assert credits(head + body + far + signed) == ["By Tomas Reyes"]
    inline = ["Authors: Grace Odum and Ana Vell, county health educators"]
    assert credits(head + body + far + inline) == ["By Grace Odum, Ana Vell"]
    # not "Written by <name>" on its line: related stories' cards print it under their titles
    assert credits(head + body + far + ["Six more buses for the summer", "Written by Tomas Reyes"]) == []


def test_a_labelled_publication_date_anywhere_dates_a_page_that_prints_none_elsewhere():
    credits = _credits_far_below
    assert credits(["Publish date", "15 November 2018", "Comments"]) == ["Publish date 15 November 2018"]
    assert credits(["Posted on 02/05/2024 at 19:00", "Comments"]) == ["Posted on 02/05/2024 at 19:00"]
    assert credits(["Posted on the 15/12/2025 at 19:00", "Comments"]) == ["Posted on the 15/12/2025 at 19:00"]
    # an unlabelled date down there is a related story's or a comment's
    assert credits(["15 November 2018", "Comments"]) == []
    # the header's date wins
    assert dump_header(
        "\n".join(
            [
                "Menu",
                "Cooling centres open across the county",
                "July 8, 2024",
                FIRST,
                MORE,
                *FAR_BELOW,
                "Published",
                "15 November 2018",
            ]
        ),
        FIRST,
        MORE,
    )[1] == ["July 8, 2024"]


def test_a_name_over_a_bio_that_opens_with_its_first_name_is_the_byline():
    credits = _credits_far_below
    bio = [
        "Tomas Reyes",
        "Weather Reporter",
        "Tomas joined the desk in 2019 and writes about heat, storms and the county's roads.",
    ]
    assert credits(bio) == ["By Tomas Reyes"]
    # a product described under its name is nobody
    assert credits(["Harbor Fans", "Harbor is a maker of ceiling fans that sells its fans across the county."]) == []
    # a bio that opens with the whole name: a job title in its first sentence makes it a person's
    whole = "Tomas Reyes is the head of the weather desk, where he covers heat, storms and the county's roads."
    assert credits(["Tomas Reyes", whole]) == ["By Tomas Reyes"]
    assert credits(["Harbor Fans", "Harbor Fans is a fan maker that sells ceiling fans across the whole county."]) == []
    brand = "Vela Reyes is a jewellery designer that makes rings by hand; the brand sells them online and in town."
    assert credits(["Vela Reyes", brand]) == []
    # a first-person bio with a job title
    assert credits(["Tomas Reyes", "I'm the founder of the county's weather desk and I write about heat."]) == [
        "By Tomas Reyes"
    ]
    # a job title in parentheses before the bio
    role_first = "(Editor / Reporter) – Tomas comes from a family of farmers and writes about the county's weather."
    assert credits(["Tomas Reyes", role_first]) == ["By Tomas Reyes"]


def test_a_writer_credited_inside_a_credit_line_is_not_looked_for_elsewhere():
    """ "Published on <date> by A and B" names the writers: a bio further down ("A is the head of ...")
    does not replace them with one of them."""
    from schemas import Page, Signals
    from transforms.metadata.normalize import normalize_metadata

    bios = ["Ana Ruiz", "Ana Ruiz is the head of research, where she writes about the county's housing."]
    lines = ["Menu", "Cooling centres open across the county", "Published on July 8, 2024 by Ana Ruiz and Lee Park"]
    dump = "\n".join([*lines, FIRST, MORE, "Share", "Print", "Email", "Newsletter", *bios])
    fields, _ = normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])
    assert fields["authors"] == ["Ana Ruiz", "Lee Park"]
    # a writer credited after a reviewer in the same line counts too
    lines[2] = "Medically reviewed by Lee Park, RN — Written by Ana Ruiz — Updated on July 8, 2024"
    dump = "\n".join([*lines, FIRST, MORE, "Share", "Print", "Email", "Newsletter", "Tomas Reyes", bios[1]])
    fields, _ = normalize_metadata(Page("x.txt", dump, "text", "utf-8", len(dump)), Signals(), [FIRST, MORE])
    assert fields["authors"] == ["Ana Ruiz"]


def test_a_byline_over_a_job_title_anywhere_names_the_author():
    credits = _credits_far_below
    assert credits(["By Tomas Reyes", "Senior Weather Editor", "More stories"]) == ["By Tomas Reyes"]
    assert credits(["By Tomas Reyes ⋅ Review Editor"]) == ["By Tomas Reyes"]
    # a related story's card: "By <name>" over its date or its title
    assert credits(["By Tomas Reyes", "July 8, 2024"]) == []
    assert credits(["By Tomas Reyes", "Six more buses for the summer"]) == []


def test_a_writers_bio_anywhere_names_the_author():
    head = ["Menu", "Cooling centres open across the county"]

    def credits(lines):
        return dump_header("\n".join(head + [FIRST, MORE] + lines), FIRST, MORE)[1]

    assert credits(["Tomas Reyes is a reporter for the Valley Ledger who covers heat, storms and roads."]) == [
        "By Tomas Reyes"
    ]
    assert credits(["The Ledger's Ana Ruiz is the author of a book on the county's rivers and lakes."]) == [
        "By Ana Ruiz"
    ]
    # a product or a place described in the same words is nobody
    assert credits(["Harbor Fans is a maker of ceiling fans and the sponsor of the county fair this year."]) == []
    assert credits(["Riverton Public Library is a partner of writers and editors across the whole county."]) == []


def test_the_deck_is_the_standfirst_right_under_the_headline():
    head = "Cooling centres open across the county"
    deck = "Here is where to go when the heat returns, and what to bring with you"
    assert _header(["Menu", head, deck, "By Tomas Reyes"]).deck == deck
    assert (
        _header(["Menu", head, "Photo: Ana Vell / Getty Images", deck, "By Tomas Reyes"]).deck == deck
    )  # over a photo's credit
    # a byline, a date, a short label, a list of names, a trail or a label with a colon is no deck
    for under in (
        "By Tomas Reyes",
        "July 8, 2024",
        "Share this story",
        "Ana Ruiz, Lee Park & Sam Cho",
        "Home / Guides / Summer heat and where to stay cool",
        "Authors: Ana Ruiz and Lee Park of the county desk",
    ):
        assert _header(["Menu", head, under]).deck is None, under
    # a photo's caption over its credit in parentheses is no deck; a deck over the lead photo's credit is
    caption = "Volunteers hand out water at the library's cooling centre during the last heatwave"
    assert _header(["Menu", head, caption, "(Ana Vell / The Daily Ledger)", "By Tomas Reyes"]).deck is None
    assert _header(["Menu", head, deck, "Image: Ana Vell", "By Tomas Reyes"]).deck == deck
    # nothing between the headline and the body: no deck (the body's first paragraph stays body)
    assert _header(["Menu", head]).deck is None


def test_a_headline_in_two_long_halves_set_apart_by_a_pipe():
    """A headline may run on after a pipe ("... Under $50 | The Best Fans for a Hot Flat"); a menu row
    or a credit set apart by pipes has short parts and stays no headline."""
    headline = "Ten Quiet Desk Fans for 2024 Under $50 | The Best Fans for a Hot Small Flat"
    assert _header(["Menu", "Contact", headline, "July 8, 2024"])[0] == headline
    assert _header(["Menu", "Home | News | Weather", "July 8, 2024"])[0] is None
    assert _header(["Menu", "Tomas Reyes | The Valley Courier", "July 8, 2024"])[0] is None


def test_a_headline_naming_alternatives_with_one_slash_is_a_headline():
    """ "21 Best Movers / Moving Companies in Austin (2024)": one slash between halves of three words or
    more; a trail ("Home / News / Weather") or a short pair ("Log In / Register") stays no headline."""
    headline = "21 Best Movers / Moving Companies in Austin (2024)"
    assert _header(["Menu", "Contact", headline, "July 8, 2024"])[0] == headline
    assert _header(["Menu", "Home / News / Weather", "July 8, 2024"])[0] is None
    assert _header(["Menu", "Log In / Register Your Account", "July 8, 2024"])[0] is None


def test_a_video_caption_under_its_players_toggle_is_no_headline():
    """The USA TODAY Network's dumps print "Show Caption" / "Hide Caption" and the video's title,
    description and credit between the byline and the text: the video's title is no headline."""
    lines = [
        "Menu",
        "Cooling centres open across the county",
        "Libraries and halls stay open late while the heat lasts, the county said on Monday.",
        "Tomas Reyes",
        "The Valley Courier",
        "Show Caption",
        "Hide Caption",
        "County opens its third cooling centre as temperatures climb",  # the video shares the text's words
        "Staff explain who can use the centres.",
        "Valley Courier Video",
    ]
    assert _header(lines).headline == "Cooling centres open across the county"


def test_a_headline_with_its_section_after_a_pipe_is_a_headline():
    lines = ["Menu", "Home | News", "Cooling centres open across the county as temperatures climb | Opinion"]
    assert _header(lines).headline == lines[2]
    assert _header(["Menu", "Home | News", "Local | Opinion"]).headline is None


def test_a_radio_shows_label_is_no_headline():
    """NPR's pages print the show a story was heard on between the date and the byline; on wcxb 0161
    the label, with a date over it and "By" under it, outscored the headline."""
    from transforms.metadata.dump_headline import _not_headline

    assert _not_headline("Heard on All Things Considered") and _not_headline("Heard on Morning Edition")
    assert not _not_headline("Heard in the hallways: teachers weigh a strike")
    lines = [
        "Menu",
        "Education",
        "Cooling centres open across the county",
        "October 17, 2023",
        "Heard on Morning Edition",
    ]
    assert _header([*lines, "By", "Tomas Reyes"]).headline == "Cooling centres open across the county"


def test_a_link_to_the_writers_archive_names_her_where_nothing_else_does():
    """An author box's "View all posts by <name>"; "More from <name>" only where the page also credits the
    name ("by <name>"): it names outlets and sections too."""
    assert _credits_far_below(["View all posts by Ines Moreau →"]) == ["By Ines Moreau"]
    assert _credits_far_below(["Read all articles by Tomas Reyes, MD"]) == ["By Tomas Reyes"]
    box = ["Written by Ines Moreau", "More from Ines Moreau", "Six more buses for the summer"]
    assert _credits_far_below(box) == ["By Ines Moreau"]
    for outlet in (["More from County Herald"], ["More from Ines Moreau"], ["View all posts by Weather Desk"]):
        assert _credits_far_below(outlet) == [], outlet
    # "More by" names novelists and bands too; a photo's or a publication's credit is no writer's; links
    # to several writers' archives are the site's list of writers
    for other in (
        ["More by Colson Whitehead"],
        ["Photo by Ines Moreau", "More from Ines Moreau"],
        ["Originally published by Marie Claire", "More from Marie Claire"],
        ["View all posts by Ines Moreau", "View all posts by Tomas Reyes"],
    ):
        assert _credits_far_below(other) == [], other
    # a byline in the header wins over any archive link
    header = ["Menu", "Cooling centres open across the county", "By Lea Marsh"]
    dump = "\n".join(header + [FIRST, MORE] + FAR_BELOW + ["View all posts by Ines Moreau"])
    assert dump_header(dump, FIRST, MORE)[1] == ["By Lea Marsh"]


def test_a_headline_with_its_byline_far_over_a_body_found_under_a_later_section_is_the_headline():
    """A guide's opening (headline, byline, date, a short intro, tables of picks) was left out by the
    stripper, which found the body under a later section: that section's heading, with no credit line
    around it, was taken for the headline."""
    top = ["Menu", "Best ferry routes on the coast (2025 review)", "Ines Moreau", "Last updated: May 2, 2025"]
    picks = [line for k in range(30) for line in (f"Pick {k}", f"{k}.5 stars")]
    section = ["Which routes run in winter", FIRST, MORE]
    headline, credits = dump_header("\n".join(top + picks + section), FIRST)[:2]
    assert headline == "Best ferry routes on the coast (2025 review)"
    assert credits == ["By Ines Moreau", "Last updated: May 2, 2025"]
    # with a credit line around the section's heading, that heading stands
    dated = top + picks + ["Which routes run in winter", "By Lea Marsh", FIRST, MORE]
    assert dump_header("\n".join(dated), FIRST)[0] == "Which routes run in winter"


def test_archive_links_stop_at_a_second_writer_and_a_by_on_the_line_before_does_not_count():
    """16,000 "View all posts by" lines took 6 s (each name checked against the whole page); a headline
    ending "... new images" over "By Ines Moreau" hid her credit."""
    many = [f"View all posts by Anna{chr(97 + i % 26)} Berg{chr(97 + i // 26 % 26)}" for i in range(16_000)]
    start = time.monotonic()
    assert archive_link_byline(many, "\n".join(many)) == []
    assert time.monotonic() - start < 1
    lines = ["Harbour webcam shows new images", "By Ines Moreau", "More by Ines Moreau"]
    assert archive_link_byline(lines, "\n".join(lines)) == ["By Ines Moreau"]


def test_a_name_signing_the_body_right_under_it_is_the_byline():
    """A post signed on the first line under its body: a sign-off's mark before the name ("— Ines
    Moreau", "<3 Ines Moreau", ". . . Ines Moreau"), or the name alone over its date. A name-like line
    with no mark and no date under it (a section's heading) signs nothing, nor does a name further down."""
    for signed in (
        ["— Ines Moreau", "In Weather"],
        ["<3 Ines Moreau", "In Weather"],
        [". . . Ines Moreau", "ines@example.com"],
        ["Ines Moreau", "July 8, 2024"],
        ["Ines MoreauJuly 8, 2024", "Share"],
    ):
        credits = dump_header("\n".join(WHOLE_ARTICLE + signed), FIRST, LAST)[1]
        assert "By Ines Moreau" in credits, signed
    for unsigned in (["Harbour Lights", "Six more buses"], ["Share", "Ines Moreau", "July 8, 2024"]):
        credits = dump_header("\n".join(WHOLE_ARTICLE + unsigned), FIRST, LAST)[1]
        assert not any(c.startswith("By ") for c in credits), unsigned


def test_a_personal_blog_named_after_its_owner_credits_her_where_nothing_else_does():
    """A blog whose name is its owner's ("Ines Moreau's Tech Blog" in its header, "Ines Moreau's blog.
    Powered by ..." in its footer) was written by her where the page credits no one; not a blog named in
    a sentence or a link to another blog's post, and never over the page's own byline."""
    for site in (["Ines Moreau's Tech Blog", "Home"], ["Ines Moreau’s blog. Powered by a static site generator."]):
        assert "By Ines Moreau" in _credits_far_below(site), site
    for other in (["Tomas Reyes's blog is full of harbour photos."], ["Tomas Reyes's Weblog: Six more buses"]):
        assert not any(c.startswith("By ") for c in _credits_far_below(other)), other
    header = ["Menu", "Cooling centres open across the county", "By Lea Marsh"]
    dump = "\n".join(header + [FIRST, MORE] + FAR_BELOW + ["Ines Moreau's Blog"])
    assert dump_header(dump, FIRST, MORE)[1] == ["By Lea Marsh"]


def test_the_date_under_a_copy_of_the_headline_under_a_summary_of_the_body():
    """A page that prints its opening paragraph twice, as a summary under its title at the top and
    over its body (a Chinese paper's share bar, on newspaper4k's pages): the body is read from the
    first, and the date sits under the headline's second copy, further down."""
    headline = "Cooling centres open across the county"
    menu = ["Home", "News", "Weather", "Sport", "Opinion", "Search"]
    lines = [headline, FIRST, *menu, headline, "Source: The Valley Ledger", "2024-07-08 09:30", "Share", FIRST, MORE]
    title, credits = dump_header("\n".join(lines), FIRST, MORE)[:2]
    assert title == headline
    assert credits == ["2024-07-08 09:30"]
