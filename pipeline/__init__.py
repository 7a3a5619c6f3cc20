"""News ingestion pipeline: entry point, options and the top-level graph."""

__version__ = "0.1.0"
