"""The HTML run report: aggregates from the run's Parquet, five inline charts, nothing to fetch."""

import shutil
import subprocess
import warnings
from datetime import UTC, date, datetime
from html.parser import HTMLParser

import pytest

from pipeline.compact import compact
from pipeline.report import bar_chart, load_tables, main, report_data, write_report
from schemas import partition_path, partition_values
from transforms.commit import commit_run, read_manifest, staged_file_name
from transforms.parquet_sink import open_writer, rows_to_table

T0 = datetime(2024, 5, 2, 9, tzinfo=UTC)
PUBLISHERS = ["Example Daily", "Example Daily", "Example Daily", "Sample Courier", None]


def articles() -> list[dict]:
    rows = []
    for i, publisher in enumerate(PUBLISHERS):
        day = date(2024, 5, 1 + i % 2) if i < 4 else None
        rows.append(
            {
                "article_id": f"a{i}",
                "source_uri": f"file:///in/{i}.html",
                "story_index": 0,
                "publisher": publisher,
                "published_date": day,
                "language": "en" if i < 3 else "fr",
                "boilerplate_ratio": 0.1 * (i + 1),
                "text": "Body text. " * 10,
                "ingested_at": T0,
            }
        )
    rows.append({**rows[0], "article_id": "a0s1", "story_index": 1})  # a second story of page 0
    return rows


def quarantine() -> list[dict]:
    return [
        {"source_uri": f"file:///in/q{i}", "stage": "read", "reason": r, "ingested_at": T0}
        for i, r in enumerate(["empty", "empty", "too_large"])
    ]


def write_run(out, run_id: str, article_rows: list[dict], quarantine_rows: list[dict], counts: dict) -> None:
    staging = out / "_staging" / run_id
    staging.mkdir(parents=True)
    by_file: dict[tuple[str, str], list[dict]] = {}
    for table, rows in (("articles", article_rows), ("quarantine", quarantine_rows)):
        for row in rows:
            by_file.setdefault((table, partition_path(table, partition_values(table, row))), []).append(row)
    staged = []
    for (table, destination), rows in sorted(by_file.items()):
        path = staging / staged_file_name(destination, 0)
        writer = open_writer(str(path), table)
        writer.write_table(rows_to_table(table, rows))
        writer.close()
        staged.append(str(path))
    commit_run(str(out), run_id, str(staging), staged, {"counts": counts, "output": str(out)})


@pytest.fixture
def out(tmp_path):
    out = tmp_path / "out"
    counts = {
        "pages_in": 8,
        "pages_with_articles": 5,
        "quarantined": 3,
        "quarantine.empty": 2,
        "quarantine.too_large": 1,
    }
    write_run(out, "r1", articles(), quarantine(), counts)
    return out


class Charts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svgs, self.titles, self.fetches, self.scripts = 0, [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.svgs += tag == "svg"
        self.scripts += tag in ("script", "link", "img", "iframe")
        for key in ("src", "href", "xlink:href"):
            if attrs.get(key) and not attrs[key].startswith(("#", "data:")):
                self.fetches.append(attrs[key])

    def handle_data(self, data):
        if data.strip().startswith(("Articles per", "Quarantine", "Language", "Boilerplate")):
            self.titles.append(data.strip())


def test_aggregates_come_from_the_run_files(out):
    manifest = read_manifest(str(out), "r1")
    data = report_data(load_tables(str(out), manifest), manifest)
    assert data["publishers"] == [("Example Daily", 4), ("(unknown)", 1), ("Sample Courier", 1)]
    assert data["days"] == [("2024-05-01", 3), ("2024-05-02", 2)] and data["undated"] == 1
    assert data["reasons"] == [("empty", 2), ("too_large", 1)]
    assert data["languages"] == [("en", 4), ("fr", 2)]
    assert sorted(data["ratios"]) == pytest.approx([0.1, 0.2, 0.3, 0.4, 0.5])  # one per page, not per story


def test_the_page_is_self_contained_with_five_charts(out, tmp_path):
    page = tmp_path / "report.html"
    assert main(["--output", str(out), "--run_id", "r1", "--report", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    parser = Charts()
    parser.feed(text)
    assert parser.svgs == 5
    assert parser.fetches == [] and parser.scripts == 0
    assert "url(http" not in text and "@import" not in text
    assert any(t.startswith("Articles per publisher") for t in parser.titles) or "Articles per publisher" in text
    for label in ("Example Daily", "too_large", "2024-05-01", "accounting"):
        assert label in text or label.replace("_", "") in text
    assert "8 pages in = 5 with articles + 3 quarantined" in text


def test_the_report_is_deterministic(out, tmp_path):
    write_report(str(out), "r1", str(tmp_path / "a.html"))
    write_report(str(out), "r1", str(tmp_path / "b.html"))
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_the_report_follows_compacted_files(out, tmp_path):
    manifest = read_manifest(str(out), "r1")
    before = report_data(load_tables(str(out), manifest), manifest)
    later = [{**row, "article_id": "b" + row["article_id"]} for row in articles()]
    write_run(out, "r2", later, quarantine(), {})  # another run into the same partitions
    assert len(compact(str(out), target_file_mb=1)) >= 4
    manifest = read_manifest(str(out), "r1")
    assert all("compacted_into" in f for f in manifest["files"])
    assert report_data(load_tables(str(out), manifest), manifest) == before


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless chromium is not installed")
def test_chromium_renders_the_charts(out, tmp_path):
    import matplotlib.image

    page, png = tmp_path / "report.html", tmp_path / "report.png"
    write_report(str(out), "r1", str(page))
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1400,1200",
            f"--screenshot={png}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pixels = matplotlib.image.imread(str(png))
    assert pixels.shape[:2] == (1200, 1400)
    bar_blue = (abs(pixels[..., 0] - 0x3B / 255) < 0.02) & (abs(pixels[..., 2] - 0xA8 / 255) < 0.02)
    assert bar_blue.mean() > 0.005  # the bars are drawn, not a blank page


def test_a_cjk_label_is_svg_text_and_warns_of_no_missing_glyph():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svg = bar_chart("Articles per publisher", [("清河日报", 3), ("Example Daily", 2)])
    assert "清河日报" in svg and "Example Daily" in svg
