"""Learner statements and preferences in the database (tables owned by the coach package).

A batch is written in one transaction; re-sent statements (same id) are ignored, so a client
that retries after a time-out never double-counts. The same transaction queues the learners of the
new statements for a hint decision (``coach.hint_queue``): a stored statement is never without its
decision, even if the process dies right after the commit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from sqlalchemy import Engine, Insert, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, Session, SQLModel

from coach.hint_engine import Event, may_bring_a_hint
from coach.hint_queue import mark_due
from coach.learner_events import Statement, duration_seconds
from coach.learner_rollup import roll_up
from coach.xapi_store import XapiBatch, check_conflicts, drop_voided, store_rows


class LearnerStatement(SQLModel, table=True):
    __tablename__ = "learner_statement"

    id: str = Field(primary_key=True, max_length=36)
    learner_id: str = Field(index=True, max_length=64)
    unit: str | None = Field(default=None, index=True, max_length=64)
    verb: str = Field(max_length=20)
    object_type: str = Field(max_length=12)
    object_id: str = Field(max_length=80)
    success: bool | None = None
    score: float | None = None
    response: str | None = Field(default=None, max_length=20)
    duration_s: float | None = None
    timestamp: dt.datetime = Field(index=True)
    topic: str | None = Field(default=None, max_length=16)
    lesson: str | None = Field(default=None, max_length=16)
    extensions: str = "{}"
    stored_at: dt.datetime


class LearnerPreference(SQLModel, table=True):
    __tablename__ = "learner_preference"

    learner_id: str = Field(primary_key=True, max_length=64)
    hints_enabled: bool = True
    role: str | None = Field(default=None, max_length=32)


# The columns an Event is made of, in the order of its fields (after the learner).
_EVENT_COLUMNS = ("learner_id", "verb", "object_type", "object_id", "timestamp", "success", "duration_s", "topic", "lesson",
                  "extensions")  # fmt: skip


class EventStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def store(self, statements: list[Statement]) -> tuple[int, int]:
        """Store a validated batch atomically; returns (stored, already known)."""
        return self.store_many([statements])[0]

    def store_many(self, batches: list[list[Statement]], xapi: list[XapiBatch | None] | None = None) -> list[tuple[int, int]]:
        """Store several requests' batches in one transaction (group commit); returns (stored, already known) for each.

        A statement id seen twice (in one batch or in two) is stored once and counted for the first batch that sent it.
        ``xapi`` carries, per batch, the xAPI statements the batch came from (``coach.xapi_store``): written in the same
        transaction, a conflicting id fails the whole transaction (the writer then retries each batch alone).
        """
        now = dt.datetime.now(dt.UTC)
        owner: dict[str, int] = {}
        rows: list[dict] = []
        for number, statements in enumerate(batches):
            for statement in statements:
                row = _row(statement, now)
                if row["id"] not in owner:
                    owner[row["id"]] = number
                    rows.append(row)
        received = [b for b in (xapi or []) if b is not None and b.rows]
        if not rows and not received:
            return [(0, len(b)) for b in batches]
        table = LearnerStatement.__table__
        with self.engine.begin() as connection:
            voided: list[str] = []
            if received:
                voided = store_rows(connection, received, check_conflicts(connection, received))
                rows = [r for r in rows if r["id"] not in set(voided)]
            if not rows:
                drop_voided(connection, voided)
                return [(0, len(b)) for b in batches]
            insert_new = _insert_ignoring_known_ids(connection.dialect.name)
            if insert_new is not None:
                # Known ids are skipped by the database itself, so a retry that races the original request
                # (both in flight at once) is counted as duplicates instead of failing on the primary key.
                stored_ids = set(connection.execute(insert_new.returning(table.c.id), rows).scalars())
                fresh = [r for r in rows if r["id"] in stored_ids]
            else:
                known = set(connection.execute(select(table.c.id).where(table.c.id.in_([r["id"] for r in rows]))).scalars())
                fresh = [r for r in rows if r["id"] not in known]
                if fresh:
                    connection.execute(insert(table), fresh)
            # Due as of the statements themselves (never later than now): decided at the scheduler's next round.
            deciding = [r for r in fresh if may_bring_a_hint(r["verb"], r["object_type"])]
            mark_due(connection, _earliest_by_learner(deciding, now))
            roll_up(connection, fresh)
            drop_voided(connection, voided)
        stored = Counter(owner[r["id"]] for r in fresh)
        return [(stored[number], len(batch) - stored[number]) for number, batch in enumerate(batches)]

    def events(self, learner_id: str, since: dt.datetime | None = None) -> list[Event]:
        return self.events_of([learner_id], since).get(learner_id, [])

    def events_of(self, learner_ids: list[str], since: dt.datetime | None = None) -> dict[str, list[Event]]:
        """The statements of several learners in one query (the hint scheduler decides many at once), in time order."""
        table = LearnerStatement.__table__
        columns = [table.c[name] for name in _EVENT_COLUMNS]
        query = select(*columns).where(table.c.learner_id.in_(learner_ids))
        if since is not None:
            query = query.where(table.c.timestamp >= since)
        found: dict[str, list[Event]] = {}
        with self.engine.connect() as connection:
            for learner, verb, kind, object_id, at, success, duration, topic, lesson, extensions in connection.execute(
                query.order_by(table.c.timestamp)
            ):
                event = Event(verb, kind, object_id, _aware(at), success, duration, topic, lesson, json.loads(extensions))
                found.setdefault(learner, []).append(event)
        return found

    def learner_ids(self) -> list[str]:
        table = LearnerStatement.__table__
        with self.engine.connect() as connection:
            return list(connection.execute(select(table.c.learner_id).distinct()).scalars())

    def count(self) -> int:
        with Session(self.engine) as session:
            return len(session.exec(select(LearnerStatement.id)).all())

    def preference(self, learner_id: str) -> LearnerPreference:
        return self.preferences([learner_id])[learner_id]

    def preferences(self, learner_ids: list[str]) -> dict[str, LearnerPreference]:
        """Each learner's preferences (defaults when none were saved), in one query."""
        table = LearnerPreference.__table__
        with self.engine.connect() as connection:  # plain rows, not an ORM session: read on every hint decision
            rows = connection.execute(select(table).where(table.c.learner_id.in_(learner_ids))).mappings().all()
        saved = {row["learner_id"]: LearnerPreference(**row) for row in rows}
        return {learner: saved.get(learner) or LearnerPreference(learner_id=learner) for learner in learner_ids}

    def set_preference(self, learner_id: str, hints_enabled: bool | None = None, role: str | None = None) -> LearnerPreference:
        with Session(self.engine) as session:
            preference = session.get(LearnerPreference, learner_id) or LearnerPreference(learner_id=learner_id)
            if hints_enabled is not None:
                preference.hints_enabled = hints_enabled
            if role is not None:
                preference.role = role
            session.add(preference)
            session.commit()
            session.refresh(preference)
            return preference


def _insert_ignoring_known_ids(dialect: str) -> Insert | None:
    """``INSERT ... ON CONFLICT (id) DO NOTHING`` where the database has it (PostgreSQL, SQLite)."""
    table = LearnerStatement.__table__
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=[table.c.id])
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=[table.c.id])
    return None


def _earliest_by_learner(rows: list[dict], now: dt.datetime) -> dict[str, dt.datetime]:
    earliest: dict[str, dt.datetime] = {}
    for row in rows:
        learner = row["learner_id"]
        earliest[learner] = min(earliest.get(learner, now), row["timestamp"])
    return earliest


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite returns naive datetimes: everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _storable(text: str | None) -> str | None:
    """The text without NUL characters, which PostgreSQL's text columns refuse (SQLite keeps them)."""
    return None if text is None else text.replace("\x00", "")


def _row(statement: Statement, stored_at: dt.datetime) -> dict:
    result, context = statement.result, statement.context
    return {
        "id": str(statement.id),
        "learner_id": statement.actor.id,
        "unit": _storable(statement.actor.unit),
        "verb": statement.verb,
        "object_type": statement.object.type,
        "object_id": _storable(statement.object.id),
        "success": result.success,
        "score": result.score,
        "response": _storable(result.response) if statement.verb == "answered" else None,
        "duration_s": duration_seconds(result.duration),
        "timestamp": statement.timestamp,
        "topic": context.topic,
        "lesson": context.lesson,
        "extensions": json.dumps(context.extensions),
        "stored_at": stored_at,
    }
