"""produtos

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_QTD = sa.Numeric(precision=15, scale=4)
_MONEY = sa.Numeric(precision=15, scale=2)
# Top-level products only: the list's orders (a partial index on both engines).
_RAIZ = {"sqlite_where": sa.text("id_pai IS NULL"), "postgresql_where": sa.text("id_pai IS NULL")}


def upgrade() -> None:
    op.create_table(
        "produto_categorias",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("descricao", sa.String(length=255), nullable=False),
        sa.Column("descricao_busca", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_produto_categorias_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produto_categorias")),
        sa.UniqueConstraint("uuid", name=op.f("uq_produto_categorias_uuid")),
    )
    with op.batch_alter_table("produto_categorias", schema=None) as batch_op:
        batch_op.create_index(
            "ix_produto_categorias_tenant_descricao", ["tenant_id", "descricao_busca", "id"], unique=False
        )

    op.create_table(
        "produto_ecommerce_categorias",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("id_pai", sa.String(length=36), nullable=True),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("descricao", sa.String(length=255), nullable=False),
        sa.Column("descricao_busca", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_produto_ecommerce_categorias_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produto_ecommerce_categorias")),
    )
    with op.batch_alter_table("produto_ecommerce_categorias", schema=None) as batch_op:
        batch_op.create_index(
            "ix_produto_ecommerce_categorias_tenant", ["tenant_id", "posicao"], unique=False
        )

    op.create_table(
        "produto_ecommerce_marcas",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("nome_busca", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_produto_ecommerce_marcas_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produto_ecommerce_marcas")),
    )
    with op.batch_alter_table("produto_ecommerce_marcas", schema=None) as batch_op:
        batch_op.create_index(
            "ix_produto_ecommerce_marcas_tenant_nome", ["tenant_id", "nome_busca"], unique=False
        )

    op.create_table(
        "produtos",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("id_pai", sa.String(length=36), nullable=True),
        sa.Column("nome", sa.String(length=255), nullable=False),
        sa.Column("nome_busca", sa.String(length=255), nullable=False),
        sa.Column("busca", sa.Text(), nullable=False),
        sa.Column("descricao", sa.Text(), nullable=True),
        sa.Column("codigo_sku", sa.String(length=64), nullable=False),
        sa.Column("codigo_ean", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("formato", sa.String(length=16), nullable=False),
        sa.Column("tipo", sa.String(length=20), nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.Column("categoria_id", sa.Integer(), nullable=True),
        sa.Column("unidade_medida_id", sa.Integer(), nullable=True),
        sa.Column("id_centro_custo", sa.String(length=36), nullable=True),
        sa.Column("valor_venda", _MONEY, nullable=False),
        sa.Column("custo_medio", _MONEY, nullable=False),
        sa.Column("quantidade_disponivel", _QTD, nullable=False),
        sa.Column("quantidade_reservada", _QTD, nullable=False),
        sa.Column("estoque_minimo", _QTD, nullable=True),
        sa.Column("estoque_maximo", _QTD, nullable=True),
        sa.Column("movido", sa.Boolean(), nullable=False),
        sa.Column("contagem_agregacao", sa.Integer(), nullable=False),
        sa.Column("origem", sa.String(length=64), nullable=True),
        sa.Column("tipo_produto", sa.String(length=64), nullable=True),
        sa.Column("ncm_id", sa.Integer(), nullable=True),
        sa.Column("cest_id", sa.Integer(), nullable=True),
        sa.Column("peso_bruto", _QTD, nullable=True),
        sa.Column("peso_liquido", _QTD, nullable=True),
        sa.Column("altura", _QTD, nullable=True),
        sa.Column("largura", _QTD, nullable=True),
        sa.Column("profundidade", _QTD, nullable=True),
        sa.Column("volumes", sa.Integer(), nullable=True),
        sa.Column("ecommerce_integracao_ativa", sa.Boolean(), nullable=False),
        sa.Column("ecommerce_condicao", sa.String(length=8), nullable=True),
        sa.Column("ecommerce_categoria_id", sa.String(length=36), nullable=True),
        sa.Column("ecommerce_marca_id", sa.String(length=36), nullable=True),
        sa.Column("ecommerce_descricao_adicional", sa.Text(), nullable=True),
        sa.Column("ecommerce_descricao_seo", sa.Text(), nullable=True),
        sa.Column("ecommerce_titulo_seo", sa.String(length=255), nullable=True),
        sa.Column("ecommerce_url_seo", sa.String(length=255), nullable=True),
        sa.Column("variacao_tipos", _JSON, nullable=True),
        sa.Column("variacao_opcoes", _JSON, nullable=True),
        sa.Column("conversoes_unidade_medida", _JSON, nullable=False),
        sa.Column("criado_em", sa.DateTime(), nullable=False),
        sa.Column("ultima_atualizacao", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["categoria_id"],
            ["produto_categorias.id"],
            name=op.f("fk_produtos_categoria_id_produto_categorias"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["id_pai"], ["produtos.id"], name=op.f("fk_produtos_id_pai_produtos"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["empresas.id"], name=op.f("fk_produtos_tenant_id_empresas"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_produtos")),
        sa.UniqueConstraint("id", name=op.f("uq_produtos_id")),
    )
    with op.batch_alter_table("produtos", schema=None) as batch_op:
        for name, column in (("nome", "nome_busca"), ("codigo", "codigo_sku"), ("valor", "valor_venda")):
            batch_op.create_index(
                f"ix_produtos_raiz_{name}", ["tenant_id", column, "seq"], unique=False, **_RAIZ
            )
        batch_op.create_index("ix_produtos_pai", ["id_pai", "nome_busca"], unique=False)
        batch_op.create_index("ix_produtos_tenant_sku", ["tenant_id", "codigo_sku"], unique=True)
        batch_op.create_index(
            "ix_produtos_tenant_alteracao", ["tenant_id", "ultima_atualizacao"], unique=False
        )

    op.create_table(
        "produto_kit_itens",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("kit_seq", sa.Integer(), nullable=False),
        sa.Column("produto_seq", sa.Integer(), nullable=False),
        sa.Column("posicao", sa.Integer(), nullable=False),
        sa.Column("quantidade", _QTD, nullable=False),
        sa.Column("valor_unitario", _MONEY, nullable=False),
        sa.Column("valor_total", _MONEY, nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kit_seq"],
            ["produtos.seq"],
            name=op.f("fk_produto_kit_itens_kit_seq_produtos"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["produto_seq"], ["produtos.seq"], name=op.f("fk_produto_kit_itens_produto_seq_produtos")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_produto_kit_itens_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produto_kit_itens")),
    )
    with op.batch_alter_table("produto_kit_itens", schema=None) as batch_op:
        batch_op.create_index("ix_produto_kit_itens_kit", ["kit_seq", "posicao"], unique=False)
        batch_op.create_index("ix_produto_kit_itens_componente", ["produto_seq"], unique=False)

    op.create_table(
        "produtos_versoes",
        sa.Column("tenant_id", sa.String(length=36), nullable=False),
        sa.Column("versao", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["empresas.id"],
            name=op.f("fk_produtos_versoes_tenant_id_empresas"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_produtos_versoes")),
    )

    _outras_para_empresas_existentes()


def _outras_para_empresas_existentes() -> None:
    """Companies created before this revision get the product group every company starts with."""
    conn = op.get_bind()
    empresas = [row[0] for row in conn.execute(sa.text("SELECT id FROM empresas"))]
    if not empresas:
        return
    categorias = sa.table(
        "produto_categorias",
        sa.column("uuid", sa.String),
        sa.column("tenant_id", sa.String),
        sa.column("descricao", sa.String),
        sa.column("descricao_busca", sa.String),
    )
    op.bulk_insert(
        categorias,
        [
            {
                "uuid": str(uuid.uuid4()),
                "tenant_id": empresa,
                "descricao": "Outras",
                "descricao_busca": "outras",
            }
            for empresa in empresas
        ],
    )


def downgrade() -> None:
    op.drop_table("produtos_versoes")
    with op.batch_alter_table("produto_kit_itens", schema=None) as batch_op:
        batch_op.drop_index("ix_produto_kit_itens_componente")
        batch_op.drop_index("ix_produto_kit_itens_kit")
    op.drop_table("produto_kit_itens")
    with op.batch_alter_table("produtos", schema=None) as batch_op:
        batch_op.drop_index("ix_produtos_tenant_alteracao")
        batch_op.drop_index("ix_produtos_tenant_sku")
        batch_op.drop_index("ix_produtos_pai")
        for name in ("valor", "codigo", "nome"):
            batch_op.drop_index(f"ix_produtos_raiz_{name}")
    op.drop_table("produtos")
    with op.batch_alter_table("produto_ecommerce_marcas", schema=None) as batch_op:
        batch_op.drop_index("ix_produto_ecommerce_marcas_tenant_nome")
    op.drop_table("produto_ecommerce_marcas")
    with op.batch_alter_table("produto_ecommerce_categorias", schema=None) as batch_op:
        batch_op.drop_index("ix_produto_ecommerce_categorias_tenant")
    op.drop_table("produto_ecommerce_categorias")
    with op.batch_alter_table("produto_categorias", schema=None) as batch_op:
        batch_op.drop_index("ix_produto_categorias_tenant_descricao")
    op.drop_table("produto_categorias")
