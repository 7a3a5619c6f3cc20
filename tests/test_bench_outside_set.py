"""bench.outside_set lays newspaper4k's test pages out as a dev set: ids the benchmarks can read."""

import json

from bench.outside_set import build


def test_pages_with_html_and_an_extraction_become_a_dev_set(tmp_path):
    data = tmp_path / "src" / "tests" / "data"
    for sub in ("html", "txt", "metadata"):
        (data / sub).mkdir(parents=True)
    (data / "html" / "harbour.com1.html").write_text("<html><body><p>Fares rise.</p></body></html>")
    (data / "txt" / "harbour.com1.txt").write_text("Fares rise.", encoding="utf-8")
    (data / "metadata" / "harbour.com1.json").write_text(
        json.dumps({"url": "https://h.test/a", "authors": ["Jane Roe"]})
    )
    (data / "txt" / "no_page.txt").write_text("An extraction without its page.", encoding="utf-8")
    folder = tmp_path / "set"
    assert build(tmp_path / "src", folder) == 1
    truth = json.loads((folder / "ground-truth.aeb.json").read_text(encoding="utf-8"))
    assert truth == {
        "harbour_com1": {
            "articleBody": "Fares rise.",
            "url": "https://h.test/a",
            "title": None,
            "author": "Jane Roe",
            "publish_date": None,
        }
    }
    assert [p.name for p in (folder / "html").iterdir()] == ["harbour_com1.html"]
