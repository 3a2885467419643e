"""Vietnamese phone numbers: mobile prefixes of real carriers and 02x landlines, 0/84/+84 forms."""

from __future__ import annotations

from presidio_analyzer import Pattern
from vn_ident import carrier_of_prefix

from guardrails.recognizers.base import SEP, ContextPatternRecognizer, digits_only

# Landline area codes are 02 + two digits (0203–0299); eight subscriber digits follow.
_LANDLINE_AREAS = {f"02{n:02d}" for n in range(3, 100)}


class VietnamPhoneRecognizer(ContextPatternRecognizer):
    ENTITY = "PHONE"
    PATTERNS = [
        Pattern("mobile", rf"(?<![\d+])(?:\+{SEP}84|84|0)(?:{SEP}\d){{9}}(?![\d/])", 0.7),
        Pattern("landline", rf"(?<![\d+])(?:\+{SEP}84{SEP}2|842|02)(?:{SEP}\d){{9}}(?![\d/])", 0.6),
    ]
    CONTEXT = ("sdt", "so dien thoai", "dien thoai", "dt:", "lien he", "goi", "zalo", "phone", "tel", "hotline ca nhan")

    def checks_out(self, pattern_text: str) -> bool:
        digits = digits_only(pattern_text)
        if digits.startswith("84"):
            digits = "0" + digits[2:]
        if len(digits) == 10:
            return carrier_of_prefix(digits[:3]) is not None
        return len(digits) == 11 and digits[:4] in _LANDLINE_AREAS
