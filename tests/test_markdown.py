"""Markdown page dumps (Firecrawl, crawl4ai, Jina Reader, html2text) are read as the plain dumps they render to."""

import subprocess
import sys
from datetime import date
from pathlib import Path

from schemas import Failure
from tests.test_html_extract import BODY  # four paragraphs of an invented news story
from transforms.decode import decode_page
from transforms.extract import extract_page
from transforms.markdown import looks_like_markdown, markdown_dump
from transforms.metadata import normalize_metadata

ROOT = Path(__file__).resolve().parents[1]


def _wrapped(text: str) -> str:
    """A paragraph as markdown writers wrap it: soft line breaks, a link and some emphasis."""
    words = text.split()
    words[3] = f"[{words[3]}](https://quellmere.example/tag/{words[3].lower()})"
    words[6] = f"**{words[6]}**"
    return " ".join(words[:12]) + "\n" + " ".join(words[12:])


MARKDOWN = (
    "[Skip to content](#main)\n\n"
    "* [Home](https://quellmere.example/)\n* [News](https://quellmere.example/news)\n"
    "* [Sport](https://quellmere.example/sport)\n* [Weather](https://quellmere.example/weather)\n\n"
    "# Tidal bridge opens after four years of delays\n\n"
    "**By [Jane Roe](https://quellmere.example/staff/jane-roe)** | May 2, 2024\n\n"
    "![The bridge at high tide](https://quellmere.example/img/bridge.jpg)\n\n"
    + "\n\n".join(_wrapped(p) for p in BODY[:2])
    + "\n\n## What comes next\n\n"
    + "\n\n".join(_wrapped(p) for p in BODY[2:])
    + "\n\n* [Share on Facebook](https://facebook.com/sharer)\n* [Share on X](https://x.com/share)\n\n"
    "### Related stories\n\n* [Ferry fares to rise in spring](https://quellmere.example/ferry)\n"
    "* [Market stalls reopen after storm](https://quellmere.example/market)\n\n"
    "© 2024 Quellmere Courier. All rights reserved.\n"
)


def test_a_markdown_dump_is_told_from_a_plain_one():
    assert looks_like_markdown(MARKDOWN)
    plain = "\n".join(["Home", "News", "Tidal bridge opens", "By Jane Roe", *BODY]) + "\n"
    assert not looks_like_markdown(plain)
    # "# " opens a code sample's comments in a plain dump of a tech blog: no links, no markdown
    code = plain + "# initialize the repository\ngit init\n# clone it\ngit clone repo\n"
    assert not looks_like_markdown(code)
    # a plain dump (one block a line, no blank lines) of a page that shows some markdown source
    assert not looks_like_markdown("\n".join(line for line in MARKDOWN.splitlines() if line.strip()))
    page = decode_page("bridge.md", MARKDOWN.encode())
    assert not isinstance(page, Failure) and page.fmt == "markdown"


def test_markdown_renders_one_block_a_line_without_its_markup():
    lines = markdown_dump(MARKDOWN).splitlines()
    assert lines[:5] == ["Skip to content", "Home", "News", "Sport", "Weather"]
    assert "Tidal bridge opens after four years of delays" in lines
    assert "By Jane Roe | May 2, 2024" in lines
    assert [line for line in lines if line in BODY] == BODY  # soft breaks joined, link and emphasis gone
    assert not any("](" in line or "**" in line or line.startswith("#") for line in lines)
    assert markdown_dump("| Route | Fare |\n|---|---|\n| North | 4.50 |\n") == "Route Fare\nNorth 4.50\n"


def test_a_markdown_news_dump_gives_its_article_and_metadata():
    page = decode_page("bridge.md", MARKDOWN.encode())
    extraction = extract_page(page)
    paragraphs = [p for story in extraction.stories for p in story.paragraphs]
    assert [p for p in paragraphs if p != "What comes next"] == BODY
    assert extraction.page.fmt == "markdown" and "](" not in extraction.page.text
    fields, _ = normalize_metadata(extraction.page, extraction.signals, paragraphs)
    assert fields["title"] == "Tidal bridge opens after four years of delays"
    assert fields["authors"] == ["Jane Roe"]
    assert fields["published_date"] == date(2024, 5, 2)


def test_an_html_block_with_no_closing_bracket_is_read_once():
    """An HTML block whose "<"s have no ">" after them: the tag pattern tried each "<" and read on to
    the block's end (64,000 characters 2.3 s, quadratic; the regex holds the GIL, so the call runs
    in a child that a timeout can stop). They stay text, as before, and the tags before them go."""
    script = """if True:
        from transforms.markdown import markdown_dump
        lines = markdown_dump("# Title\\n\\n<div>" + "<a" * 300000 + "\\n\\nSome text.\\n").splitlines()
        print(lines[0], len(lines), lines[1] == "<a" * 300000, lines[2])
    """
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["Title", "3", "True", "Some", "text."]
