"""Requests to use the coach for illegal ends: intrusion, fraud, forgery, deep-fakes, data theft, malware.

Công văn 557/BKHCN-CĐSQG: a civil servant must use a chatbot lawfully and within the rules on network security. A
word list cannot tell "viết mã để xâm nhập hệ thống một cửa" from "làm sao bảo vệ hệ thống một cửa khỏi bị xâm
nhập"; a logistic regression over the message's folded words and word pairs, trained on generated requests and their
lawful look-alikes (``python -m eval.misuse_model_train``, data from ``eval.misuse_set``), does. Shipped as
``data/misuse_model.npz`` (numpy arrays, read without scikit-learn or pickle); without the file nothing is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from guardrails.content_model import Head, feature_ids
from knowledge_base.text_normalize import fold_diacritics

MODEL_PATH = Path(__file__).parent / "data" / "misuse_model.npz"
# What a request's words say about its purpose, read as signals beside the words themselves: the model learns how
# much each weighs. Words alone tie a purpose to the phrasings seen in training; these groups carry it to new ones.
_CUES = {
    "protect": r"phong|chong|nhan biet|nhan dien|dau hieu|canh bao|bao cao|xu phat|xu ly|nan nhan|tuyen truyen"
    r"|bao ve|ngan|phat hien|trach nhiem|truy cuu|quy dinh|phap luat|bi phat|toi danh|dieu nao|bao ai|trinh bao"
    r"|khac phuc|ho tro|kiem tra|thu hoi|phan quyen|sao luu",
    "request": r"viet|chi cach|chi toi|huong dan|lam sao|lam the nao|giup|soan|tao|lap|bay|goi y|ke hoach|meo"
    r"|cong cu|cach|toi muon|toi can|nho",
    "evasion": r"khong bi phat hien|khong ai biet|qua mat|trom|khong de lai|dau vet|an toan cho ban than|tranh bi"
    r"|nhanh nhat",
    "for_me": r"cho toi|cua toi|cho minh|tai khoan cua toi|de toi",
    "purpose": r"de",
    "act": r"xam nhap|be khoa|chiem quyen|vuot qua|lam sap|gia danh|mao danh|lua|lam gia|gia mao|con dau gia|ghi khong"
    r"|deepfake|gia giong|ghep mat|sai su that|tin gia|ma doc|tong tien|theo doi len|keylogger|danh cap|tai trom"
    r"|ban du lieu|de ban|doi no|xoa dau vet|xoa nhat ky|boi nho|sua ngay",
    "nominal": r"viec|hanh vi|thu doan|chieu|ke gian|doi tuong|bi",
}
_CUE_PATTERNS = {name: re.compile(rf"(?<![a-z])({cues})(?![a-z])") for name, cues in _CUES.items()}


def purpose_signals(folded_text: str) -> list[str]:
    """Cue groups found in the text, and their pairs (a request with an evasion, a protective word with none)."""
    found = sorted(name for name, pattern in _CUE_PATTERNS.items() if pattern.search(folded_text))
    pairs = [f"{a}+{b}" for i, a in enumerate(found) for b in found[i + 1 :]]
    alone = [f"only:{found[0]}"] if len(found) == 1 else ([] if found else ["none"])
    return [*found, *pairs, *alone]


def folded(text: str) -> str:
    """The text the detector reads: lower case, diacritics folded (it is trained on both ways of typing)."""
    return fold_diacritics(text.lower())


@dataclass(frozen=True)
class MisuseDetector:
    head: Head

    def score(self, text: str) -> float:
        """The probability that ``text`` asks for help with an illegal end."""
        text = folded(text)
        return self.head.score(feature_ids(text, purpose_signals(text)))

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
