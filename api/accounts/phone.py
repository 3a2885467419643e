"""Vietnamese mobile numbers: normalise what people type, mask what admins see."""

from __future__ import annotations

import re

# Mobile prefixes after the 2018 renumbering: 03x, 05x, 07x, 08x, 09x (10 digits in all).
_MOBILE = re.compile(r"0[35789]\d{8}")


class PhoneError(ValueError):
    """Not a Vietnamese mobile number."""


def normalize_phone(raw: str) -> str:
    """``+84 912.345.678``, ``84912345678`` or ``0912 345 678`` -> ``0912345678``."""
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not _MOBILE.fullmatch(digits):
        raise PhoneError(raw)
    return digits


def mask_phone(phone: str) -> str:
    """Only the first three and the last three digits stay visible: ``091****678``."""
    return phone[:3] + "*" * (len(phone) - 6) + phone[-3:]
