"""Prometheus metrics of the chat (one registry per app, so tests can build many apps; files shared by workers)."""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess


class ChatMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.questions = Counter("coach_questions", "Questions by outcome", ["outcome"], registry=self.registry)
        self.blocked = Counter("coach_blocked", "Blocked questions by guardrail category", ["category"], registry=self.registry)
        self.latency = Histogram(
            "coach_answer_seconds", "Time to answer a question", registry=self.registry,
            buckets=(0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 1.5, 3.0, 10.0),
        )  # fmt: skip
        self.feedback = Counter("coach_feedback", "Feedback on answers", ["helpful"], registry=self.registry)

    def observe(self, outcome: str, categories: list[str], seconds: float) -> None:
        self.questions.labels(outcome=outcome).inc()
        for category in categories:
            self.blocked.labels(category=category).inc()
        self.latency.observe(seconds)

    def render(self) -> bytes:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):  # several workers (coach serve --workers N): add them all up
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)
