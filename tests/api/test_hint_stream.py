"""Hints pushed to open lesson pages on a live server: a statement wakes its learner's stream, reconnects resume
without loss or repeats, and a stream ends with a clear event when its session does."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from api import Settings, create_app
from api.accounts.models import AuthSession
from eval.live_server import live_server
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, Outbox, seed_accounts, sign_in
from tests.conftest import FIXTURE_CORPUS, FIXTURES
from tests.sse_client import EventStream

EXTRA = {"L-3": "0912100003", "L-4": "0912100004", "L-5": "0912100005"}


@dataclass
class Live:
    url: str
    key: dict[str, str]
    auth: dict[str, dict[str, str]]
    app: object


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    today = dt.date.today()
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
        course_start=today - dt.timedelta(days=2), course_end=today + dt.timedelta(days=30),  # no deadline plan yet
    )  # fmt: skip
    outbox = Outbox()
    app = create_app(settings, code_sender=outbox.sender)
    with live_server(app) as url:
        ingest_corpus(app.state.index, FIXTURE_CORPUS)
        seed_accounts(app)
        accounts = app.state.accounts
        _, secret = accounts.api_keys.create("Nền tảng học tập", ["events:write"], None, None)
        for learner, phone in EXTRA.items():
            accounts.users.create(phone, f"Học viên {learner}", "learner", "xa-tan-phu", learner)
        phones = {"L-1": PHONES["learner"], "L-2": PHONES["other_learner"], "admin": PHONES["admin"], **EXTRA}
        auth = {who: sign_in(TestClient(app), outbox, phone) for who, phone in phones.items()}
        yield Live(url, {"X-API-Key": secret}, auth, app)


def post(live: Live, *statements: dict) -> None:
    response = httpx.post(f"{live.url}/v1/events", json=list(statements), headers=live.key, timeout=10)
    assert response.status_code == 202, response.text


def wrong(learner: str, item: str, seconds_ago: float = 5) -> dict:
    return statement(learner, "answered", "quiz_item", item, seconds_ago, result={"success": False, "response": "0"})


def statement(learner: str, verb: str, kind: str, object_id: str, seconds_ago: float = 5, **extra) -> dict:
    when = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds_ago)
    return {"id": str(uuid.uuid4()), "actor": {"id": learner, "unit": "xa-tan-phu"}, "verb": verb,
            "object": {"type": kind, "id": object_id}, "timestamp": when.isoformat(), **extra}  # fmt: skip


def stream(live: Live, client: httpx.Client, who: str, learner: str | None = None, **kwargs) -> EventStream:
    headers = {**live.auth[who], **kwargs.pop("headers", {})}
    return EventStream(client, f"{live.url}/v1/learners/{learner or who}/hints/stream", headers, **kwargs)


def test_a_statement_wakes_the_open_stream_and_reconnects_resume_without_loss_or_repeats(live: Live) -> None:
    with httpx.Client() as client:
        with stream(live, client, "L-1") as page:
            assert page.response.status_code == 200 and page.response.headers["x-accel-buffering"] == "no"
            hints = httpx.get(f"{live.url}/healthz").json()["hints"]
            assert hints["open_streams"] >= 1 and hints["listening"]
            assert hints["push"] == ("postgres-notify" if live.app.state.engine.dialect.name == "postgresql" else "memory")
            post(live, wrong("L-1", "cd02-q1", 60), wrong("L-1", "cd02-q1"))
            name, first_id, hint = page.next_event()
            assert (name, hint["id"]) == ("hint", "repeated_failure:cd02-q1") and first_id and first_id.isdigit()
            assert hint["source"]["doc_id"] == "mau-mat-khau"
        # While the page is away: the learner dismisses that hint elsewhere and fails another item twice.
        dismissed = statement("L-1", "hint-dismissed", "hint", hint["id"], 3)
        post(live, dismissed, wrong("L-1", "cd03-q1", 2), wrong("L-1", "cd03-q1", 1))
        with stream(live, client, "L-1", headers={"Last-Event-ID": first_id}) as page:
            name, second_id, missed = page.next_event()  # the browser's own reconnect gets what it missed, at once
            assert (name, missed["id"]) == ("hint", "repeated_failure:cd03-q1") and int(second_id) > int(first_id)
        with stream(live, client, "L-1", after=first_id) as page:  # the page reopening after a sign-in renewal
            assert page.next_event()[1] == second_id
        with stream(live, client, "L-1", headers={"Last-Event-ID": second_id}) as page:
            dismissed = statement("L-1", "hint-dismissed", "hint", missed["id"], 3)
            post(live, dismissed, wrong("L-1", "cd04-q1", 2), wrong("L-1", "cd04-q1", 1))
            name, third_id, hint = page.next_event()  # not cd03 again: only what is new since Last-Event-ID
            assert hint["id"] == "repeated_failure:cd04-q1" and int(third_id) > int(second_id)


def test_a_page_opening_afresh_gets_the_hint_due_now_and_the_cooldown_holds(live: Live) -> None:
    post(live, wrong("L-4", "cd02-q2", 30), wrong("L-4", "cd02-q2", 20))
    with httpx.Client() as client:
        with stream(live, client, "L-4") as page:
            name, hint_id, hint = page.next_event()
            assert hint["id"] == "repeated_failure:cd02-q2"
            # The page shows it; within the cooldown a new pair of failures is held back (no hint is due).
            shown = statement("L-4", "hint-shown", "hint", hint["id"], 1)
            post(live, shown, wrong("L-4", "cd03-q2", 1), wrong("L-4", "cd03-q2", 0))
        assert httpx.get(f"{live.url}/v1/learners/L-4/hints", headers=live.auth["L-4"]).json() == {"hint": None}
        with stream(live, client, "L-4", headers={"Last-Event-ID": hint_id}) as page:
            # Nothing is due (cooldown), so the first thing this stream says is the end of a deactivated session.
            admin = live.auth["admin"]
            deactivated = httpx.post(f"{live.url}/v1/admin/users/{_user_id(live, 'L-4')}/deactivate", headers=admin)
            assert deactivated.status_code == 200
            name, _, body = page.next_event()
            assert name == "session-ended" and body["code"] in ("session_revoked", "account_disabled")
            assert "đăng nhập" in body["message"]
    refused = httpx.get(f"{live.url}/v1/learners/L-4/hints/stream", headers=live.auth["L-4"])
    assert refused.status_code == 401 and refused.json()["code"] in ("session_revoked", "account_disabled")


def test_an_expiring_access_token_ends_the_stream_with_a_clear_event(live: Live) -> None:
    with live.app.state.engine.begin() as connection:  # the session's access token has two seconds left
        connection.execute(update(AuthSession).values(access_expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2))
                           .where(AuthSession.user_id == _user_id(live, "L-3")))  # fmt: skip
    with httpx.Client() as client, stream(live, client, "L-3") as page:
        name, _, body = page.next_event()
        assert name == "session-ended" and body["code"] == "session_expired" and body["message"].startswith("Phiên đăng nhập")


def test_streams_are_the_callers_own(live: Live) -> None:
    other = httpx.get(f"{live.url}/v1/learners/L-1/hints/stream", headers=live.auth["L-2"])
    assert other.status_code == 403 and other.json()["code"] == "not_your_data"
    anonymous = httpx.get(f"{live.url}/v1/learners/L-1/hints/stream")
    assert anonymous.status_code == 401 and anonymous.json()["message"]
    bad = httpx.get(f"{live.url}/v1/learners/L-1/hints/stream", params={"after": "-3"}, headers=live.auth["L-1"])
    assert bad.status_code in (400, 422) and bad.json()["message"]


def test_a_burst_of_reconnects_is_served_and_the_server_keeps_serving(live: Live) -> None:
    async def burst(count: int) -> list[int]:
        limits = httpx.Limits(max_connections=count)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:

            async def reconnect() -> int:
                headers = {**live.auth["L-2"], "Last-Event-ID": "999999999"}
                async with client.stream("GET", f"{live.url}/v1/learners/L-2/hints/stream", headers=headers) as response:
                    async for line in response.aiter_lines():  # the first line (retry) shows the stream is served
                        assert line.startswith("retry:")
                        break
                    return response.status_code

            return await asyncio.gather(*(reconnect() for _ in range(count)))

    assert asyncio.run(burst(300)) == [200] * 300
    post(live, statement("L-2", "launched", "topic", "cd01"))  # and statements are still taken


def test_pages_that_never_read_do_not_hold_up_the_others(live: Live) -> None:
    url = httpx.URL(live.url)
    request = (f"GET /v1/learners/L-5/hints/stream HTTP/1.1\r\nHost: {url.host}\r\n"
               f"Authorization: {live.auth['L-5']['Authorization']}\r\n\r\n").encode()  # fmt: skip
    silent: list[socket.socket] = []
    try:
        for _ in range(40):
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)  # a phone that stopped reading
            sock.settimeout(10)
            sock.connect((url.host, url.port))
            sock.sendall(request)
            head = b""
            while b"\r\n\r\n" not in head:  # the stream is open (and subscribed): from now on, never read
                head += sock.recv(1)
            assert head.startswith(b"HTTP/1.1 200")
            silent.append(sock)
        assert live.app.state.hint_push.broker.open_streams >= 40
        with httpx.Client() as client, stream(live, client, "L-5") as page:
            post(live, wrong("L-5", "cd02-q1", 60), wrong("L-5", "cd02-q1"))
            name, _, hint = page.next_event()  # pushed to the 40 silent pages too; the reading one still gets it
            assert (name, hint["id"]) == ("hint", "repeated_failure:cd02-q1")
        assert httpx.get(f"{live.url}/healthz", timeout=10).status_code == 200
        post(live, statement("L-5", "launched", "topic", "cd01"))
    finally:
        for sock in silent:
            sock.close()


def _user_id(live: Live, learner: str) -> str:
    return live.app.state.accounts.users.by_learner_id(learner).id
