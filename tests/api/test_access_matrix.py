"""Every route declares who may call it, and the running app enforces exactly that, for every role."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api import Settings
from api.access import Access, declared_access
from api.main import ROUTERS
from tests.accounts_support import PHONES, seeded_client, sign_in
from tests.conftest import FIXTURE_CORPUS, FIXTURES

SIGNED_IN = {"learner", "unit_admin", "admin"}
UNIT_ADMINS = {"unit_admin", "admin"}
# The intended rule of every route, written down once: a new route fails this test until it is listed.
EXPECTED: dict[tuple[str, str], tuple[frozenset[str], str | None] | str] = {
    ("GET", "/healthz"): "public",
    ("GET", "/readyz"): "public",
    ("POST", "/v1/auth/code"): "public",
    ("POST", "/v1/auth/verify"): "public",
    ("POST", "/v1/auth/refresh"): "public",
    ("POST", "/v1/auth/logout"): "public",
    ("GET", "/v1/auth/me"): (frozenset(SIGNED_IN), None),
    ("POST", "/v1/chat"): (frozenset(SIGNED_IN), None),
    ("POST", "/v1/chat/stream"): (frozenset(SIGNED_IN), None),
    ("GET", "/v1/conversations/{conversation_id}"): (frozenset(SIGNED_IN), None),
    ("POST", "/v1/messages/{message_id}/feedback"): (frozenset(SIGNED_IN), None),
    ("POST", "/v1/events"): (frozenset(), "events:write"),
    ("GET", "/v1/learners/{learner_id}/progress"): (frozenset(SIGNED_IN), None),
    ("GET", "/v1/learners/{learner_id}/hints"): (frozenset(SIGNED_IN), None),
    ("GET", "/v1/learners/{learner_id}/hints/stream"): (frozenset(SIGNED_IN), None),
    ("POST", "/v1/me/events"): (frozenset(SIGNED_IN), None),
    ("PUT", "/v1/learners/{learner_id}/preferences"): (frozenset(SIGNED_IN), None),
    ("GET", "/v1/analytics/hints"): (frozenset(UNIT_ADMINS), None),
    ("GET", "/v1/admin/flags"): (frozenset(UNIT_ADMINS), None),
    ("GET", "/v1/admin/flags/counts"): (frozenset(UNIT_ADMINS), None),
    ("POST", "/v1/admin/flags/review"): (frozenset(UNIT_ADMINS), None),
    ("GET", "/v1/admin/allowlist"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/allowlist/remove"): (frozenset({"admin"}), None),
    ("GET", "/v1/admin/usage"): (frozenset(UNIT_ADMINS), None),
    ("GET", "/v1/admin/usage/report.csv"): (frozenset(UNIT_ADMINS), None),
    ("GET", "/v1/admin/users"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/users"): (frozenset({"admin"}), None),
    ("PATCH", "/v1/admin/users/{user_id}"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/users/{user_id}/deactivate"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/users/{user_id}/reactivate"): (frozenset({"admin"}), None),
    ("GET", "/v1/admin/units"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/units"): (frozenset({"admin"}), None),
    ("GET", "/v1/admin/api-keys"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/api-keys"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/api-keys/{key_id}/revoke"): (frozenset({"admin"}), None),
    ("GET", "/v1/admin/audit"): (frozenset({"admin"}), None),
    ("GET", "/v1/admin/audit.csv"): (frozenset({"admin"}), None),
    ("GET", "/metrics"): (frozenset({"admin"}), "metrics:read"),
    ("GET", "/"): "public",
    ("GET", "/widget.js"): "public",
    ("GET", "/login"): "public",
    ("GET", "/admin"): "public",
    ("GET", "/static/{name}"): "public",
    ("GET", "/lesson/{topic_id}"): "public",
    ("GET", "/xapi/about"): "public",
    ("POST", "/xapi/statements"): (frozenset(), "events:write"),
    ("PUT", "/xapi/statements"): (frozenset(), "events:write"),
    ("GET", "/xapi/statements"): (frozenset(), "events:write"),
    ("GET", "/v1/admin/xapi/untracked"): (frozenset({"admin"}), None),
    ("GET", "/lti/login"): "public",
    ("POST", "/lti/login"): "public",
    ("POST", "/lti/launch"): "public",
    ("POST", "/lti/deep-link"): "public",
    ("GET", "/lti/jwks.json"): "public",
    ("GET", "/v1/admin/lti/platforms"): (frozenset({"admin"}), None),
    ("POST", "/v1/admin/lti/platforms"): (frozenset({"admin"}), None),
}
CALLERS = ("anonymous", "learner", "unit_admin", "admin", "events_key", "metrics_key")


def routes() -> list[tuple[str, APIRoute]]:
    return [(method, route) for router in ROUTERS for route in router.routes for method in sorted(route.methods)]


def test_every_route_declares_exactly_one_rule_and_it_is_the_intended_one() -> None:
    seen = set()
    for method, route in routes():
        rules = declared_access(route)
        assert len(rules) == 1, f"{method} {route.path} declares {rules}"
        rule, expected = rules[0], EXPECTED.get((method, route.path))
        assert expected is not None, f"{method} {route.path} is not in the table of intended rules"
        if expected == "public":
            assert rule.public, route.path
        else:
            assert not rule.public and (rule.roles, rule.scope) == expected, route.path
        seen.add((method, route.path))
    assert seen == set(EXPECTED)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    course = FIXTURES / "course_small.yaml"
    with seeded_client(
        Settings(data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS, course_file=course)
    ) as test_client:
        app = test_client.app
        outbox, learner_ids = app.state.test_outbox, app.state.test_learner_ids
        headers = {"anonymous": {}}
        for role in ("learner", "unit_admin", "admin"):
            headers[role] = sign_in(TestClient(app), outbox, PHONES[role])
        headers["events_key"] = {"X-API-Key": app.state.accounts.api_keys.create("LMS", ["events:write"], None, None)[1]}
        headers["metrics_key"] = {"X-API-Key": app.state.accounts.api_keys.create("Prom", ["metrics:read"], None, None)[1]}
        app.state.test_headers, app.state.test_learner_ids = headers, learner_ids
        yield test_client


def _url(path: str, caller: str, learner_ids: dict[str, str], foreign_learner: bool) -> str:
    own = learner_ids.get(caller, "L-1")
    values = {
        "learner_id": "L-2" if foreign_learner else own, "conversation_id": uuid.uuid4().hex, "message_id": uuid.uuid4().hex,
        "user_id": uuid.uuid4().hex, "key_id": uuid.uuid4().hex, "name": "admin.js", "topic_id": "cd01",
    }  # fmt: skip
    url = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)
    return url + ("?month=2026-11" if path.endswith("report.csv") else "")


def _admitted(rule: Access, caller: str) -> bool:
    if rule.public:
        return True
    if caller.endswith("_key"):
        return rule.scope == {"events_key": "events:write", "metrics_key": "metrics:read"}[caller]
    return caller in rule.roles


@pytest.mark.parametrize("caller", CALLERS)
def test_each_route_answers_each_caller_as_declared(client: TestClient, caller: str) -> None:
    headers = client.app.state.test_headers[caller]
    learner_ids = client.app.state.test_learner_ids
    # Logging out ends the caller's session, so it is tried last.
    for method, route in sorted(routes(), key=lambda r: r[1].path == "/v1/auth/logout"):
        rule = declared_access(route)[0]
        # The hint stream runs for minutes when admitted: ask it for someone else's hints, which every role is refused.
        stream = route.path.endswith("/hints/stream")
        response = client.request(method, _url(route.path, caller, learner_ids, stream), headers=headers, json={})
        where = f"{caller} {method} {route.path}: {response.status_code} {response.text[:120]}"
        if stream and caller != "anonymous" and not caller.endswith("_key"):
            assert response.status_code == 403 and response.json()["code"] == "not_your_data", where
        elif _admitted(rule, caller):
            # Refreshing without a refresh token is a 401 about the token, not about the route's rule.
            assert response.status_code not in (401, 403) or route.path == "/v1/auth/refresh", where
            assert response.status_code < 500, where
        elif caller == "anonymous" or (caller.endswith("_key") and rule.scope is None):
            assert response.status_code == 401 and response.json()["message"], where
        else:
            assert response.status_code in (401, 403) and response.json()["message"], where
