"""Chat latency through HTTP (``make bench``): time to first token and to the full answer.

Starts the service on a free loopback port with the configured settings (built-in index under
``var/``), streams every question of the answer set through ``POST /v1/chat/stream`` one after
another, and prints one JSON object with p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import httpx
from fastapi import FastAPI

from api import create_app, get_settings
from eval.datasets_io import AnswerCase, read_jsonl
from eval.live_server import live_server
from eval.metrics import percentile

DATASET = Path(__file__).parent / "datasets" / "answers_vi.jsonl"


def bench_session(app: FastAPI, phone: str = "0900000099") -> str:
    """An access token of a benchmark learner, made through the real account services (no SMS round trip)."""
    accounts = app.state.accounts
    user = accounts.users.by_phone_hash(accounts.hasher("phone", phone)) or accounts.users.create(phone, "Benchmark")
    return accounts.sessions.create(user.id, None).access


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    args = parser.parse_args()
    questions = [c.question for c in read_jsonl(args.dataset, AnswerCase)]
    app = create_app(get_settings())
    with live_server(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        client.headers["Authorization"] = f"Bearer {bench_session(app)}"
        client.post("/v1/chat", json={"question": questions[0]})  # warm-up
        first_token, full = [], []
        for question in questions:
            started = time.perf_counter()
            seen_token = False
            with client.stream("POST", "/v1/chat/stream", json={"question": question}) as response:
                for line in response.iter_lines():
                    if not seen_token and line.startswith("event: token"):
                        first_token.append((time.perf_counter() - started) * 1000)
                        seen_token = True
            full.append((time.perf_counter() - started) * 1000)
    report = {
        "questions": len(questions),
        "first_token_ms": {"p50": round(percentile(first_token, 50), 1), "p95": round(percentile(first_token, 95), 1)},
        "full_answer_ms": {"p50": round(percentile(full, 50), 1), "p95": round(percentile(full, 95), 1)},
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
