"""Ingestion runs: the curated corpus and portal records, each synced into the index as one origin."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from knowledge_base.dichvucong_importer import ORIGIN as DICHVUCONG_ORIGIN
from knowledge_base.dichvucong_importer import load_dichvucong
from knowledge_base.documents import DocumentError, corpus_fingerprint, load_corpus
from knowledge_base.knowledge_index import KnowledgeIndex, ProgressCallback, SyncReport

CURATED_ORIGIN = "curated"


@dataclass
class IngestResult:
    """The sync report and the documents that could not be loaded."""

    origin: str
    version: str
    documents: int
    report: SyncReport
    errors: list[DocumentError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def index_is_stale(index: KnowledgeIndex, corpus_dir: Path) -> bool:
    """True when the index was never built from this exact corpus."""
    return index.corpus_version(CURATED_ORIGIN) != corpus_fingerprint(corpus_dir)


def ingest_corpus(index: KnowledgeIndex, corpus_dir: Path, progress: ProgressCallback | None = None) -> IngestResult:
    """Sync the curated Markdown corpus; documents that fail to load keep their last good version."""
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    loaded = load_corpus(corpus_dir)
    version = corpus_fingerprint(corpus_dir)
    report = index.sync(loaded.documents, CURATED_ORIGIN, version, keep_sources=loaded.failed_sources, progress=progress)
    return IngestResult(CURATED_ORIGIN, version, len(loaded.documents), report, loaded.errors)


def ingest_dichvucong(index: KnowledgeIndex, records: Path, progress: ProgressCallback | None = None) -> IngestResult:
    """Sync the procedures of a portal export (JSON Lines) as their own origin."""
    documents, errors = load_dichvucong(records)
    version = hashlib.sha256(records.read_bytes()).hexdigest()[:12]
    report = index.sync(documents, DICHVUCONG_ORIGIN, version, progress=progress)
    return IngestResult(DICHVUCONG_ORIGIN, version, len(documents), report, errors)
