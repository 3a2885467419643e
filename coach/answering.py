"""The answering pipeline: guard → rewrite follow-ups → hybrid retrieval → compose → check output."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Protocol

from coach import messages_vi
from coach.citations import Citation, CitationList
from coach.coverage import CoveragePolicy
from coach.extractive_answerer import ComposedAnswer, compose
from coach.followup import follow_up_asks, rewrite, subject_terms
from coach.llm_answerer import UngroundedAnswer
from coach.misuse import MisuseDetector
from coach.procedure_card import FIELD_NAMES_VI, FIELD_SECTIONS, ProcedureCatalog, asked_fields, mentions_field
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex, SearchHit, build_where, search_with_fallback, validate_query


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
RULES_DOCUMENT = "cong-van-557-su-dung-ai"  # what a refusal of an illegal request cites
PROCEDURE_CODE = re.compile(r"(?<![\d.])(\d\.\d{6})(?![\d.])")  # the national procedure code: 1.001193


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
        misuse: MisuseDetector | None = None,
    ) -> None:
        self.index, self.guardrail, self.generator, self.misuse = index, guardrail, generator, misuse
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
        result = self._answer(question, history, context)
        if result.citations:
            names = self.index.snapshot().legal_names
            for citation in result.citations:
                citation.legal_names = [names.label(number) for number in citation.legal_basis]
        return result

    def _answer(self, question: str, history: list[str] | None, context: dict[str, str] | None) -> Answer:
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
        if self.misuse is not None and self.misuse.is_misuse(text):  # hacking, fraud, forgery, deep-fakes
            return self._refuse_misuse()
        if not any(ch.isalnum() for ch in text):  # only punctuation or emoji: nothing to search for
            return Answer(text=messages_vi.NO_WORDS, not_covered=True, answerer="none")
        if not history and not subject_terms(text) and not PROCEDURE_CODE.search(text):  # "còn lệ phí thì sao?", alone
            return Answer(text=messages_vi.NEEDS_SUBJECT, not_covered=True, answerer="none")
        query = rewrite(text, history or [])
        asking = follow_up_asks(text, query)  # a follow-up's own words say what it asks for
        # "còn lệ phí thì sao?" asks about the conversation's topic: search with the topic alone, so that the aspect
        # word does not pull in another document that has a fee; the field is then looked for in the topic's documents.
        topic = query.removesuffix(f" — {text.strip()}") if asking and not subject_terms(asking) else query
        pinned = self._pinned_by_code(query)
        if pinned:  # the question gives a procedure code: that procedure answers, whatever the wording
            hits, degraded = pinned, False
        else:
            hits, degraded = search_with_fallback(self.index, topic, self.k, build_where())
            covered = self.coverage.covers_lexically(topic, hits) if degraded else self.coverage.covers(topic, hits, self.index)
            if not covered:
                return Answer(text=messages_vi.NOT_COVERED, not_covered=True, search_query=query, answerer="none")
        hits = self._safe_passages(hits)
        if pinned and not asked_fields(query) and len(query.split()) <= 3:  # a bare code: name the procedure
            title = str(pinned[0].metadata.get("title", ""))
            code = str(pinned[0].metadata.get("procedure_code", ""))
            citations = CitationList()
            number = citations.number_for(pinned[0].chunk_id, pinned[0].text, pinned[0].metadata)
            text_out = f"{messages_vi.PROCEDURE_BY_CODE.format(code=code, title=title)} [{number}]"
            return Answer(text=text_out, citations=citations.items, search_query=query, answerer="card")
        # A field of a portal procedure (its fee, dossier…) is read from the record's fields, not its run-on text.
        card = self.catalog.answer(query, hits, self.index, asking)
        composed = card or compose(query, hits, self.index, asking)
        answerer, notice = ("card" if card else "extractive"), (messages_vi.LEXICAL_ONLY if degraded else None)
        absent = None if card else self._field_not_in_topic(asking or query, hits, composed)
        if absent is not None:
            return Answer(text=absent.text, citations=absent.citations.items, search_query=query, answerer="extractive")
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
        # The reminder to check against the sources once per conversation: repeated under every answer, it is skimmed.
        reminder = None if history else messages_vi.CHECK_REMINDER
        parts = [p for p in (notice, body, reminder) if p]
        return Answer(
            text="\n".join(parts),
            citations=composed.citations.items,
            search_query=query,
            answerer=answerer,
            notice=notice,
        )

    def _refuse_misuse(self) -> Answer:
        """A short refusal citing Công văn 557 (its general principles), and what the coach can help with instead."""
        citations = CitationList()
        chunks = self.index.chunks_of(RULES_DOCUMENT)
        principles = [c for c in chunks if c[2].get("section", "").startswith("Nguyên tắc chung")] or chunks[:1]
        text = messages_vi.MISUSE_REFUSAL
        if principles:
            chunk_id, passage, metadata = principles[0]
            text += f" [{citations.number_for(chunk_id, passage, metadata)}]"
        return Answer(text=text, citations=citations.items, not_covered=True, answerer="refusal")

    def _field_not_in_topic(self, asking: str, hits: list[SearchHit], composed: ComposedAnswer) -> ComposedAnswer | None:
        """When a question asks a field (a fee, a time limit…) of a topic that is no procedure (the course, a guide)
        and nothing retrieved states it, say so plainly instead of quoting the topic's other sentences."""
        fields = asked_fields(asking)
        top = hits[0] if hits else None
        if not fields or top is None or top.metadata.get("kind") == "procedure":
            return None
        if any(mentions_field(field, composed.text) for field in fields):
            return None
        citations = CitationList()
        number = citations.number_for(top.chunk_id, top.text, top.metadata)
        named = " và ".join(FIELD_NAMES_VI[field] for field in fields)
        title = str(top.metadata.get("title", ""))
        return ComposedAnswer(f"{messages_vi.FIELD_NOT_IN_TOPIC.format(field=named, title=title)} [{number}]", citations)

    def _pinned_by_code(self, question: str) -> list[SearchHit]:
        """The passages of the procedure whose code the question gives (the curated document first), if any."""
        for code in PROCEDURE_CODE.findall(question):
            doc_id = self.index.snapshot().by_procedure_code.get(code)
            if doc_id:
                chunks = self.index.chunks_of(doc_id)
                wanted = {s for field in asked_fields(question) for s in (FIELD_SECTIONS[field],)}
                chunks.sort(key=lambda c: c[2].get("section") not in wanted)  # the asked section first
                return [SearchHit(cid, text, meta, 1.0, 1.0, 0.0) for cid, text, meta in chunks[: self.k]]
        return []

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
