"""Streaming: notification parsing (pure), and the windowed graph on TestStream (DirectRunner).

The graph test replays Cloud Storage notifications with ingest timestamps into two windows, then
a late one after the watermark has passed its window, and checks one commit per window firing,
one file per window and destination, the late element committed on its own (never dropped), and
every object's rows in exactly one committed manifest.
"""

import json
import shutil
from datetime import UTC, datetime

import apache_beam as beam
import duckdb
import pytest
from apache_beam.io.gcp.pubsub import PubsubMessage
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.testing.test_stream import TestStream
from apache_beam.transforms.window import TimestampedValue

from pipeline.main import build_pipeline, parse_options
from pipeline.streaming import IngestObjects, WindowByIngestTime
from schemas import Failure
from tests.conftest import STREAMING_ARGV
from transforms.notifications import Notice, ParseNotifications, Skip, parse_notification
from transforms.window_write import LATE_COMMIT_DELAY, window_run_id

BUCKET = "landing-bucket"


def attrs(name, event="OBJECT_FINALIZE", **extra):
    return {"eventType": event, "bucketId": BUCKET, "objectId": name, "payloadFormat": "JSON_API_V1", **extra}


def payload(name):
    return json.dumps({"bucket": BUCKET, "name": name, "size": "123", "generation": "17"}).encode()


def test_finalize_names_the_object():
    assert parse_notification(attrs("pages/a.html"), payload("pages/a.html"), "m1") == Notice(
        "gs://landing-bucket/pages/a.html", "17", False
    )
    overwrite = parse_notification(attrs("a.html", overwroteGeneration="16", objectGeneration="18"), b"", "m2")
    assert overwrite == Notice("gs://landing-bucket/a.html", "18", True)


def test_other_events_and_folders_are_skipped():
    assert parse_notification(attrs("a.html", "OBJECT_DELETE"), payload("a.html")) == Skip("object_delete")
    assert parse_notification(attrs("a.html", "OBJECT_METADATA_UPDATE"), payload("a.html")) == Skip(
        "object_metadata_update"
    )
    assert parse_notification(attrs("dir/"), payload("dir/")) == Skip("folder_placeholder")


def test_payload_only_message_is_read():
    assert parse_notification({}, payload("b.txt"), "m3").path == "gs://landing-bucket/b.txt"


@pytest.mark.parametrize(
    "attributes,data",
    [
        ({}, b"not json"),
        ({}, b"[1, 2]"),
        ({"eventType": "OBJECT_FINALIZE"}, b"{}"),
        ({"eventType": "SOMETHING_NEW", "bucketId": BUCKET, "objectId": "x"}, b""),
        ({}, None),
    ],
)
def test_unreadable_notification_is_a_failure(attributes, data):
    result = parse_notification(attributes, data, "m9")
    assert isinstance(result, Failure)
    assert (result.stage, result.reason) == ("read", "decode_error")
    assert result.source_uri.startswith(("pubsub:m9", "gs://"))


def test_streaming_flags_are_checked_early():
    base = ["--output", "/tmp/never-written"]
    sub = ["--input_subscription", "projects/news-project/subscriptions/landing-1"]
    for argv in (
        base + sub,
        base + sub + ["--streaming", "--input", "x/*"],
        base + ["--streaming", "--input", "x/*"],
        base + ["--streaming", "--input_subscription", "subs/s1"],
        base + sub + ["--streaming", "--watch"],
        base + sub + ["--streaming", "--window_seconds", "0"],
    ):
        with pytest.raises(SystemExit):
            parse_options(argv)


def test_streaming_graph_builds_without_touching_any_path(unrun):
    options = PipelineOptions(STREAMING_ARGV)
    pipeline = build_pipeline(options)  # no read, no list, no write: nothing exists at these paths
    unrun(pipeline)
    labels = {t.full_label for t in pipeline.transforms_stack[0].parts}
    assert {"ReadNotifications", "WindowByIngestTime", "ParseNotifications", "IngestObjects"} <= labels


def message(name, i):
    return PubsubMessage(payload(name), attrs(name), message_id=f"m{i}")


def test_windows_commit_once_each_and_late_data_is_its_own_commit(tmp_path, samples_dir):
    root = tmp_path / "gcs"
    (root / BUCKET).mkdir(parents=True)
    names = [
        "harbor-gazette-ferry.html",
        "northwind-wire-storm.txt",
        "empty.html",
        "meridian-post-budget.html",
        "valley-courier-school.txt",
    ]
    for name in names:
        shutil.copy(samples_dir / name, root / BUCKET / name)
    out = tmp_path / "out"
    bad = PubsubMessage(b"{not json", {"eventType": "OBJECT_FINALIZE"}, message_id="m-bad")
    stream = (
        TestStream()
        .advance_watermark_to(0)
        .add_elements(
            [
                TimestampedValue(message(names[0], 0), 1),
                TimestampedValue(message(names[1], 1), 2),
                TimestampedValue(message(names[2], 2), 3),
                TimestampedValue(bad, 4),
                TimestampedValue(PubsubMessage(payload("gone.html"), attrs("gone.html", "OBJECT_DELETE")), 5),
            ]
        )
        .advance_watermark_to(10)
        .add_elements([TimestampedValue(message(names[3], 3), 12)])
        .advance_watermark_to(30)
        .add_elements([TimestampedValue(message(names[4], 4), 6)])  # late: its window closed at 10
        .advance_processing_time(LATE_COMMIT_DELAY + 1)
        .advance_watermark_to_infinity()
    )
    options = PipelineOptions([], streaming=True)
    options.view_as(StandardOptions).runner = "BundleBasedDirectRunner"
    started = datetime(2026, 1, 1, tzinfo=UTC)
    with beam.Pipeline(options=options) as p:
        windowed = p | stream | WindowByIngestTime(10)
        paths, failed = windowed | ParseNotifications(root=f"{root}/")
        _ = (paths, failed) | IngestObjects(str(out), "base", 1 << 20, 0, {"inputs": ["test"]}, started)

    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    w0, w10 = epoch, epoch.replace(second=10)
    expected = {window_run_id("base", w0, 0), window_run_id("base", w10, 0), window_run_id("base", w0, 1)}
    manifests = {p.stem: json.loads(p.read_text()) for p in (out / "_manifests").glob("*.json")}
    assert set(manifests) == expected
    late = manifests[window_run_id("base", w0, 1)]
    assert late["window"]["late"] and not manifests[window_run_id("base", w0, 0)]["window"]["late"]

    sources = {}
    for run, manifest in manifests.items():
        destinations = [f["path"].rsplit("/", 1)[0] for f in manifest["files"]]
        assert len(destinations) == len(set(destinations)), run  # one file per window firing and destination
        for f in manifest["files"]:
            if f["table"] in ("articles", "quarantine"):
                col = "source_uri"
                for (uri,) in duckdb.sql(f"select {col} from read_parquet('{out}/{f['path']}')").fetchall():
                    sources.setdefault(uri.rsplit("/", 1)[-1], []).append(run)
    assert sources == {
        names[0]: [window_run_id("base", w0, 0)],
        names[1]: [window_run_id("base", w0, 0)],
        names[2]: [window_run_id("base", w0, 0)],
        "pubsub:m-bad": [window_run_id("base", w0, 0)],
        names[3]: [window_run_id("base", w10, 0)],
        names[4]: [window_run_id("base", w0, 1)],
    }
    counts = manifests[window_run_id("base", w0, 0)]["counts"]
    assert counts["pages_in"] == 4 and counts["quarantined"] == 2
    assert late["counts"]["pages_in"] == 1
    on_disk = sorted(p.name for p in out.rglob("*.parquet") if "_staging" not in str(p))
    assert len(on_disk) == sum(len(m["files"]) for m in manifests.values())
    ingested = duckdb.sql(f"select distinct ingested_at from read_parquet('{out}/articles/*/*/*.parquet')").fetchall()
    # ingest time, not the job's start; DuckDB gives a timestamptz in the local zone: read in UTC
    assert all(ts[0].astimezone(UTC).year == 1970 for ts in ingested)
