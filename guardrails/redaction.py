"""Masks findings in the original text with presidio-anonymizer (``<CCCD>``, ``<HỌ_TÊN>``…)."""

from __future__ import annotations

import re
from dataclasses import replace

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from guardrails import messages_vi
from guardrails.findings import ENTITY_MASK, INTERNAL_DOCUMENT, STATE_SECRET, WHOLE_MESSAGE_ENTITIES, Finding

_ENGINE = AnonymizerEngine()


def non_overlapping(findings: list[Finding]) -> list[Finding]:
    """Findings merged where they overlap: the union of their spans, under the strongest one's type
    (longer spans win ties), so that no part of a weaker value is left beside the mask."""
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            strongest = max((last, finding), key=lambda f: (f.score, f.end - f.start))
            merged[-1] = replace(strongest, start=last.start, end=max(last.end, finding.end))
        else:
            merged.append(finding)
    return merged


# What no recognizer named but a blocked message must not keep: eight or more digits in a run
# (an account, an ID typed oddly; "/" keeps legal citations such as 123/2015/NĐ-CP apart) and
# anything shaped like an e-mail address.
_DIGIT_RUN = re.compile(r"(?<![\w/])\d(?:[ .\-]?\d){7,}(?![\w/])")
_EMAIL_LIKE = re.compile(r"(?<![\w.])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def mask_residue(text: str) -> str:
    """``text`` with long digit runs and e-mail-like tokens masked."""
    text = _EMAIL_LIKE.sub(ENTITY_MASK["EMAIL"], text)
    return _DIGIT_RUN.sub(ENTITY_MASK["NUMBER"], text)


def to_word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole words: a mask never leaves half a word beside it."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


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
    # A learned finding covers the whole message: its values are the spans the rules found.
    chosen = non_overlapping([f for f in findings if f.entity_type not in WHOLE_MESSAGE_ENTITIES])
    if not chosen:
        return text
    results = [RecognizerResult(f.entity_type, *to_word_bounds(text, f.start, f.end), f.score) for f in chosen]
    operators = {f.entity_type: OperatorConfig("replace", {"new_value": ENTITY_MASK[f.entity_type]}) for f in chosen}
    return _ENGINE.anonymize(text=text, analyzer_results=results, operators=operators).text
