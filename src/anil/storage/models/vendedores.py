"""Vendedores (sellers): listed by `GET /v1/venda/vendedores` (catalog §3.4), referenced by sales.

Conta Azul's API cannot create them; anil's `/_anil/` and CLI do. `seq` is the `id_legado`.
`nome_busca` is the case- and accent-free key the list is ordered by (`anil.domain.texto.chave`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import UUIDStr, new_uuid, utcnow


class Vendedor(Base):
    __tablename__ = "vendedores"
    __table_args__ = (Index("ix_vendedores_tenant_nome", "tenant_id", "nome_busca", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    nome: Mapped[str] = mapped_column(String(255))
    nome_busca: Mapped[str] = mapped_column(String(255))
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
