"""Vietnamese passports: one letter and seven digits (C1234567)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import SEP, ContextPatternRecognizer


class PassportRecognizer(ContextPatternRecognizer):
    ENTITY = "PASSPORT"
    PATTERNS = [Pattern("passport", rf"(?<![A-Za-z0-9])[BCEGKNPS](?:{SEP}\d){{7}}(?![\d])", 0.45)]
    CONTEXT = ("ho chieu", "passport", "hc so", "so hc")
    CONTEXT_BOOST = 0.45
