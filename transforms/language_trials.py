"""langdetect's detection of one text, the same arithmetic in fewer interpreter steps.

In: langdetect's loaded `DetectorFactory`, a text and a number of trials. Out: what a detector of
that factory gives on `append(text); get_probabilities()`, bit for bit: its sorted `Language` list.
langdetect 1.0.9 spends its time in per-character method calls (`NGram.add_char`, a binary search
of Unicode blocks per character) and in an indexed Python loop over its 55 languages per sampled
n-gram. Here a character is normalized once per process (a `str.translate` table filled on demand),
a word's n-grams are read once (a bounded cache), and a trial's products are numpy's elementwise
ones over the same floats, with the detector's own random generator drawing the same numbers:
1.55 -> 0.57 ms per article body (`tests/test_language.py` compares both on texts of many scripts).

    python -c "from transforms.language import detect_language as d; print(d('Der Rat hat heute getagt und beschlossen.'))"
"""

import functools
import re

import numpy as np
from langdetect.detector import Detector
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.language import Language
from langdetect.utils.ngram import NGram

_SPACE_RUN = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # langdetect's 'A' <= ch <= 'z', the six signs between the cases included
# langdetect means "not in Latin Extended Additional" too, but compares a block number to a block
# name, so every character from U+0300 on counts as non-Latin: kept as it behaves.
_NON_LATIN = re.compile("[\u0300-\U0010ffff]")


class _Normalized(dict):
    """code point -> `NGram.normalize` of its character (one character), filled as `str.translate`
    meets code points."""

    def __missing__(self, code: int) -> str:
        value = self[code] = NGram.normalize(chr(code))
        return value


_NORMALIZED = _Normalized()
# Words whose n-grams are kept, and n-grams whose profile rows are kept as arrays: a news text's
# common words recur from one article to the next. 1,963 dev and corpus bodies met 13,686 words and
# drew 4,423 n-grams; these bounds keep the caches near 10 MB.
WORDS_CACHED = 1 << 14
NGRAMS_CACHED = 1 << 13


def _appended(detector: Detector, text: str) -> str:
    """`Detector.append` + `cleaning_text`: URLs and mail addresses out, Vietnamese normalized,
    the first max_text_length characters with runs of spaces made one, Latin letters dropped
    from a text mostly in other scripts."""
    text = Detector.MAIL_RE.sub(" ", Detector.URL_RE.sub(" ", text))
    text = _SPACE_RUN.sub(" ", NGram.normalize_vi(text)[: detector.max_text_length])
    if len(_LATIN.findall(text)) * 2 < len(_NON_LATIN.findall(text)):
        text = _LATIN.sub("", text)
    return text


def _ngrams(text: str, factory: DetectorFactory) -> list[str]:
    """`Detector._extract_ngrams`: the 1- to 3-grams ending at each character that the profiles
    know, in text order, none ending at an upper-case character that follows one. A word's
    n-grams depend on the word alone (and on whether a space follows it): read word by word."""
    words = text.translate(_NORMALIZED).split(" ")
    result = []
    for word in words[:-1]:
        if word:
            result += _word_ngrams(" " + word + " ", factory)
    if words[-1]:
        result += _word_ngrams(" " + words[-1], factory)
    return result


@functools.lru_cache(maxsize=WORDS_CACHED)
def _word_ngrams(padded: str, factory: DetectorFactory) -> tuple[str, ...]:
    """The n-grams langdetect's `NGram` buffer yields over a word after a space (and the space
    after it, if `padded` ends with one). The buffer holds the word's last three characters, a
    leading space included; langdetect's "capital word" flag, set and kept while upper-case
    characters follow each other, comes down to: none ends at an upper-case character after one."""
    known = factory.word_lang_prob_map
    out = []
    for k in range(1, len(padded)):
        ch, last = padded[k], padded[k - 1]
        if ch.isupper() and last.isupper():
            continue
        if ch != " " and ch in known:
            out.append(ch)
        if padded[k - 1 : k + 1] in known:
            out.append(padded[k - 1 : k + 1])
        if k >= 2 and padded[k - 2 : k + 1] in known:
            out.append(padded[k - 2 : k + 1])
    return tuple(out)


@functools.lru_cache(maxsize=NGRAMS_CACHED)
def _weights(ngram: str, factory: DetectorFactory) -> np.ndarray:
    """An n-gram's probability in each profile language, as an array."""
    return np.array(factory.word_lang_prob_map[ngram], dtype=np.float64)


def probabilities(factory: DetectorFactory, text: str, n_trial: int) -> list[Language]:
    """`detector.append(text); detector.get_probabilities()` for a detector of `factory` with
    `n_trial` trials (no prior map): the languages above its threshold, most probable first.
    Raises LangDetectException when no known n-gram is left.

    Each trial multiplies the 55 probabilities by (weight + the n-gram's) per sampled n-gram and
    normalizes every fifth: numpy's elementwise products and quotients round as Python's do one
    float at a time, and the normalizing sum is Python's own `sum` over the same floats in the
    same order."""
    detector = factory.create()
    detector.n_trial = n_trial
    ngrams = _ngrams(_appended(detector, text), factory)
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    langprob = np.zeros(len(detector.langlist))
    rand = detector.random
    rand.seed(detector.seed)
    for _ in range(n_trial):
        prob = np.array(detector._init_probability())
        alpha = detector.alpha + rand.gauss(0.0, 1.0) * Detector.ALPHA_WIDTH
        weight = alpha / Detector.BASE_FREQ
        i = 0
        while True:
            prob = prob * (weight + _weights(rand.choice(ngrams), factory))
            if i % 5 == 0:
                prob = prob / sum(prob.tolist())
                # the probabilities are positive: max() is langdetect's running maximum from 0.0
                if prob.max() > Detector.CONV_THRESHOLD or i >= Detector.ITERATION_LIMIT:
                    break
            i += 1
        langprob = langprob + prob / n_trial
    detector.langprob = langprob.tolist()
    return detector._sort_probability(detector.langprob)
