"""Packaging for the news ingestion pipeline; Dataflow workers install it with --setup_file."""

import re
from pathlib import Path

from setuptools import setup

VERSION = re.search(
    r'__version__ = "([^"]+)"', Path(__file__).with_name("pipeline").joinpath("__init__.py").read_text()
).group(1)
BEAM = "2.77.0"  # the one Beam version: launcher, workers and the gcp extra all use it

setup(
    name="news-ingest",
    version=VERSION,
    description="Streaming ingestion of scraped news pages into partitioned Parquet, on Apache Beam",
    python_requires=">=3.11",  # datetime.UTC is 3.11; the Flex Template image runs 3.11
    # Every package, subpackages too (tests/test_dataflow.py checks this list against the tree):
    # Dataflow workers import only what this list ships.
    packages=[
        "pipeline",
        "schemas",
        "transforms",
        "transforms.htmlclean",
        "transforms.metadata",
        "transforms.textmodel",
    ],
    package_data={"": ["*.json"]},  # model and profile files next to the code that loads them
    install_requires=[
        f"apache-beam=={BEAM}",
        "trafilatura>=2.3,<3",
        "lxml_html_clean>=0.4,<1",  # trafilatura on lxml 6 fails to import without it
        "beautifulsoup4>=4.12,<5",
        "langdetect==1.0.9",
        "pyarrow>=16,<26",
        "charset-normalizer>=3.4,<4",
        "ftfy>=6.2,<7",  # undoes a site's own double-encoded UTF-8 ("isnâ€™t"): transforms/mojibake.py
        "python-dateutil>=2.9,<3",
        "stream-unzip>=0.0.99,<0.1",  # a zip cut before its directory, read from its local headers (transforms/archives.py)
        "warcio>=1.7,<2",  # WARC input (transforms/warc.py), streamed record by record
        "zstandard>=0.18",  # zstd-compressed input (transforms/compression.py); apache-beam requires it too
        "markdown-it-py>=3,<5",  # markdown page dumps (Firecrawl, crawl4ai, ...) read as text (transforms/markdown.py)
        "matplotlib>=3.8,<4",  # the --report page's charts, as inline SVG
        "numpy>=1.24",  # MinHash signatures for near-duplicate clustering (already a pyarrow dependency)
        "tzdata>=2024.1",  # publishers' home zones (zoneinfo) where the system has no zone database
    ],
    extras_require={
        # ruff pinned to a minor: its rules and format style change between minors (tests/test_lint.py)
        # build: Beam stages --setup_file's sdist with `python -m build` when it is there, else with the
        # deprecated `setup.py sdist` (the Dataflow dry-run tests and local launches use it)
        "test": [
            "pytest>=8,<10",
            "hypothesis>=6.100,<7",
            "duckdb>=1.1,<3",
            "polars>=1.0,<3",
            "ruff~=0.17.6",
            "build>=1.2,<2",
            "setuptools>=68",  # what `build --no-isolation` builds with; a Python 3.12+ venv starts without it
        ],
        "spark": ["pyspark>=3.5,<5"],  # only for the slow Spark read-back test (needs Java 17+)
        # setuptools: a launch stages --setup_file as an sdist in the launcher's own environment
        "gcp": [f"apache-beam[gcp]=={BEAM}", "setuptools>=68"],
        # bench/train_text_model.py only: the shipped text-dump model runs on numpy alone
        "train": ["scikit-learn>=1.4,<2"],
    },
)
