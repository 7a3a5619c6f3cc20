"""Title choice rules (transforms.metadata.titles), on invented pages."""

from schemas import Signals
from transforms.metadata.titles import choose_title, clean


def test_a_capitals_h1_keeps_its_punctuation_when_the_seo_title_differs_in_more_than_case():
    shouting = Signals(headings=["TIDE TABLES VS. WEATHER APPS"], meta={"og:title": "Tide Tables vs Weather Apps"})
    assert choose_title(shouting, []) == "TIDE TABLES VS. WEATHER APPS"
    same_words = Signals(headings=["TIDE TABLES VS. WEATHER APPS"], meta={"og:title": "Tide Tables vs. Weather Apps"})
    assert choose_title(same_words, []) == "Tide Tables vs. Weather Apps"


def test_a_title_cut_short_is_written_as_the_longer_candidate_it_starts():
    full = "Readers Ask: Can a Balcony Garden Feed Four? We Tried It (With One Trick That Doubled the Harvest)"
    cut = Signals(
        jsonld=[{"@type": "NewsArticle", "headline": full[:70]}], meta={"og:title": full + " - Balcony Notes"}
    )
    assert choose_title(cut, ["Balcony Notes"]) == full
    dotted = Signals(
        meta={"twitter:title": "Can a Balcony Garden Feed...", "og:title": "Can a Balcony Garden Feed Four?"}
    )
    assert choose_title(dotted, []) == "Can a Balcony Garden Feed Four?"


def test_an_h1_that_prefixes_the_title_whose_rest_is_the_og_title_is_the_blogs_name():
    blog = Signals(
        headings=["Field Notes Weekly"],
        title="Field Notes Weekly: Mapping the old canal locks",
        meta={"og:title": "Mapping the old canal locks"},
    )
    assert choose_title(blog, []) == "Mapping the old canal locks"
    series = Signals(
        headings=["Canal Locks Explained"],
        title="Canal Locks Explained: How the Gates Hold",
        meta={"og:title": "Canal Locks Explained: How the Gates Hold"},
    )
    assert choose_title(series, []) == "Canal Locks Explained"


def test_a_short_label_before_a_pipe_and_a_longer_headline_is_cut():
    signals = Signals(title="The Ledger | Harbour pilots vote to strike over night shifts")
    assert choose_title(signals, []) == "Harbour pilots vote to strike over night shifts"
    short = Signals(title="Tide tables | Harbour Office")
    assert choose_title(short, []) == "Tide tables | Harbour Office"


def test_more_wire_slugs_are_cut():
    assert clean("FACTBOX-What the harbour strike means for ferries") == "What the harbour strike means for ferries"
    assert clean("RPT-COLUMN-Grain stocks thin out before winter") == "Grain stocks thin out before winter"
    assert clean("(LEAD) Port city opens second ferry terminal") == "Port city opens second ferry terminal"
    assert clean("(2nd LD) Council passes harbour budget") == "Council passes harbour budget"
    assert clean("Explainer: why ferry fares rise in winter") == "Explainer: why ferry fares rise in winter"
    assert clean("COVID-19 rules for ferries eased") == "COVID-19 rules for ferries eased"


def test_a_title_that_is_only_the_sites_name_never_wins_over_a_headline():
    home = Signals(
        title="Example News - Breaking News, Sport, Weather",
        headings=["Headline about the chapel redevelopment plan"],
        meta={"og:title": "Example News"},
    )
    assert choose_title(home, ["example.com", "example"]) == "Headline about the chapel redevelopment plan"
    named = Signals(
        headings=["Chapel repairs begin"], meta={"og:title": "Valley Courier", "og:site_name": "Valley Courier"}
    )
    assert choose_title(named, ["Valley Courier"]) == "Chapel repairs begin"
    no_h1 = Signals(title="Chapel repairs begin next spring | Valley Courier", meta={"og:title": "Valley Courier"})
    assert choose_title(no_h1, ["Valley Courier"]) == "Chapel repairs begin next spring"
    # the site's name alone is still the title where nothing else is one
    assert choose_title(Signals(meta={"og:title": "Valley Courier"}), ["Valley Courier"]) == "Valley Courier"


def test_a_headline_that_starts_with_a_site_names_letters_is_no_site_name():
    page = Signals(
        title="Newsom Vetoes Bill",
        headings=["California Politics Live Updates"],
        meta={"og:title": "Newsom Vetoes Bill"},
    )
    assert choose_title(page, ["news.example.com", "news", "example"]) == "Newsom Vetoes Bill"


def test_a_titles_label_a_stray_mark_before_it_and_a_space_before_its_stop_go():
    assert clean("Title:Tidal Footbridge Design Under Storm Loads") == "Tidal Footbridge Design Under Storm Loads"
    assert clean("Headline: Ferry fares rise in winter") == "Ferry fares rise in winter"
    assert clean(". Harbour Cam 2 review") == "Harbour Cam 2 review"
    assert clean("Ten ways to enjoy the harbour .") == "Ten ways to enjoy the harbour."
    assert (
        clean("Title IX ruling: what it means for the rowing club")
        == "Title IX ruling: what it means for the rowing club"
    )
    assert clean("...And the Ferry Sailed On") == "...And the Ferry Sailed On"
    assert choose_title(Signals(title="Title:Tidal Footbridge Design Under Storm Loads"), []) == (
        "Tidal Footbridge Design Under Storm Loads"
    )


def test_a_format_label_after_the_headline_is_cut_as_a_site_name_is():
    assert choose_title(Signals(title="Harbour cranes by tonnage, 1990-2024 - Infographic"), []) == (
        "Harbour cranes by tonnage, 1990-2024"
    )
    page = Signals(title="Night ferry crossing from the bridge – Video | The Ledger")
    assert choose_title(page, ["The Ledger"]) == "Night ferry crossing from the bridge"
    # the word inside the headline, or opening it, is the headline's
    assert choose_title(Signals(title="How to film a harbour video"), []) == "How to film a harbour video"
    assert choose_title(Signals(title="Video - Harbour cranes at night"), []) == "Video - Harbour cranes at night"


def test_an_h1_shares_its_words_with_the_seo_title_in_their_plural_forms_too():
    page = Signals(
        headings=["How Much Does a Hull Repair Cost on the Coast?"],
        title="Boat Repairs: Hull Costs by Coast 2031 | Harbour Works",
    )
    assert choose_title(page, ["Harbour Works"]) == "How Much Does a Hull Repair Cost on the Coast?"


def test_a_paragraph_set_as_an_h1_is_no_headline():
    intro = (
        "Learn which boat repairs are worth paying for this year? Our yard team explains which boat repairs are "
        "worth paying for, which boat repairs can wait a season, and how to plan the boat repairs worth paying for."
    )
    page = Signals(headings=[intro], title="Which Boat Repairs Are Worth Paying For This Year | Harbour Works")
    assert choose_title(page, ["Harbour Works"]) == "Which Boat Repairs Are Worth Paying For This Year"


def test_a_short_capitalised_tagline_after_a_dash_is_cut():
    page = Signals(headings=["Harbour Crane Models Compared – Field Tested"], meta={"og:title": "Harbour cranes"})
    assert choose_title(page, []) == "Harbour Crane Models Compared"
    # a sentence, a longer run, a function word or a number after the dash is the headline's
    for headline in (
        "Harbour crane models compared – what the yard learned",
        "Harbour Crane Models Compared – Which One Lifts the Most",
        "Harbour Crane Strike Ends – For Now",
        "Harbour Crane Models Compared – Part 2",
        "Crane Hire – Field Tested",
    ):
        assert choose_title(Signals(headings=[headline]), []) == headline


def test_the_sites_logo_h1_loses_to_the_h1_that_is_a_seo_titles_whole_text():
    """A site's name set as an h1 (its logo, hidden by a class) over the article's h1 agreed with the
    <title>, which ends with that name, and was the title (AFPBB News, on newspaper4k's pages)."""
    headline = "Ferry crews end strike after two weeks of talks"
    logo_first = Signals(
        headings=["World News: Harbour Wire", headline],
        title=f"{headline} 1 photo World News: Harbour Wire",
        meta={"og:title": headline},
    )
    assert choose_title(logo_first, []) == headline


def test_an_h1_with_the_sites_name_glued_after_the_headline_is_the_headline():
    """The masthead's link inside the h1, glued to the headline by text_content ("...la
    InfantaUltima Hora Mallorca"): the name is how the <title> ends, or a known site name."""
    headline = "Ferry crews end strike after two weeks of talks"
    glued = Signals(
        headings=[headline + "Harbour Daily"],
        title=f"{headline} » Local » News » Harbour Daily",
        meta={"og:title": headline},
    )
    assert choose_title(glued, []) == headline
    known = Signals(headings=[headline + "Harbour Daily"], meta={"og:title": headline})
    assert choose_title(known, ["Harbour Daily"]) == headline
    # a headline whose <title> ends otherwise keeps its whole h1
    longer = Signals(headings=[headline + " tonight"], title=f"{headline} | Harbour Daily", meta={"og:title": headline})
    assert choose_title(longer, []) == headline + " tonight"
