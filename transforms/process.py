"""The page-processing chains: pages in, articles, duplicates and failures out.

  ProcessPages (streaming windows):
    pages -> StripBoilerplate -> EnrichArticles [-> stamp] -> ClusterArticles -> SegmentArticles
  StagePages (batch runs):
    pages -> StripBoilerplate -> EnrichArticles -> StageArticleRows -> (fact and band files) -> ClusterStaged

Both take a PCollection of `Page`s and return a dict with "duplicates" (exact copies' records)
and "failures" (the strip and enrich stages' `Failure`s). ProcessPages adds "articles" (whole
rows with cluster columns) and "segments" (segment `TableRow`s): a streaming job commits per
window through a shuffle anyway. StagePages writes every article and segment row to a staged
Parquet file in the stage that builds it, with a fact row per article (`transforms.staging`), and
adds "staged" (the staged row files' paths), "verdicts" (cluster columns or "exact copy", per
staged file, for the articles that have one: `transforms.cluster_staged`) and "counts" (tallies
of articles and segments, (key, count) pairs): no record per article is in flight in a batch run.
Reading before and tallying and writing after are the callers' own.
"""

from collections.abc import Callable
from datetime import datetime

import apache_beam as beam

from transforms.cluster import ClusterArticles
from transforms.cluster_staged import ClusterStaged
from transforms.enrich import EnrichArticles
from transforms.segmentation import SegmentArticles
from transforms.staging import BAND_FILES, FACT_FILES, STAGED, StageArticleRowsFn
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
    """pages -> {"staged", "verdicts", "duplicates", "counts", "failures"} (see module doc)."""

    def __init__(self, doc_timeout_seconds: float, ingested_at: datetime, staging: str):
        super().__init__()
        self._timeout, self._ingested_at, self._staging = doc_timeout_seconds, ingested_at, staging

    def expand(self, pages):
        extractions, strip_failed = pages | "StripBoilerplate" >> StripBoilerplate(self._timeout)
        enriched, enrich_failed = extractions | "EnrichArticles" >> EnrichArticles(self._ingested_at)
        staged = enriched | "StageArticleRows" >> beam.ParDo(StageArticleRowsFn(self._staging)).with_outputs(
            STAGED, FACT_FILES, BAND_FILES, main="counts"
        )
        clusters = {"facts": staged[FACT_FILES], "bands": staged[BAND_FILES]} | "ClusterStaged" >> ClusterStaged()
        return {
            "staged": staged[STAGED],
            "verdicts": clusters["verdicts"],
            "duplicates": clusters["duplicates"],
            "counts": (staged.counts, clusters["counts"]) | "AllCounts" >> beam.Flatten(),
            "failures": (strip_failed, enrich_failed) | "StageFailures" >> beam.Flatten(),
        }
