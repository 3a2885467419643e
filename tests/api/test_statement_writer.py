"""Group commit: concurrent requests' statements share a transaction, each request gets its own counts."""

from __future__ import annotations

import asyncio
import threading
import uuid

from sqlmodel import create_engine

from api.database import upgrade
from api.statement_writer import StatementWriter
from coach.event_store import EventStore
from coach.learner_events import Statement


def statement(learner: str = "L-1", statement_id: str | None = None) -> Statement:
    return Statement.model_validate({
        "id": statement_id or str(uuid.uuid4()), "actor": {"id": learner}, "verb": "answered",
        "object": {"type": "quiz_item", "id": "cd02-q1"}, "timestamp": "2025-12-03T15:00:00+07:00",
    })  # fmt: skip


def test_store_many_counts_each_batch_and_a_shared_id_once(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = EventStore(engine)
    shared, known = str(uuid.uuid4()), statement()
    assert store.store([known]) == (1, 0)
    results = store.store_many([
        [statement(statement_id=shared), statement(), statement(statement_id=shared)],  # the same id twice in a batch
        [statement(learner="L-2", statement_id=shared), known, statement(learner="L-2")],
        [],
    ])  # fmt: skip
    assert results == [(2, 1), (1, 2), (0, 0)]
    assert store.count() == 4
    engine.dispose()


def test_concurrent_requests_share_transactions_and_all_are_stored(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = EventStore(engine)
    first_write_started, release_first_write = threading.Event(), threading.Event()

    def slow_first_group(batches: list[list[Statement]], xapi: list) -> list[tuple[int, int]]:
        if not first_write_started.is_set():  # hold the first transaction until every other request is queued
            first_write_started.set()
            release_first_write.wait(timeout=10)
        return store.store_many(batches, xapi)

    writer = StatementWriter(slow_first_group)
    writer.start()

    async def evening() -> list[tuple[int, int]]:
        first = asyncio.ensure_future(writer.submit([statement()]))
        await asyncio.to_thread(first_write_started.wait, 10)
        others = [asyncio.ensure_future(writer.submit([statement(f"L-{n}"), statement(f"L-{n}")])) for n in range(50)]
        await asyncio.sleep(0)  # the 50 requests are queued behind the running transaction
        release_first_write.set()
        return [await first, *[await task for task in others]]

    try:
        results = asyncio.run(evening())
    finally:
        writer.stop()
    assert results == [(1, 0)] + [(2, 0)] * 50
    assert store.count() == 101
    assert writer.groups == 2 and writer.batches == 51  # the 50 waiting requests went into one transaction
    engine.dispose()


def test_one_failing_request_does_not_fail_the_others_in_its_group() -> None:
    written: list[int] = []

    def store(batches: list[list[Statement]]) -> list[tuple[int, int]]:
        if any(len(b) == 3 for b in batches):
            raise RuntimeError("this batch cannot be written")
        written.extend(len(b) for b in batches)
        return [(len(b), 0) for b in batches]

    gate = threading.Event()
    writer = StatementWriter(lambda batches, _xapi: (gate.wait(10), store(batches))[1])
    writer.start()

    async def requests() -> list[object]:
        tasks = [asyncio.ensure_future(writer.submit([statement()] * n)) for n in (1, 3, 2)]
        await asyncio.sleep(0)
        gate.set()
        return await asyncio.gather(*tasks, return_exceptions=True)

    try:
        first, failed, last = asyncio.run(requests())
    finally:
        writer.stop()
    assert first == (1, 0) and last == (2, 0)
    assert isinstance(failed, RuntimeError)
    assert sorted(written) == [1, 2]


def test_stop_writes_what_is_queued_first() -> None:
    written: list[int] = []
    writer = StatementWriter(lambda batches, _xapi: [written.append(len(b)) or (len(b), 0) for b in batches])
    writer.start()

    async def submit_then_stop() -> tuple[int, int]:
        task = asyncio.ensure_future(writer.submit([statement(), statement()]))
        await asyncio.sleep(0)
        await asyncio.to_thread(writer.stop)
        return await task

    assert asyncio.run(submit_then_stop()) == (2, 0)
    assert written == [2] and writer.groups == 1
