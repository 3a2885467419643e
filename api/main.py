"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import log_privacy
from api.accounts.senders import CodeSender
from api.answer_gate import AnswerGate
from api.config import Settings, get_settings
from api.database import upgrade
from api.errors import ERROR_RESPONSES, install_error_handlers
from api.hint_push import HintPush
from api.input_guard import RejectControlCharacters
from api.limits import BodySizeLimit
from api.metrics import ChatMetrics
from api.routes import (
    admin_accounts,
    admin_flags,
    admin_usage,
    auth,
    chat,
    health,
    learning,
    lesson_page,
    lti,
    metrics,
    pages,
    xapi,
)
from api.runtime import (
    build_accounts,
    build_coach,
    build_engine,
    build_forwarder,
    build_guardrail,
    build_index,
    build_learning,
)
from api.security import SecurityHeaders
from api.statement_writer import StatementWriter
from api.usage_snapshots import SharedUsageCache
from coach import ConversationStore

ROUTERS = (
    health.router, auth.router, chat.router, learning.router, admin_flags.router, admin_flags.allowlist_router,
    admin_usage.router, admin_accounts.router, metrics.router, pages.router, lesson_page.router, xapi.router,
    xapi.admin_router, lti.router, lti.admin_router,
)  # fmt: skip


def create_app(settings: Settings | None = None, code_sender: CodeSender | None = None) -> FastAPI:
    """Build the app; the shared components are created once, at start-up.

    ``code_sender`` overrides how login codes are delivered (the settings choose otherwise).
    """
    settings = settings or get_settings()
    log_privacy.install()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Fewer threads than anyio's 40 contend less for the GIL when every request is short database work.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        engine = build_engine(settings)
        upgrade(engine)  # the schema migrations (Alembic) run before anything uses the database
        app.state.settings = settings
        app.state.index = build_index(settings)
        app.state.guardrail = build_guardrail(settings, engine)
        app.state.coach = build_coach(settings, app.state.index, app.state.guardrail)
        app.state.store = ConversationStore(engine)
        app.state.metrics = ChatMetrics()
        shed = app.state.metrics.questions.labels(outcome="shed").inc  # /metrics counts the questions refused as busy
        app.state.answer_gate = AnswerGate(settings.answer_threads, settings.answer_queue, shed)
        app.state.learning = build_learning(settings, engine, app.state.index)
        app.state.accounts = build_accounts(settings, engine, code_sender)
        app.state.engine = engine
        app.state.usage_cache = SharedUsageCache(engine)
        app.state.hint_push = HintPush(app.state.learning.delivery, engine)
        app.state.hint_push.start(asyncio.get_running_loop())
        app.state.statement_writer = StatementWriter(app.state.learning.events.store_many)
        app.state.statement_writer.start()
        app.state.xapi_forwarder = build_forwarder(settings, engine)
        if app.state.xapi_forwarder is not None:
            app.state.xapi_forwarder.start()
        try:
            yield
        finally:
            if app.state.xapi_forwarder is not None:
                app.state.xapi_forwarder.stop()
            app.state.statement_writer.stop()
            app.state.hint_push.stop()
            engine.dispose()

    app = FastAPI(
        title="Trợ lý số — digital coach",
        description="Trợ lý số cho cán bộ, công chức cấp xã: hỏi đáp có trích dẫn, gợi ý học tập, kiểm soát dữ liệu.",
        version="0.2.0",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type", "Authorization"],
        allow_credentials=True,  # the widget on a listed portal sends the session cookie
    )
    app.add_middleware(BodySizeLimit)
    app.add_middleware(RejectControlCharacters)
    app.add_middleware(SecurityHeaders)
    for router in ROUTERS:
        app.include_router(router, responses=ERROR_RESPONSES)
    return app
