"""Financial accounts (contas financeiras) and the transfers between them (catalog §3.9).

An account stores its initial balance and the day it refers to, never a current balance: that is computed
from the movements (`repositories.contas.movimentos`). A transfer stores each leg's value composition;
the net value (`valor_liquido`) is computed by `anil.domain.contas.ComposicaoValor`.
`nome_busca` is `anil.domain.texto.chave(nome)`, for matching and ordering alike on both engines.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import Money, UUIDStr, new_uuid, utcnow


class ContaFinanceira(Base):
    __tablename__ = "contas_financeiras"
    __table_args__ = (Index("ix_contas_financeiras_tenant_nome", "tenant_id", "nome_busca", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    nome: Mapped[str] = mapped_column(String(255))
    nome_busca: Mapped[str] = mapped_column(String(255))
    tipo: Mapped[str] = mapped_column(String(32))  # «TIPO_CONTA_FINANCEIRA»
    banco: Mapped[str] = mapped_column(String(32))  # «BANCO»
    codigo_banco: Mapped[int] = mapped_column(Integer)
    agencia: Mapped[str | None] = mapped_column(String(32))
    numero: Mapped[str | None] = mapped_column(String(32))
    ativo: Mapped[bool] = mapped_column(Boolean, default=True)
    conta_padrao: Mapped[bool] = mapped_column(Boolean, default=False)
    possui_config_boleto_bancario: Mapped[bool] = mapped_column(Boolean, default=False)
    saldo_inicial: Mapped[Decimal] = mapped_column(Money)
    data_saldo_inicial: Mapped[date] = mapped_column(Date)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Transferencia(Base):
    __tablename__ = "transferencias"
    __table_args__ = (
        CheckConstraint("valor > 0", name="valor_positivo"),
        CheckConstraint("conta_origem_id <> conta_destino_id", name="contas_distintas"),
        Index("ix_transferencias_tenant_data", "tenant_id", "data", "seq"),
        Index("ix_transferencias_origem", "conta_origem_id", "origem_data"),
        Index("ix_transferencias_destino", "conta_destino_id", "destino_data"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    descricao: Mapped[str] = mapped_column(String(255))
    valor: Mapped[Decimal] = mapped_column(Money)
    data: Mapped[date] = mapped_column(Date)
    conta_origem_id: Mapped[str] = mapped_column(ForeignKey("contas_financeiras.id", ondelete="CASCADE"))
    origem_data: Mapped[date] = mapped_column(Date)
    origem_valor_bruto: Mapped[Decimal] = mapped_column(Money)
    origem_juros: Mapped[Decimal] = mapped_column(Money)
    origem_multa: Mapped[Decimal] = mapped_column(Money)
    origem_desconto: Mapped[Decimal] = mapped_column(Money)
    origem_taxa: Mapped[Decimal] = mapped_column(Money)
    conta_destino_id: Mapped[str] = mapped_column(ForeignKey("contas_financeiras.id", ondelete="CASCADE"))
    destino_data: Mapped[date] = mapped_column(Date)
    destino_valor_bruto: Mapped[Decimal] = mapped_column(Money)
    destino_juros: Mapped[Decimal] = mapped_column(Money)
    destino_multa: Mapped[Decimal] = mapped_column(Money)
    destino_desconto: Mapped[Decimal] = mapped_column(Money)
    destino_taxa: Mapped[Decimal] = mapped_column(Money)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
