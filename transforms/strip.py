"""Strip stage: `Page` in, `Extraction` (article body and metadata signals) out.

HTML goes through trafilatura (tuned for precision), plain-text dumps through the line stripper;
a page with no article, or one the parser chokes on, becomes a `Failure`.
"""

import apache_beam as beam

from schemas import Failure, Page
from transforms.decode import excerpt
from transforms.errors import NoArticle
from transforms.extract import extract_page
from transforms.tags import FAILED, counter, error_text


class ExtractArticleFn(beam.DoFn):
    def __init__(self):
        self._extracted = counter("pages_extracted")
        self._no_article = counter("no_article")
        self._errors = counter("parse_error")

    def process(self, page: Page):
        def fail(reason: str, err: BaseException) -> Failure:
            return Failure(page.source_uri, "strip", reason, error_text(err), excerpt(page.text),
                           page.record_id, page.byte_size)

        try:
            extraction = extract_page(page)
        except NoArticle as err:
            self._no_article.inc()
            yield beam.pvalue.TaggedOutput(FAILED, fail("no_article", err))
            return
        except Exception as err:  # parser or extractor blew up on this page: quarantine it
            self._errors.inc()
            yield beam.pvalue.TaggedOutput(FAILED, fail("parse_error", err))
            return
        self._extracted.inc()
        yield extraction


class StripBoilerplate(beam.PTransform):
    """pages -> (extractions, failures)."""

    def expand(self, pages):
        outputs = pages | "ExtractArticle" >> beam.ParDo(ExtractArticleFn()).with_outputs(FAILED, main="extractions")
        return outputs.extractions, outputs[FAILED]
