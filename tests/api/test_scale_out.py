"""Several server processes sharing one PostgreSQL and one Chroma server: a statement posted to one process wakes the
hint stream another one holds, a deactivation through one is refused by the other at once, and ``coach serve
--workers 2`` adds up its workers' metrics. With SQLite, several workers are refused with a clear message."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from api import Settings
from api.runtime import build_accounts, build_engine, build_index
from coach.event_store import LearnerStatement
from eval.live_server import child_pids, wait_ready
from knowledge_base.ingest import ingest_corpus
from tests.conftest import BASE_DATABASE_URL, FIXTURE_CORPUS, FIXTURES
from tests.sse_client import EventStream
from tests.support import ChromaServer, free_port, is_postgres

COACH = shutil.which("coach", path=str(Path(sys.executable).parent)) or "coach"
needs_postgres = pytest.mark.skipif(
    not is_postgres(BASE_DATABASE_URL), reason="several processes share state through PostgreSQL: CI's second run"
)


class ServerProcess:
    """``coach serve`` in its own process on loopback, stopped by :meth:`stop`."""

    def __init__(self, env: dict[str, str], log: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log.open("wb")
        command = [COACH, "serve", "--host", "127.0.0.1", "--port", str(self.port), *args]
        self.process = subprocess.Popen(command, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        try:
            wait_ready(f"{self.url}/healthz", self.process, 120, f"coach serve (log: {log})")
        except RuntimeError:
            self.stop()
            raise

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


def test_several_workers_on_sqlite_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    env = {**os.environ, "COACH_DATA_DIR": str(tmp_path), "COACH_DATABASE_URL": f"sqlite:///{tmp_path / 'coach.db'}"}
    result = subprocess.run([COACH, "serve", "--workers", "2", "--port", str(free_port())], env=env, capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2 and "PostgreSQL" in result.stderr and "tiến trình" in result.stderr


@pytest.fixture(scope="module")
def shared(module_database: str | None, chroma_server: ChromaServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """The environment of every process: one database, one Chroma server, one data folder (one secret key)."""
    data = tmp_path_factory.mktemp("shared-var")
    today = dt.date.today()
    env = {**os.environ, "COACH_DATABASE_URL": module_database or "", "COACH_CHROMA_URL": chroma_server.url,
           "COACH_DATA_DIR": str(data), "COACH_CORPUS_DIR": str(FIXTURE_CORPUS), "COACH_COLLECTION_PREFIX": "scaleout",
           "COACH_COURSE_FILE": str(FIXTURES / "course_small.yaml"),
           "COACH_COURSE_START": str(today - dt.timedelta(days=2)),
           "COACH_COURSE_END": str(today + dt.timedelta(days=30))}  # fmt: skip
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    settings = Settings(**{k[6:].lower(): v for k, v in env.items() if k.startswith("COACH_")})
    yield {"env": env, "settings": settings, "data": data}


@needs_postgres
def test_a_statement_to_one_process_pushes_a_hint_through_another(shared: dict, tmp_path: Path) -> None:
    settings: Settings = shared["settings"]
    first = ServerProcess(shared["env"], tmp_path / "first.log")
    second = ServerProcess(shared["env"], tmp_path / "second.log")
    try:
        ingest_corpus(build_index(settings), FIXTURE_CORPUS)  # on the shared Chroma server: hints cite passages
        accounts = build_accounts(settings, build_engine(settings))
        learner = accounts.users.create("0912300001", "Học viên hai máy", "learner", None, "S-1")
        admin = accounts.users.create("0912300002", "Quản trị hai máy", "admin", None, None)
        bearer = {"Authorization": f"Bearer {accounts.sessions.create(learner.id, None).access}"}
        admin_bearer = {"Authorization": f"Bearer {accounts.sessions.create(admin.id, None).access}"}
        _, key = accounts.api_keys.create("Nền tảng", ["events:write"], None, None)

        with httpx.Client() as client, EventStream(client, f"{second.url}/v1/learners/S-1/hints/stream", bearer) as page:
            statements = [_wrong("S-1", seconds) for seconds in (40, 20)]
            assert httpx.post(f"{first.url}/v1/events", json=statements, headers={"X-API-Key": key}).status_code == 202
            name, _, hint = page.next_event()
            assert (name, hint["id"]) == ("hint", "repeated_failure:cd02-q1") and hint["source"]["passage"]

            user_id = learner.id
            assert httpx.post(f"{first.url}/v1/admin/users/{user_id}/deactivate", headers=admin_bearer).status_code == 200
            refused = httpx.get(f"{second.url}/v1/auth/me", headers=bearer)
            assert refused.status_code == 401 and refused.json()["code"] in ("session_revoked", "account_disabled")
            name, _, body = page.next_event()  # the stream held by the other process ends too
            assert name == "session-ended" and body["message"]
    finally:
        first.stop()
        second.stop()


@needs_postgres
def test_two_workers_share_hints_and_add_up_their_metrics(shared: dict, tmp_path: Path) -> None:
    settings: Settings = shared["settings"]
    server = ServerProcess(shared["env"], tmp_path / "workers.log", "--workers", "2")
    try:
        accounts = build_accounts(settings, build_engine(settings))
        admin = accounts.users.create("0912300003", "Quản trị", "admin", None, None)
        bearer = {"Authorization": f"Bearer {accounts.sessions.create(admin.id, None).access}"}
        with httpx.Client(base_url=server.url, headers=bearer, timeout=30) as client:
            for question in ("Mật khẩu mạnh cần bao nhiêu ký tự?", "Lệ phí đăng ký khai sinh là bao nhiêu?") * 3:
                # New connections: the kernel spreads them over both workers.
                answer = httpx.post(f"{server.url}/v1/chat", json={"question": question}, headers=bearer, timeout=30)
                assert answer.status_code == 200
            totals = [_questions_total(client.get("/metrics").text) for _ in range(4)]
        assert totals == [6.0] * 4  # whichever worker answers, it counts every worker's questions
    finally:
        server.stop()
    assert len(re.findall(r"Started server process \[(\d+)\]", (tmp_path / "workers.log").read_text())) == 2


def _questions_total(metrics: str) -> float:
    return sum(float(v) for v in re.findall(r"^coach_questions_total\{[^}]*\} ([0-9.e+]+)$", metrics, flags=re.MULTILINE))


def _wrong(learner: str, seconds_ago: float) -> dict:
    when = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds_ago)
    return {"id": str(uuid.uuid4()), "actor": {"id": learner}, "verb": "answered",
            "object": {"type": "quiz_item", "id": "cd02-q1"}, "result": {"success": False, "response": "0"},
            "timestamp": when.isoformat()}  # fmt: skip


@needs_postgres
def test_killing_a_worker_mid_evening_loses_no_acknowledged_statement(shared: dict, tmp_path: Path) -> None:
    settings: Settings = shared["settings"]
    server = ServerProcess(shared["env"], tmp_path / "kill.log", "--workers", "2")
    try:
        _, key = build_accounts(settings, build_engine(settings)).api_keys.create("Nền tảng", ["events:write"], None, None)
        workers = [pid for pid in child_pids(server.process.pid) if b"resource_tracker" not in _cmdline(pid)]
        assert len(workers) == 2
        acknowledged: list[str] = []
        batches = iter(range(120))
        killed = threading.Event()

        def post_batches() -> None:
            with httpx.Client(timeout=30) as client:
                for _ in batches:
                    batch = [{**_wrong(f"K-{n % 7}", 5), "object": {"type": "lesson", "id": "cd01-l1"}, "verb": "progressed",
                              "result": {}} for n in range(20)]  # fmt: skip
                    try:
                        response = client.post(f"{server.url}/v1/events", json=batch, headers={"X-API-Key": key})
                    except httpx.TransportError:
                        continue  # the worker died under this request: not acknowledged, the client would retry
                    if response.status_code == 202:
                        acknowledged.extend(s["id"] for s in batch)
                    if len(acknowledged) >= 400 and not killed.is_set():
                        killed.set()
                        os.kill(workers[0], signal.SIGKILL)

        posters = [threading.Thread(target=post_batches) for _ in range(4)]
        for thread in posters:
            thread.start()
        for thread in posters:
            thread.join(timeout=120)
        assert killed.is_set() and len(acknowledged) > 400
        engine = build_engine(settings)
        with engine.connect() as connection:
            table = LearnerStatement.__table__
            stored = set(connection.execute(select(table.c.id).where(table.c.id.in_(acknowledged))).scalars())
        assert stored == set(acknowledged)  # every acknowledged statement is in the database
        assert httpx.get(f"{server.url}/healthz", timeout=10).status_code == 200  # the other worker serves on
    finally:
        server.stop()


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
