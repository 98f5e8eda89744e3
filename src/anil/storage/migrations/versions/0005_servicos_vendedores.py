"""servicos vendedores

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "servicos",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("descricao", sa.String(length=100), nullable=False),
        sa.Column("codigo", sa.String(length=20), nullable=True),
        sa.Column("busca", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("tipo_servico", sa.String(length=8), nullable=False),
        sa.Column("preco", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("custo", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("codigo_cnae", sa.String(length=16), nullable=True),
        sa.Column("lei_116", sa.String(length=16), nullable=True),
        sa.Column("codigo_municipio_servico", sa.String(length=16), nullable=True),
        sa.Column("id_externo", sa.String(length=64), nullable=True),
        sa.Column("lista_cenario_tributario", _JSON, nullable=False),
        sa.Column("natureza_operacional_id", sa.String(length=36), nullable=True),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("data_alteracao", sa.DateTime(), nullable=False),
        sa.Column("excluido_em", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_servicos_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_servicos")),
        sa.UniqueConstraint("id", name=op.f("uq_servicos_id")),
    )
    with op.batch_alter_table("servicos", schema=None) as batch_op:
        batch_op.create_index("ix_servicos_tenant_seq", ["tenant_id", "seq"], unique=False)

    op.create_table(
        "vendedores",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("nome_busca", sa.String(length=255), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_vendedores_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_vendedores")),
        sa.UniqueConstraint("id", name=op.f("uq_vendedores_id")),
    )
    with op.batch_alter_table("vendedores", schema=None) as batch_op:
        batch_op.create_index("ix_vendedores_tenant_nome", ["tenant_id", "nome_busca", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vendedores", schema=None) as batch_op:
        batch_op.drop_index("ix_vendedores_tenant_nome")
    op.drop_table("vendedores")
    with op.batch_alter_table("servicos", schema=None) as batch_op:
        batch_op.drop_index("ix_servicos_tenant_seq")
    op.drop_table("servicos")
