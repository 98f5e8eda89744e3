"""Vendedores, tenant-scoped (every statement starts at the tenant door in `base`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from anil.storage.models import Empresa, Vendedor
from anil.storage.repositories.base import Reader, core, scoped_select

V = Vendedor.__table__
E = Empresa.__table__


@dataclass(frozen=True, slots=True)
class VendedorRegistro:
    id: str
    nome: str
    id_legado: int  # = seq


_COLUNAS = (V.c.id, V.c.nome, V.c.seq)


def inserir(
    session: Session, tenant_id: str, vendedor_id: str, nome: str, nome_busca: str, agora: datetime
) -> int:
    values = {
        "id": vendedor_id,
        "tenant_id": tenant_id,
        "nome": nome,
        "nome_busca": nome_busca,
        "criado_em": agora,
    }
    return session.execute(insert(V).values(**values).returning(V.c.seq)).scalar_one()


def listar(reader: Reader, tenant_id: str) -> list[VendedorRegistro]:
    """Every seller of the company, by name (case and accents ignored), ties in creation order."""
    stmt = scoped_select(V, tenant_id, *_COLUNAS).order_by(V.c.nome_busca, V.c.seq)
    return [VendedorRegistro(*row) for row in core(reader).execute(stmt)]


def por_id(reader: Reader, tenant_id: str, vendedor_id: str) -> VendedorRegistro | None:
    row = core(reader).execute(scoped_select(V, tenant_id, *_COLUNAS).where(V.c.id == vendedor_id)).first()
    return VendedorRegistro(*row) if row is not None else None


def empresa_existe(reader: Reader, empresa_id: str) -> bool:
    return core(reader).execute(select(E.c.id).where(E.c.id == empresa_id)).first() is not None
