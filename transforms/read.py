"""Read stage: file patterns in, decoded `Page`s out (and `Failure`s for what cannot be read).

  patterns -> MatchFiles (each) -> Flatten -> distinct paths -> Reshuffle -> ReadPageFn

Paths go through Beam's FileSystems, so `gs://` works on Dataflow. Every file is read with a size
cap (raw and decompressed) and gunzipped by its magic bytes, not its name.
"""

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from schemas import Failure
from transforms.decode import decode_page, read_capped
from transforms.errors import TooLarge
from transforms.tags import FAILED, counter, error_text


def read_page(path: str, max_bytes: int):
    """The decoded page of one file, or a Failure. Never raises."""
    try:
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as stream:
            raw = read_capped(stream, max_bytes)
    except TooLarge as err:
        return Failure(path, "read", "too_large", str(err))
    except ValueError as err:
        return Failure(path, "read", "decode_error", error_text(err))
    except (OSError, IOError) as err:
        return Failure(path, "read", "read_error", error_text(err))
    return decode_page(path, raw)


class ReadPageFn(beam.DoFn):
    def __init__(self, max_bytes: int):
        self._max_bytes = max_bytes
        self._pages = counter("pages_read")
        self._failed = counter("read_failed")

    def process(self, path: str):
        try:
            result = read_page(path, self._max_bytes)
        except Exception as err:  # a bug, not bad input: still a quarantine row, never a lost file
            result = Failure(path, "read", "internal_error", error_text(err))
        if isinstance(result, Failure):
            self._failed.inc()
            yield beam.pvalue.TaggedOutput(FAILED, result)
        else:
            self._pages.inc()
            yield result


class ReadPages(beam.PTransform):
    """PBegin -> (pages, failures)."""

    def __init__(self, patterns: list[str], max_bytes: int):
        super().__init__()
        self._patterns = list(patterns)
        self._max_bytes = max_bytes

    def expand(self, pbegin):
        matched = [pbegin | f"Match[{i}]" >> fileio.MatchFiles(p) for i, p in enumerate(self._patterns)]
        outputs = (
            matched
            | "FlattenMatches" >> beam.Flatten()
            | "Paths" >> beam.Map(lambda metadata: metadata.path)
            | "DistinctPaths" >> beam.Distinct()
            | "SpreadFiles" >> beam.Reshuffle()
            | "ReadFiles" >> beam.ParDo(ReadPageFn(self._max_bytes)).with_outputs(FAILED, main="pages")
        )
        return outputs.pages, outputs[FAILED]
