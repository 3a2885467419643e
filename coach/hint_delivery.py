"""Hints decided when something happens, kept in order, so that open lesson pages are pushed to.

Every hint decided for a learner gets a row in ``learner_hint`` with a sequence number that only
grows; that number is the Server-Sent Events id, so a page that reconnects with ``Last-Event-ID``
gets exactly the hints it has not seen: none lost, none twice. A hint equal to the learner's latest
one is not recorded again (a page shows one hint at a time). Cooldown, dismissal and opt-out stay
the hint engine's: this module only decides *when* to ask it and remembers what it said.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Index, func, insert, select
from sqlmodel import Field, SQLModel

from coach.event_store import EventStore
from coach.hint_engine import Hint, HintEngine, Learner
from coach.hint_queue import claim_due, mark_due, next_due


class LearnerHint(SQLModel, table=True):
    __tablename__ = "learner_hint"
    __table_args__ = (Index("ix_learner_hint_learner_seq", "learner_id", "seq"),)

    seq: int | None = Field(default=None, primary_key=True)
    learner_id: str = Field(max_length=64)
    hint_id: str = Field(max_length=120)
    payload: str  # the hint as the API shows it (JSON)
    decided_at: dt.datetime


@dataclass(frozen=True)
class DeliveredHint:
    seq: int
    learner_id: str
    hint: dict[str, Any]
    new: bool = True  # logged by this decision (False: the learner's latest hint, still due)


def hint_payload(hint: Hint) -> dict[str, Any]:
    """A hint as the API and the lesson page read it."""
    fields = {"id": hint.id, "rule": hint.rule, "object_id": hint.object_id, "text": hint.text, "topic": hint.topic_id}
    return {**fields, "source": hint.source}


class HintDelivery:
    """Decides due learners' hints and keeps the ordered log that hint streams read."""

    def __init__(self, engine: Engine, events: EventStore, hints: HintEngine, clock: Callable[[], dt.datetime] | None = None):
        self.engine, self.events, self.hints = engine, events, hints
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))

    def run_due(self, limit: int = 200) -> list[DeliveredHint]:
        """Decide every learner due now (in batches of ``limit``); returns the hints that are new."""
        delivered: list[DeliveredHint] = []
        while True:
            now = self.clock()
            with self.engine.begin() as connection:
                learners = claim_due(connection, now, limit)
            if learners:
                delivered += [hint for hint in self.decide_many(learners, now) if hint.new]
            if len(learners) < limit:
                return delivered

    def decide(self, learner_id: str, now: dt.datetime | None = None) -> DeliveredHint | None:
        """The hint due now, if any, logged when it differs from the learner's latest; queues the next recheck.

        A page that opens its stream afresh is sent this (under the sequence number it was logged with)."""
        return next(iter(self.decide_many([learner_id], now)), None)

    def decide_many(self, learner_ids: list[str], now: dt.datetime | None = None) -> list[DeliveredHint]:
        """:meth:`decide` for many learners with a handful of queries in all, not a handful each."""
        now = now or self.clock()
        preferences = self.events.preferences(learner_ids)
        events = self.events.events_of(learner_ids)
        hints: dict[str, Hint] = {}
        rechecks: dict[str, dt.datetime] = {}
        for learner_id in learner_ids:
            preference = preferences[learner_id]
            learner = Learner(learner_id, preference.role, preference.hints_enabled)
            history = events.get(learner_id, [])
            hint = self.hints.decide(learner, history, now)
            if hint is not None:
                hints[learner_id] = hint
            recheck = self.hints.recheck_at(learner, history, now)
            if recheck is not None:
                rechecks[learner_id] = recheck
        table = LearnerHint.__table__
        with self.engine.begin() as connection:
            mark_due(connection, rechecks)
            if not hints:
                return []
            latest = self._latest(connection, list(hints))
            current = {learner: hint_payload(hint) for learner, hint in hints.items()}
            fresh = [learner for learner, hint in hints.items() if latest.get(learner, (0, None))[1] != hint.id]
            rows = [{"learner_id": learner, "hint_id": hints[learner].id, "decided_at": now,
                     "payload": json.dumps(current[learner], ensure_ascii=False)} for learner in fresh]  # fmt: skip
            logged = dict(
                (learner, seq)
                for seq, learner in connection.execute(insert(table).returning(table.c.seq, table.c.learner_id), rows)
            ) if rows else {}  # fmt: skip
        return [
            DeliveredHint(logged[learner], learner, payload, True) if learner in logged
            else DeliveredHint(latest[learner][0], learner, payload, False)
            for learner, payload in current.items()
        ]  # fmt: skip

    def after(self, learner_id: str, seq: int) -> DeliveredHint | None:
        """The newest hint logged after ``seq`` (a page shows one at a time: older ones were superseded)."""
        table = LearnerHint.__table__
        query = (
            select(table.c.seq, table.c.payload)
            .where(table.c.learner_id == learner_id, table.c.seq > seq)
            .order_by(table.c.seq.desc())
            .limit(1)
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None or not self.events.preference(learner_id).hints_enabled:
            return None
        return DeliveredHint(row.seq, learner_id, json.loads(row.payload))

    def latest(self, learner_id: str) -> DeliveredHint | None:
        return self.after(learner_id, 0)

    def queue(self, learner_ids: list[str], at: dt.datetime | None = None) -> None:
        """Decide these learners at the next round (a course-wide moment for the learners with an open page)."""
        due = at or self.clock()
        with self.engine.begin() as connection:
            mark_due(connection, dict.fromkeys(learner_ids, due))

    def next_due(self) -> dt.datetime | None:
        with self.engine.connect() as connection:
            return next_due(connection)

    @staticmethod
    def _latest(connection: Any, learner_ids: list[str]) -> dict[str, tuple[int, str]]:
        """Each learner's latest logged hint: (sequence number, hint id)."""
        table = LearnerHint.__table__
        newest = select(func.max(table.c.seq)).where(table.c.learner_id.in_(learner_ids)).group_by(table.c.learner_id)
        rows = connection.execute(select(table.c.learner_id, table.c.seq, table.c.hint_id).where(table.c.seq.in_(newest)))
        return {learner: (seq, hint_id) for learner, seq, hint_id in rows}
