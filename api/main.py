"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.config import Settings, get_settings
from api.errors import install_error_handlers
from api.routes import health
from api.runtime import build_index


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the shared components are created once, at start-up."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.index = build_index(settings)
        yield

    app = FastAPI(
        title="Trợ lý số — digital coach",
        description="Trợ lý số cho cán bộ, công chức cấp xã: hỏi đáp có trích dẫn, gợi ý học tập, kiểm soát dữ liệu.",
        version="0.1.0",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    app.include_router(health.router)
    return app
