"""Entry point: match page files, strip boilerplate, normalize metadata, segment, write Parquet.

  python -m pipeline --input 'samples/*' --output out/ [Beam options]

`main(argv)` parses, `build_pipeline(options)` builds the graph without running it, and the run
ends with a summary (pages in, articles, quarantine by reason, partitions, conservation check).
Without --runner the in-process FnApiRunner is used: the plain DirectRunner first tries to
download the Prism runner, which fails offline.
"""

import argparse
import contextlib
import gc
import os
import re
import sys
import time
from datetime import UTC, datetime

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import (
    DirectOptions,
    GoogleCloudOptions,
    PipelineOptions,
    StandardOptions,
    TestOptions,
    TypeOptions,
)

from pipeline import __version__
from pipeline.options import (
    NewsOptions,
    absolute_paths,
    extracted_fields,
    run_id,
    stray_argument_problem,
    validate,
)
from pipeline.streaming import build_streaming
from pipeline.summary import format_summary, quarantine_rate_breach
from pipeline.watch import run_watch
from transforms.accounting import TallyRun
from transforms.commit import STAGING_DIR, read_manifest
from transforms.guard import standby
from transforms.process import StagePages
from transforms.read import ReadPages
from transforms.strip import EXTRACT_ARTICLES
from transforms.write import WriteTables

LOCAL_RUNNER = "FnApiRunner"
# Runners that run the DoFns in this very process unless told to use worker processes.
IN_PROCESS_RUNNERS = (LOCAL_RUNNER, "DirectRunner")
# Runners whose job outlives this process: main() submits and returns, the job's own commit step
# writes the manifest (a Flex Template launcher must not wait for the whole job either).
REMOTE_RUNNERS = ("DataflowRunner", "dataflow", "apache_beam.runners.dataflow.dataflow_runner.DataflowRunner")


def build_pipeline(options: PipelineOptions, ingested_at: datetime | None = None) -> beam.Pipeline:
    news = options.view_as(NewsOptions)
    validate(news)
    rid = run_id(news)
    ingested_at = ingested_at or datetime.now(UTC)
    if news.input_subscription:  # streaming: one commit per window, see pipeline/streaming.py
        p = beam.Pipeline(options=options)
        build_streaming(
            p,
            news,
            rid,
            {"pipeline_version": __version__, "inputs": [news.input_subscription], "output": news.output},
            ingested_at,
        )
        return p
    staging = FileSystems.join(news.output, STAGING_DIR, rid)
    manifest = {
        "pipeline_version": __version__,
        "inputs": list(news.input),
        "output": news.output,
        "started_at": ingested_at.isoformat(),
    }

    p = beam.Pipeline(options=options)
    pages, read_failed, skipped = p | "ReadPages" >> ReadPages(
        news.input, news.max_file_bytes, tally_skipped=True, extracted=extracted_fields(news)
    )
    processed = pages | "StagePages" >> StagePages(news.doc_timeout_seconds, ingested_at, staging)
    failures = (read_failed, processed["failures"]) | "AllFailures" >> beam.Flatten()
    counted = {
        "pages": pages,
        "counts": processed["counts"],
        "failures": failures,
        "duplicates": processed["duplicates"],
    } | "TallyRun" >> TallyRun()
    tallies = (counted, skipped) | "AllTallies" >> beam.Flatten()  # + WARC records that are no pages
    tables = {
        "staged": processed["staged"],
        "verdicts": processed["verdicts"],
        "failures": failures,
        "duplicates": processed["duplicates"],
        "tallies": tallies,
    }
    _ = tables | "WriteTables" >> WriteTables(news.output, rid, staging, ingested_at, manifest)
    return p


def parse_options(argv: list[str] | None) -> PipelineOptions:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description=__doc__.split("\n\n")[0],
        epilog="Any other flag is a Beam pipeline option (--runner, --direct_num_workers, --project, ...).",
    )
    NewsOptions._add_argparse_args(parser)
    parser.parse_known_args(argv)  # --help stops here
    problem = stray_argument_problem(argv)
    if problem:
        parser.error(problem)
    options = PipelineOptions(argv)
    try:
        validate(options.view_as(NewsOptions))
    except ValueError as err:
        parser.error(str(err))  # a clear usage message and exit 2, before anything is built
    absolute_paths(options.view_as(NewsOptions))
    if options.view_as(StandardOptions).runner is None:
        options.view_as(StandardOptions).runner = LOCAL_RUNNER
    # Beam's construction-time type check builds an argparse parser per hint comparison: ~0.45 s of
    # every run's ~1.1 s graph build (a watch-mode micro-batch builds one each time). The tests build
    # both graphs with it on (tests/test_graph.py): the check runs in CI, not in every job.
    options.view_as(TypeOptions).pipeline_type_check = False
    if options.view_as(StandardOptions).runner in REMOTE_RUNNERS:
        problem = cloud_location_problem(options)
        if problem:
            parser.error(problem)
    if options.view_as(StandardOptions).runner in IN_PROCESS_RUNNERS:
        problem = worker_command_problem(options)
        if problem:
            parser.error(problem)
    return options


# What a POSIX shell splits a word at or expands inside it.
_SHELL_SPECIAL = re.compile(r"[\s'\"\\$`&|;<>()*?\[\]#!{}]")


def worker_command_problem(options: PipelineOptions) -> str | None:
    """Why a local run cannot start its worker processes, or None.

    In multi_processing mode Beam's local runner starts each worker through a shell, with the
    interpreter's path written into the command unquoted (apache-beam 2.77's fn_runner). A path the
    shell splits or expands (a folder named "My Projects") makes every worker exit at once with
    status 127, and the runner then waits for them forever: the run hangs. Said before anything is
    built instead."""
    if options.view_as(DirectOptions).direct_running_mode != "multi_processing":
        return None
    if not _SHELL_SPECIAL.search(sys.executable):
        return None
    return (
        f"--direct_running_mode=multi_processing cannot start workers from {sys.executable!r}: Beam starts "
        "them through a shell with that path unquoted, which the shell splits or expands. Use a Python (a venv) at a "
        "path without spaces or shell characters, or --direct_running_mode=multi_threading"
    )


def cloud_location_problem(options: PipelineOptions) -> str | None:
    """Why the given --temp_location / --staging_location cannot be used, or None.

    When every given location is malformed (a bucket name like "B" is too short), Beam falls back
    to creating a default bucket: a network call that hangs for two minutes offline and creates a
    bucket the user never asked for online. Say so before anything is built. With no location
    given at all, Beam's default bucket is what the user chose.
    """
    from apache_beam.options.pipeline_options_validator import PipelineOptionsValidator

    cloud = options.view_as(GoogleCloudOptions)
    given = [name for name in ("temp_location", "staging_location") if getattr(cloud, name, None)]
    errors = [PipelineOptionsValidator(options, None).validate_gcs_path(cloud, name) for name in given]
    if given and all(errors):
        return "; ".join(e[0] for e in errors) + " (bucket names have 3-63 characters, e.g. gs://my-bucket/tmp)"
    return None


def submit(pipeline: beam.Pipeline, options: PipelineOptions) -> int:
    """Submit to a remote runner and return; with --dry_run=True only build and translate the job.

    Nothing reads the output here: the job's commit step writes the manifest when it is done.
    """
    news = options.view_as(NewsOptions)
    result = pipeline.run()
    if options.view_as(TestOptions).dry_run:
        job = getattr(result, "job", None)
        steps = len(job.proto_pipeline.components.transforms) if job is not None else "?"
        print(f"dry run {run_id(news)}: job graph built and translated ({steps} transforms), nothing submitted")
    elif options.view_as(GoogleCloudOptions).template_location:  # a Flex Template launcher asked for the spec
        print(f"job spec of run {run_id(news)} written to {options.view_as(GoogleCloudOptions).template_location}")
    else:
        print(
            f"submitted job {result.job_id()}: run {run_id(news)} writes "
            f"{news.output.rstrip('/')}/_manifests/{run_id(news)}.json when it is done"
        )
    return 0


def extractors_in_this_process(options: PipelineOptions) -> int:
    """How many extraction guards will start their child from this very process: one per worker
    thread of a local batch run without worker processes, with a time limit (1 in memory,
    --direct_num_workers with multi_threading); 0 otherwise. `transforms.guard.standby` starts
    those children early."""
    news, direct = options.view_as(NewsOptions), options.view_as(DirectOptions)
    if (
        options.view_as(StandardOptions).runner not in IN_PROCESS_RUNNERS
        or direct.direct_running_mode == "multi_processing"
        or news.input_subscription
        or news.doc_timeout_seconds <= 0
    ):
        return 0
    if direct.direct_running_mode != "multi_threading":
        return 1
    return direct.direct_num_workers or os.cpu_count() or 1  # 0: Beam takes one per core


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    options = parse_options(argv)
    news = options.view_as(NewsOptions)
    if news.watch:  # micro-batches until SIGTERM/SIGINT, see pipeline/watch.py
        return run_watch(lambda: parse_options(argv), build_pipeline)
    started = time.monotonic()
    # The extractor's child, which the strip stage's guard would start only when its stage begins,
    # starts now and imports trafilatura on the other core while the graph is built and translated.
    extractors = extractors_in_this_process(options)
    early_child = standby(EXTRACT_ARTICLES, extractors) if extractors else contextlib.nullcontext()
    # The modules loaded so far and the graph live to the end of the run: frozen, they are out of
    # the cyclic collector's reach, whose full passes would walk them again and again (~0.2 s of CPU
    # in a local run). Unfrozen again at the end for a caller that calls main() more than once.
    gc.freeze()
    try:
        with early_child:
            pipeline = build_pipeline(options)
            gc.freeze()
            if options.view_as(StandardOptions).runner in REMOTE_RUNNERS:
                return submit(pipeline, options)
            if news.input_subscription:  # a streaming job runs until cancelled or drained
                pipeline.run()
                print(f"streaming job {run_id(news)} started: windows of {news.window_seconds} s -> {news.output}")
                return 0
            pipeline.run().wait_until_finish()
    finally:
        gc.unfreeze()
    manifest = read_manifest(news.output, run_id(news))
    if manifest is None:
        print(f"run {run_id(news)}: no manifest was written to {news.output}", file=sys.stderr)
        return 1
    text, ok = format_summary(manifest, time.monotonic() - started)
    print(text)
    if news.report:
        from pipeline.report import write_report  # matplotlib: ~0.7 s of import, only for --report

        write_report(news.output, run_id(news), news.report)
        print(f"  report:              {news.report}")
    breach = quarantine_rate_breach(manifest.get("counts", {}), news.fail_on_quarantine_rate)
    if breach:
        print(f"run {run_id(news)} FAILED: {breach}", file=sys.stderr)
    return 2 if not ok else 3 if breach else 0
