"""Căn cước công dân: 12 digits = province code, century/gender digit, birth year, 6 digits."""

from __future__ import annotations

import datetime as dt

from presidio_analyzer import Pattern
from vn_ident import century_of, is_province_code

from guardrails.recognizers.base import SEP, ContextPatternRecognizer, digits_only


class CccdRecognizer(ContextPatternRecognizer):
    ENTITY = "CCCD"
    PATTERNS = [
        Pattern("cccd_12_digits", rf"(?<![\d.,/])\d(?:{SEP}\d){{11}}(?![\d/])", 0.65),
        # A digit dropped or doubled: only a clear cue makes it someone's number (0.3 + 0.35).
        Pattern("cccd_mistyped_length", rf"(?<![\d.,/])\d(?:{SEP}\d){{10}}(?:(?:{SEP}\d){{2}})?(?![\d/])", 0.3),
    ]
    CONTEXT = ("cccd", "can cuoc", "cmnd", "cmt", "chung minh", "dinh danh", "so ddcn", "id card")

    def checks_out(self, pattern_text: str) -> bool:
        digits = digits_only(pattern_text)
        if len(digits) != 12:
            return True  # the mistyped-length pattern is weak already
        century = century_of(digits[3])
        if len(digits) != 12 or not is_province_code(digits[:3]) or century is None:
            return False
        born = (century - 1) * 100 + int(digits[4:6])  # century_of gives the century number (20 → 1900s)
        return bool(1900 <= born <= dt.date.today().year)
