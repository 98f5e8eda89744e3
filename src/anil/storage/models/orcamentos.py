"""Orçamentos (proposals, catalog §3.5, Appendix A.8): the proposal and its lines.

- `numero` comes from the sales counter (max over the company's sales not deleted and its proposals, + 1;
  `GET /v1/venda/proximo-numero`), never from the client.
- `situacao` is ORCAMENTO | ORCAMENTO_ACEITO | ORCAMENTO_RECUSADO; a proposal has no financial or stock
  effect. Deletion (`DELETE /v1/orcamentos`) is physical, lines with it (ON DELETE CASCADE).
- The value composition is stored as computed on write by `anil.domain.orcamentos` (`valor_bruto`,
  `desconto` in money, `frete`, `total`), beside the discount as sent (`desconto_tipo`, `desconto_taxa`).
- `itens_tipo` is the list's item-kind summary (PRODUTO | SERVICO | PRODUTO_E_SERVICO).
- `natureza_operacao_id`, `categoria_id` and `contrato_id` exist for the list filters and the list item;
  no API body writes them (null on proposals created through the API).

References to people, sellers, products and services are plain uuid columns without foreign keys (other
groups' tables, some deleted physically): a line keeps the item's name as it was when written.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
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
from anil.storage.types import Money, UUIDStr, new_uuid, utcnow

# Quantities (fractional) and percentage rates: four places, as the sales' own.
Quantidade = Numeric(15, 4, asdecimal=True)
Taxa = Numeric(15, 4, asdecimal=True)


class Orcamento(Base):
    __tablename__ = "orcamentos"
    __table_args__ = (
        CheckConstraint(
            "situacao IN ('ORCAMENTO', 'ORCAMENTO_ACEITO', 'ORCAMENTO_RECUSADO')", name="situacao_valida"
        ),
        Index("ix_orcamentos_tenant_numero", "tenant_id", "numero"),
        Index("ix_orcamentos_tenant_data", "tenant_id", "data_orcamento", "numero"),
        Index("ix_orcamentos_tenant_cliente", "tenant_id", "cliente_id"),
        Index("ix_orcamentos_tenant_alterado", "tenant_id", "alterado_em"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    numero: Mapped[int] = mapped_column(BigInteger)
    situacao: Mapped[str] = mapped_column(String(20), default="ORCAMENTO")
    versao: Mapped[int] = mapped_column(Integer, default=0)
    origem: Mapped[str] = mapped_column(String(16), default="API")
    cliente_id: Mapped[str] = mapped_column(UUIDStr)
    vendedor_id: Mapped[str | None] = mapped_column(UUIDStr)
    natureza_operacao_id: Mapped[str | None] = mapped_column(UUIDStr)
    categoria_id: Mapped[str | None] = mapped_column(UUIDStr)
    contrato_id: Mapped[str | None] = mapped_column(UUIDStr)
    data_orcamento: Mapped[date] = mapped_column(Date)
    data_validade: Mapped[date] = mapped_column(Date)
    descricao: Mapped[str | None] = mapped_column(Text)
    previsao_entrega: Mapped[str | None] = mapped_column(Text)
    observacoes: Mapped[str | None] = mapped_column(Text)
    observacoes_pagamento: Mapped[str | None] = mapped_column(Text)
    itens_tipo: Mapped[str] = mapped_column(String(20))  # PRODUTO | SERVICO | PRODUTO_E_SERVICO
    # value composition (computed on write)
    desconto_tipo: Mapped[str | None] = mapped_column(String(12))  # PORCENTAGEM | VALOR
    desconto_taxa: Mapped[Decimal | None] = mapped_column(Taxa)  # as sent
    valor_bruto: Mapped[Decimal] = mapped_column(Money)
    desconto: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    frete: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    total: Mapped[Decimal] = mapped_column(Money)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OrcamentoItem(Base):
    """A proposal line: a product or a service, its name and description as they were when written."""

    __tablename__ = "orcamento_itens"
    __table_args__ = (
        Index("ix_orcamento_itens_orcamento", "orcamento_id", "posicao"),
        Index("ix_orcamento_itens_tenant_item", "tenant_id", "item_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    orcamento_id: Mapped[str] = mapped_column(ForeignKey("orcamentos.id", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(UUIDStr)  # the product's or service's uuid
    tipo: Mapped[str] = mapped_column(String(8))  # PRODUTO | SERVICO
    nome: Mapped[str] = mapped_column(String(255))
    descricao: Mapped[str | None] = mapped_column(Text)
    quantidade: Mapped[Decimal] = mapped_column(Quantidade)
    valor: Mapped[Decimal] = mapped_column(Money)
    custo: Mapped[Decimal | None] = mapped_column(Money)
