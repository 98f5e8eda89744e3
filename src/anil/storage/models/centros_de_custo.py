"""Centros de custo, per company (catalog §3.7).

`seq` orders rows by creation; `id` is the API's uuid. `nome_busca` (`anil.domain.texto.chave`) and
`codigo_busca` (case-folded) carry the matching, ordering and uniqueness keys, the same on both engines.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import UUIDStr, new_uuid, utcnow


class CentroDeCusto(Base):
    __tablename__ = "centros_de_custo"
    __table_args__ = (
        UniqueConstraint("tenant_id", "nome_busca", name="uq_centros_de_custo_tenant_nome"),
        UniqueConstraint("tenant_id", "codigo_busca", name="uq_centros_de_custo_tenant_codigo"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    codigo: Mapped[str | None] = mapped_column(String(64))
    codigo_busca: Mapped[str | None] = mapped_column(String(64))
    nome: Mapped[str] = mapped_column(String(255))
    nome_busca: Mapped[str] = mapped_column(String(255))
    ativo: Mapped[bool] = mapped_column(Boolean, default=True)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
