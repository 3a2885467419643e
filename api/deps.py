"""Dependency aliases for route handlers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from api.accounts.service import Accounts
from api.config import Settings
from api.hint_push import HintPush
from api.metrics import ChatMetrics
from api.usage_snapshots import SharedUsageCache
from coach import Coach, ConversationStore
from coach.learning import LearningCoach
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_index(request: Request) -> KnowledgeIndex:
    return request.app.state.index


def get_coach(request: Request) -> Coach:
    return request.app.state.coach


def get_store(request: Request) -> ConversationStore:
    return request.app.state.store


def get_guardrail(request: Request) -> Guardrail:
    return request.app.state.guardrail


def get_metrics(request: Request) -> ChatMetrics:
    return request.app.state.metrics


def get_learning(request: Request) -> LearningCoach:
    return request.app.state.learning


def get_accounts(request: Request) -> Accounts:
    return request.app.state.accounts


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def get_usage_cache(request: Request) -> SharedUsageCache:
    return request.app.state.usage_cache


def get_hint_push(request: Request) -> HintPush:
    return request.app.state.hint_push


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
IndexDep = Annotated[KnowledgeIndex, Depends(get_index)]
CoachDep = Annotated[Coach, Depends(get_coach)]
StoreDep = Annotated[ConversationStore, Depends(get_store)]
GuardrailDep = Annotated[Guardrail, Depends(get_guardrail)]
MetricsDep = Annotated[ChatMetrics, Depends(get_metrics)]
LearningDep = Annotated[LearningCoach, Depends(get_learning)]
HintPushDep = Annotated[HintPush, Depends(get_hint_push)]
AccountsDep = Annotated[Accounts, Depends(get_accounts)]
UsageCacheDep = Annotated[SharedUsageCache, Depends(get_usage_cache)]
EngineDep = Annotated[Engine, Depends(get_engine)]
