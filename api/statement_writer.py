"""Group commit: the statements of concurrent requests written by one thread, in one transaction.

At the evening peak hundreds of lesson pages send a statement each second. Written one request per
transaction, each pays the fixed cost of a transaction (begin, the hint-queue and roll-up upserts,
commit) and a thread of its own, and on SQLite they then queue for the single writer anyway. Here a
request hands its validated batch to the writer thread and waits; whatever arrives while a
transaction runs goes into the next one. With one request at a time that is one transaction per
request, as before, with no added delay. A request is answered only after the commit that holds its
statements, so an acknowledged statement is never lost.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future

from coach.learner_events import Statement
from coach.xapi_store import XapiBatch

Store = Callable[[list[list[Statement]], list[XapiBatch | None]], list[tuple[int, int]]]
MAX_GROUP_STATEMENTS = 2000  # bounds one transaction (a request carries at most 500)


class StatementWriter:
    """Writes queued batches in groups; :meth:`submit` resolves to ``(stored, already known)`` for its batch."""

    def __init__(self, store: Store, max_statements: int = MAX_GROUP_STATEMENTS) -> None:
        self._store, self._max = store, max_statements
        self._queue: queue.SimpleQueue[tuple[list[Statement], XapiBatch | None, Future] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.groups = self.batches = 0  # transactions written, and the requests' batches they held

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="statement-writer", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Write what is queued, then end the thread (requests in flight still get their answer)."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=30)
            self._thread = None

    async def submit(self, statements: list[Statement], xapi: XapiBatch | None = None) -> tuple[int, int]:
        """Queue a batch (and the xAPI statements it came from); resolves after the commit that holds it."""
        future: Future[tuple[int, int]] = Future()
        self._queue.put((statements, xapi, future))
        return await asyncio.wrap_future(future)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is None:
                return
            group, size = [first], len(first[0]) + (len(first[1].rows) if first[1] else 0)
            while size < self._max:  # everything that arrived while the last transaction ran
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stopping = True
                    break
                group.append(item)
                size += len(item[0]) + (len(item[1].rows) if item[1] else 0)
            self._write(group)

    def _write(self, group: list[tuple[list[Statement], XapiBatch | None, Future]]) -> None:
        try:
            results = self._store([statements for statements, _, _ in group], [xapi for _, xapi, _ in group])
        except Exception as error:  # noqa: BLE001 — handed to the waiting requests
            if len(group) > 1:  # one request's failure must not fail the others: write each on its own
                for item in group:
                    self._write([item])
                return
            _settle(group[0][2], error=error)
            return
        self.groups += 1
        self.batches += len(group)
        for (_, _, future), result in zip(group, results, strict=True):
            _settle(future, result=result)


def _settle(future: Future, result: tuple[int, int] | None = None, error: BaseException | None = None) -> None:
    if future.set_running_or_notify_cancel():
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)
