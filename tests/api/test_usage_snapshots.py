"""The shared all-units usage summary: computed once for a crowd, served stale while one thread refreshes it."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import update
from sqlmodel import create_engine

from api.database import upgrade
from api.usage_snapshots import SharedUsageCache, UsageSnapshot


class SlowSummary:
    """A summary that takes until released, counting how often it was computed."""

    def __init__(self) -> None:
        self.calls, self.release = 0, threading.Event()

    def __call__(self) -> dict:
        self.calls += 1
        self.release.wait(timeout=30)
        return {"version": self.calls}


def test_a_crowd_computes_once_and_a_stale_summary_is_served_while_it_refreshes(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    cache, compute = SharedUsageCache(engine), SlowSummary()
    results: list[dict] = []
    crowd = [threading.Thread(target=lambda: results.append(cache.get("overall:p", compute))) for _ in range(8)]
    for thread in crowd:
        thread.start()
    compute.release.set()
    for thread in crowd:
        thread.join(timeout=30)
    assert results == [{"version": 1}] * 8 and compute.calls == 1

    other_worker = SharedUsageCache(engine)  # another process reads the stored summary: no computation
    assert other_worker.get("overall:p", compute) == {"version": 1} and compute.calls == 1

    with engine.begin() as connection:  # later than the summary stays fresh
        connection.execute(update(UsageSnapshot).values(computed_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)))
    compute.release.clear()
    assert cache.get("overall:p", compute) == {"version": 1}  # at once, the stale one; the refresh runs behind
    compute.release.set()
    lock = cache._lock_of("overall:p")
    with lock:  # taken once the background refresh has released it
        pass
    assert cache.get("overall:p", compute) == {"version": 2} and compute.calls == 2
