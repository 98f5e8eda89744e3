"""contas financeiras

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MONEY = sa.Numeric(precision=15, scale=2)


def _perna(lado: str) -> list[sa.Column]:
    return [
        sa.Column(f"{lado}_data", sa.Date(), nullable=False),
        sa.Column(f"{lado}_valor_bruto", _MONEY, nullable=False),
        sa.Column(f"{lado}_juros", _MONEY, nullable=False),
        sa.Column(f"{lado}_multa", _MONEY, nullable=False),
        sa.Column(f"{lado}_desconto", _MONEY, nullable=False),
        sa.Column(f"{lado}_taxa", _MONEY, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "contas_financeiras",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("nome_busca", sa.String(length=255), nullable=False),
        sa.Column("tipo", sa.String(length=32), nullable=False),
        sa.Column("banco", sa.String(length=32), nullable=False),
        sa.Column("codigo_banco", sa.Integer(), nullable=False),
        sa.Column("agencia", sa.String(length=32), nullable=True),
        sa.Column("numero", sa.String(length=32), nullable=True),
        sa.Column("ativo", sa.Boolean(), nullable=False),
        sa.Column("conta_padrao", sa.Boolean(), nullable=False),
        sa.Column("possui_config_boleto_bancario", sa.Boolean(), nullable=False),
        sa.Column("saldo_inicial", _MONEY, nullable=False),
        sa.Column("data_saldo_inicial", sa.Date(), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_contas_financeiras_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_contas_financeiras")),
        sa.UniqueConstraint("id", name=op.f("uq_contas_financeiras_id")),
    )
    op.create_index("ix_contas_financeiras_tenant_nome", "contas_financeiras", ["tenant_id", "nome_busca", "seq"])

    op.create_table(
        "transferencias",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("descricao", sa.String(length=255), nullable=False),
        sa.Column("valor", _MONEY, nullable=False),
        sa.Column("data", sa.Date(), nullable=False),
        sa.Column("conta_origem_id", sa.String(length=36), nullable=False),
        *_perna("origem"),
        sa.Column("conta_destino_id", sa.String(length=36), nullable=False),
        *_perna("destino"),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.CheckConstraint("valor > 0", name=op.f("ck_transferencias_valor_positivo")),
        sa.CheckConstraint("conta_origem_id <> conta_destino_id", name=op.f("ck_transferencias_contas_distintas")),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_transferencias_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["conta_origem_id"],
            ["contas_financeiras.id"],
            name=op.f("fk_transferencias_conta_origem_id_contas_financeiras"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["conta_destino_id"],
            ["contas_financeiras.id"],
            name=op.f("fk_transferencias_conta_destino_id_contas_financeiras"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_transferencias")),
        sa.UniqueConstraint("id", name=op.f("uq_transferencias_id")),
    )
    op.create_index("ix_transferencias_tenant_data", "transferencias", ["tenant_id", "data", "seq"])
    op.create_index("ix_transferencias_origem", "transferencias", ["conta_origem_id", "origem_data"])
    op.create_index("ix_transferencias_destino", "transferencias", ["conta_destino_id", "destino_data"])

    op.create_table(
        "naturezas_operacao",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column("tipo_operacao", sa.String(length=16), nullable=False),
        sa.Column("template_operacao", sa.String(length=32), nullable=False),
        sa.Column("mudanca_estoque", sa.String(length=32), nullable=False),
        sa.Column("mudanca_financeira", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_naturezas_operacao_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_naturezas_operacao")),
    )
    op.create_index("ix_naturezas_operacao_tenant", "naturezas_operacao", ["tenant_id", "posicao"])


def downgrade() -> None:
    op.drop_index("ix_naturezas_operacao_tenant", table_name="naturezas_operacao")
    op.drop_table("naturezas_operacao")
    op.drop_index("ix_transferencias_destino", table_name="transferencias")
    op.drop_index("ix_transferencias_origem", table_name="transferencias")
    op.drop_index("ix_transferencias_tenant_data", table_name="transferencias")
    op.drop_table("transferencias")
    op.drop_index("ix_contas_financeiras_tenant_nome", table_name="contas_financeiras")
    op.drop_table("contas_financeiras")
