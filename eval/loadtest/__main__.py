"""``python -m eval.loadtest`` (``make loadtest``): an evening at the course's peak, against a server it starts.

Seeds a fresh database (18,000 learners in 200 communes, their earlier statements, 3 admins), builds the index,
starts ``coach serve`` (``--workers N`` on PostgreSQL), then runs Locust headless with ``--processes P``
generator processes (the generator shares this machine's cores with the server: said beside the numbers) and,
beside it, a probe process: one more learner whose statement latency shows the server's, not the generator's.
Prints one JSON object: per request type p50/p95/p99, errors, hints delivered and their delay, statements
acknowledged vs stored, and the server's peak memory.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import NullPool, create_engine, func, make_url, select, text

from api.accounts.crypto import Hasher
from api.database import upgrade
from coach.course import Course
from coach.event_store import LearnerStatement
from eval.live_server import child_pids, free_port, wait_ready
from eval.loadtest.seed import learner_id, returning_sessions, seed
from eval.loadtest.sms_gateway import SmsGateway

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
QUESTIONS = ROOT / "eval" / "datasets" / "answers_vi.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000, help="open lesson pages (simulated learners)")
    parser.add_argument("--duration", type=int, default=180, help="seconds of the evening after every page is open")
    parser.add_argument("--spawn-rate", type=float, default=40.0, help="pages opened per second while ramping up")
    parser.add_argument("--settle", type=int, default=30, help="seconds after the ramp-up before measuring")
    parser.add_argument("--learners", type=int, default=18000, help="enrolled learners in the database")
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server (a fresh database is made on it)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (PostgreSQL only)")
    parser.add_argument("--processes", type=int, default=2, help="Locust generator processes")
    parser.add_argument("--sign-in-share", type=float, default=0.1, help="learners who sign in with a code tonight")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus to index (default: the built-in one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, Locust CSV)")
    args = parser.parse_args()
    if args.pages >= args.learners:
        parser.error("--pages must be below --learners (the probe is one more learner)")
    folder = Path(tempfile.mkdtemp(prefix="coach-loadtest-"))
    database, drop = _database(args.database_url, folder)
    gateway = SmsGateway()
    env = _environment(folder, database, gateway.url, args)
    try:
        report = _run(args, folder, env, database)
    finally:
        gateway.stop()
        drop()
    report["folder"] = str(folder) if args.keep else None
    print(json.dumps(report, ensure_ascii=False, indent=2))


def _environment(folder: Path, database: str, sms_url: str, args: argparse.Namespace) -> dict[str, str]:
    today = dt.date.today()
    env = {**os.environ, "COACH_DATA_DIR": str(folder / "var"), "COACH_DATABASE_URL": database,
           "COACH_SECRET_KEY": secrets.token_hex(32), "COACH_SMS_GATEWAY_URL": sms_url,
           "COACH_LOGIN_CODES_PER_IP": str(10**6),  # every simulated learner comes from 127.0.0.1
           "COACH_EMBEDDING_CACHE": str(ROOT / "var" / "embedding-cache.sqlite3"),  # passages embedded once per machine
           "COACH_ONNX_MODEL_CACHE": str(ROOT / "var" / "onnx-e5"),  # the machine's conversion (make embed-model)
           "COACH_COURSE_START": str(today - dt.timedelta(days=5)), "COACH_COURSE_END": str(today + dt.timedelta(days=9)),
           "LOADTEST_SMS_URL": sms_url, "LOADTEST_DURATION": str(args.duration),
           "LOADTEST_SETTLE": str(args.settle), "LOADTEST_QUESTIONS": str(QUESTIONS),
           "LOADTEST_PROCESSES": str(args.processes), "LOADTEST_ACKS_DIR": str(folder),
           "LOADTEST_TOKENS": str(folder / "tokens.txt"), "LOADTEST_SIGN_IN_SHARE": str(args.sign_in_share)}  # fmt: skip
    if args.corpus:
        env["COACH_CORPUS_DIR"] = str(args.corpus)
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return env


def _run(args: argparse.Namespace, folder: Path, env: dict[str, str], database: str) -> dict[str, Any]:
    engine = create_engine(database, poolclass=NullPool)
    upgrade(engine)
    started = time.monotonic()
    hasher = Hasher(env["COACH_SECRET_KEY"].encode())
    sizes = seed(engine, hasher, Course.load(), args.learners,
                 dt.date.fromisoformat(env["COACH_COURSE_START"]), random.Random(7))  # fmt: skip
    user_ids = sizes.pop("user_ids")
    # Most learners come back with the session of an earlier evening; a share signs in tonight with a code.
    chance = random.Random(11)
    returning = {i: user_ids[learner_id(i)] for i in range(args.pages) if chance.random() >= args.sign_in_share}
    returning_sessions(engine, hasher, returning, folder / "tokens.txt")
    sizes["seconds"] = round(time.monotonic() - started, 1)
    subprocess.run([str(BIN / "coach"), "ingest"], env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server_log = (folder / "server.log").open("wb")
    server = subprocess.Popen([str(BIN / "coach"), "serve", "--port", str(port), "--workers", str(args.workers)], env=env,
                              stdout=server_log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_ready(f"{url}/healthz", server, 300, "the server (see server.log with --keep)")
        before = _stored(engine)
        memory = MemorySampler(server.pid)
        ramp = args.pages / args.spawn_rate
        seconds = str(int(ramp + args.settle + args.duration))
        probe = [sys.executable, "-m", "eval.loadtest.probe", url, env["LOADTEST_SMS_URL"], str(args.learners - 1), seconds,
                 str(int(ramp + args.settle))]  # fmt: skip
        probe = subprocess.Popen(probe, env=env, stdout=subprocess.PIPE)
        locust = [str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")), "--headless", "--only-summary",
                  "-u", str(args.pages), "-r", str(args.spawn_rate), "-t", f"{seconds}s", "--host", url,
                  "--processes", str(args.processes), "--csv", str(folder / "locust"),
                  "--stop-timeout", "10"]  # fmt: skip
        subprocess.run(locust, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=(folder / "locust.log").open("wb"))
        probe_report = json.loads(probe.communicate(timeout=120)[0] or b"{}")
        memory.stop()
    finally:
        server.terminate()  # graceful: requests in flight finish, then the count below is final
        server.wait(timeout=60)
        server_log.close()
    stored = _stored(engine) - before
    acknowledged = sum(json.loads(p.read_text())["statements"] for p in folder.glob("acks-*.json"))
    acknowledged += probe_report.get("acknowledged", 0)
    return {
        "machine": f"{os.cpu_count()} cores, server and generator on the same machine (loopback)",
        "conditions": {
            "open_pages": args.pages,
            "steady_seconds": args.duration,
            "ramp_up_seconds": round(args.pages / args.spawn_rate, 1),
            "settle_seconds": args.settle,
            "database": make_url(database).get_backend_name(),
            "server_workers": args.workers,
            "generator_processes": args.processes,
            "seed": sizes,
        },  # fmt: skip
        "requests": _locust_stats(folder / "locust_stats.csv"),
        "probe": probe_report,
        "statements": {"acknowledged": acknowledged, "stored": stored, "lost": max(acknowledged - stored, 0)},
        "server_memory_mb": {"peak": memory.peak_mb},
    }


def _locust_stats(path: Path) -> dict[str, Any]:
    stats = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["Name"] if row["Type"] in ("", "SSE") else f"{row['Type']} {row['Name']}"
            stats[name] = {"count": int(row["Request Count"]), "errors": int(row["Failure Count"]),
                           "p50_ms": _number(row["50%"]), "p95_ms": _number(row["95%"]), "p99_ms": _number(row["99%"]),
                           "per_second": round(float(row["Requests/s"]), 1)}  # fmt: skip
    return stats


def _number(value: str) -> float | None:
    return None if value in ("", "N/A") else float(value)


def _stored(engine: Any) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(LearnerStatement.__table__)).scalar_one()


def _database(url: str | None, folder: Path) -> tuple[str, Any]:
    """A fresh database: a SQLite file in the folder, or a new database on the given PostgreSQL server."""
    if not url:
        return f"sqlite:///{folder / 'coach.db'}", lambda: None
    base = make_url(url)
    if base.drivername in ("postgres", "postgresql"):
        base = base.set(drivername="postgresql+psycopg")
    name = f"coach_load_{secrets.token_hex(4)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'"))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return base.set(database=name).render_as_string(hide_password=False), drop


class MemorySampler:
    """Peak resident memory of the server process and its children (the workers), sampled every second."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_mb, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            self.peak_mb = max(self.peak_mb, sum(_rss_mb(pid) for pid in (self.pid, *child_pids(self.pid))))


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


if __name__ == "__main__":
    main()
