"""Chứng minh nhân dân (old, 9 digits): too common a shape to trust without a context word."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import SEP, ContextPatternRecognizer


class CmndRecognizer(ContextPatternRecognizer):
    ENTITY = "CMND"
    PATTERNS = [Pattern("cmnd_9_digits", rf"(?<![\d.,/])\d(?:{SEP}\d){{8}}(?![\d/])", 0.5)]
    CONTEXT = ("cmnd", "cmt", "chung minh", "so cm ", "can cuoc", "cccd")
    REQUIRES_CONTEXT = True
