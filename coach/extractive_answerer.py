"""The embedded default answerer: a short answer composed of the passages' own sentences.

No model is involved, so nothing can be invented: the answer picks the sentences (and, for
procedures, the sections) that answer what the question asks for — the time limit for "bao lâu",
the fee for "bao nhiêu tiền", the dossier for "cần giấy tờ gì" — keeps their order, and marks
each with its source.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from coach.citations import CitationList
from coach.intents import Intent, detect_intents
from knowledge_base import KnowledgeIndex, SearchHit
from knowledge_base.chunking import INTRO_SECTION
from knowledge_base.text_normalize import lexical_terms

# Set on the answer set (README): fewer words dropped fact coverage below 0.85.
MAX_UNITS = 8
MAX_WORDS = 200
MAX_PASSAGES = 4
KEEP_RATIO = 0.4  # keep sentences scoring at least this share of the best one
SECTION_BONUS = 1.5  # a sentence of the section that answers what is asked (the fee's for "lệ phí bao nhiêu")
EVIDENCE_WEIGHT = 0.6  # per intent whose tell-tale words the sentence has (a number of days for "bao lâu")
# Question words that carry no topic: they must not make a sentence look relevant.
STOP_TERMS = set(
    lexical_terms(
        "thì sao là gì bao nhiêu bao lâu thế nào như thế nào có được không cho hỏi tôi em mình ạ nhé vậy còn "
        "cần những gì phải làm sao ở đâu ai khi nào của và với cho các những một"
    )
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ0-9])")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*]|\d+[.)])\s+")
LIST_MARK = "\u241e"  # joins a list header to its items inside one unit (a character no passage contains)
MAX_LIST_ITEMS = 8
MAX_ITEM_WORDS = 70  # a longer list item is split into its sentences like a paragraph
FOCUS_DEPTH = 3  # how far down the hits a procedure can be and still be the one a field question is about
DUPLICATE_OVERLAP = 0.7  # a sentence sharing this share of its words with a chosen one says the same thing


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


def compose(
    question: str, hits: list[SearchHit], index: KnowledgeIndex | None = None, asking: str | None = None
) -> ComposedAnswer:
    """Compose an answer from ``hits`` (already judged relevant): the best sentence first, one citation per source.

    ``asking`` is a follow-up's own words ("còn lệ phí thì sao?"): what it asks for wins over what the earlier
    question asked, whose words ``question`` still carries for the topic.
    """
    intents = detect_intents(asking) if asking else detect_intents(question)
    passages = _passages(hits, intents, index)
    units = _score_units(question, passages, intents)
    chosen = _select(units)
    citations = CitationList()
    lines: list[str] = []
    # Sources in the order of their best sentence; in the first, that sentence leads (the answer first), the rest
    # keep the documents' order.
    for doc_id in dict.fromkeys(_doc_of(u) for u in chosen):
        group = [u for u in chosen if _doc_of(u) == doc_id]
        lead, rest = (group[0], group[1:]) if not lines else (None, group)
        ordered = ([lead] if lead else []) + sorted(rest, key=lambda u: (u.passage.rank, u.passage.chunk_id, u.position))
        number = 0
        for unit in ordered:
            number = citations.number_for(unit.passage.chunk_id, unit.passage.text, unit.passage.metadata)
        lines.append(f"{_join(ordered)} [{number}]")
    return ComposedAnswer("\n".join(lines), citations)


def _doc_of(unit: Unit) -> str:
    return str(unit.passage.metadata.get("doc_id") or unit.passage.chunk_id)


def _join(units: list[Unit]) -> str:
    """Sentences run on in one paragraph; a list (a header and its items) stays a list."""
    out = ""
    for unit in units:
        header, _, items = unit.text.partition(LIST_MARK)
        if items:
            bullets = "\n".join(f"- {item}" for item in items.split(LIST_MARK))
            out += ("\n" if out else "") + f"{_clean(header)}\n{bullets}\n"
        else:
            out += ("" if not out or out.endswith("\n") else " ") + _clean(unit.text)
    return out.rstrip("\n")


def _passages(hits: list[SearchHit], intents: list[Intent], index: KnowledgeIndex | None) -> list[Passage]:
    passages = [Passage(h.chunk_id, h.text, h.metadata, rank) for rank, h in enumerate(hits)]
    # The procedure in focus: the best hit's, or one ranked just below a course page or guide that introduced it.
    focus = next((h for h in hits[:FOCUS_DEPTH] if h.metadata.get("kind") == "procedure"), None)
    if index is None or focus is None:
        return passages
    # The section that answers each intent, from that procedure's document, even if it ranked lower.
    wanted = {intent.sections[0] for intent in intents}
    seen = {p.chunk_id for p in passages}
    extra = [
        Passage(cid, text, meta, 0)
        for cid, text, meta in index.chunks_of(focus.doc_id)
        if meta.get("section") in wanted and cid not in seen
    ]
    return extra + passages


def split_units(body: str) -> list[str]:
    """Sentences and list items; a line ending in ":" keeps the list that follows it (items joined by LIST_MARK)."""
    # Join lines wrapped inside a paragraph; keep list items and paragraphs apart.
    body = re.sub(r"(?<!\n)\n(?!\n|\s*(?:[-•*]|\d+[.)])\s)", " ", body)
    units: list[str] = []
    header: str | None = None
    items: list[str] = []

    def close() -> None:
        units.append(header + LIST_MARK + LIST_MARK.join(items) if items else str(header))

    for line in (raw.strip() for raw in body.split("\n")):
        is_item = bool(_LIST_ITEM.match(line))
        if header is not None and is_item:
            if len(items) < MAX_LIST_ITEMS:
                items.append(_LIST_ITEM.sub("", line).rstrip(" .;"))
            continue
        if header is not None and not line and not items:  # the blank line between a header and its list
            continue
        if header is not None:
            close()
            header, items = None, []
        if not line:
            continue
        plain = re.sub(r"\*\*|__", "", line).strip()
        if plain.endswith(":"):
            header = _LIST_ITEM.sub("", plain)
            continue
        if _LIST_ITEM.match(line) and len(line.split()) <= MAX_ITEM_WORDS:  # an item is one point, said whole
            units.append(re.sub(r"\*\*|__", "", _LIST_ITEM.sub("", line)).strip())
            continue
        units.extend(part.strip(" -•*\t") for part in _SENTENCE_SPLIT.split(_LIST_ITEM.sub("", line)))
    if header is not None:
        close()
    return [u for u in units if len(u.split()) >= 3 and not u.startswith("Còn gọi là:") and not u.endswith(":")]


def _score_units(question: str, passages: list[Passage], intents: list[Intent]) -> list[Unit]:
    query = [t for t in set(lexical_terms(question)) if t not in STOP_TERMS]
    sections = {s for intent in intents for s in intent.sections[:1]}
    found: list[tuple[Passage, int, str, list[set[str]]]] = []
    for passage in passages:
        body = passage.text.split("\n", 1)[1] if "\n" in passage.text else passage.text
        if passage.metadata.get("section") == INTRO_SECTION and passage.metadata.get("chunk_index") == 0:
            # The document's summary describes it ("thủ tục…: giấy tờ cần mang, phí…"): it answers nothing.
            body = body.split("\n\n", 1)[1] if "\n\n" in body else ""
        for position, text in enumerate(split_units(body)):
            header, _, items = text.partition(LIST_MARK)
            # A list is read as "header: item" pairs, each like a sentence: neither the header alone (short, it would
            # match everything) nor the whole list (long, its match would be diluted).
            readings = [f"{header} {item}" for item in items.split(LIST_MARK)] if items else [text]
            found.append((passage, position, text, [set(lexical_terms(r)) for r in readings]))
    # A question word found in nearly every candidate (the procedure's name, in all its sentences) tells them apart
    # less than one found in a few: weight each by its rarity among the candidates.
    frequency = Counter(t for *_, readings in found for t in set().union(*readings) if t in query)
    weight = {t: math.log((len(found) + 1) / (frequency[t] + 0.5)) for t in query}
    units = []
    for passage, position, text, readings in found:
        section_bonus = SECTION_BONUS if passage.metadata.get("section") in sections else 0.0
        score = max(_sentence_score(terms, weight, intents) for terms in readings)
        units.append(Unit(passage, position, text, score + section_bonus + 1.0 / (2 + passage.rank)))
    return units


def _sentence_score(terms: set[str], weight: dict[str, float], intents: list[Intent]) -> float:
    """How well one sentence matches the question's words (pairs count double, rare ones more) and its intents."""
    overlap = sum((2.0 if "_" in t else 1.0) * w for t, w in weight.items() if t in terms)
    folded = " ".join(t for t in terms if "_" not in t and not t.startswith("="))
    evidence = sum(1.0 for intent in intents if intent.evidence.search(folded))
    return overlap / math.sqrt(len(terms) + 4) + EVIDENCE_WEIGHT * evidence


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
        if any(_same_point(unit.text, other.text) for other in chosen):  # the curated text and a portal record
            continue
        chosen.append(unit)
        words += size
    return chosen


def _same_point(a: str, b: str) -> bool:
    """Two sentences that share most of their words (the shorter one's) say the same thing."""
    terms_a, terms_b = set(lexical_terms(a)), set(lexical_terms(b))
    smaller = min(len(terms_a), len(terms_b))
    return smaller > 0 and len(terms_a & terms_b) / smaller >= DUPLICATE_OVERLAP


def _clean(text: str) -> str:
    text = re.sub(r"\*\*|__", "", text).strip()
    return text if text.endswith((".", "!", "?", ":", ";")) else text + "."
