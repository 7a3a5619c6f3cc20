"""The shipped line classifier, evaluated with numpy from exported weights (no training library).

In: a model spec (the dict in `model.json`, written by `bench/train_text_model.py`) and a dump's
lines. Out: per line, the probability that it belongs to the article body. Two stacked parts:
a bag-of-words logistic line model (word -> weight, L2-normalized binary presence) whose score
joins the line's shape and context features (`features.page_matrix`), then gradient-boosted trees
over those rows. `default_model()` loads the shipped spec once, lazily; None when it is missing.

  .venv/bin/python -c "from transforms.textmodel.model import default_model; print(default_model().predict(['Hi.']))"
"""

import functools
import json
import math
import pathlib

import numpy as np

from transforms.textmodel.features import FEATURES, page_matrix
from transforms.textmodel.lines import tokens

MODEL_PATH = pathlib.Path(__file__).with_name("model.json")
# A line of at least this many distinct words, less than this share of them known to the line
# model, is in a language the line model never saw: its score is UNKNOWN, not a guess.
MIN_WORDS_CHECKED = 3
MIN_KNOWN_SHARE = 0.5
UNKNOWN = -1.0


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def bow_scores(lines: list[str], bias: float, vocab: dict[str, float]) -> list[float]:
    """Line model: logistic over the L2-normalized binary presence of known words; UNKNOWN for a
    line whose words are mostly unknown (another language), so the trees judge it by shape."""
    scores: dict[str, float] = {}  # a dump repeats a quarter of its lines (menus, cards): each scored once
    for line in lines:
        if line in scores:
            continue
        words = dict.fromkeys(tokens(line))  # as a set, in the line's order: the sum below is the same in every process
        weights = [vocab[t] for t in words if t in vocab]
        if len(words) >= MIN_WORDS_CHECKED and len(weights) < MIN_KNOWN_SHARE * len(words):
            scores[line] = UNKNOWN
            continue
        z = bias + (sum(weights) / math.sqrt(len(weights)) if weights else 0.0)
        scores[line] = 1.0 / (1.0 + math.exp(-z))
    return [scores[line] for line in lines]


class LineModel:
    """Callable form of a spec: {"features", "bow": {"bias", "vocab"}, "trees": {...}, "threshold"}."""

    def __init__(self, spec: dict):
        if tuple(spec["features"]) != FEATURES:
            raise ValueError("model was trained on other features; retrain with bench/train_text_model.py")
        self.threshold = float(spec["threshold"])
        self.bias = float(spec["bow"]["bias"])
        self.vocab: dict[str, float] = spec["bow"]["vocab"]
        trees = spec["trees"]
        self.base = float(trees["base"])
        self.roots = np.asarray(trees["roots"], dtype=np.int64)
        self.feature = np.asarray(trees["feature"], dtype=np.int64)
        self.cut = np.asarray(trees["threshold"], dtype=float)
        self.left = np.asarray(trees["left"], dtype=np.int64)
        self.right = np.asarray(trees["right"], dtype=np.int64)
        # A node's children, right then left: the next node is children[2 * node + go_left], one gather
        # where picking from `left` and `right` took two and a where.
        self.children = np.stack([self.right, self.left], axis=1).ravel()
        self.value = np.asarray(trees["value"], dtype=float)
        self.depth = int(trees["depth"])

    def bow_scores(self, lines: list[str]) -> list[float]:
        return bow_scores(lines, self.bias, self.vocab)

    def tree_scores(self, matrix: np.ndarray) -> np.ndarray:
        """Sum of all trees' leaf values per row (leaves loop onto themselves, so a fixed depth works)."""
        flat = np.ascontiguousarray(matrix, dtype=float).ravel()
        offsets = (np.arange(len(matrix)) * matrix.shape[1])[:, None]
        node = self.roots  # where every row starts: the first step broadcasts it over the rows
        for _ in range(self.depth):
            go_left = flat.take(offsets + self.feature.take(node)) <= self.cut.take(node)
            node = self.children.take(2 * node + go_left)
        leaves = np.broadcast_to(node, (len(matrix), len(self.roots)))
        return _sigmoid(self.base + self.value.take(leaves).sum(axis=1))

    def predict(self, lines: list[str]) -> np.ndarray:
        if not lines:
            return np.zeros(0)
        return self.tree_scores(page_matrix(lines, self.bow_scores(lines)))


@functools.lru_cache(maxsize=1)
def default_model() -> LineModel | None:
    if not MODEL_PATH.exists():
        return None
    return LineModel(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
