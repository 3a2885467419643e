"""Presidio's AnalyzerEngine with our Vietnamese recognizers and no model to download."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

from guardrails.nlp_engine import PassThroughNlpEngine
from guardrails.recognizers import default_recognizers


class NoContextEnhancer(ContextAwareEnhancer):
    """Our recognizers weigh Vietnamese context themselves; Presidio's lemma enhancer only costs time."""

    def __init__(self) -> None:
        super().__init__(
            context_similarity_factor=0.0, min_score_with_context_similarity=0.0, context_prefix_count=0, context_suffix_count=0
        )

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None) -> list[RecognizerResult]:  # noqa: ANN001
        return raw_results


def build_analyzer(recognizers: list[EntityRecognizer] | None = None) -> AnalyzerEngine:
    """An analyzer for language ``vi`` holding ``recognizers`` (all of ours by default)."""
    registry = RecognizerRegistry(supported_languages=["vi"])
    for recognizer in recognizers if recognizers is not None else default_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        nlp_engine=PassThroughNlpEngine(),
        registry=registry,
        supported_languages=["vi"],
        context_aware_enhancer=NoContextEnhancer(),
    )
