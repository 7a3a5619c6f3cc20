"""The extractor's HTML parser builds the tree lxml.html builds with trafilatura's loader options (no
comments, no processing instructions), with HtmlElement everywhere."""

import copy
import re
import time
from dataclasses import replace

import lxml.html
import pytest
import trafilatura
from conftest import SAMPLES
from lxml import etree

from schemas import Page
from transforms import html_extract
from transforms.errors import TooDeep
from transforms.extract import extract_page
from transforms.html_parser import (
    HTML_PARSER,
    MAX_DEPTH,
    UNCLOSED_DEPTH,
    depth_stop_line,
    document_fromstring,
    flatten_nesting,
    reaches_max_depth,
)

# Comments, a PHP tag (libxml2 keeps it as a comment), entities, form controls (lxml.html gives
# these their own classes), a tag left open and text after </html>: what a class lookup meets.
PAGE = (
    "<!DOCTYPE html><html><head><title>Tide &amp; times</title><?php echo 1; ?></head><body>"
    "<!-- nav --><form action='/s'><label for='q'>Find</label><input id='q' name='q'>"
    "<select name='c'><option>All</option></select><textarea>x</textarea></form>"
    "<p>The ferry runs at dawn &nbsp;&copy; 2026<p>Unclosed <b>bold</div></body></html> after"
)


def test_same_tree_as_lxml_html():
    without_comments = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    ours, theirs = document_fromstring(PAGE), lxml.html.document_fromstring(PAGE, parser=without_comments)
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert b"<!--" not in etree.tostring(ours) and b"<?php" not in etree.tostring(ours)
    for mine, its in zip(ours.iter(), theirs.iter(), strict=True):  # lxml.html's form classes -> HtmlElement
        assert type(mine) is (lxml.html.HtmlElement if isinstance(its, lxml.html.HtmlElement) else type(its))


def test_every_node_has_lxml_html_methods():
    tree = document_fromstring(PAGE)
    assert all(
        isinstance(el, (lxml.html.HtmlElement, lxml.html.HtmlComment, lxml.html.HtmlProcessingInstruction))
        for el in tree.iter()
    )
    assert tree.body.find("form").text_content() == lxml.html.document_fromstring(PAGE).body.find("form").text_content()


def test_trafilatura_takes_the_tree():
    body = "<p>" + "The ferry to the outer islands runs at dawn again from Monday. " * 6 + "</p>"
    tree = document_fromstring(f"<html><body><article>{body}</article></body></html>")
    doc = trafilatura.bare_extraction(tree, output_format="python", with_metadata=False)
    assert doc is not None and "outer islands" in doc.text


@pytest.mark.parametrize("text", ["", "   ", "<!-- only a comment -->"])
def test_empty_document_raises_like_lxml_html(text):
    with pytest.raises(etree.ParserError) as ours:
        document_fromstring(text)
    with pytest.raises(etree.ParserError) as theirs:
        lxml.html.document_fromstring(text)
    assert str(ours.value) == str(theirs.value)


def test_copies_keep_the_parser():
    tree = document_fromstring(PAGE)
    assert type(copy.deepcopy(tree).find("body")) is lxml.html.HtmlElement
    assert HTML_PARSER is not lxml.html.html_parser


# Nesting: libxml2 stops parsing for good at MAX_DEPTH (256).
def _nested(levels: int, where: str = "in") -> Page:
    """A sample page with `levels` <font>s opened right inside its <article>, or after it."""
    text = (SAMPLES / "harbor-gazette-ferry.html").read_text()
    if where == "in":
        text = re.sub(r"(<article[^>]*>)", lambda m: m.group(1) + "<font>" * levels, text, count=1)
    else:
        text = text.replace("</article>", "</article>" + "<font>" * levels, 1)
    return Page(f"file:///deep-{levels}-{where}.html", text, "html", "utf-8", len(text))


def _body(page: Page) -> list[str]:
    return extract_page(page).stories[0].paragraphs


def test_an_article_past_the_depth_limit_is_read_flattened():
    """Once no_article, then too_deep: 260 <font>s passed libxml2's limit of 256 and the article was
    lost unread. The page is read again with its markup nested no deeper than FLAT_DEPTH."""
    assert _body(_nested(240)) == _body(_nested(0))
    assert _body(_nested(260)) == _body(_nested(0))


def test_hostile_nesting_is_flattened_fast():
    """100,000 levels: libxml2 stops at MAX_DEPTH; the flattened page is read whole, in well under a second."""
    start = time.monotonic()
    assert _body(_nested(100_000)) == _body(_nested(0))
    assert time.monotonic() - start < 5
    assert reaches_max_depth(document_fromstring(_nested(100_000).text))
    assert not reaches_max_depth(document_fromstring(_nested(0).text))
    assert not reaches_max_depth(document_fromstring(flatten_nesting(_nested(100_000).text)))


def test_an_article_cut_at_the_depth_limit_is_read_to_its_end():
    """The paragraphs after 300 unclosed <div>s were lost while those before them made an article."""
    page = _nested(0)
    paragraphs = re.findall(r"<p>.*?</p>", page.text)
    deep = page.text.replace(paragraphs[1], paragraphs[1] + "<div>" * 300, 1)
    assert _body(replace(page, text=deep)) == _body(page)


def test_flattening_keeps_every_text_and_element_and_nests_the_deep_ones_side_by_side():
    for unit in ("<div>x", "<ul><li>x", "<table><tr><td>x", "<blockquote>x", "<h2>x", "<dl><dt>a<dd>x", "<font><p>x"):
        text = "<html><body>" + unit * 400 + "</body></html>"
        assert reaches_max_depth(document_fromstring(text)), unit
        flat = document_fromstring(flatten_nesting(text))
        assert not reaches_max_depth(flat) and flat.text_content().count("x") == 400, unit
    # past the depth an element opens beside the deepest one, with its tag: a deep page's menu and
    # footer stay a menu and a footer for the extractor, its paragraphs and list items stay apart
    body = "<nav><ul><li><a href='/'>Home</a></ul></nav><p>one<p>two<ul><li>three<li>four</ul><footer>(c)</footer>"
    flat = document_fromstring(flatten_nesting('<div class="w">' * 300 + body + "</div>" * 300))
    assert not reaches_max_depth(flat) and len(flat.findall(".//div")) == 300
    assert [e.text for e in flat.iter("p", "li", "footer")] == [None, "one", "two", "three", "four", "(c)"]
    assert flat.find(".//nav/ul/li/a").text == "Home"
    # bare wrappers ("<div>" right over a tag, its end tag right under one) are left out past UNCLOSED_DEPTH
    flat = document_fromstring(flatten_nesting("<div>" * 300 + body + "</div>" * 300))
    assert len(flat.findall(".//div")) == UNCLOSED_DEPTH and flat.find(".//nav/ul/li/a").text == "Home"
    glued = document_fromstring(flatten_nesting("<div>" * 300 + "one<div><b>two</b></div>three" + "</div>" * 300))
    assert "one" in glued.text_content() and glued.xpath("//div[b]")  # a wrapper with text beside it stays
    # formatting tags that nothing closes are left out past UNCLOSED_DEPTH: the page nests no deeper
    fonts = document_fromstring(flatten_nesting("<div>" + "<font>" * 1000 + "<p>x</p></div>"))
    assert len(fonts.findall(".//font")) == UNCLOSED_DEPTH - 1 and fonts.find(".//p").text == "x"
    # markup under the depth, and what a tag pass must step over whole, come back as they were
    page = _nested(0).text + "<script>if (a<b) { x = '<div>'; }</script><!-- <div> -->"
    assert flatten_nesting(page) == page
    # stray end tags cost no search (100,000 of them under 100,000 open tags)
    start = time.monotonic()
    flatten_nesting("<div>" * 100_000 + "</span>" * 100_000)
    assert time.monotonic() - start < 2


def test_a_page_still_too_deep_once_flattened_with_no_article_before_the_cut_is_too_deep(monkeypatch):
    monkeypatch.setattr(html_extract, "flatten_nesting", lambda text: text)
    with pytest.raises(TooDeep, match=f"nested over {MAX_DEPTH} deep at line"):
        extract_page(_nested(260))


def test_depth_stop_line_reads_the_parsers_own_error_log():
    assert depth_stop_line(_nested(100_000).text) is not None
    assert depth_stop_line(_nested(0).text) is None


def test_flattening_is_linear_on_tags_cut_off_and_unclosed_quotes():
    """A tag or a quote that never ends made the tag pattern backtrack to the end of the page from each
    "<" ("<script " 40,000 times: 62 s, so the extraction timed out and the article was lost)."""
    for tail in ("<script ", "<a ", "<a title='", '<a title="', "<!--"):
        start = time.monotonic()
        flatten_nesting("<div>" * 300 + tail * 40_000)
        assert time.monotonic() - start < 2, tail


def test_flattening_models_the_parsers_ignored_end_tags_quoted_brackets_and_raw_text():
    """Where the model of the parser's stack was wrong, the flattened page still reached the limit
    and lost the words past it: an end tag libxml2 ignores ("</li>" cannot close the <div> over
    its <li>), a ">" inside a quoted attribute, "<!-->" (an empty comment), tags inside an <iframe>."""
    words = [f"w{i}" for i in range(400)]
    for unit in ("<li><div></li>", "<span><div></span>", '<div><img alt="x></div>">', "<div><!-->", "<a><div></a>"):
        flat = document_fromstring(flatten_nesting("<html><body>" + "".join(f"{unit}{w} " for w in words)))
        assert not reaches_max_depth(flat) and flat.text_content().split() == words, unit
    iframes = "".join(f"<div><iframe><div></iframe>{w} " for w in words)
    assert not reaches_max_depth(document_fromstring(flatten_nesting("<html><body>" + iframes)))


def test_a_box_around_an_inline_element_is_kept_past_the_depth():
    """Blogger-style paragraphs ("<div><span>...</span></div>") ran together once their boxes were
    left out as bare wrappers."""
    posts = "".join(f"<div><span>Paragraph {i} of the post.</span></div>" for i in range(5))
    flat = document_fromstring(flatten_nesting('<div class="x">' * 40 + posts + "<div>" * 300))
    assert [(s.getparent().tag, s.text) for s in flat.iter("span")] == [
        ("div", f"Paragraph {i} of the post.") for i in range(5)
    ]
