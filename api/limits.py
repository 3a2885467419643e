"""Rejects oversized request bodies early, before they are read into memory."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import messages_vi

MAX_BODY_BYTES = 32 * 1024
# A batch of up to 500 learner statements is larger than a chat question.
PATH_LIMITS = {"/v1/events": 1024 * 1024, "/xapi/statements": 2 * 1024 * 1024}  # 500 platform statements: ~1.5 MB


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Pure ASGI middleware: a declared or streamed body over ``limit`` bytes gets a 413."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES, path_limits: dict[str, int] | None = None) -> None:
        self.app, self.default = app, limit
        self.path_limits = PATH_LIMITS if path_limits is None else path_limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.path_limits.get(scope.get("path", ""), self.default)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._reject(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                # The framework reports any failure while reading a body as a 400: the error handler reads this mark
                # to answer 413 instead (a chunked body has no length to refuse it by up front).
                scope["coach.body_too_large"] = limit
                raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._reject(send, limit)

    async def _reject(self, send: Send, limit: int) -> None:
        body = json.dumps(
            {"code": "body_too_large", "message": messages_vi.BODY_TOO_LARGE.format(limit=limit)}, ensure_ascii=False
        )
        await send(
            {"type": "http.response.start", "status": 413, "headers": [(b"content-type", b"application/json; charset=utf-8")]}
        )
        await send({"type": "http.response.body", "body": body.encode()})
