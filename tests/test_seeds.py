"""The five real page dumps in ../shared/seeds (skipped on a machine without them).

They must come out as five clean articles: nothing quarantined, headlines right, and none of
their chrome (nav, share/print lines, comment forms, ads, copyright footers, popular lists) left.
"""

import re
import shutil

import duckdb
import pytest

from pipeline.main import main
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not on this machine")

# Chrome that must not survive, as generic patterns (not the seeds' sentences).
CHROME = re.compile(
    r"(Most Popular|Hot Topics|Adjust font size|Print E-mail|Bookmark and Share|Comment\(s\)|Add your comments|"
    r"User Name|Enter the words|Copyright|All rights reserved|Registration Number|License for publishing|"
    r"Advertisement|You are here|Off the wire|Global Edition|Newsletter|Updated: \d{4})",
    re.I,
)


def norm(text):
    return " ".join(re.sub(r"[‘’“”]", "'", text).split())


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    work = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SEEDS, work / "in")
    assert main(["--input", f"{work}/in/*", "--output", str(work / "out")]) == 0
    articles = duckdb.sql(f"select * from read_parquet('{work}/out/articles/*/*/*.parquet', hive_partitioning=true)")
    quarantine = list((work / "out" / "quarantine").rglob("*.parquet"))
    return {r["source_uri"].rsplit("/", 1)[1]: r for r in articles.to_arrow_table().to_pylist()}, quarantine


def test_five_articles_nothing_quarantined(articles):
    rows, quarantine = articles
    assert len(rows) == 5 and quarantine == []


def test_no_chrome_left(articles):
    rows, _ = articles
    for name, row in rows.items():
        assert not CHROME.search(row["text"]), (name, CHROME.search(row["text"]).group(0))
        source = (SEEDS / name).read_text(encoding="utf-8").splitlines()
        short_lines = [ln.strip() for ln in source if 0 < len(ln.strip()) < 40]
        for line in short_lines:
            assert f"\n\n{line}\n\n" not in f"\n\n{row['text']}\n\n", (name, line)


def test_headlines_are_found_without_wire_slugs(articles):
    rows, _ = articles
    for name, row in rows.items():
        title = norm(row["title"] or "")
        lines = [norm(ln) for ln in (SEEDS / name).read_text(encoding="utf-8").splitlines()]
        assert title and any(title in ln for ln in lines), name  # a line of the page, not a guess
        assert not re.match(r"(\d+(st|nd|rd|th) LD|Writethru|UPDATE \d)", title, re.I), title
        assert title not in row["text"]


# The goal for the seeds: every byline, publisher, date and dateline right, no date for the
# undated one. Read off each page by eye (the credit line under its headline).
SEED_METADATA = {
    "000": ([], "Xinhua", "2015-12-03", "Washington"),
    "001": ([], "Xinhua", "2015-09-26", None),
    "002": (["Zhang Yunbi"], "China Daily", "2017-10-07", None),
    "003": ([], "China Daily", "2013-07-10", None),
    "004": ([], None, None, None),  # the undated one: no credit line at all
}


def test_bylines_publishers_dates_and_datelines(articles):
    rows, _ = articles
    found = {
        name[:3]: (
            list(row["authors"] or []),
            row["publisher"],
            str(row["published_date"]) if row["published_date"] else None,
            row["dateline"],
        )
        for name, row in rows.items()
    }
    assert found == SEED_METADATA


def test_the_deck_under_a_byline_is_the_subtitle_not_body(articles):
    """002 sets its deck under the byline: it is the subtitle, a line of the page, out of the body.
    The pages without a deck get none."""
    rows, _ = articles
    for name, row in rows.items():
        if not name.startswith("002"):
            assert row["subtitle"] is None, name
            continue
        lines = [norm(ln) for ln in (SEEDS / name).read_text(encoding="utf-8").splitlines()]
        assert row["subtitle"] and norm(row["subtitle"]) in lines
        assert row["subtitle"] not in row["text"]
