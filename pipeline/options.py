"""The pipeline's own flags, in one PipelineOptions subclass; everything else passes to Beam."""

import difflib
import glob
import hashlib
import json
import os
import re

from apache_beam.io.filesystem import FileSystem
from apache_beam.io.gcp.pubsub import parse_subscription
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from transforms.exports import EXTRACTED_FIELDS, PAGE_FIELDS
from transforms.globs import is_glob
from transforms.guard import DEFAULT_DOC_TIMEOUT_SECONDS

# A page over this many bytes (raw, or after gunzip) is quarantined as too_large: real news pages
# are well under 5 MB of HTML; past this the extractor's time and memory grow with no article gain.
DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024
# Watch mode: a new file waits at least one poll (its size must hold still); 2 s keeps latency low
# while a listing of a few thousand local files costs milliseconds.
DEFAULT_POLL_SECONDS = 2.0
# Streaming: one commit (manifest, files per partition) per window; a minute keeps files few and
# rows readable soon after they land.
DEFAULT_WINDOW_SECONDS = 60


class NewsOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        parser.add_argument(
            "--input",
            action="append",
            default=None,
            metavar="PATTERN",
            help="glob of input files (HTML, MHTML, text or Markdown dumps, WARC or WET, JSON or JSON Lines exports of scrapers, Parquet datasets, tar or zip archives of them; any but Parquet may be compressed: gzip, zstd, bzip2, xz); repeat for several. "
            "Local paths or any Beam filesystem (gs://...); a glob may match nothing, a plain local path "
            "must exist. Required unless --input_subscription.",
        )
        parser.add_argument(
            "--output",
            default=None,
            metavar="DIR",
            help="(required) output folder: articles/, segments/, quarantine/, duplicates/ (hive partitions) and _manifests/.",
        )
        parser.add_argument(
            "--max_file_bytes",
            type=int,
            default=DEFAULT_MAX_FILE_BYTES,
            help="quarantine a file over this many bytes, raw or decompressed; in a WARC or JSON Lines file, a "
            "record or line (default %(default)s).",
        )
        parser.add_argument(
            "--extracted_fields",
            default=",".join(EXTRACTED_FIELDS),
            metavar="FIELDS",
            help="comma-separated page fields of JSON export records that hold an article's text already "
            "extracted from its page: kept whole, not stripped again (default %(default)s; add 'text' for "
            "datatrove, FineWeb, trafilatura --json or newspaper3k exports, whose text is extracted).",
        )
        parser.add_argument(
            "--doc_timeout_seconds",
            type=float,
            default=DEFAULT_DOC_TIMEOUT_SECONDS,
            help="quarantine a page as `timeout` when its extraction runs longer (it runs in a child "
            "process that is killed and replaced); 0 runs it in-process with no limit (default %(default)s).",
        )
        parser.add_argument(
            "--fail_on_quarantine_rate",
            type=float,
            default=None,
            metavar="FRACTION",
            help="exit non-zero when more than this fraction (0-1) of the pages read went to quarantine "
            "(the output is still written); default: never.",
        )
        parser.add_argument(
            "--run_id",
            default=None,
            help="name of this run's files and manifest; default: derived from --input and --output, so a "
            "rerun of the same command replaces its own earlier output instead of adding to it.",
        )
        parser.add_argument(
            "--report",
            default=None,
            metavar="FILE.html",
            help="after the run, write a self-contained HTML report with charts, read from the run's "
            "output files (see pipeline/report.py).",
        )
        parser.add_argument(
            "--watch",
            action="store_true",
            help="keep running: ingest files matching --input as they arrive, in micro-batches (local).",
        )
        parser.add_argument(
            "--poll_interval",
            type=float,
            default=DEFAULT_POLL_SECONDS,
            help="with --watch: seconds between two listings of --input (default %(default)s).",
        )
        parser.add_argument(
            "--input_subscription",
            default=None,
            metavar="projects/P/subscriptions/S",
            help="streaming input: Pub/Sub subscription of a bucket's object notifications (with --streaming).",
        )
        parser.add_argument(
            "--window_seconds",
            type=int,
            default=DEFAULT_WINDOW_SECONDS,
            help="streaming: seconds of ingest time per committed window (default %(default)s).",
        )


def extracted_fields(options: NewsOptions) -> tuple[str, ...]:
    """--extracted_fields as a tuple of field names."""
    return tuple(name.strip() for name in (options.extracted_fields or "").split(",") if name.strip())


def validate(options: NewsOptions) -> None:
    # Required flags are checked here, not by argparse: every PipelineOptions subclass is parsed
    # whenever any options object is built (TestPipeline's too), so `required=True` would break them.
    if not options.output:
        raise ValueError("--output is required")
    if "://" not in options.output and os.path.exists(options.output) and not os.path.isdir(options.output):
        # `./run_local.sh samples/*` unquoted: the shell hands the second sample over as the output
        raise ValueError(f"--output {options.output} is a file: give a folder (quote a glob given as --input)")
    problem = None if "://" in options.output else local_output_problem(options.output)
    if options.report and not problem:
        problem = local_output_problem(os.path.dirname(os.path.abspath(options.report)), "--report's folder")
    if problem:
        raise ValueError(problem)
    if options.max_file_bytes <= 0:
        raise ValueError("--max_file_bytes must be positive")
    unknown = [name for name in extracted_fields(options) if name not in PAGE_FIELDS]
    if unknown or not extracted_fields(options):
        raise ValueError(
            f"--extracted_fields takes page fields among {', '.join(PAGE_FIELDS)}; not {', '.join(unknown)}"
        )
    if options.doc_timeout_seconds < 0:
        raise ValueError("--doc_timeout_seconds must be 0 (no limit) or positive")
    if options.fail_on_quarantine_rate is not None and not 0 <= options.fail_on_quarantine_rate <= 1:
        raise ValueError("--fail_on_quarantine_rate must be a fraction between 0 and 1")
    if (options.input is None) == (options.input_subscription is None):
        raise ValueError("give exactly one of --input and --input_subscription")
    if options.input_subscription is not None:
        validate_streaming(options)
    elif not all(p.strip() for p in options.input):
        raise ValueError("--input must not be empty")
    elif options.view_as(StandardOptions).streaming:
        raise ValueError("--streaming reads --input_subscription, not --input (for local files use --watch)")
    else:
        problem = next(filter(None, map(local_input_problem, options.input)), None)
        problem = problem or next(filter(None, (own_output_problem(p, options.output) for p in options.input)), None)
        if problem:
            raise ValueError(problem)
    if options.watch and options.poll_interval <= 0:
        raise ValueError("--poll_interval must be positive")
    if options.run_id is not None and not options.run_id.replace("-", "").replace("_", "").isalnum():
        raise ValueError("--run_id may hold only letters, digits, '-' and '_'")


def local_output_problem(output: str, flag: str = "--output") -> str | None:
    """Why a local folder to write in (--output, or the folder of --report's file) cannot be made
    or written, or None: said before anything is built, where the run would otherwise fail at its
    first staged file, pages already read (or, for the report, after the commit). The folder's
    nearest existing parent must be a folder this process may write in."""
    parent = os.path.abspath(output)
    while not os.path.exists(parent):
        parent = os.path.dirname(parent)
    if not os.path.isdir(parent):
        return f"{flag} {output} cannot be made: {parent} is a file"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{flag} {output} cannot be written: no permission to write in {parent}"
    return None


# Files of the kinds a run writes under its --output (a table's partition, a manifest, staging, a
# watch ledger), as Beam would list them: what an --input glob must not reach.
_OWN_OUTPUT_FILES = (
    "articles/pub_date=2024-01-31/lang=en/part-0123456789abcdef-00000.parquet",
    "segments/pub_date=unknown/lang=unknown/part-0123456789abcdef-00000.parquet",
    "quarantine/ingest_date=2024-01-31/reason_code=no_article/part-0123456789abcdef-00000.parquet",
    "duplicates/ingest_date=2024-01-31/part-0123456789abcdef-00000.parquet",
    "_manifests/0123456789abcdef.json",
    "_staging/0123456789abcdef/pre/articles-0123456789abcdef.parquet",
    "_ledger/batches/w000001.json",
)


def own_output_problem(pattern: str, output: str) -> str | None:
    """Why a local --input glob would read the run's own output, or None. With 'data/**' and
    --output data/out, a rerun read its Parquet files and manifests as pages (52 pages in for 2
    files) and replaced its good rows with what it made of them; in watch mode every batch's
    output would be the next batch's input."""
    if "://" in pattern or "://" in output or not is_glob(pattern):
        return None
    matches = re.compile(FileSystem.translate_pattern(os.path.abspath(pattern))).match
    root = os.path.abspath(output)
    reached = next((name for name in _OWN_OUTPUT_FILES if matches(os.path.join(root, name))), None)
    if reached is None:
        return None
    return (
        f"--input {pattern} reaches the run's own output under --output {output} (files such as "
        f"{os.path.join(output, reached)}): write the output outside the glob's reach, or narrow the glob"
    )


def local_input_problem(pattern: str) -> str | None:
    """Why a plain local --input path cannot be read as given, or None. Beam's own error for a
    missing plain path is a traceback ("ALLOW_IF_WILDCARD"), and a folder would be read as one
    unreadable page. Globs and cloud paths are not checked: nothing may touch a cloud path while
    the graph is built."""
    if "://" in pattern or is_glob(pattern):
        return None
    if os.path.isdir(pattern):
        return f"--input {pattern} is a folder: give a glob of its files, e.g. '{os.path.join(pattern, '*')}'"
    if not os.path.exists(pattern):
        return f"--input {pattern}: no such file (a glob such as 'pages/*' may match nothing; a plain path must exist)"
    return None


def absolute_paths(options: NewsOptions) -> None:
    """Local --input patterns and --output made absolute, in place: `samples/*`, `./samples/*` and
    `$PWD/samples/*` are one input, so a rerun spelled either way gets the same run id, `source_uri`
    and article ids (and replaces the earlier run's rows). Cloud paths stay as given. A local
    --input that names an existing file is that file, glob characters in its name escaped: a page
    saved as "Ferry fares [updated].html" is not a pattern whose brackets match "u", "p", ..."""
    if options.input:
        options.input = [_literal_file(_absolute(pattern)) for pattern in options.input]
    if options.output:
        options.output = _absolute(options.output)


def _absolute(path: str) -> str:
    return path if "://" in path else os.path.abspath(path)


def _literal_file(pattern: str) -> str:
    if "://" in pattern or not is_glob(pattern) or not os.path.isfile(pattern):
        return pattern
    return glob.escape(pattern)


# How alike an unknown flag and a known one must be (difflib's ratio) to call it a typo: one letter
# off a flag of 6+ letters ("--inpt", "--max_file_byte") is over 0.9, while a runner's own flags
# ("--object_reuse" and --project, "--flink_conf_dir" and --flink_version) stay under it and pass.
TYPO_CUTOFF = 0.9


def stray_argument_problem(argv: list[str]) -> str | None:
    """Why the command line holds an argument no option takes, or None: a stray word (an unquoted
    --input glob the shell expanded into several files) or a flag one typo away from a known one
    ("--max_file_byte"). Beam only logs a warning for both and runs with defaults, so a scheduled
    job with a mistyped --fail_on_quarantine_rate would never fail. Other unknown flags (and their
    values) pass, as Beam lets them: a runner may take flags this SDK does not define."""
    parsers = []
    PipelineOptions(argv).get_all_options(add_extra_args_fn=parsers.append)  # every option Beam knows
    parser = parsers[0]
    _, unknown = parser.parse_known_args(argv)
    known = [option for action in parser._actions for option in action.option_strings]
    at = _positions(argv, unknown)
    for arg, k in zip(unknown, at, strict=True):
        if arg.startswith("--"):
            name = arg.split("=", 1)[0]
            close = difflib.get_close_matches(name, known, n=1, cutoff=TYPO_CUTOFF)
            if close:
                return f"unknown flag {name}: did you mean {close[0]}?"
        elif arg != "--" and not (k - 1 in at and argv[k - 1].startswith("--") and "=" not in argv[k - 1]):
            return f"unexpected argument {arg!r}: quote a glob given as --input ('pages/*'), or the shell expands it"
    return None


def _positions(argv: list[str], unknown: list[str]) -> list[int]:
    """Where each of `unknown` (argparse keeps argv's order) stands in argv: a word is an unknown
    flag's value only when it follows that flag there, not a known flag between them."""
    positions, k = [], 0
    for arg in unknown:
        while argv[k] != arg:
            k += 1
        positions.append(k)
        k += 1
    return positions


def validate_streaming(options: NewsOptions) -> None:
    try:  # Beam's own check, which would otherwise fail only at submission
        parse_subscription(options.input_subscription)
    except ValueError as err:
        raise ValueError(f"--input_subscription: {err}") from err
    if options.watch:
        raise ValueError("--watch reads local files; it does not take --input_subscription")
    if not options.view_as(StandardOptions).streaming:
        raise ValueError("--input_subscription needs --streaming")
    if options.window_seconds <= 0:
        raise ValueError("--window_seconds must be positive")


def run_id(options: NewsOptions) -> str:
    if options.run_id:
        return options.run_id
    source = (
        {"input_subscription": options.input_subscription}
        if options.input is None
        else {"input": sorted(options.input)}
    )
    key = json.dumps({**source, "output": options.output.rstrip("/")})
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
