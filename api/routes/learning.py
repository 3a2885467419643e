"""Learner events in, progress and hints out."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
import time
from collections.abc import AsyncIterator
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse

from api import messages_vi
from api.access import EventsKey, SignedIn, UnitAdmin, unit_scope
from api.accounts.sessions import Principal
from api.deps import LearningDep
from api.errors import ApiError
from coach.hint_analytics import hint_effectiveness
from coach.hint_engine import Learner
from coach.learner_events import _LEARNER_ID, MAX_BATCH, validate_batch
from coach.learning import LearningCoach
from coach.progress import compute_progress

router = APIRouter(prefix="/v1", tags=["learning"])
POLL_SECONDS = 1.0
STREAM_SECONDS = 300


def _learner_id(value: str) -> str:
    if not re.fullmatch(_LEARNER_ID[1:-1], value):
        raise ApiError(422, "bad_learner_id", messages_vi.BAD_LEARNER_ID)
    return value


def readable_learner(request: Request, principal: Principal, learner_id: str) -> str:
    """A learner sees only themselves, a unit admin the learners of their unit, an admin everyone."""
    learner_id = _learner_id(learner_id)
    if principal.role == "admin" or learner_id == principal.learner_id:
        return learner_id
    if principal.role == "unit_admin":
        user = request.app.state.accounts.users.by_learner_id(learner_id)
        if user is not None and user.unit_code == principal.unit_code:
            return learner_id
        raise ApiError(403, "other_unit", messages_vi.OTHER_UNIT)
    raise ApiError(403, "not_your_data", messages_vi.NOT_YOUR_DATA)


def own_learner(principal: Principal, learner_id: str) -> str:
    """Routes that act for a learner (preferences, hint streams) only ever act for the caller."""
    if _learner_id(learner_id) != principal.learner_id:
        raise ApiError(403, "not_your_data", messages_vi.NOT_YOUR_DATA)
    return learner_id


@router.post("/events", status_code=202, summary="Gửi sự kiện học tập (xAPI)")
def post_events(
    key: EventsKey, learning: LearningDep, payload: Annotated[Any, Body(description="One statement or a list of up to 500.")]
) -> JSONResponse:
    """Server-to-server (managed API key, scope events:write): validate a batch as a whole, store it durably;
    re-sent statements are ignored. A key bound to a unit only sends that unit's statements."""
    if isinstance(payload, list) and len(payload) > MAX_BATCH:
        raise ApiError(413, "batch_too_large", messages_vi.BATCH_TOO_LARGE.format(limit=MAX_BATCH))
    if payload == [] or payload is None:
        raise ApiError(422, "empty_batch", messages_vi.EMPTY_BATCH)
    if key.unit_code is not None:
        items = payload if isinstance(payload, list) else [payload]
        if any(not isinstance(i, dict) or (i.get("actor") or {}).get("unit") != key.unit_code for i in items):
            raise ApiError(403, "api_key_unit", messages_vi.API_KEY_UNIT.format(unit=key.unit_code))
    return _store(payload, learning)


def _store(payload: Any, learning: LearningCoach) -> JSONResponse:
    statements, errors = validate_batch(payload, learning.course, dt.datetime.now(dt.UTC))
    if errors:
        body = {"code": "invalid_statements", "message": messages_vi.INVALID_STATEMENTS.format(count=len(errors)),
                "errors": [asdict(e) for e in errors[:100]]}  # fmt: skip
        return JSONResponse(body, status_code=422)
    stored, duplicates = learning.events.store(statements)
    return JSONResponse({"stored": stored, "duplicates": duplicates}, status_code=202)


@router.get("/learners/{learner_id}/progress", summary="Tiến độ học tập")
def progress(learner_id: str, request: Request, principal: SignedIn, learning: LearningDep) -> dict[str, Any]:
    """Topics completed, compulsory ones missing, quiz scores, time, days left, certificate eligibility."""
    learner_id = readable_learner(request, principal, learner_id)
    events = learning.events.events(learner_id)
    return asdict(compute_progress(learner_id, events, learning.course, learning.window, dt.date.today()))


def current_hint(learning: LearningCoach, learner_id: str) -> dict[str, Any] | None:
    """The hint due now for ``learner_id``, as the API returns it."""
    preference = learning.events.preference(learner_id)
    learner = Learner(learner_id, preference.role, preference.hints_enabled)
    hint = learning.hints.decide(learner, learning.events.events(learner_id), dt.datetime.now(dt.UTC))
    if hint is None:
        return None
    fields = {"id": hint.id, "rule": hint.rule, "object_id": hint.object_id, "text": hint.text, "topic": hint.topic_id}
    return {**fields, "source": hint.source}


@router.get("/learners/{learner_id}/hints", summary="Gợi ý cho học viên")
def hints(learner_id: str, principal: SignedIn, learning: LearningDep) -> dict[str, Any]:
    """At most one timely hint for the caller, with the courseware passage it comes from."""
    return {"hint": current_hint(learning, own_learner(principal, learner_id))}


@router.get(
    "/learners/{learner_id}/hints/stream",
    summary="Luồng gợi ý (Server-Sent Events)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "a `hint` event whenever a new hint is due"}},
)
async def hint_stream(learner_id: str, principal: SignedIn, learning: LearningDep) -> StreamingResponse:
    """Pushes a ``hint`` event when a new hint is due; closes after a few minutes (the browser reconnects)."""
    learner_id = own_learner(principal, learner_id)

    async def events() -> AsyncIterator[str]:
        last: str | None = None
        deadline = time.monotonic() + STREAM_SECONDS
        while time.monotonic() < deadline:
            hint = await run_in_threadpool(current_hint, learning, learner_id)
            if hint is not None and hint["id"] != last:
                last = hint["id"]
                yield f"event: hint\ndata: {json.dumps(hint, ensure_ascii=False)}\n\n"
            else:
                yield ": keep-alive\n\n"
            await asyncio.sleep(POLL_SECONDS)  # the server's polling period, not a test synchronisation

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})


@router.post("/me/events", status_code=202, summary="Sự kiện học tập của chính học viên (trang bài học)")
def post_own_events(principal: SignedIn, learning: LearningDep, payload: Annotated[Any, Body()]) -> JSONResponse:
    """Statements sent by the signed-in learner's own lesson page: only about the caller, with the caller's unit."""
    items = payload if isinstance(payload, list) else [payload]
    if len(items) > MAX_BATCH:
        raise ApiError(413, "batch_too_large", messages_vi.BATCH_TOO_LARGE.format(limit=MAX_BATCH))
    if any(not isinstance(i, dict) or (i.get("actor") or {}).get("id") not in (None, principal.learner_id) for i in items):
        raise ApiError(422, "wrong_learner", messages_vi.WRONG_LEARNER)
    for item in items:
        item["actor"] = {"id": principal.learner_id, **({"unit": principal.unit_code} if principal.unit_code else {})}
    return _store(items if isinstance(payload, list) else items[0], learning)


@router.put("/learners/{learner_id}/preferences", summary="Tùy chọn gợi ý")
def preferences(learner_id: str, principal: SignedIn, learning: LearningDep, hints_enabled: Annotated[bool | None, Body()] = None,
                role: Annotated[str | None, Body(max_length=32)] = None) -> dict[str, Any]:  # fmt: skip
    """Turn hints off ("don't show me hints") or on, and declare the learner's job role (the caller's own)."""
    saved = learning.events.set_preference(own_learner(principal, learner_id), hints_enabled, role)
    return {"learner_id": saved.learner_id, "hints_enabled": saved.hints_enabled, "role": saved.role}


@router.get("/analytics/hints", summary="Hiệu quả của gợi ý")
def hint_analytics(principal: UnitAdmin, request: Request, learning: LearningDep, unit: str | None = None) -> dict[str, Any]:
    """Per rule, the share of next quiz attempts that were right after a hint, and without one (a unit admin: their unit)."""
    scope = unit_scope(principal, unit)
    learners = learning.events.learner_ids()
    if scope is not None:
        in_unit = set(request.app.state.accounts.users.learner_ids_of_unit(scope))
        learners = [learner for learner in learners if learner in in_unit]
    events = {learner: learning.events.events(learner) for learner in learners}
    return hint_effectiveness(events, learning.course)
