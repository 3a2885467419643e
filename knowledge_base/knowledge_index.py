"""The chunk index: Chroma (through langchain-chroma) for vectors, plus a BM25 snapshot.

Chunk ids are content hashes, so re-ingesting only embeds what changed. New chunks are added
before stale ones are deleted, and the corpus version is written last: a run that crashes part way
leaves extra chunks that the next run deletes, never a hole.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import chromadb
import numpy as np
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from knowledge_base.bm25_index import BM25Index
from knowledge_base.chunking import Chunk, chunk_document
from knowledge_base.diacritics_restorer import DiacriticsRestorer
from knowledge_base.documents import Document
from knowledge_base.embeddings import embedding_signature
from knowledge_base.legal_names import LegalNames
from knowledge_base.text_normalize import fold_diacritics, words

ProgressCallback = Callable[[int, int], None]
VERSION_KEY = "corpus_version"
READ_PAGE = 5000


@dataclass
class SyncReport:
    """What one ingest run changed."""

    added_documents: list[str] = field(default_factory=list)
    changed_documents: list[str] = field(default_factory=list)
    removed_documents: list[str] = field(default_factory=list)
    unchanged_documents: int = 0
    added_chunks: int = 0
    deleted_chunks: int = 0


@dataclass(frozen=True)
class LexicalSnapshot:
    """Every chunk of the collection with a BM25 index over it and arrays for filtering."""

    ids: list[str]
    texts: list[str]
    metadatas: list[dict[str, Any]]
    bm25: BM25Index
    restorer: DiacriticsRestorer
    columns: dict[str, np.ndarray]
    names: dict[str, tuple[str, ...]]  # doc_id -> folded title and aliases
    _masks: dict[tuple[tuple[str, str], ...], np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def mask(self, where: dict[str, str]) -> np.ndarray | None:
        """Positions allowed by equality filters; computed once per filter (a pass over every chunk)."""
        if not where:
            return None
        key = tuple(sorted(where.items()))
        allowed = self._masks.get(key)
        if allowed is None:
            allowed = np.ones(len(self.ids), dtype=bool)
            for name, value in where.items():
                allowed &= self.columns[name] == value
            if len(self._masks) < 64:  # filters come from a handful of kinds and topics
                self._masks[key] = allowed
        return allowed

    @cached_property
    def position(self) -> dict[str, int]:
        """Chunk id -> position, built once per snapshot rather than on every query."""
        return {cid: i for i, cid in enumerate(self.ids)}

    @cached_property
    def name_index(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """First word of each document name -> (name's words, doc_id): a query looks up only names its words start."""
        found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for doc_id, phrases in self.names.items():
            for phrase in phrases:
                parts = tuple(phrase.split())
                found.setdefault(parts[0], []).append((parts, doc_id))
        return found

    @cached_property
    def legal_names(self) -> LegalNames:
        """Names of the laws the passages cite, for labelling legal bases (built once per snapshot)."""
        return LegalNames.from_texts(self.texts)

    @cached_property
    def by_procedure_code(self) -> dict[str, str]:
        """Procedure code -> the document to answer it: the curated one where both a curated and a portal one exist."""
        found: dict[str, str] = {}
        for metadata in self.metadatas:
            code = str(metadata.get("procedure_code", ""))
            if code and (code not in found or metadata.get("origin") == "curated"):
                found[code] = str(metadata.get("doc_id", ""))
        return found

    @cached_property
    def imported(self) -> np.ndarray:
        """Chunks that did not come from the curated corpus (portal records, other imports)."""
        return self.columns["origin"] != "curated"

    @cached_property
    def covered(self) -> np.ndarray:
        """Chunks of imported records whose procedure a curated document also covers: the curated one answers first."""
        curated_codes = {m.get("procedure_code") for m in self.metadatas if m.get("origin") == "curated"} - {"", None}
        return np.array(
            [m.get("origin") != "curated" and m.get("procedure_code") in curated_codes for m in self.metadatas], dtype=bool
        )

    @cached_property
    def by_document(self) -> dict[str, list[int]]:
        """Chunk positions per document, in document order (hint sources look a section up on every decision)."""
        positions: dict[str, list[int]] = {}
        for i, metadata in enumerate(self.metadatas):
            positions.setdefault(str(metadata.get("doc_id", "")), []).append(i)
        for found in positions.values():
            found.sort(key=lambda i: int(self.metadatas[i].get("chunk_index", 0)))
        return positions


FILTER_KEYS = ("kind", "topic", "status", "origin")


class KnowledgeIndex:
    """Owns one Chroma collection per embedding model and the lexical index derived from it."""

    # Passages embedded and written per step of an ingest (one progress tick, about 3 s on 2 cores).
    write_group = 128

    def __init__(self, client: chromadb.ClientAPI, embeddings: Embeddings, prefix: str = "coach") -> None:
        self.embeddings = embeddings
        self.collection_name = f"{prefix}-{embedding_signature(embeddings)}"
        self.store = Chroma(
            collection_name=self.collection_name,
            embedding_function=embeddings,
            client=client,
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        self._client = client
        self._lock = threading.Lock()
        self._snapshot: LexicalSnapshot | None = None

    @property
    def collection(self) -> chromadb.Collection:
        return self._client.get_collection(self.collection_name)

    def nearest(self, vector: list[float], n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """``(chunk_id, cosine distance)`` of the ``n`` nearest chunks; ids and distances only (no texts to copy)."""
        found = self.collection.query(query_embeddings=[vector], n_results=max(1, n), where=where, include=["distances"])
        return list(zip(found["ids"][0], (float(d) for d in (found["distances"] or [[]])[0])))

    def read_all(self, include: list[str], where: dict[str, Any] | None = None) -> dict[str, list[Any]]:
        """Every chunk (matching ``where``) with the ``include`` fields, read a page at a time.

        One ``get`` of everything fails on embedded Chroma past about 30,000 chunks ("too many SQL variables")."""
        collection = self.collection
        found: dict[str, list[Any]] = {"ids": [], **{key: [] for key in include}}
        while True:
            page = collection.get(where=where, include=include, limit=READ_PAGE, offset=len(found["ids"]))  # type: ignore[arg-type]
            found["ids"].extend(page["ids"])
            for key in include:
                found[key].extend(page[key] if page[key] is not None else [])  # type: ignore[literal-required]
            if len(page["ids"]) < READ_PAGE:
                return found

    def size(self) -> int:
        """Number of chunks in the index."""
        return self.collection.count()

    def corpus_version(self, origin: str = "curated") -> str | None:
        """The version recorded by the last complete ingest of ``origin``."""
        metadata = self.collection.metadata or {}
        value = metadata.get(f"{VERSION_KEY}:{origin}")
        return str(value) if value else None

    def sync(
        self,
        documents: Iterable[Document],
        origin: str,
        version: str,
        keep_sources: set[str] | None = None,
        progress: ProgressCallback | None = None,
    ) -> SyncReport:
        """Make the chunks of ``origin`` match ``documents``; keep chunks of ``keep_sources``.

        ``keep_sources`` are files that failed to load this time: their last good version stays.
        """
        chunks = [c for d in documents for c in chunk_document(d)]
        return self.sync_chunks(chunks, origin, version, keep_sources, progress)

    def sync_chunks(
        self,
        chunks: list[Chunk],
        origin: str,
        version: str,
        keep_sources: set[str] | None = None,
        progress: ProgressCallback | None = None,
    ) -> SyncReport:
        """Make the chunks of ``origin`` match ``chunks`` (see :meth:`sync`)."""
        keep = keep_sources or set()
        desired: dict[str, Chunk] = {c.id: c for c in chunks}
        existing = self.read_all(["metadatas"], where={"origin": origin})
        existing_meta = dict(zip(existing["ids"], existing["metadatas"] or []))
        new_chunks = [c for cid, c in desired.items() if cid not in existing_meta]
        stale = [cid for cid, m in existing_meta.items() if cid not in desired and m.get("source") not in keep]

        report = _describe_changes(desired, existing_meta, new_chunks, stale)
        total = len(new_chunks)
        # Similar lengths side by side: the embedder pads each batch to its longest passage.
        new_chunks.sort(key=lambda c: len(c.text))
        collection = self.collection
        step = self.write_group
        for start in range(0, total, step):
            batch = new_chunks[start : start + step]
            texts = [c.text for c in batch]
            # One embedding call and one Chroma write per group: small writes cost more than the vectors.
            vectors = self.embeddings.embed_documents(texts)
            collection.add(ids=[c.id for c in batch], documents=texts, metadatas=[dict(c.metadata) for c in batch],
                           embeddings=np.asarray(vectors, dtype=np.float32))  # fmt: skip
            if progress:
                progress(min(start + step, total), total)
        for start in range(0, len(stale), 500):
            self.collection.delete(ids=stale[start : start + 500])
        self._record_version(origin, version)
        with self._lock:
            self._snapshot = None
        report.added_chunks, report.deleted_chunks = total, len(stale)
        return report

    def _record_version(self, origin: str, version: str) -> None:
        collection = self.collection
        metadata = {k: v for k, v in (collection.metadata or {}).items() if not k.startswith("hnsw:")}
        metadata[f"{VERSION_KEY}:{origin}"] = version
        collection.modify(metadata=metadata)

    def snapshot(self) -> LexicalSnapshot:
        """The lexical view of the collection, built once per change of the index."""
        with self._lock:
            if self._snapshot is None:
                self._snapshot = self._build_snapshot()
            return self._snapshot

    def chunks_of(self, doc_id: str) -> list[tuple[str, str, dict[str, Any]]]:
        """Every ``(chunk_id, text, metadata)`` of one document, in document order."""
        snapshot = self.snapshot()
        return [(snapshot.ids[i], snapshot.texts[i], snapshot.metadatas[i]) for i in snapshot.by_document.get(doc_id, [])]

    def _build_snapshot(self) -> LexicalSnapshot:
        data = self.read_all(["documents", "metadatas"])
        ids, texts = list(data["ids"]), list(data["documents"] or [])
        metadatas = [dict(m or {}) for m in data["metadatas"] or []]
        columns = {key: np.array([str(m.get(key, "")) for m in metadatas], dtype=object) for key in FILTER_KEYS}
        names: dict[str, tuple[str, ...]] = {}
        for metadata in metadatas:
            doc_id = str(metadata.get("doc_id", ""))
            if doc_id not in names:
                raw = [str(metadata.get("title", "")), *str(metadata.get("aliases", "")).split("; ")]
                names[doc_id] = tuple(n for n in (fold_diacritics(" ".join(words(r))) for r in raw) if len(n.split()) >= 2)
        return LexicalSnapshot(ids, texts, metadatas, BM25Index(texts), DiacriticsRestorer(texts), columns, names)


def _describe_changes(
    desired: dict[str, Chunk],
    existing_meta: dict[str, dict[str, Any]],
    new_chunks: list[Chunk],
    stale: list[str],
) -> SyncReport:
    before = {str(m.get("doc_id")) for m in existing_meta.values()}
    touched = {c.doc_id for c in new_chunks} | {str(existing_meta[cid].get("doc_id")) for cid in stale}
    current = {c.doc_id for c in desired.values()}
    report = SyncReport()
    report.added_documents = sorted(current - before)
    report.changed_documents = sorted((current & before) & touched)
    stale_set = set(stale)
    kept = {str(m.get("doc_id")) for cid, m in existing_meta.items() if cid not in desired and cid not in stale_set}
    report.removed_documents = sorted(before - current - kept)
    report.unchanged_documents = len(current) - len(report.added_documents) - len(report.changed_documents)
    return report
