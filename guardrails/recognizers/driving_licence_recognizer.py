"""Giấy phép lái xe: 12 digits next to a driving-licence cue."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import SEP, ContextPatternRecognizer


class DrivingLicenceRecognizer(ContextPatternRecognizer):
    ENTITY = "DRIVING_LICENCE"
    PATTERNS = [Pattern("gplx_12_digits", rf"(?<![\d.,/])\d(?:{SEP}\d){{11}}(?![\d/])", 0.55)]
    CONTEXT = ("gplx", "giay phep lai xe", "bang lai", "driving licence", "driver license")
    REQUIRES_CONTEXT = True
