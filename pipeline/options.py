"""The pipeline's own flags, in one PipelineOptions subclass; everything else passes to Beam."""

import hashlib
import json

from apache_beam.options.pipeline_options import PipelineOptions

# A page over this many bytes (raw, or after gunzip) is quarantined as too_large: real news pages
# are well under 5 MB of HTML; past this the extractor's time and memory grow with no article gain.
DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024


class NewsOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        parser.add_argument(
            "--input", action="append", required=True, metavar="PATTERN",
            help="glob of input files (HTML, text dumps, either may be .gz); repeat for several. "
                 "Local paths or any Beam filesystem (gs://...).")
        parser.add_argument(
            "--output", required=True, metavar="DIR",
            help="output folder: articles/, segments/, quarantine/ (hive partitions) and _manifests/.")
        parser.add_argument(
            "--max_file_bytes", type=int, default=DEFAULT_MAX_FILE_BYTES,
            help="quarantine a file over this many bytes, raw or decompressed (default %(default)s).")
        parser.add_argument(
            "--run_id", default=None,
            help="name of this run's files and manifest; default: derived from --input and --output, so a "
                 "rerun of the same command replaces its own earlier output instead of adding to it.")


def validate(options: NewsOptions) -> None:
    if options.max_file_bytes <= 0:
        raise ValueError("--max_file_bytes must be positive")
    if not all(p.strip() for p in options.input):
        raise ValueError("--input must not be empty")
    if options.run_id is not None and not options.run_id.replace("-", "").replace("_", "").isalnum():
        raise ValueError("--run_id may hold only letters, digits, '-' and '_'")


def run_id(options: NewsOptions) -> str:
    if options.run_id:
        return options.run_id
    key = json.dumps({"input": sorted(options.input), "output": options.output.rstrip("/")})
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
