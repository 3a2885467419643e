"""Payment card numbers: 13–19 digits (international brands and NAPAS 9704…); the Luhn check adds confidence."""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import SEP, ContextPatternRecognizer, digits_only


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


class CardRecognizer(ContextPatternRecognizer):
    ENTITY = "CARD"
    PATTERNS = [Pattern("card_digits", rf"(?<![\d.,/])[2-69](?:{SEP}\d){{12,18}}(?![\d/])", 0.6)]
    CONTEXT = ("the", "visa", "master", "atm", "jcb", "napas", "card", "so the", "the tin dung")

    def checks_out(self, pattern_text: str) -> bool:
        return bool(luhn_valid(digits_only(pattern_text)))
