"""The embedded default answerer: a short answer composed of the passages' own sentences.

No model is involved, so nothing can be invented: the answer picks the sentences (and, for
procedures, the sections) that answer what the question asks for — the time limit for "bao lâu",
the fee for "bao nhiêu tiền", the dossier for "cần giấy tờ gì" — keeps their order, and marks
each with its source.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from coach.citations import CitationList
from coach.intents import Intent, detect_intents
from knowledge_base import KnowledgeIndex, SearchHit
from knowledge_base.text_normalize import lexical_terms

# Set on the answer set (README): fewer words dropped fact coverage below 0.85.
MAX_UNITS = 8
MAX_WORDS = 200
MAX_PASSAGES = 4
KEEP_RATIO = 0.4  # keep sentences scoring at least this share of the best one
# Question words that carry no topic: they must not make a sentence look relevant.
STOP_TERMS = set(
    lexical_terms(
        "thì sao là gì bao nhiêu bao lâu thế nào như thế nào có được không cho hỏi tôi em mình ạ nhé vậy còn "
        "cần những gì phải làm sao ở đâu ai khi nào của và với cho các những một"
    )
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ0-9])")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*]|\d+[.)])\s+")


@dataclass(frozen=True)
class Passage:
    chunk_id: str
    text: str
    metadata: dict[str, Any]
    rank: int


@dataclass(frozen=True)
class Unit:
    passage: Passage
    position: int
    text: str
    score: float


@dataclass
class ComposedAnswer:
    text: str
    citations: CitationList


def compose(question: str, hits: list[SearchHit], index: KnowledgeIndex | None = None) -> ComposedAnswer:
    """Compose an answer from ``hits`` (already judged relevant)."""
    intents = detect_intents(question)
    passages = _passages(hits, intents, index)
    units = _score_units(question, passages, intents)
    chosen = _select(units)
    citations = CitationList()
    lines: list[str] = []
    for passage_id in dict.fromkeys(u.passage.chunk_id for u in chosen):
        group = [u for u in chosen if u.passage.chunk_id == passage_id]
        passage = group[0].passage
        number = citations.number_for(passage.chunk_id, passage.text, passage.metadata)
        sentences = " ".join(_clean(u.text) for u in sorted(group, key=lambda u: u.position))
        lines.append(f"{sentences} [{number}]")
    return ComposedAnswer("\n".join(lines), citations)


def _passages(hits: list[SearchHit], intents: list[Intent], index: KnowledgeIndex | None) -> list[Passage]:
    passages = [Passage(h.chunk_id, h.text, h.metadata, rank) for rank, h in enumerate(hits)]
    top = hits[0] if hits else None
    if index is None or top is None or top.metadata.get("kind") != "procedure":
        return passages
    # The section that answers the intent, from the best document, even if it ranked lower.
    wanted = [section for intent in intents for section in intent.sections]
    extra = [
        Passage(cid, text, meta, 0)
        for cid, text, meta in index.chunks_of(top.doc_id)
        if meta.get("section") in wanted[:2] and cid not in {p.chunk_id for p in passages}
    ]
    return extra + passages


def split_units(body: str) -> list[str]:
    """Sentences and list items; a line ending in ":" keeps the list that follows it."""
    # Join lines wrapped inside a paragraph; keep list items and paragraphs apart.
    body = re.sub(r"(?<!\n)\n(?!\n|\s*(?:[-•*]|\d+[.)])\s)", " ", body)
    units: list[str] = []
    header: str | None = None
    items: list[str] = []
    for line in (raw.strip() for raw in body.split("\n")):
        is_item = bool(_LIST_ITEM.match(line))
        if header is not None and is_item and len(items) < 8:
            items.append(_LIST_ITEM.sub("", line).rstrip(" .;"))
            continue
        if header is not None:
            units.append(f"{header} {'; '.join(items)}" if items else header)
            header, items = None, []
        if not line:
            continue
        if line.endswith(":"):
            header = _LIST_ITEM.sub("", line)
            continue
        units.extend(part.strip(" -•*\t") for part in _SENTENCE_SPLIT.split(_LIST_ITEM.sub("", line)))
    if header is not None:
        units.append(f"{header} {'; '.join(items)}" if items else header)
    return [u for u in units if len(u.split()) >= 3 and not u.startswith("Còn gọi là:")]


def _score_units(question: str, passages: list[Passage], intents: list[Intent]) -> list[Unit]:
    query = [t for t in set(lexical_terms(question)) if t not in STOP_TERMS]
    sections = {s for intent in intents for s in intent.sections[:1]}
    units = []
    for passage in passages:
        body = passage.text.split("\n", 1)[1] if "\n" in passage.text else passage.text
        section_bonus = 1.5 if passage.metadata.get("section") in sections else 0.0
        for position, text in enumerate(split_units(body)):
            terms = set(lexical_terms(text))
            overlap = sum(2.0 if "_" in t else 1.0 for t in query if t in terms)
            folded = " ".join(t for t in terms if "_" not in t and not t.startswith("="))
            evidence = sum(1.0 for intent in intents if intent.evidence.search(folded))
            # A bare list header ("Các bước:") says little on its own.
            emptiness = 1.0 if text.endswith(":") else 0.0
            score = overlap / math.sqrt(len(terms) + 4) + 0.6 * evidence + section_bonus + 1.0 / (2 + passage.rank) - emptiness
            units.append(Unit(passage, position, text, score))
    return units


def _select(units: list[Unit]) -> list[Unit]:
    if not units:
        return []
    ranked = sorted(units, key=lambda u: -u.score)
    best = ranked[0].score
    chosen: list[Unit] = []
    words = 0
    for unit in ranked:
        passages = {u.passage.chunk_id for u in chosen}
        if unit.score < KEEP_RATIO * best or len(chosen) >= MAX_UNITS:
            break
        if unit.passage.chunk_id not in passages and len(passages) >= MAX_PASSAGES:
            continue
        size = len(unit.text.split())
        if chosen and words + size > MAX_WORDS:
            continue
        chosen.append(unit)
        words += size
    return chosen


def _clean(text: str) -> str:
    text = re.sub(r"\*\*|__", "", text).strip()
    return text if text.endswith((".", "!", "?", ":", ";")) else text + "."
