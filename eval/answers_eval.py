"""Answer evaluation: fact coverage, correct "not covered" answers, correct blocks, latency."""

from __future__ import annotations

import time
import unicodedata
from typing import Any

from coach import Coach
from eval.datasets_io import AnswerCase
from eval.metrics import percentile


def fact_found(alternatives: list[str], answer: str) -> bool:
    """A fact counts when any alternative occurs in the answer (case-insensitive, NFC)."""
    text = unicodedata.normalize("NFC", answer).lower()
    return any(unicodedata.normalize("NFC", alt).lower() in text for alt in alternatives)


def evaluate(coach: Coach, cases: list[AnswerCase]) -> dict[str, Any]:
    if cases:
        coach.answer(cases[0].question)  # warm-up (lexical snapshot, model load)
    results, latencies = [], []
    facts_total = facts_found = 0
    answerable_not_covered = 0
    for case in cases:
        started = time.perf_counter()
        answer = coach.answer(case.question)
        latencies.append((time.perf_counter() - started) * 1000)
        found = [fact_found(f, answer.text) for f in case.expected_facts]
        if case.kind == "answerable":
            facts_total += len(found)
            facts_found += sum(found)
            answerable_not_covered += answer.not_covered
        results.append(
            {
                "id": case.id,
                "kind": case.kind,
                "answer": answer.text,
                "blocked": answer.blocked,
                "not_covered": answer.not_covered,
                "citations": [{"number": c.number, "doc_id": c.doc_id, "section": c.section} for c in answer.citations],
                "facts_found": sum(found),
                "facts_expected": len(found),
                "field": case.field,
            }
        )
    by_kind = {kind: [r for r in results if r["kind"] == kind] for kind in ("answerable", "out_of_scope", "contains_pii")}
    return {
        "n": len(cases),
        "fact_coverage": round(facts_found / facts_total, 4) if facts_total else 0.0,
        "answerable_not_covered": answerable_not_covered,
        "out_of_scope_correct": _share(by_kind["out_of_scope"], lambda r: r["not_covered"] and not r["blocked"]),
        "pii_blocked": _share(by_kind["contains_pii"], lambda r: r["blocked"]),
        "by_field": _coverage_by_field(by_kind["answerable"]),
        "latency_ms": {"p50": round(percentile(latencies, 50), 1), "p95": round(percentile(latencies, 95), 1)},
        "results": results,
    }


def _share(rows: list[dict[str, Any]], ok) -> float:  # noqa: ANN001
    return round(sum(1 for r in rows if ok(r)) / len(rows), 4) if rows else 0.0


def _coverage_by_field(rows: list[dict[str, Any]]) -> dict[str, dict[str, float | int]]:
    """Fact coverage per procedure field asked (questions that name one)."""
    fields: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row.get("field"):
            fields.setdefault(row["field"], []).append(row)
    return {
        name: {"questions": len(group), "facts": sum(r["facts_expected"] for r in group),
               "coverage": round(sum(r["facts_found"] for r in group) / max(1, sum(r["facts_expected"] for r in group)), 4)}
        for name, group in sorted(fields.items())
    }  # fmt: skip
