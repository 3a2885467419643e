"""The learned layer beside the rules: small linear models over the words of a message and what the
recognizers saw in it.

Rules find values (numbers, names, markings); some risks have no value to find: decisions of a
closed meeting, a police operation plan pasted without its stamp, "the house at number 12 has a
patient with HIV". Three logistic-regression heads score those: ``state_secret``,
``internal_document`` and ``sensitive_personal_data`` (a person identifiable with a sensitive fact).
They are trained in the repository on generated messages (``make guard-model``, see
``guardrails.content_model_train``) and shipped as ``data/content_model.npz``: weights of hashed
features, read with numpy alone (no pickle, no scikit-learn at run time, nothing downloaded).
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("data") / "content_model.npz"
# A prompt-injection head was tried and dropped: with three injection families to learn from it
# keyed on "hướng dẫn" in long pastes (dev recall 0 at 0.1% false blocks). The rules keep that job.
HEADS = ("state_secret", "internal_document", "sensitive_personal_data", "prompt_injection")
BUCKETS = 1 << 18
_WORD = re.compile(r"[a-z0-9]+")
# Long messages are judged on their first words: a pasted document shows what it is early, and
# the cost stays bounded.
MAX_WORDS = 600


def feature_ids(folded_text: str, signals: Iterable[str]) -> list[int]:
    """Hashed ids of the message's words, word pairs and recognizer signals (each once)."""
    words = _WORD.findall(folded_text)[:MAX_WORDS]
    grams = [*words, *(f"{a} {b}" for a, b in zip(words, words[1:])), *(f"#{s}" for s in signals)]
    return sorted({zlib.crc32(g.encode()) & (BUCKETS - 1) for g in grams})


def signals_of(found: Iterable[tuple[str, float]], about_person: bool, shape: Iterable[str] = ()) -> list[str]:
    """What the recognizers saw, as features: each entity type, whether it was strong, a person cue,
    and the message's shape (its length, whether it asks a question or pastes a document)."""
    signals = {"person" if about_person else "no-person", *shape}
    for entity, score in found:
        signals.add(f"entity:{entity}")
        if score >= 0.5:
            signals.add(f"strong:{entity}")
    return sorted(signals)


@dataclass(frozen=True)
class Head:
    """One binary classifier: sparse weights, a bias and the threshold chosen on the dev split."""

    ids: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def score(self, ids: list[int]) -> float:
        if not ids:
            return 1 / (1 + math.exp(-self.bias))
        positions = np.searchsorted(self.ids, ids)
        positions = np.minimum(positions, len(self.ids) - 1)
        hit = self.ids[positions] == ids
        total = float(self.weights[positions][hit].sum()) / math.sqrt(len(ids))
        return 1 / (1 + math.exp(-(self.bias + total)))


@dataclass(frozen=True)
class ContentModel:
    heads: dict[str, Head]

    def scores(self, folded_text: str, signals: Iterable[str]) -> dict[str, float]:
        """The probability of each head for one message."""
        ids = feature_ids(folded_text, signals)
        return {name: head.score(ids) for name, head in self.heads.items()}

    def flagged(self, folded_text: str, signals: Iterable[str]) -> dict[str, float]:
        """The heads whose score reaches their threshold, with the score."""
        return {n: s for n, s in self.scores(folded_text, signals).items() if s >= self.heads[n].threshold}

    def save(self, path: Path) -> None:
        arrays = {}
        for name, head in self.heads.items():
            arrays[f"{name}.ids"] = head.ids.astype(np.int32)
            arrays[f"{name}.weights"] = head.weights.astype(np.float32)
            arrays[f"{name}.meta"] = np.array([head.bias, head.threshold], dtype=np.float64)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> ContentModel:
        with np.load(path, allow_pickle=False) as data:
            heads = {}
            for name in HEADS:
                if f"{name}.meta" not in data:  # a model built before this head existed: the rules alone decide it
                    continue
                bias, threshold = data[f"{name}.meta"]
                heads[name] = Head(data[f"{name}.ids"], data[f"{name}.weights"], float(bias), float(threshold))
        return cls(heads)


@cache
def shipped_model() -> ContentModel | None:
    """The model shipped with the package, or ``None`` if it was never built (rules only)."""
    return ContentModel.load() if MODEL_PATH.exists() else None
