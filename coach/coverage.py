"""Deciding that the knowledge base does not cover a question, instead of answering anyway.

The decision is a logistic model over retrieval features (how close the best passages are in meaning, how much of
the question's wording they contain, whether the dense and lexical retrievers agree, whether the question names a
document or asks a field of a procedure), trained by ``python -m eval.coverage_model_train`` on generated and
written questions, with a cross-validated threshold. Without the model file, a cosine threshold decides.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge_base import KnowledgeIndex, SearchHit
from knowledge_base.hybrid_retriever import _named_documents
from knowledge_base.text_normalize import lexical_terms

MODEL_FILE = Path(__file__).parent / "data" / "coverage_model.json"
LEXICAL_SHARE = 0.6  # degraded mode: share of the question's content words the best passage must contain
FEATURES = (
    "top_dense",
    "max_dense_top3",
    "dense_spread_top3",
    "content_share_top",
    "content_share_top3",
    "bm25_top_log",
    "retrievers_agree",
    "names_a_document",
    "asks_a_procedure_field",
)


def content_terms(text: str) -> set[str]:
    """Folded words of ``text`` that carry its topic (question words and function words left out)."""
    from coach.extractive_answerer import STOP_TERMS  # imported here: the answerer imports this module's users

    return {t for t in lexical_terms(text) if "_" not in t and not t.startswith("=") and t not in STOP_TERMS}


def coverage_features(question: str, hits: list[SearchHit], index: KnowledgeIndex | None = None) -> np.ndarray:
    """The features of :data:`FEATURES` for ``question`` and its retrieved ``hits`` (best first)."""
    from coach.procedure_card import asked_fields

    if not hits:
        return np.zeros(len(FEATURES), dtype=np.float64)
    dense = [h.dense_similarity for h in hits[:3]]
    asked = content_terms(question)
    top_terms = content_terms(hits[0].text)
    top3_terms = set().union(*(content_terms(h.text) for h in hits[:3]))

    def share(found: set[str]) -> float:
        return len(asked & found) / len(asked) if asked else 0.0

    by_dense = max(hits, key=lambda h: h.dense_similarity)
    by_bm25 = max(hits, key=lambda h: h.bm25_score)
    named = 0.0
    if index is not None:
        named = float(bool(_named_documents(index.snapshot().name_index, question)))
    return np.array([
        hits[0].dense_similarity,
        max(dense),
        max(dense) - min(dense),
        share(top_terms),
        share(top3_terms),
        math.log1p(max(h.bm25_score for h in hits)),
        float(by_dense.doc_id == by_bm25.doc_id and by_bm25.bm25_score > 0),
        named,
        float(bool(asked_fields(question)) and hits[0].metadata.get("kind") == "procedure"),
    ], dtype=np.float64)  # fmt: skip


@dataclass(frozen=True)
class CoverageModel:
    """Logistic regression on standardised :data:`FEATURES`; ``threshold`` on its probability."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    report: dict = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> CoverageModel | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if tuple(data.get("features", ())) != FEATURES:
            return None  # trained on other features: the cosine rule decides until it is retrained
        return cls(tuple(data["weights"]), float(data["bias"]), tuple(data["mean"]), tuple(data["scale"]),
                   float(data["threshold"]), data.get("report", {}))  # fmt: skip

    def probability(self, features: np.ndarray) -> float:
        z = (features - np.asarray(self.mean)) / np.asarray(self.scale)
        return float(1.0 / (1.0 + math.exp(-(float(np.dot(z, self.weights)) + self.bias))))


@dataclass(frozen=True)
class CoveragePolicy:
    """Covered when the model's probability reaches its threshold; without a model, when a top passage's E5 cosine
    reaches ``min_similarity``."""

    min_similarity: float = 0.864
    model: CoverageModel | None = None

    def covers_lexically(self, question: str, hits: list[SearchHit]) -> bool:
        """Without the vector store (degraded mode): most of the question's content words are in the best passage."""
        asked = content_terms(question)
        return bool(hits and asked) and len(asked & content_terms(hits[0].text)) / len(asked) >= LEXICAL_SHARE

    def covers(self, question: str, hits: list[SearchHit], index: KnowledgeIndex | None = None) -> bool:
        if not hits:
            return False
        if self.model is not None:
            return self.model.probability(coverage_features(question, hits, index)) >= self.model.threshold
        return max(h.dense_similarity for h in hits[:3]) >= self.min_similarity
