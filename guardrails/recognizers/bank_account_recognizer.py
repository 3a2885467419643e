"""Bank account numbers: 8–15 digits, only next to a bank name or an account cue."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import SEP, ContextPatternRecognizer

BANKS = (
    "vietcombank", "vcb", "bidv", "agribank", "vietinbank", "techcombank", "tcb", "mb bank", "mbbank", "acb", "vpbank",
    "sacombank", "tpbank", "hdbank", "vib", "shb", "ocb", "msb", "seabank", "eximbank", "lienvietpostbank", "lpbank",
    "nam a bank", "bac a bank", "abbank", "ngan hang", "kho bac",
)  # fmt: skip


class BankAccountRecognizer(ContextPatternRecognizer):
    ENTITY = "BANK_ACCOUNT"
    PATTERNS = [Pattern("account_digits", rf"(?<![\d.,/])\d(?:{SEP}\d){{7,14}}(?![\d/])", 0.5)]
    CONTEXT = ("stk", "so tai khoan", "so tk", "tai khoan", "tk:", "chuyen khoan", "ck ", "account", *BANKS)
    REQUIRES_CONTEXT = True
