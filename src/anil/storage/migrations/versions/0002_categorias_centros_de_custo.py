"""categorias centros de custo

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "categorias",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("nome_busca", sa.String(length=255), nullable=False),
        sa.Column("codigo", sa.String(length=32), nullable=True),
        sa.Column("categoria_pai", sa.String(length=36), nullable=True),
        sa.Column("tipo", sa.String(length=8), nullable=False),
        sa.Column("entrada_dre", sa.String(length=64), nullable=True),
        sa.Column("considera_custo_dre", sa.Boolean(), nullable=False),
        sa.Column("tipo_operacao", sa.String(length=64), nullable=True),
        sa.Column("ativo", sa.Boolean(), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["categoria_pai"],
            ["categorias.id"],
            name=op.f("fk_categorias_categoria_pai_categorias"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_categorias_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_categorias")),
        sa.UniqueConstraint("id", name=op.f("uq_categorias_id")),
        sa.UniqueConstraint("tenant_id", "codigo", name="uq_categorias_tenant_codigo"),
        sa.UniqueConstraint("tenant_id", "tipo_operacao", name="uq_categorias_tenant_tipo_operacao"),
    )
    with op.batch_alter_table("categorias", schema=None) as batch_op:
        batch_op.create_index("ix_categorias_tenant_nome", ["tenant_id", "nome_busca", "seq"], unique=False)
        batch_op.create_index("ix_categorias_tenant_pai", ["tenant_id", "categoria_pai"], unique=False)

    op.create_table(
        "centros_de_custo",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("codigo", sa.String(length=64), nullable=True),
        sa.Column("codigo_busca", sa.String(length=64), nullable=True),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("nome_busca", sa.String(length=255), nullable=False),
        sa.Column("ativo", sa.Boolean(), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_centros_de_custo_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_centros_de_custo")),
        sa.UniqueConstraint("id", name=op.f("uq_centros_de_custo_id")),
        sa.UniqueConstraint("tenant_id", "codigo_busca", name="uq_centros_de_custo_tenant_codigo"),
        sa.UniqueConstraint("tenant_id", "nome_busca", name="uq_centros_de_custo_tenant_nome"),
    )


def downgrade() -> None:
    op.drop_table("centros_de_custo")
    with op.batch_alter_table("categorias", schema=None) as batch_op:
        batch_op.drop_index("ix_categorias_tenant_pai")
        batch_op.drop_index("ix_categorias_tenant_nome")
    op.drop_table("categorias")
