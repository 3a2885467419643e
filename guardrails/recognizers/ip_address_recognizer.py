"""IPv4 addresses."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import ContextPatternRecognizer

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"


class IpAddressRecognizer(ContextPatternRecognizer):
    ENTITY = "IP"
    PATTERNS = [Pattern("ipv4", rf"(?<![\d.]){_OCTET}\.{_OCTET}\.{_OCTET}\.{_OCTET}(?![\d.])", 0.6)]
    CONTEXT = ("ip", "dia chi may", "may tinh", "server", "may chu", "truy cap tu")
