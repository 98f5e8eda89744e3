"""contratos: recurring sales, their lines and their schedule of scheduled sales (catalog §3.6)

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "contratos",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("numero", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("cliente_id", sa.String(length=36), nullable=False),
        sa.Column("vendedor_id", sa.String(length=36), nullable=True),
        sa.Column("categoria_id", sa.String(length=36), nullable=True),
        sa.Column("centro_custo_id", sa.String(length=36), nullable=True),
        sa.Column("conta_financeira_id", sa.String(length=36), nullable=True),
        sa.Column("data_inicio", sa.Date(), nullable=False),
        sa.Column("data_fim", sa.Date(), nullable=False),
        sa.Column("data_emissao", sa.Date(), nullable=True),
        sa.Column("dia_emissao_venda", sa.Integer(), nullable=False),
        sa.Column("intervalo_frequencia", sa.Integer(), nullable=False),
        sa.Column("tipo_frequencia", sa.String(length=8), nullable=False),
        sa.Column("tipo_expiracao", sa.String(length=8), nullable=False),
        sa.Column("tipo_pagamento", sa.String(length=32), nullable=False),
        sa.Column("dia_vencimento", sa.Integer(), nullable=False),
        sa.Column("primeira_data_vencimento", sa.Date(), nullable=False),
        sa.Column("desconto_tipo", sa.String(length=12), nullable=True),
        sa.Column("desconto_taxa", sa.Numeric(precision=15, scale=4), nullable=True),
        sa.Column("valor_bruto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("desconto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("frete", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("valor_liquido", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("observacoes", sa.Text(), nullable=True),
        sa.Column("observacoes_pagamento", sa.Text(), nullable=True),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.Column("encerrado_em", sa.DateTime(), nullable=True),
        sa.Column("excluido_em", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('ATIVO', 'INATIVO', 'DELETADO')", name=op.f("ck_contratos_status_valido")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_contratos_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_contratos")),
        sa.UniqueConstraint("id", name=op.f("uq_contratos_id")),
    )
    with op.batch_alter_table("contratos", schema=None) as batch_op:
        batch_op.create_index("ix_contratos_tenant_inicio", ["tenant_id", "data_inicio", "seq"], unique=False)
        batch_op.create_index(
            "uq_contratos_tenant_numero_vivo",
            ["tenant_id", "numero"],
            unique=True,
            sqlite_where=sa.text("status <> 'DELETADO'"),
            postgresql_where=sa.text("status <> 'DELETADO'"),
        )

    op.create_table(
        "contrato_itens",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("contrato_id", sa.String(length=36), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("tipo", sa.String(length=20), nullable=False),
        sa.Column("descricao", sa.Text(), nullable=True),
        sa.Column("quantidade", sa.Numeric(precision=15, scale=4), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("valor_custo", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["contrato_id"],
            ["contratos.id"],
            name=op.f("fk_contrato_itens_contrato_id_contratos"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_contrato_itens_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_contrato_itens")),
    )
    with op.batch_alter_table("contrato_itens", schema=None) as batch_op:
        batch_op.create_index("ix_contrato_itens_contrato", ["contrato_id", "posicao"], unique=False)

    op.create_table(
        "contrato_vendas",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("contrato_id", sa.String(length=36), nullable=False),
        sa.Column("indice", sa.Integer(), nullable=False),
        sa.Column("venda_id", sa.String(length=36), nullable=True),
        sa.Column("data_emissao", sa.Date(), nullable=False),
        sa.Column("data_vencimento", sa.Date(), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("cancelada", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contrato_id"],
            ["contratos.id"],
            name=op.f("fk_contrato_vendas_contrato_id_contratos"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_contrato_vendas_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_contrato_vendas")),
    )
    with op.batch_alter_table("contrato_vendas", schema=None) as batch_op:
        batch_op.create_index("ix_contrato_vendas_contrato", ["contrato_id", "indice"], unique=False)
        batch_op.create_index("ix_contrato_vendas_tenant_venda", ["tenant_id", "venda_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contrato_vendas", schema=None) as batch_op:
        batch_op.drop_index("ix_contrato_vendas_tenant_venda")
        batch_op.drop_index("ix_contrato_vendas_contrato")

    op.drop_table("contrato_vendas")
    with op.batch_alter_table("contrato_itens", schema=None) as batch_op:
        batch_op.drop_index("ix_contrato_itens_contrato")

    op.drop_table("contrato_itens")
    with op.batch_alter_table("contratos", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_contratos_tenant_numero_vivo",
            sqlite_where=sa.text("status <> 'DELETADO'"),
            postgresql_where=sa.text("status <> 'DELETADO'"),
        )
        batch_op.drop_index("ix_contratos_tenant_inicio")

    op.drop_table("contratos")
