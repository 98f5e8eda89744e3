"""Companies (tenants) and the ERP users who sign in to them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from anil.storage.base import Base
from anil.storage.types import UUIDStr, new_uuid, utcnow


class Empresa(Base):
    """A Conta Azul company: the tenant every token is bound to."""

    __tablename__ = "empresas"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)
    razao_social: Mapped[str] = mapped_column(String(255))
    nome_fantasia: Mapped[str | None] = mapped_column(String(255))
    documento: Mapped[str] = mapped_column(String(14))
    email: Mapped[str | None] = mapped_column(String(255))
    data_fundacao: Mapped[date | None] = mapped_column(Date)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Usuario(Base):
    """An ERP user: signs in on the consent page; may belong to several companies."""

    __tablename__ = "usuarios"

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    nome: Mapped[str | None] = mapped_column(String(255))
    password_hash: Mapped[str] = mapped_column(String(255))
    criado_em: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class UsuarioEmpresa(Base):
    __tablename__ = "usuarios_empresas"
    __table_args__ = (UniqueConstraint("usuario_id", "empresa_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    usuario_id: Mapped[str] = mapped_column(ForeignKey("usuarios.id", ondelete="CASCADE"))
    empresa_id: Mapped[str] = mapped_column(ForeignKey("empresas.id", ondelete="CASCADE"), index=True)
