"""Language of an article body: langdetect, deterministic and thread-safe, on a bounded prefix.

langdetect keeps its profiles in a module-global factory whose loading races under threads (seen
as "Need to load profiles"), and it is random unless seeded. `load()` loads the profiles once per
process under a lock and seeds the factory; `detect_language` calls it, and the strip stage's
extractor child calls it before its first page (`transforms.extract.extract_articles.prepare`).
"""

import re
import threading
from itertools import islice

# Characters of body text looked at: langdetect costs ~2.8 ms on 500 chars, ~5 ms on 1,000 and
# ~11 ms on a whole article. On 400 wcxb bodies 500 chars agreed with 1,000 on 399.
DETECT_PREFIX_CHARS = 500
# Below this many letters the guess is noise: report no language.
MIN_LETTERS = 20
SEED = 0
# langdetect's trials per text (its default is 7): on the 871 gold bodies of both dev sets, 3 trials
# gave the same language as 7 on every one, in 1.0 ms a text instead of 1.7. One trial gave the same
# languages again (those 873 bodies, and 1,617 texts in 56 languages made of the machine's gettext
# catalogs: accuracy 0.951 against 0.952) in 30-40% less time, but its confidence is 1.0 on every
# dev body (3 trials: down to 0.67 where the trials disagree), so `language_confidence` would say
# nothing: not taken (2026-12-05).
N_TRIAL = 3
# Share of letters in CJK scripts above which the script decides the language.
CJK_SHARE = 0.5
# The ranges `cjk_language` counts: a sample with no character in them has no CJK share.
_CJK_SCRIPT = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
UNDETERMINED = None

_lock = threading.Lock()
_loaded = False


def load() -> None:
    """Load langdetect's profiles once per process, seeded; safe to call from many threads."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        from langdetect import DetectorFactory
        from langdetect.detector_factory import init_factory

        DetectorFactory.seed = SEED
        init_factory()
        _loaded = True


# A declared language tag's parts: language, script, region ("en", "en-US", "en_us", "zh-Hant-TW",
# "es-419"); what follows them (variants, private use) is dropped.
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?(?=$|[-_])")
# Tags that declare no language: undetermined, no linguistic content, multiple.
_NO_LANGUAGE = frozenset({"und", "zxx", "mul"})


def language_tag(raw: str | None) -> str | None:
    """A declared language (<html lang>, Content-Language, og:locale, JSON-LD inLanguage) in BCP 47's
    canonical case: "en_us" / "EN-us" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW"; None for what is no
    tag ("{{lang}}", "x", "und")."""
    match = _TAG.match((raw or "").strip().split(",")[0].strip())
    if not match or match[1].lower() in _NO_LANGUAGE:
        return None
    parts = [match[1].lower(), match[2] and match[2].title(), match[3] and match[3].upper()]
    return "-".join(part for part in parts if part)


def _sample(text: str) -> str:
    if len(text) <= DETECT_PREFIX_CHARS:
        return text
    cut = text.rfind(" ", 0, DETECT_PREFIX_CHARS)
    return text[: cut if cut > DETECT_PREFIX_CHARS // 2 else DETECT_PREFIX_CHARS]


def cjk_language(sample: str) -> str | None:
    """zh / ja / ko when the sample is mostly CJK script, decided by script, else None.

    langdetect confuses Chinese with Korean (its Korean profile carries Hanja): on a plain
    Chinese paragraph it answered `ko`. The scripts themselves are unambiguous: Hangul is Korean,
    kana is Japanese, Han alone is Chinese.
    """
    if not _CJK_SCRIPT.search(sample):
        return None  # no Hangul, kana or Han letter: no CJK share to count
    hangul = kana = han = letters = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
            hangul += 1
        elif 0x3040 <= code <= 0x30FF:
            kana += 1
        elif 0x3400 <= code <= 0x9FFF:
            han += 1
    cjk = hangul + kana + han
    if not letters or cjk < CJK_SHARE * letters:
        return None
    if hangul >= 0.3 * cjk:
        return "ko"
    if kana >= 0.05 * cjk:
        return "ja"
    return "zh"


def detect_language(text: str) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, probability), or (None, None) when the text is too short to tell."""
    sample = _sample(text)
    if sum(1 for _ in islice(filter(str.isalpha, sample), MIN_LETTERS)) < MIN_LETTERS:  # counted up to enough
        return UNDETERMINED, None
    by_script = cjk_language(sample)
    if by_script:
        return by_script, 1.0
    load()
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    from transforms.language_trials import probabilities

    try:
        best = probabilities(detector_factory._factory, sample, N_TRIAL)[0]
    except (LangDetectException, IndexError):
        return UNDETERMINED, None
    code = best.lang.split("-")[0]  # zh-cn / zh-tw -> zh: ISO 639-1 has no region
    return code, round(float(best.prob), 4)
