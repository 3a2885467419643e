"""Locust users of the evening peak: learners on a lesson page, and a few admins on the console.

A learner comes back with the session of an earlier evening, or (10%) signs in with their phone number and the
code the (stand-in) SMS gateway received; then the learner opens the lesson page's
hint stream (held open in a greenlet, resumed with Last-Event-ID when the server closes it), then sends a statement
every 10–20 s: reading, quiz answers (some wrong, so hints fire), pauses; when a hint arrives it reports it shown,
as the page does. 5% of learners ask the coach one question. The delay from the statement that made a
``repeated_failure`` hint due to its arrival on the page is reported as the request type ``hint delay``.

Settings come from the environment (``python -m eval.loadtest`` sets them): LOADTEST_SMS_URL, LOADTEST_DURATION,
LOADTEST_SETTLE.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import time
import uuid
from typing import Any

import gevent
import requests
from locust import FastHttpUser, between, events, task

from coach.course import Course
from eval.loadtest.seed import admin_phone, learner_phone

COURSE = Course.load()
SMS_URL = os.environ.get("LOADTEST_SMS_URL", "")
DURATION = float(os.environ.get("LOADTEST_DURATION", "180"))
SETTLE = float(os.environ.get("LOADTEST_SETTLE", "0"))
CHAT_SHARE = 0.05
WRONG = 0.45  # share of quiz answers that are wrong
COOLDOWN = 600.0  # the hint engine's: a hint due within it arrives when it ends
with open(os.environ.get("LOADTEST_QUESTIONS", os.devnull), encoding="utf-8") as _questions:
    QUESTIONS = [json.loads(line) for line in _questions if line.strip()]
_numbers = itertools.count()
with open(os.environ.get("LOADTEST_TOKENS", os.devnull), encoding="utf-8") as _tokens:
    # Learners back with the session of an earlier evening; the others sign in with a code.
    RETURNING = {int(n): token for n, token in (line.split("\t") for line in _tokens.read().splitlines() if line)}


_environment: Any = None


def _worker_index() -> tuple[int, int]:
    """This process's index among the generator's processes, and their number: learners never overlap."""
    runner = getattr(_environment, "runner", None)
    return getattr(runner, "worker_index", 0), int(os.environ.get("LOADTEST_PROCESSES", "1"))


@events.init.add_listener
def _on_init(environment: Any, **_: Any) -> None:
    global _environment
    _environment = environment


@events.spawning_complete.add_listener
def _measure_the_steady_evening(**_: Any) -> None:
    """Statistics start LOADTEST_SETTLE seconds after the last page opened (on the master and every worker, as
    Locust's own ``--reset-stats`` does): the backlog of a fast ramp-up is not the evening's steady state."""

    def reset() -> None:
        gevent.sleep(SETTLE)
        _environment.runner.stats.reset_all()

    gevent.spawn(reset)


def _fire(name: str, started: float, exception: Exception | None = None, kind: str = "SSE") -> None:
    events.request.fire(request_type=kind, name=name, response_time=(time.monotonic() - started) * 1000, response_length=0,
                        exception=exception, context={})  # fmt: skip


def _sign_in(user: FastHttpUser, phone: str) -> dict[str, str]:
    user.client.post("/v1/auth/code", json={"phone": phone}, name="sign in: code")
    code = None
    for _ in range(50):  # the gateway gets the code while the request above is answered; bounded wait
        reply = requests.get(f"{SMS_URL}/code", params={"phone": phone}, timeout=10)
        if reply.status_code == 200:
            code = reply.json()["code"]
            break
        gevent.sleep(0.1)
    with user.client.post("/v1/auth/verify", json={"phone": phone, "code": code, "client": "app"}, name="sign in: verify",
                          catch_response=True) as response:  # fmt: skip
        if response.status_code != 200:
            response.failure(f"sign-in refused: {response.status_code}")
            raise gevent.GreenletExit
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


class Learner(FastHttpUser):
    weight = 100
    wait_time = between(10, 20)

    def on_start(self) -> None:
        index, processes = _worker_index()
        self.number = index + processes * next(_numbers)
        token = RETURNING.get(self.number)
        self.auth = {"Authorization": f"Bearer {token}"} if token else _sign_in(self, learner_phone(self.number))
        me = self.client.get("/v1/auth/me", headers=self.auth, name="me").json()
        self.learner = me["learner_id"]
        self.topic = random.choice(COURSE.topics)
        self.item = random.choice(self.topic.quiz)
        self.wrong: dict[str, int] = {}  # quiz item -> wrong answers since the last right one
        self.due: dict[str, float] = {}  # quiz item -> when its hint became due (the second wrong answer, or the cooldown end)
        self.last_shown = -COOLDOWN
        self.asks_at = time.monotonic() + random.uniform(5, DURATION * 0.8) if random.random() < CHAT_SHARE else None
        self.stream = gevent.spawn(self._hold_hint_stream)

    def on_stop(self) -> None:
        self.stream.kill(block=False)

    @task
    def act(self) -> None:
        if self.asks_at is not None and time.monotonic() >= self.asks_at:
            self.asks_at = None
            question = random.choice(QUESTIONS) if QUESTIONS else {"question": "Lệ phí đăng ký khai sinh là bao nhiêu?"}
            self.client.post("/v1/chat", json={"question": question["question"]}, headers=self.auth, name="chat")
            return
        roll = random.random()
        if roll < 0.5:
            item, wrong = self.item.id, random.random() < WRONG
            posted = time.monotonic()
            self._send("answered", "quiz_item", item, {"success": not wrong, "response": "0"})
            if not wrong:
                self.wrong.pop(item, None)
                self.due.pop(item, None)
                self.item = random.choice(self.topic.quiz)
            elif self.wrong.setdefault(item, 0) == 1 and item not in self.due:  # the second: its hint is due
                self.due[item] = max(posted, self.last_shown + COOLDOWN)
            self.wrong[item] = self.wrong.get(item, 0) + int(wrong)
        elif roll < 0.9:
            self._send("progressed", "lesson", random.choice(self.topic.lessons).id, {"score": 0.5})
        else:
            self._send("paused", "lesson", random.choice(self.topic.lessons).id, {})

    def _send(self, verb: str, kind: str, object_id: str, result: dict) -> None:
        body = {"id": str(uuid.uuid4()), "verb": verb, "object": {"type": kind, "id": object_id}, "result": result,
                "timestamp": dt.datetime.now(dt.UTC).isoformat(), "context": {"topic": self.topic.id}}  # fmt: skip
        self.client.post("/v1/me/events", json=body, headers=self.auth, name="statement")

    def _hold_hint_stream(self) -> None:
        last_id = ""
        url = f"{self.host}/v1/learners/{self.learner}/hints/stream"
        while True:
            started = time.monotonic()
            headers = {**self.auth, **({"Last-Event-ID": last_id} if last_id else {})}
            try:
                with requests.get(url, headers=headers, stream=True, timeout=(30, 90)) as response:
                    _fire("stream open", started, None if response.status_code == 200 else RuntimeError(response.status_code))
                    if response.status_code != 200:
                        gevent.sleep(5)
                        continue
                    last_id = self._read(response, last_id)
            except requests.RequestException as error:
                _fire("stream open", started, error)
                gevent.sleep(3)

    def _read(self, response: requests.Response, last_id: str) -> str:
        """Events as they arrive (``iter_lines`` would wait for 512 bytes, holding a hint behind keep-alives)."""
        name, event_id, pending = None, None, b""
        for chunk in response.iter_content(chunk_size=None):
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for raw in (line.decode("utf-8").rstrip("\r") for line in lines):
                if raw.startswith("event:"):
                    name = raw[6:].strip()
                elif raw.startswith("id:"):
                    event_id = raw[3:].strip()
                elif raw.startswith("data:") and name == "hint":
                    self._hint(json.loads(raw[5:]))
                    last_id = event_id or last_id
                elif raw.startswith("data:") and name == "session-ended":
                    _fire("stream session ended", time.monotonic(), RuntimeError("session ended"))
                elif not raw:
                    name = None
        return last_id

    def _hint(self, hint: dict) -> None:
        arrived = time.monotonic()
        events.request.fire(request_type="SSE", name="hint delivered", response_time=0, response_length=0, exception=None,
                            context={})  # fmt: skip
        due = self.due.pop(hint.get("object_id", ""), None) if hint.get("rule") == "repeated_failure" else None
        if due is not None:
            events.request.fire(request_type="SSE", name="hint delay", response_time=max(arrived - due, 0) * 1000,
                                response_length=0, exception=None, context={})  # fmt: skip
        self.last_shown = arrived
        self._send("hint-shown", "hint", hint["id"], {})


class Admin(FastHttpUser):
    fixed_count = 3
    wait_time = between(20, 40)

    def on_start(self) -> None:
        index, processes = _worker_index()
        self.auth = _sign_in(self, admin_phone((index + processes * next(_numbers)) % 3))

    @task
    def console(self) -> None:
        self.client.get("/v1/admin/usage", headers=self.auth, name="admin: usage (all units)")
        self.client.get("/v1/admin/flags?status=pending", headers=self.auth, name="admin: flag queue")


_acknowledged = 0


@events.request.add_listener
def _count_acknowledged(name: str, response: Any = None, exception: Any = None, **_: Any) -> None:
    """Statements the server acknowledged (202): after the run, every one of them must be in the database."""
    global _acknowledged
    if name == "statement" and exception is None and response is not None and response.status_code == 202:
        _acknowledged += 1


@events.quitting.add_listener
def _write_acknowledged(environment: Any, **_: Any) -> None:
    folder = os.environ.get("LOADTEST_ACKS_DIR")
    if folder:
        with open(os.path.join(folder, f"acks-{os.getpid()}.json"), "w", encoding="utf-8") as handle:
            json.dump({"statements": _acknowledged}, handle)
