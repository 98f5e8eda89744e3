"""buscas financeiras: a covering index for the installment searches, the financial data version

The searches (`…/contas-a-receber/buscar`, `…/contas-a-pagar/buscar`) read a due-date window of one
company's receivables or payables. `ix_parcelas_busca` replaces `ix_parcelas_busca_vencimento`: the same
leading columns (tenant, kind, due date, row order) followed by what the cancelled filter and the `totais`
aggregate read, so that counting and totalling a window never touches the table (index-only on both
engines). `financeiro_versoes` is the per-company number every financial write bumps. On PostgreSQL,
`anil_chave(text)` folds text as `anil.domain.buscas_financeiras.dobrar` does (SQLite gets that very Python
function on every connection): the `descricao` filter matches ignoring case and accents on both engines.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BUSCA = [
    "tenant_id",
    "tipo",
    "data_vencimento",
    "seq",
    "situacao",
    "perda_valor",
    "valor_bruto",
    "valor_pago",
    "nao_pago",
]

# anil.domain.buscas_financeiras.DOBRA_DE / DOBRA_PARA as of this revision
_DOBRA_DE = "ABCDEFGHIJKLMNOPQRSTUVWXYZÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ"
_DOBRA_PARA = "abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaaeeeeeeeeiiiiiiiioooooooooouuuuuuuuccnnyyy"
_ANIL_CHAVE = f"""
CREATE OR REPLACE FUNCTION anil_chave(texto text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT btrim(regexp_replace(translate(texto, '{_DOBRA_DE}', '{_DOBRA_PARA}') COLLATE "C",
                              '[^0-9a-z]+', ' ', 'g'))
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_ANIL_CHAVE)
    with op.batch_alter_table("parcelas", schema=None) as batch_op:
        batch_op.drop_index("ix_parcelas_busca_vencimento")
        batch_op.create_index("ix_parcelas_busca", _BUSCA, unique=False)

    op.create_table(
        "financeiro_versoes",
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_financeiro_versoes_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_financeiro_versoes")),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS anil_chave(text)")
    op.drop_table("financeiro_versoes")
    with op.batch_alter_table("parcelas", schema=None) as batch_op:
        batch_op.drop_index("ix_parcelas_busca")
        batch_op.create_index(
            "ix_parcelas_busca_vencimento", ["tenant_id", "tipo", "data_vencimento", "seq"], unique=False
        )
