"""A Presidio NLP engine that needs no model.

Presidio's default engine loads a spaCy model, which would be downloaded. Our recognizers read
the text themselves (patterns, lexicons, context on the folded text), so the engine only has to
satisfy Presidio's interface: no tokens, no entities, nothing to load. This also keeps the cold
start short (no pyvi/spaCy pipeline to build).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine


class PassThroughNlpEngine(NlpEngine):
    """Returns empty NLP artifacts for Vietnamese text."""

    def __init__(self, languages: tuple[str, ...] = ("vi",)) -> None:
        self._languages = list(languages)

    def load(self) -> None:
        pass

    def is_loaded(self) -> bool:
        return True

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return NlpArtifacts(entities=[], tokens=[], tokens_indices=[], lemmas=[], nlp_engine=self, language=language)

    def process_batch(self, texts: Iterable[str], language: str, batch_size: int = 1, n_process: int = 1, **kwargs) -> Iterator:
        for text in texts:
            yield text, self.process_text(text, language)

    def is_stopword(self, word: str, language: str) -> bool:
        return False

    def is_punct(self, word: str, language: str) -> bool:
        return not any(ch.isalnum() for ch in word)

    def get_supported_entities(self) -> list[str]:
        return []

    def get_supported_languages(self) -> list[str]:
        return self._languages
