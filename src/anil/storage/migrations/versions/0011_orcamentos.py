"""orcamentos: proposals and their lines (catalog §3.5)

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "orcamentos",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("numero", sa.BigInteger(), nullable=False),
        sa.Column("situacao", sa.String(length=20), nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.Column("origem", sa.String(length=16), nullable=False),
        sa.Column("cliente_id", sa.String(length=36), nullable=False),
        sa.Column("vendedor_id", sa.String(length=36), nullable=True),
        sa.Column("natureza_operacao_id", sa.String(length=36), nullable=True),
        sa.Column("categoria_id", sa.String(length=36), nullable=True),
        sa.Column("contrato_id", sa.String(length=36), nullable=True),
        sa.Column("data_orcamento", sa.Date(), nullable=False),
        sa.Column("data_validade", sa.Date(), nullable=False),
        sa.Column("descricao", sa.Text(), nullable=True),
        sa.Column("previsao_entrega", sa.Text(), nullable=True),
        sa.Column("observacoes", sa.Text(), nullable=True),
        sa.Column("observacoes_pagamento", sa.Text(), nullable=True),
        sa.Column("itens_tipo", sa.String(length=20), nullable=False),
        sa.Column("desconto_tipo", sa.String(length=12), nullable=True),
        sa.Column("desconto_taxa", sa.Numeric(precision=15, scale=4), nullable=True),
        sa.Column("valor_bruto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("desconto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("frete", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("total", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "situacao IN ('ORCAMENTO', 'ORCAMENTO_ACEITO', 'ORCAMENTO_RECUSADO')",
            name=op.f("ck_orcamentos_situacao_valida"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_orcamentos_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_orcamentos")),
        sa.UniqueConstraint("id", name=op.f("uq_orcamentos_id")),
    )
    with op.batch_alter_table("orcamentos", schema=None) as batch_op:
        batch_op.create_index("ix_orcamentos_tenant_alterado", ["tenant_id", "alterado_em"], unique=False)
        batch_op.create_index("ix_orcamentos_tenant_cliente", ["tenant_id", "cliente_id"], unique=False)
        batch_op.create_index(
            "ix_orcamentos_tenant_data", ["tenant_id", "data_orcamento", "numero"], unique=False
        )
        batch_op.create_index("ix_orcamentos_tenant_numero", ["tenant_id", "numero"], unique=False)

    op.create_table(
        "orcamento_itens",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("orcamento_id", sa.String(length=36), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("tipo", sa.String(length=8), nullable=False),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("descricao", sa.Text(), nullable=True),
        sa.Column("quantidade", sa.Numeric(precision=15, scale=4), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("custo", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["orcamento_id"],
            ["orcamentos.id"],
            name=op.f("fk_orcamento_itens_orcamento_id_orcamentos"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_orcamento_itens_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_orcamento_itens")),
    )
    with op.batch_alter_table("orcamento_itens", schema=None) as batch_op:
        batch_op.create_index("ix_orcamento_itens_orcamento", ["orcamento_id", "posicao"], unique=False)
        batch_op.create_index("ix_orcamento_itens_tenant_item", ["tenant_id", "item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("orcamento_itens", schema=None) as batch_op:
        batch_op.drop_index("ix_orcamento_itens_tenant_item")
        batch_op.drop_index("ix_orcamento_itens_orcamento")

    op.drop_table("orcamento_itens")
    with op.batch_alter_table("orcamentos", schema=None) as batch_op:
        batch_op.drop_index("ix_orcamentos_tenant_numero")
        batch_op.drop_index("ix_orcamentos_tenant_data")
        batch_op.drop_index("ix_orcamentos_tenant_cliente")
        batch_op.drop_index("ix_orcamentos_tenant_alterado")

    op.drop_table("orcamentos")
