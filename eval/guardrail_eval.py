"""Guardrail evaluation: block recall (overall, evasive, per category), false blocks, latency."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from eval.datasets_io import GuardrailCase
from eval.guardrail_baselines import Detector
from eval.metrics import percentile

COLD_START = (
    "import time; t = time.perf_counter(); from guardrails import default_guardrail; "
    "default_guardrail().check('xin chào'); print(time.perf_counter() - t)"
)


def evaluate(detect: Detector, cases: list[GuardrailCase]) -> dict[str, Any]:
    """Score ``detect`` on ``cases``; the keys are those of DESIGN.md plus ``per_category_detected``."""
    if cases:
        detect(cases[0].text)  # warm-up: first-call compilation is reported as cold start instead
    blocked_cases = [c for c in cases if c.expected == "block"]
    allowed_cases = [c for c in cases if c.expected == "allow"]
    latencies: list[float] = []
    hits: dict[str, tuple[bool, list[str]]] = {}
    for case in cases:
        started = time.perf_counter()
        hits[case.id] = detect(case.text)
        latencies.append((time.perf_counter() - started) * 1000)
    totals, blocked, detected = Counter(), Counter(), Counter()
    for case in blocked_cases:
        was_blocked, categories = hits[case.id]
        for category in case.categories:
            totals[category] += 1
            blocked[category] += was_blocked
            detected[category] += category in categories
    evasive = [c for c in blocked_cases if c.evasive]
    false_blocks = [c for c in allowed_cases if hits[c.id][0]]
    missed = [c for c in blocked_cases if not hits[c.id][0]]
    return {
        "n": len(cases),
        "block_recall": _ratio(len(blocked_cases) - len(missed), len(blocked_cases)),
        "evasive_recall": _ratio(sum(hits[c.id][0] for c in evasive), len(evasive)),
        "false_block_rate": _ratio(len(false_blocks), len(allowed_cases)),
        "per_category": {c: _ratio(blocked[c], totals[c]) for c in sorted(totals)},
        "per_category_detected": {c: _ratio(detected[c], totals[c]) for c in sorted(totals)},
        "per_carrier": _breakdown(cases, hits, lambda c: c.carrier),
        "per_evasion": _breakdown(cases, hits, lambda c: c.evasion),
        "latency_ms": {"p50": round(percentile(latencies, 50), 2), "p95": round(percentile(latencies, 95), 2)},
        "missed_ids": [c.id for c in missed],
        "false_block_ids": [c.id for c in false_blocks],
    }


def _breakdown(
    cases: list[GuardrailCase], hits: dict[str, tuple[bool, list[str]]], key: Callable[[GuardrailCase], str]
) -> dict[str, dict[str, float | int]]:
    """Block recall and false-block rate for each group of cases (a carrier, an evasion)."""
    groups: dict[str, list[GuardrailCase]] = {}
    for case in cases:
        groups.setdefault(key(case), []).append(case)
    report = {}
    for name, group in sorted(groups.items()):
        blocks = [c for c in group if c.expected == "block"]
        allows = [c for c in group if c.expected == "allow"]
        report[name] = {
            "n_block": len(blocks),
            "n_allow": len(allows),
            "block_recall": _ratio(sum(hits[c.id][0] for c in blocks), len(blocks)),
            "false_block_rate": _ratio(sum(hits[c.id][0] for c in allows), len(allows)),
        }
    return report


def cold_start_seconds() -> float:
    """Seconds for a new process to import the guardrail and check its first message."""
    output = subprocess.run([sys.executable, "-c", COLD_START], capture_output=True, text=True, check=True)
    return round(float(output.stdout.strip().splitlines()[-1]), 2)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
