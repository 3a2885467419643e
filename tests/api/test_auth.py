"""Phone + one-time-code login, sessions, cookies, revocation and the audit of logins, end to end."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, select

from api import Settings, create_app
from api.accounts.crypto import Hasher
from api.accounts.login import LoginError, LoginLimits, OneTimeCodes
from api.accounts.models import AuditEntry, LoginCode
from api.accounts.phone import PhoneError, mask_phone, normalize_phone
from api.accounts.senders import HttpSmsSender, SendError
from api.accounts.sessions import AuthError, Sessions
from api.runtime import build_engine
from tests.accounts_support import PHONES, Outbox, seeded_client, sign_in
from tests.conftest import FIXTURE_CORPUS
from tests.support import free_port


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS, cors_origins=["https://xa.example"])
    with seeded_client(settings) as test_client:
        yield test_client


def outbox_of(client: TestClient) -> Outbox:
    return client.app.state.test_outbox


def new_learner(client: TestClient, phone: str) -> str:
    return client.app.state.accounts.users.create(phone, "Học viên thử", "learner", "xa-tan-phu").id


def test_phone_numbers_are_normalised_and_masked() -> None:
    assert normalize_phone("+84 912.345.678") == normalize_phone("84912345678") == normalize_phone("0912 345 678") == "0912345678"
    assert mask_phone("0912345678") == "091****678"
    for bad in ("0212345678", "091234567", "abc", "", "+1 912 345 678"):
        with pytest.raises(PhoneError):
            normalize_phone(bad)


def test_login_sets_http_only_same_site_cookies_and_me_works(client: TestClient) -> None:
    browser = TestClient(client.app)
    sign_in(browser, outbox_of(client), PHONES["learner"], app_tokens=False)
    me = browser.get("/v1/auth/me")
    assert me.status_code == 200 and me.json()["role"] == "learner" and me.json()["unit"] == "xa-tan-phu"
    assert "phone" not in me.json()
    browser.cookies.clear()
    assert client.post("/v1/auth/code", json={"phone": PHONES["admin"]}).status_code == 202
    response = client.post(
        "/v1/auth/verify", json={"phone": PHONES["admin"], "code": outbox_of(client).last_code(PHONES["admin"])}
    )
    cookies = response.headers.get_list("set-cookie")
    access = next(c for c in cookies if c.startswith("coach_access="))
    refresh = next(c for c in cookies if c.startswith("coach_refresh="))
    assert "HttpOnly" in access and "SameSite=lax" in access and "Path=/" in access and "Secure" not in access
    assert "HttpOnly" in refresh and "SameSite=strict" in refresh and "Path=/v1/auth" in refresh
    assert "access_token" not in response.json() or response.json()["access_token"] is None
    assert response.headers["cache-control"] == "no-store"
    client.cookies.clear()


def test_cookies_are_secure_over_tls(client: TestClient) -> None:
    tls = TestClient(client.app, base_url="https://testserver")
    assert tls.post("/v1/auth/code", json={"phone": PHONES["unit_admin"]}).status_code == 202
    code = outbox_of(client).last_code(PHONES["unit_admin"])
    response = tls.post("/v1/auth/verify", json={"phone": PHONES["unit_admin"], "code": code})
    assert all("Secure" in c for c in response.headers.get_list("set-cookie"))


def test_unknown_numbers_get_the_same_answer_and_no_code(client: TestClient) -> None:
    before = outbox_of(client).buffer.getvalue()
    known = client.post("/v1/auth/code", json={"phone": PHONES["other_learner"]})
    unknown = client.post("/v1/auth/code", json={"phone": "0987000111"})
    assert known.status_code == unknown.status_code == 202 and known.json() == unknown.json()
    sent = outbox_of(client).buffer.getvalue()[len(before) :]
    assert mask_phone(PHONES["other_learner"]) in sent and mask_phone("0987000111") not in sent
    bad = client.post("/v1/auth/code", json={"phone": "12345"})
    assert bad.status_code == 422 and bad.json()["code"] == "bad_phone" and "10 chữ số" in bad.json()["message"]


def test_a_code_works_once(client: TestClient) -> None:
    phone = "0933000001"
    new_learner(client, phone)
    client.post("/v1/auth/code", json={"phone": phone})
    code = outbox_of(client).last_code(phone)
    assert client.post("/v1/auth/verify", json={"phone": phone, "code": code, "client": "app"}).status_code == 200
    replay = client.post("/v1/auth/verify", json={"phone": phone, "code": code, "client": "app"})
    assert replay.status_code == 401 and replay.json()["code"] == "invalid_code"
    assert "đã được sử dụng" in replay.json()["message"]
    malformed = client.post("/v1/auth/verify", json={"phone": phone, "code": "12ab"})
    assert malformed.status_code == 422 and malformed.json()["code"] == "bad_code_format"


def test_brute_force_locks_the_number(client: TestClient) -> None:
    phone = "0933000002"
    new_learner(client, phone)
    client.post("/v1/auth/code", json={"phone": phone})
    code = outbox_of(client).last_code(phone)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    statuses = [client.post("/v1/auth/verify", json={"phone": phone, "code": wrong}).status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    locked = client.post("/v1/auth/verify", json={"phone": phone, "code": code})
    assert locked.status_code == 429 and locked.json()["code"] == "locked" and int(locked.headers["retry-after"]) > 0
    assert "tạm thời bị khóa" in locked.json()["message"]
    again = client.post("/v1/auth/code", json={"phone": phone})
    assert again.status_code == 429 and again.json()["code"] == "locked"


def test_codes_per_number_are_rate_limited(client: TestClient) -> None:
    phone = "0933000003"
    new_learner(client, phone)
    statuses = [client.post("/v1/auth/code", json={"phone": phone}).status_code for _ in range(4)]
    assert statuses == [202, 202, 202, 429]
    # Only the newest code works: a new code replaces the earlier ones.
    codes = re.findall(rf"cho {re.escape(mask_phone(phone))}: (\d{{6}})", outbox_of(client).buffer.getvalue())
    assert client.post("/v1/auth/verify", json={"phone": phone, "code": codes[-2]}).status_code == 401
    assert client.post("/v1/auth/verify", json={"phone": phone, "code": codes[-1]}).status_code == 200


@pytest.fixture
def engine(database_url: str):
    from sqlmodel import create_engine

    from api.database import upgrade

    engine = create_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 22, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def _user(engine, phone: str) -> str:
    from api.accounts.users import Units, Users

    Units(engine).add("xa-thu", "Xã Thử")
    return Users(engine, Hasher(b"k")).create(phone, "A", "learner", "xa-thu").id


def test_codes_expire_and_addresses_are_rate_limited(engine) -> None:
    clock, outbox = Clock(), Outbox()
    _user(engine, "0933000004")
    codes = OneTimeCodes(engine, Hasher(b"k"), outbox.sender, LoginLimits(codes_per_ip=3), clock)
    codes.request("0933000004", "10.0.0.1")
    code = outbox.last_code("0933000004")
    clock.now += dt.timedelta(minutes=5, seconds=1)
    with pytest.raises(LoginError) as expired:
        codes.verify("0933000004", code, "10.0.0.1")
    assert expired.value.kind == "invalid_code"
    for phone in ("0933000005", "0933000006"):
        codes.request(phone, "10.0.0.1")
    with pytest.raises(LoginError) as limited:
        codes.request("0933000007", "10.0.0.1")
    assert limited.value.kind == "too_many_requests" and 0 < limited.value.retry_after <= 15 * 60
    clock.now += dt.timedelta(minutes=16)  # the window has passed
    codes.request("0933000007", "10.0.0.1")
    with Session(engine) as session:  # codes and numbers are stored only as keyed hashes
        rows = session.exec(select(LoginCode)).all()
        assert rows and all(len(r.code_hash) == 64 and len(r.phone_hash) == 64 for r in rows)
        dump = json.dumps([r.model_dump(mode="json") for r in rows])
        assert "0933000004" not in dump and code not in dump


def test_access_tokens_expire_and_refresh_rotates_and_detects_reuse(engine) -> None:
    clock = Clock()
    user_id = _user(engine, "0933000008")
    sessions = Sessions(engine, Hasher(b"k"), dt.timedelta(minutes=15), dt.timedelta(days=30), clock)
    tokens = sessions.create(user_id, "10.0.0.1")
    assert sessions.authenticate(tokens.access).id == user_id
    clock.now += dt.timedelta(minutes=16)
    with pytest.raises(AuthError) as expired:
        sessions.authenticate(tokens.access)
    assert expired.value.kind == "session_expired"
    renewed = sessions.refresh(tokens.refresh, "10.0.0.1")
    assert sessions.authenticate(renewed.access).id == user_id and renewed.refresh != tokens.refresh
    with pytest.raises(AuthError) as race:  # a second tab renewing at the same moment: refused, session kept
        sessions.refresh(tokens.refresh, "10.0.0.1")
    assert race.value.kind == "refresh_race" and sessions.authenticate(renewed.access).id == user_id
    clock.now += dt.timedelta(seconds=31)
    with pytest.raises(AuthError) as reused:  # the old refresh token later: stolen, so the whole session ends
        sessions.refresh(tokens.refresh, "10.0.0.9")
    assert reused.value.kind == "refresh_reused"
    with pytest.raises(AuthError) as revoked:
        sessions.authenticate(renewed.access)
    assert revoked.value.kind == "session_revoked"
    clock.now += dt.timedelta(days=31)
    later = sessions.create(user_id, None)
    clock.now += dt.timedelta(days=31)
    with pytest.raises(AuthError) as ended:
        sessions.refresh(later.refresh, None)
    assert ended.value.kind == "session_expired"


def test_refresh_and_logout_through_the_api(client: TestClient) -> None:
    phone = "0933000009"
    new_learner(client, phone)
    app = TestClient(client.app)
    app.post("/v1/auth/code", json={"phone": phone})
    first = app.post("/v1/auth/verify", json={"phone": phone, "code": outbox_of(client).last_code(phone), "client": "app"}).json()
    renewed = app.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert renewed.status_code == 200 and renewed.json()["access_token"] != first["access_token"]
    bearer = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
    assert app.get("/v1/auth/me", headers=bearer).status_code == 200
    raced = app.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert raced.status_code == 409 and raced.json()["code"] == "refresh_race"  # seconds after rotating: a race
    assert app.get("/v1/auth/me", headers=bearer).status_code == 200
    browser = TestClient(client.app)
    sign_in(browser, outbox_of(client), PHONES["other_learner"], app_tokens=False)
    assert browser.post("/v1/auth/refresh").status_code == 200  # the refresh cookie
    assert browser.post("/v1/auth/logout").status_code == 204
    assert browser.get("/v1/auth/me").status_code == 401
    # Logging out with an expired access cookie still ends the session, through the refresh cookie.
    sign_in(browser, outbox_of(client), phone, app_tokens=False)
    refresh_cookie = browser.cookies.get("coach_refresh", path="/v1/auth")
    browser.cookies.delete("coach_access")
    assert browser.post("/v1/auth/logout").status_code == 204
    stale = TestClient(client.app)
    stale.cookies.set("coach_refresh", refresh_cookie, path="/v1/auth")
    failed = stale.post("/v1/auth/refresh")
    assert failed.status_code == 401 and failed.json()["code"] == "session_revoked"
    assert any(c.startswith("coach_refresh=") and "Max-Age=0" in c for c in failed.headers.get_list("set-cookie"))


def test_cookie_sessions_refuse_cross_site_writes(client: TestClient) -> None:
    browser = TestClient(client.app)
    sign_in(browser, outbox_of(client), PHONES["learner"], app_tokens=False)
    evil = browser.post("/v1/chat", json={"question": "khai sinh"}, headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403 and evil.json()["code"] == "cross_site_request"
    listed = browser.post("/v1/me/events", json=[], headers={"Origin": "https://xa.example"})
    assert listed.status_code != 403


def test_another_site_cannot_renew_or_end_a_cookie_session(client: TestClient) -> None:
    browser = TestClient(client.app)
    sign_in(browser, outbox_of(client), PHONES["learner"], app_tokens=False)
    browser.cookies.delete("coach_access")  # only the refresh cookie left, as after the access cookie expired
    evil = {"Origin": "https://evil.example"}
    renewed = browser.post("/v1/auth/refresh", headers=evil)
    assert renewed.status_code == 403 and renewed.json()["code"] == "cross_site_request"
    assert browser.post("/v1/auth/logout", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    # The session is untouched: our own page renews it.
    assert browser.post("/v1/auth/refresh", headers={"Origin": str(browser.base_url)}).status_code == 200


def test_deactivation_ends_every_session_at_once(client: TestClient) -> None:
    phone = "0933000010"
    user_id = new_learner(client, phone)
    first, second = TestClient(client.app), TestClient(client.app)
    one = sign_in(first, outbox_of(client), phone)
    two = sign_in(second, outbox_of(client), phone)
    admin = sign_in(TestClient(client.app), outbox_of(client), PHONES["admin"])
    deactivated = client.post(f"/v1/admin/users/{user_id}/deactivate", headers=admin)
    assert deactivated.status_code == 200 and deactivated.json()["sessions_revoked"] == 2
    for headers in (one, two):
        refused = client.get("/v1/auth/me", headers=headers)
        assert refused.status_code == 401 and refused.json()["code"] in {"session_revoked", "account_disabled"}
    before = outbox_of(client).buffer.getvalue()
    assert client.post("/v1/auth/code", json={"phone": phone}).status_code == 202
    assert outbox_of(client).buffer.getvalue() == before  # no code for a deactivated account


def test_logins_are_audited_without_numbers_or_codes(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    phone = "0933000011"
    new_learner(client, phone)
    client.post("/v1/auth/code", json={"phone": phone})
    code = outbox_of(client).last_code(phone)
    client.post("/v1/auth/verify", json={"phone": phone, "code": "000000" if code != "000000" else "111111"})
    client.post("/v1/auth/verify", json={"phone": phone, "code": code})
    with Session(client.app.state.engine) as session:
        entries = session.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    actions = [e.action for e in entries]
    assert {"login_code_requested", "login_failed", "login"} <= set(actions)
    dump = json.dumps([e.model_dump(mode="json") for e in entries])
    assert phone not in dump and code not in dump and phone[1:] not in dump
    assert phone not in caplog.text and code not in caplog.text


def test_the_audit_log_is_append_only(client: TestClient) -> None:
    with pytest.raises(Exception, match="append-only"), client.app.state.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET action = 'erased'"))
    with pytest.raises(Exception, match="append-only"), client.app.state.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log"))


class _Gateway(BaseHTTPRequestHandler):
    received: list[dict] = []
    status = 200

    def do_POST(self) -> None:  # noqa: N802 - the http.server naming
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Gateway.received.append({"auth": self.headers.get("Authorization"), **body})
        self.send_response(_Gateway.status)
        self.end_headers()

    def log_message(self, *args: object) -> None:  # the test server keeps quiet (it would print the number)
        pass


@pytest.fixture
def gateway() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", free_port()), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Gateway.received.clear()
    yield f"http://127.0.0.1:{server.server_port}/sms"
    server.shutdown()


def test_http_sms_sender_posts_to_the_gateway(gateway: str) -> None:
    HttpSmsSender(gateway, token="gw-token").send("0912345678", "123456", 5)
    assert _Gateway.received == [{"auth": "Bearer gw-token", "to": "0912345678", "message": _Gateway.received[0]["message"]}]
    assert "123456" in _Gateway.received[0]["message"] and "5 phút" in _Gateway.received[0]["message"]
    _Gateway.status = 500
    try:
        with pytest.raises(SendError):
            HttpSmsSender(gateway).send("0912345678", "123456", 5)
    finally:
        _Gateway.status = 200
    with pytest.raises(SendError):
        HttpSmsSender(f"http://127.0.0.1:{free_port()}/down", timeout=2).send("0912345678", "123456", 5)


def test_login_through_the_configured_gateway_and_without_one(tmp_path: Path, gateway: str) -> None:
    settings = Settings(data_dir=tmp_path / "gw", corpus_dir=FIXTURE_CORPUS, sms_gateway_url=gateway)
    with TestClient(create_app(settings)) as with_gateway:
        with_gateway.app.state.accounts.users.create("0933000012", "A", "admin")
        assert with_gateway.post("/v1/auth/code", json={"phone": "0933000012"}).status_code == 202
        assert _Gateway.received[-1]["to"] == "0933000012"
    plain = Settings(data_dir=tmp_path / "none", corpus_dir=FIXTURE_CORPUS)  # no gateway, not in development
    with TestClient(create_app(plain)) as without:
        without.app.state.accounts.users.create("0933000013", "B", "admin")
        response = without.post("/v1/auth/code", json={"phone": "0933000013"})
        assert response.status_code == 503 and response.json()["code"] == "login_unavailable"
    assert build_engine(plain) is not None


def test_access_logs_keep_no_query_strings(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="uvicorn.access")
    # The record uvicorn writes for each request (client, method, path with query, HTTP version, status).
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", "/v1/admin/users?q=0933111222", "1.1", 200
    )
    assert "/v1/admin/users?…" in caplog.text and "0933111222" not in caplog.text


@pytest.mark.parametrize(
    ("path", "content", "status", "code"),
    [
        ("/v1/auth/code", b"{not json", 400, "malformed_json"),
        ("/v1/auth/code", b"{}", 422, "invalid_request"),
        ("/v1/auth/code", b'{"phone": "' + b"9" * 40 + b'"}', 422, "invalid_request"),
        ("/v1/auth/code", b'{"phone": "0912' + b" " * 40_000 + b'"}', 413, "body_too_large"),
        ("/v1/auth/verify", b'{"phone": "0912000001"}', 422, "invalid_request"),
        ("/v1/auth/verify", b'{"phone": "0912000001", "code": "123456", "client": "robot"}', 422, "invalid_request"),
        ("/v1/auth/refresh", b'{"refresh_token": "' + b"x" * 300 + b'"}', 422, "invalid_request"),
    ],
)
def test_bad_login_requests_get_vietnamese_errors(client: TestClient, path: str, content: bytes, status: int, code: str) -> None:
    response = client.post(path, content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == status and response.json()["code"] == code
    assert response.json()["message"] and "Traceback" not in response.text
