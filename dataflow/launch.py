"""Flex Template entry point: the launcher runs this file with the template's parameters as flags.

In: `--input` and `--output` (batch) or `--input_subscription` and `--output` (streaming), plus the
runner and Dataflow options the launcher adds. Out: the job, built and handed to Dataflow through
`pipeline.main` (which returns once the job is submitted; the job's commit step writes
`OUTPUT/_manifests/<run_id>.json` when it is done).

A template parameter is always `--name=value`, so a bare `--streaming` switch cannot be one: a
Pub/Sub subscription is what makes the job a streaming job, and this file adds the switch.
"""

import sys

from pipeline.main import main


def template_argv(argv: list[str]) -> list[str]:
    """The launcher's flags, with --streaming added when the input is a Pub/Sub subscription."""
    streaming = any(a == "--input_subscription" or a.startswith("--input_subscription=") for a in argv)
    return [*argv, "--streaming"] if streaming and "--streaming" not in argv else list(argv)


if __name__ == "__main__":
    raise SystemExit(main(template_argv(sys.argv[1:])))
