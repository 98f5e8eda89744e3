"""Tenant-scoped queries on `categorias` (every statement starts at the tenant door, `base.scoped_*`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, bindparam, case, exists, func, insert, or_
from sqlalchemy.orm import Session, aliased

from anil.domain.categorias import Categoria, CategoriaValida, FiltroCategorias
from anil.domain.texto import chave
from anil.domain.totais import Totais
from anil.storage.models import Categoria as CategoriaRow
from anil.storage.repositories.base import Reader, core, scoped_select, write_raw
from anil.storage.types import new_uuid, utcnow

C = CategoriaRow.__table__
_FILHO = aliased(C, name="filho")

_COLUNAS = (
    C.c.id,
    C.c.versao,
    C.c.nome,
    C.c.categoria_pai,
    C.c.tipo,
    C.c.entrada_dre,
    C.c.considera_custo_dre,
    C.c.codigo,
    C.c.ativo,
    C.c.tipo_operacao,
)


def _categoria(row: Sequence[Any]) -> Categoria:
    return Categoria(*row)


def _contem(column: Any, text: str) -> ColumnElement[bool]:
    return column.contains(text, autoescape=True)


def _condicoes(filtro: FiltroCategorias) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filtro.tipo:
        conds.append(C.c.tipo == filtro.tipo)
    if filtro.busca:
        termo = chave(filtro.busca)
        options = [func.lower(C.c.codigo).startswith(filtro.busca.strip().lower(), autoescape=True)]
        if termo:
            options.append(_contem(C.c.nome_busca, termo))
        conds.append(or_(*options))
    if filtro.nome:
        conds.append(_contem(C.c.nome_busca, chave(filtro.nome)))
    if filtro.apenas_filhos:
        conds.append(C.c.categoria_pai.is_not(None))
    if filtro.permite_apenas_filhos:
        conds.append(~exists().where(_FILHO.c.categoria_pai == C.c.id))
    return conds


def _ordem(filtro: FiltroCategorias) -> list[Any]:
    column = C.c.tipo if filtro.ordenacao == "TIPO" else C.c.nome_busca
    first = column.desc() if filtro.descendente else column.asc()
    return [first, C.c.nome_busca.asc(), C.c.seq.asc()]


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroCategorias, offset: int, limit: int
) -> tuple[Totais, list[Categoria]]:
    conds = _condicoes(filtro)
    conn = core(reader)
    ativos = func.coalesce(func.sum(case((C.c.ativo.is_(True), 1), else_=0)), 0)
    total, ativo = conn.execute(scoped_select(C, tenant_id, func.count(), ativos).where(*conds)).one()
    totais = Totais(ativo=int(ativo), inativo=int(total) - int(ativo))
    if offset >= total:
        return totais, []
    stmt = (
        scoped_select(C, tenant_id, *_COLUNAS)
        .where(*conds)
        .order_by(*_ordem(filtro))
        .offset(offset)
        .limit(limit)
    )
    return totais, [_categoria(row) for row in conn.execute(stmt).all()]


def todas(reader: Reader, tenant_id: str) -> list[Categoria]:
    """Every category of the company, in creation order (the plan's order)."""
    stmt = scoped_select(C, tenant_id, *_COLUNAS).order_by(C.c.seq)
    return [_categoria(row) for row in core(reader).execute(stmt).all()]


def do_sistema(reader: Reader, tenant_id: str) -> list[Categoria]:
    stmt = scoped_select(C, tenant_id, *_COLUNAS).where(C.c.tipo_operacao.is_not(None))
    return [_categoria(row) for row in core(reader).execute(stmt).all()]


def com_entrada_dre(reader: Reader, tenant_id: str) -> list[Categoria]:
    """Categories that feed a DRE line, by name (then creation)."""
    stmt = (
        scoped_select(C, tenant_id, *_COLUNAS)
        .where(C.c.entrada_dre.is_not(None))
        .order_by(C.c.nome_busca, C.c.seq)
    )
    return [_categoria(row) for row in core(reader).execute(stmt).all()]


def por_id(reader: Reader, tenant_id: str, categoria_id: str) -> Categoria | None:
    row = core(reader).execute(scoped_select(C, tenant_id, *_COLUNAS).where(C.c.id == categoria_id)).first()
    return _categoria(row) if row else None


def codigos(reader: Reader, tenant_id: str) -> set[str]:
    stmt = scoped_select(C, tenant_id, C.c.codigo).where(C.c.codigo.is_not(None))
    return set(core(reader).execute(stmt).scalars())


def inserir(session: Session, tenant_id: str, dados: CategoriaValida) -> Categoria:
    categoria_id = new_uuid()
    session.execute(
        insert(C).values(
            id=categoria_id,
            tenant_id=tenant_id,
            versao=0,
            nome=dados.nome,
            nome_busca=dados.nome_busca,
            codigo=dados.codigo,
            categoria_pai=dados.categoria_pai,
            tipo=dados.tipo,
            entrada_dre=dados.entrada_dre,
            considera_custo_dre=dados.considera_custo_dre,
            tipo_operacao=None,
            ativo=dados.ativo,
            criado_em=utcnow(),
        )
    )
    return Categoria(
        id=categoria_id,
        versao=0,
        nome=dados.nome,
        categoria_pai=dados.categoria_pai,
        tipo=dados.tipo,
        entrada_dre=dados.entrada_dre,
        considera_custo_dre=dados.considera_custo_dre,
        codigo=dados.codigo,
        ativo=dados.ativo,
        tipo_operacao=None,
    )


_COLUNAS_LOTE = (
    "id",
    "tenant_id",
    "versao",
    "nome",
    "nome_busca",
    "codigo",
    "categoria_pai",
    "tipo",
    "entrada_dre",
    "considera_custo_dre",
    "tipo_operacao",
    "ativo",
    "criado_em",
)
_INSERIR_LOTE = insert(C).values({name: bindparam(name, type_=C.c[name].type) for name in _COLUNAS_LOTE})


def inserir_lote(session: Session, tenant_id: str, rows: list[dict[str, Any]]) -> None:
    """Bulk insert (the company's default plan): one executemany of a statement built once, on the
    session's connection. Rows carry every column but the tenant and the creation time."""
    criado_em = utcnow()
    write_raw(
        session, _INSERIR_LOTE, [{**row, "tenant_id": tenant_id, "criado_em": criado_em} for row in rows]
    )
