"""modos de protocolo: a company's own PENDING mode for new protocols (sandbox control)

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "modos_protocolo",
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("modo", sa.String(length=16), nullable=False),
        sa.Column("segundos", sa.Integer(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_modos_protocolo_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_modos_protocolo")),
    )


def downgrade() -> None:
    op.drop_table("modos_protocolo")
