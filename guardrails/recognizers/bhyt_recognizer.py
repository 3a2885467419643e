"""Thẻ bảo hiểm y tế: two letters (beneficiary group), a benefit digit, a province code, 10 digits."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import SEP, ContextPatternRecognizer, digits_only


class BhytRecognizer(ContextPatternRecognizer):
    ENTITY = "BHYT"
    PATTERNS = [Pattern("bhyt_card", rf"(?<![A-Za-z0-9])[A-Za-z]{{2}}{SEP}\d{SEP}\d{{2}}(?:{SEP}\d){{10}}(?![\d])", 0.7)]
    CONTEXT = ("bhyt", "bao hiem y te", "the bh", "ma the")

    def checks_out(self, pattern_text: str) -> bool:
        # The third character is the benefit level, 1 to 5.
        return digits_only(pattern_text)[:1] in {"1", "2", "3", "4", "5"}
