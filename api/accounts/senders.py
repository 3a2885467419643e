"""How one-time codes reach the phone: a console sender for development, an SMS gateway for service."""

from __future__ import annotations

import sys
from typing import Protocol, TextIO

import httpx

from api.accounts.phone import mask_phone

CODE_SMS = "Mã đăng nhập Trợ lý số của bạn là {code}. Mã có hiệu lực {minutes} phút. Không chia sẻ mã này cho bất kỳ ai."


class SendError(Exception):
    """The code could not be delivered."""


class CodeSender(Protocol):
    def send(self, phone: str, code: str, minutes: int) -> None: ...


class NoSender:
    """No gateway configured and not in development: codes cannot be delivered."""

    def send(self, phone: str, code: str, minutes: int) -> None:
        raise SendError("no SMS gateway configured")


class ConsoleCodeSender:
    """Development only: writes the code to the console (standard output), never to the logs."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def send(self, phone: str, code: str, minutes: int) -> None:
        stream = self.stream or sys.stdout
        stream.write(f"[dev] mã đăng nhập cho {mask_phone(phone)}: {code}\n")
        stream.flush()


class HttpSmsSender:
    """Posts ``{"to", "message"}`` as JSON to an SMS gateway, with a bearer token when configured."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 10.0, transport: httpx.BaseTransport | None = None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.url = url
        self._client = httpx.Client(timeout=timeout, headers=headers, transport=transport)

    def send(self, phone: str, code: str, minutes: int) -> None:
        try:
            response = self._client.post(self.url, json={"to": phone, "message": CODE_SMS.format(code=code, minutes=minutes)})
        except httpx.HTTPError as exc:
            raise SendError(type(exc).__name__) from None
        if response.status_code >= 300:
            raise SendError(f"gateway status {response.status_code}")
