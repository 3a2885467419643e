"""Retrieval evaluation: hit@1/5/10, MRR@10, nDCG@10 and latency, per search mode."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from eval.datasets_io import CorpusRecord, RetrievalQuestion
from eval.metrics import dedupe, hit_at, ndcg_at, percentile, reciprocal_rank
from knowledge_base import Chunk, KnowledgeIndex, hybrid_search, make_chroma_client
from knowledge_base.chunking import PATH_SEPARATOR, split_long_text

CHUNKS_PER_QUERY = 30  # enough chunks to fill ten distinct documents in practice


def evaluate(
    index: KnowledgeIndex, questions: list[RetrievalQuestion], mode: str = "hybrid", where: dict | None = None
) -> dict[str, Any]:
    """Score ``questions`` against ``index``; returns the DESIGN.md keys plus per-question ranks."""
    if questions:  # warm-up: the first query builds the lexical snapshot
        hybrid_search(index, questions[0].question, 1, where, mode=mode)
    sums = {"hit@1": 0.0, "hit@5": 0.0, "hit@10": 0.0, "mrr@10": 0.0, "ndcg@10": 0.0}
    latencies: list[float] = []
    misses: list[dict[str, Any]] = []
    for question in questions:
        started = time.perf_counter()
        hits = hybrid_search(index, question.question, CHUNKS_PER_QUERY, where, mode=mode)
        latencies.append((time.perf_counter() - started) * 1000)
        ranked = dedupe(h.doc_id for h in hits)[:10]
        relevant = set(question.relevant_ids)
        sums["hit@1"] += hit_at(ranked, relevant, 1)
        sums["hit@5"] += hit_at(ranked, relevant, 5)
        sums["hit@10"] += hit_at(ranked, relevant, 10)
        sums["mrr@10"] += reciprocal_rank(ranked, relevant, 10)
        sums["ndcg@10"] += ndcg_at(ranked, relevant, 10)
        if not hit_at(ranked, relevant, 5):
            misses.append(
                {"id": question.id, "question": question.question, "expected": question.relevant_ids, "got": ranked[:5]}
            )
    n = len(questions)
    result: dict[str, Any] = {"mode": mode, "n": n}
    result.update({key: round(value / n, 4) if n else 0.0 for key, value in sums.items()})
    result["latency_ms"] = {"p50": round(percentile(latencies, 50), 1), "p95": round(percentile(latencies, 95), 1)}
    result["misses_at_5"] = misses
    return result


def external_chunks(records: list[CorpusRecord]) -> list[Chunk]:
    """Chunks of an external ``{"id","title","text"}`` corpus, split like curated sections."""
    chunks: list[Chunk] = []
    for record in records:
        for number, part in enumerate(split_long_text(record.text)):
            content = f"{record.title}{PATH_SEPARATOR}phần {number + 1}\n{part}"
            metadata = {
                "doc_id": record.id,
                "title": record.title,
                "kind": "guide",
                "topic": "external",
                "status": "in_force",
                "section": f"phần {number + 1}",
                "legal_basis": "",
                "source": record.id,
                "origin": "external",
                "chunk_index": number,
            }
            chunks.append(Chunk(f"{record.id}#{number}", content, metadata))
    return chunks


@contextmanager
def temporary_index(records: list[CorpusRecord], embeddings: Embeddings, progress=None) -> Iterator[tuple[KnowledgeIndex, float]]:
    """An index of ``records`` in a throw-away embedded Chroma; yields it with its build time (s)."""
    with tempfile.TemporaryDirectory(prefix="coach-eval-") as folder:
        index = KnowledgeIndex(make_chroma_client(Path(folder)), embeddings, prefix="eval")
        started = time.perf_counter()
        index.sync_chunks(external_chunks(records), "external", "eval", progress=progress)
        index.snapshot()
        yield index, time.perf_counter() - started
