"""The extractor's HTML parser builds the tree lxml.html builds with trafilatura's loader options (no
comments, no processing instructions), with HtmlElement everywhere."""

import copy

import lxml.html
import pytest
import trafilatura
from lxml import etree

from transforms.html_parser import HTML_PARSER, document_fromstring

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
