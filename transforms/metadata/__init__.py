"""Normalized article metadata from a page's raw signals and its body.

In: the `Page`, its `Signals` and the body paragraphs. Out: a dict of the article's metadata
columns (see `schemas.tables.ARTICLE_FIELDS`) and the body with the dateline removed.
"""

from transforms.metadata.normalize import METADATA_FIELDS, normalize_metadata

__all__ = ["METADATA_FIELDS", "normalize_metadata"]
