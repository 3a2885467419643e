"""Learners whose hint must be decided again, and when: the durable queue between statements and hints.

A statement marks its learner due *now*, in the same transaction that stores it, so a hint is never
lost to a crash between the two; the hint engine marks a learner due *later* when a time-based rule
may fire without any new statement (the end of a cooldown, the deadline window). Any worker claims
due rows (``FOR UPDATE SKIP LOCKED`` on PostgreSQL), so several processes share the work and no
learner is decided twice at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, SQLModel


class LearnerHintDue(SQLModel, table=True):
    __tablename__ = "learner_hint_due"

    learner_id: str = Field(primary_key=True, max_length=64)
    due_at: dt.datetime = Field(index=True)


def mark_due(connection: Connection, due: Mapping[str, dt.datetime]) -> None:
    """Decide each learner's hint at their due time or earlier (an earlier due time already queued wins)."""
    # Sorted, so that concurrent transactions lock the rows in one order (no deadlock on PostgreSQL).
    rows = [{"learner_id": learner, "due_at": due[learner]} for learner in sorted(due)]
    if not rows:
        return
    table = LearnerHintDue.__table__
    if connection.dialect.name == "postgresql":
        statement = postgresql.insert(table)
        earliest = func.least(table.c.due_at, statement.excluded.due_at)
    else:
        statement = sqlite.insert(table)
        earliest = func.min(table.c.due_at, statement.excluded.due_at)  # two arguments: SQLite's scalar min
    connection.execute(statement.on_conflict_do_update(index_elements=[table.c.learner_id], set_={"due_at": earliest}), rows)


def claim_due(connection: Connection, now: dt.datetime, limit: int) -> list[str]:
    """Take up to ``limit`` learners due by ``now`` off the queue; rows another worker holds are skipped."""
    table = LearnerHintDue.__table__
    due = (
        select(table.c.learner_id)
        .where(table.c.due_at <= now)
        .order_by(table.c.due_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(connection.execute(delete(table).where(table.c.learner_id.in_(due)).returning(table.c.learner_id)).scalars())


def next_due(connection: Connection) -> dt.datetime | None:
    """The earliest due time in the queue (for the scheduler's sleep)."""
    return connection.execute(select(func.min(LearnerHintDue.__table__.c.due_at))).scalar()
