"""Chat latency through HTTP (``make bench``): time to first token and to the full answer.

Starts the service on a free loopback port with the configured settings (built-in index under
``var/``), streams every question of the answer set through ``POST /v1/chat/stream`` one after
another, and prints one JSON object with p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import json
import socket
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from api import create_app, get_settings
from eval.datasets_io import AnswerCase, read_jsonl
from eval.metrics import percentile

DATASET = Path(__file__).parent / "datasets" / "answers_vi.jsonl"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    port = _free_port()
    app = create_app(get_settings())
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, timeout=30) as client:
        for _ in range(300):  # readiness, bounded
            try:
                if client.get("/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
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
    server.should_exit = True
    report = {
        "questions": len(questions),
        "first_token_ms": {"p50": round(percentile(first_token, 50), 1), "p95": round(percentile(first_token, 95), 1)},
        "full_answer_ms": {"p50": round(percentile(full, 50), 1), "p95": round(percentile(full, 95), 1)},
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
