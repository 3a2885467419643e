"""The scheduler of each process: course-wide moments reach the learners with a page open there."""

from __future__ import annotations

import datetime as dt

from api.hint_push import HintNotifier, HintScheduler, LocalBroker
from tests.coach.test_hint_delivery import START, WINDOW, build, stmt


def test_the_deadline_plan_reaches_open_pages_on_its_first_day(database_url: str) -> None:
    events, delivery, clock = build(database_url)
    events.store([stmt("L-1", "launched", "topic", "cd01", START), stmt("L-2", "launched", "topic", "cd01", START)])
    scheduler = HintScheduler(delivery, HintNotifier(LocalBroker()))
    scheduler.notifier.broker.subscribe("L-1")  # L-1 has a lesson page open in this process; L-2 has none
    assert scheduler.run_once() == 0
    clock.now = dt.datetime.combine(WINDOW.end - dt.timedelta(days=5), dt.time(), tzinfo=dt.UTC) + dt.timedelta(seconds=1)
    assert scheduler.run_once() == 1
    assert delivery.latest("L-1").hint["rule"] == "deadline_plan" and delivery.latest("L-2") is None
    assert scheduler.run_once() == 0  # the moment is past: not queued again
