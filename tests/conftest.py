"""Shared fixtures: the bundled samples, their golden values, and where ../shared would be."""

import json
import pathlib
import shutil
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
# A streaming job's flags whose subscription and bucket exist nowhere: the graph must build without them.
STREAMING_ARGV = [
    "--streaming",
    "--input_subscription",
    "projects/news-project/subscriptions/landing-1",
    "--output",
    "gs://no-such-bucket/out",
    "--window_seconds",
    "30",
]


@pytest.fixture(scope="session", autouse=True)
def run_temp_dir(tmp_path_factory):
    """The run's temp folder, for this process and the runs it starts, under pytest's own base (which
    pytest rotates). Beam removes a pipeline's /tmp/beam-pipeline-temp* only at the end of run(), so
    the tests that SIGKILL a run left one each in /tmp, and the portable runner's stager leaves its
    folders there on every run."""
    path = str(tmp_path_factory.mktemp("tmp"))
    patch = pytest.MonkeyPatch()
    patch.setenv("TMPDIR", path)
    patch.setattr(tempfile, "tempdir", path)
    yield path
    patch.undo()


@pytest.fixture(scope="session")
def golden() -> dict:
    return json.loads((ROOT / "tests" / "fixtures" / "golden.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def samples_dir() -> pathlib.Path:
    return SAMPLES


@pytest.fixture
def unrun():
    """Takes the pipelines a test builds but never runs: Beam deletes a pipeline's local temp folder
    (/tmp/beam-pipeline-temp*) only in run(), so they are deleted here, after the test."""
    built = []
    yield built.append
    for pipeline in built:
        shutil.rmtree(pipeline.local_tempdir, ignore_errors=True)
