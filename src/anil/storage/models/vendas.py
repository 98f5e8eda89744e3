"""Vendas (catalog §3.4, §7): the sale, its lines, its own installment plan, the company's sales
settings and the stock ledger the sales write.

- `seq` is both the primary key and the `id_legado` the API shows (`GET /v1/venda/{id}` takes either).
- `situacao` is the business situation (EM_ANDAMENTO | APROVADO | FATURADO | CANCELADO); `excluida`
  marks the logical delete of `POST /v1/venda/exclusao-lote` (hidden from `busca`, GET shows
  `venda.status = CANCELADO` while `situacao` keeps its value, §2.12).
- `tipo` is SALE, or SCHEDULED_SALE for the sales a contract generates (`contrato_id` then set).
- The value composition is stored as computed on write by `anil.domain.vendas` (`valor_bruto`,
  `desconto` in money, `frete`, `valor_liquido`), beside the discount as sent (`desconto_tipo`,
  `desconto_taxa`).
- `venda_parcelas` is the sale's own installment plan (`condicao_pagamento.parcelas`); each row points
  at the financial installment (`parcelas.id`) of the receivable event `evento_id` it created.
- `movimentos_estoque` is the stock ledger: every stock change a sale makes is a signed row per product
  (negative = out), so the sale's current effect on a product is the sum of its rows, and cancelling,
  deleting or editing writes the difference to what the sale should now move (`services.vendas`).
- `configuracoes_vendas`: per company, "verificar estoque ao criar venda" (FAQ #54), off when no row.

References to people, sellers, categories, cost centers, naturezas, accounts and contracts are plain
uuid columns without foreign keys (other groups' tables, some of them deleted physically).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import JSONColumn, Money, UUIDStr, new_uuid, utcnow

# Quantities (fractional, as the products' stock) and percentage rates: four places.
Quantidade = Numeric(15, 4, asdecimal=True)
Taxa = Numeric(15, 4, asdecimal=True)


class Venda(Base):
    __tablename__ = "vendas"
    __table_args__ = (
        CheckConstraint(
            "situacao IN ('EM_ANDAMENTO', 'APROVADO', 'FATURADO', 'CANCELADO')", name="situacao_valida"
        ),
        Index("ix_vendas_tenant_numero", "tenant_id", "numero"),
        Index("ix_vendas_tenant_data", "tenant_id", "data_venda", "seq"),
        Index("ix_vendas_tenant_cliente", "tenant_id", "cliente_id"),
        Index("ix_vendas_tenant_alterado", "tenant_id", "alterado_em"),
        Index("ix_vendas_tenant_contrato", "tenant_id", "contrato_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    numero: Mapped[int] = mapped_column(BigInteger)
    tipo: Mapped[str] = mapped_column(String(20), default="SALE")  # SALE | SCHEDULED_SALE
    origem: Mapped[str] = mapped_column(String(16), default="API")
    situacao: Mapped[str] = mapped_column(String(16))
    pendencia: Mapped[str] = mapped_column(String(48), default="NENHUMA")
    excluida: Mapped[bool] = mapped_column(Boolean, default=False)
    excluida_em: Mapped[datetime | None] = mapped_column(DateTime)
    cliente_id: Mapped[str] = mapped_column(UUIDStr)
    vendedor_id: Mapped[str | None] = mapped_column(UUIDStr)
    categoria_id: Mapped[str | None] = mapped_column(UUIDStr)
    centro_custo_id: Mapped[str | None] = mapped_column(UUIDStr)
    natureza_operacao_id: Mapped[str | None] = mapped_column(UUIDStr)
    contrato_id: Mapped[str | None] = mapped_column(UUIDStr)
    evento_id: Mapped[str | None] = mapped_column(UUIDStr)  # the receivable it created
    data_venda: Mapped[date] = mapped_column(Date)
    observacoes: Mapped[str | None] = mapped_column(Text)
    observacoes_pagamento: Mapped[str | None] = mapped_column(Text)
    introducao: Mapped[str | None] = mapped_column(Text)
    # value composition (computed on write)
    desconto_tipo: Mapped[str | None] = mapped_column(String(12))  # PORCENTAGEM | VALOR
    desconto_taxa: Mapped[Decimal | None] = mapped_column(Taxa)  # as sent
    valor_bruto: Mapped[Decimal] = mapped_column(Money)
    desconto: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    frete: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    valor_liquido: Mapped[Decimal] = mapped_column(Money)
    # payment condition
    opcao_condicao_pagamento: Mapped[str] = mapped_column(String(255))
    tipo_pagamento: Mapped[str | None] = mapped_column(String(32))
    conta_financeira_id: Mapped[str | None] = mapped_column(UUIDStr)
    nsu: Mapped[str | None] = mapped_column(String(64))
    versao: Mapped[int] = mapped_column(Integer, default=0)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class VendaItem(Base):
    """A sale line: a product, a kit or a service (`itens[]`; `GET /v1/venda/{id}/itens`)."""

    __tablename__ = "venda_itens"
    __table_args__ = (
        Index("ix_venda_itens_venda", "venda_id", "posicao"),
        Index("ix_venda_itens_tenant_item", "tenant_id", "item_id", "venda_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    venda_id: Mapped[str] = mapped_column(ForeignKey("vendas.id", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(UUIDStr)  # the product's or service's uuid
    tipo: Mapped[str] = mapped_column(String(20))  # PRODUTO | SERVICO | KIT_PRODUTOS
    nome: Mapped[str] = mapped_column(String(255))
    descricao: Mapped[str | None] = mapped_column(Text)
    quantidade: Mapped[Decimal] = mapped_column(Quantidade)
    valor: Mapped[Decimal] = mapped_column(Money)
    valor_custo: Mapped[Decimal | None] = mapped_column(Money)
    centro_custo_id: Mapped[str | None] = mapped_column(UUIDStr)
    itens_kit: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONColumn)  # as sent


class VendaParcela(Base):
    """One installment of the sale's payment condition."""

    __tablename__ = "venda_parcelas"
    __table_args__ = (Index("ix_venda_parcelas_venda", "venda_id", "numero"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    venda_id: Mapped[str] = mapped_column(ForeignKey("vendas.id", ondelete="CASCADE"))
    numero: Mapped[int] = mapped_column(Integer)  # 1-based
    data_vencimento: Mapped[date] = mapped_column(Date)
    valor: Mapped[Decimal] = mapped_column(Money)
    descricao: Mapped[str | None] = mapped_column(String(255))
    parcela_financeira_id: Mapped[str | None] = mapped_column(UUIDStr)  # parcelas.id


class MovimentoEstoque(Base):
    """A signed stock change of one product made by one sale (negative = out of stock)."""

    __tablename__ = "movimentos_estoque"
    __table_args__ = (
        Index("ix_movimentos_estoque_venda", "venda_id", "produto_id"),
        Index("ix_movimentos_estoque_tenant_produto", "tenant_id", "produto_id", "seq"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    venda_id: Mapped[str] = mapped_column(UUIDStr)  # sales are only deleted logically
    produto_id: Mapped[str] = mapped_column(UUIDStr)
    quantidade: Mapped[Decimal] = mapped_column(Quantidade)
    motivo: Mapped[str] = mapped_column(String(32))  # VENDA | EDICAO | CANCELAMENTO | EXCLUSAO
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ConfiguracaoVendas(Base):
    """A company's sales settings; no row means the defaults (stock not checked)."""

    __tablename__ = "configuracoes_vendas"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), primary_key=True)
    verificar_estoque: Mapped[bool] = mapped_column(Boolean, default=False)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
