"""``python -m eval.retrieval_scale_benchmark``: query latency and memory as the index grows.

The index built by ``coach ingest`` (curated corpus and portal records, about 9,000 passages) is copied, with its
vectors, into a scratch Chroma folder and padded with synthetic passages up to each size. A synthetic passage joins
the first half of one real passage to the second half of another (so BM25 sees the corpus's own vocabulary and
posting lengths) and its vector is the normalised mean of theirs plus noise (so no model time is spent on padding).
Eight synthetic passages make one synthetic document, under a title of their own.

For each size: the time to build the lexical snapshot (once per index change, at start-up), then the latency of
``hybrid_search`` for every question of ``retrieval_vi.jsonl`` (query embedding, Chroma, BM25, fusion), split into
its parts, and the resident memory of a process serving from that index (``--serve``: the app with its guardrail
and coach, after answering the questions). Prints one JSON object per size.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from api.config import get_settings
from api.runtime import build_index
from eval.metrics import percentile
from knowledge_base import KnowledgeIndex, build_where, hybrid_search, make_chroma_client
from knowledge_base.hybrid_retriever import CANDIDATES, _dense_candidates

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "eval" / "datasets" / "retrieval_vi.jsonl"
PREFIX = "scale"
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def real_chunks(index: KnowledgeIndex) -> dict[str, list[Any]]:
    data = index.read_all(["embeddings", "documents", "metadatas"])
    return {"ids": list(data["ids"]), "texts": list(data["documents"]), "metadatas": [dict(m) for m in data["metadatas"]],
            "vectors": np.asarray(data["embeddings"], dtype=np.float32)}  # fmt: skip


def synthetic(real: dict[str, list[Any]], count: int, seed: int = 7) -> dict[str, list[Any]]:
    """``count`` passages recombined from the real ones (see the module docstring)."""
    rng = np.random.default_rng(seed)
    n = len(real["ids"])
    ids, texts, metadatas, vectors = [], [], [], []
    for j in range(count):
        a, b = (int(x) for x in rng.integers(0, n, size=2))
        first, second = _SENTENCE_END.split(real["texts"][a]), _SENTENCE_END.split(real["texts"][b])
        text = " ".join(first[: max(1, len(first) // 2)] + second[len(second) // 2 :])
        doc = j // 8
        meta = dict(real["metadatas"][a])
        meta.update(doc_id=f"synth-{doc}", title=f"{meta.get('title', '')} — tổng hợp {doc}", aliases="",
                    origin="synthetic", procedure_code="", chunk_index=j % 8, source=f"synthetic#{doc}")  # fmt: skip
        vector = real["vectors"][a] + real["vectors"][b] + rng.normal(0, 0.02, size=real["vectors"].shape[1])
        ids.append(f"synth-{doc}#{j}")
        texts.append(text)
        metadatas.append(meta)
        vectors.append(vector / np.linalg.norm(vector))
    return {"ids": ids, "texts": texts, "metadatas": metadatas, "vectors": np.asarray(vectors, dtype=np.float32)}


def build_scaled(folder: Path, embeddings: Any, real: dict[str, list[Any]], size: int) -> KnowledgeIndex:
    index = KnowledgeIndex(make_chroma_client(folder / "chroma"), embeddings, prefix=PREFIX)
    extra = synthetic(real, max(0, size - len(real["ids"])))
    collection = index.collection
    for part in (real, extra):
        for start in range(0, len(part["ids"]), 4000):
            end = start + 4000
            collection.add(ids=part["ids"][start:end], documents=part["texts"][start:end],
                           metadatas=part["metadatas"][start:end], embeddings=part["vectors"][start:end])  # fmt: skip
    return index


def questions() -> list[str]:
    return [json.loads(line)["question"] for line in QUESTIONS.open(encoding="utf-8") if line.strip()]


def measure(index: KnowledgeIndex, asked: list[str]) -> dict[str, Any]:
    started = time.perf_counter()
    snapshot = index.snapshot()
    snapshot_s = time.perf_counter() - started
    where = build_where()
    for question in asked[:20]:  # warm-up: caches, the first Chroma query loads the HNSW index
        hybrid_search(index, question, 5, where)
    parts: dict[str, list[float]] = {"hybrid_ms": [], "embed_query_ms": [], "dense_ms": [], "chroma_filtered_ms": [],
                                     "bm25_ms": []}  # fmt: skip

    def timed(part: str, call: Any, *args: Any) -> Any:
        began = time.perf_counter()
        result = call(*args)
        parts[part].append((time.perf_counter() - began) * 1000)
        return result

    for question in asked:
        timed("hybrid_ms", hybrid_search, index, question, 5, where)
        vector = timed("embed_query_ms", index.embeddings.embed_query, question)
        timed("dense_ms", _dense_candidates, index, snapshot, vector, where, CANDIDATES)
        # What the dense part cost before: Chroma applying the filter itself (it lists every matching chunk first).
        timed("chroma_filtered_ms", index.nearest, vector, CANDIDATES, {"status": "in_force"})
        timed("bm25_ms", snapshot.bm25.top, question, CANDIDATES, snapshot.mask(where))

    def summary(values: list[float]) -> dict[str, float]:
        return {"p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1)}

    return {"passages": len(snapshot.ids), "snapshot_build_s": round(snapshot_s, 1), "queries": len(asked),
            **{part: summary(values) for part, values in parts.items()}}  # fmt: skip


def serving_memory(folder: Path, asked: list[str]) -> dict[str, float]:
    """Peak and final resident memory of a process that builds the app on ``folder``'s index and answers ``asked``.

    Read from ``/proc`` (VmHWM): ``ru_maxrss`` would carry this process's peak over ``exec``."""
    code = (
        "import json, sys\n"
        "from fastapi.testclient import TestClient\n"
        "from api import create_app\n"
        "from api.config import get_settings\n"
        "asked = json.loads(sys.stdin.read())\n"
        "with TestClient(create_app(get_settings())) as client:\n"
        "    coach = client.app.state.coach\n"
        "    for q in asked:\n"
        "        coach.answer(q)\n"
        "status = dict(line.split(':', 1) for line in open('/proc/self/status'))\n"
        "kb = {key: int(status[key].split()[0]) for key in ('VmRSS', 'VmHWM')}\n"
        "print(json.dumps({'rss_mb': kb['VmRSS'] / 1e3, 'peak_mb': kb['VmHWM'] / 1e3}))\n"
    )
    env = {**os.environ, "COACH_DATA_DIR": str(folder), "COACH_COLLECTION_PREFIX": PREFIX,
           "COACH_ONNX_MODEL_CACHE": str(get_settings().onnx_model_dir), "COACH_PORTAL_RECORDS": ""}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(asked), env=env, capture_output=True, text=True,
                          check=True, cwd=ROOT)  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {key: round(value) for key, value in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--serve", action="store_true", help="also measure a serving process's memory at each size")
    args = parser.parse_args(argv)
    settings = get_settings()
    source = build_index(settings)
    real = real_chunks(source)
    if not real["ids"]:
        print("Chỉ mục trống: hãy chạy `coach ingest` trước.", file=sys.stderr)
        return 2
    asked = questions()
    for size in args.sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"scale-{size}-"))
        try:
            index = build_scaled(folder, source.embeddings, real, size)
            report = {"size": size, "real_passages": len(real["ids"]), "embedding": source.embeddings.name,
                      **measure(index, asked),
                      "bench_process_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3)}  # fmt: skip
            if args.serve:
                del index
                report["serving"] = serving_memory(folder, asked[:50])
            print(json.dumps(report, ensure_ascii=False), flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
