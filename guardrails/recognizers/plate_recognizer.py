"""Vehicle licence plates: 29A-123.45, 51F-678.90, 30E-12345, 29-B1 123.45."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import ContextPatternRecognizer


class PlateRecognizer(ContextPatternRecognizer):
    ENTITY = "PLATE"
    PATTERNS = [
        Pattern("car", r"(?<![\w/])[1-9]\d\s?[A-Z]{1,2}\d?\s?[-.\s]\s?\d{3}\.?\d{2}(?![\d/])", 0.6),
        Pattern("motorbike", r"(?<![\w/])[1-9]\d\s?-?\s?[A-Z]\d\s?[-.\s]?\s?\d{3}\.?\d{2}(?![\d/])", 0.6),
        # Digits typed one by one with spaces ("8 9-T4 4 3 8 8 1"): counted beside a plate cue only, see below.
        Pattern("spaced", r"(?<![\w/])[1-9] \d\s?-?\s?[A-Z]{1,2}\s?\d?\s?[-.\s]\s?\d \d \d\s?\.?\s?\d \d(?![\d/])", 0.2),
    ]
    CONTEXT = ("bien so", "bks", "bien kiem soat", "xe may", "o to", "xe oto", "plate")
