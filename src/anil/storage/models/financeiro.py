"""The financial core (catalog §3.10, §3.11, §3.13, §7): events, their apportionment (rateio),
installments (parcelas), settlements (baixas), protocols and the job queue that creates events, the
alterações feed and each company's clock.

What is stored and what is derived:
- An installment stores its own value composition and, maintained on every settlement write in the same
  transaction, `valor_pago` (Σ baixas.valor_bruto), `nao_pago` (`valor_bruto − valor_pago`) and
  `data_pagamento` (the latest baixa's day). Its status is never stored: it is computed from those
  columns, `situacao` (NORMAL / CANCELADO / RENEGOCIADO), `perda_valor` and the company's today
  (`anil.domain.financeiro.status_parcela`, and the same rule in SQL for searches and totals).
- `tipo`, `contato_id` and `data_competencia` are copied from the event onto each installment so the
  searches (§3.10 buscar) and the person's summary read one table through one index.
- A settlement (baixa) moves its account by its net value: in for a RECEITA, out for a DESPESA
  (`repositories.contas.FONTES_DE_MOVIMENTO`).
- The database is the queue: a `Job` row is claimed atomically by a worker and leased; a lease that
  runs out makes the job claimable again (`services.jobs`).
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
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import JSONColumn, Money, UUIDStr, new_uuid, utcnow


class EventoFinanceiro(Base):
    """A receivable (RECEITA) or payable (DESPESA); `seq` doubles as the legacy id that
    `GET …/{id_evento}/parcelas` accepts."""

    __tablename__ = "eventos_financeiros"
    __table_args__ = (Index("ix_eventos_financeiros_tenant_alterado", "tenant_id", "alterado_em"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    tipo: Mapped[str] = mapped_column(String(8))  # RECEITA | DESPESA
    origem: Mapped[str] = mapped_column(String(32), default="LANCAMENTO_FINANCEIRO")  # «ORIGEM_EVENTO»
    referencia_id: Mapped[str | None] = mapped_column(UUIDStr)  # the sale/contract that made it, if any
    revisao: Mapped[int] = mapped_column(Integer, default=1)
    codigo_referencia: Mapped[str | None] = mapped_column(String(64))
    agendado: Mapped[bool] = mapped_column(Boolean, default=False)
    data_competencia: Mapped[date] = mapped_column(Date)
    valor: Mapped[Decimal] = mapped_column(Money)
    descricao: Mapped[str] = mapped_column(String(255))
    observacao: Mapped[str | None] = mapped_column(Text)
    contato_id: Mapped[str | None] = mapped_column(UUIDStr)
    conta_financeira_id: Mapped[str | None] = mapped_column(UUIDStr)
    versao: Mapped[int] = mapped_column(Integer, default=1)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Rateio(Base):
    """One category's share of an event (`rateio[]`)."""

    __tablename__ = "rateios"
    __table_args__ = (
        Index("ix_rateios_evento", "evento_id", "posicao"),
        Index("ix_rateios_tenant_categoria", "tenant_id", "categoria_id", "evento_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    evento_id: Mapped[str] = mapped_column(ForeignKey("eventos_financeiros.id", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer)
    categoria_id: Mapped[str] = mapped_column(UUIDStr)
    valor: Mapped[Decimal] = mapped_column(Money)


class RateioCentroCusto(Base):
    """One cost center's share of a rateio line (`rateio[].rateio_centro_custo[]`)."""

    __tablename__ = "rateios_centros_custo"
    __table_args__ = (
        Index("ix_rateios_centros_custo_evento", "evento_id", "rateio_seq", "posicao"),
        Index("ix_rateios_centros_custo_tenant_centro", "tenant_id", "centro_custo_id", "evento_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    evento_id: Mapped[str] = mapped_column(ForeignKey("eventos_financeiros.id", ondelete="CASCADE"))
    rateio_seq: Mapped[int] = mapped_column(ForeignKey("rateios.seq", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer)
    centro_custo_id: Mapped[str] = mapped_column(UUIDStr)
    valor: Mapped[Decimal] = mapped_column(Money)


COLUNAS_BUSCA = (
    "tenant_id",
    "tipo",
    "data_vencimento",
    "seq",
    "situacao",
    "perda_valor",
    "valor_bruto",
    "valor_pago",
    "nao_pago",
)


class Parcela(Base):
    """An installment. See the module docstring for what is stored and what is derived."""

    __tablename__ = "parcelas"
    __table_args__ = (
        CheckConstraint("valor_bruto >= 0", name="valor_bruto_nao_negativo"),
        CheckConstraint("situacao IN ('NORMAL', 'CANCELADO', 'RENEGOCIADO')", name="situacao_valida"),
        Index("ix_parcelas_evento", "evento_id", "indice"),
        # the searches (§3.10 buscar): tenant, kind, due-date window, then the row order; the columns
        # after `seq` cover the cancelled filter and the `totais` aggregate (index-only; migration 0008)
        Index("ix_parcelas_busca", *COLUNAS_BUSCA),
        Index("ix_parcelas_tenant_contato", "tenant_id", "contato_id", "data_vencimento"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    evento_id: Mapped[str] = mapped_column(ForeignKey("eventos_financeiros.id", ondelete="CASCADE"))
    tipo: Mapped[str] = mapped_column(String(8))  # copied from the event
    contato_id: Mapped[str | None] = mapped_column(UUIDStr)  # copied from the event
    data_competencia: Mapped[date] = mapped_column(Date)  # copied from the event
    indice: Mapped[int] = mapped_column(Integer)  # 1-based position in the event
    versao: Mapped[int] = mapped_column(Integer, default=1)
    descricao: Mapped[str] = mapped_column(String(255))
    nota: Mapped[str | None] = mapped_column(Text)
    data_vencimento: Mapped[date] = mapped_column(Date)
    data_pagamento_previsto: Mapped[date | None] = mapped_column(Date)
    conta_financeira_id: Mapped[str | None] = mapped_column(UUIDStr)
    metodo_pagamento: Mapped[str | None] = mapped_column(String(32))
    nsu: Mapped[str | None] = mapped_column(String(64))
    baixa_agendada: Mapped[bool] = mapped_column(Boolean, default=False)
    conciliado: Mapped[bool] = mapped_column(Boolean, default=False)
    valor_bruto: Mapped[Decimal] = mapped_column(Money)
    multa: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    juros: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    desconto: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    taxa: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    valor_pago: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))  # Σ baixas.valor_bruto
    nao_pago: Mapped[Decimal] = mapped_column(Money)  # valor_bruto − valor_pago
    data_pagamento: Mapped[date | None] = mapped_column(Date)  # the latest baixa's data_pagamento
    perda_data: Mapped[date | None] = mapped_column(Date)
    perda_valor: Mapped[Decimal | None] = mapped_column(Money)
    situacao: Mapped[str] = mapped_column(String(12), default="NORMAL")  # NORMAL | CANCELADO | RENEGOCIADO
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Baixa(Base):
    """A settlement of an installment (§3.11): full or partial; moves its account by the net value."""

    __tablename__ = "baixas"
    __table_args__ = (
        CheckConstraint("valor_bruto >= 0", name="valor_bruto_nao_negativo"),
        Index("ix_baixas_parcela", "parcela_id", "seq"),
        Index("ix_baixas_tenant_conta", "tenant_id", "conta_financeira_id", "data_pagamento"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    parcela_id: Mapped[str] = mapped_column(ForeignKey("parcelas.id", ondelete="CASCADE"))
    evento_id: Mapped[str] = mapped_column(ForeignKey("eventos_financeiros.id", ondelete="CASCADE"))
    tipo: Mapped[str] = mapped_column(String(8))  # the event's: RECEITA moves money in, DESPESA out
    origem: Mapped[str] = mapped_column(String(32), default="LANCAMENTO_FINANCEIRO")
    versao: Mapped[int] = mapped_column(Integer, default=1)
    data_pagamento: Mapped[date] = mapped_column(Date)
    valor_bruto: Mapped[Decimal] = mapped_column(Money)
    multa: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    juros: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    desconto: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    taxa: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    conta_financeira_id: Mapped[str] = mapped_column(UUIDStr)
    metodo_pagamento: Mapped[str | None] = mapped_column(String(32))
    observacao: Mapped[str | None] = mapped_column(Text)
    nsu: Mapped[str | None] = mapped_column(String(64))
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    atualizado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Protocolo(Base):
    """What `GET /v1/protocolo/{id}` reports (§3.13): PENDING → SUCCESS | ERROR."""

    __tablename__ = "protocolos"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(8), default="PENDING")  # PENDING | SUCCESS | ERROR
    resposta: Mapped[str | None] = mapped_column(Text)
    evento_financeiro_id: Mapped[str | None] = mapped_column(UUIDStr)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    concluido_em: Mapped[datetime | None] = mapped_column(DateTime)


class Job(Base):
    """The queue the workers drain. `disponivel_em` NULL holds a job until released by hand (the
    sandbox's "manual" protocol mode); a claimed job carries its worker and lease."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_fila", "estado", "disponivel_em", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    tipo: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONColumn)
    protocolo_id: Mapped[str | None] = mapped_column(UUIDStr, index=True)
    estado: Mapped[str] = mapped_column(String(12), default="PRONTO")  # PRONTO | EXECUTANDO | FEITO
    disponivel_em: Mapped[datetime | None] = mapped_column(DateTime)
    worker: Mapped[str | None] = mapped_column(String(128))
    lease_ate: Mapped[datetime | None] = mapped_column(DateTime)
    tentativas: Mapped[int] = mapped_column(Integer, default=0)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    concluido_em: Mapped[datetime | None] = mapped_column(DateTime)


class Alteracao(Base):
    """One entry of the alterações feed (§3.10): an event id and when it was touched. Appended on every
    create, update, settlement and delete of the event or its installments, no-op saves included."""

    __tablename__ = "alteracoes"
    __table_args__ = (Index("ix_alteracoes_tenant_em", "tenant_id", "alterado_em", "evento_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    evento_id: Mapped[str] = mapped_column(UUIDStr)  # no FK: a deleted event keeps its entries
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RelogioEmpresa(Base):
    """A company's clock (issue 4 §7): frozen at an instant, and/or shifted from the system clock.
    No row means the system clock."""

    __tablename__ = "relogios_empresas"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), primary_key=True)
    congelado_em: Mapped[datetime | None] = mapped_column(DateTime)  # naive UTC
    deslocamento_segundos: Mapped[int] = mapped_column(BigInteger, default=0)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FinanceiroVersao(Base):
    """Per company, a number every write to its installments, settlements or events bumps (last in the
    transaction): the data version the searches' caches (`itens_totais`, `totais`, page cursors) are keyed
    by, so that a write in one worker process is seen by all (`repositories.financeiro.nova_versao`)."""

    __tablename__ = "financeiro_versoes"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), primary_key=True)
    versao: Mapped[int] = mapped_column(Integer, default=0)


class ModoProtocolo(Base):
    """A company's own PENDING mode for new protocols, set through `/_anil/companies/{id}/protocolos/modo`
    (`immediate`, `seconds` with `segundos`, or `manual`); no row means the server's `ANIL_PROTOCOL_DELAY`."""

    __tablename__ = "modos_protocolo"

    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), primary_key=True)
    modo: Mapped[str] = mapped_column(String(16))
    segundos: Mapped[int] = mapped_column(Integer, default=0)
    alterado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
