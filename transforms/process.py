"""The page-processing chains: pages in, articles, duplicates and failures out.

  ProcessPages (streaming windows):
    pages -> StripBoilerplate -> EnrichArticles [-> stamp] -> ClusterArticles -> SegmentArticles
  StagePages (batch runs):
    pages -> StripBoilerplate -> EnrichArticles -> StageArticleRows -> ClusterArticles(pairs)
                                                     (band files) -> CandidatePairs ^

Both take a PCollection of `Page`s and return a dict with "articles", "duplicates" (exact copies'
records) and "failures" (the strip and enrich stages' `Failure`s). ProcessPages' "articles" are
whole rows with cluster columns and it adds "segments" (segment `TableRow`s): a streaming job
commits per window through a shuffle anyway. StagePages writes every article and segment row to
a staged Parquet file in the stage that builds it (`transforms.staging`), and its "articles" are
light records with cluster columns and the staged files' paths, for the commit to finish: a batch
run's memory then holds a light record per article, never its rows. Reading before and tallying
and writing after are the callers' own.
"""

from collections.abc import Callable
from datetime import datetime

import apache_beam as beam

from transforms.bands import CandidatePairs
from transforms.cluster import ClusterArticles
from transforms.enrich import EnrichArticles
from transforms.segmentation import SegmentArticles
from transforms.staging import BAND_FILES, StageArticleRowsFn
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


class StagePages(beam.PTransform):
    """pages -> {"articles" (light records, see module doc), "duplicates", "failures"}."""

    def __init__(self, doc_timeout_seconds: float, ingested_at: datetime, staging: str):
        super().__init__()
        self._timeout, self._ingested_at, self._staging = doc_timeout_seconds, ingested_at, staging

    def expand(self, pages):
        extractions, strip_failed = pages | "StripBoilerplate" >> StripBoilerplate(self._timeout)
        enriched, enrich_failed = extractions | "EnrichArticles" >> EnrichArticles(self._ingested_at)
        staged = enriched | "StageArticleRows" >> beam.ParDo(StageArticleRowsFn(self._staging)).with_outputs(
            BAND_FILES, main="lights")
        pairs = staged[BAND_FILES] | "CandidatePairs" >> CandidatePairs()
        articles, duplicates = staged.lights | "ClusterArticles" >> ClusterArticles(pairs=pairs)
        return {
            "articles": articles,
            "duplicates": duplicates,
            "failures": (strip_failed, enrich_failed) | "StageFailures" >> beam.Flatten(),
        }
