"""Dates of birth: a date next to a birth cue (other dates — deadlines, issue dates — are not personal)."""

from __future__ import annotations

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import ContextPatternRecognizer, folded


class DateOfBirthRecognizer(ContextPatternRecognizer):
    ENTITY = "DOB"
    PATTERNS = [
        Pattern(
            "numeric_date",
            r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])\s?[/\-.]\s?(?:0?[1-9]|1[0-2])\s?[/\-.]\s?(?:(?:1\s?9|2\s?0)\s?\d\s?\d|\d{2})(?!\d)",
            0.5,
        ),
        Pattern(
            "words_date",
            r"(?i)ngày\s+(?:0?[1-9]|[12]\d|3[01])\s+tháng\s+(?:0?[1-9]|1[0-2])\s+năm\s+(?:19|20)\d{2}(?!\d)",
            0.5,
        ),
    ]
    CONTEXT = (
        "sinh ngay",
        "ngay sinh",
        "ngay, thang, nam sinh",
        "ns:",
        "ns ",
        "sn:",
        "sn ",
        "sinh nam",
        "dob",
        "date of birth",
        "born",
        "sinh:",
    )
    WINDOW_BEFORE = 30
    WINDOW_AFTER = 0
    REQUIRES_CONTEXT = True

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        # "hy sinh ngày 23/1/1952" is a date of death, not of birth.
        return [r for r in results if "hy sinh" not in folded(text)[max(0, r.start - 30) : r.start]]
