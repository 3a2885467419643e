"""Tables of accounts and access (owned by the api package).

Phone numbers are kept only as a keyed hash (for look-up) and a masked form (for display);
codes, tokens and API keys only as hashes.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Field, SQLModel

ROLES = ("learner", "unit_admin", "admin")
UNIT_KINDS = ("province", "commune")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_id() -> str:
    return uuid.uuid4().hex


class Unit(SQLModel, table=True):
    """A province or a commune/ward (two-level local government)."""

    __tablename__ = "account_unit"

    code: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=200)
    kind: str = Field(default="commune", max_length=16)
    province_code: str | None = Field(default=None, index=True, max_length=64)


class User(SQLModel, table=True):
    __tablename__ = "account_user"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    phone_hash: str = Field(unique=True, max_length=64)
    phone_masked: str = Field(max_length=16)
    display_name: str = Field(default="", max_length=120)
    # Lower case without diacritics: search works the same on SQLite and PostgreSQL, and "nguyen van a" finds "Nguyễn Văn A".
    name_folded: str = Field(default="", index=True, max_length=120)
    role: str = Field(default="learner", index=True, max_length=16)
    unit_code: str | None = Field(default=None, foreign_key="account_unit.code", index=True, max_length=64)
    learner_id: str = Field(default_factory=new_id, unique=True, max_length=64)  # the id the course platform uses
    active: bool = Field(default=True, index=True)
    created_at: dt.datetime = Field(default_factory=now)
    deactivated_at: dt.datetime | None = None
    last_login_at: dt.datetime | None = None


class LoginCode(SQLModel, table=True):
    """A one-time code: stored as a keyed hash, short-lived, single-use."""

    __tablename__ = "account_login_code"

    id: int | None = Field(default=None, primary_key=True)
    phone_hash: str = Field(index=True, max_length=64)
    ip_hash: str = Field(index=True, max_length=64)
    code_hash: str = Field(max_length=64)
    created_at: dt.datetime = Field(default_factory=now, index=True)
    expires_at: dt.datetime
    attempts: int = 0
    used_at: dt.datetime | None = None


class LoginFailure(SQLModel, table=True):
    """One wrong code; counted per number and per address for the lock-out."""

    __tablename__ = "account_login_failure"

    id: int | None = Field(default=None, primary_key=True)
    phone_hash: str = Field(index=True, max_length=64)
    ip_hash: str = Field(index=True, max_length=64)
    at: dt.datetime = Field(default_factory=now, index=True)


class AuthSession(SQLModel, table=True):
    """A login: a short-lived access token and a rotating refresh token, both stored hashed."""

    __tablename__ = "account_session"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    user_id: str = Field(foreign_key="account_user.id", index=True, max_length=32)
    access_hash: str = Field(unique=True, max_length=64)
    access_expires_at: dt.datetime
    refresh_hash: str = Field(unique=True, max_length=64)
    previous_refresh_hash: str | None = Field(default=None, index=True, max_length=64)
    expires_at: dt.datetime  # absolute end of the session
    created_at: dt.datetime = Field(default_factory=now)
    last_seen_at: dt.datetime = Field(default_factory=now)
    revoked_at: dt.datetime | None = Field(default=None, index=True)
    ip: str | None = Field(default=None, max_length=64)


class ApiKey(SQLModel, table=True):
    """A server-to-server key: shown once, stored hashed, scoped, revocable."""

    __tablename__ = "account_api_key"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    name: str = Field(max_length=120)
    prefix: str = Field(index=True, max_length=16)  # shown in lists so admins can tell keys apart
    key_hash: str = Field(unique=True, max_length=64)
    scopes: str = Field(default="[]", max_length=200)  # JSON list
    unit_code: str | None = Field(default=None, foreign_key="account_unit.code", max_length=64)
    created_by: str | None = Field(default=None, max_length=32)
    created_at: dt.datetime = Field(default_factory=now)
    last_used_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None


class AuditEntry(SQLModel, table=True):
    """Who did what, when, from where. Append-only: the migrations forbid UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=now, index=True)
    actor_id: str | None = Field(default=None, index=True, max_length=32)
    actor_role: str | None = Field(default=None, max_length=16)
    action: str = Field(index=True, max_length=48)
    target: str | None = Field(default=None, max_length=120)
    unit_code: str | None = Field(default=None, index=True, max_length=64)
    detail: str = Field(default="{}")  # JSON, never personal data
    ip: str | None = Field(default=None, max_length=64)


class FlagReview(SQLModel, table=True):
    """Each review decision on a guardrail flag (the flag row keeps the latest status)."""

    __tablename__ = "guardrail_flag_review"

    id: int | None = Field(default=None, primary_key=True)
    flag_id: int = Field(index=True)  # no foreign key: the retention purge removes old flags
    decision: str = Field(max_length=20)  # confirmed | false_positive | escalated
    reason: str | None = Field(default=None, max_length=500)
    reviewer_id: str | None = Field(default=None, max_length=32)
    at: dt.datetime = Field(default_factory=now, index=True)
