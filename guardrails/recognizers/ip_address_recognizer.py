"""IPv4 addresses."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from guardrails.recognizers.base import ContextPatternRecognizer

_PRIVATE = re.compile(r"^(10\.|127\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|0\.|255\.)")
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"


class IpAddressRecognizer(ContextPatternRecognizer):
    ENTITY = "IP"
    PATTERNS = [Pattern("ipv4", rf"(?<![\d.]){_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}(?![\d.])", 0.6)]
    CONTEXT = ("ip", "dia chi may", "may tinh", "server", "may chu", "truy cap tu", "dang nhap tu")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # noqa: ANN001, ANN201
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            # Private and documentation addresses ("192.168.1.1 là gì?") identify nobody on their own.
            address = text[result.start : result.end]
            if address.startswith(("127.", "0.")):
                result.score = 0.1  # this machine or no machine: never anyone's address
            elif _PRIVATE.match(address) and result.score < 0.9:
                result.score = 0.4
        return results
