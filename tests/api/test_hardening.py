"""Inputs a fuzzer or an attacker sends: every one gets a 4xx JSON body in Vietnamese, never a 500 or English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api import Settings
from tests.accounts_support import PHONES, seeded_client, sign_in
from tests.conftest import FIXTURE_CORPUS, FIXTURES

ENGLISH = ("There was an error", "Field required", "Input should", "error parsing", "value is not")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml"
    )
    with seeded_client(settings) as client:
        outbox = client.app.state.test_outbox
        client.headers.update(sign_in(TestClient(client.app), outbox, PHONES["learner"]))
        client.app.state.admin_headers = sign_in(TestClient(client.app), outbox, PHONES["admin"])
        yield client


@pytest.fixture
def admin_client(client: TestClient) -> TestClient:
    admin = TestClient(client.app)
    admin.headers.update(client.app.state.admin_headers)
    return admin


def vietnamese_error(response, status: int) -> dict:  # noqa: ANN001
    body = response.json()
    assert response.status_code == status, (response.status_code, body)
    assert set(body) >= {"code", "message"} and not any(e in body["message"] for e in ENGLISH), body
    return body


@pytest.mark.parametrize(
    "path",
    [
        "/v1/admin/flags?offset=9223372036854775808",
        "/v1/admin/users?offset=9223372036854775808",
        "/v1/admin/audit?offset=99999999999999999999",
        "/v1/admin/flags?until=9999-12-31",
        "/v1/admin/audit?until=9999-12-31",
        "/v1/admin/audit.csv?since=0001-01-01",
        "/v1/admin/usage?until=9999-12-31",
        "/v1/admin/usage/report.csv?month=9999-12",
    ],
)
def test_numbers_and_dates_out_of_range_get_a_422(admin_client: TestClient, path: str) -> None:
    body = vietnamese_error(admin_client.get(path), 422)
    assert body["code"] in {"invalid_request", "bad_month"}


@pytest.mark.parametrize("flag_id", [2**64, 2**31], ids=["beyond-64-bits", "beyond-postgresql-integer"])
def test_flag_ids_beyond_the_id_column_get_a_422(admin_client: TestClient, flag_id: int) -> None:
    # 2**31 fits SQLite's integers but not PostgreSQL's INTEGER column: found by the fuzzer on CI's PostgreSQL run.
    response = admin_client.post("/v1/admin/flags/review", json={"ids": [flag_id], "decision": "confirmed"})
    vietnamese_error(response, 422)


@pytest.mark.parametrize(
    "body",
    [b"\xff\xfe\xfa{", b"[" * 5000 + b"]" * 5000],
    ids=["invalid-utf8", "nested-5000"],
)
def test_bodies_that_cannot_be_read_get_a_vietnamese_400(client: TestClient, body: bytes) -> None:
    response = client.post("/v1/chat", content=body, headers={"Content-Type": "application/json"})
    assert vietnamese_error(response, 400)["code"] in {"malformed_body", "malformed_json"}


def test_an_oversized_chunked_body_gets_a_413(client: TestClient) -> None:
    def chunks():  # noqa: ANN202 - a generator: no Content-Length, sent chunked
        for _ in range(200):
            yield b"x" * 1024

    response = client.post("/v1/chat", content=chunks(), headers={"Content-Type": "application/json"})
    assert vietnamese_error(response, 413)["code"] == "body_too_large"


def test_invalid_statements_are_explained_in_vietnamese(client: TestClient) -> None:
    response = client.post("/v1/me/events", json=[{"id": "x", "verb": "answered", "timestamp": "2025-12-03T08:00:00"}])
    body = vietnamese_error(response, 422)
    messages = {e["message"] for e in body["errors"]}
    assert "không phải UUID hợp lệ" in messages and "thiếu trường bắt buộc" in messages, messages


@pytest.mark.parametrize("body", [b"{not json", b'{"ids": "x"}'], ids=["malformed", "invalid"])
def test_a_strangers_bad_body_to_an_admin_route_is_refused_for_access_first(client: TestClient, body: bytes) -> None:
    stranger = TestClient(client.app)
    response = stranger.post("/v1/admin/flags/review", content=body, headers={"Content-Type": "application/json"})
    assert vietnamese_error(response, 401)["code"] == "not_signed_in"
    learner = client.post("/v1/admin/flags/review", content=body, headers={"Content-Type": "application/json"})
    assert vietnamese_error(learner, 403)["code"] == "forbidden"


def test_percent_and_underscore_in_a_user_search_are_characters_not_wildcards(admin_client: TestClient) -> None:
    everyone = admin_client.get("/v1/admin/users").json()["total"]
    assert everyone > 1
    for text in ("%", "n_ười", "\\"):
        found = admin_client.get("/v1/admin/users", params={"q": text})
        assert found.status_code == 200 and found.json()["total"] == 0, (text, found.json()["total"])
    underscored = admin_client.get("/v1/admin/users", params={"q": "_"}).json()
    assert underscored["total"] < everyone and all("_" in u["display_name"] for u in underscored["items"])
    assert admin_client.get("/v1/admin/users", params={"q": "người dùng"}).json()["total"] >= 1


def test_the_openapi_document_lists_every_error_status_with_its_body(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, method in (("/v1/chat", "post"), ("/v1/admin/flags", "get"), ("/v1/auth/refresh", "post")):
        responses = spec["paths"][path][method]["responses"]
        assert {"400", "401", "403", "404", "409", "413", "422", "429", "503"} <= set(responses), (path, sorted(responses))
        schema = responses["422"]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorOut"}
    assert set(spec["components"]["schemas"]["ErrorOut"]["required"]) == {"code", "message"}
