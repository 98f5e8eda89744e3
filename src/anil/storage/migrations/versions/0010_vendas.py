"""vendas: sales, their lines and installment plans, the stock ledger and the company's sales settings

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "configuracoes_vendas",
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("verificar_estoque", sa.Boolean(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_configuracoes_vendas_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_configuracoes_vendas")),
    )
    op.create_table(
        "movimentos_estoque",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("venda_id", sa.String(length=36), nullable=False),
        sa.Column("produto_id", sa.String(length=36), nullable=False),
        sa.Column("quantidade", sa.Numeric(precision=15, scale=4), nullable=False),
        sa.Column("motivo", sa.String(length=32), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_movimentos_estoque_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_movimentos_estoque")),
    )
    with op.batch_alter_table("movimentos_estoque", schema=None) as batch_op:
        batch_op.create_index(
            "ix_movimentos_estoque_tenant_produto", ["tenant_id", "produto_id", "seq"], unique=False
        )
        batch_op.create_index("ix_movimentos_estoque_venda", ["venda_id", "produto_id"], unique=False)

    op.create_table(
        "vendas",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("numero", sa.BigInteger(), nullable=False),
        sa.Column("tipo", sa.String(length=20), nullable=False),
        sa.Column("origem", sa.String(length=16), nullable=False),
        sa.Column("situacao", sa.String(length=16), nullable=False),
        sa.Column("pendencia", sa.String(length=48), nullable=False),
        sa.Column("excluida", sa.Boolean(), nullable=False),
        sa.Column("excluida_em", sa.DateTime(), nullable=True),
        sa.Column("cliente_id", sa.String(length=36), nullable=False),
        sa.Column("vendedor_id", sa.String(length=36), nullable=True),
        sa.Column("categoria_id", sa.String(length=36), nullable=True),
        sa.Column("centro_custo_id", sa.String(length=36), nullable=True),
        sa.Column("natureza_operacao_id", sa.String(length=36), nullable=True),
        sa.Column("contrato_id", sa.String(length=36), nullable=True),
        sa.Column("evento_id", sa.String(length=36), nullable=True),
        sa.Column("data_venda", sa.Date(), nullable=False),
        sa.Column("observacoes", sa.Text(), nullable=True),
        sa.Column("observacoes_pagamento", sa.Text(), nullable=True),
        sa.Column("introducao", sa.Text(), nullable=True),
        sa.Column("desconto_tipo", sa.String(length=12), nullable=True),
        sa.Column("desconto_taxa", sa.Numeric(precision=15, scale=4), nullable=True),
        sa.Column("valor_bruto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("desconto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("frete", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("valor_liquido", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("opcao_condicao_pagamento", sa.String(length=255), nullable=False),
        sa.Column("tipo_pagamento", sa.String(length=32), nullable=True),
        sa.Column("conta_financeira_id", sa.String(length=36), nullable=True),
        sa.Column("nsu", sa.String(length=64), nullable=True),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "situacao IN ('EM_ANDAMENTO', 'APROVADO', 'FATURADO', 'CANCELADO')",
            name=op.f("ck_vendas_situacao_valida"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_vendas_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_vendas")),
        sa.UniqueConstraint("id", name=op.f("uq_vendas_id")),
    )
    with op.batch_alter_table("vendas", schema=None) as batch_op:
        batch_op.create_index("ix_vendas_tenant_alterado", ["tenant_id", "alterado_em"], unique=False)
        batch_op.create_index("ix_vendas_tenant_cliente", ["tenant_id", "cliente_id"], unique=False)
        batch_op.create_index("ix_vendas_tenant_contrato", ["tenant_id", "contrato_id"], unique=False)
        batch_op.create_index("ix_vendas_tenant_data", ["tenant_id", "data_venda", "seq"], unique=False)
        batch_op.create_index("ix_vendas_tenant_numero", ["tenant_id", "numero"], unique=False)

    op.create_table(
        "venda_itens",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("venda_id", sa.String(length=36), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=36), nullable=False),
        sa.Column("tipo", sa.String(length=20), nullable=False),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("descricao", sa.Text(), nullable=True),
        sa.Column("quantidade", sa.Numeric(precision=15, scale=4), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("valor_custo", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("centro_custo_id", sa.String(length=36), nullable=True),
        sa.Column("itens_kit", _JSON, nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_venda_itens_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["venda_id"], ["vendas.id"], name=op.f("fk_venda_itens_venda_id_vendas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_venda_itens")),
        sa.UniqueConstraint("id", name=op.f("uq_venda_itens_id")),
    )
    with op.batch_alter_table("venda_itens", schema=None) as batch_op:
        batch_op.create_index(
            "ix_venda_itens_tenant_item", ["tenant_id", "item_id", "venda_id"], unique=False
        )
        batch_op.create_index("ix_venda_itens_venda", ["venda_id", "posicao"], unique=False)

    op.create_table(
        "venda_parcelas",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("venda_id", sa.String(length=36), nullable=False),
        sa.Column("numero", sa.Integer(), nullable=False),
        sa.Column("data_vencimento", sa.Date(), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("descricao", sa.String(length=255), nullable=True),
        sa.Column("parcela_financeira_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_venda_parcelas_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["venda_id"], ["vendas.id"], name=op.f("fk_venda_parcelas_venda_id_vendas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_venda_parcelas")),
        sa.UniqueConstraint("id", name=op.f("uq_venda_parcelas_id")),
    )
    with op.batch_alter_table("venda_parcelas", schema=None) as batch_op:
        batch_op.create_index("ix_venda_parcelas_venda", ["venda_id", "numero"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("venda_parcelas", schema=None) as batch_op:
        batch_op.drop_index("ix_venda_parcelas_venda")

    op.drop_table("venda_parcelas")
    with op.batch_alter_table("venda_itens", schema=None) as batch_op:
        batch_op.drop_index("ix_venda_itens_venda")
        batch_op.drop_index("ix_venda_itens_tenant_item")

    op.drop_table("venda_itens")
    with op.batch_alter_table("vendas", schema=None) as batch_op:
        batch_op.drop_index("ix_vendas_tenant_numero")
        batch_op.drop_index("ix_vendas_tenant_data")
        batch_op.drop_index("ix_vendas_tenant_contrato")
        batch_op.drop_index("ix_vendas_tenant_cliente")
        batch_op.drop_index("ix_vendas_tenant_alterado")

    op.drop_table("vendas")
    with op.batch_alter_table("movimentos_estoque", schema=None) as batch_op:
        batch_op.drop_index("ix_movimentos_estoque_venda")
        batch_op.drop_index("ix_movimentos_estoque_tenant_produto")

    op.drop_table("movimentos_estoque")
    op.drop_table("configuracoes_vendas")
