"""Per-learner roll-ups kept up to date as statements arrive, so dashboards never rescan every statement.

``learner_day``: how many statements a learner sent on a (UTC) day, under which unit; it answers "who is known
by the end of a period", "who was active in it" and "who belongs to a unit". ``learner_topic_done``: the first
time a learner completed (or passed) a topic. Both are written in the transaction that stores the statements.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import Connection, func, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, SQLModel

COMPLETION_VERBS = ("completed", "passed")  # a topic counts as done (the progress rules read the same verbs)


class LearnerDay(SQLModel, table=True):
    __tablename__ = "learner_day"

    learner_id: str = Field(primary_key=True, max_length=64)
    day: dt.date = Field(primary_key=True, index=True)
    unit: str = Field(default="", primary_key=True, index=True, max_length=64)  # "" when the statement carried none
    statements: int = 0


class LearnerTopicDone(SQLModel, table=True):
    __tablename__ = "learner_topic_done"

    learner_id: str = Field(primary_key=True, max_length=64)
    topic_id: str = Field(primary_key=True, max_length=80)
    done_at: dt.datetime = Field(index=True)


def roll_up(connection: Connection, rows: list[dict]) -> None:
    """Add newly stored statement rows (``learner_statement`` dicts) to the roll-ups."""
    if not rows:
        return
    days = Counter((r["learner_id"], r["timestamp"].astimezone(dt.UTC).date(), r["unit"] or "") for r in rows)
    done: dict[tuple[str, str], dt.datetime] = {}
    for r in rows:
        if r["object_type"] == "topic" and r["verb"] in COMPLETION_VERBS:
            key = (r["learner_id"], r["object_id"])
            done[key] = min(done.get(key, r["timestamp"]), r["timestamp"])
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    day_table, done_table = LearnerDay.__table__, LearnerTopicDone.__table__
    statement = insert(day_table)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[day_table.c.learner_id, day_table.c.day, day_table.c.unit],
            set_={"statements": day_table.c.statements + statement.excluded.statements},
        ),
        [{"learner_id": learner, "day": day, "unit": unit, "statements": n} for (learner, day, unit), n in sorted(days.items())],
    )
    if done:
        statement = insert(done_table)
        earliest = (func.least if connection.dialect.name == "postgresql" else func.min)(
            done_table.c.done_at, statement.excluded.done_at
        )
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[done_table.c.learner_id, done_table.c.topic_id], set_={"done_at": earliest}
            ),
            [{"learner_id": learner, "topic_id": topic, "done_at": at} for (learner, topic), at in sorted(done.items())],
        )


def backfill(connection: Connection) -> None:
    """Rebuild both roll-ups from ``learner_statement`` (a migration on an existing database; bulk-seeded benchmarks)."""
    _rebuild(connection, "", {})


def rebuild_learners(connection: Connection, learner_ids: list[str]) -> None:
    """Rebuild the roll-ups of some learners (after statements of theirs were voided)."""
    for start in range(0, len(learner_ids), 500):
        chunk = learner_ids[start : start + 500]
        names = [f"l{i}" for i in range(len(chunk))]
        where = f"learner_id IN ({', '.join(':' + n for n in names)})"
        _rebuild(connection, where, dict(zip(names, chunk, strict=True)))


def _rebuild(connection: Connection, where: str, params: dict[str, str]) -> None:
    day = "CAST(timestamp AT TIME ZONE 'UTC' AS DATE)" if connection.dialect.name == "postgresql" else "date(timestamp)"
    verbs = ", ".join(f"'{verb}'" for verb in COMPLETION_VERBS)
    only = f"WHERE {where}" if where else ""
    also = f"AND {where}" if where else ""
    connection.execute(text(f"DELETE FROM learner_day {only}"), params)
    connection.execute(text(f"DELETE FROM learner_topic_done {only}"), params)
    connection.execute(text(
        f"INSERT INTO learner_day (learner_id, day, unit, statements) SELECT learner_id, {day}, COALESCE(unit, ''), COUNT(*) "
        f"FROM learner_statement {only} GROUP BY learner_id, {day}, COALESCE(unit, '')"
    ), params)  # fmt: skip
    connection.execute(text(
        "INSERT INTO learner_topic_done (learner_id, topic_id, done_at) SELECT learner_id, object_id, MIN(timestamp) "
        f"FROM learner_statement WHERE object_type = 'topic' AND verb IN ({verbs}) {also} GROUP BY learner_id, object_id"
    ), params)  # fmt: skip
