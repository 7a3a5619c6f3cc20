"""HTML metadata candidates (`transforms.html_signals`) and their normalization, on invented pages."""

from datetime import date

import lxml.html
import pytest

from schemas import Page
from transforms.html_signals import html_signals
from transforms.metadata import normalize_metadata

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Tram line opens to first riders | The Riverside Post</title>
<meta property="og:title" content="Tram line opens to first riders">
<meta property="og:site_name" content="The Riverside Post">
<meta property="og:url" content="https://post.example.org/city/tram-line-opens?utm_source=feed">
<meta property="article:section" content="City">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "Tram line opens to first riders",
  "datePublished": "2023-09-14T07:05:00+01:00",
  "author": [{"@type": "Person", "name": "HANNAH OKAFOR"}],
  "publisher": {"@type": "Organization", "name": "The Riverside Post"}},
 {"@type": "BreadcrumbList", "itemListElement": [
  {"@type": "ListItem", "position": 1, "name": "Home"},
  {"@type": "ListItem", "position": 2, "name": "City"}]}]}</script>
</head><body>
<nav class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ol></nav>
<article><h1>Tram line opens to first riders</h1>
<p class="standfirst">Commuters queued before dawn for the first ride on the new line.</p>
<div class="byline">By <a rel="author" href="/authors/hannah-okafor">Hannah Okafor</a><span>Sept. 14, 2023</span></div>
<time datetime="2023-09-14T07:05:00+01:00">14 September 2023</time>
<p>RIVERSIDE - The first tram left the depot at six.</p><p>Riders cheered.</p>
</article>
<aside><div class="author-card"><a href="/authors/someone-else">Someone Else</a></div></aside>
</body></html>"""


def _signals():
    return html_signals(lxml.html.document_fromstring(PAGE))


def test_candidates_are_gathered():
    signals = _signals()
    assert signals.headings == ["Tram line opens to first riders"]
    assert signals.declared_language == "en-GB"
    assert ("rel", "Hannah Okafor") in signals.author_texts
    assert any(line.startswith("By Hannah Okafor") for line in signals.byline_lines)
    assert ("time", "2023-09-14T07:05:00+01:00") in signals.date_texts
    assert signals.breadcrumbs == ["Home / City"]
    assert signals.subtitle.startswith("Commuters queued")
    assert any(obj.get("@type") == "NewsArticle" for obj in signals.jsonld)


def test_tree_is_left_as_it_was():
    tree = lxml.html.document_fromstring(PAGE)
    before = lxml.html.tostring(tree)
    html_signals(tree)
    assert lxml.html.tostring(tree) == before


def test_normalized_fields():
    page = Page("mem://tram.html", PAGE, "html", "utf-8", len(PAGE), url="https://post.example.org/x")
    fields, body = normalize_metadata(
        page, _signals(), ["RIVERSIDE - The first tram left the depot at six.", "Riders cheered."]
    )
    assert fields["title"] == "Tram line opens to first riders"
    assert fields["authors"] == ["Hannah Okafor"]
    assert fields["publisher"] == "The Riverside Post" and fields["wire_agency"] is None
    assert fields["published_date"] == date(2023, 9, 14)
    assert fields["published_offset_minutes"] == 60 and fields["published_source"] == "jsonld"
    assert fields["published_at"].isoformat() == "2023-09-14T06:05:00+00:00"
    assert fields["url"] == "https://post.example.org/city/tram-line-opens"
    assert fields["section"] == "City" and fields["dateline"] == "Riverside"
    assert body[0] == "The first tram left the depot at six."
    assert fields["declared_language"] == "en-GB"


def test_the_declared_language_in_canonical_case_from_any_declaration():
    """<html lang> first, else Content-Language, og:locale or the JSON-LD inLanguage; "en_us" and
    "EN-us" are "en-US"; a template's placeholder declares nothing."""
    body = "<body><h1>Night trains return</h1><p>The sleeper service resumed.</p></body></html>"
    cases = {
        '<html lang="en_us"><head>': "en-US",
        '<html lang="{{lang}}"><head><meta property="og:locale" content="de_DE">': "de-DE",
        '<html><head><meta http-equiv="Content-Language" content="fr-ca">': "fr-CA",
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "ES"}</script>': "es",
        "<html><head>": None,
    }
    for head, declared in cases.items():
        html = head + "<title>Night trains return</title></head>" + body
        page = Page("mem://trains.html", html, "html", "utf-8", len(html))
        fields, _ = normalize_metadata(page, html_signals(lxml.html.document_fromstring(html)), ["The sleeper."])
        assert fields["declared_language"] == declared, head


def test_page_without_any_date_or_author():
    html = "<html><head><title>About our shop</title></head><body><h1>About our shop</h1><p>We sell bread.</p></body></html>"
    page = Page("mem://about.html", html, "html", "utf-8", len(html))
    fields, _ = normalize_metadata(page, html_signals(lxml.html.document_fromstring(html)), ["We sell bread."])
    assert fields["title"] == "About our shop"
    assert fields["authors"] == [] and fields["published_date"] is None


BLOG = """<html><head><title>Night trains return | Lindqvist Rail Notes</title>
<meta name="citation_author" content="Okoye, Ada"><meta name="citation_author" content="Brandt, Lukas">
<meta name="page-published-date" content="2022-04-02">
<script type="application/ld+json">{"@type": "Blog", "blogPost": [{"@type": "BlogPosting",
 "headline": "Night trains return", "datePublished": "2022-04-02T06:00:00Z"}]}</script>
</head><body>
<header><nav class="site-nav"><a href="/">Home</a></nav></header>
<div class="kicker">Travel · 2 April 2022</div>
<h1>NIGHT<br>TRAINS RETURN</h1>
<div class="entry-meta"><span class="posted-on">Posted by Wren Adair at April 2, 2022</span></div>
<p>The sleeper service resumed on Saturday after three years.</p>
<svg><path d="M0 0"/></svg>
</body></html>"""


def test_blog_page_signals():
    signals = html_signals(lxml.html.document_fromstring(BLOG))
    assert signals.headings == ["NIGHT TRAINS RETURN"]  # <br> read as a space
    assert signals.meta["citation_author"] == "Okoye, Ada; Brandt, Lukas"
    assert any(obj.get("@type") == "BlogPosting" for obj in signals.jsonld)  # the Blog's one post
    assert "Posted by Wren Adair at April 2, 2022" in signals.byline_lines
    assert "Travel · 2 April 2022" in signals.byline_lines  # a date line just before the headline
    assert ("class", "Posted by Wren Adair at April 2, 2022") in signals.date_texts


def test_blog_page_fields():
    page = Page("mem://blog.html", BLOG, "html", "utf-8", len(BLOG))
    fields, _ = normalize_metadata(
        page, html_signals(lxml.html.document_fromstring(BLOG)), ["The sleeper service resumed."]
    )
    assert fields["title"] == "Night trains return"
    assert fields["authors"] == ["Wren Adair"]  # the visible byline is trusted over <meta>
    assert fields["published_date"] == date(2022, 4, 2) and fields["published_source"] == "jsonld"


def test_page_without_h1_reads_the_top_of_the_body():
    html = (
        "<html><body><div>Filed 14 March 2021</div><h3>Canal locks reopen</h3><p>Boats passed again.</p></body></html>"
    )
    signals = html_signals(lxml.html.document_fromstring(html))
    assert "Filed 14 March 2021" in signals.byline_lines


def test_chinese_page_fields():
    html = """<html lang="zh-CN"><head><title>东湖隧道今日通车，市民出行更便捷_东湖晚报</title></head><body>
    <h1>东湖隧道今日通车，市民出行更便捷</h1>
    <div class="info"><span class="time">2022年5月8日 09:30</span> <span class="source">来源：东湖晚报</span>
    <span class="author">记者 陈一鸣</span></div><p>隧道全长三公里。</p></body></html>"""
    page = Page("mem://zh.html", html, "html", "utf-8", len(html))
    fields, _ = normalize_metadata(page, html_signals(lxml.html.document_fromstring(html)), ["隧道全长三公里。"])
    assert fields["title"] == "东湖隧道今日通车，市民出行更便捷"  # fullwidth punctuation kept in CJK
    assert fields["authors"] == ["陈一鸣"] and fields["publisher"] == "东湖晚报"
    assert fields["published_date"] == date(2022, 5, 8) and fields["published_at"] is None


def test_dates_between_elements_and_joined_to_their_time():
    page = """<html><body><h1>Notes</h1><fieldset><legend>Week two of the puzzle calendar</legend>
    12 December 2024 <div><p>Long text of the post.</p></div></fieldset>
    <p><span class="post-publicationTime">2021-04-02T09:15+02:00</span></p></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    assert "12 December 2024" in signals.byline_lines
    assert ("class", "2021-04-02T09:15+02:00") in signals.date_texts


def test_written_by_credit_at_the_foot_of_the_page():
    page = """<html><body><h1>Five ways to prune roses</h1><p>Cut above a bud.</p>
    <div class="box"><p>Written by <a href="/about">Ines Moreau</a></p></div></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    assert ("credit", "Written by Ines Moreau") in signals.author_texts


def test_the_date_beside_the_pages_one_credit_far_from_the_headline():
    """ "<p>Written by ...</p><p>April 8, 2024</p>" deep in the page: the author box's date; not where the
    headline's lines hold a date already, nor beside several credits (teasers' cards)."""
    filler = "".join(f"<div><span>Step {i}</span></div>" for i in range(80))
    box = '<div class="meta"><p>Written by <a href="/about">Ines Moreau</a></p><p>April 8, 2024</p></div>'
    page = f"<html><body><h1>Five ways to prune roses</h1>{filler}<p>Cut above a bud.</p>{box}</body></html>"
    signals = html_signals(lxml.html.document_fromstring(page))
    assert "April 8, 2024" in signals.byline_lines
    cards = box + box.replace("April 8", "May 2").replace("Ines Moreau", "Tomas Lindqvist")
    page = f"<html><body><h1>Five ways to prune roses</h1>{filler}<p>Cut above a bud.</p>{cards}</body></html>"
    assert html_signals(lxml.html.document_fromstring(page)).byline_lines == []


def test_without_an_h1_the_h2_like_the_title_is_the_headline():
    """No h1: the lines around the h2 that reads like the page's title are read, not around the first h2."""
    filler = "".join(f"<div><span>Offer {i}</span></div>" for i in range(80))
    page = f"""<html><head><title>Five ways to prune roses | Garden Notes</title></head><body>
    <h2>Your cart is empty</h2>{filler}<h3><span>blog | </span>April 8, 2024</h3>
    <h2>Five ways to prune your roses</h2><p>Cut above a bud.</p></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    assert "blog | April 8, 2024" in signals.byline_lines


def test_a_note_of_the_original_publication_dates_the_page():
    """A byline's date is the last update's where a note says when the article was first published."""
    filler = "".join(f"<div><span>Offer {i}</span></div>" for i in range(80))
    page = f"""<html><body><h1>Living in a tiny home</h1><div class="byline">Chris Carroll 30 Sep 2022, 11:07am</div>
    <p>Long text of the article.</p>{filler}<p class="disclaimer">This article was originally published on
    26 Sep 2019 at 4:12pm but has been regularly updated to keep the information current.</p></body></html>"""
    fields, _ = normalize_metadata(Page("x.html", page, "html", "utf-8", len(page)), _signals_of(page), ["Long text."])
    assert fields["published_date"] == date(2019, 9, 26)
    page = page.replace("published on\n    26 Sep 2019", "published in September 2019")
    fields, _ = normalize_metadata(Page("x.html", page, "html", "utf-8", len(page)), _signals_of(page), ["Long text."])
    assert fields["published_date"] == date(2022, 9, 30)


def _signals_of(page: str):
    return html_signals(lxml.html.document_fromstring(page))


def test_a_credit_label_alone_takes_the_name_from_the_next_element():
    page = """<html><body><h1>Five ways to prune roses</h1><p>Cut above a bud.</p>
    <div class="box"><div class="label">Written by</div><div class="big">Ines Moreau</div>
    <div>Ines grows roses in the Loire valley and writes about them every week.</div></div>
    <section><p>Article by</p><div>Tomas Lindqvist</div></section>
    <p class="note">Posted by <a href="/u/pk">Pia Kraft</a> at 9:14</p>
    <footer><p>Written by</p></footer></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    credits = [text for source, text in signals.author_texts if source == "credit"]
    # a label with nothing after it is no credit
    assert credits == ["Written by Ines Moreau", "Article by Tomas Lindqvist", "Posted by Pia Kraft at 9:14"]
    fields, _ = normalize_metadata(
        Page("mem://roses.html", page, "html", "utf-8", len(page)), signals, ["Cut above a bud."]
    )
    assert fields["authors"] == ["Ines Moreau"]


@pytest.mark.parametrize(
    "box, author",
    [
        (
            "<h3 class='wp-block-heading'>Written by Ines Moreau</h3><p>Ines grows roses in the Loire.</p>",
            "Ines Moreau",
        ),
        ("<h2 class='text-3xl'>Article by</h2><div class='leading-relaxed'>Tomas Lindqvist</div>", "Tomas Lindqvist"),
    ],
)
def test_an_author_box_heading_credits_the_author(box, author):
    page = f"""<html><body><h1>Five ways to prune roses</h1><p>Cut above a bud.</p>
    <div class="elementor-widget">{box}</div></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    fields, _ = normalize_metadata(
        Page("mem://roses.html", page, "html", "utf-8", len(page)), signals, ["Cut above a bud."]
    )
    assert fields["authors"] == [author]


def test_an_author_boxs_description_is_no_name():
    page = """<html><body><h1>Five ways to prune roses</h1><p>Cut above a bud.</p>
    <div class="dynamic-author-description">Certified Rose Grower, M.A. Horticulture</div></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    fields, _ = normalize_metadata(
        Page("mem://roses.html", page, "html", "utf-8", len(page)), signals, ["Cut above a bud."]
    )
    assert fields["authors"] == []


def test_a_byline_in_another_storys_card_is_not_the_authors():
    card = (
        '<div class="recirc-list"><div class="summary-item"><h3>Ferry fares to rise</h3>'
        '<p class="byline">By <span class="byline__name">Marta Quill</span></p></div></div>'
    )
    body = "<h1>Spring on the river</h1><p>The season opens with boat races.</p>"
    for credit, authors in (
        ("", []),
        ('<p><a href="/contributors/ada-brennock">Ada Brennock</a></p>', ["Ada Brennock"]),
    ):
        page = f"<html><body><article>{body}{credit}</article>{card}</body></html>"
        signals = html_signals(lxml.html.document_fromstring(page))
        fields, _ = normalize_metadata(
            Page("mem://river.html", page, "html", "utf-8", len(page)), signals, ["The season opens with boat races."]
        )
        assert fields["authors"] == authors


@pytest.mark.parametrize(
    "caption",
    [
        "<figure><img src='a.jpg'><figcaption>Riders at the depot in Riverside, May 21, 2019. (Photo: Jane Roe)</figcaption></figure>",
        "<div class='image__caption'><span>Riders queue at the depot by Harbour Road on Oct. 13, 2021.</span></div>",
    ],
)
def test_a_photo_caption_never_dates_the_page(caption):
    page = f"""<html><head><meta property="article:published_time" content="2024-02-29T13:56:04+00:00"></head>
    <body><h1>Tram line opens to first riders</h1>{caption}<p class="date">February 29, 2024</p>
    <p>The first tram left the depot at six.</p></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    assert not any("2019" in line or "2021" in line for line in signals.byline_lines)
    fields, _ = normalize_metadata(
        Page("mem://tram.html", page, "html", "utf-8", len(page)), signals, ["The first tram left the depot at six."]
    )
    assert fields["published_date"] == date(2024, 2, 29)


def test_a_caption_style_class_is_not_a_photo_caption():
    page = """<html><body><h1>Tram line opens to first riders</h1>
    <header><span class="caption-with-letter-spacing">February 23, 2026</span></header>
    <p>The first tram left the depot at six.</p></body></html>"""
    assert "February 23, 2026" in html_signals(lxml.html.document_fromstring(page)).byline_lines


def _subtitle_of(page: str) -> str | None:
    signals = html_signals(lxml.html.document_fromstring(page))
    fields, _ = normalize_metadata(
        Page("mem://tram.html", page, "html", "utf-8", len(page)), signals, ["The first tram left the depot at six."]
    )
    return fields["subtitle"]


def test_the_deck_is_the_one_under_the_headline_not_a_newsletter_box_or_a_teaser():
    deck = "Commuters queued before dawn for the first ride on the new line."
    page = f"""<html><body>
    <aside class="widget-area"><p class="email-subscribe-subtitle">Get our free email every morning, straight to you.</p></aside>
    <div class="NewsletterFormDek-x1">Enjoy our flagship newsletter as a digest delivered once a week.</div>
    <article><h1>Tram line opens to first riders</h1>
    <div class="ContentHeaderDek-a9f3">{deck}</div>
    <p>The first tram left the depot at six.</p></article>
    {"<div>More</div>" * 70}
    <div class="SummaryItemDek-k2">A teaser for another story, further down the page than any deck.</div>
    </body></html>"""
    assert _subtitle_of(page) == deck
    # without the deck, nothing else is taken for it
    assert _subtitle_of(page.replace(f'<div class="ContentHeaderDek-a9f3">{deck}</div>', "")) is None
    # a deck set as an h2 with its class
    assert (
        _subtitle_of(
            page.replace(
                f'<div class="ContentHeaderDek-a9f3">{deck}</div>', f'<h2 class="sub-headline speakable">{deck}</h2>'
            )
        )
        == deck
    )


def test_a_header_block_that_repeats_the_headline_is_no_deck():
    page = """<html><body><h1>Tram line opens to first riders</h1>
    <div class="StoryPage-lede"><span>City</span> Tram line opens to first riders</div>
    <p>The first tram left the depot at six.</p></body></html>"""
    assert _subtitle_of(page) is None


def test_author_links_side_by_side_are_two_authors_not_one_long_name():
    page = """<html><body><h1>Night ferries return to the sound</h1>
    <p class="byline">Written by: <a href="/author/ines-moreau">Ines Moreau</a><a href="/author/tomas-lind">Tomas Lind</a></p>
    <p>The first night ferry left the pier at ten.</p></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    fields, _ = normalize_metadata(
        Page("mem://ferries.html", page, "html", "utf-8", len(page)),
        signals,
        ["The first night ferry left the pier at ten."],
    )
    assert fields["authors"] == ["Ines Moreau", "Tomas Lind"]


def test_a_meta_block_too_long_for_a_date_line_is_read_by_its_first_part():
    tags = "".join(f'<span class="tag"><a href="/tags/t{i}/">tram network extension {i}</a></span>' for i in range(4))
    page = f"""<html><body><div class="meta post-date-header"><span>Posted on April 13, 2023</span>
    <div class="tags"><span>Tags:</span>{tags}</div></div><h1>Tram line opens to first riders</h1>
    <p>The first tram left the depot at six.</p></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    assert ("class", "Posted on April 13, 2023") in signals.date_texts
    fields, _ = normalize_metadata(
        Page("mem://tram.html", page, "html", "utf-8", len(page)), signals, ["The first tram left the depot at six."]
    )
    assert fields["published_date"] == date(2023, 4, 13)


def test_the_description_printed_under_the_headline_is_its_deck():
    deck = "Riders queued from dawn for the first trip on the new line across the river"
    head = f'<html><head><meta name="description" content="{deck}"></head><body>'
    story = "<h1>Tram line opens to first riders</h1>{}<p>The first tram left the depot at six.</p></body></html>"
    assert html_signals(lxml.html.fromstring(head + story.format(f"<p>{deck}</p>"))).subtitle == deck
    # not printed, printed only inside a sign-up box, or too short to be a deck: no subtitle
    assert html_signals(lxml.html.fromstring(head + story.format(""))).subtitle is None
    boxed = f'<aside class="newsletter"><p>{deck}</p></aside>'
    assert html_signals(lxml.html.fromstring(head + story.format(boxed))).subtitle is None
    short = '<html><head><meta name="description" content="City news"></head><body>'
    assert html_signals(lxml.html.fromstring(short + story.format("<p>City news</p>"))).subtitle is None


def test_a_numeric_date_is_read_in_the_order_of_the_declared_language():
    """ "04/03/2024" alone on a page: March 4 in Spanish or British English, April 3 in American
    English, no date where the page declares English without a region."""
    expected = {"es": date(2024, 3, 4), "en-GB": date(2024, 3, 4), "en-US": date(2024, 4, 3), "en": None}
    for lang, day in expected.items():
        html = (
            f'<html lang="{lang}"><head><title>Port traffic</title></head><body><article><h1>Port traffic</h1>'
            '<div class="byline">By Ana Ruiz | 04/03/2024</div><p>The port moved more boxes.</p></article></body></html>'
        )
        page = Page("mem://port.html", html, "html", "utf-8", len(html))
        fields, _ = normalize_metadata(page, html_signals(lxml.html.document_fromstring(html)), ["The port moved."])
        assert fields["published_date"] == day, lang


def test_update_and_publication_labels_in_other_languages():
    """The publication day, not the update printed before it: "Mis à jour le ... Publié le ...",
    "Actualizado el ... · Publicado el ...", "Aktualisiert am ... | Veröffentlicht am ..."."""
    lines = {
        "fr": "Mis à jour le 5 mars 2024 à 08h10 Publié le 4 mars 2024 à 12h39",
        "es": "Actualizado el 5 de marzo de 2024 · Publicado el 4 de marzo de 2024",
        "de": "Aktualisiert am 5. März 2024 | Veröffentlicht am 4. März 2024",
        "it": "Aggiornato il 5 marzo 2024 - Pubblicato il 4 marzo 2024",
    }
    for lang, line in lines.items():
        html = (
            f'<html lang="{lang}"><head><title>Port</title></head><body><article><h1>Port</h1>'
            f'<div class="meta">{line}</div><p>Le port a rouvert lundi matin.</p></article></body></html>'
        )
        page = Page("mem://port.html", html, "html", "utf-8", len(html))
        fields, _ = normalize_metadata(page, html_signals(lxml.html.document_fromstring(html)), ["Le port."])
        assert fields["published_date"] == date(2024, 3, 4), lang


def test_a_chinese_wire_story():
    """The site after "_" in the <title>, the dateline's place, its bracketed reporters as authors, the
    Xinhua site as the publisher (no separate wire credit: the agency's own site), Beijing time."""
    html = (
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>港口集装箱吞吐量创新高_新华网</title>'
        '<meta property="og:site_name" content="新华网"></head><body><h1>港口集装箱吞吐量创新高</h1>'
        '<div class="info">2024-03-04 12:39:00</div><div id="detail">'
        "<p>新华社天津3月4日电（记者张三、李四）天津港一季度集装箱吞吐量同比增长百分之十二，创历史新高。</p>"
        "<p>港口负责人表示，新开通的海铁联运线路带动了货量增长。</p></div></body></html>"
    )
    page = Page("mem://xh.html", html, "html", "utf-8", len(html))
    paragraphs = [
        "新华社天津3月4日电（记者张三、李四）天津港一季度集装箱吞吐量同比增长百分之十二，创历史新高。",
        "港口负责人表示，新开通的海铁联运线路带动了货量增长。",
    ]
    fields, body = normalize_metadata(page, html_signals(lxml.html.document_fromstring(html)), paragraphs)
    assert fields["title"] == "港口集装箱吞吐量创新高"
    assert fields["authors"] == ["张三", "李四"]
    assert (fields["dateline"], fields["publisher"], fields["wire_agency"]) == ("天津", "Xinhua", None)
    assert fields["published_at"].isoformat() == "2024-03-04T04:39:00+00:00"
    assert body[0].startswith("天津港一季度")


def test_a_body_sentence_with_a_date_or_an_opening_by_is_no_byline_line():
    """ "A report published on February 12, 2025, put ..." was read as a credit line, and its earlier day
    beat the JSON-LD datePublished (found by an adversarial-input helper)."""
    body = [
        "A consultants' report published on February 12, 2025, put the cost of the repairs at $18.4 million.",
        "By the way, work is expected to begin in May and to last for eleven weeks, closing the crossing to cars.",
    ]
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge repairs",'
        ' "datePublished": "2025-03-14T09:30:00-04:00"}</script></head><body><article><h1>Bridge repairs</h1>'
        '<p class="byline">By Jane Roe</p>' + "".join(f"<p>{p}</p>" for p in body) + "</article></body></html>"
    )
    signals = html_signals(lxml.html.document_fromstring(html))
    assert signals.byline_lines == ["By Jane Roe"]
    page = Page("file:///bridge.html", html, "html", "utf-8", len(html))
    meta, _ = normalize_metadata(page, signals, body)
    assert meta["published_date"] == date(2025, 3, 14) and meta["published_source"] == "jsonld"


def test_an_affiliate_disclosure_in_the_deck_element_is_no_deck():
    page = """<html><body><h1>The best rain jackets for ferry commuters</h1>
    <p class="dek">The following content is brought to you by our partners. If you buy a product featured
    here, we may earn an affiliate commission.</p>
    <p>We wore twelve jackets on the morning ferry for a month.</p></body></html>"""
    assert _subtitle_of(page) is None
    deck = page.replace(
        "The following content is brought to you by our partners. If you buy a product featured\n    here, we "
        "may earn an affiliate commission.",
        "Twelve jackets, a month of crossings and one clear winner",
    )
    assert _subtitle_of(deck) == "Twelve jackets, a month of crossings and one clear winner"


def test_a_json_ld_block_written_as_a_meta_tag_is_read():
    """Next.js writes its metadata API's `other` entries as <meta name=... content=...>: a JSON-LD
    block passed there as "script:ld+json" is a <meta> whose content is the block, HTML-escaped."""
    block = (
        "{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Heat pumps in old houses&quot;,"
        "&quot;datePublished&quot;:&quot;2025-06-03T09:00:00-05:00&quot;}"
    )
    page = f"""<html><head><title>Heat pumps in old houses | Warm Home Guide</title>
    <meta name="script:ld+json" content="{block}"></head><body><article><h1>Heat pumps in old houses</h1>
    <p>Most houses built before 1950 can take a heat pump with few changes.</p></article></body></html>"""
    signals = html_signals(lxml.html.document_fromstring(page))
    assert any(obj.get("datePublished") == "2025-06-03T09:00:00-05:00" for obj in signals.jsonld)
    assert "script:ld+json" not in signals.meta
    fields, _ = normalize_metadata(Page("mem://heat.html", page, "html", "utf-8", len(page)), signals, ["Most."])
    assert fields["published_date"] == date(2025, 6, 3) and fields["published_source"] == "jsonld"


def _title_of(page: str) -> str | None:
    fields, _ = normalize_metadata(Page("x.html", page, "html", "utf-8", len(page)), _signals_of(page), ["Text."])
    return fields["title"]


def test_an_seo_title_printed_as_an_h2_under_a_hero_h1_is_the_headline():
    page = """<html><head><title>Rose Leaf Drop in Summer: Causes and Fixes | Garden Notes</title>
    <meta property="og:title" content="Rose Leaf Drop in Summer: Causes and Fixes">
    <meta property="og:site_name" content="Garden Notes"></head><body>
    <div class="hero"><h1>Why Do Roses Drop Their Leaves in Summer?</h1></div>
    <div class="post"><h2>Rose Leaf Drop in Summer: Causes and Fixes</h2><p>Text.</p></div></body></html>"""
    assert _title_of(page) == "Rose Leaf Drop in Summer: Causes and Fixes"
    # printed nowhere as a heading: the h1 is what the reader sees
    assert _title_of(page.replace("<h2>", "<p>").replace("</h2>", "</p>")) == (
        "Why Do Roses Drop Their Leaves in Summer?"
    )
    # an h2 naming the site (a footer's) never makes a title that is only the site's name win
    footer = """<html><head><title>Garden Notes</title><meta property="og:title" content="Garden Notes">
    <meta property="og:site_name" content="Garden Notes"></head><body><h1>Five ways to prune your roses</h1>
    <p>Text.</p><footer><h2>Garden Notes</h2></footer></body></html>"""
    assert _title_of(footer) == "Five ways to prune your roses"
    # nor a label of one or two words that a sidebar's h2 repeats
    label = footer.replace(
        "<title>Garden Notes</title>", "<title>How to Prune Roses in Five Steps | Garden Notes</title>"
    )
    label = label.replace('content="Garden Notes">', 'content="Blog">', 1).replace(
        "<h2>Garden Notes</h2>", "<h2>Blog</h2>"
    )
    assert _title_of(label) == "Five ways to prune your roses"
