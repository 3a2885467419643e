"""Keyed hashes and random secrets for codes, tokens, keys and phone numbers."""

from __future__ import annotations

import hashlib
import hmac
import secrets


class Hasher:
    """HMAC-SHA256 under the service's secret key: a stolen database alone cannot reverse
    six-digit codes or phone numbers by trying every value."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def __call__(self, purpose: str, value: str) -> str:
        # The purpose keeps equal values of different kinds (a code, a phone) apart.
        return hmac.new(self._key, f"{purpose}\x00{value}".encode(), hashlib.sha256).hexdigest()

    def matches(self, purpose: str, value: str, digest: str) -> bool:
        return hmac.compare_digest(self(purpose, value), digest)


def random_code(digits: int = 6) -> str:
    return f"{secrets.randbelow(10**digits):0{digits}d}"


def random_token() -> str:
    return secrets.token_urlsafe(32)
