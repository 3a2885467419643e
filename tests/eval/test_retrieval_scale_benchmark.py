"""The retrieval scale benchmark's padding and a short run on the fixture corpus (the full run is in make bench)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from eval.retrieval_scale_benchmark import build_scaled, measure, real_chunks, synthetic
from knowledge_base import KnowledgeIndex


def test_synthetic_passages_reuse_the_corpus_words_and_unit_vectors(fixture_index: KnowledgeIndex) -> None:
    real = real_chunks(fixture_index)
    extra = synthetic(real, 20)
    assert len(extra["ids"]) == len(set(extra["ids"])) == 20
    vocabulary = {w for t in real["texts"] for w in t.split()}
    assert all(set(t.split()) <= vocabulary for t in extra["texts"])
    assert np.allclose(np.linalg.norm(extra["vectors"], axis=1), 1.0, atol=1e-5)
    assert {m["origin"] for m in extra["metadatas"]} == {"synthetic"} and extra["metadatas"][0]["doc_id"] == "synth-0"


def test_a_padded_index_is_searched_and_timed(fixture_index: KnowledgeIndex, tmp_path: Path) -> None:
    real = real_chunks(fixture_index)
    size = len(real["ids"]) + 30
    scaled = build_scaled(tmp_path, fixture_index.embeddings, real, size)
    report = measure(scaled, ["lệ phí đăng ký khai sinh", "mat khau manh"])
    assert report["passages"] == size and report["queries"] == 2
    assert report["hybrid_ms"]["p95"] >= report["hybrid_ms"]["p50"] > 0
