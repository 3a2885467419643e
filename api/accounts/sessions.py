"""Sessions: short-lived access tokens, rotating refresh tokens, server-side revocation."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, Row, update
from sqlmodel import Session, col, select

from api.accounts.crypto import Hasher, random_token
from api.accounts.models import AuthSession, User, now


@dataclass(frozen=True)
class Principal:
    """Who is calling: a signed-in user, or a server holding an API key."""

    kind: str  # "user" | "api_key"
    id: str
    role: str | None = None
    unit_code: str | None = None
    learner_id: str | None = None
    display_name: str = ""
    session_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    access_expires_at: dt.datetime | None = None  # when the access token used for this request expires

    @classmethod
    def of_user(cls, user: User, session_id: str | None = None, access_expires_at: dt.datetime | None = None) -> Principal:
        return cls("user", user.id, user.role, user.unit_code, user.learner_id, user.display_name, session_id,
                   access_expires_at=access_expires_at)  # fmt: skip


@dataclass(frozen=True)
class Tokens:
    access: str
    refresh: str
    access_expires_in: int
    refresh_expires_in: int
    session_id: str


class AuthError(Exception):
    """``kind``: not_signed_in | session_expired | session_revoked | account_disabled | refresh_reused | refresh_race."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


REFRESH_GRACE = dt.timedelta(seconds=30)  # a just-rotated refresh token seen again this soon is a race, not a theft


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


class Sessions:
    """Every request checks its session row, so revoking takes effect on the next request."""

    def __init__(
        self, engine: Engine, hasher: Hasher, access_ttl: dt.timedelta = dt.timedelta(minutes=15),
        session_ttl: dt.timedelta = dt.timedelta(days=30), clock: Callable[[], dt.datetime] = now,
    ) -> None:  # fmt: skip
        self.engine, self.hash, self.clock = engine, hasher, clock
        self.access_ttl, self.session_ttl = access_ttl, session_ttl

    def create(self, user_id: str, ip: str | None) -> Tokens:
        at = self.clock()
        access, refresh = random_token(), random_token()
        row = AuthSession(user_id=user_id, access_hash=self.hash("access", access), refresh_hash=self.hash("refresh", refresh),
                          access_expires_at=at + self.access_ttl, expires_at=at + self.session_ttl, created_at=at,
                          last_seen_at=at, ip=ip)  # fmt: skip
        with Session(self.engine) as session:
            session.add(row)
            session.commit()
            return self._tokens(access, refresh, row, at)

    def authenticate(self, access_token: str) -> Principal:
        at = self.clock()
        s, u = AuthSession.__table__.c, User.__table__.c
        # Every request comes through here: one Core query for the columns needed, no ORM objects.
        query = (
            select(s.id, s.access_expires_at, s.expires_at, s.revoked_at, u.id.label("user_id"), u.role, u.unit_code,
                   u.learner_id, u.display_name, u.active)
            .join_from(AuthSession.__table__, User.__table__, s.user_id == u.id)
            .where(s.access_hash == self.hash("access", access_token))
        )  # fmt: skip
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise AuthError("not_signed_in")
        self._check(row, row, at)  # the row carries both the session's and the user's columns
        if _aware(row.access_expires_at) <= at:
            raise AuthError("session_expired")
        return Principal("user", row.user_id, row.role, row.unit_code, row.learner_id, row.display_name, row.id,
                         access_expires_at=_aware(row.access_expires_at))  # fmt: skip

    def problem(self, session_id: str) -> str | None:
        """Why a session can no longer be used (revoked, account disabled, expired), or None: for open streams."""
        with Session(self.engine) as session:
            found = session.exec(select(AuthSession, User).join(User).where(AuthSession.id == session_id)).first()
            if found is None:
                return "session_revoked"
            try:
                self._check(*found, self.clock())
            except AuthError as error:
                return error.kind
            return None

    def refresh(self, refresh_token: str, ip: str | None) -> Tokens:
        """New access and refresh tokens; a refresh token used twice revokes the whole session (theft)."""
        at, digest = self.clock(), self.hash("refresh", refresh_token)
        with Session(self.engine) as session:
            found = session.exec(select(AuthSession, User).join(User).where(AuthSession.refresh_hash == digest)).first()
            if found is None:
                reused = session.exec(select(AuthSession).where(AuthSession.previous_refresh_hash == digest)).first()
                if reused is not None and reused.revoked_at is None and at - _aware(reused.last_seen_at) <= REFRESH_GRACE:
                    # Two tabs renewing at the same moment: the other one won, and its cookies are already shared.
                    raise AuthError("refresh_race")
                if reused is not None:
                    reused.revoked_at = reused.revoked_at or at
                    session.add(reused)
                    session.commit()
                    raise AuthError("refresh_reused")
                raise AuthError("not_signed_in")
            row, user = found
            self._check(row, user, at)
            access, refresh = random_token(), random_token()
            rotated = session.exec(
                update(AuthSession)
                .where(AuthSession.id == row.id, AuthSession.refresh_hash == digest)
                .values(access_hash=self.hash("access", access), access_expires_at=at + self.access_ttl,
                        refresh_hash=self.hash("refresh", refresh), previous_refresh_hash=digest, last_seen_at=at, ip=ip)
            )  # fmt: skip
            session.commit()
            if rotated.rowcount != 1:  # a concurrent refresh won; this token is now the previous one
                raise AuthError("refresh_reused")
            return self._tokens(access, refresh, row, at)

    def revoke(self, session_id: str) -> None:
        with Session(self.engine) as session:
            session.exec(update(AuthSession).where(AuthSession.id == session_id, col(AuthSession.revoked_at).is_(None))
                         .values(revoked_at=self.clock()))  # fmt: skip
            session.commit()

    def revoke_refresh(self, refresh_token: str) -> str | None:
        """Ends the session a refresh token belongs to (logout with an expired access token); its id, if any."""
        with Session(self.engine) as session:
            row = session.exec(select(AuthSession).where(AuthSession.refresh_hash == self.hash("refresh", refresh_token))).first()
            if row is None:
                return None
            row.revoked_at = row.revoked_at or self.clock()
            session.add(row)
            session.commit()
            return row.id

    def revoke_user(self, user_id: str) -> int:
        """Ends every session of a user at once; returns how many were open."""
        with Session(self.engine) as session:
            result = session.exec(
                update(AuthSession)
                .where(AuthSession.user_id == user_id, col(AuthSession.revoked_at).is_(None))
                .values(revoked_at=self.clock())
            )
            session.commit()
            return result.rowcount

    def _check(self, row: AuthSession | Row, user: User | Row, at: dt.datetime) -> None:
        if row.revoked_at is not None:
            raise AuthError("session_revoked")
        if not user.active:
            raise AuthError("account_disabled")
        if _aware(row.expires_at) <= at:
            raise AuthError("session_expired")

    def _tokens(self, access: str, refresh: str, row: AuthSession, at: dt.datetime) -> Tokens:
        remaining = int((_aware(row.expires_at) - at).total_seconds())
        return Tokens(access, refresh, int(self.access_ttl.total_seconds()), remaining, row.id)


def scopes_of(raw: str) -> frozenset[str]:
    return frozenset(json.loads(raw or "[]"))
