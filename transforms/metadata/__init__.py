"""Normalized article metadata from a page's raw signals and its body.

In: the `Page`, its `Signals` and the body paragraphs. Out: a dict of the article's metadata
columns (see `schemas.tables.ARTICLE_FIELDS`) and the body with the dateline removed.

`normalize_metadata` loads with its first use: a module of the package (`datetexts`, which the
HTML signal reader uses) imports without the whole decision layer (courlan and the rest).
"""

__all__ = ["METADATA_FIELDS", "normalize_metadata"]


def __getattr__(name: str):
    """`normalize_metadata` and `METADATA_FIELDS`, imported when first asked for (PEP 562)."""
    if name in __all__:
        from transforms.metadata import normalize

        return getattr(normalize, name)
    raise AttributeError(f"module 'transforms.metadata' has no attribute {name!r}")
