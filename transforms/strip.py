"""Strip stage: `Page` in, `Extraction` (article body and metadata signals) out.

HTML goes through trafilatura (tuned for precision), plain-text dumps through the line stripper;
a page with no article, or one the parser chokes on, becomes a `Failure`. The extraction runs in a
child process with a per-document time limit (`transforms.guard`): a page over it becomes a
`timeout` Failure and the run goes on. The default extractor builds the page's article rows in
the same call (`Extraction.rows`, for the enrich stage to pass on), so the limit covers
metadata, language detection, the story split, each row's MinHash signature and the spans its
segments are cut at too: what reads a page's text unguarded in the Beam process is its reading.
"""

import apache_beam as beam

from schemas import Failure, Page
from transforms.decode import excerpt
from transforms.errors import NoArticle, TooDeep, TooLarge, error_text
from transforms.guard import DEFAULT_DOC_TIMEOUT_SECONDS, DocGuard, DocTimeout, GuardStartError, Named
from transforms.tags import FAILED, counter

# The extractor, by name: this process hands it to the guard's child and does not import it.
EXTRACT_ARTICLES = Named("transforms.extract", "extract_articles")


class ExtractArticleFn(beam.DoFn):
    """`extractor` must be a module-level function or a `Named` one (the guard's child imports it);
    a timeout of 0 calls it in-process, with no time limit."""

    def __init__(self, doc_timeout_seconds: float = DEFAULT_DOC_TIMEOUT_SECONDS, extractor=EXTRACT_ARTICLES):
        self._timeout, self._extractor = doc_timeout_seconds, extractor
        self._guard = None
        self._timeouts = counter("timeout")
        self._extracted = counter("pages_extracted")
        self._no_article = counter("no_article")
        self._too_large = counter("too_large")
        self._too_deep = counter("too_deep")
        self._errors = counter("parse_error")

    def setup(self):
        if self._timeout > 0:
            self._guard = DocGuard(self._extractor, self._timeout)
            self._guard.start()

    def teardown(self):
        if self._guard is not None:
            self._guard.close()

    def process(self, page: Page):
        def fail(reason: str, err: BaseException) -> Failure:
            text = excerpt(page.text)
            return Failure(
                page.source_uri, "strip", reason, error_text(err), text, page.record_id, page.byte_size, page.source_id
            )

        try:
            extraction = self._guard.call(page) if self._guard is not None else self._extractor(page)
        except DocTimeout as err:
            self._timeouts.inc()
            yield beam.pvalue.TaggedOutput(FAILED, fail("timeout", err))
            return
        except GuardStartError:  # the extractor cannot even start: a deployment bug, fail loudly
            raise
        except NoArticle as err:
            self._no_article.inc()
            yield beam.pvalue.TaggedOutput(FAILED, fail("no_article", err))
            return
        except TooDeep as err:  # nested past the parser's depth limit
            self._too_deep.inc()
            yield beam.pvalue.TaggedOutput(FAILED, fail("too_deep", err))
            return
        except TooLarge as err:  # past the extractor's own size guard
            self._too_large.inc()
            yield beam.pvalue.TaggedOutput(FAILED, fail("too_large", err))
            return
        except Exception as err:  # parser or extractor blew up on this page: quarantine it
            self._errors.inc()
            yield beam.pvalue.TaggedOutput(FAILED, fail("parse_error", err))
            return
        self._extracted.inc()
        yield extraction


class StripBoilerplate(beam.PTransform):
    """pages -> (extractions, failures)."""

    def __init__(self, doc_timeout_seconds: float = DEFAULT_DOC_TIMEOUT_SECONDS, extractor=EXTRACT_ARTICLES):
        super().__init__()
        self._timeout, self._extractor = doc_timeout_seconds, extractor

    def expand(self, pages):
        fn = ExtractArticleFn(self._timeout, self._extractor)
        outputs = pages | "ExtractArticle" >> beam.ParDo(fn).with_outputs(FAILED, main="extractions")
        return outputs.extractions, outputs[FAILED]
