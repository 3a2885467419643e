"""Learner events API: authentication, whole-batch validation, idempotency, progress and hints."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import Settings, create_app
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, Outbox, seed_accounts, sign_in
from tests.conftest import FIXTURE_CORPUS, FIXTURES

KEY: dict[str, str] = {}  # filled with a managed API key (scope events:write) when the app starts
# L-1 (xa-tan-phu) and L-2 (phuong-ben-thanh) come with the seeded accounts; these are extra learners of xa-tan-phu.
LEARNER_PHONES = {"L-3": "0912100003", "L-4": "0912100004", "hv-1": "0912100005"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    today = dt.date.today()
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
        course_start=today - dt.timedelta(days=2), course_end=today + dt.timedelta(days=3),
    )  # fmt: skip
    outbox = Outbox()
    with TestClient(create_app(settings, code_sender=outbox.sender)) as test_client:
        ingest_corpus(test_client.app.state.index, FIXTURE_CORPUS)  # hints cite courseware passages
        accounts = test_client.app.state.accounts
        seed_accounts(test_client.app)
        _, secret = accounts.api_keys.create("Nền tảng học tập", ["events:write"], None, None)
        KEY["X-API-Key"] = secret
        for learner_id, phone in LEARNER_PHONES.items():
            accounts.users.create(phone, f"Học viên {learner_id}", "learner", "xa-tan-phu", learner_id)
        test_client.app.state.test_sessions = {
            learner_id: sign_in(TestClient(test_client.app), outbox, phone) for learner_id, phone in LEARNER_PHONES.items()
        }
        test_client.app.state.test_sessions["L-1"] = sign_in(TestClient(test_client.app), outbox, PHONES["learner"])
        test_client.app.state.test_sessions["L-2"] = sign_in(TestClient(test_client.app), outbox, PHONES["other_learner"])
        test_client.app.state.test_sessions["admin"] = sign_in(TestClient(test_client.app), outbox, PHONES["admin"])
        test_client.app.state.test_sessions["other_admin"] = sign_in(TestClient(test_client.app), outbox, PHONES["other_admin"])
        test_client.app.state.test_sessions["unit_admin"] = sign_in(TestClient(test_client.app), outbox, PHONES["unit_admin"])
        yield test_client


def as_(client: TestClient, who: str) -> dict[str, str]:
    """The Authorization header of a signed-in learner (by learner id) or admin."""
    return client.app.state.test_sessions[who]


def statement(learner: str, verb: str, kind: str, object_id: str, minutes_ago: float = 1, **extra) -> dict:
    when = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes_ago)
    body = {"id": str(uuid.uuid4()), "actor": {"id": learner, "unit": "xa-tan-phu"}, "verb": verb,
            "object": {"type": kind, "id": object_id}, "timestamp": when.isoformat().replace("+00:00", "Z")}  # fmt: skip
    body.update(extra)
    return body


def test_batch_is_stored_once_and_resending_is_ignored(client: TestClient) -> None:
    batch = [
        statement("L-1", "launched", "topic", "cd01"),
        statement("L-1", "completed", "topic", "cd01", result={"duration": "PT12M"}),
    ]
    first = client.post("/v1/events", json=batch, headers=KEY)
    assert first.status_code == 202 and first.json() == {"stored": 2, "duplicates": 0}
    again = client.post("/v1/events", json=batch, headers=KEY)
    assert again.status_code == 202 and again.json() == {"stored": 0, "duplicates": 2}
    single = client.post("/v1/events", json=statement("L-1", "completed", "topic", "cd02"), headers=KEY)
    assert single.json() == {"stored": 1, "duplicates": 0}
    progress = client.get("/v1/learners/L-1/progress", headers=as_(client, "L-1")).json()
    assert progress["topics_completed"] == ["cd01", "cd02"] and progress["compulsory_missing"] == ["cd03", "cd04", "cd05"]
    assert progress["time_spent_minutes"] == 12.0 and not progress["eligible"] and progress["reasons"]


def test_invalid_batch_is_rejected_whole_with_precise_errors(client: TestClient) -> None:
    good = statement("L-2", "launched", "topic", "cd01")
    future = statement("L-2", "launched", "topic", "cd01", minutes_ago=-60)
    bad = [good, statement("L-2", "danced", "topic", "cd01"), statement("L-2", "launched", "topic", "cd99"), future, dict(good)]
    response = client.post("/v1/events", json=bad, headers=KEY)
    assert response.status_code == 422 and response.json()["code"] == "invalid_statements"
    errors = {(e["index"], e["field"]) for e in response.json()["errors"]}
    assert {(1, "verb"), (2, "object.id"), (3, "timestamp"), (4, "id")} <= errors
    assert client.get("/v1/learners/L-2/progress", headers=as_(client, "admin")).json()["topics_completed"] == []
    assert client.post("/v1/events", json=[good], headers=KEY).json()["stored"] == 1  # nothing of the bad batch was kept


@pytest.mark.parametrize(
    ("payload", "headers", "status", "code"),
    [
        ([], KEY, 422, "empty_batch"),
        ([{"id": "x"}] * 501, KEY, 413, "batch_too_large"),
        ([], {"X-API-Key": "wrong"}, 401, "api_key_invalid"),
        ([], {}, 401, "api_key_required"),
    ],
)
def test_event_errors(client: TestClient, payload: list, headers: dict, status: int, code: str) -> None:
    response = client.post("/v1/events", json=payload, headers=headers)
    assert response.status_code == status and response.json()["code"] == code


def test_malformed_json_events(client: TestClient) -> None:
    response = client.post("/v1/events", content=b"[{", headers={**KEY, "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json()["code"] == "malformed_json"


def test_two_failures_give_a_cited_hint_and_dismissal_sticks(client: TestClient) -> None:
    failures = [
        statement("L-3", "answered", "quiz_item", "cd02-q1", minutes_ago=m, result={"success": False, "response": "1"})
        for m in (6, 2)
    ]
    client.post("/v1/events", json=failures, headers=KEY)
    hint = client.get("/v1/learners/L-3/hints", headers=as_(client, "L-3")).json()["hint"]
    assert hint["rule"] == "repeated_failure" and hint["id"] == "repeated_failure:cd02-q1"
    assert hint["source"]["doc_id"] == "mau-mat-khau" and "12 ký tự" in hint["source"]["passage"]
    client.post("/v1/events", json=statement("L-3", "hint-dismissed", "hint", hint["id"], minutes_ago=0.5), headers=KEY)
    after = client.get("/v1/learners/L-3/hints", headers=as_(client, "L-3")).json()["hint"]
    assert after is None or after["id"] != hint["id"]


def test_hints_can_be_turned_off(client: TestClient) -> None:
    client.post("/v1/events", json=[statement("L-4", "idle", "lesson", "cd01-l1", result={"duration": "PT5M"})], headers=KEY)
    me = as_(client, "L-4")
    assert client.get("/v1/learners/L-4/hints", headers=me).json()["hint"]["rule"] == "idle_nudge"
    assert client.put("/v1/learners/L-4/preferences", json={"hints_enabled": False}, headers=me).json()["hints_enabled"] is False
    assert client.get("/v1/learners/L-4/hints", headers=me).json() == {"hint": None}
    assert client.get("/v1/learners/bad id!/hints", headers=me).json()["code"] == "bad_learner_id"


def test_large_batches_pass_the_body_limit_and_analytics_report(client: TestClient) -> None:
    batch = [statement(f"L-big-{i % 7}", "progressed", "lesson", "cd01-l1", result={"score": 0.5}) for i in range(400)]
    response = client.post("/v1/events", json=batch, headers=KEY)
    assert len(response.request.content) > 80_000 and response.status_code == 202 and response.json()["stored"] == 400
    report = client.get("/v1/analytics/hints", headers=as_(client, "admin")).json()
    assert "without_hint" in report and set(report["without_hint"]) == {"next_attempt_right", "attempts"}


def test_lesson_page_and_first_party_events(client: TestClient) -> None:
    page = client.get("/lesson/cd02")
    assert page.status_code == 200 and '"id": "cd02"' in page.text and "Huấn luyện viên số" in page.text
    assert client.get("/lesson/cd99").json()["code"] == "topic_not_found"
    me = as_(client, "hv-1")
    own = statement("hv-1", "launched", "topic", "cd02")
    assert client.post("/v1/me/events", json=own, headers=me).status_code == 202
    stored = client.app.state.learning.events.events("hv-1")
    assert [e.object_id for e in stored] == ["cd02"]
    anonymous = client.post("/v1/me/events", json=statement("hv-1", "launched", "topic", "cd03"))
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "not_signed_in"
    other = statement("hv-2", "launched", "topic", "cd02")
    assert client.post("/v1/me/events", json=other, headers=me).json()["code"] == "wrong_learner"
    # Without an actor the server fills in the signed-in learner and their unit.
    anonymous_actor = {k: v for k, v in statement("x", "launched", "topic", "cd03").items() if k != "actor"}
    assert client.post("/v1/me/events", json=anonymous_actor, headers=me).status_code == 202
    assert {e.object_id for e in client.app.state.learning.events.events("hv-1")} == {"cd02", "cd03"}


def test_learner_data_is_only_visible_to_the_learner_their_unit_admin_and_admins(client: TestClient) -> None:
    client.post("/v1/events", json=statement("L-1", "launched", "topic", "cd01"), headers=KEY)
    for who, status in (("L-1", 200), ("L-2", 403), ("unit_admin", 200), ("other_admin", 403), ("admin", 200)):
        response = client.get("/v1/learners/L-1/progress", headers=as_(client, who))
        assert response.status_code == status, who
        if status == 403:
            assert response.json()["message"].startswith("Bạn chỉ xem được")
    # Hints and preferences act for the caller only, whatever their role.
    assert client.get("/v1/learners/L-1/hints", headers=as_(client, "admin")).json()["code"] == "not_your_data"
    someone_else = client.put("/v1/learners/L-1/preferences", json={"hints_enabled": False}, headers=as_(client, "L-2"))
    assert someone_else.status_code == 403
    assert client.get("/v1/learners/L-1/progress").status_code == 401


def test_api_keys_are_scoped_to_a_unit_and_revocable(client: TestClient) -> None:
    keys = client.app.state.accounts.api_keys
    key, secret = keys.create("Cổng xã Tân Phú", ["events:write"], "xa-tan-phu", None)
    mine = statement("L-1", "launched", "topic", "cd03")
    theirs = {**statement("L-2", "launched", "topic", "cd03"), "actor": {"id": "L-2", "unit": "phuong-ben-thanh"}}
    assert client.post("/v1/events", json=mine, headers={"X-API-Key": secret}).status_code == 202
    refused = client.post("/v1/events", json=[mine, theirs], headers={"X-API-Key": secret})
    assert refused.status_code == 403 and refused.json()["code"] == "api_key_unit" and "xa-tan-phu" in refused.json()["message"]
    assert next(k for k in keys.all() if k.id == key.id).last_used_at is not None
    metrics_key = keys.create("Prometheus", ["metrics:read"], None, None)[1]
    wrong_scope = client.post("/v1/events", json=mine, headers={"X-API-Key": metrics_key})
    assert wrong_scope.status_code == 403 and wrong_scope.json()["code"] == "api_key_scope"
    keys.revoke(key.id)
    revoked = client.post("/v1/events", json=mine, headers={"X-API-Key": secret})
    assert revoked.status_code == 401 and revoked.json()["code"] == "api_key_invalid"
