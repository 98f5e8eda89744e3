"""Tenant-scoped queries on `centros_de_custo` (every statement starts at the tenant door, `base.scoped_*`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, case, func, insert, or_

from anil.domain.centros_de_custo import CentroDeCusto, CentroValido, FiltroCentros
from anil.domain.texto import chave
from anil.domain.totais import Totais
from anil.storage.models import CentroDeCusto as CentroRow
from anil.storage.repositories.base import Reader, core, scoped_select
from anil.storage.types import new_uuid, utcnow

T = CentroRow.__table__
_COLUNAS = (T.c.id, T.c.codigo, T.c.nome, T.c.ativo)


def _centro(row: Sequence[Any]) -> CentroDeCusto:
    return CentroDeCusto(*row)


def _busca(filtro: FiltroCentros) -> list[ColumnElement[bool]]:
    if not filtro.busca:
        return []
    options = [T.c.codigo_busca.contains(filtro.busca.strip().casefold(), autoescape=True)]
    termo = chave(filtro.busca)
    if termo:
        options.append(T.c.nome_busca.contains(termo, autoescape=True))
    return [or_(*options)]


def _ordem(filtro: FiltroCentros) -> list[Any]:
    column = {"ID": T.c.id, "CODIGO": T.c.codigo_busca, "NOME": T.c.nome_busca, "ATIVO": T.c.ativo}[
        filtro.ordenacao
    ]
    first = column.desc() if filtro.descendente else column.asc()
    if filtro.ordenacao == "CODIGO":
        first = first.nulls_last()
    return [first, T.c.nome_busca.asc(), T.c.seq.asc()]


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroCentros, offset: int, limit: int
) -> tuple[int, Totais, list[CentroDeCusto]]:
    """The page, how many match every filter, and the active/inactive counts over `busca` alone (the
    quick-filter tabs' numbers)."""
    conn = core(reader)
    busca = _busca(filtro)
    ativos = func.coalesce(func.sum(case((T.c.ativo.is_(True), 1), else_=0)), 0)
    todos, ativo = conn.execute(scoped_select(T, tenant_id, func.count(), ativos).where(*busca)).one()
    totais = Totais(ativo=int(ativo), inativo=int(todos) - int(ativo))
    conds = list(busca)
    if filtro.filtro_rapido == "ATIVO":
        conds.append(T.c.ativo.is_(True))
        total = totais.ativo
    elif filtro.filtro_rapido == "INATIVO":
        conds.append(T.c.ativo.is_(False))
        total = totais.inativo
    else:
        total = totais.todos
    if offset >= total:
        return total, totais, []
    stmt = (
        scoped_select(T, tenant_id, *_COLUNAS)
        .where(*conds)
        .order_by(*_ordem(filtro))
        .offset(offset)
        .limit(limit)
    )
    return total, totais, [_centro(row) for row in conn.execute(stmt).all()]


def nome_existe(reader: Reader, tenant_id: str, nome_busca: str) -> bool:
    stmt = scoped_select(T, tenant_id, T.c.seq).where(T.c.nome_busca == nome_busca).limit(1)
    return core(reader).execute(stmt).first() is not None


def codigo_existe(reader: Reader, tenant_id: str, codigo_busca: str) -> bool:
    stmt = scoped_select(T, tenant_id, T.c.seq).where(T.c.codigo_busca == codigo_busca).limit(1)
    return core(reader).execute(stmt).first() is not None


def inserir(reader: Reader, tenant_id: str, dados: CentroValido) -> CentroDeCusto:
    centro_id = new_uuid()
    core(reader).execute(
        insert(T).values(
            id=centro_id,
            tenant_id=tenant_id,
            codigo=dados.codigo,
            codigo_busca=dados.codigo_busca,
            nome=dados.nome,
            nome_busca=dados.nome_busca,
            ativo=dados.ativo,
            criado_em=utcnow(),
        )
    )
    return CentroDeCusto(id=centro_id, codigo=dados.codigo, nome=dados.nome, ativo=dados.ativo)
