"""Paragraph and sentence segmentation of one article text, with exact character offsets.

In:  the article text, paragraphs separated by a blank line ("\\n\\n").
Out: `segment_article(text)` -> rows {kind, index, paragraph_index, text, char_start, char_end}, where
     kind is "paragraph" or "sentence", index runs within its kind over the whole article, and
     `text == article_text[char_start:char_end]` always (rows are trimmed of surrounding whitespace;
     blank paragraphs give no row).

Sentences are found by hand rules tuned for news text rather than by a library: on a list of hard
cases (tests/test_segment.py) pysbd was as accurate but took ~22 ms per 5,000-char article (the
budget is 2 ms); blingfire (0.3 ms) and syntok (7.5 ms) split after "Gov.", "Lt." and "Rep." and
missed CJK full stops. These rules run at ~0.2 ms per 5,000 chars:
- a break needs a terminator (. ! ? … or "..."), optional closing quotes/brackets, whitespace, then an
  upper-case letter, a digit, an opening quote/bracket, or a letter of a script without case;
- two sentences a page ran together ("... our community.What stage ...") break where a plain
  lower-case word, the stop and a capitalised sentence opener meet (not "os.Open", "Earth.Org");
- CJK full stops (。！？) break with or without a following space;
- Thai and Lao have no full stop: a space between two of their letters ends a sentence or a clause
  (the only mark either is given), so each clause is a segment; not after the repetition mark (ๆ)
  or the abbreviation mark (ฯ), nor before ๆ, where the space is inside a sentence. Khmer (។ ៕),
  Myanmar (။) and Tibetan (།) full stops break like CJK ones;
- after a single "." the word before it decides: titles ("Mr.", "Gov.", "Lt.", and as written in other
  languages "Sra.", "sig.", "Hr.", "ca.") and initials ("J.") never end a sentence, nor a single letter
  before another ("z. B."), nor a day before its month's name ("am 3. März"); "No."/"Fig." not before
  a number, months not before a day; dotted abbreviations
  ("U.S.", "a.m.") end one only when a typical sentence opener in capitals follows ("... in the U.S.
  The ..."), a clock's "a.m."/"p.m." before any capital but a weekday, month or time zone ("at 10 a.m.
  Police said", not "10 a.m. Monday"), a street's "St."/"Ave." before an opener ("on Main St. He");
  the number opening a numbered list's item ("1. Open the box.") ends nothing.

    python -c "from transforms.segment import segment_article as s; print(s('Mr. A came. He left.'))"
"""

import re

from transforms.metadata.datetexts import INTL_MONTHS
from transforms.textstats import UNSPACED_CHAR

# Blank-line paragraph separator; tolerant of spaces on the blank line and of "\r\n" endings.
PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\r]*\n")

# Candidate boundary: terminator run, closers, then whitespace. Group 1 is the sentence-final span.
# Only a whole run is tried (the lookbehind), read once (the atomic group, possessive closers): no
# shorter split of a run can be followed by whitespace, so only the time changes (a line of n dots
# with none after was tried at each of its dots, each try backtracking over the rest: cubic).
_LATIN_END = re.compile(r"""(?<![.!?…])((?>(?:\.{2,}|…|[.!?])[.!?…]*)["'”’»)\]]*+)\s+""")
_CJK_END = re.compile(r"""[。！？!?][」』”’）)]*""")
# A space between Thai (or Lao) letters: left of it a letter or a mark, not ๆ or ฯ (ໆ, ຯ in Lao);
# right of it a consonant or a leading vowel, with which a word starts.
_THAI_LAO_CLAUSE = re.compile(
    "(?<=[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e\u0e81-\u0eae\u0eb0-\u0ec4\u0ec8-\u0ecd])"
    "[ \t]+(?=[\u0e01-\u0e2e\u0e40-\u0e44\u0e81-\u0eae\u0ec0-\u0ec4\u0edc-\u0edf])"
)
_DANDA_END = re.compile("[\u17d4\u17d5\u104b\u0f0d]+")  # Khmer ។ ៕, Myanmar ။, Tibetan །
# A cut needs one of these terminators before the text's last character (_LATIN_END and _CJK_END
# start with one, _GLUED_END holds one, and each cuts only with something after it) or a letter of
# a script without spaces (UNSPACED_CHAR, dandas included): 57% of the paragraphs of 2,144 dev and
# corpus articles have neither, and are one sentence found with one search.
_TERMINATOR = re.compile("[.!?…。！？]")

# Words that are titles or fixed abbreviations: a following capital starts a name, not a sentence.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "messrs",
        "dr",
        "prof",
        "gen",
        "gov",
        "sen",
        "rep",
        "reps",
        "sens",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "brig",
        "cpl",
        "pvt",
        "rev",
        "hon",
        "pres",
        "supt",
        "det",
        "insp",
        "st",
        "mt",
        "ft",
        "gens",
        "vs",
        "v",
        "cf",
        "approx",
        "dept",
        "univ",
        "ave",
        "blvd",
        "rd",
        "hwy",
    ]
)
# Titles and mid-sentence abbreviations of other languages, as written (case counts: "CA." ends an
# English sentence, "ca." does not end a German one): "Sra. García", "il sig. Rossi", "Hr. Weber", "bzw.".
OTHER_TITLES = frozenset(
    """Sra Sr Srta Dra Sig sig Sigg sigg Dott dott Avv avv Ing ing Mme Mlle Mgr Hr Fr Dipl bzw ca vgl evtl ggf inkl
    bspw sog env aprox""".split()
)
# Abbreviations that are only abbreviations before a number ("No. 2", "Fig. 3", "Vol. 4").
NUMBER_ABBREVS = frozenset(
    ["no", "nos", "nr", "art", "fig", "figs", "vol", "vols", "p", "pp", "ch", "sec", "para", "op"]
)
# Month abbreviations: no break before a day number ("Jan. 5"); "Sept. last year" has no capital.
MONTHS = frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
# Month names a day written "3." comes before (German, Danish, Norwegian, Finnish dates: "am 3. März").
# Full names only: the abbreviations "set", "out", "gen" are English words too.
DAY_FIRST_MONTHS = frozenset(name for name in INTL_MONTHS if len(name) > 3 or not name.isascii()) | {
    "mai",
    "mei",
    "maj",
}
# After a dotted abbreviation ("U.S.", "a.m.") a break is taken only before these sentence openers.
OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "no",
        "not",
        "some",
        "many",
        "most",
        "all",
        "both",
    ]
)
# Two sentences run together without a space ("for now.Xi also"): a lower-case letter, the stop, and a
# capitalised opener (the next word must be one of these, so that "Earth.Org" and "os.Open" stay whole).
_GLUED_END = re.compile(r"[a-z]([.!?])([A-Z][a-z']*)(?=[\s,])")
GLUED_OPENERS = OPENERS | {
    "what",
    "how",
    "why",
    "however",
    "additionally",
    "then",
    "here",
    "also",
    "plus",
    "now",
    "today",
}
# Street abbreviations, titles before a name ("St. Louis", "Ave. Maria") but the end of an address at a
# sentence's end: "... on Main St. He said" breaks before a capitalised opener.
STREET_ABBREVS = frozenset(["st", "ave", "blvd", "rd", "hwy"])
# After a clock's "a.m." / "p.m." (a number before it; "A.M. Best" is a firm) a capitalised word opens a sentence ("at 10 a.m. Police said") unless it
# says when: a weekday, a month or a time zone ("10 a.m. Monday", "7 p.m. ET", "9 a.m. Eastern").
CLOCK_SUFFIXES = frozenset(["a.m.", "p.m."])
CLOCK_QUALIFIERS = (
    frozenset(
        """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    eastern central mountain pacific atlantic alaska hawaii greenwich local universal et est edt ct cst cdt
    mt mst mdt pt pst pdt akst akdt hst gmt utc bst cet cest eet eest wet west ist jst kst aest aedt awst
    sgt hkt msk""".split()
    )
    | MONTHS
)
# Mid-sentence Latin abbreviations that never end a sentence.
NEVER_FINAL = frozenset(["e.g.", "i.e.", "et al.", "viz."])

_OPENERS_SPLIT = re.compile(r"[(\[\"'“‘]")
# A paragraph opening "1. " to "999. " is a numbered list's item, its number no sentence (wcxb HTML: 2,152
# sentence rows were a bare "1.", "2.", ... cut from their item).
ENUMERATOR_MAX_DIGITS = 3
_WORD_WINDOW = 40  # an abbreviation or initial is far shorter; bounds the look-back
_NEXT_WORD = re.compile(r"[\"'“‘(\[«]*([^\s\"'”’)\].,;:!?]*)")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}$")
_LETTER_DOT = re.compile(r"[^\W\d_]\.")


def segment_spans(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each paragraph of `text` and, after it, of each of its sentences: the
    rules' work (nine tenths of segmenting), done where the article rows are built, under the
    extractor's time limit; `segment_article` makes the rows from them."""
    spans: list[tuple[str, int, int]] = []
    start = 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        span = _trim(text, start, end)
        start = match.end() if match else len(text)
        if span is None:
            continue
        spans.append(("paragraph", *span))
        spans.extend(("sentence", s_start, s_end) for s_start, s_end in sentence_spans(text, *span))
    return spans


def segment_article(text: str, spans: list[tuple[str, int, int]] | None = None) -> list[dict]:
    """Paragraph and sentence rows of one article; offsets index into `text` exactly. `spans`: the
    text's `segment_spans`, when they were made already."""
    rows: list[dict] = []
    sentence_index = 0
    paragraph_index = -1
    for kind, start, end in segment_spans(text) if spans is None else spans:
        if kind == "paragraph":
            paragraph_index += 1
            rows.append(_row(text, kind, paragraph_index, paragraph_index, start, end))
        else:
            rows.append(_row(text, kind, sentence_index, paragraph_index, start, end))
            sentence_index += 1
    return rows


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], trimmed of whitespace, never empty."""
    end = len(text) if end is None else end
    if not _TERMINATOR.search(text, start, end - 1) and not UNSPACED_CHAR.search(text, start, end):
        span = _trim(text, start, end)  # no cut can be made: one sentence, as the rules below find
        return [span] if span is not None else []
    cuts = _latin_cuts(text, start, end) | _glued_cuts(text, start, end) | _cjk_cuts(text, start, end)
    cuts = sorted(cuts | _unspaced_cuts(text, start, end))
    spans = []
    left = start
    for cut in [*cuts, end]:
        span = _trim(text, left, cut)
        if span is not None:
            spans.append(span)
        left = cut
    return spans


def _latin_cuts(text: str, start: int, end: int) -> set[int]:
    cuts = set()
    for match in _LATIN_END.finditer(text, start, end):
        following = match.end()
        if following >= end or not _opens_sentence(text[following]):
            continue
        if _is_break(text, start, match.start(1), match.group(1), text[following : following + 40]):
            cuts.add(match.end(1))
    return cuts


def _glued_cuts(text: str, start: int, end: int) -> set[int]:
    """Cuts between two sentences a page ran together, no space after the stop ("... at least for
    now.Xi also plans ...", "... our community.What stage ..."): a plain lower-case word, the stop,
    then a sentence opener in capitals. Code ("os.Open(name)", "fmt.Println") and names written with
    a dot ("Earth.Org", "BusinessBroker.Net") have no opener after the dot, or no plain word before it."""
    cuts = set()
    for match in _GLUED_END.finditer(text, start, end):
        word_start = max(text.rfind(" ", start, match.start()), text.rfind("\n", start, match.start())) + 1
        before = text[max(word_start, start) : match.start() + 1]
        if before.isalpha() and before.islower() and match.group(2).lower() in GLUED_OPENERS:
            cuts.add(match.end(1))
    return cuts


def _cjk_cuts(text: str, start: int, end: int) -> set[int]:
    cuts = set()
    for match in _CJK_END.finditer(text, start, end):
        mark = match.group(0)[0]
        # ASCII ! and ? count here only when a CJK character precedes them.
        if mark in "!?" and not (match.start() > start and _is_cjk(text[match.start() - 1])):
            continue
        if match.end() < end:  # a space after it or not (sentence_spans trims it)
            cuts.add(match.end())
    return cuts


def _unspaced_cuts(text: str, start: int, end: int) -> set[int]:
    """Cuts at Thai and Lao clause spaces and after Khmer, Myanmar and Tibetan full stops."""
    if not UNSPACED_CHAR.search(text, start, end):  # every Thai and Lao letter and danda is in its class
        return set()
    cuts = {match.start() for match in _THAI_LAO_CLAUSE.finditer(text, start, end)}
    return cuts | {match.end() for match in _DANDA_END.finditer(text, start, end) if match.end() < end}


def _is_break(text: str, start: int, term_at: int, terminator: str, after: str) -> bool:
    """Whether the terminator at `term_at` ends a sentence, given the text after the whitespace."""
    if terminator[0] != "." or terminator.startswith(".."):
        return True  # ! ? … and ellipses end a sentence before a capital
    parts = text[max(start, term_at - _WORD_WINDOW) : term_at + 1].split()
    word = _OPENERS_SPLIT.split(parts[-1])[-1][:-1] if parts else ""
    token = word + "."
    lowered = word.lower()
    next_word = _NEXT_WORD.match(after).group(1)
    if not word:
        return True
    if lowered in STREET_ABBREVS and next_word[:1].isupper() and next_word.lower() in OPENERS - {"a", "i"}:
        return True  # an address ends the sentence: "on Main St. He said"
    if token.lower() in NEVER_FINAL or lowered in TITLES or word in OTHER_TITLES:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. R. Smith", "George W. Bush"
    if len(word) == 1 and word.isalpha() and parts[-1] == token and _LETTER_DOT.match(after):
        return False  # an abbreviation of single letters: "z. B.", "d. h.", "u. a."
    if word.isdigit() and len(word) <= 2 and next_word.lower() in DAY_FIRST_MONTHS:
        return False  # a day before its month, in the languages that write it so: "am 3. März", "3. Mai"
    if word.isdigit() and len(word) <= ENUMERATOR_MAX_DIGITS and not text[start:term_at].strip()[: -len(word)]:
        return False  # a list item's number opening its paragraph: "1. Myth: All fat is bad"
    if lowered in NUMBER_ABBREVS or lowered in MONTHS:
        return not after[:1].isdigit()
    if token in CLOCK_SUFFIXES and len(parts) > 1 and parts[-2][-1:].isdigit() and next_word[:1].isupper():
        return next_word.lower() not in CLOCK_QUALIFIERS
    if _DOTTED.search(token):  # an opener in capitals: "in the U.S. [that] requires" goes on
        return next_word[:1].isupper() and next_word.lower() in OPENERS
    return True


def _opens_sentence(char: str) -> bool:
    if char.isupper() or char.isdigit() or char in "\"'“‘([«¿¡":
        return True
    return char.isalpha() and not char.islower()  # scripts without case (CJK, Arabic, Devanagari)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3000 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xFF00 <= code <= 0xFFEF


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _row(text: str, kind: str, index: int, paragraph_index: int, start: int, end: int) -> dict:
    return {
        "kind": kind,
        "index": index,
        "paragraph_index": paragraph_index,
        "text": text[start:end],
        "char_start": start,
        "char_end": end,
    }
