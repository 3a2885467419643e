"""Ingestion runs: the curated corpus and portal records, each synced into the index as one origin."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from knowledge_base.dichvucong_importer import ORIGIN as DICHVUCONG_ORIGIN
from knowledge_base.dichvucong_importer import load_dichvucong
from knowledge_base.documents import DocumentError, corpus_fingerprint, load_corpus
from knowledge_base.knowledge_index import KnowledgeIndex, ProgressCallback, SyncReport

CURATED_ORIGIN = "curated"
BUILTIN_PORTAL_RECORDS = Path(__file__).parent / "data" / "dichvucong_cap_xa.jsonl"


@dataclass
class IngestResult:
    """The sync report and the documents that could not be loaded.

    ``strict`` origins (our own corpus) fail the run on any bad document; a portal export is someone
    else's file, so its bad records are reported and skipped."""

    origin: str
    version: str
    documents: int
    report: SyncReport
    errors: list[DocumentError] = field(default_factory=list)
    strict: bool = True

    @property
    def ok(self) -> bool:
        return not (self.errors and self.strict)


def index_is_stale(index: KnowledgeIndex, corpus_dir: Path) -> bool:
    """True when the index was never built from this exact corpus."""
    return index.corpus_version(CURATED_ORIGIN) != corpus_fingerprint(corpus_dir)


def portal_is_stale(index: KnowledgeIndex, records: Path) -> bool:
    """True when the index does not hold exactly this portal export."""
    return index.corpus_version(DICHVUCONG_ORIGIN) != portal_version(records)


def portal_version(records: Path) -> str:
    """Content hash of a portal export (remembered per file state: ``/healthz`` asks on every call)."""
    stat = records.stat()
    return _file_digest(records.resolve(), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=8)
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def portal_checked_on(records: Path) -> dt.date:
    """When the export was taken from the portal: ``checked_on`` of ``<name>.meta.json`` beside it, else the file's date.

    Never today's date: it is part of every chunk's metadata, and a date that moves would re-embed the
    whole export on every run."""
    sidecar = records.with_suffix(".meta.json")
    try:
        return dt.date.fromisoformat(json.loads(sidecar.read_text(encoding="utf-8"))["checked_on"])
    except (OSError, ValueError, KeyError, TypeError):
        return dt.datetime.fromtimestamp(records.stat().st_mtime, dt.UTC).date()


def ingest_corpus(index: KnowledgeIndex, corpus_dir: Path, progress: ProgressCallback | None = None) -> IngestResult:
    """Sync the curated Markdown corpus; documents that fail to load keep their last good version."""
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    loaded = load_corpus(corpus_dir)
    version = corpus_fingerprint(corpus_dir)
    report = index.sync(loaded.documents, CURATED_ORIGIN, version, keep_sources=loaded.failed_sources, progress=progress)
    return IngestResult(CURATED_ORIGIN, version, len(loaded.documents), report, loaded.errors)


def ingest_dichvucong(index: KnowledgeIndex, records: Path, progress: ProgressCallback | None = None) -> IngestResult:
    """Sync the procedures of a portal export (JSON Lines) as their own origin; bad records are skipped and reported."""
    documents, errors = load_dichvucong(records, portal_checked_on(records))
    version = portal_version(records)
    report = index.sync(documents, DICHVUCONG_ORIGIN, version, progress=progress)
    return IngestResult(DICHVUCONG_ORIGIN, version, len(documents), report, errors, strict=False)
