"""E-mail addresses (no network: the top-level domain is not looked up)."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from guardrails.recognizers.base import ContextPatternRecognizer

# Addresses that show a format rather than reach anyone: reserved example domains (RFC 2606) and
# local parts that are the field's own name ("name@", "ten@", "hoten@", "xxx@", "abc@").
_EXAMPLE_DOMAIN = re.compile(r"@\s?(example|domain|email|yourdomain|tenmien|ten-mien|xxx+)\s?\.", re.IGNORECASE)
_PLACEHOLDER_LOCAL = re.compile(
    r"^(name|ten|hoten|ho\.?ten|tendangnhap|username|user|your\.?name|yourname|xxx+|abc|example|email|mail|test)\s?@",
    re.IGNORECASE,
)


class EmailAddressRecognizer(ContextPatternRecognizer):
    ENTITY = "EMAIL"
    PATTERNS = [
        Pattern(
            "email",
            r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}\s?@\s?[A-Za-z0-9-]{1,63}(?:\s?\.\s?[A-Za-z0-9-]{1,63}){0,4}\s?\.\s?[A-Za-z]{2,12}(?![\w])",
            0.85,
        )
    ]

    def checks_out(self, pattern_text: str) -> bool:
        return not (_EXAMPLE_DOMAIN.search(pattern_text) or _PLACEHOLDER_LOCAL.match(pattern_text))

    CONTEXT = ("email", "e-mail", "thu dien tu", "mail", "gmail")
    CONTEXT_BOOST = 0.1
    FAILED_CHECK_PENALTY = 0.6  # a placeholder stays below the policy's threshold even with a cue
