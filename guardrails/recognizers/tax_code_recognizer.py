"""Mã số thuế: 10 digits with a check digit, or 10 + "-" + 3 digits for a dependent unit."""

from __future__ import annotations

from presidio_analyzer import Pattern
from vn_ident import is_valid_mst

from guardrails.recognizers.base import SEP, ContextPatternRecognizer, digits_only


class TaxCodeRecognizer(ContextPatternRecognizer):
    ENTITY = "TAX_CODE"
    PATTERNS = [Pattern("mst", rf"(?<![\d.,/])\d(?:{SEP}\d){{9}}(?:{SEP}-?{SEP}\d{{3}})?(?![\d/])", 0.4)]
    CONTEXT = ("mst", "ma so thue", "ma thue", "tax code", "ma so doanh nghiep")
    CONTEXT_BOOST = 0.5

    def checks_out(self, pattern_text: str) -> bool:
        return bool(is_valid_mst(digits_only(pattern_text)[:10]))
