"""The allowlist in the service database: a term an admin clears reaches every worker and host.

The file allowlist (``Allowlist``) still counts, for terms an operator ships with the deployment.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine
from sqlmodel import Field, Session, SQLModel, select

from guardrails.normalizer import fold, normalize
from guardrails.policy import Allowlist


class AllowlistTerm(SQLModel, table=True):
    """A cleared term (owned by the guardrails package)."""

    __tablename__ = "guardrail_allowlist"

    term: str = Field(primary_key=True, max_length=80)
    added_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))


class SqlAllowlist:
    """Terms from the database, re-read at most every ``refresh_seconds`` (at once after a local ``add``)."""

    def __init__(self, engine: Engine, file: Allowlist | None = None, refresh_seconds: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.engine, self.file, self.refresh_seconds, self.clock = engine, file or Allowlist(), refresh_seconds, clock
        self._lock = threading.Lock()
        self._loaded_at: float | None = None
        self._terms: tuple[str, ...] = ()

    def terms(self) -> tuple[str, ...]:
        with self._lock:
            now = self.clock()
            if self._loaded_at is None or now - self._loaded_at >= self.refresh_seconds:
                with Session(self.engine) as session:
                    raw = session.exec(select(AllowlistTerm.term)).all()
                self._terms = tuple(fold(normalize(t).text).strip() for t in raw if t.strip())
                self._loaded_at = now
            database = self._terms
        return tuple(dict.fromkeys((*self.file.terms(), *database)))

    def add(self, term: str) -> None:
        term = term.strip()
        with Session(self.engine) as session:
            if session.get(AllowlistTerm, term) is None:
                session.add(AllowlistTerm(term=term))
                session.commit()
        with self._lock:
            self._loaded_at = None  # this process sees it on its next check; others within refresh_seconds

    def remove(self, term: str) -> bool:
        """Withdraw a cleared term; whether it was there."""
        with Session(self.engine) as session:
            row = session.get(AllowlistTerm, term.strip())
            if row is None:
                return False
            session.delete(row)
            session.commit()
        with self._lock:
            self._loaded_at = None
        return True

    def entries(self) -> list[AllowlistTerm]:
        """The cleared terms as the admins typed them, oldest first, for the console."""
        with Session(self.engine) as session:
            return list(session.exec(select(AllowlistTerm).order_by(AllowlistTerm.added_at)))

    def raw_terms(self) -> list[str]:
        return [entry.term for entry in self.entries()]
