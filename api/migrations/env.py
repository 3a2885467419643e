"""Alembic environment: the tables of every package, on the connection the service hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import api.accounts.models  # noqa: F401 - registers the account tables
import api.lti_store  # noqa: F401 - LTI platforms and login state
import api.usage_snapshots  # noqa: F401 - the shared all-units usage summary
import coach.conversations  # noqa: F401 - registers the coach tables
import coach.event_store  # noqa: F401
import coach.hint_delivery  # noqa: F401 - the hint log and its due queue
import coach.hint_queue  # noqa: F401
import coach.learner_rollup  # noqa: F401 - per-learner roll-ups of the dashboards
import coach.xapi_forward  # noqa: F401 - the outbox of statements for the forward LRS
import coach.xapi_store  # noqa: F401 - every xAPI statement received (sanitised)
import guardrails.flags  # noqa: F401 - registers the flag table
import guardrails.shared_allowlist  # noqa: F401 - registers the allowlist table

target_metadata = SQLModel.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
