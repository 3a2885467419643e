"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 19:16:15.754981
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "coach_conversation",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("coach_conversation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coach_conversation_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_coach_conversation_unit"), ["unit"], unique=False)

    op.create_table(
        "guardrail_flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("redacted_text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("categories", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("recognizers", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("scores", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text_hmac", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("guardrail_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guardrail_flag_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_guardrail_flag_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_guardrail_flag_text_hmac"), ["text_hmac"], unique=False)
        batch_op.create_index(batch_op.f("ix_guardrail_flag_unit"), ["unit"], unique=False)

    op.create_table(
        "learner_preference",
        sa.Column("learner_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("hints_enabled", sa.Boolean(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.PrimaryKeyConstraint("learner_id"),
    )
    op.create_table(
        "learner_statement",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("learner_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("verb", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("object_type", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("object_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("response", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("timestamp", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("lesson", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("extensions", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("stored_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("learner_statement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learner_statement_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_learner_statement_timestamp"), ["timestamp"], unique=False)
        batch_op.create_index(batch_op.f("ix_learner_statement_unit"), ["unit"], unique=False)

    op.create_table(
        "coach_message",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("conversation_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("not_covered", sa.Boolean(), nullable=False),
        sa.Column("categories", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("citations", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("answerer", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["coach_conversation.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("coach_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coach_message_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_coach_message_created_at"), ["created_at"], unique=False)

    op.create_table(
        "coach_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["coach_message.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("coach_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coach_feedback_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_coach_feedback_message_id"), ["message_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("coach_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coach_feedback_message_id"))
        batch_op.drop_index(batch_op.f("ix_coach_feedback_created_at"))

    op.drop_table("coach_feedback")
    with op.batch_alter_table("coach_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coach_message_created_at"))
        batch_op.drop_index(batch_op.f("ix_coach_message_conversation_id"))

    op.drop_table("coach_message")
    with op.batch_alter_table("learner_statement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learner_statement_unit"))
        batch_op.drop_index(batch_op.f("ix_learner_statement_timestamp"))
        batch_op.drop_index(batch_op.f("ix_learner_statement_learner_id"))

    op.drop_table("learner_statement")
    op.drop_table("learner_preference")
    with op.batch_alter_table("guardrail_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guardrail_flag_unit"))
        batch_op.drop_index(batch_op.f("ix_guardrail_flag_text_hmac"))
        batch_op.drop_index(batch_op.f("ix_guardrail_flag_status"))
        batch_op.drop_index(batch_op.f("ix_guardrail_flag_created_at"))

    op.drop_table("guardrail_flag")
    with op.batch_alter_table("coach_conversation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coach_conversation_unit"))
        batch_op.drop_index(batch_op.f("ix_coach_conversation_created_at"))

    op.drop_table("coach_conversation")
