"""unidades de medida

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "unidades_medida",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("descricao", sa.String(length=100), nullable=False),
        sa.Column("abreviacao", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_unidades_medida_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_unidades_medida")),
    )
    with op.batch_alter_table("unidades_medida", schema=None) as batch_op:
        batch_op.create_index("ix_unidades_medida_tenant_posicao", ["tenant_id", "posicao"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("unidades_medida", schema=None) as batch_op:
        batch_op.drop_index("ix_unidades_medida_tenant_posicao")
    op.drop_table("unidades_medida")
