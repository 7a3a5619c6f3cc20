"""A React page streamed from the server: its late parts are put where its scripts would put them
before extraction, and a comment-named wrapper around an article's body is not taken for comments."""

from lxml import etree

from schemas import Page
from tests.test_html_extract import BODY, _page, _text
from transforms import html_streamed
from transforms.html_extract import parse_html
from transforms.html_parser import document_fromstring
from transforms.html_streamed import has_streamed_parts, relocate_streamed

# React's completeBoundary and completeSegment, as its server writes them once (shortened).
RUNTIME = (
    "<script>$RC=function(b,c,e){c=document.getElementById(c);c.parentNode.removeChild(c)}</script>"
    "<script>$RS=function(a,b){a=document.getElementById(a);b=document.getElementById(b)}</script>"
)


def _streamed_page() -> str:
    """An article whose paragraphs 2-4 come late, out of order: boundary B:0 waits for part S:0,
    which holds a placeholder P:2 that part S:2 fills; boundary B:1 waits for part S:1."""
    return (
        "<html><head><title>Tidal bridge opens</title></head><body><main><article>"
        f"<h1>Tidal bridge opens</h1><p>{BODY[0]}</p>"
        '<!--$?--><template id="B:0"></template><div>Loading <!-- -->paragraph<!-- -->...</div><!--/$-->'
        '<!--$?--><template id="B:1"></template><div class="skeleton">Loading paragraph...</div><!--/$-->'
        "</article></main><footer><p>Copyright Quellmere Courier.</p></footer>"
        f'{RUNTIME}<div hidden id="S:1"><p>{BODY[3]}</p></div><script>$RC("B:1","S:1")</script>'
        f'<div hidden id="S:0"><p>{BODY[1]}</p><template id="P:2"></template></div>'
        f'<div hidden id="S:2"><p>{BODY[2]}</p></div><script>$RS("S:2","P:2")</script>'
        '<script>$RC("B:0","S:0")</script></body></html>'
    )


def _streamed(html: str) -> Page:
    return Page(source_uri="streamed.html", text=html, fmt="html", encoding="utf-8", byte_size=len(html))


def test_late_parts_are_moved_to_their_places_in_order():
    tree = parse_html(_streamed_page())
    article = tree.find(".//article")
    assert [p.text for p in article.iter("p")] == BODY
    assert "Loading" not in article.text_content()
    assert not tree.xpath("//div[@hidden] | //template | //comment()")


def test_a_streamed_article_is_extracted_whole_and_in_order():
    assert _text(_streamed(_streamed_page())).split("\n") == BODY


def test_text_around_a_placeholder_and_a_part_is_kept():
    html = (
        '<html><body><div>Before <template id="P:0"></template> after.</div>'
        '<div hidden id="S:0">one <b>two</b> three</div><script>$RS("S:0","P:0")</script></body></html>'
    )
    tree = parse_html(html)
    etree.strip_elements(tree, "script", with_tail=False)
    assert " ".join(tree.body.text_content().split()) == "Before one two three after."


def test_calls_that_cannot_run_change_nothing():
    """Ids missing from the page, a part asked to fill a place inside itself, a boundary with no
    closing comment (its template alone is replaced), a second call for a part already moved."""
    html = (
        '<html><body><div id="top"><!--$?--><template id="B:0"></template><span>wait</span></div>'
        '<div hidden id="S:0"><p>Late part.</p><template id="P:1"></template></div>'
        '<script>$RC("B:9","S:9");$RS("S:0","P:1");$RC("B:0","S:0");$RC("B:0","S:0")</script></body></html>'
    )
    tree = document_fromstring(html, comments=True)
    assert relocate_streamed(tree, html) == 1
    top = tree.body.find("div")
    assert [el.tag for el in top if isinstance(el.tag, str)] == ["p", "template", "span"]
    assert top.find("p").text == "Late part."


def test_a_page_of_many_calls_and_unclosed_boundaries_is_bounded(monkeypatch):
    """A hostile page cannot make the moves cost calls x siblings: past MAX_CALLS calls are not run,
    and a fallback longer than MAX_FALLBACK_NODES counts as unclosed (its template alone goes)."""
    monkeypatch.setattr(html_streamed, "MAX_CALLS", 3)
    monkeypatch.setattr(html_streamed, "MAX_FALLBACK_NODES", 4)
    boundaries = "".join(f'<template id="B:{i}"></template><i>wait</i>' for i in range(5))
    parts = "".join(f'<div hidden id="S:{i}"><p>Part {i}.</p></div>' for i in range(5))
    calls = "".join(f'$RC("B:{i}","S:{i}");' for i in range(5))
    html = f"<html><body><div>{boundaries}<!--/$--></div>{parts}<script>{calls}</script></body></html>"
    tree = document_fromstring(html, comments=True)
    assert relocate_streamed(tree, html) == 3
    texts = [el.text for el in tree.body.find("div") if isinstance(el.tag, str)]
    assert texts[:2] == ["Part 0.", "wait"] and texts.count("wait") == 5
    assert [p.text for p in tree.body.iterfind("div[@hidden]/p")] == ["Part 3.", "Part 4."]


def test_a_page_that_only_mentions_the_calls_is_parsed_as_before():
    code = '<pre>$RC("B:0","S:0") moves a boundary\'s content into place.</pre>'
    html = f"<html><body><article><p>{BODY[0]}</p>{code}<!-- note --></article></body></html>"
    assert has_streamed_parts(html)
    assert etree.tostring(parse_html(html)) == etree.tostring(document_fromstring(html))


def test_a_comment_named_wrapper_of_the_body_is_text_but_a_comment_thread_is_not():
    """LessWrong wraps a post's text in "commentOnSelection" (readers comment on a selected
    passage); trafilatura deleted it as a comment thread. Readers' comments beside the body stay out."""
    comments = "".join(
        f'<li class="comment"><p class="comment-author">Reader {i}</p>'
        f"<div class='comment-content'><p>I crossed the new bridge twice this week and it felt sturdy "
        f"enough, number {i}.</p></div></li>"
        for i in range(3)
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    page = _page(
        f"<main><h1>Tidal bridge opens</h1><div class='PostsPage-postContent'>"
        f"<div class='commentOnSelection'><div id='postContent'>{paragraphs}</div></div></div>"
        f"<section id='comments'><h2>Comments</h2><ol class='comment-list'>{comments}</ol></section></main>"
    )
    text = _text(page)
    assert text.split("\n") == BODY
    assert "Reader" not in text and "sturdy" not in text
