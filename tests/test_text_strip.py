"""Text-dump stripping on invented dumps: header signals, chrome dropped, quotes kept, CJK, NoArticle."""

import os
import pathlib
import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import pytest

from schemas import Page
from transforms.articles import build_articles
from transforms.errors import NoArticle
from transforms.extract import extract_page
from transforms.metadata.urls import printed_replay_url
from transforms.text_strip import is_body_chrome, is_breadcrumb, is_byline, strip_lines, strip_text_dump
from transforms.textmodel.features import FEATURES, best_run, page_matrix
from transforms.textmodel.lines import normalize_lines, unwrapped, without_references
from transforms.textmodel.model import LineModel, default_model
from transforms.textstats import newsletter_promotion, under_caption_toggle

BODY = [
    (
        "The harbour commission of Port Wendell voted on Tuesday to close the old north pier to heavy "
        "trucks after engineers found cracks in three of its supporting columns."
    ),
    (
        "The decision, which takes effect next Monday, will send about forty delivery vehicles a day "
        "through the narrower streets of the market district, according to figures from the city."
    ),
    "\u201cWe had no responsible choice left,\u201d said the commission chair.",
    (
        "Shop owners in the district said they were worried about noise and congestion, and several asked "
        "the commission to limit truck traffic to the early morning hours before the stalls open."
    ),
    (
        "Repairs to the pier are expected to take at least eighteen months and to cost roughly twelve "
        "million dollars, most of which the commission hopes to recover from a regional transport fund."
    ),
    (
        "A public hearing on the detour plan is scheduled for the first week of next month at the "
        "library on Fennel Street, where residents can comment on the proposed truck hours."
    ),
]
CHROME = [
    "Advertisement",
    "Ferry fares to rise in spring \u2022 Market stalls reopen after storm \u2022 New library hours announced",
    "The north pier seen from the ferry terminal on a foggy morning. (Photo: Dana Okoro/Harbor Gazette)",
    "Read more: Ferry fares to rise in the spring",
    "Sign up for our morning newsletter to get the top local stories in your inbox every day.",
]
TAIL = [
    "Most Popular",
    "Council approves budget for new school gym",
    "Local bakery wins regional bread contest",
    "Storm knocks out power to two thousand homes",
    "Share this article",
    "Comments",
    "\u00a9 2021 Harbor Gazette. All rights reserved.",
]
HEAD = [
    "Skip to content",
    "Home",
    "News",
    "Sports",
    "Business",
    "Opinion",
    "Subscribe",
    "Log in",
    "News / Local",
    "Old north pier closed to trucks after cracks found in columns",
    "Detour through the market district worries shop owners",
    "By MARA ELLISON | The Harbor Gazette | Updated: 2021-04-12 10:30",
]


def _news_dump() -> str:
    body = BODY[:2] + [CHROME[0]] + BODY[2:4] + CHROME[1:4] + BODY[4:] + [CHROME[4]]
    return "\n".join(HEAD + body + TAIL) + "\n"


def _page(text: str) -> Page:
    return Page(source_uri="mem://dump.txt", text=text, fmt="text", encoding="utf-8", byte_size=len(text.encode()))


def _chosen(model: str) -> LineModel | None:
    """The shipped line model ("shipped"), or None for the rules alone ("rules"); skips the test when
    no model is shipped."""
    if model == "rules":
        return None
    chosen = default_model()
    if chosen is None:
        pytest.skip("no shipped model.json")
    return chosen


@pytest.mark.parametrize("model", ["shipped", "rules"])
def test_header_signals_and_clean_body(model):
    lines = normalize_lines(_news_dump())
    chosen = _chosen(model)
    body, headings, signals, _ = strip_lines(lines, chosen)
    assert signals.title == HEAD[9]
    assert signals.subtitle == HEAD[10]
    assert signals.byline_lines == [HEAD[11]]
    assert signals.breadcrumbs == ["News / Local"]
    for paragraph in BODY:
        assert paragraph in body  # the one-sentence quote too
    for line in CHROME + TAIL + HEAD:
        assert line not in body
    assert headings == []


def test_strip_text_dump_contract():
    page = _page(_news_dump())
    extraction = strip_text_dump(page)
    assert len(extraction.stories) == 1
    assert extraction.input_chars == sum(len(ln) for ln in normalize_lines(page.text))
    assert extraction.signals.title not in extraction.stories[0].paragraphs


def test_subheading_inside_body_is_marked():
    lines = normalize_lines(_news_dump())
    lines.insert(lines.index(BODY[4]) + 1, "What happens next")
    body, headings, _, _ = strip_lines(lines, None)
    assert [body[j] for j in headings] == ["What happens next"]
    if default_model() is not None:  # the classifier may drop a subhead; kept, it is marked
        body, headings, _, _ = strip_lines(lines, default_model())
        assert [body[j] for j in headings] == (["What happens next"] if "What happens next" in body else [])


def test_cjk_dump():
    body = [
        "港口委员会周二投票决定，北码头将禁止重型卡车通行，原因是工程师在三根支撑柱上发现了裂缝。这一决定将于下周一生效。",
        "根据市政府的数据，每天大约有四十辆送货车将改道经过市场区较窄的街道，许多店主对此表示担忧。",
        "码头的修复工作预计至少需要十八个月，费用约为一千二百万元，委员会希望从地区交通基金中获得大部分资金。",
        "关于改道方案的公开听证会定于下个月第一周在图书馆举行，居民可以就卡车通行时间发表意见。",
    ]
    dump = "\n".join(
        ["首页", "新闻", "体育", "财经", "登录", "北码头因裂缝禁止卡车通行", "2021年4月12日 10:30 来源：港口日报"]
        + body
        + ["相关阅读", "热门文章", "版权所有 © 2021 港口日报"]
    )
    extraction = strip_text_dump(_page(dump))
    assert extraction.stories[0].paragraphs == body
    assert extraction.signals.title == "北码头因裂缝禁止卡车通行"
    assert extraction.signals.byline_lines == ["2021年4月12日 10:30 来源：港口日报"]


def test_nav_only_dump_has_no_article():
    nav = [
        "Home",
        "World",
        "Business",
        "Technology",
        "Science",
        "Health",
        "Sports",
        "Contact us",
        "About us",
        "Privacy policy",
        "Terms of use",
        "\u00a9 2024 Example Media",
    ]
    with pytest.raises(NoArticle):
        strip_text_dump(_page("\n".join(nav * 3)))
    with pytest.raises(NoArticle):
        strip_text_dump(_page(""))


def test_a_body_too_short_says_so_not_that_there_is_none():
    """A brief of a few lines under its headline is kept as body lines, then refused for its length:
    the quarantine row says how short it was, not "no body lines found"."""
    brief = "\n".join(
        [
            "Home",
            "News",
            "Ferry service resumes after storm",
            "The harbour ferry resumed its morning crossings on Friday after two days of high winds.",
            "Share this article",
        ]
    )
    with pytest.raises(NoArticle, match=r"^\d+ characters of body, under the 200 a page dump's article needs$"):
        strip_text_dump(_page(brief))


def test_deterministic():
    page = _page(_news_dump())
    first, second = strip_text_dump(page), strip_text_dump(page)
    assert first.stories[0].paragraphs == second.stories[0].paragraphs
    assert first.signals == second.signals
    model = default_model()
    if model is not None:
        assert list(model.predict(normalize_lines(page.text))) == list(model.predict(normalize_lines(page.text)))


def test_line_scores_are_the_same_in_every_process():
    """The line model's word scores do not hang on the string hash seed (a set's order): four
    processes with different PYTHONHASHSEED give the same scores to the last bit."""
    script = (
        "import sys; from transforms.textmodel.model import bow_scores, default_model; m = default_model(); "
        "print([p.hex() for p in bow_scores(sys.stdin.read().splitlines(), m.bias, m.vocab)])"
    )
    lines = [*BODY, " ".join(BODY), " ".join(BODY[::-1])]  # long lines: many words to add up
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input="\n".join(lines),
            capture_output=True,
            text=True,
            cwd=pathlib.Path(__file__).resolve().parents[1],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1


def test_line_helpers():
    assert is_byline("By JOHN DOE | Daily Planet | Updated: 2017-10-07 09:06")
    assert is_byline("(Xinhua) Updated: 2015-12-03 08:55")
    assert is_byline("Xinhua, September 26, 2015 Adjust font size:")
    assert is_breadcrumb("World / China-US") and is_breadcrumb("Home | China-US")
    assert not is_breadcrumb("He said the talks would go on, and they did.")
    assert best_run([-1, 5, -2, 4, -9, 3]) == (1, 4)
    matrix = page_matrix(["One line.", "Another line here"], [0.2, 0.7])
    assert matrix.shape == (2, len(FEATURES))


def test_model_rejects_other_features():
    with pytest.raises(ValueError):
        LineModel({"features": ["x"], "threshold": 0.5, "bow": {"bias": 0, "vocab": {}}, "trees": {}})


def test_only_breadcrumb_trails_name_a_section():
    from transforms.text_strip import is_trail

    for trail in (
        "Home » Guides » Cooling centres",
        "Science > Physics",
        "You are here: Home > Weather",
        "Home / Guides",
        "News / Local",
        "Blog / Topics / Marketing",
    ):
        assert is_trail(trail), trail
    for other in (
        "Credit: Jane Roe / Getty Images",
        "Jane Roe / Reuters",
        "4.5 / 5",
        "Contact / Help",
        "Jane Roe | May 2, 2024",
        "by Jane Roe | Apr 21, 2025",
        "Family: Rubiaceae | Place of Origin: Ethiopia",
        "September 12, 2025 | 14 min read",
        "United States / English",
    ):
        assert not is_trail(other), other


def test_a_byline_the_model_left_out_under_a_kept_deck_ends_the_header():
    """The line model keeps the deck but not the caption, byline and date under it: the byline still
    marks the deck as the header's (its own `subtitle` column, as an HTML page's deck)."""
    import numpy as np

    deck = "Trucks must take the market detour for eighteen months while the pier is repaired."
    credits = ["The pier at low tide on Monday (Photo: Mara Ellison)", "By Mara Ellison", "May 2, 2024"]
    lines = normalize_lines("\n".join(HEAD + [deck] + credits + BODY) + "\n")
    probs = np.array([0.0] * len(HEAD) + [0.9] + [0.1] * len(credits) + [0.99] * (len(lines) - len(HEAD) - 4))
    body, _, _, _ = strip_lines(lines, None, probs)
    assert body[0] == BODY[0] and deck not in body


def test_a_review_page_whose_prose_the_model_starves_keeps_its_prose_not_its_cards():
    """Product cards (names, scores, spec rows) between every paragraph: the line model scores the
    paragraphs low (0.2) and is sure of one late paragraph only. Under STARVED_SHARE of the page's
    prose kept, the prose over the lower bar is kept too; the cards' short lines stay out."""
    import numpy as np

    paragraphs = [
        f"The {name} held its course within three metres on every loop of the test track, and its battery "
        f"lasted through {hours} hours of recording before the warning came on."
        for name, hours in [("Ridgeback 9", 30), ("Summit Pro", 44), ("Trail Lite", 21), ("Harbor X", 38)]
    ]
    card = ["Check price at Amazon", "83", "OVERALL SCORE", "Battery Life 4.9", "Weight 52 g"]
    page, probs = list(HEAD), [0.0] * len(HEAD)
    for paragraph in paragraphs:
        page += card + [paragraph]
        probs += [0.2] * len(card) + [0.2]
    late = "How we tested: we ran, biked and hiked known distances to compare each watch's track and pace."
    page += card + [late] + CHROME
    probs += [0.2] * len(card) + [0.7] + [0.0] * len(CHROME)
    lines = normalize_lines("\n".join(page) + "\n")
    body, _, _, _ = strip_lines(lines, None, np.array(probs))
    assert body == paragraphs + [late]


def test_a_starved_dumps_lower_bar_adds_prose_and_keeps_what_the_model_kept():
    """The lower bar's own main run may fall elsewhere: the lines kept before stay kept."""
    import numpy as np

    from transforms.text_strip import select_body

    prose = [
        f"Paragraph {i} of the review tells how the watch held its course on the loop, and more words "
        "follow here to make it long enough."
        for i in range(12)
    ]
    late = "How we tested: we ran, biked and hiked known distances to compare each watch's track and pace on it."
    lines = prose + [f"Ad slot {i}" for i in range(60)] + [late]
    probs = np.array([0.2] * 12 + [0.0] * 60 + [0.7])
    assert select_body(lines, probs, 0.5) == list(range(12)) + [72]


def test_a_list_article_the_model_is_sure_of_is_kept_whole():
    """A winners list is short unpunctuated lines throughout: the trims that take credits and decks
    off the body's edges stop at lines the model is sure of, instead of eating the whole list."""
    import numpy as np

    entries = [f"Band {n}" if n % 5 else f"Album of the year {n}" for n in range(1, 41)]
    lines = normalize_lines("\n".join(HEAD + ["Taylor Swift,", *entries, "Share"]) + "\n")
    probs = np.array([0.0] * len(HEAD) + [0.6] + [0.95] * len(entries) + [0.1])
    body, _, _, _ = strip_lines(lines, None, probs)
    assert body == entries


def test_a_byline_under_a_deck_ends_the_header():
    deck = "Trucks must take the market detour for eighteen months while the pier is repaired."
    lines = normalize_lines("\n".join(HEAD[:9] + [HEAD[9], deck, "By Mara Ellison"] + BODY) + "\n")
    body, _, _, _ = strip_lines(lines, None)  # the rules alone may keep the deck; the byline ends the header
    assert body[0] == BODY[0]
    assert deck not in body and "By Mara Ellison" not in body


# The same page furniture in the other languages news comes in: ad labels, "read also" pointers,
# share and comment openers, menus, legal links, a rights notice (`transforms.textstats`).
FRENCH_BODY = [
    "Le trafic a repris lundi matin dans le port de Port-Wendell après trois jours de grève des dockers, "
    "a indiqué la direction du port. Les premiers navires ont accosté à l'aube.",
    "Les syndicats ont obtenu une revalorisation des primes de nuit, selon un communiqué publié dimanche "
    "soir. La direction n'a pas souhaité commenter le montant de l'accord conclu avec eux.",
    "Plusieurs dizaines de navires attendaient au large depuis vendredi. Les transporteurs estiment les "
    "pertes à plusieurs millions d'euros pour la seule semaine écoulée, selon leur fédération.",
    "Le ministre des Transports doit se rendre sur place mardi pour rencontrer les représentants des "
    "salariés et ceux des armateurs, a précisé son cabinet dans un communiqué.",
]
FRENCH_FURNITURE = [
    "Publicité",
    "Lire aussi : Grève des dockers, ce qu'il faut savoir",
    "Partager",
    "Commentaires (12)",
]


@pytest.mark.parametrize("model", ["shipped", "rules"])
def test_page_furniture_in_another_language_is_dropped(model):
    chosen = _chosen(model)
    head = ["Accueil", "International", "Économie", "Le port rouvre après trois jours de grève", "Par Jean Roux"]
    body = [FRENCH_BODY[0], FRENCH_FURNITURE[0], FRENCH_BODY[1], FRENCH_FURNITURE[1], *FRENCH_BODY[2:]]
    tail = FRENCH_FURNITURE[2:] + ["Recherche", "Mentions légales", "© 2024 Le Courrier du Port. Tous droits réservés."]
    kept, _, _, _ = strip_lines(normalize_lines("\n".join(head + body + tail)), chosen)
    assert kept == FRENCH_BODY


def _kept_body(model: str, body: list[str]) -> list[str]:
    """The lines the stripper keeps of a news dump whose body lines are `body` (between HEAD and
    CHROME), with the shipped line model or the rules alone (see _chosen)."""
    chosen = _chosen(model)
    kept, _, _, _ = strip_lines(normalize_lines("\n".join(HEAD + body + CHROME) + "\n"), chosen)
    return kept


@pytest.mark.parametrize("model", ["shipped", "rules"])
def test_a_photo_caption_inside_the_body_is_dropped(model):
    """Captions closed by their photo's credit, in the shapes news dumps print them (a Guardian-style
    "Photograph:", a wire's "(AP Photo/...)", a Chinese outlet's "[Photo/...]" or bracketed photo
    library), are not the article's text wherever they sit; a sentence that mentions a photograph stays."""
    captions = [
        "Cranes stand idle at the north quay on Monday. Photograph: Ida Brenn/Harbour Pictures",
        "Dock workers gather outside the port office in Port Wendell. (AP Photo/Lena Ostrova)",
        "The ferry terminal seen from the sea wall. [Photo/Quellmere Daily]",
        "Trucks queue at the market detour on Tuesday.[Harbourpix.example.com]",
    ]
    mention = "A photograph of the cracked pier, taken by a resident, was shared widely on Monday evening."
    kept = _kept_body(model, [captions[0], BODY[0], captions[1], BODY[1], mention, captions[2], *BODY[2:], captions[3]])
    assert not set(captions) & set(kept)
    assert BODY[0] in kept and BODY[-1] in kept and mention in kept


# Lines a news dump carries inside or under its body that are not the article, and a sentence of
# the article that is like them: a newsroom's appeal for money (a sentence about donating stays);
# a registration wall's text, its form gone (its call, its offer, a field's check).
NOT_THE_ARTICLE = {
    "appeal": (
        [
            "Since you made it to the bottom of this article, we have a small favor to ask.",
            "This story is funded by readers like you",
            "Our newsroom is free to read. Your one-off or monthly donations keep our reporters on the quay.",
        ],
        "The harbour trust said your monthly donation to the lifeboat fund is still tax-deductible this year.",
    ),
    "registration wall": (
        [
            "Join The Harbor Gazette for access to this content",
            "Plus special access to select articles and other premium content with your account - free of charge.",
            "Please enter a valid email address.",
        ],
        "Readers who join the harbour trust get free access to its archive of tide tables, the trust said.",
    ),
}


@pytest.mark.parametrize("model", ["shipped", "rules"])
@pytest.mark.parametrize("kind", sorted(NOT_THE_ARTICLE))
def test_appeals_and_registration_walls_are_not_the_article(model, kind):
    lines, mention = NOT_THE_ARTICLE[kind]
    kept = _kept_body(model, [*BODY[:2], lines[0], *BODY[2:3], mention, *BODY[3:], *lines[1:]])
    assert not set(lines) & set(kept)
    assert BODY[0] in kept and BODY[-1] in kept and mention in kept


def test_screen_reader_link_labels_are_cut_from_dump_lines():
    """A dump of a page's text keeps what screen readers say after links (visually hidden on the
    page): it is cut from the line, and a line that was only that is gone."""
    dump = (
        "Shares of Quellmere Ferries (QFR.L), opens new tab rose 4% on Monday.\n"
        "Read the harbour board's report (opens in a new tab) for the timetable.\n"
        "Open in a new tab\n"
        "A new tab on the ferry website lists the fares.\n"
    )
    assert normalize_lines(dump) == [
        "Shares of Quellmere Ferries (QFR.L) rose 4% on Monday.",
        "Read the harbour board's report for the timetable.",
        "A new tab on the ferry website lists the fares.",
    ]


def test_a_hard_wrapped_dump_gets_its_paragraphs_back_whole():
    """A dump wrapped at a fixed width (lynx or w3m -dump, mail, wire copy) splits every paragraph
    over lines: they are joined before the lines are read, so the body keeps them whole."""
    wrapped = [textwrap.fill(p, 72) for p in [p for p in BODY if len(p) > 72]]
    dump = "\n".join(HEAD) + "\n\n" + "\n\n".join(wrapped) + "\n\n" + "\n".join(TAIL) + "\n"
    assert strip_text_dump(_page(dump)).stories[0].paragraphs == [p for p in BODY if len(p) > 72]


def test_a_lynx_dump_loses_its_link_numbers_and_reference_list():
    """lynx -dump numbers every link ("By [7]Jane Roe", "[2]Home") and lists the targets under
    "References": the numbers would stay in the body's text and hide the byline's name."""
    body = [p.replace(" the ", f" [{i + 3}]the ", 1) for i, p in enumerate(BODY)]  # a link's text
    refs = ["", "References", "", *[f"  {i}. https://harbor-gazette.example/p{i}" for i in range(1, 9)]]
    lines = ["[1]Skip to content", "[2]Home", HEAD[9], "By [7]Mara Ellison | April 12, 2021", *body, "[8]Share", *refs]
    assert without_references(lines) == [
        "Skip to content",
        "Home",
        HEAD[9],
        "By Mara Ellison | April 12, 2021",
        *BODY,
        "Share",
        "",
    ]
    assert strip_text_dump(_page("\n".join(lines) + "\n")).stories[0].paragraphs == BODY
    # an article's own reference list is no link list: its lines are left alone
    cited = ["[1] as shown before", "References", "1. Roe J. (2020). Tidal bridges. Harbour Review, 4, 1-9."]
    assert without_references(cited) == cited


def test_short_lines_are_not_taken_for_a_wrapped_paragraph():
    """Menus and lists of headlines stay a line each: no line of theirs ends for want of room, and
    the lines after the longest ones do not go on in lower case."""
    lines = HEAD + TAIL + [f"Harbour council report number {i} is out today" for i in range(12)]
    assert unwrapped(lines) == lines
    assert unwrapped(["Lead line", *BODY]) == ["Lead line", *BODY]  # one block a line, as most dumps are


@pytest.mark.parametrize(
    "line, promotes",
    [
        ("Sign up for our newsletter for the best of the harbour.", True),
        ("THE HARBOUR NEWSLETTER: GET IT IN YOUR INBOX", True),
        ("Get the Harbour eNewsletter delivered free every Friday", True),
        ("The newsletter business has never been healthier, with open rates up.", False),
        ("Twelve people signed up for my newsletter in the past week.", False),
    ],
)
def test_a_newsletters_promotion_is_told_from_a_sentence_about_newsletters(line, promotes):
    """One definition for HTML paragraphs and dump lines, whatever the case of "newsletter"."""
    assert newsletter_promotion(line) is promotes


def test_a_dump_about_newsletters_keeps_its_sentences_but_not_the_sign_up_box():
    """A line whose only promotion word is "newsletter" is the article's when it promotes none;
    "Sign up for our newsletter" and the like stay out of the body."""
    about = "The newsletter business has never been healthier, with open rates up across the board this year."
    about_short = "Twelve people signed up for my newsletter in the past week."
    promos = ["Sign up for our newsletter for the best of the harbour.", "Newsletter"]
    body = [BODY[0], about, BODY[1], promos[0], about_short, *BODY[2:], promos[1]]
    kept, _, _, _ = strip_lines(normalize_lines("\n".join(HEAD + body + CHROME) + "\n"), None)
    assert about in kept and about_short in kept
    assert not set(promos) & set(kept)


def test_a_sentence_that_mentions_signing_up_is_not_a_call_to_action():
    sentence = "Most residents will need to sign up for the new ferry pass before the summer timetable begins."
    calls = ["Sign up for the Courier's morning briefing today.", "Subscribe now"]
    body = [BODY[0], sentence, BODY[1], calls[0], *BODY[2:], calls[1]]
    kept, _, _, _ = strip_lines(normalize_lines("\n".join(HEAD + body + CHROME) + "\n"), None)
    assert sentence in kept and not set(calls) & set(kept)


@pytest.mark.parametrize("model", ["shipped", "rules"])
def test_readers_comments_under_the_article_are_not_its_body(model):
    """Comments read as prose; the opener line over them ("3 comments:") ends the article. The same
    count over the article (a link to the comments under the deck) ends nothing."""
    chosen = _chosen(model)
    comments = [
        "Great piece, I walked across on Saturday and the view of the basin is wonderful from the top.",
        "The council should have built it ten years ago, the old route around the warehouses was awful.",
        "As you touch on, the harbour has always been the heart of the town, and the bridge shows it again.",
    ]
    lines = HEAD + ["3 comments"] + BODY + ["3 comments:"] + comments
    kept, _, _, _ = strip_lines(normalize_lines("\n".join(lines + CHROME) + "\n"), chosen)
    assert kept[0] == BODY[0] and BODY[-1] in kept
    assert not set(comments) & set(kept)


def test_an_aggregators_two_paragraph_story_ends_at_its_comments():
    """A link aggregator's story is a summary of two or three paragraphs over a long comment thread."""
    import numpy as np

    comments = [
        f"Comment {n}: as someone who crossed it on opening day, the view of the basin from the top is "
        "wonderful, but the council should have built it ten years ago."
        for n in range(8)
    ]
    lines = HEAD + BODY[:2] + ["Load All Comments"] + comments + CHROME
    probs = np.array([0.0] * len(HEAD) + [0.95, 0.95, 0.1] + [0.9] * len(comments) + [0.0] * len(CHROME))
    kept, _, _, _ = strip_lines(normalize_lines("\n".join(lines) + "\n"), None, probs)
    assert kept == BODY[:2]


def test_a_dump_of_a_web_archives_copy_gives_the_pages_url_and_capture_time():
    """The Wayback Machine prints its replay URL over the page; a dump keeps that line."""
    replay = "https://web.archive.org/web/20240315083012/https://harborgazette.example/local/ferry"
    lines = ["7 captures", "15 Mar 2024 - 20 Jul 2024", f"The Wayback Machine - {replay}", "Home", "Local"]
    assert printed_replay_url(lines) == replay
    assert printed_replay_url(["See https://web.archive.org/web/20240315083012/https://a.example/x for more"]) is None
    assert printed_replay_url(["https://harborgazette.example/local/ferry"]) is None  # no archive's URL
    body = (
        "Gull Island ferry to add winter crossings after months of complaints\n"
        "The ferry that links Gull Island to the city waterfront will run two more round trips each weekday "
        "starting in April, the transit board decided on Tuesday after months of complaints.\n"
        "Islanders who commute to the mainland for work and school had asked for the extra crossings "
        "since the autumn, when the winter timetable cut the early morning run.\n"
        "The board will pay for the new runs with a temporary fare surcharge of fifty cents a trip.\n"
    )
    text = "\n".join(lines) + "\n" + body
    page = Page("wayback.txt", text, "text", "utf-8", len(text))
    (row,) = build_articles(extract_page(page), datetime(2026, 1, 1, tzinfo=UTC))
    assert row["url"] == "https://harborgazette.example/local/ferry"
    assert row["crawled_at"] == datetime(2024, 3, 15, 8, 30, 12, tzinfo=UTC)


SECTIONS = ["Background", "The Detour", "Repairs"]


def _with_contents(contents_over_header: bool) -> str:
    """A dump whose article has three subheaded sections and a table of contents listing them, over
    the headline and byline (a blog theme's sidebar) or right over the text."""
    contents = ["In this article", *SECTIONS]
    header = HEAD[9:]
    body = [BODY[0], SECTIONS[0], BODY[1], BODY[2], SECTIONS[1], BODY[3], SECTIONS[2], BODY[4], BODY[5]]
    top = HEAD[:9] + (contents + header if contents_over_header else header + contents)
    return "\n".join(top + body + TAIL) + "\n"


@pytest.mark.parametrize("contents_over_header", [True, False])
def test_a_table_of_contents_over_the_header_is_no_body(contents_over_header):
    """Its entries are the body's subheadings printed again, scored as body (as the line model does
    on such pages): over the header they are dropped and the text starts under the byline; right
    over the text they stay, so that the header's last lines are not its entries."""
    import numpy as np

    lines = normalize_lines(_with_contents(contents_over_header))
    probs = np.array([0.95 if line in SECTIONS else 0.99 if line in BODY else 0.05 for line in lines])
    body, headings, _, _ = strip_lines(lines, None, probs)
    if contents_over_header:
        assert body[0] == BODY[0] and [body[i] for i in headings] == SECTIONS
    else:
        assert body[: len(SECTIONS)] == SECTIONS


def test_a_videos_caption_under_its_players_toggle_is_no_body():
    """ "Show Caption" / "Hide Caption" (the USA TODAY Network's players) and at most three short
    lines under them (the video's title, description and credit) are not the article's text."""
    caption = ["Show Caption", "Hide Caption", "How the pier was repaired", "Engineers explain the fix.", "Video desk"]
    lines = normalize_lines("\n".join(HEAD + caption + BODY + TAIL) + "\n")
    for model in (None, default_model()):
        body, _, _, _ = strip_lines(lines, model)
        assert body[0] == BODY[0] and not set(caption) & set(body)
    assert not under_caption_toggle(["Hide Caption", *BODY[:1]], 1)  # a paragraph is no caption


def test_a_controls_label_on_a_line_of_its_own_is_chrome_not_body():
    """An image viewer's button, an in-page anchor, a paywall's badge and a footer's policy link stood
    as body paragraphs of dumps (Guardian, LA Times, The Nation, review pages); a sentence using the
    same words is prose."""
    for label in ("View image in fullscreen", "Jump to Review", "Jump to a section:", "For Subscribers", "Ad Policy"):
        assert is_body_chrome(label), label
    for prose in (
        "Readers can view photos of the new ferry in the gallery below.",
        "The council debated its ad policy for an hour on Tuesday evening.",
        "Jump to conclusions, the councillor warned, and the budget fails.",
    ):
        assert not is_body_chrome(prose), prose


def test_rights_and_registration_notices_in_other_languages_are_chrome_in_a_dump():
    """The dump stripper drops the same notices as the HTML clean-up (`textstats.RIGHTS_RESERVED`):
    a Chinese site's registration numbers, a Japanese paper's English notice, a Polish footer."""
    for notice in (
        "京ICP备13028878号-6",
        "京公网安备11010502032503号",
        "Nikkei Inc. No reproduction without permission.",
    ):
        assert is_body_chrome(notice), notice
    assert is_body_chrome("Copyright © 2024 Gazeta Portowa. Wszelkie prawa zastrzeżone.")
    assert not is_body_chrome("版权所有者可以向法院申请禁令，法院在十天内作出裁定。")


ZH_BODY = [
    "经过三年多的建设，横跨青河的新大桥于星期六上午正式通车。市民从今天起可以步行、骑车或驾车往返两岸，不必再绕行下游的老桥。",
    "大桥全长八百六十米，桥面宽二十四米，设有双向四车道和两条独立的自行车道。桥的两端各有一座观景平台，晚上还会亮起节能灯光。",
    "市政府在通车仪式上表示，新桥通车后，从老城区到高新区的车程将由四十分钟缩短到十五分钟左右，每天可以分流大约三万辆汽车。",
    "工程负责人介绍，施工期间曾因汛期和钢材短缺两次停工，项目部调整了施工方案，最终比原计划只晚了两个月，总投资也控制在预算之内。",
    "不少住在河对岸的居民一早就来到桥头，排队等待剪彩仪式。有人还带来了孩子和家里的老人，在桥上拍照留念，场面十分热闹。",
    "一位在桥边开小吃店的店主说，过去顾客要绕很远的路才能过来，周末的生意一直不好。现在大桥通了，他打算再雇两名店员。",
    "交通部门提醒，通车初期桥上车流较大，请驾驶人注意限速，并按照指示牌行驶。节假日期间，桥上还将安排交警现场疏导。",
    "据了解，大桥两端还将修建两个小型公园和一条沿河步道，预计在今年秋天对外开放，届时市民可以在河边散步和休息。",
]


def test_a_dump_written_without_spaces_is_read_by_the_rules_not_the_english_line_model():
    """The line model learned from English pages; on a Chinese page laid out as a Chinese paper's
    (the first paragraph repeated at the top as its description, two menus, a share bar) it dropped
    the first and the last paragraphs. The rules keep the whole body; an English dump still goes to
    the model."""
    menu = ["首页", "时政", "资讯", "财经", "生活", "视频", "专栏", "双语", "原创", "评论"]
    header = [
        "> 本地新闻",
        "青河新大桥今日正式通车",
        "来源：",
        "青河日报",
        "2024-05-12 09:30",
        "分享",
        "分享到微信",
        "关闭",
    ]
    related = ["专题", "最热新闻", "青河沿岸绿道明年开工", "老城区公交线路调整", "市图书馆延长开放时间"]
    lines = ["青河新大桥今日正式通车", ZH_BODY[0], *menu, *menu, *header, *ZH_BODY[:4], "“桥通了，心也近了”"]
    lines += [*ZH_BODY[4:], "（编辑：王青 李河）", "【责任编辑：王青】", *related, "关于我们", "联系我们", *menu]
    text = "\n".join(lines) + "\n"
    extraction = strip_text_dump(
        Page(source_uri="zh.txt", text=text, fmt="text", encoding="utf-8", byte_size=len(text))
    )
    body = extraction.stories[0].paragraphs
    assert all(paragraph in body for paragraph in ZH_BODY)
    assert extraction.signals.extractor["model"] is False
    english = "\n".join(["Home", "News", *BODY, "Copyright 2024 The Courier"]) + "\n"
    page = Page(source_uri="en.txt", text=english, fmt="text", encoding="utf-8", byte_size=len(english))
    assert strip_text_dump(page).signals.extractor["model"] is True


SPANISH_BODY = [
    "El tráfico se reanudó el lunes por la mañana en el puerto de Port-Wendell tras tres días de huelga de "
    "los estibadores, según informó la dirección del puerto en un comunicado.",
    "Los sindicatos obtuvieron una mejora de las primas de noche, y la dirección no quiso comentar la cuantía "
    "del acuerdo alcanzado con los representantes de los trabajadores el domingo.",
    "Decenas de buques esperaban frente a la costa desde el viernes, y los transportistas calculan las "
    "pérdidas en varios millones de euros solo durante la última semana de paro.",
]


@pytest.mark.parametrize("model", ["shipped", "rules"])
def test_a_comment_forms_call_as_its_heading_ends_the_body(model):
    """ "Comentar" (the form's button, as its heading) opens the comments under a Spanish paper's
    story, as "Comentarios" does: the policy and the readers' comments under it are not the article
    (a page of newspaper4k's tests kept them)."""
    tail = [
        "Comentar",
        "El contenido de los comentarios es la opinión de los usuarios y no la de este periódico digital.",
        "No está permitido verter comentarios contrarios a las leyes, injuriosos, ilícitos o lesivos a terceros.",
        "Hace 28 minutos",
        "Lo importante no es si hay acuerdo o no, lo importante es quién paga al final todo esto, como siempre.",
    ]
    head = ["Inicio", "Local", "El puerto reabre tras tres días de huelga", "Por Ana Ruiz"]
    kept, _, _, _ = strip_lines(normalize_lines("\n".join(head + SPANISH_BODY + tail)), _chosen(model))
    assert kept == SPANISH_BODY


@pytest.mark.parametrize("model", ["shipped", "rules"])
def test_a_stories_list_set_inside_the_body_is_dropped(model):
    """A "Most Popular" list of other stories' cards (section, headline, author) between the body's
    paragraphs, as WIRED prints it (newspaper4k's wired_001): the cards are not the article. The run
    ends at the next prose line; the list's own heading is chrome already."""
    cards = ["Most Popular", "Gear", "The Tide Clocks Every Harbour Home Should Have", "Ada Brennock"]
    kept = _kept_body(model, [*BODY[:4], *cards, *BODY[4:]])
    assert kept == BODY


def test_an_embedded_posts_text_is_chrome_in_a_dump():
    assert is_body_chrome("Lol, the ferry was late again this morning. https://t.co/XWG9ipatpS")
    assert not is_body_chrome("The council's account (t.co/ links and all) was suspended for a day, the clerk said.")


def test_the_spaceless_share_reads_a_bounded_sample_without_listing_its_characters():
    """A 12 MB CJK dump is within the size cap: listing its characters to count them took 4.0 s
    and 335 MB on 4 million of them. The share is read on the first SHARE_SAMPLE_CHARS."""
    import tracemalloc

    from transforms.textstats import SHARE_SAMPLE_CHARS, spaceless_share

    text = "港口新桥今日通车。" * (2_000_000 // 9) + " ferry" * 200_000
    tracemalloc.start()
    share = spaceless_share(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(text) > SHARE_SAMPLE_CHARS
    assert share > 0.85  # the English tail (a third of the text) lies past the sample
    assert peak < 20_000_000
    assert spaceless_share("Harbour news. " * 10 + "港口新桥今日通车。") < 0.5
