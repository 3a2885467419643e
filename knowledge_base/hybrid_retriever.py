"""Hybrid retrieval: dense (Chroma, cosine) and BM25 fused by reciprocal rank fusion."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from knowledge_base import messages_vi
from knowledge_base.knowledge_index import FILTER_KEYS, KnowledgeIndex, LexicalSnapshot
from knowledge_base.text_normalize import fold_diacritics, words

MAX_QUERY_CHARS = 2000
RRF_K = 60
CANDIDATES = 40
# A portal record of a procedure that a curated document covers keeps half its fused score: it stays
# findable (its structured fields) but the curated write-up answers first.
COVERED_WEIGHT = 0.5
# Any other imported passage (not reviewed and rewritten for officials) weighs this much against a curated one.
# Chosen on the default index (curated + 588 portal records) as the best mean MRR@10 of retrieval_vi.jsonl (gold:
# curated documents) and the 588 questions eval.portal_benchmark phrases from the records (gold: the record or the
# curated document of its code), over 1.0 to 0.6: 0.925 and 0.944 at 0.9 against 0.901 and 0.949 at 1.0.
IMPORTED_WEIGHT = 0.9
# Filters that at least this share of chunks pass are applied after an unfiltered vector search.
POST_FILTER_SHARE = 0.3


log = logging.getLogger(__name__)


class QueryError(ValueError):
    """A query that cannot be searched; ``message_vi`` is safe to show to the user."""

    def __init__(self, code: str, message_vi: str) -> None:
        super().__init__(message_vi)
        self.code, self.message_vi = code, message_vi


@dataclass(frozen=True)
class SearchHit:
    """One retrieved chunk with the evidence behind its rank."""

    chunk_id: str
    text: str
    metadata: dict[str, Any]
    score: float
    dense_similarity: float
    bm25_score: float

    @property
    def doc_id(self) -> str:
        return str(self.metadata.get("doc_id", ""))


def validate_query(query: str) -> str:
    """Strip ``query`` and reject empty or oversized input with a Vietnamese message."""
    text = (query or "").strip()
    if not text:
        raise QueryError("empty_query", messages_vi.EMPTY_QUERY)
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError("query_too_long", messages_vi.QUERY_TOO_LONG.format(length=len(text), limit=MAX_QUERY_CHARS))
    return text


def build_where(kind: str | None = None, topic: str | None = None, include_superseded: bool = False) -> dict[str, str]:
    """Metadata equality filters; superseded documents are dropped unless asked for."""
    where = {"kind": kind, "topic": topic, "status": None if include_superseded else "in_force"}
    return {k: v for k, v in where.items() if v}


class IndexUnavailable(RuntimeError):
    """The index cannot be read at all (its store down before anything was loaded): nothing to search."""


def search_with_fallback(
    index: KnowledgeIndex, query: str, k: int = 5, where: dict[str, str] | None = None
) -> tuple[list[SearchHit], bool]:
    """Hybrid search; when the vector store fails (Chroma's server down, its files unreadable), BM25 alone over the
    passages already in memory, with ``True`` for "degraded". Raises :class:`IndexUnavailable` when not even those are
    there."""
    try:
        return hybrid_search(index, query, k, where), False
    except QueryError:
        raise
    except Exception as error:  # noqa: BLE001 - whatever the store's client raises: answer from what is in memory
        log.warning("dense search failed (%s): answering from BM25 alone", type(error).__name__)
    try:
        return hybrid_search(index, query, k, where, mode="bm25"), True
    except QueryError:
        raise
    except Exception as error:  # noqa: BLE001
        raise IndexUnavailable(str(error)) from error


def hybrid_search(
    index: KnowledgeIndex,
    query: str,
    k: int = 5,
    where: dict[str, str] | None = None,
    mode: str = "hybrid",
    candidates: int = CANDIDATES,
) -> list[SearchHit]:
    """Top ``k`` chunks for ``query``; ``mode`` is ``hybrid``, ``dense`` or ``bm25``."""
    text = validate_query(query)
    where = where or {}
    for key in where:
        if key not in FILTER_KEYS:
            raise QueryError("bad_filter", messages_vi.BAD_FILTER.format(name=key, value=where[key]))
    snapshot = index.snapshot()
    if not snapshot.ids:
        return []
    position = snapshot.position
    dense: list[tuple[str, float]] = []
    lexical: list[tuple[str, float]] = []
    if mode in ("hybrid", "dense"):
        # The embedding model reads accented Vietnamese far better than text typed without marks.
        dense_text = snapshot.restorer.restore(text) if snapshot.restorer.lacks_diacritics(text) else text
        dense = _dense_candidates(index, snapshot, index.embeddings.embed_query(dense_text), where, candidates)
    if mode in ("hybrid", "bm25"):
        lexical = [(snapshot.ids[i], s) for i, s in snapshot.bm25.top(text, candidates, snapshot.mask(where))]
    if mode not in ("hybrid", "dense", "bm25"):
        raise ValueError(f"unknown search mode '{mode}'")

    fused: dict[str, float] = {}
    for ranking in (dense, lexical):
        for rank, (cid, _) in enumerate(ranking):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
    # A question that names a document ("làm giấy khai sinh", its title or an alias) votes for it
    # as if it ranked first, so that a longer title containing the same words does not win.
    named = _named_documents(snapshot.name_index, text) if mode == "hybrid" else set()
    covered, imported = snapshot.covered, snapshot.imported
    for cid in fused:
        if snapshot.metadatas[position[cid]].get("doc_id") in named:
            fused[cid] += 1.0 / (RRF_K + 1)
        if covered[position[cid]]:
            fused[cid] *= COVERED_WEIGHT
        elif imported[position[cid]]:
            fused[cid] *= IMPORTED_WEIGHT
    dense_scores, bm25_scores = dict(dense), dict(lexical)
    order = sorted(fused, key=lambda cid: (-fused[cid], -dense_scores.get(cid, 0.0)))[:k]
    return [
        SearchHit(
            chunk_id=cid,
            text=snapshot.texts[position[cid]],
            metadata=snapshot.metadatas[position[cid]],
            score=fused[cid],
            dense_similarity=dense_scores.get(cid, 0.0),
            bm25_score=bm25_scores.get(cid, 0.0),
        )
        for cid in order
    ]


def _dense_candidates(
    index: KnowledgeIndex, snapshot: LexicalSnapshot, vector: list[float], where: dict[str, str], candidates: int
) -> list[tuple[str, float]]:
    """The ``candidates`` nearest chunks allowed by ``where``, as ``(chunk_id, cosine similarity)``.

    Chroma applies a filter by first listing every chunk that matches it, which grows with the index (42 ms a query
    at 10,000 passages, against 2 ms unfiltered). When most chunks pass the filter (``status = in_force``: nearly all),
    the unfiltered neighbours are fetched, a few more than needed, and the filter is applied here from the snapshot.
    """
    allowed = snapshot.mask(where)
    size = len(snapshot.ids)
    matching = size if allowed is None else int(allowed.sum())
    want = min(candidates, matching)
    if want == 0:
        return []
    position = snapshot.position
    share = matching / size
    if share >= POST_FILTER_SHARE:
        found = index.nearest(vector, min(size, int(want / share * 1.25) + 8))
        kept = [(cid, 1.0 - d) for cid, d in found if cid in position and (allowed is None or allowed[position[cid]])]
        if len(kept) >= want:
            return kept[:want]
    # A narrow filter (a kind, a topic), or too few survivors: let Chroma filter.
    return [(cid, 1.0 - d) for cid, d in index.nearest(vector, want, _chroma_where(where)) if cid in position]


def _named_documents(name_index: dict[str, list[tuple[tuple[str, ...], str]]], query: str) -> set[str]:
    """Documents whose title or an alias appears, word for word (diacritics folded), in ``query``."""
    folded = fold_diacritics(" ".join(words(query))).split()
    return {
        doc_id
        for i, word in enumerate(folded)
        for phrase, doc_id in name_index.get(word, ())
        if tuple(folded[i : i + len(phrase)]) == phrase
    }


def _chroma_where(where: dict[str, str]) -> dict[str, Any] | None:
    clauses = [{key: value} for key, value in where.items()]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class HybridRetriever(BaseRetriever):
    """LangChain retriever over :func:`hybrid_search`; scores travel in each document's metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: KnowledgeIndex
    k: int = 5
    kind: str | None = None
    topic: str | None = None
    include_superseded: bool = False

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        hits = hybrid_search(self.index, query, self.k, build_where(self.kind, self.topic, self.include_superseded))
        return [
            LCDocument(
                id=hit.chunk_id,
                page_content=hit.text,
                metadata={
                    **hit.metadata,
                    "score": hit.score,
                    "dense_similarity": hit.dense_similarity,
                    "bm25_score": hit.bm25_score,
                },
            )
            for hit in hits
        ]
