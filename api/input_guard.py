"""Rejects NUL and other control characters in paths and query strings before any route sees them."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

from api import messages_vi

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class RejectControlCharacters:
    """Pure ASGI middleware: ``?q=%00`` or a path with ``%00`` gets a 400 instead of a database error."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            raw_path = scope.get("raw_path") or scope.get("path", "").encode()
            if _CONTROL.search(unquote_to_bytes(raw_path)) or _CONTROL.search(unquote_to_bytes(scope.get("query_string", b""))):
                body = json.dumps({"code": "control_characters", "message": messages_vi.CONTROL_CHARACTERS}, ensure_ascii=False)
                headers = [(b"content-type", b"application/json; charset=utf-8")]
                await send({"type": "http.response.start", "status": 400, "headers": headers})
                await send({"type": "http.response.body", "body": body.encode()})
                return
        await self.app(scope, receive, send)
