"""Statements in the shapes Open edX (event-routing backends) and Moodle (logstore_xapi) really emit, each mapped
onto the course as its fixture expects, through the shipped activity file (tests/fixtures/xapi/README.md)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api import Settings, create_app
from tests.conftest import FIXTURE_CORPUS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "xapi"
FILES = sorted(FIXTURES.glob("*/*.json"))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS))) as test_client:
        _, secret = test_client.app.state.accounts.api_keys.create("Nền tảng khóa học", ["events:write"], None, None)
        test_client.headers.update({
            "Authorization": "Basic " + base64.b64encode(f"lms:{secret}".encode()).decode(),
            "X-Experience-API-Version": "1.0.3",
        })  # fmt: skip
        yield test_client


def test_both_platforms_are_covered() -> None:
    assert {f.parent.name for f in FILES} == {"openedx", "moodle"} and len(FILES) >= 14


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_statement_maps_as_expected(client: TestClient, path: Path) -> None:
    fixture = json.loads(path.read_text(encoding="utf-8"))
    response = client.post("/xapi/statements", json=fixture["statements"])
    assert response.status_code == 200, response.text
    ids = response.json()
    assert len(ids) == len(fixture["statements"]) == len(fixture["expected"])
    with client.app.state.engine.connect() as connection:
        for statement_id, expected in zip(ids, fixture["expected"], strict=True):
            where = f"{path.name} {statement_id} {expected}"
            stored = connection.execute(
                text("SELECT verb, object_type, object_id, untracked FROM xapi_statement WHERE id = :id"), {"id": statement_id}
            ).one()
            assert stored.verb == expected["verb"], where
            assert stored.object_id == expected["object_id"], where
            if expected["object_id"] is not None:
                assert stored.object_type == expected["object_type"], where
            row = connection.execute(
                text("SELECT verb, object_type, object_id, success, score, response FROM learner_statement WHERE id = :id"),
                {"id": statement_id},
            ).first()
            tracked = expected["verb"] is not None and expected["object_id"] is not None and expected["object_type"] != "course"
            assert (row is not None) == tracked and (stored.untracked is None) == tracked, where
            if row is not None:
                assert (row.verb, row.object_type, row.object_id) == (
                    expected["verb"],
                    expected["object_type"],
                    expected["object_id"],
                )
                assert row.success == expected["success"] and row.response == expected["response"], where
                assert (row.score is None) == (expected["score"] is None), where
                if expected["score"] is not None:
                    assert row.score == pytest.approx(expected["score"]), where


def _people(agent: object) -> Iterator[str]:
    """The names, mailboxes and mailbox hashes of an actor or instructor (and of a group's members)."""
    if isinstance(agent, dict):
        yield from (agent[key] for key in ("name", "mbox", "mbox_sha1sum") if isinstance(agent.get(key), str))
        for member in agent.get("member") or []:
            yield from _people(member)


def test_no_name_or_mailbox_from_the_fixtures_reaches_the_database(client: TestClient) -> None:
    people = set()
    for path in FILES:
        fixture = json.loads(path.read_text(encoding="utf-8"))
        client.post("/xapi/statements", json=fixture["statements"]).raise_for_status()
        for statement in fixture["statements"]:
            people |= set(_people(statement["actor"])) | set(_people((statement.get("context") or {}).get("instructor")))
    people = {p.removeprefix("mailto:") for p in people if len(p) > 3}
    assert len(people) >= 5  # the Moodle fixtures name their learners and teachers
    with client.app.state.engine.connect() as connection:
        tables = [t for (t,) in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))] if (
            connection.dialect.name == "sqlite") else [t for (t,) in connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))]  # fmt: skip
        for table in tables:
            rows = connection.execute(text(f'SELECT * FROM "{table}"'))
            dumped = json.dumps([[str(v) for v in row] for row in rows], ensure_ascii=False)
            leaked = sorted(p for p in people if p in dumped)
            assert not leaked, (table, leaked)
