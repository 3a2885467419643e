"""The event store on the configured database (SQLite, or PostgreSQL in CI): idempotent batches, UTC times."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import event, insert, select
from sqlmodel import create_engine

from api.database import upgrade
from coach.event_store import EventStore, LearnerStatement
from coach.event_store import _row as row
from coach.learner_events import Statement


def statement(learner: str = "L-1", verb: str = "answered", when: str = "2025-12-03T15:00:00+07:00", **extra) -> Statement:
    body = {"id": str(uuid.uuid4()), "actor": {"id": learner, "unit": "xa-tan-phu"}, "verb": verb,
            "object": {"type": "quiz_item", "id": "cd02-q1"}, "timestamp": when}  # fmt: skip
    body.update(extra)
    return Statement.model_validate(body)


def test_batches_are_stored_once_and_read_back_in_utc(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = EventStore(engine)
    first = statement(result={"success": False, "response": "B", "duration": "PT1M30S"}, context={"extensions": {"try": 2}})
    second = statement(when="2025-12-03T08:05:00Z", result={"success": True})
    assert store.store([first, second]) == (2, 0)
    assert store.store([first, second]) == (0, 2)
    assert store.store([second, statement(learner="L-2")]) == (1, 1)
    assert store.count() == 3 and sorted(store.learner_ids()) == ["L-1", "L-2"]

    events = store.events("L-1")
    assert [e.timestamp for e in events] == [
        dt.datetime(2025, 12, 3, 8, 0, tzinfo=dt.UTC),  # 15:00 in Hà Nội
        dt.datetime(2025, 12, 3, 8, 5, tzinfo=dt.UTC),
    ]
    assert [e.success for e in events] == [False, True]
    assert events[0].duration_s == 90 and events[0].extensions == {"try": 2}
    hanoi = dt.timezone(dt.timedelta(hours=7))
    assert [e.success for e in store.events("L-1", since=dt.datetime(2025, 12, 3, 15, 3, tzinfo=hanoi))] == [True]
    engine.dispose()


def test_a_retry_racing_the_original_batch_counts_as_duplicate(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = EventStore(engine)
    raced, fresh = statement(), statement(verb="completed")
    original = create_engine(database_url)  # the original request, on its own connection
    committed: list[bool] = []

    @event.listens_for(engine, "before_cursor_execute")
    def original_commits_first(connection, cursor, sql: str, parameters, context, executemany: bool) -> None:  # noqa: ANN001
        # Just before this batch writes, the original request commits the same statement.
        if sql.lstrip().upper().startswith("INSERT") and not committed:
            committed.append(True)
            with original.begin() as other:
                other.execute(insert(LearnerStatement.__table__), [row(raced, dt.datetime.now(dt.UTC))])

    assert store.store([raced, fresh]) == (1, 1)
    assert store.count() == 2
    assert committed
    original.dispose()
    engine.dispose()


def test_nul_characters_are_dropped_so_postgresql_takes_the_batch(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = EventStore(engine)
    odd = statement(actor={"id": "L-3", "unit": "xa-tan\x00-phu"}, result={"response": "B\x00"})
    assert store.store([odd]) == (1, 0)
    with engine.connect() as connection:
        table = LearnerStatement.__table__
        assert connection.execute(select(table.c.unit, table.c.response)).one() == ("xa-tan-phu", "B")
    engine.dispose()
