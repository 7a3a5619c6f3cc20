"""Enrich stage: `Extraction` in, article rows out (normalized metadata, language, one per story).

The strip stage's guarded child builds the rows with the extraction (`articles.enrich`, under the
per-document time limit): here they get the run's ingested_at and are counted, or their failure is
quarantined. An extraction without them (an extractor called in-process, or another one) has them
built here, the same way; langdetect's profiles then load on the first page that needs them
(thread-safe, seeded).
"""

from datetime import datetime

import apache_beam as beam

from schemas import Extraction, Failure
from transforms.decode import excerpt
from transforms.shutdown import freeze_heap_at_exit
from transforms.tags import FAILED, counter


class BuildArticlesFn(beam.DoFn):
    def __init__(self, ingested_at: datetime):
        self._ingested_at = ingested_at
        self._articles = counter("articles")
        self._pages = counter("pages_with_articles")
        self._failed = counter("enrich_failed")

    def setup(self):
        freeze_heap_at_exit()  # Beam's objects make a slow exit (transforms.shutdown)

    def process(self, extraction: Extraction):
        if extraction.rows is None and extraction.enrich_failure is None:  # not built with the extraction
            # imported here: the rows come built from the guard's child in a run, and the Beam
            # process then never loads the metadata layer and langdetect (~0.3 s of a worker's start)
            from transforms.articles import enrich

            extraction = enrich(extraction)
        page = extraction.page
        if extraction.enrich_failure is not None:
            reason, error = extraction.enrich_failure
            self._failed.inc()
            yield beam.pvalue.TaggedOutput(
                FAILED,
                Failure(
                    page.source_uri,
                    "enrich",
                    reason,
                    error,
                    excerpt(page.text),
                    page.record_id,
                    page.byte_size,
                    page.source_id,
                ),
            )
            return
        self._pages.inc()
        self._articles.inc(len(extraction.rows))
        for row in extraction.rows:
            yield {**row, "ingested_at": self._ingested_at}


class EnrichArticles(beam.PTransform):
    """extractions -> (article rows, failures)."""

    def __init__(self, ingested_at: datetime):
        super().__init__()
        self._ingested_at = ingested_at

    def expand(self, extractions):
        outputs = extractions | "BuildArticles" >> beam.ParDo(BuildArticlesFn(self._ingested_at)).with_outputs(
            FAILED, main="articles"
        )
        return outputs.articles, outputs[FAILED]
