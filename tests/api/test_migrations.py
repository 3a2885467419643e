"""Migrations build the whole schema from an empty database and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel, create_engine

import coach.conversations  # noqa: F401 - the models whose schema the migrations must match
import coach.event_store  # noqa: F401
import guardrails.flags  # noqa: F401
from api.database import upgrade

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
