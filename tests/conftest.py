"""Shared fixtures: the bundled samples, their golden values, and where ../shared would be."""

import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def golden() -> dict:
    return json.loads((ROOT / "tests" / "fixtures" / "golden.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def samples_dir() -> pathlib.Path:
    return SAMPLES
