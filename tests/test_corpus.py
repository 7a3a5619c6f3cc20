"""The benchmark corpus (bench/corpus.py): deterministic, page weight like real news pages, text
dumps that are the pages' visible text, and the story still extractable under the chrome."""

import gzip
import json
import re

import trafilatura

from bench.corpus import page_stats, write_corpus
from bench.text_dump import visible_text


def _html(path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8")


def test_same_seed_same_bytes_and_prefix_is_smaller_corpus(tmp_path):
    big = write_corpus(tmp_path / "a", 12, seed=3)
    again = write_corpus(tmp_path / "b", 12, seed=3)
    small = write_corpus(tmp_path / "c", 5, seed=3)
    other = write_corpus(tmp_path / "d", 5, seed=4)
    assert [p.name for p in big] == [p.name for p in again]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(big, again))
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(big, small))
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in small]


def test_html_pages_weigh_like_real_news_pages(tmp_path):
    pages = [p for p in write_corpus(tmp_path, 60, seed=7) if ".html" in p.name]
    stats = page_stats(pages)
    q1, median, q3 = stats["elements"]
    assert 700 <= median <= 1200 and q3 - q1 >= 150
    assert 150_000 <= stats["bytes"][1] <= 320_000
    assert 50_000 <= stats["script+style chars"][1] <= 160_000
    assert 110 <= stats["links"][1] <= 220


def test_story_and_metadata_survive_the_chrome(tmp_path):
    pages = [p for p in write_corpus(tmp_path, 30, seed=11) if ".html" in p.name and "metro-brief" not in p.name]
    for path in pages[:4]:
        html = _html(path)
        ld = json.loads(re.search(r"<script type='application/ld\+json'>(.*?)</script>", html).group(1))
        assert html.count("<h1>") == 1 and f"<h1>{ld['headline']}</h1>" in html
        text = trafilatura.extract(html, favor_precision=True, include_comments=False) or ""
        body = html[html.index("<h1>") :]
        first = re.search(r"<p>(?:[A-Z]+ \(Northern Wire\) \u2014 )?(.+?)</p>|<span>(.+?)</span></div>", body)
        assert (first.group(1) or first.group(2))[:80] in text
        for chrome in ("Advertisement", "cookies", "Sign in", "All rights reserved", "Most read", "Sponsored"):
            assert chrome not in text, (path.name, chrome)


def test_visible_text_one_block_a_line_without_code():
    page = (
        "<html><head><title>T</title><style>.a{}</style></head><body><nav><ul><li><a>One</a></li>"
        "<li><a>Two</a></li></ul></nav><div hidden><p>Hidden but copied</p></div><template><p>never</p></template>"
        "<h1>Head</h1><div class='byline'>By <a>Ann Lee</a> <time>2025-06-01</time></div>"
        "<svg><title>logo</title></svg><p>Body <b>bold</b> text.</p><script>var x=1;</script><!-- c -->"
        "<footer><p>\u00a9 2025 Site</p></footer></body></html>"
    )
    assert (
        visible_text(page)
        == "One\nTwo\nHidden but copied\nHead\nBy Ann Lee 2025-06-01\nBody bold text.\n\u00a9 2025 Site\n"
    )


def test_text_dumps_are_the_pages_visible_text(tmp_path):
    dumps = [p for p in write_corpus(tmp_path, 40, seed=7) if p.suffix == ".txt"]
    assert dumps
    for path in dumps:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "Skip to content" and any(line.startswith("By ") for line in lines)
        assert any("All rights reserved" in line for line in lines) and len(lines) > 60
        assert not any("function(" in line or "{" in line for line in lines)
