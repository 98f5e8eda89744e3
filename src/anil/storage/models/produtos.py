"""Products (catalog §3.2) and the per-company catalogs of the group: product groups (categorias),
e-commerce categories and brands.

`seq` is both the primary key and the `id_legado` the API shows (as pessoas). A variation product's
children are products too (`tipo = VARIACAO_PRODUTO`), pointing at their parent through `id_pai`
(ON DELETE CASCADE: deleting the parent deletes them); a kit's components are rows of
`produto_kit_itens`. `nome_busca` and `busca` are keys computed on write by `anil.domain.produtos`
(case- and accent-free), so that matching and ordering are the same on SQLite and PostgreSQL.

Fiscal references (`ncm_id`, `cest_id`, `unidade_medida_id`) point at the reference catalogs of
`anil.domain.fiscal` by their integer ids, and `id_centro_custo` at a cost center: plain columns without a
foreign key (the NCM/CEST tables are package data, and cost centers live in another group's migration).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import JSONColumn, Money, UUIDStr, new_uuid, utcnow

# Stock quantities, weights and measures: fractional (`50.5`), four places.
Quantidade = Numeric(15, 4, asdecimal=True)


class ProdutoCategoria(Base):
    """A product group of one company (`GET /v1/produtos/categorias`); every company has "Outras"."""

    __tablename__ = "produto_categorias"
    __table_args__ = (Index("ix_produto_categorias_tenant_descricao", "tenant_id", "descricao_busca", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    descricao: Mapped[str] = mapped_column(String(255))
    descricao_busca: Mapped[str] = mapped_column(String(255))


class ProdutoEcommerceCategoria(Base):
    """A node of a company's e-commerce category tree (`GET /v1/produtos/ecommerce-categorias`)."""

    __tablename__ = "produto_ecommerce_categorias"
    __table_args__ = (Index("ix_produto_ecommerce_categorias_tenant", "tenant_id", "posicao"),)

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    id_pai: Mapped[str | None] = mapped_column(UUIDStr)
    posicao: Mapped[int] = mapped_column(Integer, default=0)
    descricao: Mapped[str] = mapped_column(String(255))
    descricao_busca: Mapped[str] = mapped_column(String(255))


class ProdutoEcommerceMarca(Base):
    """A brand of a company's e-commerce integration (`GET /v1/produtos/ecommerce-marcas`)."""

    __tablename__ = "produto_ecommerce_marcas"
    __table_args__ = (Index("ix_produto_ecommerce_marcas_tenant_nome", "tenant_id", "nome_busca"),)

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    nome: Mapped[str] = mapped_column(String(255))
    nome_busca: Mapped[str] = mapped_column(String(255))


_RAIZ = {"sqlite_where": text("id_pai IS NULL"), "postgresql_where": text("id_pai IS NULL")}


class Produto(Base):
    __tablename__ = "produtos"
    __table_args__ = (
        # The list shows top-level products (id_pai IS NULL) in one of three orders: partial indexes over
        # those rows serve the page, the count and the keyset seeks on both engines. (With `id_pai` as an
        # index column instead, PostgreSQL does not take `IS NULL` as an equality and sorts every row.)
        Index("ix_produtos_raiz_nome", "tenant_id", "nome_busca", "seq", **_RAIZ),
        Index("ix_produtos_raiz_codigo", "tenant_id", "codigo_sku", "seq", **_RAIZ),
        Index("ix_produtos_raiz_valor", "tenant_id", "valor_venda", "seq", **_RAIZ),
        Index("ix_produtos_pai", "id_pai", "nome_busca"),  # a parent's variations
        Index("ix_produtos_tenant_sku", "tenant_id", "codigo_sku", unique=True),
        Index("ix_produtos_tenant_alteracao", "tenant_id", "ultima_atualizacao"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    id_pai: Mapped[str | None] = mapped_column(ForeignKey("produtos.id", ondelete="CASCADE"))
    nome: Mapped[str] = mapped_column(String(255))
    nome_busca: Mapped[str] = mapped_column(String(255))
    busca: Mapped[str] = mapped_column(Text)
    descricao: Mapped[str | None] = mapped_column(Text)
    codigo_sku: Mapped[str] = mapped_column(String(64))
    codigo_ean: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(8), default="ATIVO")  # ATIVO | INATIVO
    formato: Mapped[str] = mapped_column(String(16), default="SIMPLES")  # SIMPLES | VARIACAO
    tipo: Mapped[str] = mapped_column(
        String(20), default="PRODUTO"
    )  # PRODUTO | KIT_PRODUTO | VARIACAO_PRODUTO
    versao: Mapped[int] = mapped_column(Integer, default=0)
    categoria_id: Mapped[int | None] = mapped_column(ForeignKey("produto_categorias.id", ondelete="SET NULL"))
    unidade_medida_id: Mapped[int | None] = mapped_column(Integer)
    id_centro_custo: Mapped[str | None] = mapped_column(UUIDStr)  # no FK: see the module docstring
    # stock block
    valor_venda: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    custo_medio: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    quantidade_disponivel: Mapped[Decimal] = mapped_column(Quantidade, default=Decimal("0"))
    quantidade_reservada: Mapped[Decimal] = mapped_column(Quantidade, default=Decimal("0"))
    estoque_minimo: Mapped[Decimal | None] = mapped_column(Quantidade)
    estoque_maximo: Mapped[Decimal | None] = mapped_column(Quantidade)
    movido: Mapped[bool] = mapped_column(Boolean, default=False)
    contagem_agregacao: Mapped[int] = mapped_column(Integer, default=0)  # variations of a parent
    # fiscal block
    origem: Mapped[str | None] = mapped_column(String(64))
    tipo_produto: Mapped[str | None] = mapped_column(String(64))
    ncm_id: Mapped[int | None] = mapped_column(Integer)
    cest_id: Mapped[int | None] = mapped_column(Integer)
    # weights and measures
    peso_bruto: Mapped[Decimal | None] = mapped_column(Quantidade)
    peso_liquido: Mapped[Decimal | None] = mapped_column(Quantidade)
    altura: Mapped[Decimal | None] = mapped_column(Quantidade)
    largura: Mapped[Decimal | None] = mapped_column(Quantidade)
    profundidade: Mapped[Decimal | None] = mapped_column(Quantidade)
    volumes: Mapped[int | None] = mapped_column(Integer)
    # e-commerce block
    ecommerce_integracao_ativa: Mapped[bool] = mapped_column(Boolean, default=False)
    ecommerce_condicao: Mapped[str | None] = mapped_column(String(8))
    ecommerce_categoria_id: Mapped[str | None] = mapped_column(UUIDStr)
    ecommerce_marca_id: Mapped[str | None] = mapped_column(UUIDStr)
    ecommerce_descricao_adicional: Mapped[str | None] = mapped_column(Text)
    ecommerce_descricao_seo: Mapped[str | None] = mapped_column(Text)
    ecommerce_titulo_seo: Mapped[str | None] = mapped_column(String(255))
    ecommerce_url_seo: Mapped[str | None] = mapped_column(String(255))
    # variations: a parent's types and options; a child's chosen options
    variacao_tipos: Mapped[list | None] = mapped_column(JSONColumn)
    variacao_opcoes: Mapped[list | None] = mapped_column(JSONColumn)
    conversoes_unidade_medida: Mapped[list] = mapped_column(JSONColumn, default=list)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ultima_atualizacao: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ProdutoKitItem(Base):
    """One component of a kit. The component cannot be deleted while a kit uses it (no cascade)."""

    __tablename__ = "produto_kit_itens"
    __table_args__ = (
        Index("ix_produto_kit_itens_kit", "kit_seq", "posicao"),
        Index("ix_produto_kit_itens_componente", "produto_seq"),
    )

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    kit_seq: Mapped[int] = mapped_column(ForeignKey("produtos.seq", ondelete="CASCADE"))
    produto_seq: Mapped[int] = mapped_column(ForeignKey("produtos.seq"))
    posicao: Mapped[int] = mapped_column(Integer, default=0)
    quantidade: Mapped[Decimal] = mapped_column(Quantidade)
    valor_unitario: Mapped[Decimal] = mapped_column(Money)
    valor_total: Mapped[Decimal] = mapped_column(Money)
    versao: Mapped[int] = mapped_column(Integer, default=0)


class ProdutoVersao(Base):
    """Per company, a number every write to its products bumps: the data version the list caches (totals,
    page checkpoints) are keyed by, so that a write in one worker process is seen by all."""

    __tablename__ = "produtos_versoes"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), primary_key=True)
    versao: Mapped[int] = mapped_column(Integer, default=0)
