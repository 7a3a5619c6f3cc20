"""Cloud Storage object notifications (as delivered by Pub/Sub) in; the object's path out.

A bucket with a Pub/Sub notification config publishes one message per object change. Its
attributes say what happened (`eventType`), to which object (`bucketId`, `objectId`,
`objectGeneration`); with `payloadFormat=JSON_API_V1` the payload is the object resource as JSON
(`bucket`, `name`, `size`, ...). Only `OBJECT_FINALIZE` (a new object, or a new generation of an
existing one) is ingested; metadata updates, deletes and archivals are skipped and counted.

  parse_notification(attributes, payload, message_id) -> Notice(path=gs://bucket/object) | Skip | Failure

A message we cannot read becomes a `Failure` (stage "read", reason "decode_error") so it lands
in the quarantine table and in the window's page count, never silently dropped.
"""

import json
from dataclasses import dataclass

import apache_beam as beam

from schemas import Failure
from transforms.tags import FAILED, counter

FINALIZE = "OBJECT_FINALIZE"
SKIPPED_EVENTS = ("OBJECT_METADATA_UPDATE", "OBJECT_DELETE", "OBJECT_ARCHIVE")
# Longest raw payload kept as the quarantine excerpt of an unreadable notification.
EXCERPT_CHARS = 300


@dataclass(frozen=True)
class Notice:
    """A new object to ingest: its path, and the generation when the message says it."""

    path: str
    generation: str | None = None
    replaced: bool = False  # the object overwrote an earlier generation


@dataclass(frozen=True)
class Skip:
    """A message that names no new object: a folder placeholder, a delete, a metadata update."""

    reason: str


def object_path(bucket: str, name: str, root: str = "gs://") -> str:
    """`gs://bucket/name`; tests point `root` at a local folder holding `bucket/name`."""
    return f"{root}{bucket}/{name}"


def _payload_object(payload: bytes | str | None) -> dict:
    if not payload:
        return {}
    text = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    obj = json.loads(text)
    if not isinstance(obj, dict):
        raise ValueError("payload is not a JSON object")
    return obj


def parse_notification(
    attributes: dict | None, payload: bytes | str | None, message_id: str = "", root: str = "gs://"
) -> Notice | Skip | Failure:
    """What one notification asks for. Never raises."""
    attributes = dict(attributes or {})
    source = f"pubsub:{message_id}" if message_id else "pubsub:unknown"
    try:
        event = attributes.get("eventType")
        if event in SKIPPED_EVENTS:
            return Skip(event.lower())
        obj = _payload_object(payload) if attributes.get("payloadFormat", "JSON_API_V1") != "NONE" else {}
        bucket = attributes.get("bucketId") or obj.get("bucket")
        name = attributes.get("objectId") or obj.get("name")
        if event is None and not obj:
            raise ValueError("neither an eventType attribute nor an object payload")
        if event not in (None, FINALIZE):
            raise ValueError(f"unknown eventType {event!r}")
        if not bucket or not name or not isinstance(bucket, str) or not isinstance(name, str):
            raise ValueError("no bucketId/objectId in attributes or payload")
    except (ValueError, UnicodeDecodeError) as err:  # json.JSONDecodeError is a ValueError
        if attributes.get("bucketId") and attributes.get("objectId"):
            source = object_path(attributes["bucketId"], attributes["objectId"], root)
        raw = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else (payload or "")
        return Failure(source, "read", "decode_error", f"notification: {err}"[:2000], raw[:EXCERPT_CHARS])
    if name.endswith("/"):
        return Skip("folder_placeholder")
    generation = attributes.get("objectGeneration") or obj.get("generation")
    return Notice(
        object_path(bucket, name, root),
        str(generation) if generation else None,
        bool(attributes.get("overwroteGeneration")),
    )


class ParseNotificationFn(beam.DoFn):
    """PubsubMessage -> object path (main), Failure (FAILED); skipped events only counted."""

    def __init__(self, root: str = "gs://"):
        self._root = root
        self._notices = counter("notifications_ingested")
        self._skipped = counter("notifications_skipped")
        self._replaced = counter("objects_overwritten")
        self._failed = counter("notifications_failed")

    def process(self, message):
        result = parse_notification(
            message.attributes, message.data, getattr(message, "message_id", "") or "", self._root
        )
        if isinstance(result, Failure):
            self._failed.inc()
            yield beam.pvalue.TaggedOutput(FAILED, result)
        elif isinstance(result, Skip):
            self._skipped.inc()
        else:
            self._notices.inc()
            if result.replaced:
                self._replaced.inc()
            yield result.path


class ParseNotifications(beam.PTransform):
    """PubsubMessages -> (object paths, failures)."""

    def __init__(self, root: str = "gs://"):
        super().__init__()
        self._root = root

    def expand(self, messages):
        outputs = messages | "Parse" >> beam.ParDo(ParseNotificationFn(self._root)).with_outputs(FAILED, main="paths")
        return outputs.paths, outputs[FAILED]
