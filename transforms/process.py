"""The page-processing chain that batch runs and streaming windows share.

  pages -> StripBoilerplate -> EnrichArticles [-> stamp] -> ClusterArticles -> SegmentArticles

In: a PCollection of `Page`s. Out: a dict of PCollections: "articles" (rows with cluster columns),
"segments" (segment `TableRow`s), "duplicates" (exact copies' records) and "failures" (the
strip and enrich stages' `Failure`s). Reading before and tallying and writing after are the
callers' own: a batch run reads a glob and commits once, a streaming job reads notifications and
commits per window (and stamps each row with its element's ingest time before clustering).
"""

from collections.abc import Callable
from datetime import datetime

import apache_beam as beam

from transforms.cluster import ClusterArticles
from transforms.enrich import EnrichArticles
from transforms.segmentation import SegmentArticles
from transforms.strip import StripBoilerplate


class ProcessPages(beam.PTransform):
    """pages -> {"articles", "segments", "duplicates", "failures"}."""

    def __init__(self, doc_timeout_seconds: float, ingested_at: datetime, stamp: Callable | None = None):
        super().__init__()
        self._timeout, self._ingested_at, self._stamp = doc_timeout_seconds, ingested_at, stamp

    def expand(self, pages):
        extractions, strip_failed = pages | "StripBoilerplate" >> StripBoilerplate(self._timeout)
        enriched, enrich_failed = extractions | "EnrichArticles" >> EnrichArticles(self._ingested_at)
        if self._stamp is not None:
            enriched = enriched | "StampRows" >> beam.Map(self._stamp)
        articles, duplicates = enriched | "ClusterArticles" >> ClusterArticles()
        return {
            "articles": articles,
            "segments": articles | "SegmentArticles" >> SegmentArticles(),
            "duplicates": duplicates,
            "failures": (strip_failed, enrich_failed) | "StageFailures" >> beam.Flatten(),
        }
