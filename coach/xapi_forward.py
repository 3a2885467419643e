"""Forwarding statements to the ministry's own Learning Record Store, never losing one when it is down.

When a forward LRS is configured, each new statement gets an outbox row in the transaction that stores it.
A background thread sends due rows in batches (``POST <lrs>/statements``, HTTP Basic, the version header):
what the LRS accepts leaves the outbox; anything else (down, time-out, 5xx, a refusal) waits and is tried
again, the wait doubling from 5 s to an hour. What is forwarded is the statement as the coach keeps it:
the learner as a hashed account, no names, e-mails or free text.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import threading
from dataclasses import dataclass

import httpx
from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlmodel import Field, SQLModel

log = logging.getLogger(__name__)
BATCH = 200
FIRST_WAIT_S = 5
LONGEST_WAIT_S = 3600
CLAIM_S = 120  # a batch being sent is not picked again meanwhile (by this or another worker)


class XapiOutbox(SQLModel, table=True):
    __tablename__ = "xapi_outbox"

    statement_id: str = Field(primary_key=True, max_length=36)
    attempts: int = 0
    next_attempt_at: dt.datetime = Field(index=True)
    last_error: str | None = Field(default=None, max_length=200)


def enqueue(connection: Connection, statement_ids: list[str], now: dt.datetime) -> None:
    """Queue newly stored statements for forwarding (called inside the storing transaction)."""
    if statement_ids:
        rows = [{"statement_id": i, "attempts": 0, "next_attempt_at": now, "last_error": None} for i in statement_ids]
        connection.execute(XapiOutbox.__table__.insert(), rows)


@dataclass(frozen=True)
class ForwardTarget:
    url: str  # the LRS's xAPI base ("https://lrs.example.vn/xapi"); statements go to <url>/statements
    username: str
    password: str
    timeout_s: float = 10.0


class Forwarder:
    """Sends the outbox to the forward LRS from a background thread; :meth:`run_once` is one round."""

    def __init__(self, engine: Engine, target: ForwardTarget, interval_s: float = 2.0) -> None:
        self.engine, self.target, self.interval_s = engine, target, interval_s
        token = base64.b64encode(f"{target.username}:{target.password}".encode()).decode()
        self._client = httpx.Client(
            timeout=target.timeout_s,
            headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"},
        )
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="xapi-forward", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self._client.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                sent = self.run_once()
            except Exception as error:  # noqa: BLE001 — the database may be down: log one line, try again later
                log.warning("xAPI forward round failed: %s", type(error).__name__)
                sent = 0
            if not sent:
                self._stop.wait(self.interval_s)

    def run_once(self, now: dt.datetime | None = None) -> int:
        """Send one batch of due statements; returns how many the LRS accepted."""
        from coach.xapi_store import XapiStatementRecord

        now = now or dt.datetime.now(dt.UTC)
        outbox, records = XapiOutbox.__table__, XapiStatementRecord.__table__
        with self.engine.begin() as connection:
            due = connection.execute(
                select(outbox.c.statement_id, outbox.c.attempts, records.c.statement)
                .join(records, records.c.id == outbox.c.statement_id)
                .where(outbox.c.next_attempt_at <= now)
                .order_by(outbox.c.next_attempt_at)
                .limit(BATCH)
            ).all()
            if not due:
                return 0
            ids = [row.statement_id for row in due]
            connection.execute(
                update(outbox).where(outbox.c.statement_id.in_(ids)).values(next_attempt_at=now + dt.timedelta(seconds=CLAIM_S))
            )
        error = self._send([json.loads(row.statement) for row in due])
        with self.engine.begin() as connection:
            if error is None:
                connection.execute(delete(outbox).where(outbox.c.statement_id.in_(ids)))
                return len(ids)
            attempts = max(row.attempts for row in due) + 1
            wait = min(LONGEST_WAIT_S, FIRST_WAIT_S * 2 ** (attempts - 1))
            connection.execute(
                update(outbox)
                .where(outbox.c.statement_id.in_(ids))
                .values(attempts=attempts, next_attempt_at=now + dt.timedelta(seconds=wait), last_error=error[:200])
            )
        log.warning("xAPI forward: %d statements wait %d s (%s)", len(ids), wait, error[:80])
        return 0

    def _send(self, statements: list[dict]) -> str | None:
        """``None`` when the LRS took the batch, else why not (the statements stay queued)."""
        try:
            response = self._client.post(self.target.url.rstrip("/") + "/statements", json=statements)
        except httpx.HTTPError as error:
            return type(error).__name__
        if response.status_code in (200, 204):
            return None
        return f"HTTP {response.status_code}"


def pending(engine: Engine) -> dict[str, object]:
    """How many statements wait to be forwarded, and since when (for health checks)."""
    outbox = XapiOutbox.__table__
    with engine.connect() as connection:
        count, oldest = connection.execute(select(func.count(), func.min(outbox.c.next_attempt_at))).one()
    return {"pending": count, "next_attempt_at": oldest}
