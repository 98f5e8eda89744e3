"""Orçamentos, tenant-scoped (every statement starts at the tenant door in `base`).

`maior_numero_orcamento` is the proposals' half of the sales counter (`GET /v1/venda/proximo-numero`
combines it with the sales' own maximum; `proximo_numero` here does the same for a new proposal).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, insert, or_, select
from sqlalchemy.orm import Session

from anil.domain.orcamentos import (
    RECUSADO,
    ClienteResumo,
    FiltroOrcamentos,
    ItemRegistro,
    OrcamentoRegistro,
    OrcamentoValido,
)
from anil.storage.models import Empresa, Orcamento, OrcamentoItem, Pessoa, Produto, Servico, Venda, Vendedor
from anil.storage.repositories.base import Reader, core, scoped_delete, scoped_select, scoped_update

OR = Orcamento.__table__
OI = OrcamentoItem.__table__
P = Pessoa.__table__
PR = Produto.__table__
S = Servico.__table__
V = Venda.__table__
VD = Vendedor.__table__
E = Empresa.__table__

_COLUNAS = (
    OR.c.id,
    OR.c.numero,
    OR.c.situacao,
    OR.c.versao,
    OR.c.origem,
    OR.c.cliente_id,
    OR.c.vendedor_id,
    OR.c.contrato_id,
    OR.c.data_orcamento,
    OR.c.data_validade,
    OR.c.descricao,
    OR.c.previsao_entrega,
    OR.c.observacoes,
    OR.c.observacoes_pagamento,
    OR.c.itens_tipo,
    OR.c.desconto_tipo,
    OR.c.desconto_taxa,
    OR.c.frete,
    OR.c.total,
    OR.c.criado_em,
    OR.c.alterado_em,
)
_CLIENTE = (P.c.id, P.c.nome, P.c.email)


def _registro(row: Sequence[Any]) -> OrcamentoRegistro:
    campos = list(row[: len(_COLUNAS)])
    cliente_id, nome, email = row[len(_COLUNAS) :] if len(row) > len(_COLUNAS) else (None, None, None)
    registro = OrcamentoRegistro(*campos)
    registro.cliente = ClienteResumo(registro.id_cliente, nome, email) if cliente_id is not None else None
    return registro


# ------------------------------------------------------------------------------------- numbering ----


def maior_numero_orcamento(reader: Reader, tenant_id: str) -> int | None:
    """The largest `numero` among the company's proposals (None when it has none): the proposals' half
    of the sales counter shared with `GET /v1/venda/proximo-numero`."""
    return core(reader).execute(scoped_select(OR, tenant_id, func.max(OR.c.numero))).scalar()


def _maior_numero_venda(reader: Reader, tenant_id: str) -> int | None:
    stmt = scoped_select(V, tenant_id, func.max(V.c.numero)).where(V.c.excluida.is_(False))
    return core(reader).execute(stmt).scalar()


def proximo_numero(session: Session, tenant_id: str) -> int:
    """max(sales not deleted, proposals) + 1, under the lock on the company's row the sales take too
    (PostgreSQL `FOR NO KEY UPDATE`, as `repositories.vendas.bloquear_numeracao`, so rows referencing the
    company do not wait for it) so that two proposals created at once never share a number (SQLite has one
    writer)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(E.c.id).where(E.c.id == tenant_id).with_for_update(key_share=True))
    maiores = [
        n for n in (maior_numero_orcamento(session, tenant_id), _maior_numero_venda(session, tenant_id)) if n
    ]
    return max(maiores, default=0) + 1


# ----------------------------------------------------------------------------------- references ----


def cliente_existe(reader: Reader, tenant_id: str, cliente_id: str) -> bool:
    stmt = scoped_select(P, tenant_id, P.c.id).where(P.c.id == cliente_id)
    return core(reader).execute(stmt).first() is not None


def vendedor_existe(reader: Reader, tenant_id: str, vendedor_id: str) -> bool:
    stmt = scoped_select(VD, tenant_id, VD.c.id).where(VD.c.id == vendedor_id)
    return core(reader).execute(stmt).first() is not None


def vendedor_padrao(reader: Reader, tenant_id: str) -> str | None:
    """The company's first seller in the sellers list's order (name, then creation), if any."""
    stmt = scoped_select(VD, tenant_id, VD.c.id).order_by(VD.c.nome_busca, VD.c.seq).limit(1)
    return core(reader).execute(stmt).scalar()


def itens_catalogo(
    reader: Reader, tenant_id: str, ids: Sequence[str]
) -> dict[str, tuple[str, str, str | None, Any]]:
    """`id → (tipo, nome, descricao, custo)` for the company's products and services (not deleted) among
    `ids`."""
    conn = core(reader)
    encontrados: dict[str, tuple[str, str, str | None, Any]] = {}
    lista = list(set(ids))
    produtos = scoped_select(PR, tenant_id, PR.c.id, PR.c.nome, PR.c.descricao, PR.c.custo_medio).where(
        PR.c.id.in_(lista)
    )
    for pid, nome, descricao, custo in conn.execute(produtos):
        encontrados[pid] = ("PRODUTO", nome, descricao, custo)
    faltam = [i for i in lista if i not in encontrados]
    if faltam:
        servicos = scoped_select(S, tenant_id, S.c.id, S.c.descricao, S.c.custo).where(
            S.c.id.in_(faltam), S.c.excluido_em.is_(None)
        )
        for sid, descricao, custo in conn.execute(servicos):
            encontrados[sid] = ("SERVICO", descricao, None, custo)
    return encontrados


# ---------------------------------------------------------------------------------------- writes ----


def inserir(
    session: Session,
    tenant_id: str,
    orcamento_id: str,
    numero: int,
    dados: OrcamentoValido,
    vendedor_id: str | None,
    itens: Sequence[ItemRegistro],
    itens_tipo: str,
    agora: datetime,
) -> None:
    session.execute(
        insert(OR).values(
            id=orcamento_id,
            tenant_id=tenant_id,
            numero=numero,
            situacao="ORCAMENTO",
            versao=0,
            origem="API",
            cliente_id=dados.id_cliente,
            vendedor_id=vendedor_id,
            data_orcamento=dados.data_orcamento,
            data_validade=dados.data_validade,
            descricao=dados.descricao,
            previsao_entrega=dados.previsao_entrega,
            observacoes=dados.observacoes,
            observacoes_pagamento=dados.observacoes_pagamento,
            itens_tipo=itens_tipo,
            desconto_tipo=dados.desconto_tipo,
            desconto_taxa=dados.desconto_taxa,
            valor_bruto=dados.valor_bruto,
            desconto=dados.desconto,
            frete=dados.frete,
            total=dados.total,
            criado_em=agora,
            alterado_em=agora,
        )
    )
    session.execute(
        insert(OI),
        [
            {
                "tenant_id": tenant_id,
                "orcamento_id": orcamento_id,
                "posicao": posicao,
                "item_id": item.item_id,
                "tipo": item.tipo,
                "nome": item.nome,
                "descricao": item.descricao,
                "quantidade": item.quantidade,
                "valor": item.valor,
                "custo": item.custo,
            }
            for posicao, item in enumerate(itens)
        ],
    )


def excluir(session: Session, tenant_id: str, ids: Sequence[str]) -> int:
    """Physical delete of the company's proposals among `ids` (their lines first); returns how many."""
    session.execute(scoped_delete(OI, tenant_id).where(OI.c.orcamento_id.in_(list(ids))))
    return session.execute(scoped_delete(OR, tenant_id).where(OR.c.id.in_(list(ids)))).rowcount


def mudar_situacao(
    session: Session, tenant_id: str, orcamento_id: str, situacao: str, agora: datetime
) -> None:
    session.execute(
        scoped_update(OR, tenant_id)
        .where(OR.c.id == orcamento_id)
        .values(situacao=situacao, versao=OR.c.versao + 1, alterado_em=agora)
    )


# ----------------------------------------------------------------------------------------- reads ----


def _com_cliente(tenant_id: str, *colunas: Any) -> Any:
    juncao = OR.outerjoin(P, and_(P.c.id == OR.c.cliente_id, P.c.tenant_id == tenant_id))
    return select(*colunas).select_from(juncao).where(OR.c.tenant_id == tenant_id)


def por_id(
    reader: Reader, tenant_id: str, orcamento_id: str, *, travar: bool = False
) -> OrcamentoRegistro | None:
    conn = core(reader)
    stmt = _com_cliente(tenant_id, *_COLUNAS, *_CLIENTE).where(OR.c.id == orcamento_id)
    if travar and conn.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=OR)
    row = conn.execute(stmt).first()
    if row is None:
        return None
    registro = _registro(row)
    itens = scoped_select(
        OI,
        tenant_id,
        OI.c.item_id,
        OI.c.tipo,
        OI.c.nome,
        OI.c.descricao,
        OI.c.quantidade,
        OI.c.valor,
        OI.c.custo,
    )
    registro.itens = [
        ItemRegistro(*item)
        for item in conn.execute(itens.where(OI.c.orcamento_id == orcamento_id).order_by(OI.c.posicao))
    ]
    return registro


def _condicoes(tenant_id: str, f: FiltroOrcamentos) -> list[Any]:
    conds: list[Any] = []
    if f.termo is not None:
        termo = P.c.nome_busca.contains(f.termo, autoescape=True) if f.termo else None
        por_numero = OR.c.numero == f.numero_termo if f.numero_termo is not None else None
        alternativas = [c for c in (termo, por_numero) if c is not None]
        conds.append(or_(*alternativas) if alternativas else OR.c.seq.is_(None))
    if f.data_inicio is not None:
        conds.append(OR.c.data_orcamento.between(f.data_inicio, f.data_fim))
    if f.criacao_de is not None:
        conds += [OR.c.criado_em >= f.criacao_de, OR.c.criado_em < f.criacao_ate]
    if f.alteracao_de is not None:
        conds += [OR.c.alterado_em >= f.alteracao_de, OR.c.alterado_em < f.alteracao_ate]
    if f.ids_vendedores:
        conds.append(OR.c.vendedor_id.in_(f.ids_vendedores))
    if f.ids_clientes:
        conds.append(OR.c.cliente_id.in_(f.ids_clientes))
    if f.ids_natureza_operacao:
        conds.append(OR.c.natureza_operacao_id.in_(f.ids_natureza_operacao))
    if f.ids_categorias:
        conds.append(OR.c.categoria_id.in_(f.ids_categorias))
    if f.situacoes:
        conds.append(OR.c.situacao.in_(f.situacoes))
    if f.origens:
        conds.append(OR.c.origem.in_(f.origens))
    if f.numeros:
        conds.append(OR.c.numero.in_(f.numeros))
    if f.ids_legado_clientes:
        conds.append(P.c.seq.in_(f.ids_legado_clientes))
    if f.ids_legado_donos:
        donos = scoped_select(VD, tenant_id, VD.c.id).where(VD.c.seq.in_(f.ids_legado_donos))
        conds.append(OR.c.vendedor_id.in_(donos.scalar_subquery()))
    if f.ids_produtos or f.ids_legado_produtos:
        itens = scoped_select(OI, tenant_id, OI.c.orcamento_id)
        if f.ids_produtos:
            itens = itens.where(OI.c.item_id.in_(f.ids_produtos))
        if f.ids_legado_produtos:
            legado = scoped_select(PR, tenant_id, PR.c.id).where(PR.c.seq.in_(f.ids_legado_produtos))
            itens = itens.where(OI.c.item_id.in_(legado.scalar_subquery()))
        conds.append(OR.c.id.in_(itens.scalar_subquery()))
    return conds


_ORDEM = {"DATA": (OR.c.data_orcamento,), "NUMERO": (), "CLIENTE": (P.c.nome_busca,)}


def listar(
    reader: Reader, tenant_id: str, f: FiltroOrcamentos, offset: int, limit: int, *, contar_recusados: bool
) -> tuple[int, list[OrcamentoRegistro]]:
    """The page of proposals matching `f`, and `total_itens`: those that match, minus the refused ones
    unless `contar_recusados` (production's count leaves them out, choice `orcamento-total-itens`)."""
    conn = core(reader)
    conds = _condicoes(tenant_id, f)
    contagem = _com_cliente(tenant_id, func.count()).where(*conds)
    if not contar_recusados:
        contagem = contagem.where(OR.c.situacao != RECUSADO)
    total = conn.execute(contagem).scalar_one()
    chaves = (*_ORDEM[f.campo_ordenacao], OR.c.numero, OR.c.seq)
    ordem = [c.asc() if f.ascendente else c.desc() for c in chaves]
    stmt = (
        _com_cliente(tenant_id, *_COLUNAS, *_CLIENTE)
        .where(*conds)
        .order_by(*ordem)
        .offset(offset)
        .limit(limit)
    )
    return total, [_registro(row) for row in conn.execute(stmt)]
