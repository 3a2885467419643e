"""Hints decided when statements arrive and when a time-based rule falls due, logged in order, on the configured
database (SQLite, or PostgreSQL in CI), with a controlled clock."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlmodel import create_engine

from api.database import upgrade
from coach.event_store import EventStore
from coach.hint_delivery import HintDelivery
from coach.hint_engine import HintEngine
from coach.learner_events import Statement
from tests.coach.test_hint_engine import COURSE, WINDOW

START = dt.datetime(2025, 12, 3, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def stmt(learner: str, verb: str, kind: str, object_id: str, when: dt.datetime, **extra) -> Statement:
    body = {"id": str(uuid.uuid4()), "actor": {"id": learner}, "verb": verb, "object": {"type": kind, "id": object_id},
            "timestamp": when.isoformat()}  # fmt: skip
    return Statement.model_validate({**body, **extra})


def wrong(learner: str, item: str, when: dt.datetime) -> Statement:
    return stmt(learner, "answered", "quiz_item", item, when, result={"success": False, "response": "0"})


@pytest.fixture
def setup(database_url: str) -> tuple[EventStore, HintDelivery, Clock]:
    return build(database_url)


def build(database_url: str) -> tuple[EventStore, HintDelivery, Clock]:
    """An event store and the hint log on a migrated database, with a clock the test moves."""
    engine = create_engine(database_url)
    upgrade(engine)
    clock = Clock()
    events = EventStore(engine)
    return events, HintDelivery(engine, events, HintEngine(COURSE, WINDOW), clock), clock


def test_statements_queue_their_learner_and_a_new_hint_is_logged_once(setup: tuple[EventStore, HintDelivery, Clock]) -> None:
    events, delivery, clock = setup
    events.store([wrong("L-1", "cd02-q1", START - dt.timedelta(minutes=3)), wrong("L-1", "cd02-q1", START)])
    events.store([stmt("L-2", "launched", "topic", "cd01", START)])
    delivered = delivery.run_due()
    assert [(d.learner_id, d.hint["id"]) for d in delivered] == [("L-1", "repeated_failure:cd02-q1")]
    assert delivery.run_due() == []  # the queue is empty: nothing is decided twice
    # Another statement with the same hint still due: decided again, but not logged (nor pushed) twice.
    events.store([stmt("L-1", "progressed", "lesson", "cd02-l1", START)])
    assert delivery.run_due() == []
    latest = delivery.latest("L-1")
    assert latest is not None and latest.seq == delivered[0].seq and latest.hint["rule"] == "repeated_failure"
    assert delivery.after("L-1", latest.seq) is None and delivery.latest("L-2") is None


def test_one_round_decides_many_learners(setup: tuple[EventStore, HintDelivery, Clock]) -> None:
    events, delivery, _ = setup
    learners = [f"L-{n}" for n in range(30)]
    events.store([wrong(learner, "cd02-q1", START - dt.timedelta(minutes=m)) for learner in learners for m in (2, 1)])
    events.store([stmt("L-99", "launched", "topic", "cd01", START)])
    delivered = delivery.run_due(limit=7)  # in batches smaller than the queue
    assert sorted(d.learner_id for d in delivered) == sorted(learners)
    assert len({d.seq for d in delivered}) == 30 and all(d.hint["id"] == "repeated_failure:cd02-q1" for d in delivered)
    assert all(delivery.latest(d.learner_id).seq == d.seq for d in delivered)


def test_a_hint_held_back_by_the_cooldown_is_pushed_when_the_cooldown_ends(setup: tuple[EventStore, HintDelivery, Clock]) -> None:
    events, delivery, clock = setup
    events.store([stmt("L-1", "hint-shown", "hint", "idle_nudge:cd01-l1", START - dt.timedelta(minutes=4))])
    events.store([wrong("L-1", "cd03-q1", START - dt.timedelta(minutes=1)), wrong("L-1", "cd03-q1", START)])
    assert delivery.run_due() == []  # within 10 minutes of the last hint shown: silence
    assert delivery.next_due() == START + dt.timedelta(minutes=6)  # the scheduler knows when to look again
    clock.advance(minutes=5)
    assert delivery.run_due() == []
    clock.advance(minutes=1)
    assert [d.hint["id"] for d in delivery.run_due()] == ["repeated_failure:cd03-q1"]


def test_dismissal_and_opt_out_hold(setup: tuple[EventStore, HintDelivery, Clock]) -> None:
    events, delivery, clock = setup
    events.store([wrong("L-1", "cd02-q1", START - dt.timedelta(minutes=2)), wrong("L-1", "cd02-q1", START)])
    first = delivery.run_due()[0]
    clock.advance(minutes=1)
    events.store([stmt("L-1", "hint-dismissed", "hint", first.hint["id"], clock.now)])
    assert all(d.hint["id"] != first.hint["id"] for d in delivery.run_due())
    events.set_preference("L-1", hints_enabled=False)
    events.store([wrong("L-1", "cd04-q1", clock.now), wrong("L-1", "cd04-q1", clock.now)])
    assert delivery.run_due() == [] and delivery.decide("L-1") is None and delivery.after("L-1", 0) is None


def test_statements_stamped_ahead_of_the_server_clock_are_decided_when_their_time_comes(
    setup: tuple[EventStore, HintDelivery, Clock],
) -> None:
    events, delivery, clock = setup
    ahead = START + dt.timedelta(seconds=30)  # a phone whose clock runs half a minute fast
    events.store([wrong("L-1", "cd02-q1", START), wrong("L-1", "cd02-q1", ahead)])
    assert delivery.run_due() == []
    assert delivery.next_due() == ahead
    clock.now = ahead
    assert [d.hint["rule"] for d in delivery.run_due()] == ["repeated_failure"]
