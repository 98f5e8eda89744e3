"""financial core

Revision ID: 0007
Revises: 0006

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "alteracoes",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("evento_id", sa.String(length=36), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_alteracoes_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_alteracoes")),
    )
    with op.batch_alter_table("alteracoes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_alteracoes_tenant_em", ["tenant_id", "alterado_em", "evento_id"], unique=False
        )

    op.create_table(
        "eventos_financeiros",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("tipo", sa.String(length=8), nullable=False),
        sa.Column("origem", sa.String(length=32), nullable=False),
        sa.Column("referencia_id", sa.String(length=36), nullable=True),
        sa.Column("revisao", sa.Integer(), nullable=False),
        sa.Column("codigo_referencia", sa.String(length=64), nullable=True),
        sa.Column("agendado", sa.Boolean(), nullable=False),
        sa.Column("data_competencia", sa.Date(), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("descricao", sa.String(length=255), nullable=False),
        sa.Column("observacao", sa.Text(), nullable=True),
        sa.Column("contato_id", sa.String(length=36), nullable=True),
        sa.Column("conta_financeira_id", sa.String(length=36), nullable=True),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_eventos_financeiros_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_eventos_financeiros")),
        sa.UniqueConstraint("id", name=op.f("uq_eventos_financeiros_id")),
    )
    with op.batch_alter_table("eventos_financeiros", schema=None) as batch_op:
        batch_op.create_index(
            "ix_eventos_financeiros_tenant_alterado", ["tenant_id", "alterado_em"], unique=False
        )

    op.create_table(
        "jobs",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("tipo", sa.String(length=64), nullable=False),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("protocolo_id", sa.String(length=36), nullable=True),
        sa.Column("estado", sa.String(length=12), nullable=False),
        sa.Column("disponivel_em", sa.DateTime(), nullable=True),
        sa.Column("worker", sa.String(length=128), nullable=True),
        sa.Column("lease_ate", sa.DateTime(), nullable=True),
        sa.Column("tentativas", sa.Integer(), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("concluido_em", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_jobs_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index("ix_jobs_fila", ["estado", "disponivel_em", "seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_protocolo_id"), ["protocolo_id"], unique=False)

    op.create_table(
        "protocolos",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("resposta", sa.Text(), nullable=True),
        sa.Column("evento_financeiro_id", sa.String(length=36), nullable=True),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("concluido_em", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_protocolos_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protocolos")),
    )
    with op.batch_alter_table("protocolos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_protocolos_tenant_id"), ["tenant_id"], unique=False)

    op.create_table(
        "relogios_empresas",
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("congelado_em", sa.DateTime(), nullable=True),
        sa.Column("deslocamento_segundos", sa.BigInteger(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_relogios_empresas_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_relogios_empresas")),
    )
    op.create_table(
        "parcelas",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("evento_id", sa.String(length=36), nullable=False),
        sa.Column("tipo", sa.String(length=8), nullable=False),
        sa.Column("contato_id", sa.String(length=36), nullable=True),
        sa.Column("data_competencia", sa.Date(), nullable=False),
        sa.Column("indice", sa.Integer(), nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.Column("descricao", sa.String(length=255), nullable=False),
        sa.Column("nota", sa.Text(), nullable=True),
        sa.Column("data_vencimento", sa.Date(), nullable=False),
        sa.Column("data_pagamento_previsto", sa.Date(), nullable=True),
        sa.Column("conta_financeira_id", sa.String(length=36), nullable=True),
        sa.Column("metodo_pagamento", sa.String(length=32), nullable=True),
        sa.Column("nsu", sa.String(length=64), nullable=True),
        sa.Column("baixa_agendada", sa.Boolean(), nullable=False),
        sa.Column("conciliado", sa.Boolean(), nullable=False),
        sa.Column("valor_bruto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("multa", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("juros", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("desconto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("taxa", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("valor_pago", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("nao_pago", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("data_pagamento", sa.Date(), nullable=True),
        sa.Column("perda_data", sa.Date(), nullable=True),
        sa.Column("perda_valor", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("situacao", sa.String(length=12), nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("alterado_em", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "situacao IN ('NORMAL', 'CANCELADO', 'RENEGOCIADO')", name=op.f("ck_parcelas_situacao_valida")
        ),
        sa.CheckConstraint("valor_bruto >= 0", name=op.f("ck_parcelas_valor_bruto_nao_negativo")),
        sa.ForeignKeyConstraint(
            ["evento_id"],
            ["eventos_financeiros.id"],
            name=op.f("fk_parcelas_evento_id_eventos_financeiros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_parcelas_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_parcelas")),
        sa.UniqueConstraint("id", name=op.f("uq_parcelas_id")),
    )
    with op.batch_alter_table("parcelas", schema=None) as batch_op:
        batch_op.create_index(
            "ix_parcelas_busca_vencimento", ["tenant_id", "tipo", "data_vencimento", "seq"], unique=False
        )
        batch_op.create_index("ix_parcelas_evento", ["evento_id", "indice"], unique=False)
        batch_op.create_index(
            "ix_parcelas_tenant_contato", ["tenant_id", "contato_id", "data_vencimento"], unique=False
        )

    op.create_table(
        "rateios",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("evento_id", sa.String(length=36), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("categoria_id", sa.String(length=36), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["evento_id"],
            ["eventos_financeiros.id"],
            name=op.f("fk_rateios_evento_id_eventos_financeiros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_rateios_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_rateios")),
    )
    with op.batch_alter_table("rateios", schema=None) as batch_op:
        batch_op.create_index("ix_rateios_evento", ["evento_id", "posicao"], unique=False)
        batch_op.create_index(
            "ix_rateios_tenant_categoria", ["tenant_id", "categoria_id", "evento_id"], unique=False
        )

    op.create_table(
        "baixas",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("parcela_id", sa.String(length=36), nullable=False),
        sa.Column("evento_id", sa.String(length=36), nullable=False),
        sa.Column("tipo", sa.String(length=8), nullable=False),
        sa.Column("origem", sa.String(length=32), nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.Column("data_pagamento", sa.Date(), nullable=False),
        sa.Column("valor_bruto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("multa", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("juros", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("desconto", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("taxa", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("conta_financeira_id", sa.String(length=36), nullable=False),
        sa.Column("metodo_pagamento", sa.String(length=32), nullable=True),
        sa.Column("observacao", sa.Text(), nullable=True),
        sa.Column("nsu", sa.String(length=64), nullable=True),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("atualizado_em", sa.DateTime(), nullable=False),
        sa.CheckConstraint("valor_bruto >= 0", name=op.f("ck_baixas_valor_bruto_nao_negativo")),
        sa.ForeignKeyConstraint(
            ["evento_id"],
            ["eventos_financeiros.id"],
            name=op.f("fk_baixas_evento_id_eventos_financeiros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parcela_id"], ["parcelas.id"], name=op.f("fk_baixas_parcela_id_parcelas"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_baixas_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_baixas")),
        sa.UniqueConstraint("id", name=op.f("uq_baixas_id")),
    )
    with op.batch_alter_table("baixas", schema=None) as batch_op:
        batch_op.create_index("ix_baixas_parcela", ["parcela_id", "seq"], unique=False)
        batch_op.create_index(
            "ix_baixas_tenant_conta", ["tenant_id", "conta_financeira_id", "data_pagamento"], unique=False
        )

    op.create_table(
        "rateios_centros_custo",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("evento_id", sa.String(length=36), nullable=False),
        sa.Column("rateio_seq", sa.Integer(), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("centro_custo_id", sa.String(length=36), nullable=False),
        sa.Column("valor", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["evento_id"],
            ["eventos_financeiros.id"],
            name=op.f("fk_rateios_centros_custo_evento_id_eventos_financeiros"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rateio_seq"],
            ["rateios.seq"],
            name=op.f("fk_rateios_centros_custo_rateio_seq_rateios"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_rateios_centros_custo_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_rateios_centros_custo")),
    )
    with op.batch_alter_table("rateios_centros_custo", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rateios_centros_custo_evento", ["evento_id", "rateio_seq", "posicao"], unique=False
        )
        batch_op.create_index(
            "ix_rateios_centros_custo_tenant_centro",
            ["tenant_id", "centro_custo_id", "evento_id"],
            unique=False,
        )


def downgrade() -> None:

    with op.batch_alter_table("rateios_centros_custo", schema=None) as batch_op:
        batch_op.drop_index("ix_rateios_centros_custo_tenant_centro")
        batch_op.drop_index("ix_rateios_centros_custo_evento")

    op.drop_table("rateios_centros_custo")
    with op.batch_alter_table("baixas", schema=None) as batch_op:
        batch_op.drop_index("ix_baixas_tenant_conta")
        batch_op.drop_index("ix_baixas_parcela")

    op.drop_table("baixas")
    with op.batch_alter_table("rateios", schema=None) as batch_op:
        batch_op.drop_index("ix_rateios_tenant_categoria")
        batch_op.drop_index("ix_rateios_evento")

    op.drop_table("rateios")
    with op.batch_alter_table("parcelas", schema=None) as batch_op:
        batch_op.drop_index("ix_parcelas_tenant_contato")
        batch_op.drop_index("ix_parcelas_evento")
        batch_op.drop_index("ix_parcelas_busca_vencimento")

    op.drop_table("parcelas")
    op.drop_table("relogios_empresas")
    with op.batch_alter_table("protocolos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_protocolos_tenant_id"))

    op.drop_table("protocolos")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_protocolo_id"))
        batch_op.drop_index("ix_jobs_fila")

    op.drop_table("jobs")
    with op.batch_alter_table("eventos_financeiros", schema=None) as batch_op:
        batch_op.drop_index("ix_eventos_financeiros_tenant_alterado")

    op.drop_table("eventos_financeiros")
    with op.batch_alter_table("alteracoes", schema=None) as batch_op:
        batch_op.drop_index("ix_alteracoes_tenant_em")

    op.drop_table("alteracoes")
