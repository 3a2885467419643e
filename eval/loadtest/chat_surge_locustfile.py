"""Locust users of a question surge: every user asks one question after another (1–2 s apart), with a session
of their own (LOADTEST_TOKENS). A 503 ``busy`` is the answer the service gives when its answering queue is full:
counted as its own request type, ``chat busy``, not as a failure."""

from __future__ import annotations

import itertools
import json
import os
import random

from locust import FastHttpUser, between, task

with open(os.environ.get("LOADTEST_QUESTIONS", os.devnull), encoding="utf-8") as _questions:
    QUESTIONS = [json.loads(line)["question"] for line in _questions if line.strip()]
with open(os.environ.get("LOADTEST_TOKENS", os.devnull), encoding="utf-8") as _tokens:
    TOKENS = [line.strip() for line in _tokens if line.strip()]
_next = itertools.count()


class Asker(FastHttpUser):
    wait_time = between(1, 2)

    def on_start(self) -> None:
        self.auth = {"Authorization": f"Bearer {TOKENS[next(_next) % len(TOKENS)]}"}

    @task
    def ask(self) -> None:
        question = {"question": random.choice(QUESTIONS)}
        with self.client.post("/v1/chat", json=question, headers=self.auth, name="chat", catch_response=True) as response:
            if response.status_code == 503 and response.json().get("code") == "busy":
                response.success()
                self.environment.events.request.fire(
                    request_type="POST", name="chat busy", response_time=response.request_meta["response_time"],
                    response_length=0, exception=None, context={},
                )  # fmt: skip
            elif response.status_code != 200:
                response.failure(f"status {response.status_code}")
