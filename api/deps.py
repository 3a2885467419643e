"""Dependency aliases for route handlers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.config import Settings
from knowledge_base import KnowledgeIndex


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_index(request: Request) -> KnowledgeIndex:
    return request.app.state.index


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
IndexDep = Annotated[KnowledgeIndex, Depends(get_index)]
