"""The answering pipeline: guard → rewrite follow-ups → hybrid retrieval → compose → check output."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Protocol

from coach import messages_vi
from coach.citations import Citation
from coach.coverage import CoveragePolicy
from coach.extractive_answerer import ComposedAnswer, compose
from coach.followup import rewrite
from coach.llm_answerer import UngroundedAnswer
from coach.procedure_card import ProcedureCatalog
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex, SearchHit, build_where, hybrid_search, validate_query


class Generator(Protocol):
    """An answerer that writes from the passages (the LLM path); may raise to fall back."""

    def generate(self, question: str, hits: list[SearchHit], draft: ComposedAnswer) -> ComposedAnswer: ...


@dataclass
class Answer:
    """What the user sees, and what the API and the evaluation read."""

    text: str
    citations: list[Citation] = field(default_factory=list)
    blocked: bool = False
    not_covered: bool = False
    guard_message: str | None = None
    redacted_question: str | None = None
    categories: list[str] = field(default_factory=list)
    search_query: str | None = None
    answerer: str = "extractive"
    notice: str | None = None


PASSAGE_CHECKS_KEPT = 4096


class Coach:
    """Answers officials' questions from the knowledge base, through the guardrail."""

    def __init__(
        self,
        index: KnowledgeIndex,
        guardrail: Guardrail,
        generator: Generator | None = None,
        coverage: CoveragePolicy | None = None,
        k: int = 6,
        catalog: ProcedureCatalog | None = None,
    ) -> None:
        self.index, self.guardrail, self.generator = index, guardrail, generator
        self.coverage = coverage or CoveragePolicy()
        self.catalog = catalog or ProcedureCatalog()
        self.k = k
        # Passage text -> it carries injected instructions. The same passages come back question after question;
        # checking each once per process saves about a third of a question's CPU. Bounded; a changed passage is a
        # new key.
        self._injected: OrderedDict[str, bool] = OrderedDict()
        self._injected_lock = threading.Lock()

    def answer(self, question: str, history: list[str] | None = None, context: dict[str, str] | None = None) -> Answer:
        """Answer ``question``; ``history`` holds the earlier (already allowed) questions."""
        text = validate_query(question)
        verdict = self.guardrail.check(text, context)
        if verdict.blocked:
            return Answer(
                text=verdict.message_vi,
                blocked=True,
                guard_message=verdict.message_vi,
                redacted_question=verdict.redacted_text,
                categories=verdict.categories,
                answerer="guardrail",
            )
        query = rewrite(text, history or [])
        hits = hybrid_search(self.index, query, self.k, build_where())
        if not self.coverage.covers(query, hits, self.index):
            return Answer(text=messages_vi.NOT_COVERED, not_covered=True, search_query=query, answerer="none")
        hits = self._safe_passages(hits)
        # A field of a portal procedure (its fee, dossier…) is read from the record's fields, not its run-on text.
        card = self.catalog.answer(query, hits, self.index)
        composed = card or compose(query, hits, self.index)
        answerer, notice = ("card" if card else "extractive"), None
        if self.generator is not None and card is None:
            try:
                composed = self.generator.generate(query, hits, composed)
                answerer = "llm"
            except UngroundedAnswer:
                notice = messages_vi.LLM_UNGROUNDED
            except Exception:  # noqa: BLE001 - time-outs, server errors: fall back to the grounded extract
                notice = messages_vi.LLM_FALLBACK
        checked = self.guardrail.check_output(composed.text, [h.text for h in hits])
        body = checked.redacted_text if checked.blocked else composed.text
        parts = [p for p in (notice, body, messages_vi.CHECK_REMINDER) if p]
        return Answer(
            text="\n".join(parts),
            citations=composed.citations.items,
            search_query=query,
            answerer=answerer,
            notice=notice,
        )

    def _safe_passages(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Retrieved passages with injected instructions are left out of what is composed."""
        return [h for h in hits if not self._carries_injection(h.text)]

    def _carries_injection(self, passage: str) -> bool:
        with self._injected_lock:
            known = self._injected.get(passage)
            if known is not None:
                self._injected.move_to_end(passage)
                return known
        injected = "prompt_injection" in self.guardrail.check_output(passage).categories
        with self._injected_lock:
            self._injected[passage] = injected
            if len(self._injected) > PASSAGE_CHECKS_KEPT:
                self._injected.popitem(last=False)
        return injected
