"""A conformant xAPI 1.0.3 statement resource for the course platform (Open edX, Moodle).

``POST``/``PUT /xapi/statements`` store statements as a Learning Record Store does (ids, idempotency,
409 on a conflicting id, voiding, batches), validated with ralph's xAPI models; what the coach tracks of
them goes through the same group commit as ``/v1/events``. ``GET /xapi/statements?statementId=…`` returns
one statement as the coach keeps it (without the platform's personal fields); ``GET /xapi/about`` says the
version. The platform authenticates with a managed API key (scope ``events:write``): HTTP Basic with the
key as the password (what LRS settings ask for), a bearer token, or ``X-API-Key``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Body, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from api import messages_vi
from api.access import Access, Admin, Public
from api.accounts.sessions import Principal
from api.deps import LearningDep, StatementWriterDep
from api.errors import ApiError
from coach.learner_events import MAX_BATCH
from coach.xapi_forward import pending
from coach.xapi_mapping import VOIDED, ActivityMap, compact, meaning
from coach.xapi_store import XapiBatch, XapiConflict, content_hash, record, sanitised, untracked_summary
from coach.xapi_validation import validate_statement

router = APIRouter(prefix="/xapi", tags=["xapi"])
admin_router = APIRouter(prefix="/v1/admin/xapi", tags=["admin"])
VERSION = "1.0.3"
VERSION_HEADERS = {"X-Experience-API-Version": VERSION}
VALIDATE_ON_LOOP = 20
MAX_ERRORS = 100


class XapiKeyAccess(Access):
    """The platform's API key (scope ``events:write``) from Basic, Bearer or ``X-API-Key``, then the version header."""

    def __init__(self) -> None:
        super().__init__(scope="events:write")

    def __call__(self, request: Request) -> Principal:
        secret = request.headers.get("x-api-key")
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if secret is None and scheme.lower() == "basic":
            try:
                secret = base64.b64decode(value.strip(), validate=True).decode().partition(":")[2]
            except (binascii.Error, UnicodeDecodeError):
                raise ApiError(401, "api_key_invalid", messages_vi.API_KEY_INVALID) from None
        elif secret is None and scheme.lower() == "bearer":
            secret = value.strip()
        if not secret:
            challenge = {"WWW-Authenticate": 'Basic realm="xapi"'}
            raise ApiError(401, "api_key_required", messages_vi.API_KEY_REQUIRED, headers=challenge)
        principal = request.app.state.accounts.api_keys.authenticate(secret)
        if principal is None:
            raise ApiError(401, "api_key_invalid", messages_vi.API_KEY_INVALID)
        if self.scope not in principal.scopes:
            raise ApiError(403, "api_key_scope", messages_vi.API_KEY_SCOPE)
        if not request.headers.get("x-experience-api-version", "").startswith("1.0"):
            raise ApiError(400, "xapi_version", messages_vi.XAPI_VERSION)
        return principal


XapiKey = Annotated[Principal, Depends(XapiKeyAccess())]


@router.get("/about", summary="Phiên bản xAPI được hỗ trợ")
def about(_: Public) -> JSONResponse:
    """The xAPI versions this resource speaks (no key needed, as the specification asks)."""
    return JSONResponse({"version": [VERSION]}, headers=VERSION_HEADERS)


@router.post("/statements", summary="Nhận câu lệnh xAPI (một hoặc một lô)")
async def post_statements(
    request: Request, key: XapiKey, learning: LearningDep, writer: StatementWriterDep,
    payload: Annotated[Any, Body(description="One xAPI 1.0.3 statement or a list of up to 500.")],
) -> JSONResponse:  # fmt: skip
    """Store a batch as a whole (nothing of it if any statement fails the specification); answers the ids."""
    _refuse_attachments(request)
    ids = await _store(payload, key, learning.xapi_activities, request, writer)
    return JSONResponse(ids, headers=VERSION_HEADERS)


@router.put("/statements", status_code=204, summary="Nhận một câu lệnh xAPI có id cho trước")
async def put_statement(
    request: Request, key: XapiKey, learning: LearningDep, writer: StatementWriterDep,
    statement_id: Annotated[uuid.UUID, Query(alias="statementId")],
    payload: Annotated[Any, Body(description="One xAPI 1.0.3 statement.")],
) -> Response:  # fmt: skip
    _refuse_attachments(request)
    if not isinstance(payload, dict):
        raise ApiError(400, "invalid_statement", messages_vi.XAPI_PUT_ONE)
    if payload.get("id") not in (None, str(statement_id)):
        raise ApiError(400, "statement_id_mismatch", messages_vi.XAPI_ID_MISMATCH)
    await _store({**payload, "id": str(statement_id)}, key, learning.xapi_activities, request, writer)
    return Response(status_code=204, headers=VERSION_HEADERS)


@router.get("/statements", summary="Lấy một câu lệnh xAPI theo id")
def get_statement(
    request: Request, key: XapiKey,
    statement_id: Annotated[uuid.UUID | None, Query(alias="statementId")] = None,
    voided_statement_id: Annotated[uuid.UUID | None, Query(alias="voidedStatementId")] = None,
) -> JSONResponse:  # fmt: skip
    """One statement as the coach keeps it; a voided one only by ``voidedStatementId`` (xAPI 2.1.4)."""
    if (statement_id is None) == (voided_statement_id is None):
        raise ApiError(400, "xapi_query", messages_vi.XAPI_QUERY)
    wanted = str(statement_id or voided_statement_id)
    with request.app.state.engine.connect() as connection:
        found = record(connection, wanted)
    if found is None or found.voided != (voided_statement_id is not None):
        raise ApiError(404, "statement_not_found", messages_vi.XAPI_NOT_FOUND)
    return JSONResponse(json.loads(found.statement), headers=VERSION_HEADERS)


@admin_router.get("/untracked", summary="Câu lệnh xAPI đã nhận nhưng không theo dõi được")
def untracked(request: Request, _: Admin) -> dict[str, Any]:
    """What the platform sent that the course file does not map (an activity, a verb), grouped, the most frequent
    first: the admin adds the IRIs to ``xapi_activities.yaml``; the statements are kept meanwhile. Also what waits
    for the forward LRS."""
    with request.app.state.engine.connect() as connection:
        report: dict[str, Any] = {"untracked": untracked_summary(connection)}
    # Statements waiting for the forward LRS (when one is configured): a growing queue says it is unreachable.
    report["forward"] = pending(request.app.state.engine) if request.app.state.settings.xapi_forward_url else None
    return report


def _refuse_attachments(request: Request) -> None:
    # Attachments (multipart/mixed) are files: certificates, scans — personal data the coach must not keep.
    if request.headers.get("content-type", "").lower().startswith("multipart/"):
        raise ApiError(400, "attachments_not_accepted", messages_vi.XAPI_ATTACHMENTS)


async def _store(payload: Any, key: Principal, activities: ActivityMap, request: Request, writer: Any) -> list[str]:
    items = payload if isinstance(payload, list) else [payload]
    if len(items) > MAX_BATCH:
        raise ApiError(413, "batch_too_large", messages_vi.BATCH_TOO_LARGE.format(limit=MAX_BATCH))
    if not items:
        raise ApiError(400, "empty_batch", messages_vi.EMPTY_BATCH)
    hasher = request.app.state.accounts.hasher
    now = dt.datetime.now(dt.UTC)
    prepare = lambda: _prepare(items, key, activities, hasher, now)  # noqa: E731
    statements, batch, errors = await anyio.to_thread.run_sync(prepare) if len(items) > VALIDATE_ON_LOOP else prepare()
    batch.forward = request.app.state.settings.xapi_forward_url is not None
    if errors:
        message = messages_vi.XAPI_INVALID.format(count=len(errors))
        raise ApiError(400, "invalid_statements", message, headers=VERSION_HEADERS, extra={"errors": errors[:MAX_ERRORS]})
    try:
        await writer.submit(statements, batch)
    except XapiConflict as conflict:
        raise ApiError(409, "statement_conflict", messages_vi.XAPI_CONFLICT.format(ids=", ".join(conflict.ids[:5]))) from None
    return [row["id"] for row in batch.rows]


def _prepare(items: list[Any], key: Principal, activities: ActivityMap, hasher: Any, now: dt.datetime) -> tuple:
    """Validate every statement against xAPI 1.0.3; map the valid ones. Errors name the statement and the field."""
    statements, batch, errors = [], XapiBatch(), []
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        if isinstance(item, dict) and "id" not in item:
            item = {**item, "id": str(uuid.uuid4())}  # the LRS assigns one (xAPI 2.4.1)
        try:
            validate_statement(item)
        except ValidationError as error:
            raw_id = item.get("id") if isinstance(item, dict) else None
            errors.extend(
                {"index": index, "id": raw_id, "field": _field(e["loc"]), "message": _message_vi(e)} for e in error.errors()[:5]
            )
            continue
        statement_id = str(uuid.UUID(str(item["id"])))
        digest = content_hash(hasher, item)
        if seen.get(statement_id, digest) != digest:
            errors.append({"index": index, "id": statement_id, "field": "id", "message": messages_vi.XAPI_SAME_ID_IN_BATCH})
            continue
        if statement_id in seen:
            continue
        seen[statement_id] = digest
        statement = {**item, "id": statement_id}
        learner_id, home_page = _learner(statement["actor"], hasher)
        found = meaning(statement, activities)
        tracked = compact(statement, found, activities, learner_id, key.unit_code) if learner_id else None
        if tracked is not None:
            statements.append(tracked)
        obj = statement["object"]
        voids = str(obj["id"]) if statement["verb"]["id"] == VOIDED and obj.get("objectType") == "StatementRef" else None
        batch.rows.append({
            "id": statement_id, "content_hash": digest, "learner_id": learner_id,
            "verb_iri": statement["verb"]["id"], "object_iri": str(obj.get("id", "")),
            "verb": found.verb, "object_type": found.target.kind if found.target else None,
            "object_id": found.target.id if found.target else None,
            "untracked": None if tracked is not None or voids else (found.untracked or "course"),
            "voids": voids, "voided": False, "source": key.display_name or key.id,
            "timestamp": _timestamp(statement, now), "stored_at": now,
            "statement": json.dumps(sanitised(statement, learner_id, home_page, now), ensure_ascii=False),
        })  # fmt: skip
    return statements, batch, errors


def _learner(actor: dict[str, Any], hasher: Any) -> tuple[str | None, str | None]:
    """The coach's id for the actor: a keyed hash of its platform account (or of its mailbox or OpenID as a last
    resort), never the name or address itself; ``None`` for a group."""
    account = actor.get("account")
    if isinstance(account, dict):
        return "lms-" + hasher("lms-account", f"{account['homePage']}|{account['name']}")[:24], account["homePage"]
    for field in ("mbox", "mbox_sha1sum", "openid"):
        if actor.get(field):
            return "lms-" + hasher("lms-" + field, str(actor[field]).lower())[:24], None
    return None, None


def _timestamp(statement: dict[str, Any], now: dt.datetime) -> dt.datetime:
    value = statement.get("timestamp")
    if not value:
        return now
    at = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _field(loc: tuple[Any, ...]) -> str:
    """The failing path as the statement spells it ("actor.account.homePage"), without the model names ralph adds."""
    parts = [str(p) for p in loc if not (isinstance(p, str) and (p[:1].isupper() or "[" in p))]
    return ".".join(parts) or "statement"


def _message_vi(error: dict[str, Any]) -> str:
    text = str(error.get("msg", ""))
    if "IRI" in text:
        return "không phải IRI hợp lệ"
    if "language tag" in text.lower() or "LanguageTag" in text:
        return "không phải mã ngôn ngữ hợp lệ (ví dụ vi-VN)"
    if error.get("type") == "no_empty_value":
        return "không được để trống"
    if error.get("type") == "value_error":
        return "giá trị không hợp lệ theo xAPI 1.0.3"
    from coach.validation_vi import validation_message_vi

    return validation_message_vi(error)
