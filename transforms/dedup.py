"""Duplicate detection, row logic: normalized content hash, MinHash signatures and LSH band keys.

In:  an article body (str). Out:
- `normalize_text(text)`: lower-cased words only, with wire credits ("(Xinhua)", "(AP) --"), a leading
  dateline ("BEIJING, Jan. 5 (Xinhua) --") and trailing credit lines ("Reporting by ...") removed;
- `content_hash(text)`: 32 hex chars of SHA-256 over that normal form (exact duplicates share it);
- `signature(text)`: a MinHash signature (NUM_PERM uint32) over word shingles, or None when the text is
  too short to compare; `estimated_jaccard(a, b)` compares two;
- `band_keys(sig)`: the LSH keys (band index, hex digest): two texts share a key with a probability
  that rises steeply with their Jaccard similarity.

Everything is deterministic across processes and machines: tokens are hashed with CRC-32 and the
permutations come from a seeded PCG64 generator, never from Python's salted `hash()`.

    python -c "from transforms.dedup import content_hash as h; print(h('LONDON (Reuters) - Hi.'))"
"""

import functools
import hashlib
import re
import zlib
from collections.abc import Iterator

import numpy as np

# Words per shingle: 3 survives light word edits (one edit spoils 3 shingles), yet two distinct
# stories on one topic share few 3-word runs.
SHINGLE_WORDS = 3
# Signature length: 126 gives a Jaccard estimate within about +-0.045 (one standard deviation).
NUM_PERM = 126
# LSH bands x rows = NUM_PERM. 42 x 3 puts the S-curve's midpoint at 0.29, below the verification
# threshold (cluster_rules.MIN_JACCARD = 0.4): a pair at Jaccard 0.4 becomes a candidate with p = 0.94, at 0.5
# with p = 0.996, at 0.05 with p = 0.005 (32 x 4 missed half the pairs near 0.4).
BANDS = 42
ROWS = NUM_PERM // BANDS
# Texts with fewer shingles than this are not compared for near-duplicates (too little evidence).
MIN_SHINGLES = 8
# Shingles hashed at a time for a signature: NUM_PERM x this many uint64 (8 MB) at most in memory.
SIGNATURE_BLOCK = 8192
# Fixed seed of the permutations: changing it changes every signature (and so cluster ids).
SEED = 20240611

_WIRES = r"AP|AFP|Reuters|Xinhua|dpa|DPA|UPI|PA|ANI|IANS|PTI|Kyodo|Yonhap|TASS|EFE|ANSA|Bloomberg|CNA"
# "(AP) --", "(Reuters) -", "(Xinhua)" anywhere: the credit itself, and the dash after it. The space
# after "/" is read once (possessive): a second credit's name may start with spaces, the one way a
# shorter split matches ("(AP / )"), which the lookbehind keeps; "(AP /" and a long run of spaces
# with no ")" was tried at each split of the run (quadratic).
WIRE_CREDIT = re.compile(rf"\((?:{_WIRES})(?:\s*/\s*+(?:[A-Za-z .]+|(?<= )))?\)\s*(?:--|[-—–])?\s*", re.I)
# A leading dateline: upper-case place, optional date, optional credit, then a dash.
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’-][A-Z .'’-]{0,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*+(?:\([^)\n]{1,40}\))?\s*+(?:--|[-—–])\s*"  # possessive: the two runs of space split once, not n ways
)
# Trailing credit/copyright lines that syndicators add or drop. The space opening a line is the
# line's own ([^\S\n]): a "\s*" there read on over the blank lines after it, each line start of a run
# of blank lines reading it to its end (quadratic); the blank lines before a credit now stay, which
# the tokens joined by spaces do not see.
TRAILING_CREDIT = re.compile(
    r"(?im)^[^\S\n]*(?:\(?(?:reporting|writing|editing|additional reporting) by\b.*|"
    r"(?:copyright|©)\s.*|all rights reserved\.?.*|\(?(?:ap|afp|reuters|xinhua|dpa)\)?)\s*$"
)
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W_]+")
# Texts longer than this are tokenized a piece at a time, cut at whitespace (which no token holds):
# a CJK character is a token, and a 12 MB dump's 4 million of them held in one list took ~340 MB.
TOKEN_CHUNK_CHARS = 1 << 18
_WHITESPACE = re.compile(r"\s")


@functools.lru_cache(maxsize=4)  # an article's text is normalized for its content hash, then its signature
def normalize_text(text: str) -> str:
    """Lower-cased word tokens joined by single spaces, wire credits and datelines removed."""
    text = TRAILING_CREDIT.sub(" ", text)
    text = DATELINE.sub(" ", text, count=1)
    text = WIRE_CREDIT.sub(" ", text)
    return " ".join(joined for piece in _pieces(text.lower()) if (joined := " ".join(_TOKEN.findall(piece))))


def _pieces(text: str) -> Iterator[str]:
    """`text` in pieces of about TOKEN_CHUNK_CHARS, each cut at a whitespace character (the rest
    whole where none follows)."""
    start = 0
    while start < len(text):
        end = start + TOKEN_CHUNK_CHARS
        if end < len(text):
            space = _WHITESPACE.search(text, end)
            end = space.start() if space else len(text)
        yield text[start:end]
        start = end


def content_hash(text: str) -> str:
    """Hash of the normalized body: equal for copies that differ only in case, spacing, credits."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:32]


def shingle_hashes(text: str) -> np.ndarray:
    """Distinct 64-bit hashes of the SHINGLE_WORDS-word shingles of the normalized text."""
    # a piece at a time (`_pieces`: cut at spaces, so the same words): one list of a 12 MB dump's words
    # held 4 million strings; map, not a generator expression: the same CRCs with no Python frame per word
    token = np.concatenate(
        [np.zeros(0, dtype=np.uint64)]
        + [
            np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
            for words in map(str.split, _pieces(normalize_text(text)))
        ]
    )
    if not len(token):
        return np.zeros(0, dtype=np.uint64)
    width = min(SHINGLE_WORDS, len(token))
    count = len(token) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):  # polynomial combination: order-sensitive, wraps mod 2**64
        combined = combined * np.uint64(0x100000001B3) + token[offset : offset + count]
    # sorted, then each value unlike the one before it: np.unique's answer in a quarter of its time
    # (numpy 2's hash-based np.unique took ~210 us on 2,000 shingles, this ~45)
    combined.sort()
    distinct = np.empty(count, dtype=bool)
    distinct[0] = True
    np.not_equal(combined[1:], combined[:-1], out=distinct[1:])
    return combined[distinct]


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.Generator(np.random.PCG64(SEED))
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, b


_A, _B = _permutations()


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (NUM_PERM uint32), or None when the text has under MIN_SHINGLES shingles."""
    shingles = shingle_hashes(text)
    if len(shingles) < MIN_SHINGLES:
        return None
    # multiply-shift hashing: the high 32 bits of (a*x + b) mod 2**64 form a near-universal family;
    # one NUM_PERM x block array, updated in place (a third less CPU than fresh temporaries); the
    # shift is monotonic, so it is taken of each row's minimum, not of every value. Blocks of
    # shingles bound the array: at once, a 12 MB text's 2 million shingles took 2 GB.
    lowest = None
    for start in range(0, len(shingles), SIGNATURE_BLOCK):
        with np.errstate(over="ignore"):
            permuted = np.multiply.outer(_A, shingles[start : start + SIGNATURE_BLOCK])
            permuted += _B[:, None]
        block = permuted.min(axis=1)
        lowest = block if lowest is None else np.minimum(lowest, block, out=lowest)
    return (lowest >> np.uint64(32)).astype(np.uint32)


def article_signature(article: dict) -> np.ndarray | None:
    """An article row's signature: the one its builder put in it (`transforms.articles`, in the
    extractor's child), else made from its text."""
    return article["signature"] if "signature" in article else signature(article.get("text") or "")


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Fraction of equal MinHash values: an unbiased estimate of the shingle-set Jaccard."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[tuple[int, str]]:
    """One (band index, 16-hex digest of the band's rows) key per LSH band."""
    return [
        (band, hashlib.blake2b(sig[band * ROWS : (band + 1) * ROWS].astype("<u4").tobytes(), digest_size=8).hexdigest())
        for band in range(BANDS)
    ]


def exact_jaccard(a: str, b: str) -> float:
    """Jaccard of the two shingle sets (for tests and benchmarks; the pipeline uses signatures)."""
    sa, sb = set(shingle_hashes(a).tolist()), set(shingle_hashes(b).tolist())
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0
