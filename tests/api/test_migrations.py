"""Migrations build the whole schema from an empty database, match the models, and run one at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, NullPool, exc, inspect, make_url, text
from sqlmodel import SQLModel, create_engine

import coach.conversations  # noqa: F401 - the models whose schema the migrations must match
import coach.event_store  # noqa: F401
import guardrails.flags  # noqa: F401
from api.config import Settings
from api.database import MIGRATION_LOCK, upgrade
from api.runtime import build_engine
from api.runtime import database_url as configured_url

TABLES = {"coach_conversation", "coach_message", "coach_feedback", "guardrail_flag", "learner_statement", "learner_preference"}


def test_upgrade_from_empty_database_matches_the_models(database_url: str) -> None:
    engine = create_engine(database_url)  # an empty SQLite file, or an empty PostgreSQL database
    upgrade(engine)
    assert TABLES | {"alembic_version"} <= set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
    upgrade(engine)  # running again is a no-op
    engine.dispose()


def test_a_migration_waits_while_another_process_migrates(database_url: str) -> None:
    hold, impatient = _migration_in_progress(database_url)  # as a second process starting at the same time
    with pytest.raises(exc.OperationalError):
        upgrade(impatient)  # waits for the first, and here gives up quickly
    hold()  # the first one is done
    upgrade(impatient)
    assert set(inspect(impatient).get_table_names()) >= TABLES
    impatient.dispose()


def _migration_in_progress(url: str) -> tuple[Callable[[], None], Engine]:
    """The lock a running migration holds, and an engine that waits at most 0.2 s for a lock."""
    if make_url(url).get_backend_name() == "sqlite":
        holder = sqlite3.connect(make_url(url).database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # SQLite: the database's write lock
        return holder.close, create_engine(url, connect_args={"timeout": 0.2})
    holder = create_engine(url, poolclass=NullPool)
    connection = holder.connect()
    connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})  # PostgreSQL: the migrations' lock
    return connection.close, create_engine(url, connect_args={"options": "-c lock_timeout=200"})  # closed: lock released


def test_a_bare_postgresql_url_gets_the_installed_driver(tmp_path: Path) -> None:
    for url in ("postgresql://u:p@db:5432/coach", "postgres://u:p@db/coach"):
        assert configured_url(Settings(data_dir=tmp_path, database_url=url)).drivername == "postgresql+psycopg"
    engine = build_engine(Settings(data_dir=tmp_path / "new" / "folder", database_url=None))
    assert engine.dialect.name == "sqlite" and (tmp_path / "new" / "folder").is_dir()  # SQLite's folder is made on demand
    engine.dispose()
