"""Masks findings in the original text with presidio-anonymizer (``<CCCD>``, ``<HỌ_TÊN>``…)."""

from __future__ import annotations

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from guardrails import messages_vi
from guardrails.findings import ENTITY_MASK, INTERNAL_DOCUMENT, STATE_SECRET, Finding

_ENGINE = AnonymizerEngine()


def non_overlapping(findings: list[Finding]) -> list[Finding]:
    """The strongest findings that do not overlap (longer spans win ties)."""
    chosen: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start)):
        if all(finding.end <= c.start or finding.start >= c.end for c in chosen):
            chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)


def redact(text: str, findings: list[Finding]) -> str:
    """``text`` with every finding replaced by its mask.

    Secret and internal documents are replaced whole: masking their stamp would leave the
    content, which is what must not be sent.
    """
    categories = {f.category for f in findings}
    if STATE_SECRET in categories:
        return messages_vi.SECRET_PLACEHOLDER
    if INTERNAL_DOCUMENT in categories:
        return messages_vi.INTERNAL_PLACEHOLDER
    chosen = non_overlapping(findings)
    if not chosen:
        return text
    results = [RecognizerResult(f.entity_type, f.start, f.end, f.score) for f in chosen]
    operators = {f.entity_type: OperatorConfig("replace", {"new_value": ENTITY_MASK[f.entity_type]}) for f in chosen}
    return _ENGINE.anonymize(text=text, analyzer_results=results, operators=operators).text
