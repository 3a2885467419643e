"""Dependency aliases for route handlers.

The getters are ``async``: FastAPI runs a plain ``def`` dependency in its thread pool, and a thread hand-off per
getter was a measurable share of a statement's CPU at the evening peak.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from api.accounts.service import Accounts
from api.answer_gate import AnswerGate
from api.config import Settings
from api.hint_push import HintPush
from api.metrics import ChatMetrics
from api.statement_writer import StatementWriter
from api.usage_snapshots import SharedUsageCache
from coach import Coach, ConversationStore
from coach.learning import LearningCoach
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex


async def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_index(request: Request) -> KnowledgeIndex:
    return request.app.state.index


async def get_coach(request: Request) -> Coach:
    return request.app.state.coach


async def get_store(request: Request) -> ConversationStore:
    return request.app.state.store


async def get_guardrail(request: Request) -> Guardrail:
    return request.app.state.guardrail


async def get_metrics(request: Request) -> ChatMetrics:
    return request.app.state.metrics


async def get_learning(request: Request) -> LearningCoach:
    return request.app.state.learning


async def get_accounts(request: Request) -> Accounts:
    return request.app.state.accounts


async def get_answer_gate(request: Request) -> AnswerGate:
    return request.app.state.answer_gate


async def get_engine(request: Request) -> Engine:
    return request.app.state.engine


async def get_usage_cache(request: Request) -> SharedUsageCache:
    return request.app.state.usage_cache


async def get_hint_push(request: Request) -> HintPush:
    return request.app.state.hint_push


async def get_statement_writer(request: Request) -> StatementWriter:
    return request.app.state.statement_writer


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
IndexDep = Annotated[KnowledgeIndex, Depends(get_index)]
CoachDep = Annotated[Coach, Depends(get_coach)]
StoreDep = Annotated[ConversationStore, Depends(get_store)]
GuardrailDep = Annotated[Guardrail, Depends(get_guardrail)]
MetricsDep = Annotated[ChatMetrics, Depends(get_metrics)]
LearningDep = Annotated[LearningCoach, Depends(get_learning)]
HintPushDep = Annotated[HintPush, Depends(get_hint_push)]
StatementWriterDep = Annotated[StatementWriter, Depends(get_statement_writer)]
AccountsDep = Annotated[Accounts, Depends(get_accounts)]
UsageCacheDep = Annotated[SharedUsageCache, Depends(get_usage_cache)]
EngineDep = Annotated[Engine, Depends(get_engine)]
AnswerGateDep = Annotated[AnswerGate, Depends(get_answer_gate)]
