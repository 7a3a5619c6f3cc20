"""The streaming graph: Cloud Storage notifications in, one committed manifest per window out.

  python -m pipeline --streaming --input_subscription projects/P/subscriptions/S --output gs://B/out \\
      --window_seconds 60 --runner DataflowRunner --project P --region R --temp_location gs://B/tmp

  ReadFromPubSub -> WindowByIngestTime -> ParseNotifications -> (paths) -> ReadObjects
    -> ProcessPages (strip, enrich, stamp ingest time, cluster, segment)
    -> TallyRun -> WriteWindows (per window firing: Parquet in hive partitions, manifest last)

`ProcessPages` is the batch job's own; only the read (a path per notification instead of a glob)
and the write (per window firing instead of per run) differ. Duplicates are found within a
window: a copy that lands in a later window is kept as an article of its own.

Time is INGEST time: an element's timestamp is its notification's Pub/Sub publish time (set when
the object was finalized), never the article's own date. Windows are fixed windows of that time.
Late data: with publish-time timestamps, Dataflow's Pub/Sub watermark follows the oldest
unacknowledged message, so no element is behind the watermark in normal running. For the
exceptions (a seek or snapshot replay, a backlog estimate gone wrong) the trigger fires again
for every late element (`AfterWatermark(late=AfterCount(1))`, discarding, allowed lateness
`LATE_HORIZON`): the late rows become one more commit of their window, under their own run id,
never a drop. Only an element later than `LATE_HORIZON` would be dropped by Beam.

Nothing here touches a cloud path while the graph is built: the subscription is read only once
the job runs.
"""

from datetime import datetime

import apache_beam as beam
from apache_beam.transforms import trigger, window

from pipeline.options import extracted_fields
from schemas import Failure
from transforms.accounting import TallyRun
from transforms.exports import EXTRACTED_FIELDS
from transforms.notifications import ParseNotifications
from transforms.process import ProcessPages
from transforms.read import ReadPageFn
from transforms.table_rows import article_table_row
from transforms.tags import FAILED
from transforms.window_write import WriteWindows
from transforms.write import duplicate_table_row, failure_table_row

# Allowed lateness: Pub/Sub keeps an unacknowledged message at most 7 days, so no redelivery can be
# later than this; a window's state (a trigger per destination) is kept that long, a few bytes each.
LATE_HORIZON = 7 * 24 * 3600


class WindowByIngestTime(beam.PTransform):
    """Fixed windows of ingest time; every late element fires its window again (never dropped)."""

    def __init__(self, window_seconds: int):
        super().__init__()
        self._seconds = window_seconds

    def expand(self, pcoll):
        return pcoll | "FixedWindows" >> beam.WindowInto(
            window.FixedWindows(self._seconds),
            trigger=trigger.AfterWatermark(late=trigger.AfterCount(1)),
            accumulation_mode=trigger.AccumulationMode.DISCARDING,
            allowed_lateness=LATE_HORIZON,
        )


def stamp_ingested_at(row: dict, timestamp=beam.DoFn.TimestampParam) -> dict:
    """A row's ingested_at is its element's ingest time (the notification's publish time)."""
    return {**row, "ingested_at": timestamp.to_utc_datetime(has_tz=True)}


def quarantine_table_row(failure: Failure, timestamp=beam.DoFn.TimestampParam):
    return failure_table_row(failure, timestamp.to_utc_datetime(has_tz=True))


class IngestObjects(beam.PTransform):
    """(windowed object paths, windowed notification failures) -> one manifest per window firing."""

    def __init__(
        self,
        output: str,
        base_run_id: str,
        max_bytes: int,
        doc_timeout: float,
        manifest: dict,
        started: datetime,
        extracted: tuple[str, ...] = EXTRACTED_FIELDS,
    ):
        super().__init__()
        self._output, self._base, self._max_bytes, self._timeout = output, base_run_id, max_bytes, doc_timeout
        self._manifest, self._started, self._extracted = manifest, started, tuple(extracted)

    def expand(self, inputs):
        paths, notify_failed = inputs
        # No Reshuffle before the read (the batch job has one): on the DirectRunner it dropped a late
        # element outright, and a Pub/Sub read is spread over the workers already.
        read = paths | "ReadObjects" >> beam.ParDo(ReadPageFn(self._max_bytes, extracted=self._extracted)).with_outputs(
            FAILED, main="pages"
        )
        pages = read.pages
        processed = pages | "ProcessPages" >> ProcessPages(self._timeout, self._started, stamp=stamp_ingested_at)
        articles, segments, duplicates = processed["articles"], processed["segments"], processed["duplicates"]
        failures = (notify_failed, read[FAILED], processed["failures"]) | "AllFailures" >> beam.Flatten()
        tallies = {
            "pages": pages,
            "articles": articles,
            "segments": segments,
            "failures": failures,
            "duplicates": duplicates,
        } | "TallyRun" >> TallyRun()
        rows = (
            articles | "ArticleRows" >> beam.Map(article_table_row),
            segments,
            failures | "QuarantineRows" >> beam.Map(quarantine_table_row),
            duplicates | "DuplicateRows" >> beam.Map(duplicate_table_row),
        ) | "AllRows" >> beam.Flatten()
        return (rows, tallies) | "WriteWindows" >> WriteWindows(self._output, self._base, self._manifest)


def build_streaming(pipeline: beam.Pipeline, news, base_run_id: str, manifest: dict, started: datetime) -> None:
    """Wire the streaming job for `news` (NewsOptions) onto `pipeline`: built, not run."""
    messages = pipeline | "ReadNotifications" >> beam.io.ReadFromPubSub(
        subscription=news.input_subscription, with_attributes=True
    )
    windowed = messages | "WindowByIngestTime" >> WindowByIngestTime(news.window_seconds)
    paths, notify_failed = windowed | "ParseNotifications" >> ParseNotifications()
    _ = (paths, notify_failed) | "IngestObjects" >> IngestObjects(
        news.output,
        base_run_id,
        news.max_file_bytes,
        news.doc_timeout_seconds,
        manifest,
        started,
        extracted_fields(news),
    )
