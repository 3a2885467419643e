"""LTI 1.3: the platforms an admin registered, the short-lived login state, and the tool's signing key.

A platform (Moodle, Open edX) is registered with its issuer, the client id it gave the coach, its
deployment ids, its OIDC login and token URLs and its key set URL. The state and nonce of an OIDC login
live in the database (any worker may receive the launch) and expire after ten minutes; a nonce is used
once. The tool's RSA key is made on first use and kept owner-only beside ``secret.key``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import Engine, delete, select
from sqlmodel import Field, Session, SQLModel

STATE_TTL = dt.timedelta(minutes=10)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class LtiPlatform(SQLModel, table=True):
    __tablename__ = "lti_platform"

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, primary_key=True, max_length=32)
    name: str = Field(max_length=120)
    issuer: str = Field(index=True, max_length=300)
    client_id: str = Field(max_length=300)
    deployment_ids: str = "[]"  # JSON list
    auth_login_url: str = Field(max_length=500)
    auth_token_url: str = Field(default="", max_length=500)
    key_set_url: str = Field(max_length=500)
    unit_code: str | None = Field(default=None, max_length=64)  # the unit of the accounts its launches create
    # The platform's xAPI account home page, when it differs from the issuer: a learner's launches and statements
    # then share one learner id.
    xapi_home_page: str | None = Field(default=None, max_length=300)
    created_at: dt.datetime = Field(default_factory=_now)

    @property
    def deployments(self) -> list[str]:
        return list(json.loads(self.deployment_ids))


class LtiState(SQLModel, table=True):
    __tablename__ = "lti_state"

    key: str = Field(primary_key=True, max_length=200)
    value: str
    expires_at: dt.datetime = Field(index=True)


class Platforms:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, **fields: Any) -> LtiPlatform:
        fields["deployment_ids"] = json.dumps(sorted(set(fields.pop("deployment_ids", []))))
        platform = LtiPlatform(**fields)
        with Session(self.engine) as session:
            session.add(platform)
            session.commit()
            session.refresh(platform)
            return platform

    def all(self) -> list[LtiPlatform]:
        with Session(self.engine) as session:
            return list(session.exec(select(LtiPlatform).order_by(LtiPlatform.created_at)).scalars())

    def find(self, issuer: str, client_id: str | None = None) -> LtiPlatform | None:
        with Session(self.engine) as session:
            query = select(LtiPlatform).where(LtiPlatform.issuer == issuer)
            if client_id is not None:
                query = query.where(LtiPlatform.client_id == client_id)
            return session.exec(query).scalars().first()

    def issuer_known(self, issuer: str) -> bool:
        return self.find(issuer) is not None


class StateStore:
    """Key-value entries with an expiry, shared by every worker through the database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def set(self, key: str, value: Any, ttl: dt.timedelta = STATE_TTL) -> None:
        with Session(self.engine) as session:
            session.merge(LtiState(key=key, value=json.dumps(value), expires_at=_now() + ttl))
            session.commit()

    def get(self, key: str) -> Any:
        with Session(self.engine) as session:
            row = session.get(LtiState, key)
            if row is None or _aware(row.expires_at) < _now():
                return None
            return json.loads(row.value)

    def take(self, key: str) -> bool:
        """Whether the key was there (and not expired), removing it: a nonce is good once."""
        with self.engine.begin() as connection:
            table = LtiState.__table__
            removed = connection.execute(delete(table).where(table.c.key == key, table.c.expires_at >= _now()))
            connection.execute(delete(table).where(table.c.expires_at < _now()))  # expired entries go with it
            return removed.rowcount == 1


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def tool_private_key(data_dir: Path) -> str:
    """The tool's RSA private key (PEM), made on first use, readable by the service's user only."""
    path = data_dir / "lti_tool_key.pem"
    if not path.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
    return path.read_text(encoding="utf-8")


def tool_public_key(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
