"""Units of measure of a company (`/v1/produtos/unidades-medida`), created with the company.

`seq` is the primary key; the API id is `anil.domain.unidades.UNIDADE_ID_BASE + seq` (large, unique across
companies, consecutive within one). `posicao` keeps the order the units were created in.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base


class UnidadeMedida(Base):
    __tablename__ = "unidades_medida"
    __table_args__ = (Index("ix_unidades_medida_tenant_posicao", "tenant_id", "posicao"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    posicao: Mapped[int] = mapped_column(Integer, default=0)
    descricao: Mapped[str] = mapped_column(String(100))
    abreviacao: Mapped[str] = mapped_column(String(20))
