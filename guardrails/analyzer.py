"""Presidio's AnalyzerEngine with our Vietnamese recognizers and no model to download."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry

from guardrails.nlp_engine import PassThroughNlpEngine
from guardrails.recognizers import default_recognizers


def build_analyzer(recognizers: list[EntityRecognizer] | None = None) -> AnalyzerEngine:
    """An analyzer for language ``vi`` holding ``recognizers`` (all of ours by default)."""
    registry = RecognizerRegistry(supported_languages=["vi"])
    for recognizer in recognizers if recognizers is not None else default_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(nlp_engine=PassThroughNlpEngine(), registry=registry, supported_languages=["vi"])
