"""Recognizers driven by phrase lists matched on the folded text (no diacritics, lower case)."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import folded, make_result


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for folded ``phrases``; each may itself be a regex; matched on word boundaries."""
    # A space in a phrase matches any white space or an underscore: a line break can fall inside
    # "ung\nthư", and file names join words with "_" ("ignore_all_rules").
    alternatives = "|".join(sorted(phrases, key=len, reverse=True)).replace(" ", r"[\s_]")
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


class KeywordRecognizer(EntityRecognizer):
    """Scores phrase matches; subclasses map phrases to entity types and adjust with :meth:`score`."""

    PHRASES: ClassVar[dict[str, tuple[str, ...]]]  # entity type -> folded phrases (regex allowed)
    BASE_SCORE: ClassVar[float] = 0.6

    def __init__(self) -> None:
        self._patterns = {entity: phrase_pattern(phrases) for entity, phrases in self.PHRASES.items() if phrases}
        super().__init__(supported_entities=list(self.PHRASES), supported_language="vi", name=type(self).__name__)

    def load(self) -> None:
        pass

    def score(self, text: str, entity: str, start: int, end: int) -> float:
        """The score of one match; subclasses look at the surroundings."""
        return self.BASE_SCORE

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        view = folded(text)
        results = []
        for entity, pattern in self._patterns.items():
            for match in pattern.finditer(view):
                score = self.score(text, entity, match.start(), match.end())
                if score <= 0:
                    continue
                results.append(make_result(self, entity, match.start(), match.end(), score))
        return results
