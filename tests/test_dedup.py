"""Content hash normalization, MinHash signatures and LSH band keys (pure functions)."""

import subprocess
import sys
from pathlib import Path

import numpy as np

from transforms.dedup import (
    BANDS,
    NUM_PERM,
    band_keys,
    content_hash,
    estimated_jaccard,
    exact_jaccard,
    normalize_text,
    signature,
)

ROOT = Path(__file__).resolve().parents[1]

BRIDGE = (
    "The city council of Norrwick voted on Tuesday to approve a new pedestrian bridge over the Kell river, "
    "ending a debate that had lasted nearly four years. The bridge will link the old market district with "
    "the rail station and is expected to cost about 14 million dollars, most of it paid by a regional "
    "transport fund.\n\nCouncillor Maren Ostby, who chaired the committee, said the vote showed that "
    "residents wanted safer routes for walking and cycling. Construction should begin next spring and "
    "take about two years, she said, although the schedule depends on permits for work in the water."
)
BRIDGE_OTHER = (
    "Engineers in Norrwick warned on Wednesday that the city's oldest road bridge over the Kell river needs "
    "urgent repairs after inspectors found cracks in two of its supports. Heavy trucks have been banned from "
    "the crossing until further notice, and buses will take a detour through the northern suburbs.\n\n"
    "The transport department said a full closure was not planned for now, but drivers should expect "
    "delays. Repairs could cost several million dollars, and the council will discuss the bill next month."
)


def test_credits_datelines_case_and_spacing_do_not_change_the_hash():
    base = content_hash(BRIDGE)
    assert content_hash("NORRWICK (AP) — " + BRIDGE) == base
    assert content_hash("NORRWICK, Jan. 5 (Xinhua) -- " + BRIDGE) == base
    assert content_hash(BRIDGE.upper().replace(" ", "   ")) == base
    assert content_hash(BRIDGE + "\n\nReporting by Ana Lind; Editing by Tom Berg") == base
    assert content_hash(BRIDGE.replace("(", "").replace(",", " ,")) == base
    assert content_hash(BRIDGE_OTHER) != base
    assert len(base) == 32


def test_normalize_text_keeps_words_and_cjk_characters():
    assert normalize_text("WASHINGTON (AP) — The Senate voted 52-48.") == "the senate voted 52 48"
    assert normalize_text("The vote (Xinhua) passed.") == "the vote passed"
    assert normalize_text("東京で会議") == "東 京 で 会 議"
    assert normalize_text("") == ""


def test_signature_is_deterministic_and_fixed_width():
    sig = signature(BRIDGE)
    assert sig.dtype == np.uint32 and sig.shape == (NUM_PERM,)
    assert np.array_equal(sig, signature(BRIDGE))
    assert signature("too short to compare") is None
    keys = band_keys(sig)
    assert len(keys) == BANDS and all(isinstance(b, int) and len(h) == 16 for b, h in keys)


def test_signature_is_stable_across_processes():
    """No salted hash(): a fresh interpreter with another PYTHONHASHSEED gives the same band keys."""
    code = "from transforms.dedup import band_keys, signature; import sys; print(band_keys(signature(sys.argv[1]))[:3])"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, BRIDGE],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": "."},
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {f"{band_keys(signature(BRIDGE))[:3]}\n"}


def test_estimate_tracks_true_jaccard():
    words = BRIDGE.split()
    trimmed = " ".join(words[: int(len(words) * 0.7)])
    truth = exact_jaccard(BRIDGE, trimmed)
    assert 0.5 < truth < 0.8
    assert abs(estimated_jaccard(signature(BRIDGE), signature(trimmed)) - truth) < 0.15


def test_same_topic_stories_are_far_apart():
    assert exact_jaccard(BRIDGE, BRIDGE_OTHER) < 0.1
    assert estimated_jaccard(signature(BRIDGE), signature(BRIDGE_OTHER)) < 0.2
    shared = set(band_keys(signature(BRIDGE))) & set(band_keys(signature(BRIDGE_OTHER)))
    assert not shared


def test_light_edits_keep_band_keys_in_common():
    edited = BRIDGE.replace("Tuesday", "Monday").replace("nearly four", "almost four").replace("safer", "better")
    assert set(band_keys(signature(BRIDGE))) & set(band_keys(signature(edited)))
    assert estimated_jaccard(signature(BRIDGE), signature(edited)) > 0.6


def test_long_runs_of_space_are_read_once():
    """Blank lines before a credit line, a wire credit's "/" and a dateline's place followed by long
    runs of space: the credit, wire and dateline patterns each tried every split of the run (16,000
    blank lines 20 s, quadratic; the regex holds the GIL, so the call runs in a child that a timeout can
    stop). The runs are now read once, and the credits and datelines go as before."""
    script = """if True:
        from transforms.dedup import normalize_text
        print(normalize_text("LONDON (Reuters) - Body text.\\n" + "\\n" * 100000 + "More text.\\nReporting by Jane Roe\\n"))
        print(normalize_text("Story (AP /" + " " * 200000 + "x"))
        print(normalize_text("Story (AP / Reuters) - told."))
        print(normalize_text("AB" + " " * 50000 + "x"))
    """
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["body text more text", "story ap x", "story told", "ab x"]


def _traced_peak(function, *args) -> int:
    """The most memory Python had allocated, in bytes, while `function(*args)` ran."""
    import tracemalloc

    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_text_is_signed_in_bounded_memory_with_the_same_minimum():
    """A text's shingles are hashed a block at a time: at once, NUM_PERM hashes of every shingle of a
    12 MB text dump (2 million) took 2 GB in the Beam process. The signature is each permutation's
    minimum over all the blocks: the same as over one array, block edges included."""
    from transforms.dedup import _A, _B, SIGNATURE_BLOCK, shingle_hashes

    def at_once(text):
        with np.errstate(over="ignore"):
            permuted = np.multiply.outer(_A, shingle_hashes(text)) + _B[:, None]
        return (permuted.min(axis=1) >> np.uint64(32)).astype(np.uint32)

    for words in (SIGNATURE_BLOCK + 2, SIGNATURE_BLOCK + 3, 3 * SIGNATURE_BLOCK + 100):
        text = " ".join(f"word{i}" for i in range(words))  # words - 2 distinct shingles
        assert np.array_equal(signature(text), at_once(text)), words
    huge = " ".join(f"word{i}" for i in range(400_000))
    assert _traced_peak(signature, huge) < 100 * 2**20  # at once: 126 x 400,000 x 8 bytes = 403 MB


def test_an_article_rows_own_signature_is_read_before_its_text():
    """The row builder signs the text in the extractor's child; staging and clustering read that
    signature (None for a text too short to compare), and sign the text only when the row has none."""
    from transforms.dedup import article_signature

    assert np.array_equal(article_signature({"text": BRIDGE}), signature(BRIDGE))
    other = signature(BRIDGE_OTHER)
    assert article_signature({"text": BRIDGE, "signature": other}) is other
    assert article_signature({"text": BRIDGE, "signature": None}) is None


def test_a_long_cjk_text_is_tokenized_a_piece_at_a_time_with_the_same_tokens():
    """Each CJK character is a token: a 12 MB dump's 4 million of them, held in one list, took the
    extractor's child to ~600 MB. Long texts are tokenized in pieces cut at whitespace, which no
    token holds, so the normal form, its hash and the shingles are those of one pass."""
    from transforms.dedup import _TOKEN, TOKEN_CHUNK_CHARS, normalize_text, shingle_hashes

    line = "港口新桥今日正式通车，市民排队过桥。Ferry fares_2024 rise\n"
    text = line * (3 * TOKEN_CHUNK_CHARS // len(line) + 7) + "尾" * (TOKEN_CHUNK_CHARS + 5)  # no space at its end
    one_pass = " ".join(_TOKEN.findall(text.lower()))
    assert normalize_text(text) == one_pass
    words = one_pass.split()
    assert len(shingle_hashes(text)) == len({tuple(words[i : i + 3]) for i in range(len(words) - 2)})
    big = "港口新桥今日正式通车。\n" * 200_000  # 2.4 million characters
    normalize_text.cache_clear()
    assert _traced_peak(shingle_hashes, big) < 120 * 2**20  # one list of its 2 million tokens: ~170 MB more
