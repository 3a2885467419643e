"""Backups and restore (``coach backup create|restore``) on the suite's database (SQLite, or PostgreSQL in CI's
second run): a backup made while the service runs, restored into an empty database and data folder, holds every
conversation, flag, statement and account, and the people can still sign in (the keys came with it)."""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from api import Settings, create_app
from api.cli import app as cli
from api.config import get_settings
from api.runtime import build_engine
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, Outbox, seeded_client, sign_in
from tests.api.test_outages import QUESTION, statement
from tests.conftest import FIXTURE_CORPUS, FIXTURES

TABLES = ("coach_conversation", "coach_message", "guardrail_flag", "learner_statement", "account_user")
CCCD = "001085012345"


def settings_for(data_dir: Path, database_url: str) -> Settings:
    return Settings(data_dir=data_dir, corpus_dir=FIXTURE_CORPUS, course_file=FIXTURES / "course_small.yaml",
                    coverage_min_similarity=0.84, database_url=database_url)  # fmt: skip


def counts(settings: Settings) -> dict[str, int]:
    engine = build_engine(settings)
    with engine.connect() as connection:
        found = {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    engine.dispose()
    return found


def coach(monkeypatch: pytest.MonkeyPatch, settings: Settings, *arguments: str) -> tuple[int, str]:
    """``coach …`` with the settings given by environment, as an operator runs it."""
    monkeypatch.setenv("COACH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("COACH_DATABASE_URL", str(settings.database_url))
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, list(arguments))
    get_settings.cache_clear()
    return result.exit_code, result.output


def test_a_backup_made_while_serving_restores_everything_into_an_empty_database(
    tmp_path: Path, database_url: str, second_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = settings_for(tmp_path / "var", database_url)
    archive = tmp_path / "backups" / "coach.tar.gz"
    with seeded_client(source) as client:
        ingest_corpus(client.app.state.index, FIXTURE_CORPUS)
        client.headers.update(sign_in(TestClient(client.app), client.app.state.test_outbox, PHONES["learner"]))
        first = client.post("/v1/chat", json={"question": QUESTION}).json()
        client.post("/v1/chat", json={"question": "còn thời hạn thì sao?", "conversation_id": first["conversation_id"]})
        blocked = client.post("/v1/chat", json={"question": f"CCCD của tôi là {CCCD}, làm lại giấy khai sinh thế nào?"})
        assert blocked.json()["blocked"]
        _, key = client.app.state.accounts.api_keys.create("Nền tảng học tập", ["events:write"], None, None)
        assert client.post("/v1/events", json=[statement() for _ in range(3)], headers={"X-API-Key": key}).status_code == 202

        code, output = coach(monkeypatch, source, "backup", "create", "--out", str(archive))  # the service still running
        assert code == 0, output
        assert "Đã sao lưu" in output
    before = counts(source)
    assert all(before[t] > 0 for t in TABLES), before
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # keys and account hashes inside
    assert CCCD.encode() not in archive.read_bytes()

    target = settings_for(tmp_path / "restored-var", second_database_url)
    code, output = coach(monkeypatch, target, "backup", "restore", str(archive))
    assert code == 0, output
    assert counts(target) == before

    outbox = Outbox()
    with TestClient(create_app(target, code_sender=outbox.sender)) as restored:
        ingest_corpus(restored.app.state.index, FIXTURE_CORPUS)  # the index is rebuilt, not restored
        learner = sign_in(TestClient(restored.app), outbox, PHONES["learner"])  # the same phone hash: the key came back
        history = restored.get(f"/v1/conversations/{first['conversation_id']}", headers=learner)
        assert history.status_code == 200 and len(history.json()["messages"]) == 4
        admin = sign_in(TestClient(restored.app), outbox, PHONES["admin"])
        flags = restored.get("/v1/admin/flags", headers=admin).json()
        assert any("<CCCD>" in flag["redacted_text"] for flag in flags["items"])
        assert restored.post("/v1/events", json=[statement()], headers={"X-API-Key": key}).status_code == 202  # the key too

    # Restoring over data is refused unless forced: it would mix two installations.
    code, output = coach(monkeypatch, target, "backup", "restore", str(archive))
    assert code == 2 and "đã có dữ liệu" in output


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bogus = tmp_path / "not-a-backup.tar.gz"
    bogus.write_bytes(uuid.uuid4().bytes)
    code, output = coach(monkeypatch, settings_for(tmp_path / "var", f"sqlite:///{tmp_path / 'coach.db'}"), "backup",
                         "restore", str(bogus))  # fmt: skip
    assert code == 2 and "Không đọc được bản sao lưu" in output
