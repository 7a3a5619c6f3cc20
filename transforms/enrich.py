"""Enrich stage: `Extraction` in, article rows out (normalized metadata, language, one per story).

The language detector's profiles load once per worker, in a thread started in `setup()` (thread-safe,
seeded); `process()` waits for them.
"""

from datetime import datetime

import apache_beam as beam

from schemas import Extraction, Failure
from transforms import language
from transforms.articles import build_articles
from transforms.decode import excerpt
from transforms.errors import NoArticle
from transforms.shutdown import freeze_heap_at_exit
from transforms.tags import FAILED, counter, error_text


class BuildArticlesFn(beam.DoFn):
    def __init__(self, ingested_at: datetime):
        self._ingested_at = ingested_at
        self._articles = counter("articles")
        self._pages = counter("pages_with_articles")
        self._failed = counter("enrich_failed")

    def setup(self):
        language.start_loading()  # while the strip stage's child process starts (transforms.language)
        freeze_heap_at_exit()  # the profiles and the extractor make a slow exit (transforms.shutdown)

    def process(self, extraction: Extraction):
        language.load()  # waits for the profiles; a failure to load them fails the bundle, not the page
        page = extraction.page
        try:
            rows = build_articles(extraction, self._ingested_at)
        except Exception as err:
            reason = "no_article" if isinstance(err, NoArticle) else "internal_error"
            self._failed.inc()
            yield beam.pvalue.TaggedOutput(
                FAILED,
                Failure(
                    page.source_uri,
                    "enrich",
                    reason,
                    error_text(err),
                    excerpt(page.text),
                    page.record_id,
                    page.byte_size,
                    page.source_id,
                ),
            )
            return
        self._pages.inc()
        self._articles.inc(len(rows))
        yield from rows


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
