"""Managed API keys for server-to-server calls (the course platform sending learner events)."""

from __future__ import annotations

import datetime as dt
import json
import secrets

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from api.accounts.crypto import Hasher
from api.accounts.models import ApiKey, Unit, now
from api.accounts.sessions import Principal
from api.accounts.users import AccountError

SCOPES = {"events:write": "Gửi sự kiện học tập", "metrics:read": "Đọc số liệu giám sát (Prometheus)"}
TOUCH_EVERY = dt.timedelta(minutes=1)  # last-used is written at most once a minute per key


class ApiKeys:
    def __init__(self, engine: Engine, hasher: Hasher) -> None:
        self.engine, self.hash = engine, hasher

    def create(self, name: str, scopes: list[str], unit_code: str | None, created_by: str | None) -> tuple[ApiKey, str]:
        """The stored key and the secret, which is shown once and never again."""
        if not scopes or any(s not in SCOPES for s in scopes):
            raise AccountError("bad_scope")
        prefix = secrets.token_hex(4)
        secret = f"ck_{prefix}_{secrets.token_urlsafe(32)}"
        key = ApiKey(name=name.strip(), prefix=prefix, key_hash=self.hash("api_key", secret),
                     scopes=json.dumps(sorted(set(scopes))), unit_code=unit_code, created_by=created_by)  # fmt: skip
        with Session(self.engine) as session:
            if unit_code is not None and session.get(Unit, unit_code) is None:
                raise AccountError("unknown_unit")
            session.add(key)
            session.commit()
            session.refresh(key)
            return key, secret

    def authenticate(self, secret: str) -> Principal | None:
        with Session(self.engine) as session:
            key = session.exec(select(ApiKey).where(ApiKey.key_hash == self.hash("api_key", secret))).first()
            if key is None or key.revoked_at is not None:
                return None
            at = now()
            last = key.last_used_at
            if last is None or (last if last.tzinfo else last.replace(tzinfo=dt.UTC)) < at - TOUCH_EVERY:
                key.last_used_at = at
                session.add(key)
                session.commit()
                session.refresh(key)
            return Principal("api_key", key.id, unit_code=key.unit_code, display_name=key.name,
                             scopes=frozenset(json.loads(key.scopes)))  # fmt: skip

    def all(self) -> list[ApiKey]:
        with Session(self.engine) as session:
            return list(session.exec(select(ApiKey).order_by(col(ApiKey.created_at).desc())))

    def revoke(self, key_id: str) -> ApiKey:
        with Session(self.engine) as session:
            key = session.get(ApiKey, key_id)
            if key is None:
                raise AccountError("api_key_not_found")
            key.revoked_at = key.revoked_at or now()
            session.add(key)
            session.commit()
            session.refresh(key)
            return key
