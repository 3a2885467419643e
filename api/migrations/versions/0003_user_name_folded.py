"""user names folded for search (lower case, no diacritics)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 20:15:34.165137
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

from api.accounts.users import folded

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account_user", schema=None) as batch_op:
        # The server default lets the column arrive on existing rows; they are filled in just below.
        batch_op.add_column(
            sa.Column("name_folded", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_account_user_name_folded"), ["name_folded"], unique=False)
    users = sa.table("account_user", sa.column("id", sa.String), sa.column("display_name", sa.String),
                     sa.column("name_folded", sa.String))  # fmt: skip
    connection = op.get_bind()
    for user_id, name in connection.execute(sa.select(users.c.id, users.c.display_name)).all():
        connection.execute(sa.update(users).where(users.c.id == user_id).values(name_folded=folded(name or "")))
    with op.batch_alter_table("account_user", schema=None) as batch_op:
        batch_op.alter_column("name_folded", server_default=None)  # the models set it; no default to drift from


def downgrade() -> None:
    with op.batch_alter_table("account_user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_user_name_folded"))
        batch_op.drop_column("name_folded")
