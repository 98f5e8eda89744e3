"""The installment searches (catalog §3.10 "Buscar"): tenant-scoped, SQL only, built for a page of 20 out of
hundreds of thousands of installments.

A search is three statements, each built once per *shape* of search (which optional filters are present,
the order, whether the page seeks from a cursor) with every value a bound parameter:

* the aggregate: `itens_totais` and every `totais` entry in one pass (`count`, conditional `sum`s), never
  a Python loop. Over the default filter it reads `ix_parcelas_busca` only (tenant, kind, due date, seq,
  then what the cancelled filter and the sums need: an index-only scan on both engines);
* the page: a deferred join — the page's `seq`s from the index (`OFFSET` over the index, or from a
  remembered cursor with the OR-expanded keyset predicate `k > :k OR (k = :k AND seq > :s)`, the form
  SQLite seeks with; design/performance.md rule 4), then those rows whole, with the contact's name;
* the page's categories and cost centers (one `UNION ALL` over rateios and their cost-center lines).

What a filter costs to count and where its pages end are remembered per process (`listas.CacheListas`),
keyed by company, financial data version (`financeiro_versoes`, bumped by every financial write:
`repositories.financeiro.nova_versao`), the company's today (the totals and the status filter depend on
it) and the filter. A client walking pages 1, 2, 3… seeks each from where the previous one ended: flat
cost at any depth; a random jump pays the `OFFSET` over the covering index.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from anil.domain.buscas_financeiras import (
    FiltroBusca,
    ItemBusca,
    Referencia,
    Soma,
    TotaisBusca,
)
from anil.domain.financeiro import Situacao
from anil.domain.money import ZERO
from anil.storage.models import Categoria, CentroDeCusto, Parcela, Pessoa, Rateio, RateioCentroCusto
from anil.storage.repositories import financeiro
from anil.storage.repositories.base import TENANT, RawReader, Reader, core, fetch, owned, scope
from anil.storage.repositories.listas import CacheListas, Lista
from anil.storage.types import Money

P = Parcela.__table__
R = Rateio.__table__
RC = RateioCentroCusto.__table__
PESSOAS = Pessoa.__table__
CAT = Categoria.__table__
CC = CentroDeCusto.__table__

_HOJE = bindparam("hoje", type_=Date)


class chave_sql(FunctionElement):
    """`anil_chave(texto)`: the text as `domain.buscas_financeiras.chave_descricao` folds it. A SQL function
    on PostgreSQL (migration 0008), a deterministic Python function on SQLite (`storage.engine`)."""

    type = String()
    inherit_cache = True
    name = "anil_chave"


@compiles(chave_sql)
def _chave_sql(element: chave_sql, compiler: Any, **kw: Any) -> str:
    return f"anil_chave({compiler.process(element.clauses, **kw)})"


def _texto_ordem(column: Any) -> ColumnElement[Any]:
    """Text order the same on both engines: lower-cased ASCII, then code points (`COLLATE "C"` on
    PostgreSQL, whose `lower` then folds ASCII only, as SQLite's does)."""
    return func.lower(_Colado(column))


class _Colado(FunctionElement):
    type = String()
    inherit_cache = True
    name = "colado"


@compiles(_Colado)
def _colado_default(element: _Colado, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_Colado, "postgresql")
def _colado_pg(element: _Colado, compiler: Any, **kw: Any) -> str:
    return f'({compiler.process(element.clauses, **kw)} COLLATE "C")'


def _money(expr: Any) -> Any:
    return type_coerce(expr, Money)


_ORDEM: dict[str, Any] = {
    "data_vencimento": P.c.data_vencimento,
    "data_competencia": P.c.data_competencia,
    "descricao": _texto_ordem(P.c.descricao),
    "valor": P.c.valor_bruto,
}

# ------------------------------------------------------------------------------------- conditions ----

_OPCIONAIS = (
    "competencia_de",
    "competencia_ate",
    "pagamento_de",
    "pagamento_ate",
    "alteracao_de",
    "alteracao_ate",
    "valor_de",
    "valor_ate",
    "descricao",
    "status",
    "contas",
    "categorias",
    "centros",
    "contatos",
)


def _condicao(nome: str) -> ColumnElement[bool]:
    if nome == "competencia_de":
        return P.c.data_competencia >= bindparam(nome, type_=Date)
    if nome == "competencia_ate":
        return P.c.data_competencia <= bindparam(nome, type_=Date)
    if nome == "pagamento_de":
        return P.c.data_pagamento >= bindparam(nome, type_=Date)
    if nome == "pagamento_ate":
        return P.c.data_pagamento <= bindparam(nome, type_=Date)
    if nome == "alteracao_de":
        return P.c.alterado_em >= bindparam(nome, type_=DateTime)
    if nome == "alteracao_ate":
        return P.c.alterado_em < bindparam(nome, type_=DateTime)  # the first instant after the window
    if nome == "valor_de":
        return P.c.valor_bruto >= bindparam(nome, type_=Money)
    if nome == "valor_ate":
        return P.c.valor_bruto <= bindparam(nome, type_=Money)
    if nome == "descricao":
        return chave_sql(P.c.descricao).contains(bindparam(nome, type_=String), autoescape=False)
    if nome == "status":
        return financeiro.status_sql(_HOJE).in_(bindparam(nome, expanding=True))
    if nome == "contas":
        return P.c.conta_financeira_id.in_(bindparam(nome, expanding=True))
    if nome == "contatos":
        return P.c.contato_id.in_(bindparam(nome, expanding=True))
    if nome == "categorias":
        return exists(
            select(literal(1))
            .select_from(R)
            .where(
                owned(R),
                R.c.evento_id == P.c.evento_id,
                R.c.categoria_id.in_(bindparam(nome, expanding=True)),
            )
        )
    if nome == "centros":
        return exists(
            select(literal(1))
            .select_from(RC)
            .where(
                owned(RC),
                RC.c.evento_id == P.c.evento_id,
                RC.c.centro_custo_id.in_(bindparam(nome, expanding=True)),
            )
        )
    raise KeyError(nome)


_EMPRESA_TIPO = (owned(P), P.c.tipo == bindparam("tipo", type_=String))
_DE = P.c.data_vencimento >= bindparam("vencimento_de", type_=Date)
_ATE = P.c.data_vencimento <= bindparam("vencimento_ate", type_=Date)
_NAO_CANCELADA = P.c.situacao != Situacao.CANCELADO.value


def _valores(filtro: FiltroBusca) -> dict[str, Any]:
    """The bound values of a filter's present optional conditions."""
    valores: dict[str, Any] = {}
    for nome in _OPCIONAIS:
        value = getattr(filtro, nome)
        if value is None or value == ():
            continue
        valores[nome] = list(value) if isinstance(value, tuple) else value
    return valores


# ------------------------------------------------------------------------------------- statements ----

_ABERTO = and_(P.c.situacao == Situacao.NORMAL.value, P.c.perda_valor.is_(None), P.c.nao_pago > 0)


def _agregado(conds: list[ColumnElement[bool]]) -> Select:
    """`itens_totais` and the `totais` sums in one statement, in two steps: per due date (the index's own
    order: a streaming group, the few sums each row feeds, no comparison with today per row), then over the
    days, where the split into overdue / due today / pending is made. `Σ valor_pago` over every row is the
    paid total, as nothing pays less than zero."""
    dias = (
        select(
            P.c.data_vencimento.label("d"),
            func.count().label("n"),
            func.sum(P.c.valor_bruto).label("bruto"),
            func.sum(P.c.valor_pago).label("pago"),
            func.count().filter(P.c.valor_pago > 0).label("n_pago"),
            func.sum(P.c.nao_pago).filter(_ABERTO).label("aberto"),
            func.count().filter(_ABERTO).label("n_aberto"),
        )
        .where(*conds)
        .group_by(P.c.data_vencimento)
        .subquery("dias")
    )

    def total(column: Any, cond: ColumnElement[bool] | None = None, money: bool = True) -> Any:
        soma = func.sum(column) if cond is None else func.sum(column).filter(cond)
        soma = func.coalesce(soma, 0)
        return _money(soma) if money else soma

    split = ((dias.c.d < _HOJE), (dias.c.d == _HOJE), (dias.c.d > _HOJE))
    return select(
        total(dias.c.n, money=False),
        total(dias.c.bruto),
        total(dias.c.pago),
        total(dias.c.n_pago, money=False),
        *(
            column
            for cond in split
            for column in (total(dias.c.aberto, cond), total(dias.c.n_aberto, cond, money=False))
        ),
    )


# Column order matters: rows are read by position in `_item()`; the sort key is last.
_COLUNAS = (
    P.c.id,
    P.c.evento_id,
    P.c.descricao,
    P.c.data_vencimento,
    financeiro.status_sql(_HOJE),
    _money(P.c.valor_bruto),
    _money(P.c.valor_pago),
    _money(P.c.nao_pago),
    P.c.criado_em,
    P.c.alterado_em,
    P.c.data_competencia,
    P.c.contato_id,
    PESSOAS.c.nome,
    P.c.seq,
)

_K = bindparam("k_valor")
_K_SEQ = bindparam("k_seq", type_=Integer)
_OFFSET = bindparam("p_offset", type_=Integer)
_LIMIT = bindparam("p_limit", type_=Integer)


def _depois(chave: Any, descendente: bool) -> ColumnElement[bool]:
    """Rows after a cursor `(k, seq)`: `k >= :k AND (k > :k OR seq > :s)`, the OR-expanded keyset predicate
    with its range bound spelled out, which both engines seek the index with (never `(k, seq) > (…)`, which
    SQLite scans)."""
    if descendente:
        return and_(chave <= _K, or_(chave < _K, P.c.seq < _K_SEQ))
    return and_(chave >= _K, or_(chave > _K, P.c.seq > _K_SEQ))


@dataclass(frozen=True)
class _Forma:
    """What a search's statements depend on besides its values."""

    opcionais: tuple[str, ...]
    campo: str
    descendente: bool


class _Statements:
    def __init__(self, forma: _Forma) -> None:
        opcionais = [_condicao(nome) for nome in forma.opcionais]
        conds = [*_EMPRESA_TIPO, _DE, _ATE, _NAO_CANCELADA, *opcionais]
        self.forma = forma
        self.agregado: Select = _agregado(conds)
        chave = _ORDEM[forma.campo]
        ordem = [chave.desc(), P.c.seq.desc()] if forma.descendente else [chave.asc(), P.c.seq.asc()]
        com_pessoa = P.outerjoin(
            PESSOAS, and_(PESSOAS.c.id == P.c.contato_id, PESSOAS.c.tenant_id == P.c.tenant_id)
        )
        self.paginas: dict[bool, Select] = {}
        for cursor in (False, True):
            chaves = select(P.c.seq).where(*conds)
            if cursor:
                # From the cursor on, the cursor is the due-date bound in the direction of the walk (always
                # inside the window): SQLite seeks by one lower bound, the cursor's, not the window's start.
                por_data = forma.campo == "data_vencimento"
                janela = [_DE, _ATE]
                if por_data:
                    janela = [_DE] if forma.descendente else [_ATE]
                chaves = select(P.c.seq).where(
                    *_EMPRESA_TIPO, *janela, _NAO_CANCELADA, *opcionais, _depois(chave, forma.descendente)
                )
            chaves = chaves.order_by(*ordem).offset(_OFFSET).limit(_LIMIT).correlate(None)
            self.paginas[cursor] = (
                select(*_COLUNAS, chave)
                .select_from(com_pessoa)
                .where(P.c.seq.in_(chaves.scalar_subquery()))
                .order_by(*ordem)
            )


_statements: dict[_Forma, _Statements] = {}
_statements_lock = threading.Lock()


def _forma(filtro: FiltroBusca) -> _Statements:
    forma = _Forma(
        tuple(nome for nome in _OPCIONAIS if getattr(filtro, nome) not in (None, ())),
        filtro.campo,
        filtro.descendente,
    )
    found = _statements.get(forma)
    if found is None:
        with _statements_lock:
            found = _statements.get(forma)
            if found is None:
                found = _statements[forma] = _Statements(forma)
    return found


_REFERENCIAS_IDS = bindparam("eventos", expanding=True)


class _SemIndice(FunctionElement):
    """`+column` on SQLite (the documented way to keep a term from choosing the index), the column elsewhere."""

    inherit_cache = True
    name = "sem_indice"

    @property
    def type(self) -> Any:  # type: ignore[override]
        return self.clauses.clauses[0].type


@compiles(_SemIndice)
def _sem_indice_default(element: _SemIndice, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_SemIndice, "sqlite")
def _sem_indice_sqlite(element: _SemIndice, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


def _da_empresa(table: Any) -> ColumnElement[bool]:
    """The tenant door (`owned`) written so that SQLite seeks by event rather than by company: without
    statistics it would rather read the whole company's lines through the (tenant, …) index."""
    return _SemIndice(table.c.tenant_id) == TENANT


_REFERENCIAS = union_all(
    select(
        literal(0).label("tipo"), R.c.evento_id, R.c.posicao, literal(0).label("sub"), CAT.c.id, CAT.c.nome
    )
    .select_from(R.join(CAT, CAT.c.id == R.c.categoria_id))
    .where(_da_empresa(R), R.c.evento_id.in_(_REFERENCIAS_IDS)),
    select(literal(1), RC.c.evento_id, RC.c.rateio_seq, RC.c.posicao, CC.c.id, CC.c.nome)
    .select_from(RC.join(CC, CC.c.id == RC.c.centro_custo_id))
    .where(_da_empresa(RC), RC.c.evento_id.in_(_REFERENCIAS_IDS)),
)
_REFERENCIAS_ORDENADAS = select(_REFERENCIAS.subquery()).order_by("tipo", "evento_id", "posicao", "sub")


def _ler(reader: Reader, stmt: Select, params: dict[str, Any]) -> Sequence[Any]:
    """Rows of a statement built once. On asyncpg (PostgreSQL's read path) the fast path, which applies the
    bind processors and expands `IN` lists; a sync raw reader hands the driver values as they are (no
    dates, decimals or lists), so there the statement runs through Core (compiled once, cached)."""
    if isinstance(reader, RawReader):
        return core(reader).execute(stmt, params).all()
    return fetch(reader, stmt, params)


# ------------------------------------------------------------------------------------------ cache ----

CURSORES_POR_BUSCA = 10_000  # page ends remembered per filter, the latest (a forward walk needs the last)


@dataclass
class _Busca(Lista):
    """A filter's facts at one data version and today: the total, the totals and where pages end."""

    totais: TotaisBusca | None = None
    cursores: OrderedDict[tuple[int, int], tuple[Any, int]] = field(default_factory=OrderedDict)

    def cursor(self, tamanho: int, pagina: int) -> tuple[Any, int] | None:
        """Where page `pagina − 1` of this size ended, if a previous request read it."""
        return self.cursores.get((tamanho, pagina - 1))

    def lembrar(self, tamanho: int, pagina: int, fim: tuple[Any, int]) -> None:
        self.cursores[(tamanho, pagina)] = fim
        while len(self.cursores) > CURSORES_POR_BUSCA:
            self.cursores.popitem(last=False)


_cache = CacheListas(size=1024)


def _totais(row: Sequence[Any]) -> tuple[int, TotaisBusca]:
    total, todos, *resto = row
    somas = [Soma(resto[i] if resto[i] is not None else ZERO, int(resto[i + 1])) for i in range(0, 8, 2)]
    return int(total), TotaisBusca(
        pago=somas[0],
        vencido=somas[1],
        vence_hoje=somas[2],
        pendente=somas[3],
        todos=Soma(todos if todos is not None else ZERO, int(total)),
    )


def agregar(reader: Reader, tenant_id: str, filtro: FiltroBusca, hoje: date) -> tuple[int, TotaisBusca]:
    """`itens_totais` and `totais` of a filter, computed now (no cache): one aggregate statement."""
    stmts = _forma(filtro)
    params = scope(tenant_id, tipo=filtro.tipo.value, vencimento_de=filtro.vencimento_de,
                   vencimento_ate=filtro.vencimento_ate, hoje=hoje, **_valores(filtro))  # fmt: skip
    return _totais(_ler(reader, stmts.agregado, params)[0])


def pagina_sql(
    reader: Reader,
    tenant_id: str,
    filtro: FiltroBusca,
    hoje: date,
    offset: int,
    limit: int,
    cursor: tuple[Any, int] | None = None,
) -> list[tuple[Any, ...]]:
    """One page's rows (each ends with its sort key), from `offset` or after `cursor`; no cache."""
    stmts = _forma(filtro)
    params = scope(tenant_id, tipo=filtro.tipo.value, vencimento_de=filtro.vencimento_de,
                   vencimento_ate=filtro.vencimento_ate, hoje=hoje, p_offset=offset, p_limit=limit,
                   **_valores(filtro))  # fmt: skip
    if cursor is not None:
        params.update(k_valor=cursor[0], k_seq=cursor[1], p_offset=0)
    stmt = stmts.paginas[cursor is not None]
    return list(_ler(reader, stmt, params))


def referencias(
    reader: Reader, tenant_id: str, evento_ids: Sequence[str]
) -> tuple[dict[str, list[Referencia]], dict[str, list[Referencia]]]:
    """Categories and cost centers of these events, each once per event, in rateio order."""
    categorias: dict[str, list[Referencia]] = {}
    centros: dict[str, list[Referencia]] = {}
    if not evento_ids:
        return categorias, centros
    rows = _ler(reader, _REFERENCIAS_ORDENADAS, scope(tenant_id, eventos=list(evento_ids)))
    for tipo, evento_id, _posicao, _sub, ref_id, nome in rows:
        destino = (centros if tipo else categorias).setdefault(evento_id, [])
        if all(ref.id != ref_id for ref in destino):
            destino.append(Referencia(ref_id, nome))
    return categorias, centros


def _item(row: Sequence[Any]) -> ItemBusca:
    contato = Referencia(row[11], row[12] or "") if row[11] is not None else None
    return ItemBusca(
        id=row[0],
        evento_id=row[1],
        descricao=row[2],
        data_vencimento=row[3],
        status=row[4],
        total=row[5],
        pago=row[6],
        nao_pago=row[7],
        criado_em=row[8],
        alterado_em=row[9],
        data_competencia=row[10],
        contato=contato,
    )


def buscar(
    reader: Reader, tenant_id: str, filtro: FiltroBusca, hoje: date, pagina: int, tamanho: int
) -> tuple[int, TotaisBusca, list[ItemBusca]]:
    """(itens_totais, totais, one page of items) of a search, with the per-process cache."""
    chave = (tenant_id, financeiro.versao(reader, tenant_id), hoje, filtro)

    def calcular() -> _Busca:
        found = _cache.get(chave)
        if found is None:
            total, totais = agregar(reader, tenant_id, filtro, hoje)
            found = _Busca(total, totais=totais)
            _cache.put(chave, found)
        return found  # type: ignore[return-value]

    busca = _cache.get(chave) or _cache.uma_vez(reader, ("busca", chave), calcular)
    assert isinstance(busca, _Busca) and busca.totais is not None
    offset = (pagina - 1) * tamanho
    if offset >= busca.total:
        return busca.total, busca.totais, []
    cursor = busca.cursor(tamanho, pagina) if pagina > 1 else None
    rows = pagina_sql(reader, tenant_id, filtro, hoje, offset, tamanho, cursor)
    if rows:
        busca.lembrar(tamanho, pagina, (rows[-1][-1], rows[-1][13]))
    itens = [_item(row) for row in rows]
    categorias, centros = referencias(
        reader, tenant_id, list(dict.fromkeys(item.evento_id for item in itens))
    )
    for item in itens:
        item.categorias = categorias.get(item.evento_id, [])
        item.centros = centros.get(item.evento_id, [])
    return busca.total, busca.totais, itens
