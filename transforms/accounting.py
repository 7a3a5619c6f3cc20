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


def _one(key: str):
    return lambda _: [(key, 1)]


# Tally keys of each input of TallyRun, by input name.
KEYS = {
    "pages": _one("pages_in"),
    "articles": article_keys,
    "segments": _one("segments"),
    "failures": failure_keys,
    "duplicates": duplicate_keys,
    "counts": lambda kv: [kv],
}


class TallyRun(beam.PTransform):
    """{"pages", "failures", "duplicates", and "articles" + "segments" (rows) or "counts" (a batch
    run's (key, count) sums, see `transforms.process.StagePages`)} -> (key, count) pairs.

    Each input is summed on its own before the sums meet: a Flatten of several stages is held
    whole by the in-process runner, so only a few partial sums per bundle may cross it, never
    a (key, 1) per element.
    """

    def expand(self, inputs):
        sums = [
            inputs[name]
            | f"{name.title()}Keys" >> beam.FlatMap(KEYS[name])
            | f"Sum{name.title()}" >> beam.CombinePerKey(sum)
            for name in KEYS
            if name in inputs
        ]
        return sums | "AllSums" >> beam.Flatten() | "SumKeys" >> beam.CombinePerKey(sum)
