"""Learner events in, progress and hints out."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import asdict
from functools import partial
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from fastapi import APIRouter, Body, Header, Query
from fastapi.responses import JSONResponse, StreamingResponse

from api import messages_vi
from api.access import AUTH_ERRORS, EventsKey, SignedIn, UnitAdmin, unit_scope
from api.accounts.service import Accounts
from api.accounts.sessions import Principal
from api.deps import AccountsDep, HintPushDep, LearningDep, StatementWriterDep
from api.errors import ApiError
from api.hint_push import HINT, SESSION, HintPush
from api.statement_writer import StatementWriter
from coach.hint_analytics import hint_effectiveness
from coach.hint_delivery import DeliveredHint, hint_payload
from coach.hint_engine import Learner
from coach.learner_events import _LEARNER_ID, MAX_BATCH, validate_batch
from coach.learning import LearningCoach
from coach.progress import compute_progress

T = TypeVar("T")
router = APIRouter(prefix="/v1", tags=["learning"])
STREAM_SECONDS = 300
KEEP_ALIVE_SECONDS = 20  # below the idle time-outs of common proxies (nginx: 60 s)
RECONNECT_MS = 3000
VALIDATE_ON_LOOP = 20  # statements validated on the event loop; a larger batch goes to a thread
HINT_STREAM_EVENTS = (
    "`hint` (with an `id`: send it back as `Last-Event-ID`, or `?after=`, to resume without loss or repeats) whenever "
    "a new hint is decided; comments as keep-alives; `session-ended` `{code, message}` when the session expires or is "
    "revoked (sign in again, then reopen the stream with `?after=`)."
)


def _learner_id(value: str) -> str:
    if not re.fullmatch(_LEARNER_ID[1:-1], value):
        raise ApiError(422, "bad_learner_id", messages_vi.BAD_LEARNER_ID)
    return value


def readable_learner(accounts: Accounts, principal: Principal, learner_id: str) -> str:
    """A learner sees only themselves, a unit admin the learners of their unit, an admin everyone."""
    learner_id = _learner_id(learner_id)
    if principal.role == "admin" or learner_id == principal.learner_id:
        return learner_id
    if principal.role == "unit_admin":
        user = accounts.users.by_learner_id(learner_id)
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
async def post_events(
    key: EventsKey, learning: LearningDep, push: HintPushDep, writer: StatementWriterDep,
    payload: Annotated[Any, Body(description="One statement or a list of up to 500.")],
) -> JSONResponse:  # fmt: skip
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
    return await _store(payload, learning, push, writer)


async def _store(payload: Any, learning: LearningCoach, push: HintPush, writer: StatementWriter) -> JSONResponse:
    """Validate (a large batch off the event loop), then wait for the writer's commit that holds the statements."""
    validate = partial(validate_batch, payload, learning.course, dt.datetime.now(dt.UTC))
    large = isinstance(payload, list) and len(payload) > VALIDATE_ON_LOOP
    statements, errors = await anyio.to_thread.run_sync(validate) if large else validate()
    if errors:
        body = {"code": "invalid_statements", "message": messages_vi.INVALID_STATEMENTS.format(count=len(errors)),
                "errors": [asdict(e) for e in errors[:100]]}  # fmt: skip
        return JSONResponse(body, status_code=422)
    stored, duplicates = await writer.submit(statements)
    if stored:
        push.scheduler.wake()  # the learners were queued in the same transaction: decide their hints now
    return JSONResponse({"stored": stored, "duplicates": duplicates}, status_code=202)


@router.get("/learners/{learner_id}/progress", summary="Tiến độ học tập")
def progress(learner_id: str, principal: SignedIn, learning: LearningDep, accounts: AccountsDep) -> dict[str, Any]:
    """Topics completed, compulsory ones missing, quiz scores, time, days left, certificate eligibility."""
    learner_id = readable_learner(accounts, principal, learner_id)
    events = learning.events.events(learner_id)
    return asdict(compute_progress(learner_id, events, learning.course, learning.window, dt.date.today()))


def current_hint(learning: LearningCoach, learner_id: str) -> dict[str, Any] | None:
    """The hint due now for ``learner_id``, as the API returns it."""
    preference = learning.events.preference(learner_id)
    learner = Learner(learner_id, preference.role, preference.hints_enabled)
    hint = learning.hints.decide(learner, learning.events.events(learner_id), dt.datetime.now(dt.UTC))
    return None if hint is None else hint_payload(hint)


@router.get("/learners/{learner_id}/hints", summary="Gợi ý cho học viên")
def hints(learner_id: str, principal: SignedIn, learning: LearningDep) -> dict[str, Any]:
    """At most one timely hint for the caller, with the courseware passage it comes from."""
    return {"hint": current_hint(learning, own_learner(principal, learner_id))}


@router.get(
    "/learners/{learner_id}/hints/stream",
    summary="Luồng gợi ý (Server-Sent Events)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": HINT_STREAM_EVENTS}},
)
async def hint_stream(
    learner_id: str, principal: SignedIn, learning: LearningDep, push: HintPushDep, accounts: AccountsDep,
    last_event_id: Annotated[str | None, Header(max_length=20)] = None,
    after: Annotated[int | None, Query(ge=0, le=2**62, description="the last hint id seen (a page reopening its stream)")] = None,
) -> StreamingResponse:  # fmt: skip
    """Pushes a ``hint`` event whenever a new hint is decided for the caller; keep-alives otherwise."""
    learner_id = own_learner(principal, learner_id)
    seen = _last_seen(last_event_id, after)
    return StreamingResponse(
        _hint_events(learner_id, principal, learning, push, accounts, seen),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},  # proxies must not buffer the stream
    )


async def _hint_events(
    learner_id: str, principal: Principal, learning: LearningCoach, push: HintPush, accounts: Accounts, seen: int | None
) -> AsyncIterator[str]:
    """The stream: hints as they are decided, a keep-alive every few seconds, a clear event when the session ends.

    Everything lives inside the generator, subscription included: a page gone before its stream started leaves
    nothing behind."""
    loop = asyncio.get_running_loop()
    # Streams end after a few minutes (the browser reconnects with Last-Event-ID); jitter spreads the reconnects.
    ends = loop.time() + STREAM_SECONDS * random.uniform(0.8, 1.0)
    expires = principal.access_expires_at
    if expires is not None:
        ends = min(ends, loop.time() + (expires - dt.datetime.now(dt.UTC)).total_seconds())
    subscription = push.broker.subscribe(learner_id)  # before the first read: a hint logged in between still wakes us
    try:
        if seen is None:  # a page opening afresh: the hint due now
            first = await _off_loop(learning.delivery.decide, learner_id)
            if first is not None and first.new:
                push.notifier.publish([(HINT, learner_id)])  # the learner's other open pages
        else:  # a reconnect: only what was logged since
            first = await _off_loop(learning.delivery.after, learner_id, seen)
        yield f"retry: {RECONNECT_MS}\n\n"
        seen = seen or 0
        if first is not None:
            seen = first.seq
            yield _hint_event(first)
        while (remaining := ends - loop.time()) > 0:
            # anyio's own time-out, not asyncio.wait_for, which on Python 3.11 can swallow a cancellation.
            with anyio.move_on_after(min(KEEP_ALIVE_SECONDS, remaining)) as waiting:
                await subscription.event.wait()
            if waiting.cancelled_caught:
                yield ": keep-alive\n\n"
                continue
            kinds = subscription.take()
            if SESSION in kinds and principal.session_id:
                problem = await _off_loop(accounts.sessions.problem, principal.session_id)
                if problem is not None:
                    yield _event("session-ended", {"code": problem, "message": AUTH_ERRORS[problem]})
                    return
            if HINT in kinds:
                hint = await _off_loop(learning.delivery.after, learner_id, seen)
                if hint is not None:
                    seen = hint.seq
                    yield _hint_event(hint)
        if expires is not None and expires <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1):
            yield _event("session-ended", {"code": "session_expired", "message": AUTH_ERRORS["session_expired"]})
    finally:
        push.broker.unsubscribe(learner_id, subscription)


async def _off_loop(function: Callable[..., T], *args: Any) -> T:
    """Database work of an open stream in a worker thread; a page that goes away does not wait for it (a cancelled
    stream that had to wait for its thread would make anyio retry the cancellation on every turn of the loop)."""
    return await anyio.to_thread.run_sync(function, *args, abandon_on_cancel=True)


def _last_seen(header: str | None, after: int | None) -> int | None:
    """The last hint the page saw: the browser's Last-Event-ID on a reconnect, or ``after`` on a reopened stream."""
    if header is not None and header.strip().isdigit() and len(header.strip()) <= 18:
        return int(header.strip())
    return after


def _hint_event(hint: DeliveredHint) -> str:
    return f"id: {hint.seq}\n" + _event("hint", hint.hint)


def _event(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/me/events", status_code=202, summary="Sự kiện học tập của chính học viên (trang bài học)")
async def post_own_events(
    principal: SignedIn, learning: LearningDep, push: HintPushDep, writer: StatementWriterDep, payload: Annotated[Any, Body()]
) -> JSONResponse:
    """Statements sent by the signed-in learner's own lesson page: only about the caller, with the caller's unit."""
    items = payload if isinstance(payload, list) else [payload]
    if len(items) > MAX_BATCH:
        raise ApiError(413, "batch_too_large", messages_vi.BATCH_TOO_LARGE.format(limit=MAX_BATCH))
    if any(not isinstance(i, dict) or (i.get("actor") or {}).get("id") not in (None, principal.learner_id) for i in items):
        raise ApiError(422, "wrong_learner", messages_vi.WRONG_LEARNER)
    for item in items:
        item["actor"] = {"id": principal.learner_id, **({"unit": principal.unit_code} if principal.unit_code else {})}
    return await _store(items if isinstance(payload, list) else items[0], learning, push, writer)


@router.put("/learners/{learner_id}/preferences", summary="Tùy chọn gợi ý")
def preferences(learner_id: str, principal: SignedIn, learning: LearningDep, hints_enabled: Annotated[bool | None, Body()] = None,
                role: Annotated[str | None, Body(max_length=32)] = None) -> dict[str, Any]:  # fmt: skip
    """Turn hints off ("don't show me hints") or on, and declare the learner's job role (the caller's own)."""
    saved = learning.events.set_preference(own_learner(principal, learner_id), hints_enabled, role)
    return {"learner_id": saved.learner_id, "hints_enabled": saved.hints_enabled, "role": saved.role}


@router.get("/analytics/hints", summary="Hiệu quả của gợi ý")
def hint_analytics(principal: UnitAdmin, learning: LearningDep, accounts: AccountsDep, unit: str | None = None) -> dict[str, Any]:
    """Per rule, the share of next quiz attempts that were right after a hint, and without one (a unit admin: their unit)."""
    scope = unit_scope(principal, unit)
    learners = learning.events.learner_ids()
    if scope is not None:
        in_unit = set(accounts.users.learner_ids_of_unit(scope))
        learners = [learner for learner in learners if learner in in_unit]
    events = {learner: learning.events.events(learner) for learner in learners}
    return hint_effectiveness(events, learning.course)
