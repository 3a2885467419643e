"""Detectors to compare the guardrail with: Presidio out of the box and the vipii package.

Each is wrapped as ``text -> (blocked, categories)`` and runs offline: Presidio with its built-in
pattern recognizers only (its spaCy NER would need a model download) and tldextract's suffix list
taken from the snapshot bundled in the package; vipii with its pattern recognizers (no NER model).
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from guardrails import Guardrail

Detector = Callable[[str], tuple[bool, list[str]]]
THRESHOLD = 0.5


def ours(guardrail: Guardrail) -> Detector:
    def detect(text: str) -> tuple[bool, list[str]]:
        verdict = guardrail.check(text)
        return verdict.blocked, verdict.categories

    return detect


def presidio_out_of_the_box() -> Detector:
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    from guardrails.nlp_engine import PassThroughNlpEngine

    # No network: the bundled public suffix list snapshot only.
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract = SimpleNamespace(extract=offline)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    registry.remove_recognizer("SpacyRecognizer")
    engine = AnalyzerEngine(registry=registry, nlp_engine=PassThroughNlpEngine(("en",)), supported_languages=["en"])

    def detect(text: str) -> tuple[bool, list[str]]:
        results = [r for r in engine.analyze(text, language="en") if r.score >= THRESHOLD]
        return bool(results), sorted({"personal_data"} if results else set())

    return detect


def vipii_patterns() -> Detector:
    from vipii import PIIDetector

    detector = PIIDetector(ner_strategy="never")

    def detect(text: str) -> tuple[bool, list[str]]:
        matches = [m for m in detector.detect(text) if m.score >= THRESHOLD]
        return bool(matches), sorted({"personal_data"} if matches else set())

    return detect


BASELINES: dict[str, Callable[[], Detector]] = {"presidio": presidio_out_of_the_box, "vipii": vipii_patterns}
