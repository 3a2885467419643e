"""Outages of the parts the service runs on, against the real servers: Chroma's server, and a PostgreSQL server of the
test's own, stopped and started again inside the test. Chat keeps answering from BM25 alone with a notice through a
Chroma outage; through a database outage requests get a Vietnamese 503 with Retry-After. /healthz says what is down,
/readyz fails, a failure leaves nothing half-written, and the service recovers without a restart."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api import Settings
from api.runtime import build_index
from coach import Conversation, messages_vi
from coach.event_store import LearnerStatement
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, seeded_client, sign_in
from tests.conftest import FIXTURE_CORPUS, FIXTURES
from tests.support import ChromaServer, PostgresServer

QUESTION = "lệ phí đăng ký khai sinh bao nhiêu"


def conversations(client: TestClient) -> int:
    with Session(client.app.state.engine) as session:
        return session.exec(select(func.count()).select_from(Conversation)).one()


def statement(learner: str = "L-1") -> dict:
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
    return {"id": str(uuid.uuid4()), "actor": {"id": learner, "unit": "xa-tan-phu"}, "verb": "launched",
            "object": {"type": "topic", "id": "cd01"}, "timestamp": when}  # fmt: skip


def stored_statements(client: TestClient, ids: list[str]) -> set[str]:
    with Session(client.app.state.engine) as session:
        return set(session.exec(select(LearnerStatement.id).where(LearnerStatement.id.in_(ids))).all())


def test_chat_survives_a_chroma_outage_and_recovers(tmp_path: Path, database_url: str) -> None:
    (tmp_path / "chroma").mkdir()
    server = ChromaServer(tmp_path / "chroma")
    try:
        settings = Settings(
            data_dir=tmp_path / "var", corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
            chroma_url=server.url, coverage_min_similarity=0.84, database_url=database_url,
        )  # fmt: skip
        ingest_corpus(build_index(settings), FIXTURE_CORPUS)
        with seeded_client(settings) as client, seeded_client(settings) as fresh:
            for each in (client, fresh):
                each.headers.update(sign_in(TestClient(each.app), each.app.state.test_outbox, PHONES["learner"]))
            before = client.post("/v1/chat", json={"question": QUESTION}).json()
            assert "miễn lệ phí" in before["answer"] and messages_vi.LEXICAL_ONLY not in before["answer"]
            assert client.get("/readyz").status_code == 200

            server.stop()
            during = client.post("/v1/chat", json={"question": QUESTION})
            assert during.status_code == 200, during.text
            body = during.json()
            assert "miễn lệ phí" in body["answer"] and body["answer"].startswith(messages_vi.LEXICAL_ONLY)
            assert body["citations"] and body["citations"][0]["doc_id"] == "mau-khai-sinh"
            off_topic = client.post("/v1/chat", json={"question": "Tỷ giá yên Nhật hôm nay thế nào?"}).json()
            assert off_topic["not_covered"]  # the lexical rule still refuses what the documents do not cover
            health = client.get("/healthz")
            assert health.status_code == 200 and health.json()["status"] == "degraded", health.text
            assert health.json()["index"]["reachable"] is False
            ready = client.get("/readyz")
            assert ready.status_code == 503 and ready.json()["failing"] == ["index"] and ready.headers["Retry-After"]

            # A worker that had not loaded the passages yet has nothing to answer from: a 503, no empty conversation.
            count = conversations(fresh)
            refused = fresh.post("/v1/chat", json={"question": QUESTION})
            assert refused.status_code == 503 and refused.json()["code"] == "index_unavailable"
            assert refused.headers["Retry-After"] == "30" and "thử lại" in refused.json()["message"]
            assert conversations(fresh) == count

            server.restart()
            after = client.post("/v1/chat", json={"question": QUESTION}).json()
            assert "miễn lệ phí" in after["answer"] and messages_vi.LEXICAL_ONLY not in after["answer"]
            assert client.get("/healthz").json()["index"]["reachable"] is True
            assert client.get("/readyz").status_code == 200
            assert "miễn lệ phí" in fresh.post("/v1/chat", json={"question": QUESTION}).json()["answer"]
    finally:
        server.stop()


def postgres_settings(tmp_path: Path, server: PostgresServer) -> Settings:
    settings = Settings(
        data_dir=tmp_path / "var", corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
        coverage_min_similarity=0.84, database_url=server.url,
    )  # fmt: skip
    ingest_corpus(build_index(settings), FIXTURE_CORPUS)
    return settings


def events_key(client: TestClient) -> dict[str, str]:
    _, secret = client.app.state.accounts.api_keys.create("Nền tảng học tập", ["events:write"], None, None)
    return {"X-API-Key": secret}


def test_a_postgres_outage_gets_a_vietnamese_503_and_the_service_recovers_without_restart(tmp_path: Path) -> None:
    server = PostgresServer()
    try:
        with seeded_client(postgres_settings(tmp_path, server)) as client:
            client.headers.update(sign_in(TestClient(client.app), client.app.state.test_outbox, PHONES["learner"]))
            key = events_key(client)
            assert client.post("/v1/chat", json={"question": QUESTION}).status_code == 200
            assert client.post("/v1/events", json=[statement()], headers=key).status_code == 202

            server.stop()
            refused = client.post("/v1/chat", json={"question": QUESTION})
            assert refused.status_code == 503, refused.text
            assert refused.json()["code"] == "database_unavailable" and "thử lại" in refused.json()["message"]
            assert refused.headers["Retry-After"] == "5"
            batch = [statement()]
            events = client.post("/v1/events", json=batch, headers=key)
            assert events.status_code == 503 and events.json()["code"] == "database_unavailable"
            health = client.get("/healthz")
            assert health.status_code == 200 and health.json()["status"] == "degraded", health.text
            assert health.json()["database"] == {"backend": "postgresql", "reachable": False}
            ready = client.get("/readyz")
            assert ready.status_code == 503 and ready.json()["failing"] == ["database"]

            server.start()  # the same process, its pool holding connections the restart broke
            again = client.post("/v1/chat", json={"question": QUESTION})
            assert again.status_code == 200 and "miễn lệ phí" in again.json()["answer"]
            assert client.post("/v1/events", json=batch, headers=key).json() == {"stored": 1, "duplicates": 0}
            assert client.get("/healthz").json()["database"]["reachable"] is True
            assert client.get("/readyz").status_code == 200
            assert conversations(client) == 2  # the refused question left no conversation behind
    finally:
        server.close()


def test_no_acknowledged_statement_is_lost_through_a_postgres_restart_under_load(tmp_path: Path) -> None:
    """Lesson pages keep posting while the server restarts; they resend what got a 503, as Retry-After asks."""
    server = PostgresServer()
    try:
        with seeded_client(postgres_settings(tmp_path, server)) as client:
            key = events_key(client)
            acknowledged: list[str] = []
            refused = 0
            restarted = threading.Event()
            lock = threading.Lock()

            def lesson_page() -> None:
                nonlocal refused
                sent = 0
                while sent < 20 or not restarted.is_set():
                    batch = [statement() for _ in range(5)]
                    while True:
                        response = client.post("/v1/events", json=batch, headers=key)
                        if response.status_code == 202:
                            with lock:
                                acknowledged.extend(s["id"] for s in batch)
                            break
                        assert response.status_code == 503, response.text  # never a 500, never a half answer
                        with lock:
                            refused += 1
                        time.sleep(0.05)  # the client's back-off before resending (Retry-After, shortened)
                    sent += 1

            pages = [threading.Thread(target=lesson_page) for _ in range(8)]
            for page in pages:
                page.start()
            server.stop()
            server.start()
            restarted.set()
            for page in pages:
                page.join(timeout=120)
            assert not any(page.is_alive() for page in pages)
            assert refused > 0  # the outage was felt
            assert len(acknowledged) >= 8 * 20 * 5
            assert stored_statements(client, acknowledged) == set(acknowledged)
    finally:
        server.close()


def test_chat_survives_unreadable_embedded_chroma_files_and_recovers(tmp_path: Path, database_url: str) -> None:
    """The embedded store failing under a running service: its database file damaged in place (a full disk, a bad
    block), then repaired."""
    settings = Settings(data_dir=tmp_path / "var", corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
                        coverage_min_similarity=0.84, database_url=database_url)  # fmt: skip
    ingest_corpus(build_index(settings), FIXTURE_CORPUS)
    store_file = settings.data_dir / "chroma" / "chroma.sqlite3"
    with seeded_client(settings) as client:
        client.headers.update(sign_in(TestClient(client.app), client.app.state.test_outbox, PHONES["learner"]))
        assert messages_vi.LEXICAL_ONLY not in client.post("/v1/chat", json={"question": QUESTION}).json()["answer"]

        with store_file.open("r+b") as damaged:
            header = damaged.read(4096)
            damaged.seek(0)
            damaged.write(b"\0" * len(header))
        during = client.post("/v1/chat", json={"question": QUESTION})
        assert during.status_code == 200, during.text
        assert during.json()["answer"].startswith(messages_vi.LEXICAL_ONLY) and "miễn lệ phí" in during.json()["answer"]
        health = client.get("/healthz").json()
        assert health["status"] == "degraded" and health["index"]["reachable"] is False
        assert client.get("/readyz").json()["failing"] == ["index"]

        with store_file.open("r+b") as repaired:
            repaired.write(header)
        after = client.post("/v1/chat", json={"question": QUESTION}).json()
        assert "miễn lệ phí" in after["answer"] and messages_vi.LEXICAL_ONLY not in after["answer"]
        assert client.get("/readyz").status_code == 200
