"""Load shedding: with every answering thread busy and the queue in front of them full, a new question gets a
Vietnamese 503 with Retry-After at once, writes nothing, and the questions already admitted are answered."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from api import Settings
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, seeded_client, sign_in
from tests.api.test_outages import QUESTION, conversations
from tests.conftest import FIXTURE_CORPUS, FIXTURES


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path / "var", corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
        coverage_min_similarity=0.84, answer_threads=1, answer_queue=1,
    )  # fmt: skip
    with seeded_client(settings) as test_client:
        ingest_corpus(test_client.app.state.index, FIXTURE_CORPUS)
        test_client.headers.update(sign_in(TestClient(test_client.app), test_client.app.state.test_outbox, PHONES["learner"]))
        yield test_client


def wait_until(condition, seconds: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        threading.Event().wait(0.01)  # polling another thread's state, with a deadline


def test_a_question_beyond_the_queue_gets_503_at_once_and_the_admitted_ones_are_answered(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    coach, gate = client.app.state.coach, client.app.state.answer_gate
    answering, release = threading.Event(), threading.Event()
    real_answer = coach.answer

    def held_answer(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the real answer, once the test lets it go
        answering.set()
        assert release.wait(30)
        return real_answer(*args, **kwargs)

    monkeypatch.setattr(coach, "answer", held_answer)
    admitted: list[Response] = []
    askers = [threading.Thread(target=lambda: admitted.append(client.post("/v1/chat", json={"question": QUESTION})))]
    askers[0].start()
    assert answering.wait(10)  # the one answering thread is busy
    askers.append(threading.Thread(target=lambda: admitted.append(client.post("/v1/chat/stream", json={"question": QUESTION}))))
    askers[1].start()
    wait_until(lambda: gate.in_flight == 2)  # ... and the one place in the queue is taken
    before = conversations(client)

    for path in ("/v1/chat", "/v1/chat/stream"):
        shed = client.post(path, json={"question": QUESTION})  # answered while the others are still held
        assert shed.status_code == 503, shed.text
        assert shed.json()["code"] == "busy" and "gửi lại sau" in shed.json()["message"]
        assert int(shed.headers["Retry-After"]) >= 1
    assert gate.shed == 2 and not release.is_set()
    assert conversations(client) == before

    release.set()
    for asker in askers:
        asker.join(timeout=30)
    assert sorted(r.status_code for r in admitted) == [200, 200]
    assert gate.in_flight == 0
    assert conversations(client) == before + 2
    assert client.post("/v1/chat", json={"question": QUESTION}).status_code == 200  # the gate is open again
