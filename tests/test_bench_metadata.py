"""The metadata benchmark's "truth in dump" row: what a text dump prints of the truth at all."""

from bench.metadata import in_dump

DUMP = "Menu\nHarbour ferry fares rise\nBy Jane Roe\nMay 2, 2024\nThe ferry company raised its fares.\n"


def test_a_truth_the_dump_prints_is_found():
    gold = {"title": "Harbour Ferry Fares Rise", "author": "Jane Roe", "publish_date": "2024-05-02"}
    assert in_dump(gold, DUMP) == {"title": True, "author": True, "date": True}


def test_a_truth_the_dump_does_not_print_is_not():
    gold = {"title": "Fares rise at the harbour", "author": ["Jane Roe", "John Doe"], "publish_date": "2024-05-03"}
    assert in_dump(gold, DUMP) == {"title": False, "author": False, "date": False}


def test_an_empty_truth_counts_as_printed():
    assert in_dump({"title": None, "author": None, "publish_date": None}, DUMP) == dict.fromkeys(
        ("title", "author", "date"), True
    )
