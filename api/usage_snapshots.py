"""The all-units usage summary, computed at most once in five minutes for every worker and host, never by a crowd.

The overall view reads the whole period (seconds at full enrolment), so it is kept in the database
(``usage_snapshot``) with the time it was computed. A request gets the stored summary when it is fresh; when it
is stale, the stored one is returned at once and one thread of this process refreshes it in the background;
only the very first request for a period waits for it. Unit views are fast and always computed fresh.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, SQLModel

log = logging.getLogger(__name__)
FRESH_FOR = dt.timedelta(minutes=5)  # the dashboard says when it was computed
KEPT_FOR = dt.timedelta(days=1)  # summaries of periods nobody looked at since are dropped


class UsageSnapshot(SQLModel, table=True):
    __tablename__ = "usage_snapshot"

    key: str = Field(primary_key=True, max_length=64)
    computed_at: dt.datetime
    payload: str  # the summary as JSON


class SharedUsageCache:
    def __init__(self, engine: Engine, fresh_for: dt.timedelta = FRESH_FOR) -> None:
        self.engine, self.fresh_for = engine, fresh_for
        self._guard = threading.Lock()
        self._refreshing: dict[str, threading.Lock] = {}

    def get(self, key: str, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The stored summary of ``key`` (refreshed in the background when stale), or computed once when missing."""
        stored = self._read(key)
        if stored is not None and not self._stale(stored[0]):
            return stored[1]
        lock = self._lock_of(key)
        if stored is not None:
            if lock.acquire(blocking=False):  # one background refresh per key in this process
                threading.Thread(target=self._refresh, args=(key, compute, lock), daemon=True).start()
            return stored[1]
        with lock:  # the first request of a period: the others wait for its result instead of computing it again
            stored = self._read(key)
            if stored is not None:
                return stored[1]
            return self._store(key, compute())

    def _refresh(self, key: str, compute: Callable[[], dict[str, Any]], lock: threading.Lock) -> None:
        try:
            self._store(key, compute())
        except Exception:  # noqa: BLE001 — the stale summary stays; the next request tries again
            log.exception("usage summary refresh failed")
        finally:
            lock.release()

    def _lock_of(self, key: str) -> threading.Lock:
        with self._guard:
            return self._refreshing.setdefault(key, threading.Lock())

    def _stale(self, computed_at: dt.datetime) -> bool:
        return dt.datetime.now(dt.UTC) - _aware(computed_at) >= self.fresh_for

    def _read(self, key: str) -> tuple[dt.datetime, dict[str, Any]] | None:
        table = UsageSnapshot.__table__
        with self.engine.connect() as connection:
            row = connection.execute(select(table.c.computed_at, table.c.payload).where(table.c.key == key)).first()
        return None if row is None else (row.computed_at, json.loads(row.payload))

    def _store(self, key: str, summary: dict[str, Any]) -> dict[str, Any]:
        table = UsageSnapshot.__table__
        row = {"key": key, "computed_at": dt.datetime.now(dt.UTC), "payload": json.dumps(summary, ensure_ascii=False)}
        upsert = (postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert)(table)
        with self.engine.begin() as connection:
            # Another worker may store the same period at the same moment: the later one wins, nobody fails.
            connection.execute(upsert.on_conflict_do_update(index_elements=[table.c.key], set_=row), row)
            connection.execute(delete(table).where(table.c.computed_at < row["computed_at"] - KEPT_FOR))
        return summary


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
