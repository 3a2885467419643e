"""Requests to use the coach for illegal ends: intrusion, fraud, forgery, deep-fakes, data theft, malware.

Công văn 557/BKHCN-CĐSQG: a civil servant must use a chatbot lawfully and within the rules on network security. A
word list cannot tell "viết mã để xâm nhập hệ thống một cửa" from "làm sao bảo vệ hệ thống một cửa khỏi bị xâm
nhập"; a logistic regression over the message's folded words and word pairs, trained on generated requests and their
lawful look-alikes (``python -m eval.misuse_model_train``, data from ``eval.misuse_set``), does. Shipped as
``data/misuse_model.npz`` (numpy arrays, read without scikit-learn or pickle); without the file nothing is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from guardrails.content_model import Head, feature_ids
from knowledge_base.text_normalize import fold_diacritics

MODEL_PATH = Path(__file__).parent / "data" / "misuse_model.npz"


def folded(text: str) -> str:
    """The text the detector reads: lower case, diacritics folded (it is trained on both ways of typing)."""
    return fold_diacritics(text.lower())


@dataclass(frozen=True)
class MisuseDetector:
    head: Head

    def score(self, text: str) -> float:
        """The probability that ``text`` asks for help with an illegal end."""
        return self.head.score(feature_ids(folded(text), ()))

    def is_misuse(self, text: str) -> bool:
        return self.score(text) >= self.head.threshold

    def save(self, path: Path = MODEL_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = np.array([self.head.bias, self.head.threshold], dtype=np.float64)
        np.savez_compressed(path, ids=self.head.ids.astype(np.int32), weights=self.head.weights.astype(np.float32), meta=meta)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> MisuseDetector:
        with np.load(path, allow_pickle=False) as data:
            bias, threshold = data["meta"]
            return cls(Head(data["ids"], data["weights"], float(bias), float(threshold)))


@cache
def shipped_detector() -> MisuseDetector | None:
    """The detector shipped with the package, or None when it was never trained."""
    return MisuseDetector.load() if MODEL_PATH.exists() else None
