"""Chat API end to end on the fixture corpus, with a real SQLite database: every route and error path."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api import Settings, create_app
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, Outbox, seed_accounts, sign_in


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from tests.conftest import FIXTURE_CORPUS

    data = tmp_path_factory.mktemp("var")
    # The fixture corpus is tiny: its relevant passages sit a little lower in cosine.
    settings = Settings(
        data_dir=data, corpus_dir=FIXTURE_CORPUS, cors_origins=["https://xa-tanphu.example"], coverage_min_similarity=0.84
    )
    outbox = Outbox()
    with TestClient(create_app(settings, code_sender=outbox.sender)) as test_client:
        ingest_corpus(test_client.app.state.index, FIXTURE_CORPUS)
        seed_accounts(test_client.app)
        test_client.headers.update(sign_in(test_client, outbox, PHONES["learner"]))  # every request of the module: a learner
        test_client.app.state.test_outbox = outbox
        yield test_client


@pytest.fixture(scope="module")
def other_learner(client: TestClient) -> dict[str, str]:
    # A second client on the same running app (no second start-up): its own cookies, same services.
    return sign_in(TestClient(client.app), client.app.state.test_outbox, PHONES["other_learner"])


@pytest.fixture(scope="module")
def admin(client: TestClient) -> dict[str, str]:
    return sign_in(TestClient(client.app), client.app.state.test_outbox, PHONES["admin"])


def _events(body: str) -> list[tuple[str, object]]:
    events = []
    for block in body.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_chat_answers_with_citations_and_keeps_the_conversation(client: TestClient) -> None:
    first = client.post("/v1/chat", json={"question": "thủ tục đăng ký khai sinh cần giấy tờ gì"})
    assert first.status_code == 200
    body = first.json()
    assert not body["blocked"] and not body["not_covered"] and body["answerer"] == "extractive"
    assert "giấy chứng sinh" in body["answer"].lower() and "[1]" in body["answer"]
    assert body["citations"][0]["doc_id"] == "mau-khai-sinh" and body["citations"][0]["status"] == "còn hiệu lực"
    follow = client.post("/v1/chat", json={"question": "còn lệ phí thì sao?", "conversation_id": body["conversation_id"]})
    assert follow.json()["conversation_id"] == body["conversation_id"]
    assert "miễn lệ phí" in follow.json()["answer"]
    history = client.get(f"/v1/conversations/{body['conversation_id']}").json()
    assert [m["role"] for m in history["messages"]] == ["user", "assistant", "user", "assistant"]
    assert history["messages"][1]["citations"][0]["section"].split("; ")[0] in {"Hồ sơ", "Giới thiệu", "Trình tự"}


def test_blocked_question_is_stored_redacted_only(client: TestClient) -> None:
    response = client.post("/v1/chat", json={"question": "CCCD 001085012345 của tôi, làm khai sinh thế nào?"}).json()
    assert response["blocked"] and response["categories"] == ["personal_data"]
    assert response["redacted_question"] == "CCCD <CCCD> của tôi, làm khai sinh thế nào?"
    stored = client.get(f"/v1/conversations/{response['conversation_id']}").json()["messages"]
    assert stored[0]["text"] == "CCCD <CCCD> của tôi, làm khai sinh thế nào?" and stored[0]["blocked"]
    assert "001085012345" not in json.dumps(stored)


@pytest.mark.parametrize(
    ("question", "raw_values"),
    [
        ("cho hỏi nguyen van an sđt 0987654321 làm CCCD ở đâu", ["nguyen van an", "0987654321"]),
        (
            "Anh Lê Văn Tám, SĐT 0987654321, ở thôn 3 xã Tân Phú, hỏi làm lại giấy khai sinh bị mất thế nào",
            ["Lê Văn Tám", "Tân Phú"],
        ),
        ("mã số thuế của tôi là 0101234568, số nhà 12 ngõ 45 Láng Hạ, tra giúp", ["0101234568", "ngõ 45 Láng Hạ"]),
    ],
)
def test_what_a_blocked_question_leaves_in_the_database_is_clean(
    client: TestClient, question: str, raw_values: list[str]
) -> None:
    response = client.post("/v1/chat", json={"question": question}).json()
    assert response["blocked"]
    # The question is kept for the one-tap resend, and the resend itself passes.
    assert response["redacted_question"].endswith(question[-8:])
    resend = client.post("/v1/chat", json={"question": response["redacted_question"]}).json()
    assert not resend["blocked"]
    with client.app.state.engine.connect() as connection:
        stored = [row[0] for row in connection.execute(text("SELECT redacted_text FROM guardrail_flag"))]
        stored += [row[0] for row in connection.execute(text("SELECT text FROM coach_message"))]
    assert response["redacted_question"] in stored
    for value in raw_values:
        assert not any(value in row for row in stored), value


def test_stream_sends_tokens_then_citations_then_done(client: TestClient) -> None:
    response = client.post("/v1/chat/stream", json={"question": "lệ phí đăng ký khai sinh bao nhiêu"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    events = _events(response.text)
    names = [name for name, _ in events]
    assert names[0] == "meta" and names[-2:] == ["citations", "done"] and names.count("token") > 5
    assert (
        "".join(d["text"] for n, d in events if n == "token")
        == client.get(f"/v1/conversations/{events[0][1]['conversation_id']}").json()["messages"][1]["text"]
    )
    blocked = _events(client.post("/v1/chat/stream", json={"question": "mật khẩu của tôi là Xa@2025!"}).text)
    assert [n for n, _ in blocked][:2] == ["meta", "blocked"] and blocked[-1][1]["blocked"] is True


def test_out_of_scope_question_says_so(client: TestClient) -> None:
    body = client.post("/v1/chat", json={"question": "Thời tiết Hà Nội ngày mai có mưa không?"}).json()
    assert body["not_covered"] and body["citations"] == [] and "chưa có nội dung" in body["answer"]


def test_feedback_is_stored_and_comments_are_masked(client: TestClient, admin: dict[str, str]) -> None:
    answer = client.post("/v1/chat", json={"question": "đặt mật khẩu mạnh thế nào"}).json()
    ok = client.post(
        f"/v1/messages/{answer['message_id']}/feedback", json={"helpful": True, "comment": "Rất rõ, gọi tôi 0912345678"}
    )
    assert ok.status_code == 201 and ok.json()["comment_stored"] == "Rất rõ, gọi tôi <SĐT>"
    question_id = answer["question_message_id"]
    assert client.post(f"/v1/messages/{question_id}/feedback", json={"helpful": True}).json()["code"] == "not_an_answer"
    assert client.post(f"/v1/messages/{'0' * 32}/feedback", json={"helpful": False}).status_code == 404
    assert client.post(f"/v1/messages/{answer['message_id']}/feedback", json={"helpful": "yes?"}).status_code == 422
    assert client.get("/metrics").status_code == 403  # a learner does not read the service's metrics
    metrics = client.get("/metrics", headers=admin).text
    assert 'coach_feedback_total{helpful="true"} 1.0' in metrics and 'coach_questions_total{outcome="answered"}' in metrics


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"question": "x" * 2001}, 422, "question_too_long"),
        ({"question": ""}, 422, "empty_question"),
        ({"question": "   "}, 400, "empty_query"),
        ({"question": "khai sinh", "conversation_id": "not-an-id"}, 422, "bad_conversation_id"),
        ({"question": "khai sinh", "extra": 1}, 422, "invalid_request"),
        ({"nothing": "here"}, 422, "invalid_request"),
    ],
)
def test_bad_chat_requests_get_vietnamese_errors(client: TestClient, payload: dict, status: int, code: str) -> None:
    response = client.post("/v1/chat", json=payload)
    assert response.status_code == status and response.json()["code"] == code
    assert response.json()["message"] and "Traceback" not in response.text


def test_malformed_and_oversized_bodies(client: TestClient) -> None:
    bad = client.post("/v1/chat", content=b"{bad json", headers={"Content-Type": "application/json"})
    assert bad.status_code == 400 and bad.json()["code"] == "malformed_json"
    huge = client.post("/v1/chat", content=b"{" + b" " * 40_000 + b"}", headers={"Content-Type": "application/json"})
    assert huge.status_code == 413 and huge.json()["code"] == "body_too_large"


def test_unknown_conversation_and_cors(client: TestClient) -> None:
    assert client.get(f"/v1/conversations/{'a' * 32}").json()["code"] == "conversation_not_found"
    assert client.get("/v1/conversations/xyz").json()["code"] == "bad_conversation_id"
    allowed = client.options("/v1/chat", headers={"Origin": "https://xa-tanphu.example", "Access-Control-Request-Method": "POST"})
    assert allowed.headers.get("access-control-allow-origin") == "https://xa-tanphu.example"
    denied = client.options("/v1/chat", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in denied.headers


def test_conversations_belong_to_their_user(client: TestClient, other_learner: dict[str, str]) -> None:
    mine = client.post("/v1/chat", json={"question": "lệ phí đăng ký khai sinh"}).json()
    conversation, answer = mine["conversation_id"], mine["message_id"]
    # Someone else's conversation does not exist for the caller: not readable, not continuable, no feedback.
    read = client.get(f"/v1/conversations/{conversation}", headers=other_learner)
    assert read.status_code == 404 and read.json()["code"] == "conversation_not_found"
    follow = client.post("/v1/chat", json={"question": "còn hồ sơ?", "conversation_id": conversation}, headers=other_learner)
    assert follow.status_code == 404 and follow.json()["message"] == "Không tìm thấy cuộc hội thoại."
    rate = client.post(f"/v1/messages/{answer}/feedback", json={"helpful": False}, headers=other_learner)
    assert rate.status_code == 404
    assert client.get(f"/v1/conversations/{conversation}").status_code == 200


def test_chat_needs_a_session(client: TestClient) -> None:
    anonymous = TestClient(client.app)
    response = anonymous.post("/v1/chat", json={"question": "khai sinh"})
    assert response.status_code == 401 and response.json()["code"] == "not_signed_in"
    assert "đăng nhập" in response.json()["message"]
    forged = anonymous.post("/v1/chat", json={"question": "khai sinh"}, headers={"Authorization": "Bearer forged-token"})
    assert forged.status_code == 401


def test_pages_and_openapi(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<script type="module" src="/widget.js"' in page.text and 'lang="vi"' in page.text
    assert "Hỏi trợ lý số" in client.get("/widget.js").text
    for module in ("api.js", "dom.js"):  # the widget's own modules, served as scripts
        served = client.get(f"/static/{module}")
        assert served.status_code == 200 and served.headers["content-type"].startswith("text/javascript")
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/v1/chat",
        "/v1/chat/stream",
        "/v1/conversations/{conversation_id}",
        "/v1/messages/{message_id}/feedback",
        "/metrics",
        "/healthz",
    } <= set(paths)
    assert paths["/v1/chat"]["post"]["summary"] == "Hỏi trợ lý (trả lời JSON)"


def test_security_headers_and_no_personal_data_in_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    secret_phone, secret_code = "0987654321", "Xa@2025!"
    response = client.post("/v1/chat", json={"question": f"gọi tôi {secret_phone}, mật khẩu là {secret_code}"})
    client.post("/v1/chat", json={"question": "x" * 2001})
    assert (
        response.headers["x-content-type-options"] == "nosniff"
        and "frame-ancestors 'none'" in response.headers["content-security-policy"]
    )
    assert secret_phone not in caplog.text and secret_code not in caplog.text and "gọi tôi" not in caplog.text
