"""Builds the shared components from settings: the composition root for the app and the CLI."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import threading
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from sqlalchemy import URL, Engine, event, make_url
from sqlmodel import create_engine

from api.accounts.crypto import Hasher
from api.accounts.login import LoginLimits
from api.accounts.senders import CodeSender, ConsoleCodeSender, HttpSmsSender, NoSender
from api.accounts.service import Accounts
from api.accounts.sessions import Sessions
from api.config import Settings
from api.database import upgrade
from coach import Coach, CoveragePolicy
from coach.course import Course, CourseWindow
from coach.coverage import CoverageModel
from coach.event_store import EventStore
from coach.hint_delivery import HintDelivery
from coach.hint_engine import HintEngine
from coach.learning import LearningCoach, passage_lookup
from coach.llm_answerer import LlmGenerator, local_gguf_model, openai_compatible_model
from coach.misuse import MisuseDetector
from coach.procedure_card import ProcedureCatalog
from coach.xapi_forward import Forwarder, ForwardTarget
from coach.xapi_mapping import load_activity_map
from guardrails import Allowlist, Guardrail, Policy, SqlAllowlist, SqlFlagStore
from knowledge_base import CachedEmbeddings, KnowledgeIndex, make_chroma_client, make_embeddings


def build_index(settings: Settings) -> KnowledgeIndex:
    """The knowledge index on embedded Chroma, or on Chroma's server when ``chroma_url`` is set."""
    client = make_chroma_client(settings.chroma_dir, settings.chroma_url)
    embeddings = CachedEmbeddings(
        make_embeddings(settings.embedding_backend, settings.embedding_model, settings.onnx_model_dir),
        settings.embedding_cache_path,
    )
    return KnowledgeIndex(client, embeddings, prefix=settings.collection_prefix)


def database_url(settings: Settings) -> URL:
    """The configured database URL; a bare ``postgresql://`` (or ``postgres://``) gets the installed driver, psycopg 3."""
    url = make_url(settings.database)
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def build_engine(settings: Settings) -> Engine:
    """The one database engine of the process (SQLite by default, PostgreSQL when configured)."""
    url = database_url(settings)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **_pool(settings))
        event.listen(engine, "connect", _sqlite_wal)
        _serialize_writes(engine)
        return engine
    # Pre-ping: a connection broken by a server restart is replaced before use, so the service recovers by itself.
    # A connect timeout: a server that does not answer fails the request (503, retry) rather than hanging it.
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5}, **_pool(settings))


def _pool(settings: Settings) -> dict[str, int]:
    # As many kept connections as request threads (plus the scheduler): connections beyond the pool are closed when
    # returned, and a new PostgreSQL connection costs a process on the server. Open streams borrow one only briefly.
    return {"pool_size": settings.request_threads + 2, "max_overflow": 5}


def _sqlite_wal(connection: Any, _record: Any) -> None:
    # Write-ahead logging: readers (hint streams, dashboards) never wait for the writer (statements, hints).
    # synchronous=NORMAL syncs at checkpoints, not at every commit: a killed process loses nothing it acknowledged;
    # a power cut may lose the last commits (deployments that need more run on PostgreSQL).
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")


def _serialize_writes(engine: Engine) -> None:
    """One writing transaction at a time in this process, queued on a lock rather than in SQLite's busy handler.

    SQLite has one writer; when several threads want to write, the others sleep and retry with growing back-offs
    (up to 100 ms), which under load turns milliseconds into seconds. Taking a lock before the first write of a
    transaction and releasing it at commit or rollback makes them wait their turn instead. Readers are not held.
    """
    lock = threading.RLock()  # re-entrant: a nested write in one thread meets SQLite's busy time-out, as before

    def before_write(connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not connection.info.get("writer") and statement.lstrip()[:6].upper() in _WRITES:
            lock.acquire()
            connection.info["writer"] = True

    def release(connection: Any) -> None:
        if connection.info.pop("writer", False):
            lock.release()

    event.listen(engine, "before_cursor_execute", before_write)
    for name in ("commit", "rollback"):
        event.listen(engine, name, release)


_WRITES = {"INSERT", "UPDATE", "DELETE", "REPLAC", "CREATE", "DROP", "ALTER"}


def flag_hmac_key(settings: Settings) -> bytes:
    """The configured key, or one generated once and kept (owner-only) under the data folder."""
    return _secret(settings.flag_hmac_key, settings.data_dir / "flag_hmac.key")


def secret_key(settings: Settings) -> bytes:
    """The key of the account hashes (codes, tokens, API keys, phone numbers)."""
    return _secret(settings.secret_key, settings.data_dir / "secret.key")


def _secret(configured: SecretStr | None, path: Path) -> bytes:
    if configured is not None:
        return configured.get_secret_value().encode()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def build_guardrail(settings: Settings, engine: Engine | None = None, record_flags: bool = True) -> Guardrail:
    """The guardrail with the shipped policy, the allowlist and, for the service, the flag store.

    The service's allowlist is the database's (terms admins clear in the console, shared by every
    worker) plus the file's; offline uses (``coach guard``, evaluations) read the file only.
    """
    if record_flags and engine is None:
        engine = build_engine(settings)
        upgrade(engine)
    store = SqlFlagStore(engine) if record_flags else None
    file = Allowlist(settings.allowlist_path)
    allowlist = SqlAllowlist(engine, file) if engine is not None else file
    return Guardrail(Policy.load(), allowlist, store, flag_hmac_key(settings))


def build_coach(
    settings: Settings, index: KnowledgeIndex | None = None, guardrail: Guardrail | None = None, record_flags: bool = True
) -> Coach:
    """The answering pipeline on the configured index and guardrail."""
    return Coach(
        index or build_index(settings),
        guardrail or build_guardrail(settings, record_flags=record_flags),
        generator=build_generator(settings),
        coverage=CoveragePolicy(
            min_similarity=settings.coverage_min_similarity,
            model=CoverageModel.load(settings.coverage_model) if settings.coverage_model else None,
        ),
        catalog=ProcedureCatalog.from_file(settings.portal_records),
        misuse=MisuseDetector.load(settings.misuse_model) if settings.misuse_model else None,
    )


def build_generator(settings: Settings) -> LlmGenerator | None:
    """The LLM answerer when a server or a GGUF file is configured; none means extractive answers."""
    if settings.llm_base_url:
        key = settings.llm_api_key.get_secret_value()
        model = openai_compatible_model(
            settings.llm_base_url, settings.llm_model, key, settings.llm_timeout, settings.llm_max_tokens
        )
        return LlmGenerator(model, timeout=settings.llm_timeout)
    if settings.llm_gguf:
        return LlmGenerator(local_gguf_model(str(settings.llm_gguf), settings.llm_max_tokens), timeout=settings.llm_timeout)
    return None


def build_learning(settings: Settings, engine: Engine, index: KnowledgeIndex) -> LearningCoach:
    """The course, its window from settings, the event store and the hint engine."""
    course = Course.load(settings.course_file)
    window = CourseWindow(start=settings.course_start, end=settings.course_end)
    events, hints = EventStore(engine), HintEngine(course, window, passage_lookup(index))
    activities = load_activity_map(course, settings.xapi_activities_file)
    return LearningCoach(course, window, events, hints, HintDelivery(engine, events, hints), activities)


def build_code_sender(settings: Settings) -> CodeSender:
    """The SMS gateway when configured; the console only in development; otherwise login is unavailable."""
    if settings.sms_gateway_url:
        token = settings.sms_gateway_token.get_secret_value() if settings.sms_gateway_token else None
        return HttpSmsSender(settings.sms_gateway_url, token)
    return ConsoleCodeSender() if settings.dev_mode else NoSender()


def build_accounts(settings: Settings, engine: Engine, sender: CodeSender | None = None) -> Accounts:
    key = secret_key(settings)
    sessions = Sessions(
        engine, Hasher(key), dt.timedelta(minutes=settings.access_token_minutes), dt.timedelta(days=settings.session_days)
    )
    per_ip = settings.login_codes_per_ip
    limits = LoginLimits(codes_per_ip=per_ip, failures_per_ip=max(30, per_ip))
    return Accounts.build(engine, key, sender or build_code_sender(settings), sessions, limits)


def prepare_workers(settings: Settings, workers: int) -> None:
    """Before uvicorn starts several worker processes: Prometheus' multiprocess mode, so that ``/metrics`` (served
    by any one worker) adds up every worker's counters. Its folder is emptied: counts start again with the service."""
    if workers <= 1 or os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    folder = settings.data_dir / "prometheus"
    if folder.exists():
        for stale in folder.glob("*.db"):
            stale.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)


def build_forwarder(settings: Settings, engine: Engine) -> Forwarder | None:
    """The forwarder to the ministry's LRS, when one is configured."""
    if not settings.xapi_forward_url:
        return None
    password = settings.xapi_forward_password.get_secret_value() if settings.xapi_forward_password else ""
    return Forwarder(engine, ForwardTarget(settings.xapi_forward_url, settings.xapi_forward_username, password))
