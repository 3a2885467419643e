"""Event ingestion and hint latency through HTTP with SQLite (``make bench``).

Replays simulated learners: each works through lessons and quizzes (launches, progress, pauses,
seeks, wrong and right answers, completions). Statements go to ``POST /v1/events`` in batches
from several client threads; 5% of the batches are sent twice, as a retrying client would. Then
it counts the rows (no statement lost or duplicated) and times ``GET /v1/learners/{id}/hints``.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import random
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from api import Settings, create_app
from coach.course import Course
from eval.live_server import live_server
from eval.metrics import percentile


def simulate(course: Course, learners: int, per_learner: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    statements = []
    for number in range(learners):
        learner = {"id": f"L-{number:05d}", "unit": f"xa-{number % 50:03d}"}
        clock = now - dt.timedelta(hours=6)
        for _ in range(per_learner):
            topic = rng.choice(course.topics)
            lesson, item = rng.choice(topic.lessons), rng.choice(topic.quiz)
            on_topic = {"topic": topic.id}
            verb, obj, result, context = rng.choice(
                [
                    ("launched", {"type": "lesson", "id": lesson.id}, {}, on_topic),
                    ("progressed", {"type": "lesson", "id": lesson.id}, {"score": round(rng.random(), 2)}, on_topic),
                    ("paused", {"type": "lesson", "id": lesson.id}, {}, on_topic),
                    (
                        "seeked",
                        {"type": "lesson", "id": lesson.id},
                        {},
                        {**on_topic, "extensions": {"from": 90, "to": 30}},
                    ),
                    (
                        "answered",
                        {"type": "quiz_item", "id": item.id},
                        {"success": rng.random() < 0.6, "response": "1"},
                        on_topic,
                    ),
                    ("completed", {"type": "topic", "id": topic.id}, {"duration": "PT15M"}, {}),
                ]
            )
            clock += dt.timedelta(seconds=rng.randint(5, 60))
            statements.append({"id": str(uuid.uuid4()), "actor": learner, "verb": verb, "object": obj, "result": result,
                               "context": context, "timestamp": min(clock, now).isoformat().replace("+00:00", "Z")})  # fmt: skip
    return statements


def arguments(description: str) -> argparse.Namespace:
    """The simulated load: learners, statements each, batch size, client threads (shared with the xAPI benchmark)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--learners", type=int, default=400)
    parser.add_argument("--per-learner", type=int, default=100)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    return parser.parse_args()


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    course = Course.load()
    statements = simulate(course, args.learners, args.per_learner)
    batches = [statements[i : i + args.batch] for i in range(0, len(statements), args.batch)]
    retried = batches[::20]  # a retrying client re-sends some batches whole
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), chroma_url=None)
        app = create_app(settings)
        stack = contextlib.ExitStack()
        url = stack.enter_context(live_server(app))
        accounts = app.state.accounts
        key = accounts.api_keys.create("Benchmark LMS", ["events:write"], None, None)[1]
        local = threading.local()

        def send(batch: list[dict]) -> tuple[int, int]:
            if not hasattr(local, "client"):
                local.client = httpx.Client(base_url=url, headers={"X-API-Key": key}, timeout=60)
            response = local.client.post("/v1/events", json=batch)
            response.raise_for_status()
            body = response.json()
            return body["stored"], body["duplicates"]

        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            outcomes = list(pool.map(send, batches + retried))
        seconds = time.perf_counter() - started
        stored = sum(s for s, _ in outcomes)
        duplicates = sum(d for _, d in outcomes)
        rows = app.state.learning.events.count()
        learners = sorted({s["actor"]["id"] for s in statements})[:200]
        hint_ms = []
        tokens = {}
        for number, learner in enumerate(learners):  # each learner reads their own hints, with their own session
            user = accounts.users.create(f"09{number:08d}", learner, "learner", None, learner)
            tokens[learner] = accounts.sessions.create(user.id, None).access
        with httpx.Client(base_url=url, timeout=30) as client:
            for learner in learners:
                begin = time.perf_counter()
                client.get(
                    f"/v1/learners/{learner}/hints", headers={"Authorization": f"Bearer {tokens[learner]}"}
                ).raise_for_status()
                hint_ms.append((time.perf_counter() - begin) * 1000)
        stack.close()
    sent = len(statements) + sum(len(b) for b in retried)
    report = {
        "statements_unique": len(statements),
        "statements_sent": sent,
        "batch": args.batch,
        "clients": args.clients,
        "seconds": round(seconds, 2),
        "statements_per_s": round(sent / seconds),
        "rows_in_db": rows,
        "stored": stored,
        "duplicates_ignored": duplicates,
        "lost": len(statements) - rows,
        "hint_http_ms": {"p50": round(percentile(hint_ms, 50), 1), "p95": round(percentile(hint_ms, 95), 1)},
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
