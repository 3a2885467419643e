"""Accounts in tests: units and users created through the real services, sign-in through the real API
with the development code sender writing to a buffer (exactly what a developer sees on the console)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api import Settings, create_app
from api.accounts.senders import ConsoleCodeSender

UNITS = {"xa-tan-phu": "Xã Tân Phú", "phuong-ben-thanh": "Phường Bến Thành"}
# Numbers of test people (valid mobile prefixes; not anyone's real number as far as we know).
PHONES = {"learner": "0912000001", "unit_admin": "0912000002", "admin": "0912000003", "other_admin": "0912000004",
          "other_learner": "0912000005"}  # fmt: skip


class Outbox:
    """The console sender's output, read back to find the code a phone just received."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.sender = ConsoleCodeSender(self.buffer)

    def last_code(self, phone: str) -> str:
        masked = phone[:3] + "*" * (len(phone) - 6) + phone[-3:]
        codes = re.findall(rf"cho {re.escape(masked)}: (\d{{6}})", self.buffer.getvalue())
        assert codes, f"no code was sent to {masked}"
        return codes[-1]


def seed_accounts(app: FastAPI) -> dict[str, str]:
    """Two units and one user of each role; returns learner ids by role name."""
    accounts = app.state.accounts
    province = "tinh-mau" if accounts.units.get("tinh-mau") is None else None
    if province:
        accounts.units.add("tinh-mau", "Tỉnh Mẫu", "province")
    for code, name in UNITS.items():
        if accounts.units.get(code) is None:
            accounts.units.add(code, name, "commune", "tinh-mau")
    ids = {}
    for role, unit, key, learner in (
        ("learner", "xa-tan-phu", "learner", "L-1"),
        ("unit_admin", "xa-tan-phu", "unit_admin", None),
        ("admin", None, "admin", None),
        ("unit_admin", "phuong-ben-thanh", "other_admin", None),
        ("learner", "phuong-ben-thanh", "other_learner", "L-2"),
    ):
        existing = accounts.users.by_phone_hash(accounts.hasher("phone", PHONES[key]))
        user = existing or accounts.users.create(PHONES[key], f"Người dùng {key}", role, unit, learner)
        ids[key] = user.learner_id
    return ids


def sign_in(client: TestClient, outbox: Outbox, phone: str, app_tokens: bool = True) -> dict[str, str]:
    """Request a code, read it from the outbox, verify; returns the Authorization header (app tokens)."""
    assert client.post("/v1/auth/code", json={"phone": phone}).status_code == 202
    body = {"phone": phone, "code": outbox.last_code(phone), "client": "app" if app_tokens else "browser"}
    response = client.post("/v1/auth/verify", json=body)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"} if app_tokens else {}


@contextmanager
def seeded_client(settings: Settings) -> Iterator[TestClient]:
    """A started app with the seeded units and users; its dev code outbox is ``app.state.test_outbox``."""
    outbox = Outbox()
    with TestClient(create_app(settings, code_sender=outbox.sender)) as client:
        client.app.state.test_learner_ids = seed_accounts(client.app)
        client.app.state.test_outbox = outbox
        yield client
