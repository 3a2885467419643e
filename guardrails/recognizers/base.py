"""Shared behaviour of our recognizers: Vietnamese context words read on the folded text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.normalizer import fold

# Separators people put inside numbers: spaces, line breaks, dots, dashes (not "/" of dates and laws).
SEP = r"[ \t\r\n.\-–—_]{0,3}"


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text)


def trivial_digits(text: str) -> bool:
    """A run nobody is issued: one digit repeated or counted up or down ("12345678", "000000"), or a
    real prefix filled with zeros ("0900 000 000", "001099000000": a serial of six zeros)."""
    digits = [int(d) for d in digits_only(text)]
    if len(digits) < 4 or len(digits) < 0.8 * sum(ch.isalnum() for ch in text):
        return False
    zeros = len(digits) - next((i for i in range(len(digits) - 1, -1, -1) if digits[i] != 0), -1) - 1
    if zeros >= 6:
        return True
    steps = {b - a for a, b in zip(digits, digits[1:])}
    return len(steps) == 1 and steps <= {-1, 0, 1}


# A value its writer marks as not real: "001099000000 (fake)", "0912… (số giả)", "[dummy]".
_DECLARED_FAKE = re.compile(
    r"[ \t]*[(\[][ \t]*(fake|dummy|sample|example|placeholder|test|so gia|gia|mau|vi du|khong that|not real)[ \t]*[)\]]"
)


def declared_fake(text: str, end: int) -> bool:
    """Whether the value ending at ``end`` is followed by a bracketed note that it is not real."""
    return bool(_DECLARED_FAKE.match(folded(text), end))


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
# Tokens that mix letters with digits or symbols (only they can be leetspeak).
_MIXED_TOKEN = re.compile(r"(?<![a-z0-9@$!])(?=[a-z0-9@$!]*[a-z])(?=[a-z0-9@$!]*[0-9@$!])[a-z0-9@$!]+")


def _deleet(match: re.Match[str]) -> str:
    token = match.group(0)
    # Only words that mix letters with digits or symbols: "1gn0r3", "p@ss", "M47"; not "0912345678" or "A4".
    if len(token) >= 3 and any(ch.isalpha() for ch in token) and any(ch in "0134577@$!" for ch in token):
        return token.translate(_LEET)
    return token


@lru_cache(maxsize=16)
def folded(text: str) -> str:
    """Lower case, no diacritics, leetspeak undone; same length as ``text``. Cached per message."""
    return _MIXED_TOKEN.sub(_deleet, fold(text))


def has_cue(text: str, start: int, end: int, cues: tuple[str, ...], before: int = 60, after: int = 20) -> bool:
    """Whether any folded ``cues`` occur in the window around ``[start, end)``."""
    window = folded(text)[max(0, start - before) : start] + " " + folded(text)[end : end + after]
    return any(cue in window for cue in cues)


def make_result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    """A result named after ``recognizer``, marked as already weighed for context."""
    return RecognizerResult(
        entity,
        start,
        end,
        score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
        },
    )


class ContextPatternRecognizer(PatternRecognizer):
    """A pattern recognizer whose context words are matched on the folded text around a match.

    A check (``checks_out``: a check digit, a known prefix) is a score, not a gate: a value that
    fails it loses ``FAILED_CHECK_PENALTY``, so it still counts after a clear cue ("mã số thuế
    của tôi 0101234568" is someone's, mistyped) and not alone. With ``REQUIRES_CONTEXT`` a match
    without a context word is dropped.
    """

    ENTITY: ClassVar[str]
    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    CONTEXT_BOOST: ClassVar[float] = 0.35
    REQUIRES_CONTEXT: ClassVar[bool] = False
    WINDOW_BEFORE: ClassVar[int] = 60
    WINDOW_AFTER: ClassVar[int] = 20
    FAILED_CHECK_PENALTY: ClassVar[float] = 0.35

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=self.PATTERNS,
            context=list(self.CONTEXT),
            supported_language="vi",
            name=type(self).__name__,
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags: int | None = None
    ) -> list[RecognizerResult]:
        results = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            context = bool(self.CONTEXT) and has_cue(
                text, result.start, result.end, self.CONTEXT, self.WINDOW_BEFORE, self.WINDOW_AFTER
            )
            if self.REQUIRES_CONTEXT and not context:
                continue
            if trivial_digits(text[result.start : result.end]) or declared_fake(text, result.end):
                result.score = 0.05  # an example in a lesson or a form, not anyone's number
            elif not self.checks_out(text[result.start : result.end]):
                result.score = max(0.05, result.score - self.FAILED_CHECK_PENALTY)
            if context:
                result.score = min(1.0, result.score + self.CONTEXT_BOOST)
            # Context is already weighed: keep Presidio's lemma-based enhancer away from it.
            result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
            results.append(result)
        return results

    def checks_out(self, pattern_text: str) -> bool:
        """Whether the value passes its format's own check; subclasses with a check override it."""
        return True

    def validate_result(self, pattern_text: str) -> bool | None:
        # Never Presidio's gate: it would drop a failed value, or lift a valid one to 1.0 before context.
        return None
