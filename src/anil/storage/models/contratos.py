"""Contratos (catalog §3.6, §7): recurring sales.

- `seq` is both the primary key and the `id_legado` the create answer shows.
- `numero` is the client's (`termos.numero`), unique among the company's contracts not deleted (a partial
  unique index; `proximo-numero` is max + 1 over the same rows, so it goes back down after a delete).
- `status` ATIVO | INATIVO (encerrado) | DELETADO (the logical delete: GET still answers, lists hide it).
- The value composition is stored as computed on write by `anil.domain.contratos`.
- `contrato_itens` are the lines every scheduled sale repeats; `contrato_vendas` the schedule: one row per
  scheduled sale generated at creation (`venda_id` the sale in `vendas`, tipo SCHEDULED_SALE), its
  emission and due dates and value, `cancelada` once encerrar (future ones) or delete (all) cancelled it.
  Which of them are confirmed is derived from the company's today, never stored.

References to people, sellers, categories, cost centers and accounts are plain uuid columns (other groups'
tables), as in `vendas`.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import Money, UUIDStr, new_uuid, utcnow

Quantidade = Numeric(15, 4, asdecimal=True)


class Contrato(Base):
    __tablename__ = "contratos"
    __table_args__ = (
        CheckConstraint("status IN ('ATIVO', 'INATIVO', 'DELETADO')", name="status_valido"),
        Index(
            "uq_contratos_tenant_numero_vivo",
            "tenant_id",
            "numero",
            unique=True,
            sqlite_where=text("status <> 'DELETADO'"),
            postgresql_where=text("status <> 'DELETADO'"),
        ),
        Index("ix_contratos_tenant_inicio", "tenant_id", "data_inicio", "seq"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    numero: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(8), default="ATIVO")
    cliente_id: Mapped[str] = mapped_column(UUIDStr)
    vendedor_id: Mapped[str | None] = mapped_column(UUIDStr)
    categoria_id: Mapped[str | None] = mapped_column(UUIDStr)
    centro_custo_id: Mapped[str | None] = mapped_column(UUIDStr)
    conta_financeira_id: Mapped[str | None] = mapped_column(UUIDStr)
    # termos
    data_inicio: Mapped[date] = mapped_column(Date)
    data_fim: Mapped[date] = mapped_column(Date)
    data_emissao: Mapped[date | None] = mapped_column(Date)  # the older revision's first emission
    dia_emissao_venda: Mapped[int] = mapped_column(Integer)
    intervalo_frequencia: Mapped[int] = mapped_column(Integer)
    tipo_frequencia: Mapped[str] = mapped_column(String(8))  # MENSAL | ANUAL
    tipo_expiracao: Mapped[str] = mapped_column(String(8))  # DATA | NUNCA
    # condição de pagamento
    tipo_pagamento: Mapped[str] = mapped_column(String(32))
    dia_vencimento: Mapped[int] = mapped_column(Integer)
    primeira_data_vencimento: Mapped[date] = mapped_column(Date)
    # value composition (computed on write)
    desconto_tipo: Mapped[str | None] = mapped_column(String(12))
    desconto_taxa: Mapped[Decimal | None] = mapped_column(Numeric(15, 4, asdecimal=True))  # as sent
    valor_bruto: Mapped[Decimal] = mapped_column(Money)
    desconto: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    frete: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    valor_liquido: Mapped[Decimal] = mapped_column(Money)
    observacoes: Mapped[str | None] = mapped_column(Text)
    observacoes_pagamento: Mapped[str | None] = mapped_column(Text)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    encerrado_em: Mapped[datetime | None] = mapped_column(DateTime)
    excluido_em: Mapped[datetime | None] = mapped_column(DateTime)


class ContratoItem(Base):
    """A line every scheduled sale of the contract repeats."""

    __tablename__ = "contrato_itens"
    __table_args__ = (Index("ix_contrato_itens_contrato", "contrato_id", "posicao"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    contrato_id: Mapped[str] = mapped_column(ForeignKey("contratos.id", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(UUIDStr)  # a product's or a service's uuid
    tipo: Mapped[str] = mapped_column(String(20))  # PRODUTO | SERVICO
    descricao: Mapped[str | None] = mapped_column(Text)
    quantidade: Mapped[Decimal] = mapped_column(Quantidade)
    valor: Mapped[Decimal] = mapped_column(Money)
    valor_custo: Mapped[Decimal | None] = mapped_column(Money)


class ContratoVenda(Base):
    """One scheduled sale of a contract (the schedule generated at creation)."""

    __tablename__ = "contrato_vendas"
    __table_args__ = (
        Index("ix_contrato_vendas_contrato", "contrato_id", "indice"),
        Index("ix_contrato_vendas_tenant_venda", "tenant_id", "venda_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    contrato_id: Mapped[str] = mapped_column(ForeignKey("contratos.id", ondelete="CASCADE"))
    indice: Mapped[int] = mapped_column(Integer)  # 1-based
    venda_id: Mapped[str | None] = mapped_column(UUIDStr)  # vendas.id (sales are deleted only logically)
    data_emissao: Mapped[date] = mapped_column(Date)
    data_vencimento: Mapped[date] = mapped_column(Date)
    valor: Mapped[Decimal] = mapped_column(Money)
    cancelada: Mapped[bool] = mapped_column(Boolean, default=False)
