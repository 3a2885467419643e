"""The xAPI 1.0.3 statement resource: authentication, version header, validation, idempotency, conflicts, voiding,
mapping to the course, untracked statements reported, and no personal field of the platform kept."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from api import Settings, create_app
from tests.accounts_support import PHONES, Outbox, seed_accounts, sign_in
from tests.conftest import FIXTURE_CORPUS

LMS = "https://hoc.cds.gov.vn"
COURSE_IRI = f"{LMS}/course/course-v1:BKHCN+CDSXA+2025"
ACTIVITIES = f"""
platforms:
  - name: openedx
    home_page: {LMS}
    course: ["{COURSE_IRI}"]
    patterns:
      - '^https://hoc\\.cds\\.gov\\.vn/xblock/block-v1:BKHCN\\+CDSXA\\+2025\\+type@[a-z_]+\\+block@(?P<id>cd\\d{{2}}(?:-[lq]\\d+)?)$'
    activities:
      "https://moodle.cds.gov.vn/mod/page/view.php?id=101": cd01-l1
"""
NAME, EMAIL = "Trần Thị Xuân Mai", "xuanmai.tran@example.vn"
PERSON = {"objectType": "Agent", "name": NAME}  # with one identifier: an account, or a mailbox (xAPI allows one)
HEADERS: dict[str, str] = {"X-Experience-API-Version": "1.0.3"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("xapi")
    (folder / "activities.yaml").write_text(ACTIVITIES, encoding="utf-8")
    settings = Settings(data_dir=folder / "var", corpus_dir=FIXTURE_CORPUS, xapi_activities_file=folder / "activities.yaml")
    outbox = Outbox()
    with TestClient(create_app(settings, code_sender=outbox.sender)) as test_client:
        seed_accounts(test_client.app)
        keys = test_client.app.state.accounts.api_keys
        _, secret = keys.create("Open edX của Bộ", ["events:write"], None, None)
        _, read_only = keys.create("Giám sát", ["metrics:read"], None, None)
        HEADERS["Authorization"] = "Basic " + base64.b64encode(f"openedx:{secret}".encode()).decode()
        test_client.app.state.test_keys = {"secret": secret, "metrics": read_only}
        test_client.app.state.test_admin = sign_in(TestClient(test_client.app), outbox, PHONES["admin"])
        yield test_client


def block(kind: str, our_id: str) -> str:
    return f"{LMS}/xblock/block-v1:BKHCN+CDSXA+2025+type@{kind}+block@{our_id}"


def xapi(verb: str, object_iri: str, learner: str = "a1b2c3", **extra: object) -> dict:
    statement = {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "account": {"homePage": LMS, "name": learner}},
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": object_iri},
        "timestamp": "2026-11-20T20:15:00+07:00",
        "version": "1.0.3",
    }
    statement.update(extra)
    return statement


def learner_id(client: TestClient, name: str) -> str:
    return "lms-" + client.app.state.accounts.hasher("lms-account", f"{LMS}|{name}")[:24]


def tracked(client: TestClient, name: str) -> list[tuple[str, str, str]]:
    return [(e.verb, e.object_type, e.object_id) for e in client.app.state.learning.events.events(learner_id(client, name))]


def test_about_needs_no_key_and_says_the_version(client: TestClient) -> None:
    response = client.get("/xapi/about")
    assert response.status_code == 200 and response.json() == {"version": ["1.0.3"]}
    assert response.headers["x-experience-api-version"] == "1.0.3"


def test_keys_and_the_version_header_are_checked(client: TestClient) -> None:
    body = xapi("launched", COURSE_IRI)
    missing = client.post("/xapi/statements", json=body, headers={"X-Experience-API-Version": "1.0.3"})
    assert missing.status_code == 401 and missing.json()["code"] == "api_key_required"
    assert "basic" in missing.headers["www-authenticate"].lower()
    wrong = client.post(
        "/xapi/statements", json=body, headers={**HEADERS, "Authorization": "Basic " + base64.b64encode(b"x:y").decode()}
    )
    assert wrong.status_code == 401 and wrong.json()["code"] == "api_key_invalid"
    scope = client.post(
        "/xapi/statements", json=body, headers={**HEADERS, "Authorization": f"Bearer {client.app.state.test_keys['metrics']}"}
    )
    assert scope.status_code == 403 and scope.json()["code"] == "api_key_scope"
    no_version = client.post("/xapi/statements", json=body, headers={"Authorization": HEADERS["Authorization"]})
    assert no_version.status_code == 400 and no_version.json()["code"] == "xapi_version"
    assert "X-Experience-API-Version" in no_version.json()["message"]
    bearer = client.post(
        "/xapi/statements", json=body, headers={**HEADERS, "Authorization": f"Bearer {client.app.state.test_keys['secret']}"}
    )
    assert bearer.status_code == 200 and bearer.json() == [body["id"]]


def test_a_batch_maps_to_the_course_and_resending_it_counts_once(client: TestClient) -> None:
    batch = [
        xapi("launched", block("chapter", "cd01"), learner="hv-100"),
        xapi("answered", block("problem", "cd01-q1"), learner="hv-100",
             result={"success": True, "response": "choice_1", "score": {"scaled": 1.0, "raw": 1, "min": 0, "max": 1}},
             context={"contextActivities": {"parent": [{"id": block("chapter", "cd01"), "objectType": "Activity"}]}}),
        xapi("completed", block("chapter", "cd01"), learner="hv-100"),
    ]  # fmt: skip
    first = client.post("/xapi/statements", json=batch, headers=HEADERS)
    assert first.status_code == 200 and first.json() == [s["id"] for s in batch]
    assert first.headers["x-experience-api-version"] == "1.0.3"
    again = client.post("/xapi/statements", json=batch, headers=HEADERS)
    assert again.status_code == 200 and again.json() == first.json()
    assert tracked(client, "hv-100") == [
        ("launched", "topic", "cd01"),
        ("answered", "quiz_item", "cd01-q1"),
        ("completed", "topic", "cd01"),
    ]
    events = client.app.state.learning.events.events(learner_id(client, "hv-100"))
    assert events[1].success is True and events[1].topic == "cd01"


def test_same_id_with_other_content_is_a_conflict_and_nothing_of_the_batch_is_stored(client: TestClient) -> None:
    original = xapi("completed", block("chapter", "cd02"), learner="hv-200")
    assert client.post("/xapi/statements", json=original, headers=HEADERS).status_code == 200
    changed = {**original, "verb": {"id": "http://adlnet.gov/expapi/verbs/failed"}}
    fresh = xapi("launched", block("chapter", "cd03"), learner="hv-200")
    response = client.post("/xapi/statements", json=[fresh, changed], headers=HEADERS)
    assert response.status_code == 409 and response.json()["code"] == "statement_conflict"
    assert tracked(client, "hv-200") == [("completed", "topic", "cd02")]
    lookup = client.get("/xapi/statements", params={"statementId": fresh["id"]}, headers=HEADERS)
    assert lookup.status_code == 404


@pytest.mark.parametrize(
    ("broken", "field"),
    [
        (lambda s: s.pop("actor"), "actor"),
        (lambda s: s["verb"].pop("id"), "verb.id"),
        (lambda s: s["object"].update(id="không phải IRI"), "object.id"),
        (lambda s: s.update(version="2.0.0"), "version"),
        (lambda s: s["verb"].update(display={}), "verb.display"),
    ],
)
def test_statements_failing_the_specification_reject_the_whole_batch(client: TestClient, broken, field: str) -> None:
    good, bad = (
        xapi("launched", block("chapter", "cd04"), learner="hv-300"),
        xapi("completed", block("chapter", "cd04"), learner="hv-300"),
    )
    broken(bad)
    response = client.post("/xapi/statements", json=[good, bad], headers=HEADERS)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "invalid_statements" and "xAPI" in body["message"]
    assert [(e["index"], e["field"].startswith(field)) for e in body["errors"]][0] == (1, True)
    assert all(e["message"] and not e["message"].isascii() for e in body["errors"])  # Vietnamese
    assert tracked(client, "hv-300") == []


def test_voiding_removes_a_statement_from_progress_and_from_plain_lookups(client: TestClient) -> None:
    done = xapi("completed", block("chapter", "cd05"), learner="hv-400")
    assert client.post("/xapi/statements", json=done, headers=HEADERS).status_code == 200
    assert ("completed", "topic", "cd05") in tracked(client, "hv-400")
    voiding = xapi("voided", "unused", learner="hv-400")
    voiding["object"] = {"objectType": "StatementRef", "id": done["id"]}
    assert client.post("/xapi/statements", json=voiding, headers=HEADERS).status_code == 200
    assert tracked(client, "hv-400") == []
    assert client.get("/xapi/statements", params={"statementId": done["id"]}, headers=HEADERS).status_code == 404
    kept = client.get("/xapi/statements", params={"voidedStatementId": done["id"]}, headers=HEADERS)
    assert kept.status_code == 200 and kept.json()["id"] == done["id"]
    with client.app.state.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT COUNT(*) FROM learner_topic_done WHERE learner_id = :l"), {"l": learner_id(client, "hv-400")}
        )
        assert rows.scalar() == 0  # the roll-up was rebuilt without the voided completion


def test_put_stores_under_the_given_id_and_get_returns_it_without_personal_fields(client: TestClient) -> None:
    statement_id = str(uuid.uuid4())
    body = xapi("progressed", block("html", "cd01-l2"), learner="42",
                actor={**PERSON, "account": {"homePage": LMS, "name": "42"}},
                result={"response": "Tôi là " + NAME + ", số điện thoại 0912345678, tôi chưa hiểu phần này lắm."})  # fmt: skip
    body.pop("id")
    put = client.put("/xapi/statements", params={"statementId": statement_id}, json=body, headers=HEADERS)
    assert put.status_code == 204, put.text
    got = client.get("/xapi/statements", params={"statementId": statement_id}, headers=HEADERS).json()
    assert got["id"] == statement_id and got["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": LMS, "name": learner_id(client, "42")},
    }
    assert "response" not in got.get("result", {}) and NAME not in json.dumps(got, ensure_ascii=False)
    assert tracked(client, "42") == [("progressed", "lesson", "cd01-l2")]
    mismatch = client.put(
        "/xapi/statements", params={"statementId": str(uuid.uuid4())}, json={**body, "id": statement_id}, headers=HEADERS
    )
    assert mismatch.status_code == 400 and mismatch.json()["code"] == "statement_id_mismatch"


def test_unknown_activities_and_verbs_are_stored_and_reported(client: TestClient) -> None:
    unknown = xapi("completed", f"{LMS}/xblock/block-v1:BKHCN+CDSXA+2025+type@problem+block@bonus-1", learner="hv-500")
    enrolled = xapi("registered", COURSE_IRI, learner="hv-500")
    response = client.post("/xapi/statements", json=[unknown, enrolled], headers=HEADERS)
    assert response.status_code == 200
    assert tracked(client, "hv-500") == []
    assert client.get("/xapi/statements", params={"statementId": unknown["id"]}, headers=HEADERS).status_code == 200
    report = client.get("/v1/admin/xapi/untracked", headers=client.app.state.test_admin)
    assert report.status_code == 200
    reasons = {(r["reason"], r["object"]) for r in report.json()["untracked"]}
    assert ("activity", unknown["object"]["id"]) in reasons and ("verb", COURSE_IRI) in reasons


def test_oversized_bodies_and_attachments_are_refused(client: TestClient) -> None:
    huge = client.post(
        "/xapi/statements",
        content=b"[" + b" " * (10 * 1024 * 1024) + b"]",
        headers={**HEADERS, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413 and not huge.json()["message"].isascii()
    multipart = client.post(
        "/xapi/statements", content=b"--b\r\n\r\n{}\r\n--b--", headers={**HEADERS, "Content-Type": "multipart/mixed; boundary=b"}
    )
    assert multipart.status_code == 400 and multipart.json()["code"] == "attachments_not_accepted"
    too_many = client.post("/xapi/statements", json=[xapi("launched", COURSE_IRI)] * 501, headers=HEADERS)
    assert too_many.status_code == 413


def test_no_name_or_email_of_the_platform_reaches_the_database(client: TestClient) -> None:
    body = xapi("answered", block("problem", "cd01-q2"), learner="77",
                actor={**PERSON, "account": {"homePage": LMS, "name": "77"}},
                context={"instructor": {"objectType": "Agent", "name": NAME, "mbox": f"mailto:{EMAIL}"},
                         "extensions": {"https://example.vn/ext/profile": {"email": EMAIL}}})  # fmt: skip
    by_mailbox = xapi("launched", block("chapter", "cd01"), actor={**PERSON, "mbox": f"mailto:{EMAIL}"})
    assert client.post("/xapi/statements", json=[body, by_mailbox], headers=HEADERS).status_code == 200
    engine = client.app.state.engine
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                dumped = json.dumps([str(v) for v in row], ensure_ascii=False)
                assert NAME not in dumped and EMAIL not in dumped and "Xuân Mai" not in dumped, table


@pytest.fixture(scope="module")
def fixtures_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "fixtures" / "xapi"
