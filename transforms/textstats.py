"""Counting words in any script: the one definition the extractor and the article rows share.

Chinese, Japanese and Korean are written without spaces, so each CJK character counts as a word;
every other whitespace-separated token counts once. `word_key` is the one normal form the HTML
clean-up compares lines by (headline, deck, subheading anchors); `squeezed` is text as a reader
sees it, whitespace runs as one space (the extractor's character counts). `DECK_MAX_WORDS` is the
longest deck (standfirst) the text stripper and the dump header reader both accept; `OFFER` the
wording of an offer or a form, which neither the HTML signal reader nor the metadata takes for a deck;
`CREDIT_START` an author box's credit label, read in HTML and in dumps alike.
"""

import re

CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_WORD = re.compile(r"\w+")
# A deck (standfirst) runs to at most this many words: a longer line under a headline is the article's.
# Here, not in text_strip or metadata.dumps, so that neither imports the other.
DECK_MAX_WORDS = 60
# The wording of an offer or a form, never a deck. Here, not in metadata.normalize, so that the HTML
# signal reader (in the extractor's process) does not import the whole metadata layer.
OFFER = re.compile(
    r"(?i)\b(?:sign up|subscribe|newsletter|free of charge|premium content|inbox|enter a valid|"
    r"emailed about|save this story|log in|sign in|create (?:an|your) account)\b"
)

# An author box's credit label ("Written by", "Posted by", "Words by", "Contributors:", "Author:"; not a
# bare "By", which related stories' cards print too): the HTML signal reader reads author boxes by it
# and the dump reader dates a page by the date under its one such line. Here so that both read one
# pattern and the extractor's process imports no metadata module.
CREDIT_START = re.compile(
    r"^\s*((?:(?:article|post|story)\s+)?written by|(?:article|posted|words|story) by|contributors?:|author:)\s*:?\s*",
    re.IGNORECASE,
)


def squeezed(text: str | None) -> str:
    """Whitespace runs as one space, no space at either end; None as ''."""
    return " ".join((text or "").split())


def word_key(text: str) -> str:
    """Lower-cased word characters joined by single spaces: a line's identity for comparisons,
    whatever its punctuation, case and spacing."""
    return " ".join(_WORD.findall(text.lower()))


def word_count(text: str) -> int:
    """Whitespace words, with each CJK character counted as a word (a CJK run is not one more)."""
    words = text.split()
    if text.isascii():  # the common case, in C: a character loop cost ~2 ms per article
        return len(words)
    cjk = len(CJK_CHAR.findall(text))
    if not cjk:  # curly quotes, accents: still no CJK, no per-word loop
        return len(words)
    return cjk + sum(1 for w in words if not CJK_CHAR.search(w))
