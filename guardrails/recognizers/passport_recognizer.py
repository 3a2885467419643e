"""Vietnamese passports: one letter and seven digits (C1234567)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import ContextPatternRecognizer


class PassportRecognizer(ContextPatternRecognizer):
    ENTITY = "PASSPORT"
    PATTERNS = [Pattern("passport", r"(?<![A-Za-z0-9])[BCEGKNPS]\s?\d{7}(?![\d])", 0.45)]
    CONTEXT = ("ho chieu", "passport", "hc so", "so hc")
    CONTEXT_BOOST = 0.45
