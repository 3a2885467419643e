"""The roll-ups kept as statements arrive equal the ones rebuilt from all statements (the migration's backfill)."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlalchemy import select
from sqlmodel import create_engine

from api.database import upgrade
from coach.event_store import EventStore
from coach.learner_events import Statement
from coach.learner_rollup import LearnerDay, LearnerTopicDone, backfill

KINDS = [("completed", "topic", "cd01"), ("passed", "topic", "cd02"), ("answered", "quiz_item", "cd01-q1"),
         ("progressed", "lesson", "cd01-l1"), ("completed", "lesson", "cd01-l2")]  # fmt: skip


def _random_statement(rng: random.Random) -> Statement:
    verb, kind, object_id = rng.choice(KINDS)
    when = dt.datetime(2025, 12, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(5 * 24 * 60))
    actor = {"id": f"L-{rng.randrange(4)}", **({"unit": rng.choice(["xa-a", "xa-b"])} if rng.random() < 0.8 else {})}
    return Statement.model_validate({"id": str(uuid.uuid4()), "actor": actor, "verb": verb,
                                     "object": {"type": kind, "id": object_id}, "timestamp": when.isoformat()})  # fmt: skip


def _snapshot(engine) -> tuple[list, list]:
    with engine.connect() as connection:
        days = sorted(connection.execute(select(LearnerDay.__table__)).all())
        done = sorted(
            (r.learner_id, r.topic_id, r.done_at.replace(tzinfo=None))
            for r in connection.execute(select(LearnerTopicDone.__table__))
        )
    return days, done


def test_incremental_roll_ups_match_a_full_rebuild(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store, rng = EventStore(engine), random.Random(3)
    batches = [[_random_statement(rng) for _ in range(rng.randint(1, 40))] for _ in range(30)]
    for batch in batches:
        store.store(batch)
    store.store(batches[0])  # re-sent statements change nothing
    incremental = _snapshot(engine)
    assert sum(row.statements for row in incremental[0]) == sum(len(b) for b in batches)
    with engine.begin() as connection:
        backfill(connection)
    assert _snapshot(engine) == incremental
