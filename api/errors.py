"""Every error leaves the API as ``{"code": ..., "message": <Vietnamese>}`` with a 4xx/5xx status."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy import exc as sql_errors
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import messages_vi
from coach.validation_vi import validation_message_vi
from knowledge_base import IndexUnavailable, QueryError

log = logging.getLogger("coach.api")


class ApiError(Exception):
    """An error with a stable code, an HTTP status and a Vietnamese message."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None, extra: dict | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}
        self.extra = extra or {}  # further fields of the body (e.g. the failing statements of a batch)


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, extra: dict | None = None
) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, **(extra or {})}, status_code=status, headers=headers)


def _describe(errors: list[dict]) -> str:
    # Field paths only: echoing submitted values could leak personal data into responses and logs.
    parts = []
    for error in errors[:5]:
        location = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        parts.append(f"{location or 'nội dung'}: {validation_message_vi(error)}")
    return ", ".join(parts)


# Field errors with a message of their own (field, pydantic error type) -> (code, message).
_FIELD_ERRORS = {
    ("question", "string_too_long"): ("question_too_long", messages_vi.QUESTION_TOO_LONG),
    ("question", "string_too_short"): ("empty_question", messages_vi.EMPTY_QUESTION),
    ("conversation_id", "string_pattern_mismatch"): ("bad_conversation_id", messages_vi.BAD_CONVERSATION_ID),
    ("comment", "string_too_long"): ("comment_too_long", messages_vi.COMMENT_TOO_LONG),
}


def _refused_access(request: Request) -> JSONResponse | None:
    """The route's access rule, checked before a body error is reported: the framework reads and validates the body
    before it runs the route's dependencies, so a stranger's malformed request would learn about the body first."""
    from api.access import declared_access  # imported here: access imports this module

    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return None
    try:
        for access in declared_access(route):
            access(request)
    except ApiError as refused:
        return error_response(refused.status, refused.code, refused.message, refused.headers)
    return None


class ErrorOut(BaseModel):
    """Every error: a stable code and a Vietnamese message."""

    code: str
    message: str


# What any API route may answer besides its success, declared on every route (``include_router(responses=…)``) so that
# the OpenAPI document, the clients generated from it and the fuzzer checking it know every status the API returns.
ERROR_STATUSES = {
    400: "Nội dung gửi lên không đọc được",
    401: "Chưa đăng nhập, phiên hết hạn hoặc khóa API không hợp lệ",
    403: "Không có quyền, hoặc yêu cầu từ trang khác",
    404: "Không tìm thấy",
    409: "Xung đột (phiên vừa được gia hạn ở thẻ khác…)",
    413: "Nội dung gửi lên quá lớn",
    422: "Dữ liệu không hợp lệ",
    429: "Quá nhiều yêu cầu, thử lại sau",
    503: "Dịch vụ tạm thời không sẵn sàng",
}


DATABASE_RETRY_AFTER = 5  # seconds: a PostgreSQL restart takes a few
# What the database layer raises when the server is down or restarting, a connection broke, the pool is exhausted
# or SQLite is locked: a 503 with Retry-After, not a 500.
DATABASE_DOWN = (sql_errors.OperationalError, sql_errors.InterfaceError, sql_errors.TimeoutError)

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": description} for status, description in ERROR_STATUSES.items()
}


def install_error_handlers(app: FastAPI) -> None:
    """Map framework and domain errors to the JSON error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers, exc.extra)

    @app.exception_handler(IndexUnavailable)
    async def _index_down(_: Request, exc: IndexUnavailable) -> JSONResponse:
        log.warning("knowledge index unavailable: %s", type(exc.__cause__).__name__)
        return error_response(503, "index_unavailable", messages_vi.STORE_UNAVAILABLE, {"Retry-After": "30"})

    @app.exception_handler(sql_errors.OperationalError)
    @app.exception_handler(sql_errors.InterfaceError)
    @app.exception_handler(sql_errors.TimeoutError)  # the three of DATABASE_DOWN
    async def _database_down(_: Request, exc: Exception) -> JSONResponse:
        # The server is down or restarting, a connection broke, the pool is exhausted, SQLite is locked: the
        # transaction was rolled back, nothing was stored, and the same request succeeds once the database is back
        # (the pool pre-pings and replaces broken connections), so the client is told to retry.
        log.warning("database unavailable: %s", type(exc).__name__)
        retry = {"Retry-After": str(DATABASE_RETRY_AFTER)}
        return error_response(503, "database_unavailable", messages_vi.DATABASE_UNAVAILABLE, retry)

    @app.exception_handler(QueryError)
    async def _query_error(_: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, exc.code, exc.message_vi)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        refused = _refused_access(request)
        if refused is not None:
            return refused
        errors = exc.errors()
        # Not JSON at all, or JSON that is not an object where one is expected.
        if any(
            e.get("type") == "json_invalid" or (e.get("type") == "model_attributes_type" and tuple(e.get("loc", ())) == ("body",))
            for e in errors
        ):
            return error_response(400, "malformed_json", messages_vi.MALFORMED_JSON)
        for error in errors:
            known = _FIELD_ERRORS.get((str(error.get("loc", ("",))[-1]), str(error.get("type"))))
            if known:
                return error_response(422, *known)
        return error_response(422, "invalid_request", messages_vi.INVALID_REQUEST.format(detail=_describe(errors)))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(404, "not_found", messages_vi.NOT_FOUND)
        if exc.status_code == 405:  # with the framework's Allow header: the methods the address does take
            return error_response(405, "method_not_allowed", messages_vi.METHOD_NOT_ALLOWED, exc.headers)
        if exc.status_code == 400:  # the framework could not read the body: invalid UTF-8, JSON nested too deep…
            refused = _refused_access(request)
            if refused is not None:
                return refused
            limit = request.scope.get("coach.body_too_large")
            if limit:
                return error_response(413, "body_too_large", messages_vi.BODY_TOO_LARGE.format(limit=limit))
            return error_response(400, "malformed_body", messages_vi.MALFORMED_BODY)
        # Whatever else the framework raises: a Vietnamese message by status, never its English detail.
        return error_response(exc.status_code, "http_error", messages_vi.HTTP_ERROR.format(status=exc.status_code), exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %s", type(exc).__name__)
        return error_response(500, "internal_error", messages_vi.INTERNAL_ERROR)
