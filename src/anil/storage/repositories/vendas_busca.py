"""The sales search (catalog §3.4 `…/venda/busca`) and the reads of the sale PDF: tenant-scoped, SQL only.

A search is three statements built per request from `scoped_select` (the filter decides their shape):

* the aggregate: `total_itens` and the `totais`/`quantidades` blocks in one pass (`count` and conditional
  `sum`s per situation over the filter without the `totais` tab, plus the count of the tab itself);
* the page: the sales of the filter and the tab in the asked order, with the client's contact and main
  address (outer joins: a client deleted since answers with its id only);
* the page's line kinds (products/kits vs services), grouped per sale.

Logically deleted sales (`excluida`, `POST /v1/venda/exclusao-lote`) never appear.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, literal, or_, select, type_coerce

from anil.domain import vendas_busca as regras
from anil.domain.money import ZERO
from anil.domain.vendas_busca import (
    ClienteVenda,
    FiltroVendas,
    ItemVenda,
    Quantidades,
    ResultadoVendas,
    Totais,
)
from anil.storage.models import (
    Categoria,
    Empresa,
    Pessoa,
    PessoaEndereco,
    Produto,
    Venda,
    VendaItem,
    VendaParcela,
    Vendedor,
)
from anil.storage.repositories.base import Reader, core, scoped_select
from anil.storage.types import Money

V = Venda.__table__
VI = VendaItem.__table__
VP = VendaParcela.__table__
P = Pessoa.__table__
E = PessoaEndereco.__table__
VEND = Vendedor.__table__
PROD = Produto.__table__
CAT = Categoria.__table__
EMP = Empresa.__table__


def _contem(column: Any, texto: str) -> ColumnElement[bool]:
    escaped = texto.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def _legados(table: Any, tenant_id: str, seqs: tuple[int, ...]) -> Any:
    """The uuids of the company's rows of `table` with those legacy ids (`seq`)."""
    return scoped_select(table, tenant_id, table.c.id).where(table.c.seq.in_(list(seqs))).scalar_subquery()


def _com_linha(tenant_id: str, cond: ColumnElement[bool]) -> ColumnElement[bool]:
    """The sale has a line matching `cond`."""
    return exists(scoped_select(VI, tenant_id, literal(1)).where(VI.c.venda_id == V.c.id, cond).correlate(V))


def _condicoes(tenant_id: str, filtro: FiltroVendas) -> list[ColumnElement[bool]]:
    """Every condition of the filter except the `totais` tab (the tenant door comes with `scoped_select`)."""
    conds: list[ColumnElement[bool]] = [V.c.excluida.is_(False)]
    if filtro.termo is not None:
        opcoes: list[ColumnElement[bool]] = []
        folded = regras.chave_termo(filtro.termo)
        if folded:
            opcoes.append(_contem(P.c.nome_busca, folded))
        texto = filtro.termo.strip().lower()
        if texto:
            opcoes.append(_contem(func.lower(P.c.email), texto))
        numero = regras.numero_termo(filtro.termo)
        if numero is not None:
            opcoes.append(V.c.numero == numero)
        conds.append(or_(*opcoes) if opcoes else literal(True))
    if filtro.data_inicio is not None:
        conds.append(V.c.data_venda >= filtro.data_inicio)
    if filtro.data_fim is not None:
        conds.append(V.c.data_venda <= filtro.data_fim)
    if filtro.criacao_de is not None:
        conds.append(V.c.criado_em >= filtro.criacao_de)
    if filtro.criacao_ate is not None:
        conds.append(V.c.criado_em < filtro.criacao_ate)
    if filtro.alteracao_de is not None:
        conds.append(V.c.alterado_em >= filtro.alteracao_de)
    if filtro.alteracao_ate is not None:
        conds.append(V.c.alterado_em < filtro.alteracao_ate)
    if filtro.vendedores:
        conds.append(V.c.vendedor_id.in_(list(filtro.vendedores)))
    if filtro.legado_vendedores:
        conds.append(V.c.vendedor_id.in_(_legados(VEND, tenant_id, filtro.legado_vendedores)))
    if filtro.clientes:
        conds.append(V.c.cliente_id.in_(list(filtro.clientes)))
    if filtro.legado_clientes:
        conds.append(V.c.cliente_id.in_(_legados(P, tenant_id, filtro.legado_clientes)))
    if filtro.naturezas:
        conds.append(V.c.natureza_operacao_id.in_(list(filtro.naturezas)))
    if filtro.situacoes:
        conds.append(V.c.situacao.in_(list(filtro.situacoes)))
    if filtro.tipos:
        conds.append(func.upper(V.c.tipo).in_([t.upper() for t in filtro.tipos]))
    if filtro.origens:
        conds.append(func.upper(V.c.origem).in_([o.upper() for o in filtro.origens]))
    if filtro.numeros:
        conds.append(V.c.numero.in_(list(filtro.numeros)))
    if filtro.categorias:
        conds.append(V.c.categoria_id.in_(list(filtro.categorias)))
    if filtro.legado_categorias:
        conds.append(V.c.categoria_id.in_(_legados(CAT, tenant_id, filtro.legado_categorias)))
    if filtro.produtos:
        conds.append(_com_linha(tenant_id, VI.c.item_id.in_(list(filtro.produtos))))
    if filtro.legado_produtos:
        conds.append(
            _com_linha(tenant_id, VI.c.item_id.in_(_legados(PROD, tenant_id, filtro.legado_produtos)))
        )
    if filtro.pendente is True:
        conds.append(V.c.pendencia != "NENHUMA")
    elif filtro.pendente is False:
        conds.append(V.c.pendencia == "NENHUMA")
    return conds


def _com_cliente(tenant_id: str) -> Any:
    """Sales with their client (outer: a client deleted since still lets the sale be listed)."""
    return V.outerjoin(P, and_(P.c.id == V.c.cliente_id, P.c.tenant_id == tenant_id))


def _money(expr: Any) -> Any:
    return type_coerce(func.coalesce(expr, 0), Money)


_ESPERANDO = (regras.EM_ANDAMENTO,)
_APROVADAS = (regras.APROVADO, regras.FATURADO)
_CANCELADAS = (regras.CANCELADO,)


def _agregado(tenant_id: str, filtro: FiltroVendas, conds: list[ColumnElement[bool]]) -> Any:
    def soma(situacoes: tuple[str, ...] | None) -> Any:
        valor = V.c.valor_liquido
        if situacoes is None:
            return _money(func.sum(valor))
        return _money(func.sum(case((V.c.situacao.in_(situacoes), valor), else_=None)))

    def conta(situacoes: tuple[str, ...] | None) -> Any:
        if situacoes is None:
            return func.count()
        return func.coalesce(func.sum(case((V.c.situacao.in_(situacoes), 1), else_=0)), 0)

    return (
        scoped_select(V, tenant_id)
        .with_only_columns(
            conta(filtro.totais),
            soma(None),
            soma(_APROVADAS),
            soma(_CANCELADAS),
            soma(_ESPERANDO),
            conta(None),
            conta(_APROVADAS),
            conta(_CANCELADAS),
            conta(_ESPERANDO),
        )
        .select_from(_com_cliente(tenant_id))
        .where(*conds)
    )


def _ordem(filtro: FiltroVendas) -> list[Any]:
    """NUMERO: number, then creation; DATA: sale date, then number; CLIENTE: the client's name (folded),
    then date and number; the direction applies to every key (choice `venda-busca-ordenacao`)."""
    nome = func.coalesce(P.c.nome_busca, "")
    chaves = {
        "NUMERO": [V.c.numero, V.c.seq],
        "DATA": [V.c.data_venda, V.c.numero, V.c.seq],
        "CLIENTE": [nome, V.c.data_venda, V.c.numero, V.c.seq],
    }[filtro.campo]
    return [k.desc() if filtro.descendente else k.asc() for k in chaves]


_COLUNAS = (
    V.c.id,
    V.c.seq,
    V.c.numero,
    V.c.valor_liquido,
    V.c.data_venda,
    V.c.criado_em,
    V.c.alterado_em,
    V.c.tipo,
    V.c.situacao,
    V.c.versao,
    V.c.contrato_id,
    V.c.origem,
    V.c.cliente_id,
    P.c.nome,
    P.c.email,
    P.c.telefone_celular,
    P.c.telefone_comercial,
    E.c.logradouro,
    E.c.numero,
    E.c.complemento,
    E.c.cidade,
    E.c.estado,
    E.c.pais,
    E.c.cep,
)


def _pagina(
    tenant_id: str, filtro: FiltroVendas, conds: list[ColumnElement[bool]], offset: int, limit: int
) -> Any:
    principal = and_(E.c.pessoa_seq == P.c.seq, E.c.tenant_id == tenant_id, E.c.posicao == 0)
    stmt = (
        scoped_select(V, tenant_id)
        .with_only_columns(*_COLUNAS)
        .select_from(_com_cliente(tenant_id).outerjoin(E, principal))
        .where(*conds)
    )
    if filtro.totais is not None:
        stmt = stmt.where(V.c.situacao.in_(list(filtro.totais)))
    return stmt.order_by(*_ordem(filtro)).offset(offset).limit(limit)


def _tipos_linhas(tenant_id: str, vendas: list[str]) -> Any:
    servico = case((VI.c.tipo == "SERVICO", 1), else_=0)
    return (
        scoped_select(VI, tenant_id, VI.c.venda_id, func.count(), func.sum(servico))
        .where(VI.c.venda_id.in_(vendas))
        .group_by(VI.c.venda_id)
    )


def _parcelas_por_venda(tenant_id: str, vendas: list[str]) -> Any:
    return (
        scoped_select(VP, tenant_id, VP.c.venda_id, func.count())
        .where(VP.c.venda_id.in_(vendas))
        .group_by(VP.c.venda_id)
    )


def _endereco(logradouro: str | None, numero: str | None, complemento: str | None) -> str | None:
    partes = [p for p in (logradouro, numero) if p]
    texto = ", ".join(partes)
    if complemento:
        texto = f"{texto} - {complemento}" if texto else complemento
    return texto or None


def _cep(cep: str | None) -> str | None:
    """`13010000` → `13010-000` (the provider's example); anything else as stored."""
    if cep and len(cep) == 8 and cep.isdigit():
        return f"{cep[:5]}-{cep[5:]}"
    return cep


def _item(row: Any, linhas: dict[str, tuple[int, int]], parcelas: dict[str, int]) -> ItemVenda:
    total_linhas, servicos = linhas.get(row[0], (0, 0))
    return ItemVenda(
        id=row[0],
        id_legado=row[1],
        numero=row[2],
        total=row[3],
        data=row[4],
        criado_em=row[5],
        alterado_em=row[6],
        tipo=row[7],
        itens=regras.tipo_itens(total_linhas - servicos, servicos),
        condicao_pagamento=parcelas.get(row[0], 0) > 0,
        situacao=row[8],
        versao=row[9],
        id_contrato=row[10],
        origem=row[11],
        cliente=ClienteVenda(
            id=row[12],
            nome=row[13],
            email=row[14],
            telefone=row[15] or row[16],
            endereco=_endereco(row[17], row[18], row[19]),
            cidade=row[20],
            estado=row[21],
            pais=row[22],
            cep=_cep(row[23]),
        ),
    )


def buscar(
    reader: Reader, tenant_id: str, filtro: FiltroVendas, pagina: int, tamanho: int
) -> ResultadoVendas:
    conn = core(reader)
    conds = _condicoes(tenant_id, filtro)
    agregado = conn.execute(_agregado(tenant_id, filtro, conds)).first()
    total_itens = int(agregado[0] or 0)
    totais = Totais(
        total=agregado[1] or ZERO,
        aprovado=agregado[2] or ZERO,
        cancelado=agregado[3] or ZERO,
        esperando_aprovacao=agregado[4] or ZERO,
    )
    quantidades = Quantidades(*(int(v or 0) for v in agregado[5:9]))
    offset = (pagina - 1) * tamanho
    itens: list[ItemVenda] = []
    if offset < total_itens:
        rows = conn.execute(_pagina(tenant_id, filtro, conds, offset, tamanho)).all()
        ids = [row[0] for row in rows]
        linhas = {
            r[0]: (int(r[1]), int(r[2] or 0)) for r in conn.execute(_tipos_linhas(tenant_id, ids)).all()
        }
        parcelas = {r[0]: int(r[1]) for r in conn.execute(_parcelas_por_venda(tenant_id, ids)).all()}
        itens = [_item(row, linhas, parcelas) for row in rows]
    return ResultadoVendas(total_itens, totais, quantidades, itens)


# ------------------------------------------------------------------------------------------ PDF ----


def venda_para_documento(reader: Reader, tenant_id: str, id_ou_legado: str | int) -> dict[str, Any] | None:
    """Everything the sale PDF prints, or None when the company has no such sale (deleted ones included:
    `GET /v1/venda/{id}` still answers them). `id_ou_legado`: the uuid (str) or the legacy id (int).
    Runs on a Session (`routing.read`)."""
    conn = core(reader)
    chave = V.c.seq == id_ou_legado if isinstance(id_ou_legado, int) else V.c.id == id_ou_legado
    venda = conn.execute(scoped_select(V, tenant_id).where(chave)).mappings().first()
    if venda is None:
        return None
    empresa = conn.execute(select(EMP).where(EMP.c.id == tenant_id)).mappings().one()
    cliente = (
        conn.execute(scoped_select(P, tenant_id).where(P.c.id == venda["cliente_id"])).mappings().first()
    )
    endereco = None
    if cliente is not None:
        endereco = (
            conn.execute(
                scoped_select(E, tenant_id)
                .where(E.c.pessoa_seq == cliente["seq"])
                .order_by(E.c.posicao)
                .limit(1)
            )
            .mappings()
            .first()
        )
    vendedor = None
    if venda["vendedor_id"] is not None:
        vendedor = conn.execute(
            scoped_select(VEND, tenant_id, VEND.c.nome).where(VEND.c.id == venda["vendedor_id"])
        ).scalar()
    linhas = (
        conn.execute(
            scoped_select(VI, tenant_id).where(VI.c.venda_id == venda["id"]).order_by(VI.c.posicao, VI.c.seq)
        )
        .mappings()
        .all()
    )
    parcelas = (
        conn.execute(
            scoped_select(VP, tenant_id).where(VP.c.venda_id == venda["id"]).order_by(VP.c.numero, VP.c.seq)
        )
        .mappings()
        .all()
    )
    return {
        "venda": dict(venda),
        "empresa": dict(empresa),
        "cliente": dict(cliente) if cliente is not None else None,
        "endereco": dict(endereco) if endereco is not None else None,
        "vendedor": vendedor,
        "itens": [dict(linha) for linha in linhas],
        "parcelas": [dict(parcela) for parcela in parcelas],
    }
