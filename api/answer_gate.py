"""Load shedding for chat: answers are computed by a bounded pool with a bounded queue in front of it.

Answering is CPU work (embedding the question, ranking, composing). When more questions arrive than the cores can
answer, queueing them all makes every asker wait (20 s at the peak) and starves the other routes of threads. Here
at most ``slots`` answers are computed at once, at most ``queue`` more wait, and anything beyond gets a 503 with
``Retry-After`` at once: the widget says so in Vietnamese, and the asker resends instead of staring at a spinner.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from api import messages_vi
from api.errors import ApiError

T = TypeVar("T")
SMOOTHING = 0.2  # weight of the newest answer time in the moving average that sizes Retry-After


class AnswerGate:
    """Admits a question when fewer than ``slots + queue`` are in flight, and runs its answer on ``slots`` threads."""

    def __init__(self, slots: int, queue: int, on_shed: Callable[[], None] = lambda: None) -> None:
        self.slots, self.queue, self._on_shed = slots, queue, on_shed
        self._limiter = anyio.CapacityLimiter(slots)
        self._lock = threading.Lock()  # in_flight is read by /metrics and tests from other threads
        self.in_flight = 0
        self.shed = 0  # questions refused since start
        self._seconds = 0.1  # moving average of one answer's time

    async def run(self, answer: Callable[[], T]) -> T:
        """``answer()`` on the answering pool, or :class:`ApiError` 503 ``busy`` when the queue is full."""
        with self._lock:
            if self.in_flight >= self.slots + self.queue:
                self.shed += 1
                self._on_shed()
                raise ApiError(503, "busy", messages_vi.BUSY.format(seconds=self.retry_after()),
                               {"Retry-After": str(self.retry_after())})  # fmt: skip
            self.in_flight += 1
        try:
            return await anyio.to_thread.run_sync(self._timed, answer, limiter=self._limiter)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _timed(self, answer: Callable[[], T]) -> T:
        started = time.perf_counter()
        try:
            return answer()
        finally:
            self._seconds += SMOOTHING * (time.perf_counter() - started - self._seconds)

    def retry_after(self) -> int:
        """Seconds until the queue in front of a new question has drained, at least one."""
        return max(1, math.ceil(self.in_flight * self._seconds / self.slots))
