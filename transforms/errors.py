"""Exceptions that stages turn into quarantine reasons (never raised out of a DoFn)."""


def error_text(err: BaseException) -> str:
    """An exception as a quarantine row's `error`: its type and message, bounded."""
    return f"{type(err).__name__}: {err}"[:2000]


class NoArticle(Exception):
    """The page was read and parsed, but holds no article text (reason `no_article`)."""


class TooLarge(Exception):
    """Input over a size cap, raw or decompressed (reason `too_large`)."""


class TooDeep(Exception):
    """HTML nested past the parser's depth limit, where it stopped reading, even once flattened
    (`html_parser.flatten_nesting`), and no article before that point (reason `too_deep`)."""


class NotAFile(Exception):
    """A path that leads to a named pipe, a socket or a device, found when it was opened (reason
    `not_a_page`)."""
