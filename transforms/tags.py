"""Output tags and metric names shared by the stages."""

from apache_beam.metrics import Metrics

FAILED = "failed"  # dead-letter output of every stage: `schemas.Failure` records
NAMESPACE = "news"


def counter(name: str):
    return Metrics.counter(NAMESPACE, name)
