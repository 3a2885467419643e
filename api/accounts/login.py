"""Phone + one-time-code login: issuing, rate limits, verification, lock-out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, update
from sqlmodel import Session, col, func, select

from api.accounts.crypto import Hasher, random_code
from api.accounts.models import LoginCode, LoginFailure, User, now
from api.accounts.senders import CodeSender


@dataclass(frozen=True)
class LoginLimits:
    code_ttl: dt.timedelta = dt.timedelta(minutes=5)
    window: dt.timedelta = dt.timedelta(minutes=15)  # the period the counts below are taken over
    codes_per_phone: int = 3
    codes_per_ip: int = 100  # one commune office often reaches us from a single address
    attempts_per_code: int = 5
    failures_before_lockout: int = 5  # per number, within the window: the number is locked for the window
    failures_per_ip: int = 100


class LoginError(Exception):
    """A refused login step: ``kind`` is the API error code, ``retry_after`` in seconds when waiting helps."""

    def __init__(self, kind: str, retry_after: int | None = None) -> None:
        super().__init__(kind)
        self.kind, self.retry_after = kind, retry_after


class OneTimeCodes:
    """Codes are random, expire after ``code_ttl``, work once, and are stored only as keyed hashes."""

    def __init__(
        self, engine: Engine, hasher: Hasher, sender: CodeSender, limits: LoginLimits | None = None,
        clock: Callable[[], dt.datetime] = now,
    ) -> None:  # fmt: skip
        self.engine, self.hash, self.sender = engine, hasher, sender
        self.limits, self.clock = limits or LoginLimits(), clock

    def request(self, phone: str, ip: str) -> bool:
        """Send a code when the number belongs to an active user; returns whether one was sent.

        The caller answers the same either way, so the endpoint does not reveal who has an account.
        """
        phone_hash, ip_hash, at = self.hash("phone", phone), self.hash("ip", ip), self.clock()
        since = at - self.limits.window
        with Session(self.engine) as session:
            self._refuse_if_locked(session, phone_hash, ip_hash, at)
            by_phone = self._count(session, LoginCode, LoginCode.phone_hash == phone_hash, LoginCode.created_at >= since)
            if by_phone >= self.limits.codes_per_phone:
                raise LoginError("too_many_codes", self._retry(session, LoginCode, LoginCode.phone_hash == phone_hash, at))
            if (
                self._count(session, LoginCode, LoginCode.ip_hash == ip_hash, LoginCode.created_at >= since)
                >= self.limits.codes_per_ip
            ):
                raise LoginError("too_many_requests", self._retry(session, LoginCode, LoginCode.ip_hash == ip_hash, at))
            user = session.exec(select(User).where(User.phone_hash == phone_hash, User.active == True)).first()  # noqa: E712
            code = random_code()
            # A new code replaces the earlier ones; unknown numbers get a row too, so they are rate-limited alike.
            session.exec(
                update(LoginCode).where(LoginCode.phone_hash == phone_hash, col(LoginCode.used_at).is_(None)).values(used_at=at)
            )
            session.add(LoginCode(phone_hash=phone_hash, ip_hash=ip_hash, code_hash=self.hash("code", f"{phone_hash}:{code}"),
                                  created_at=at, expires_at=at + self.limits.code_ttl, used_at=None if user else at))  # fmt: skip
            session.commit()
        if user is not None:
            self.sender.send(phone, code, int(self.limits.code_ttl.total_seconds() // 60))
        return user is not None

    def verify(self, phone: str, code: str, ip: str) -> str:
        """The number's keyed hash when ``code`` is its current code; the code is spent either way it is used."""
        phone_hash, ip_hash, at = self.hash("phone", phone), self.hash("ip", ip), self.clock()
        with Session(self.engine) as session:
            self._refuse_if_locked(session, phone_hash, ip_hash, at)
            current = session.exec(
                select(LoginCode)
                .where(LoginCode.phone_hash == phone_hash, col(LoginCode.used_at).is_(None), LoginCode.expires_at > at)
                .order_by(col(LoginCode.created_at).desc())
            ).first()
            if current is not None and self.hash.matches("code", f"{phone_hash}:{code}", current.code_hash):
                # Conditional update: of two requests racing with the same code only one wins.
                spent = session.exec(
                    update(LoginCode).where(LoginCode.id == current.id, col(LoginCode.used_at).is_(None)).values(used_at=at)
                )
                session.commit()
                if spent.rowcount == 1:
                    return phone_hash
                current = None
            if current is not None:
                current.attempts += 1
                if current.attempts >= self.limits.attempts_per_code:
                    current.used_at = at
                session.add(current)
            session.add(LoginFailure(phone_hash=phone_hash, ip_hash=ip_hash, at=at))
            session.commit()
            self._refuse_if_locked(session, phone_hash, ip_hash, at)
        raise LoginError("invalid_code")

    def _refuse_if_locked(self, session: Session, phone_hash: str, ip_hash: str, at: dt.datetime) -> None:
        since = at - self.limits.window
        by_phone = (LoginFailure.phone_hash == phone_hash, LoginFailure.at >= since)
        if self._count(session, LoginFailure, *by_phone) >= self.limits.failures_before_lockout:
            raise LoginError("locked", self._retry(session, LoginFailure, LoginFailure.phone_hash == phone_hash, at))
        if (
            self._count(session, LoginFailure, LoginFailure.ip_hash == ip_hash, LoginFailure.at >= since)
            >= self.limits.failures_per_ip
        ):
            raise LoginError("too_many_requests", self._retry(session, LoginFailure, LoginFailure.ip_hash == ip_hash, at))

    @staticmethod
    def _count(session: Session, table: type, *where: object) -> int:
        return session.exec(select(func.count()).select_from(table).where(*where)).one()

    def _retry(self, session: Session, table: type[LoginCode] | type[LoginFailure], where: object, at: dt.datetime) -> int:
        """Seconds until the newest event of the window leaves it (a conservative wait)."""
        stamp = LoginCode.created_at if table is LoginCode else LoginFailure.at
        newest = session.exec(select(func.max(stamp)).where(where)).one()
        if newest is None:
            return 60
        newest = newest if newest.tzinfo else newest.replace(tzinfo=dt.UTC)
        return max(1, int((newest + self.limits.window - at).total_seconds()))
