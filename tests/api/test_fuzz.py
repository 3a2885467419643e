"""Schemathesis over the OpenAPI document, against a live server, as each caller: anonymous, a learner, an admin
and a managed API key. Any 5xx, a status the document does not declare, a body that does not match its schema or
a missing required header fails the suite. Bounded: a fixed number of examples per operation and caller (the
10-minute run of the issue is ``make fuzz``)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api import Settings, create_app
from eval.live_server import live_server
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, Outbox, seed_accounts
from tests.conftest import FIXTURE_CORPUS, FIXTURES

# A letter only Vietnamese writes (đ, ơ, ư, or a vowel with a tone mark): no English error message has one.
VIETNAMESE = re.compile(r"[đĐơƠưƯăĂâÂêÊôÔ]|[àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)
EXAMPLES = int(os.environ.get("COACH_FUZZ_EXAMPLES", "12"))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, dict[str, str]]]]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    app_settings = Settings(data_dir=folder / "var", corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
                            login_codes_per_ip=10**6)  # fmt: skip
    app = create_app(app_settings, code_sender=Outbox().sender)
    with live_server(app) as url:
        ingest_corpus(app.state.index, FIXTURE_CORPUS)
        seed_accounts(app)
        accounts = app.state.accounts

        def session(phone: str) -> dict[str, str]:
            user = accounts.users.by_phone_hash(accounts.hasher("phone", phone))
            return {"Authorization": f"Bearer {accounts.sessions.create(user.id, None).access}"}

        _, key = accounts.api_keys.create("Nền tảng học tập", ["events:write", "metrics:read"], None, None)
        headers = {"anonymous": {}, "learner": session(PHONES["learner"]), "admin": session(PHONES["admin"]),
                   "api_key": {"X-API-Key": key}}  # fmt: skip
        yield url, headers


def fuzz(url: str, headers: dict[str, str]) -> int:
    """Every operation of the document but signing out, ``EXAMPLES`` generated requests each; returns how many ran.
    (Hypothesis driven directly: schemathesis' pytest plugin does not support pytest 9 yet.)"""
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path == "/v1/auth/logout":  # it would end the caller's session for every later example
            continue

        # Valid requests and invalid ones (wrong types, missing fields, out-of-range values), half each.
        strategy = operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(GenerationMode.NEGATIVE)

        @given(case=strategy)
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)  # fmt: skip
        def check(case: schemathesis.Case) -> None:
            # Every check but "a schema-valid request is accepted": the document cannot state every business rule
            # (a real mobile prefix, an id that exists), and the 4xx those rules give are declared and checked.
            response = case.call_and_validate(headers=headers, timeout=30, excluded_checks=[positive_data_acceptance])
            if response.status_code >= 400:  # an error is {"code", "message"} with the message in Vietnamese
                body = response.json()
                assert set(body) >= {"code", "message"} and VIETNAMESE.search(body["message"]), body

        check()
        operations += 1
    return operations


@pytest.mark.parametrize("caller", ["anonymous", "learner", "admin", "api_key"])
def test_no_server_error_and_every_response_as_documented(live: tuple[str, dict], caller: str) -> None:
    url, headers = live
    documented = sum(len(methods) for methods in httpx.get(f"{url}/openapi.json").json()["paths"].values())
    assert fuzz(url, headers[caller]) == documented - 1
