"""Serviços (catalog §3.3).

`seq` is both the primary key and the `id_servico` the API shows (the integer the batch DELETE takes).
Deletion is logical (`excluido_em`): the row leaves the list and stays readable by id (§2.12).
`busca` is the key `busca_textual` is matched against, computed on write by `anil.domain.servicos`.
The fiscal fields (`codigo_cnae` ... `natureza_operacional_id`) are shown but no API body writes them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import JSONColumn, Money, UUIDStr, new_uuid, utcnow


class Servico(Base):
    __tablename__ = "servicos"
    __table_args__ = (Index("ix_servicos_tenant_seq", "tenant_id", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    descricao: Mapped[str] = mapped_column(String(100))
    codigo: Mapped[str | None] = mapped_column(String(20))
    busca: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8))  # ATIVO | INATIVO
    tipo_servico: Mapped[str] = mapped_column(String(8))  # PRESTADO | TOMADO | AMBOS
    preco: Mapped[Decimal] = mapped_column(Money)
    custo: Mapped[Decimal] = mapped_column(Money)
    codigo_cnae: Mapped[str | None] = mapped_column(String(16))
    lei_116: Mapped[str | None] = mapped_column(String(16))
    codigo_municipio_servico: Mapped[str | None] = mapped_column(String(16))
    id_externo: Mapped[str | None] = mapped_column(String(64))
    lista_cenario_tributario: Mapped[list] = mapped_column(JSONColumn, default=list)
    natureza_operacional_id: Mapped[str | None] = mapped_column(UUIDStr)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    data_alteracao: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    excluido_em: Mapped[datetime | None] = mapped_column(DateTime)
