"""Admin API: the flag review queue, the allowlist loop, units and users, API keys, audit and usage reports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import Settings
from guardrails import FlagRecord, SqlFlagStore
from tests.accounts_support import PHONES, seeded_client, sign_in
from tests.conftest import FIXTURE_CORPUS, FIXTURES

HARMLESS = "Gửi anh Bình Minh thủ tục khai sinh"  # "Bình Minh" is a ward here, which the name recognizer cannot know


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    course = FIXTURES / "course_small.yaml"
    with seeded_client(
        Settings(data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS, course_file=course)
    ) as client:
        outbox = client.app.state.test_outbox
        client.app.state.test_sessions = {who: sign_in(TestClient(client.app), outbox, PHONES[who]) for who in PHONES}
        yield client


def as_(client: TestClient, who: str) -> dict[str, str]:
    return client.app.state.test_sessions[who]


def blocked_flag(client: TestClient, who: str, question: str) -> int:
    """Ask as ``who``; the question is blocked and its flag is the newest of the caller's unit."""
    assert client.post("/v1/chat", json={"question": question}, headers=as_(client, who)).json()["blocked"]
    return client.get("/v1/admin/flags", headers=as_(client, "admin"), params={"limit": 1}).json()["items"][0]["id"]


def test_queue_shows_redacted_flags_of_the_callers_unit_only(client: TestClient) -> None:
    mine = blocked_flag(client, "learner", "CCCD của tôi là 001085012345, làm lại giấy khai sinh?")
    theirs = blocked_flag(client, "other_learner", "Số tài khoản 0123456789012 của tôi bị khóa")
    queue = client.get("/v1/admin/flags", headers=as_(client, "unit_admin")).json()
    assert {f["id"] for f in queue["items"]} >= {mine} and theirs not in {f["id"] for f in queue["items"]}
    flag = next(f for f in queue["items"] if f["id"] == mine)
    assert flag["redacted_text"] == "CCCD của tôi là <CCCD>, làm lại giấy khai sinh?" and flag["unit"] == "xa-tan-phu"
    assert flag["categories"] == ["personal_data"] and flag["recognizers"] and flag["scores"] and flag["status"] == "pending"
    assert "001085012345" not in json.dumps(queue)
    other = client.get("/v1/admin/flags", headers=as_(client, "unit_admin"), params={"unit": "phuong-ben-thanh"})
    assert other.status_code == 403 and other.json()["code"] == "other_unit"
    everything = client.get("/v1/admin/flags", headers=as_(client, "admin")).json()
    assert {mine, theirs} <= {f["id"] for f in everything["items"]}
    every_status = client.get("/v1/admin/flags", headers=as_(client, "admin"), params={"status": "all"}).json()
    assert every_status["total"] >= everything["total"]
    by_category = client.get("/v1/admin/flags", headers=as_(client, "admin"), params={"category": "state_secret"}).json()
    assert mine not in {f["id"] for f in by_category["items"]}
    counts = client.get("/v1/admin/flags/counts", headers=as_(client, "unit_admin")).json()
    assert counts["pending"] >= 1 and set(counts) == {"pending", "confirmed", "false_positive", "escalated"}


def test_false_positive_with_allowlist_takes_effect_on_the_next_identical_message(client: TestClient) -> None:
    flag = blocked_flag(client, "learner", HARMLESS)
    review = {"ids": [flag], "decision": "false_positive", "reason": "Bình Minh là tên phường", "allow_terms": ["Bình Minh"]}
    # A unit admin may clear the flag but not change the guardrail for everyone.
    refused = client.post("/v1/admin/flags/review", json=review, headers=as_(client, "unit_admin"))
    assert refused.status_code == 403 and refused.json()["code"] == "allowlist_admin_only"
    done = client.post("/v1/admin/flags/review", json=review, headers=as_(client, "admin"))
    assert done.status_code == 200 and done.json() == {"updated": 1, "decision": "false_positive", "allowlisted": ["Bình Minh"]}
    again = client.post("/v1/chat", json={"question": HARMLESS}, headers=as_(client, "learner")).json()
    assert not again["blocked"]
    reviewed = client.get("/v1/admin/flags", headers=as_(client, "admin"), params={"status": "false_positive"}).json()["items"]
    assert next(f for f in reviewed if f["id"] == flag)["review"]["reason"] == "Bình Minh là tên phường"
    audit = client.get("/v1/admin/audit", headers=as_(client, "admin"), params={"action": "allowlist_add"}).json()
    assert audit["items"][0]["detail"]["term"] == "Bình Minh" and audit["items"][0]["actor_name"] == "Người dùng admin"
    terms = client.get("/v1/admin/allowlist", headers=as_(client, "admin")).json()["items"]
    assert [t["term"] for t in terms] == ["Bình Minh"]
    # Withdrawn by mistake-fixing admin: the message is blocked again, and the removal is audited.
    assert client.post("/v1/admin/allowlist/remove", json={"term": "Bình Minh"}, headers=as_(client, "admin")).status_code == 200
    assert client.post("/v1/chat", json={"question": HARMLESS}, headers=as_(client, "learner")).json()["blocked"]
    gone = client.post("/v1/admin/allowlist/remove", json={"term": "Bình Minh"}, headers=as_(client, "admin"))
    assert gone.status_code == 404 and gone.json()["code"] == "term_not_found"
    me = client.get("/v1/auth/me", headers=as_(client, "unit_admin")).json()
    assert me["unit"] == "xa-tan-phu" and me["unit_name"] == "Xã Tân Phú"


@pytest.mark.parametrize(
    ("body", "who", "status", "code"),
    [
        ({"ids": [1], "decision": "false_positive"}, "admin", 422, "reason_required"),
        (
            {"ids": [1], "decision": "false_positive", "reason": "x", "allow_terms": ["001085012345"]},
            "admin",
            422,
            "bad_allow_term",
        ),
        ({"ids": [1], "decision": "confirmed", "allow_terms": ["Bình An"]}, "admin", 422, "bad_allow_term"),
        ({"ids": [999999], "decision": "confirmed"}, "admin", 404, "flag_not_found"),
        ({"ids": [], "decision": "confirmed"}, "admin", 422, "invalid_request"),
        ({"ids": list(range(1, 202)), "decision": "confirmed"}, "admin", 422, "invalid_request"),
        ({"ids": [1], "decision": "deleted"}, "admin", 422, "invalid_request"),
        ({"ids": [1], "decision": "confirmed"}, "learner", 403, "forbidden"),
    ],
)
def test_bad_reviews_get_vietnamese_errors(client: TestClient, body: dict, who: str, status: int, code: str) -> None:
    response = client.post("/v1/admin/flags/review", json=body, headers=as_(client, who))
    assert response.status_code == status and response.json()["code"] == code and response.json()["message"]


def test_bulk_review_and_unit_boundaries(client: TestClient) -> None:
    ours = [blocked_flag(client, "learner", f"Mật khẩu email của tôi là Hoa@202{i}xyz") for i in range(3)]
    theirs = blocked_flag(client, "other_learner", "Mật khẩu của tôi là Lan@2024abc")
    mixed = client.post(
        "/v1/admin/flags/review", json={"ids": [*ours, theirs], "decision": "confirmed"}, headers=as_(client, "unit_admin")
    )
    assert mixed.status_code == 403 and mixed.json()["code"] == "other_unit"
    bulk = client.post("/v1/admin/flags/review", json={"ids": ours, "decision": "escalated", "reason": "Cần xem lại"},
                       headers=as_(client, "unit_admin"))  # fmt: skip
    assert bulk.json()["updated"] == 3
    escalated = client.get("/v1/admin/flags", headers=as_(client, "unit_admin"), params={"status": "escalated"}).json()
    assert set(ours) <= {f["id"] for f in escalated["items"]}
    entry = client.get("/v1/admin/audit", headers=as_(client, "admin"), params={"action": "flag_review"}).json()["items"][0]
    assert entry["detail"]["count"] == 3 and entry["actor_role"] == "unit_admin" and entry["detail"]["ids"] == sorted(ours)


def test_users_are_created_searched_changed_and_deactivated(client: TestClient) -> None:
    admin = as_(client, "admin")
    new = {"phone": "+84 933 111 222", "display_name": "Đỗ Văn Mới", "unit": "xa-tan-phu"}
    created = client.post("/v1/admin/users", json=new, headers=admin)
    assert created.status_code == 201 and created.json()["phone"] == "093****222" and created.json()["role"] == "learner"
    user_id = created.json()["id"]
    duplicate = client.post("/v1/admin/users", json={"phone": "0933111222", "display_name": "X"}, headers=admin)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "duplicate_phone"
    for body, code in (({"phone": "123", "display_name": "X"}, "bad_phone"),
                       ({"phone": "0933111333", "display_name": "X", "unit": "xa-khong-co"}, "unknown_unit"),
                       ({"phone": "0933111333", "display_name": "X", "role": "unit_admin"}, "unit_required"),
                       ({"phone": "0933111333", "display_name": "X", "role": "root"}, "invalid_request")):  # fmt: skip
        response = client.post("/v1/admin/users", json=body, headers=admin)
        assert response.status_code == 422 and response.json()["code"] == code, body
    by_phone = client.get("/v1/admin/users", params={"q": "0933 111 222"}, headers=admin).json()
    assert [u["id"] for u in by_phone["items"]] == [user_id]
    by_name = client.get("/v1/admin/users", params={"q": "văn mới"}, headers=admin).json()
    assert user_id in {u["id"] for u in by_name["items"]}
    promoted = client.patch(f"/v1/admin/users/{user_id}", json={"role": "unit_admin"}, headers=admin)
    assert promoted.status_code == 200 and promoted.json()["role"] == "unit_admin"
    me = client.get("/v1/auth/me", headers=admin).json()["id"]
    assert client.patch(f"/v1/admin/users/{me}", json={"role": "learner"}, headers=admin).json()["code"] == "cannot_change_self"
    assert client.post(f"/v1/admin/users/{me}/deactivate", headers=admin).json()["code"] == "cannot_change_self"
    assert client.post(f"/v1/admin/users/{'0' * 32}/deactivate", headers=admin).status_code == 404
    off = client.post(f"/v1/admin/users/{user_id}/deactivate", headers=admin).json()
    assert off["active"] is False and off["deactivated_at"]
    assert client.post(f"/v1/admin/users/{user_id}/reactivate", headers=admin).json()["active"] is True
    actions = [e["action"] for e in client.get("/v1/admin/audit", headers=admin, params={"limit": 20}).json()["items"]]
    assert {"user_create", "user_update", "user_deactivate", "user_reactivate"} <= set(actions)
    assert "0933111222" not in json.dumps(client.get("/v1/admin/audit", headers=admin).json())


def test_units(client: TestClient) -> None:
    admin = as_(client, "admin")
    made = client.post(
        "/v1/admin/units", json={"code": "xa-an-binh", "name": "Xã An Bình", "province": "tinh-mau"}, headers=admin
    )
    assert made.status_code == 201 and made.json()["province"] == "tinh-mau"
    assert client.post("/v1/admin/units", json={"code": "xa-an-binh", "name": "Lặp"}, headers=admin).status_code == 409
    assert (
        client.post("/v1/admin/units", json={"code": "Xã An Bình", "name": "Sai"}, headers=admin).json()["code"]
        == "bad_unit_code"
    )
    units = client.get("/v1/admin/units", headers=admin).json()["items"]
    assert units[0]["kind"] == "province" and "xa-an-binh" in {u["code"] for u in units}


def test_api_keys_are_shown_once_and_listed_without_their_secret(client: TestClient) -> None:
    admin = as_(client, "admin")
    made = client.post("/v1/admin/api-keys", json={"name": "Nền tảng LMS", "scopes": ["events:write"]}, headers=admin)
    assert made.status_code == 201 and made.json()["key"].startswith(f"ck_{made.json()['prefix']}_")
    assert made.headers["cache-control"] == "no-store"
    listed = client.get("/v1/admin/api-keys", headers=admin).json()["items"]
    assert made.json()["key"] not in json.dumps(listed) and listed[0]["id"] == made.json()["id"]
    bad = client.post("/v1/admin/api-keys", json={"name": "X1", "scopes": ["admin:all"]}, headers=admin)
    assert bad.status_code == 422 and bad.json()["code"] == "bad_scope"
    revoked = client.post(f"/v1/admin/api-keys/{made.json()['id']}/revoke", headers=admin).json()
    assert revoked["active"] is False
    assert client.post("/v1/events", json=[], headers={"X-API-Key": made.json()["key"]}).status_code == 401


def test_audit_export_is_csv_with_vietnamese_headers(client: TestClient) -> None:
    response = client.get("/v1/admin/audit.csv", headers=as_(client, "admin"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["Thời điểm (UTC)", "Người thực hiện", "Vai trò", "Hành động"] and len(rows) > 5
    assert "login" in {r[3] for r in rows[1:]}
    assert client.get("/v1/admin/audit.csv", headers=as_(client, "unit_admin")).status_code == 403


def test_usage_dashboard_and_monthly_report_respect_units(client: TestClient) -> None:
    client.post("/v1/chat", json={"question": "lệ phí khai sinh"}, headers=as_(client, "learner"))
    client.post("/v1/chat", json={"question": "hồ sơ khai sinh"}, headers=as_(client, "other_learner"))  # another unit
    mine = client.get("/v1/admin/usage", headers=as_(client, "unit_admin")).json()
    assert mine["filter"]["unit"] == "xa-tan-phu" and mine["totals"]["questions"] >= 1 and len(mine["questions_per_day"]) == 30
    assert (
        client.get("/v1/admin/usage", headers=as_(client, "unit_admin"), params={"unit": "phuong-ben-thanh"}).status_code == 403
    )
    overall = client.get("/v1/admin/usage", headers=as_(client, "admin")).json()
    assert overall["filter"]["unit"] is None and overall["totals"]["questions"] > mine["totals"]["questions"]
    # The all-units view is reused for a minute (it reads every learner's progress); unit views are always fresh.
    client.post("/v1/chat", json={"question": "lệ phí khai sinh"}, headers=as_(client, "learner"))
    assert client.get("/v1/admin/usage", headers=as_(client, "admin")).json() == overall
    fresh = client.get("/v1/admin/usage", headers=as_(client, "unit_admin")).json()
    assert fresh["totals"]["questions"] == mine["totals"]["questions"] + 1
    bad_period = client.get(
        "/v1/admin/usage", headers=as_(client, "admin"), params={"since": "2026-12-01", "until": "2026-01-01"}
    )
    assert bad_period.status_code == 422 and bad_period.json()["code"] == "bad_period"
    month = mine["filter"]["until"][:7]
    report = client.get("/v1/admin/usage/report.csv", headers=as_(client, "unit_admin"), params={"month": month})
    assert report.status_code == 200 and "xa-tan-phu" in report.headers["content-disposition"]
    assert report.text.startswith("\ufeff") and "Số câu hỏi" in report.text and "Tổng" in report.text
    bad = client.get("/v1/admin/usage/report.csv", headers=as_(client, "unit_admin"), params={"month": "2026-13"})
    assert bad.status_code == 422 and bad.json()["code"] == "bad_month"


def test_control_characters_are_refused_before_the_database(client: TestClient) -> None:
    admin = as_(client, "admin")
    in_query = client.get("/v1/admin/users", params={"q": "Nguy\x00ễn"}, headers=admin)
    assert in_query.status_code == 400 and in_query.json()["code"] == "control_characters"
    in_path = client.post("/v1/admin/users/ab%00cd/deactivate", headers=admin)
    assert in_path.status_code == 400 and in_path.json()["message"]
    in_body = client.post("/v1/admin/users", json={"phone": "0933222111", "display_name": "Lê\x00Văn"}, headers=admin)
    assert in_body.status_code == 422 and in_body.json()["code"] == "invalid_request"
    reason = client.post("/v1/admin/flags/review", json={"ids": [1], "decision": "escalated", "reason": "a\x00b"}, headers=admin)
    assert reason.status_code == 422


def test_user_search_ignores_case_and_diacritics(client: TestClient) -> None:
    admin = as_(client, "admin")
    made = client.post("/v1/admin/users", json={"phone": "0933222333", "display_name": "Đặng Thị Ánh"}, headers=admin).json()
    for query in ("đặng thị ánh", "DANG THI ANH", "dang thi", "Ánh"):
        found = client.get("/v1/admin/users", params={"q": query}, headers=admin).json()["items"]
        assert made["id"] in {u["id"] for u in found}, query
    assert client.get("/v1/admin/users", params={"q": "100%"}, headers=admin).json()["total"] == 0


def test_bulk_review_of_the_largest_batch(client: TestClient) -> None:
    store = SqlFlagStore(client.app.state.engine)
    for n in range(200):
        store.record(FlagRecord("CCCD <CCCD>", ["personal_data"], ["CccdRecognizer"], [1.0], f"{n:064x}", {"unit": "xa-tan-phu"}))
    ids = [f["id"] for f in client.get("/v1/admin/flags", headers=as_(client, "admin"), params={"limit": 200}).json()["items"]]
    done = client.post("/v1/admin/flags/review", json={"ids": ids, "decision": "confirmed"}, headers=as_(client, "admin"))
    assert done.status_code == 200 and done.json()["updated"] == 200
    entry = client.get("/v1/admin/audit", headers=as_(client, "admin"), params={"action": "flag_review"}).json()["items"][0]
    assert entry["detail"]["count"] == 200 and entry["target"].endswith("(200)")
