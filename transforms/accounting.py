"""Run tallies: how many pages came in and where each one ended.

A page is one input document (a file, or one record of a container). Conservation, checked in
every run's summary: pages_in == pages_with_articles + quarantined pages (+ duplicates, once
deduplication marks them).
"""

import apache_beam as beam

from schemas import Failure


def failure_keys(failure: Failure) -> list[tuple[str, int]]:
    keys = [(f"quarantine.{failure.reason}", 1), ("quarantined", 1)]
    if failure.stage == "read":  # a file that never became a page still came in
        keys.append(("pages_in", 1))
    return keys


def article_keys(article: dict) -> list[tuple[str, int]]:
    keys = [("articles", 1)]
    if article["story_index"] == 0:
        keys.append(("pages_with_articles", 1))
    return keys


def quarantine_rate(counts: dict) -> float:
    """Share of the pages read that went to quarantine (0.0 for a run that read nothing)."""
    pages_in = counts.get("pages_in", 0)
    return counts.get("quarantined", 0) / pages_in if pages_in else 0.0


def duplicate_keys(duplicate: dict) -> list[tuple[str, int]]:
    keys = [("duplicate_articles", 1)]
    if duplicate["story_index"] == 0:  # a page is counted by the fate of its first story
        keys.append(("duplicates", 1))
    return keys


def conservation(counts: dict) -> tuple[bool, str]:
    """(holds, explanation) for the tallies of one run."""
    pages_in = counts.get("pages_in", 0)
    out = counts.get("pages_with_articles", 0) + counts.get("quarantined", 0) + counts.get("duplicates", 0)
    parts = f"{counts.get('pages_with_articles', 0)} with articles + {counts.get('quarantined', 0)} quarantined"
    if counts.get("duplicates"):
        parts += f" + {counts['duplicates']} duplicates"
    return pages_in == out, f"{pages_in} pages in = {parts}" if pages_in == out else f"{pages_in} pages in != {parts}"


class TallyRun(beam.PTransform):
    """(pages, articles, segments, failures[, duplicates]) -> (key, count) pairs."""

    def expand(self, inputs):
        pages, articles, segments, failures, *duplicates = inputs
        keyed = [
            pages | "PageKeys" >> beam.Map(lambda _: ("pages_in", 1)),
            articles | "ArticleKeys" >> beam.FlatMap(article_keys),
            segments | "SegmentKeys" >> beam.Map(lambda _: ("segments", 1)),
            failures | "FailureKeys" >> beam.FlatMap(failure_keys),
        ]
        if duplicates:
            keyed.append(duplicates[0] | "DuplicateKeys" >> beam.FlatMap(duplicate_keys))
        return (
            keyed
            | "AllKeys" >> beam.Flatten()
            | "SumKeys" >> beam.CombinePerKey(sum)
        )
