"""Pushing hints to open lesson pages: per-learner wake-ups, across processes, and the scheduler.

An open hint stream costs nothing while nothing happens: it waits on its learner's wake-up and
sends a keep-alive now and then. Wake-ups come from the scheduler (a thread per process that decides
the learners the statements queued, and the time-based rechecks) and from account changes (a
deactivated user's streams end). With SQLite and one process they travel in memory; with PostgreSQL
they travel through ``LISTEN/NOTIFY``, so a statement posted to one worker or host wakes the stream
that another one holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Engine, text

from api.errors import DATABASE_DOWN
from coach.hint_delivery import HintDelivery

log = logging.getLogger(__name__)
CHANNEL = "coach_hints"
HINT, SESSION = "hint", "session"  # kinds of wake-up: a new hint is logged; the learner's account changed


class Subscription:
    """One open stream's mailbox: which kinds of wake-up arrived since it last looked."""

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.kinds: set[str] = set()

    def take(self) -> set[str]:
        kinds, self.kinds = self.kinds, set()
        self.event.clear()
        return kinds


class LocalBroker:
    """Wake-ups for the streams open in this process (asyncio side; publishers may be any thread)."""

    def __init__(self) -> None:
        self._subscribers: dict[str, set[Subscription]] = defaultdict(set)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()  # the scheduler thread lists the learners while streams come and go

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def subscribe(self, learner_id: str) -> Subscription:
        subscription = Subscription()
        with self._lock:
            self._subscribers[learner_id].add(subscription)
        return subscription

    def unsubscribe(self, learner_id: str, subscription: Subscription) -> None:
        with self._lock:
            subscribers = self._subscribers.get(learner_id)
            if subscribers is not None:
                subscribers.discard(subscription)
                if not subscribers:
                    del self._subscribers[learner_id]

    def learner_ids(self) -> list[str]:
        """The learners with a stream open in this process."""
        with self._lock:
            return list(self._subscribers)

    @property
    def open_streams(self) -> int:
        with self._lock:
            return sum(len(s) for s in self._subscribers.values())

    def deliver(self, notices: Iterable[tuple[str, str]]) -> None:
        """Wake the streams of ``(kind, learner_id)`` notices; safe to call from any thread."""
        notices = list(notices)
        if self._loop is None or not notices:
            return
        with contextlib.suppress(RuntimeError):  # the loop closed during shutdown
            self._loop.call_soon_threadsafe(self._wake, notices)

    def _wake(self, notices: list[tuple[str, str]]) -> None:
        for kind, learner_id in notices:
            for subscription in self._subscribers.get(learner_id, ()):
                subscription.kinds.add(kind)
                subscription.event.set()


class HintNotifier:
    """Publishes wake-ups: straight to this process's broker, or through PostgreSQL to every process's."""

    def __init__(self, broker: LocalBroker) -> None:
        self.broker = broker

    def publish(self, notices: Iterable[tuple[str, str]]) -> None:
        self.broker.deliver(notices)

    def start(self) -> None:
        """Nothing to start in memory."""

    def stop(self) -> None:
        """Nothing to stop in memory."""


class PostgresNotifier(HintNotifier):
    """``NOTIFY coach_hints`` on publish; a listener thread per process feeds the local broker.

    The listener has its own connection (a pooled one cannot wait for notifications) and reconnects
    after a failure; streams that miss a wake-up while it is down still get the hint when they
    reconnect (``Last-Event-ID``).
    """

    def __init__(self, broker: LocalBroker, engine: Engine) -> None:
        super().__init__(broker)
        self.engine = engine
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()

    def publish(self, notices: Iterable[tuple[str, str]]) -> None:
        payloads = [f"{kind}:{learner_id}" for kind, learner_id in notices]
        if not payloads:
            return
        with self.engine.begin() as connection:
            connection.execute(text("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) AS p"),
                               {"channel": CHANNEL, "payloads": payloads})  # fmt: skip

    def start(self) -> None:
        self._thread = threading.Thread(target=self._listen_forever, name="hint-listener", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _listen_forever(self) -> None:
        import psycopg

        url = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._stop.is_set():
            try:
                with psycopg.connect(url, autocommit=True) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    while not self._stop.is_set():  # the generator ends after a second: then the stop flag is read
                        for notification in connection.notifies(timeout=1.0):
                            notice = _parse(notification.payload)
                            if notice is not None:
                                self.broker.deliver([notice])  # at once, not after the second
            except Exception:  # noqa: BLE001 — the database went away: wait, then listen again
                self.listening.clear()
                log.warning("hint listener lost its PostgreSQL connection; reconnecting", exc_info=True)
                self._stop.wait(2.0)


def _parse(payload: str) -> tuple[str, str] | None:
    kind, _, learner_id = payload.partition(":")
    return (kind, learner_id) if kind in (HINT, SESSION) and learner_id else None


class HintScheduler:
    """A thread per process that decides due learners: woken by a statement stored here (after ``gather``
    seconds, so that one round serves the statements of many learners), and otherwise every ``interval``
    seconds for statements stored by other processes and for rechecks. At a course-wide moment (the deadline
    plan's first day) it queues every learner with a page open in this process."""

    def __init__(self, delivery: HintDelivery, notifier: HintNotifier, interval: float = 1.0, gather: float = 0.05) -> None:
        self.delivery, self.notifier, self.interval, self.gather = delivery, notifier, interval, gather
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None
        now = delivery.clock()
        self._moments = [m for m in delivery.hints.course_moments() if m > now]

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hint-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def wake(self) -> None:
        self._wake.set()

    def run_once(self) -> int:
        """Decide every learner due now and wake their streams; returns how many new hints."""
        now = self.delivery.clock()
        if self._moments and self._moments[0] <= now:
            self._moments = [m for m in self._moments if m > now]
            self.delivery.queue(self.notifier.broker.learner_ids(), now)
        delivered = self.delivery.run_due()
        self.notifier.publish((HINT, d.learner_id) for d in delivered)
        return len(delivered)

    def _run(self) -> None:
        while not self._stop.is_set():
            if self._wake.wait(self.interval):
                self._stop.wait(self.gather)  # let the statements arriving together share one round
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.run_once()
            except DATABASE_DOWN as error:  # the database briefly away: the round is retried next round
                log.warning("hint scheduler round failed, database unavailable: %s", type(error).__name__)
            except Exception:  # noqa: BLE001 — any other failed round is retried too, with its traceback logged
                log.exception("hint scheduler round failed")


class HintPush:
    """The pieces a process needs to push hints, started and stopped together with the app."""

    def __init__(self, delivery: HintDelivery, engine: Engine, interval: float = 1.0) -> None:
        self.broker = LocalBroker()
        postgres = engine.dialect.name == "postgresql"
        self.notifier = PostgresNotifier(self.broker, engine) if postgres else HintNotifier(self.broker)
        self.scheduler = HintScheduler(delivery, self.notifier, interval)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self.broker.bind(loop)
        self.notifier.start()
        self.scheduler.start()
        self.scheduler.wake()  # statements queued while no worker ran (a restart) are decided at once

    def stop(self) -> None:
        self.scheduler.stop()
        self.notifier.stop()

    def health(self) -> dict[str, object]:
        """For /healthz: how wake-ups travel, whether the listener is up, how many streams this worker holds."""
        postgres = isinstance(self.notifier, PostgresNotifier)
        listening = self.notifier.listening.is_set() if postgres else True
        return {"push": "postgres-notify" if postgres else "memory", "listening": listening,
                "open_streams": self.broker.open_streams}  # fmt: skip

    def session_changed(self, learner_id: str | None) -> None:
        """A learner's account changed (deactivated, signed out): their open streams check their session."""
        if learner_id:
            self.notifier.publish([(SESSION, learner_id)])
