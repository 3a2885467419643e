"""``python -m eval.outage_benchmark``: lesson pages keep posting while PostgreSQL restarts (issue: 0 acknowledged
writes lost through a restart under load).

Starts a PostgreSQL server of its own (``initdb`` in a temporary folder), ``coach serve`` on it (``--workers N``),
and ``--pages`` lesson pages (threads) that each post a batch of 5 statements every ``--interval`` seconds and,
like the page's script, resend a batch that got 503 or no answer after a short back-off. During the run the
database is restarted ``--restarts`` times (fast shutdown: connections cut, transactions in flight rolled back).
Prints one JSON object: batches acknowledged, refused with 503, other statuses (should be none), statements
acknowledged vs stored, and the seconds from each restart until the first acknowledgement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx
from sqlalchemy import NullPool, create_engine, func, select

from api import Settings
from api.database import upgrade
from api.runtime import build_accounts, build_engine
from coach.event_store import LearnerStatement
from eval.live_server import PostgresServer, free_port, wait_ready

BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between a page's batches")
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    database = PostgresServer()
    try:
        print(json.dumps(_run(args, database), ensure_ascii=False))
    finally:
        database.close()


def _run(args: argparse.Namespace, database: PostgresServer) -> dict:
    env = {**os.environ, "COACH_DATABASE_URL": database.url, "COACH_SECRET_KEY": secrets.token_hex(32)}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    key = _events_key(env)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(BIN / "coach"), "serve", "--port", str(port), "--workers", str(args.workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    statuses: Counter[str] = Counter()
    acknowledged: list[str] = []
    acks_at: list[float] = []
    lock, stop = threading.Lock(), threading.Event()

    def page() -> None:
        with httpx.Client(base_url=url, headers={"X-API-Key": key}, timeout=30) as client:
            while not stop.is_set():
                batch = [_statement(f"L-{uuid.uuid4().hex[:6]}") for _ in range(5)]
                while True:  # resent until acknowledged, as the page's script does
                    try:
                        status = str(client.post("/v1/events", json=batch).status_code)
                    except httpx.TransportError:
                        status = "no answer"
                    with lock:
                        statuses[status] += 1
                        if status == "202":
                            acknowledged.extend(s["id"] for s in batch)
                            acks_at.append(time.monotonic())
                    if status == "202":
                        break
                    if status not in ("503", "no answer"):
                        break  # counted: anything else is a defect
                    stop.wait(0.5)  # the client's back-off (Retry-After, shortened)
                stop.wait(args.interval)

    try:
        wait_ready(f"{url}/healthz", server, 300, "the server")
        pages = [threading.Thread(target=page, daemon=True) for _ in range(args.pages)]
        for each in pages:
            each.start()
        recoveries = []
        for _ in range(args.restarts):
            stop.wait(args.seconds / (args.restarts + 1))
            database.stop()
            stop.wait(2.0)  # the outage lasts two seconds
            database.start()
            back = time.monotonic()
            while not any(t > back for t in acks_at[-args.pages :]):
                stop.wait(0.05)
            recoveries.append(round(min(t for t in acks_at if t > back) - back, 2))
        stop.wait(args.seconds / (args.restarts + 1))
        stop.set()
        for each in pages:
            each.join(timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=60)
    engine = create_engine(database.url, poolclass=NullPool)
    with engine.connect() as connection:
        stored = set()
        for start in range(0, len(acknowledged), 5000):
            chunk = acknowledged[start : start + 5000]
            stored |= set(connection.execute(select(LearnerStatement.id).where(LearnerStatement.id.in_(chunk))).scalars())
        total = connection.execute(select(func.count()).select_from(LearnerStatement)).scalar_one()
    engine.dispose()
    return {
        "machine": f"{os.cpu_count()} cores, server, database and pages on the same machine (loopback)",
        "conditions": {
            "pages": args.pages,
            "seconds": args.seconds,
            "batch": 5,
            "interval_s": args.interval,
            "restarts": args.restarts,
            "outage_s": 2.0,
            "server_workers": args.workers,
        },  # fmt: skip
        "requests": dict(statuses),
        "statements": {
            "acknowledged": len(acknowledged),
            "stored": total,
            "acknowledged_and_stored": len(stored),
            "lost": len(acknowledged) - len(stored),
        },  # fmt: skip
        "first_ack_after_restart_s": recoveries,
    }


def _events_key(env: dict[str, str]) -> str:
    settings = Settings(database_url=env["COACH_DATABASE_URL"], secret_key=env["COACH_SECRET_KEY"])
    engine = build_engine(settings)
    upgrade(engine)
    _, key = build_accounts(settings, engine, None).api_keys.create("Nền tảng học tập", ["events:write"], None, None)
    engine.dispose()
    return key


def _statement(learner: str) -> dict:
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)).isoformat().replace("+00:00", "Z")
    return {"id": str(uuid.uuid4()), "actor": {"id": learner}, "verb": "progressed",
            "object": {"type": "lesson", "id": "cd01-l1"}, "result": {"score": 0.5}, "timestamp": when}  # fmt: skip


if __name__ == "__main__":
    main()
