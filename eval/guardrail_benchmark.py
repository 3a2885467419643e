"""Guardrail latency on long messages (``make bench``): 2,000-character texts built from the set.

Prints one JSON object: messages, characters per message, latency p50/p95/max in ms.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from eval.datasets_io import GuardrailCase, read_jsonl
from eval.metrics import percentile
from guardrails import default_guardrail

DATASET = Path(__file__).parent / "datasets" / "guardrail_vi.jsonl"


def long_messages(cases: list[GuardrailCase], count: int, size: int, seed: int = 7) -> list[str]:
    """``count`` messages of about ``size`` characters, each a random mix of the set's texts."""
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(rng.choice(cases).text)
        messages.append("\n".join(parts)[:size])
    return messages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--size", type=int, default=2000)
    args = parser.parse_args()
    guardrail = default_guardrail()
    messages = long_messages(read_jsonl(args.dataset, GuardrailCase), args.count, args.size)
    guardrail.check(messages[0])
    latencies = []
    for message in messages:
        started = time.perf_counter()
        guardrail.check(message)
        latencies.append((time.perf_counter() - started) * 1000)
    report = {
        "messages": len(messages),
        "chars": args.size,
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 2),
            "p95": round(percentile(latencies, 95), 2),
            "max": round(max(latencies), 2),
        },
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
