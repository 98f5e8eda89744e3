"""Naturezas de operação per company (defaults.md §5), referenced by sales."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import UUIDStr


class NaturezaOperacao(Base):
    __tablename__ = "naturezas_operacao"
    __table_args__ = (Index("ix_naturezas_operacao_tenant", "tenant_id", "posicao"),)

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True)  # anil.domain.naturezas.natureza_id
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(255))
    tipo_operacao: Mapped[str] = mapped_column(String(16))
    template_operacao: Mapped[str] = mapped_column(String(32))
    mudanca_estoque: Mapped[str] = mapped_column(String(32))
    mudanca_financeira: Mapped[bool] = mapped_column(Boolean)
