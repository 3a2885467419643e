"""Mã số / số sổ bảo hiểm xã hội: 10 digits next to a social-insurance cue."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import SEP, ContextPatternRecognizer


class BhxhRecognizer(ContextPatternRecognizer):
    ENTITY = "BHXH"
    PATTERNS = [Pattern("bhxh_10_digits", rf"(?<![\d.,/])\d(?:{SEP}\d){{9}}(?![\d/])", 0.5)]
    CONTEXT = ("bhxh", "bao hiem xa hoi", "so so", "ma so bh", "ma bh")
    REQUIRES_CONTEXT = True
