"""E-mail addresses (no network: the top-level domain is not looked up)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import ContextPatternRecognizer


class EmailAddressRecognizer(ContextPatternRecognizer):
    ENTITY = "EMAIL"
    PATTERNS = [
        Pattern(
            "email",
            r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}\s?@\s?[A-Za-z0-9-]{1,63}(?:\s?\.\s?[A-Za-z0-9-]{1,63}){0,4}\s?\.\s?[A-Za-z]{2,12}(?![\w])",
            0.85,
        )
    ]
    CONTEXT = ("email", "e-mail", "thu dien tu", "mail", "gmail")
    CONTEXT_BOOST = 0.1
