"""``python -m eval.loadtest.chat_surge``: more questions at once than the cores can answer (load shedding).

Starts ``coach serve`` (one worker, SQLite, the built-in index) with ``--users`` signed-in officials who each ask a
question every 1–2 s through Locust, once per ``--answer-queue`` value (a large value is the unbounded queue of
before). Prints one JSON object per run: answered questions and their p50/p95/p99, the questions refused as busy
and how fast that refusal came, and failures.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from api import Settings
from api.database import upgrade
from api.runtime import build_accounts, build_engine
from eval.live_server import free_port, wait_ready
from eval.loadtest.__main__ import QUESTIONS, ROOT, _locust_stats

BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=150, help="officials asking at once")
    parser.add_argument("--duration", type=int, default=60, help="seconds of the surge")
    parser.add_argument("--answer-queue", type=int, nargs="+", default=[1000, 16], help="COACH_ANSWER_QUEUE per run")
    parser.add_argument("--processes", type=int, default=1, help="Locust generator processes")
    args = parser.parse_args()
    for queue in args.answer_queue:
        print(json.dumps(_surge(args, queue), ensure_ascii=False))


def _surge(args: argparse.Namespace, queue: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="coach-surge-"))
    env = {**os.environ, "COACH_DATABASE_URL": f"sqlite:///{folder / 'coach.db'}", "COACH_SECRET_KEY": secrets.token_hex(32),
           "COACH_ANSWER_QUEUE": str(queue), "LOADTEST_QUESTIONS": str(QUESTIONS), "LOADTEST_TOKENS": str(folder / "tokens.txt"),
           "COACH_ONNX_MODEL_CACHE": env_or(ROOT / "var" / "onnx-e5", "COACH_ONNX_MODEL_CACHE")}  # fmt: skip
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    _sessions(env, args.users, folder / "tokens.txt")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen([str(BIN / "coach"), "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_ready(f"{url}/healthz", server, 300, "the server")
        locust = [str(BIN / "locust"), "-f", str(Path(__file__).with_name("chat_surge_locustfile.py")), "--headless",
                  "--only-summary", "-u", str(args.users), "-r", str(args.users), "-t", f"{args.duration}s", "--host", url,
                  "--processes", str(args.processes), "--csv", str(folder / "locust"), "--stop-timeout", "30"]  # fmt: skip
        subprocess.run(locust, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=(folder / "locust.log").open("wb"))
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    return {
        "machine": f"{os.cpu_count()} cores, server and generator on the same machine (loopback)",
        "conditions": {
            "users": args.users,
            "seconds": args.duration,
            "answer_queue": queue,
            "answer_threads": Settings(_env_file=None).answer_threads,
            "database": "sqlite",
        },  # fmt: skip
        "requests": _locust_stats(folder / "locust_stats.csv"),
    }


def env_or(default: Path, name: str) -> str:
    return os.environ.get(name) or str(default)


def _sessions(env: dict[str, str], users: int, path: Path) -> None:
    """Signed-in officials made through the real account services (no SMS round trip), one token per line."""
    settings = Settings(database_url=env["COACH_DATABASE_URL"], secret_key=env["COACH_SECRET_KEY"])
    engine = build_engine(settings)
    upgrade(engine)
    accounts = build_accounts(settings, engine, None)
    with path.open("w") as tokens:
        for n in range(users):
            user = accounts.users.create(f"09{n:08d}", f"Cán bộ {n}")
            tokens.write(accounts.sessions.create(user.id, None).access + "\n")
    engine.dispose()


if __name__ == "__main__":
    main()
