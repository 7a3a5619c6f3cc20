"""Partition values are sanitized in one place: no metadata can name a folder outside the table."""

from datetime import UTC, date, datetime

import pytest

from schemas import ARTICLES, QUARANTINE, parse_partition_path, partition_path, partition_values, safe_value


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("../../etc", "etc"),
        ("..", "unknown"),
        ("/abs/path", "abs_path"),
        ("EN", "en"),
        ("zh-CN", "zh-cn"),
        (None, "unknown"),
        ("", "unknown"),
        ("a b\"c'd", "a_b_c_d"),
        ("2024-03-14", "2024-03-14"),
    ],
)
def test_safe_value(raw, expected):
    assert safe_value(raw) == expected


def test_article_partition_uses_date_and_language():
    row = {"published_date": date(2024, 3, 14), "language": "en"}
    assert partition_path(ARTICLES, partition_values(ARTICLES, row)) == "articles/pub_date=2024-03-14/lang=en"


def test_unknowns_are_explicit():
    assert partition_values(ARTICLES, {}) == ("unknown", "unknown")


def test_hostile_values_stay_inside_the_table():
    path = partition_path(ARTICLES, ("../../../tmp", "../.."))
    assert ".." not in path and path.startswith("articles/pub_date=")


def test_quarantine_partition_and_round_trip():
    row = {"ingested_at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC), "reason": "too_large"}
    path = partition_path(QUARANTINE, partition_values(QUARANTINE, row))
    assert path == "quarantine/ingest_date=2026-01-02/reason_code=too_large"
    assert parse_partition_path(path) == (QUARANTINE, ("2026-01-02", "too_large"))
