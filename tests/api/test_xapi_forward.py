"""Forwarding to the ministry's LRS: statements queue while it is down or refuses, and reach it once it answers.

The LRS here is a second coach service, a real xAPI statement resource over HTTP; the test drives the forwarder's
rounds itself, with explicit times, instead of waiting for its thread.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import text

from api import Settings, create_app
from coach.xapi_forward import Forwarder, ForwardTarget, pending
from eval.live_server import free_port, live_server
from tests.accounts_support import PHONES, Outbox, seed_accounts, sign_in
from tests.conftest import FIXTURE_CORPUS

LMS = "https://hoc.cds.gov.vn"


def statement(name: str) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "name": "Lê Thị Thu Hà", "account": {"homePage": LMS, "name": name}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": f"{LMS}/xblock/block-v1:BKHCN+CDSXA+2025+type@chapter+block@cd01"},
        "timestamp": "2026-11-20T20:15:00+07:00",
    }


def test_statements_wait_in_the_outbox_until_the_lrs_takes_them(tmp_path, database_url: str, second_database_url: str) -> None:
    port = free_port()
    lrs_url = f"http://127.0.0.1:{port}/xapi"
    settings = Settings(
        data_dir=tmp_path / "coach", corpus_dir=FIXTURE_CORPUS, xapi_forward_url=lrs_url, database_url=database_url
    )
    outbox = Outbox()
    with TestClient(create_app(settings, code_sender=outbox.sender)) as coach:
        coach.app.state.test_outbox = outbox
        coach.app.state.xapi_forwarder.stop()  # the test drives the rounds
        _, secret = coach.app.state.accounts.api_keys.create("Open edX", ["events:write"], None, None)
        headers = {"X-API-Key": secret, "X-Experience-API-Version": "1.0.3"}
        sent = [statement(f"hv-{n}") for n in range(3)]
        assert coach.post("/xapi/statements", json=sent, headers=headers).status_code == 200
        engine, now = coach.app.state.engine, dt.datetime.now(dt.UTC)

        down = Forwarder(engine, ForwardTarget(lrs_url, "coach", "none-yet", timeout_s=2))
        assert down.run_once(now) == 0
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT attempts, last_error FROM xapi_outbox")).all()
        assert len(rows) == 3 and {r.attempts for r in rows} == {1} and rows[0].last_error == "ConnectError"
        assert down.run_once(now + dt.timedelta(seconds=1)) == 0  # not due yet: nothing is sent
        down.stop()
        seed_accounts(coach.app)
        admin = sign_in(TestClient(coach.app), coach.app.state.test_outbox, PHONES["admin"])
        assert coach.get("/v1/admin/xapi/untracked", headers=admin).json()["forward"]["pending"] == 3

        # The LRS keeps its own database (a second one on the same server when the tests run on PostgreSQL).
        ministry = create_app(Settings(data_dir=tmp_path / "lrs", corpus_dir=FIXTURE_CORPUS, database_url=second_database_url))
        with live_server(ministry, port=port) as url:
            _, lrs_key = ministry.state.accounts.api_keys.create("Trợ lý số", ["events:write"], None, None)
            refused = Forwarder(engine, ForwardTarget(lrs_url, "coach", "wrong-key"))
            assert refused.run_once(now + dt.timedelta(seconds=6)) == 0
            assert pending(engine)["pending"] == 3  # a refusal keeps them queued, waiting longer
            refused.stop()
            up = Forwarder(engine, ForwardTarget(lrs_url, "coach", lrs_key))
            assert up.run_once(now + dt.timedelta(hours=2)) == 3
            up.stop()
            assert pending(engine)["pending"] == 0
            basic = "Basic " + base64.b64encode(f"x:{lrs_key}".encode()).decode()
            for body in sent:
                got = httpx.get(f"{url}/xapi/statements", params={"statementId": body["id"]},
                                headers={"Authorization": basic, "X-Experience-API-Version": "1.0.3"})  # fmt: skip
                assert got.status_code == 200 and "Thu Hà" not in got.text and got.json()["actor"]["account"]["homePage"] == LMS
