"""Categorias financeiras, per company (catalog §3.8, defaults.md §1).

`seq` orders rows by creation (ties of the list orders); `id` is the API's uuid. `codigo` is the plan's
internal code (`3.01.02`), not shown by `/v1/categorias`; `tipo_operacao` marks the 13 system categories,
one per `configuracao-padrao` operation. `nome_busca` is `anil.domain.texto.chave(nome)`, so matching and
ordering are the same on SQLite and PostgreSQL. The DRE tree is not stored (it is the same for every
company, `anil.domain.plano_padrao.DRE_PADRAO`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import UUIDStr, new_uuid, utcnow


class Categoria(Base):
    __tablename__ = "categorias"
    __table_args__ = (
        Index("ix_categorias_tenant_nome", "tenant_id", "nome_busca", "seq"),
        Index("ix_categorias_tenant_pai", "tenant_id", "categoria_pai"),
        UniqueConstraint("tenant_id", "codigo", name="uq_categorias_tenant_codigo"),
        UniqueConstraint("tenant_id", "tipo_operacao", name="uq_categorias_tenant_tipo_operacao"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(UUIDStr, unique=True, default=new_uuid)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"))
    versao: Mapped[int] = mapped_column(Integer, default=0)
    nome: Mapped[str] = mapped_column(String(255))
    nome_busca: Mapped[str] = mapped_column(String(255))
    codigo: Mapped[str | None] = mapped_column(String(32))
    categoria_pai: Mapped[str | None] = mapped_column(ForeignKey("categorias.id", ondelete="CASCADE"))
    tipo: Mapped[str] = mapped_column(String(8))  # RECEITA | DESPESA
    entrada_dre: Mapped[str | None] = mapped_column(String(64))
    considera_custo_dre: Mapped[bool] = mapped_column(Boolean, default=False)
    tipo_operacao: Mapped[str | None] = mapped_column(String(64))
    ativo: Mapped[bool] = mapped_column(Boolean, default=True)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
