"""Tenant-scoped reads and writes of installments (catalog §3.10): the detail, the event's installments,
the event summary they embed, and the optimistic-locked PATCH.

Reads are statements built once (`owned()`), run with `fetch` (the raw fast path when the caller gives a
raw reader): one statement for the installments with their accounts, one for the event, one for its
rateio, one for the rateio's cost centers. Writes run inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, select, update

from anil.domain.baixas import ParcelaEstado, ParcelaValida
from anil.domain.contas import ComposicaoValor, ContaRegistro
from anil.domain.financeiro import SaldoParcela
from anil.domain.parcelas import CentroRateio, EventoResumo, ParcelaRegistro, RateioLinha
from anil.storage.models import (
    Categoria,
    CentroDeCusto,
    ContaFinanceira,
    EventoFinanceiro,
    Parcela,
    Rateio,
    RateioCentroCusto,
)
from anil.storage.repositories.base import Reader, fetch, owned, scope, write_raw

P = Parcela.__table__
C = ContaFinanceira.__table__
E = EventoFinanceiro.__table__
R = Rateio.__table__
RC = RateioCentroCusto.__table__
CAT = Categoria.__table__
CC = CentroDeCusto.__table__

# The account columns `ContaRegistro` is built from, in its field order.
COLUNAS_CONTA = (
    C.c.seq,
    C.c.id,
    C.c.nome,
    C.c.tipo,
    C.c.banco,
    C.c.codigo_banco,
    C.c.agencia,
    C.c.numero,
    C.c.ativo,
    C.c.conta_padrao,
    C.c.possui_config_boleto_bancario,
    C.c.saldo_inicial,
    C.c.data_saldo_inicial,
)


def conta_de(values: Sequence[Any]) -> ContaRegistro | None:
    """The account of a LEFT JOIN (None when the row has none)."""
    return ContaRegistro(*values) if values[1] is not None else None


_COLUNAS_PARCELA = (
    P.c.id,
    P.c.evento_id,
    P.c.tipo,
    P.c.versao,
    P.c.indice,
    P.c.conciliado,
    P.c.situacao,
    P.c.valor_bruto,
    P.c.juros,
    P.c.multa,
    P.c.desconto,
    P.c.taxa,
    P.c.valor_pago,
    P.c.nao_pago,
    P.c.data_pagamento,
    P.c.perda_data,
    P.c.perda_valor,
    P.c.data_vencimento,
    P.c.data_pagamento_previsto,
    P.c.descricao,
    P.c.nota,
    P.c.conta_financeira_id,
    P.c.metodo_pagamento,
    P.c.nsu,
    P.c.baixa_agendada,
    P.c.alterado_em,
)
_N = len(_COLUNAS_PARCELA)
_COM_CONTA = P.outerjoin(C, and_(C.c.id == P.c.conta_financeira_id, C.c.tenant_id == P.c.tenant_id))


def _parcela(row: Sequence[Any]) -> ParcelaRegistro:
    (
        id_,
        evento_id,
        tipo,
        versao,
        indice,
        conciliado,
        situacao,
        bruto,
        juros,
        multa,
        desconto,
        taxa,
        pago,
        nao_pago,
        data_pagamento,
        perda_data,
        perda_valor,
        vencimento,
        previsto,
        descricao,
        nota,
        conta_id,
        metodo,
        nsu,
        agendada,
        alterado_em,
    ) = row[:_N]
    return ParcelaRegistro(
        id=id_,
        evento_id=evento_id,
        tipo=tipo,
        versao=versao,
        indice=indice,
        conciliado=bool(conciliado),
        situacao=situacao,
        composicao=ComposicaoValor(bruto, juros, multa, desconto, taxa),
        valor_pago=pago,
        nao_pago=nao_pago,
        data_pagamento=data_pagamento,
        perda_data=perda_data,
        perda_valor=perda_valor,
        data_vencimento=vencimento,
        data_pagamento_previsto=previsto,
        descricao=descricao,
        nota=nota,
        conta_financeira_id=conta_id,
        conta=conta_de(row[_N:]),
        metodo_pagamento=metodo,
        nsu=nsu,
        baixa_agendada=bool(agendada),
        alterado_em=alterado_em,
    )


_SELECT_PARCELAS = select(*_COLUNAS_PARCELA, *COLUNAS_CONTA).select_from(_COM_CONTA).where(owned(P))
_PARCELA = _SELECT_PARCELAS.where(P.c.id == bindparam("parcela_id"))
_PARCELAS_DO_EVENTO = _SELECT_PARCELAS.where(P.c.evento_id == bindparam("evento_id")).order_by(
    P.c.indice, P.c.seq
)


def parcela(reader: Reader, tenant_id: str, parcela_id: str) -> ParcelaRegistro | None:
    rows = fetch(reader, _PARCELA, scope(tenant_id, parcela_id=parcela_id))
    return _parcela(rows[0]) if rows else None


def parcelas_do_evento(reader: Reader, tenant_id: str, evento_id: str) -> list[ParcelaRegistro]:
    return [
        _parcela(row) for row in fetch(reader, _PARCELAS_DO_EVENTO, scope(tenant_id, evento_id=evento_id))
    ]


# ------------------------------------------------------------------------------------------ event ----

_QUANTIDADE = select(func.count()).select_from(P).where(P.c.evento_id == E.c.id).scalar_subquery()
_COLUNAS_EVENTO = (
    E.c.id,
    E.c.seq,
    E.c.tipo,
    E.c.origem,
    E.c.referencia_id,
    E.c.revisao,
    E.c.codigo_referencia,
    E.c.agendado,
    E.c.data_competencia,
    _QUANTIDADE.label("quantidade_parcelas"),
)
_EVENTO = select(*_COLUNAS_EVENTO).where(owned(E), E.c.id == bindparam("evento_id"))
_EVENTO_POR_SEQ = select(*_COLUNAS_EVENTO).where(owned(E), E.c.seq == bindparam("seq"))
_RATEIOS = (
    select(R.c.seq, R.c.categoria_id, CAT.c.nome, R.c.valor)
    .select_from(R.outerjoin(CAT, and_(CAT.c.id == R.c.categoria_id, CAT.c.tenant_id == R.c.tenant_id)))
    .where(owned(R), R.c.evento_id == bindparam("evento_id"))
    .order_by(R.c.posicao, R.c.seq)
)
_CENTROS = (
    select(RC.c.rateio_seq, RC.c.centro_custo_id, CC.c.nome, RC.c.valor)
    .select_from(RC.outerjoin(CC, and_(CC.c.id == RC.c.centro_custo_id, CC.c.tenant_id == RC.c.tenant_id)))
    .where(owned(RC), RC.c.evento_id == bindparam("evento_id"))
    .order_by(RC.c.rateio_seq, RC.c.posicao, RC.c.seq)
)


def _evento(reader: Reader, tenant_id: str, row: Sequence[Any]) -> EventoResumo:
    evento_id = row[0]
    centros: dict[int, list[CentroRateio]] = {}
    for rateio_seq, centro_id, nome, valor in fetch(reader, _CENTROS, scope(tenant_id, evento_id=evento_id)):
        centros.setdefault(rateio_seq, []).append(CentroRateio(centro_id, nome, valor))
    rateio = tuple(
        RateioLinha(categoria_id, nome, valor, tuple(centros.get(seq, ())))
        for seq, categoria_id, nome, valor in fetch(reader, _RATEIOS, scope(tenant_id, evento_id=evento_id))
    )
    (id_, seq, tipo, origem, referencia_id, revisao, codigo, agendado, competencia, quantidade) = row
    return EventoResumo(
        id=id_,
        seq=seq,
        tipo=tipo,
        origem=origem,
        referencia_id=referencia_id,
        revisao=revisao,
        codigo_referencia=codigo,
        agendado=bool(agendado),
        data_competencia=competencia,
        quantidade_parcelas=int(quantidade),
        rateio=rateio,
    )


def evento(reader: Reader, tenant_id: str, evento_id: str) -> EventoResumo | None:
    rows = fetch(reader, _EVENTO, scope(tenant_id, evento_id=evento_id))
    return _evento(reader, tenant_id, rows[0]) if rows else None


def evento_por_seq(reader: Reader, tenant_id: str, seq: int) -> EventoResumo | None:
    rows = fetch(reader, _EVENTO_POR_SEQ, scope(tenant_id, seq=seq))
    return _evento(reader, tenant_id, rows[0]) if rows else None


# ------------------------------------------------------------------------------------------ writes ----

_ESTADO = (
    select(
        P.c.id,
        P.c.evento_id,
        P.c.tipo,
        P.c.versao,
        P.c.situacao,
        P.c.valor_bruto,
        P.c.valor_pago,
        P.c.nao_pago,
        P.c.perda_data,
        P.c.perda_valor,
        P.c.conta_financeira_id,
        C.c.tipo,
        P.c.nota,
        P.c.descricao,
        P.c.data_vencimento,
        P.c.data_pagamento_previsto,
        P.c.metodo_pagamento,
        P.c.nsu,
        P.c.baixa_agendada,
    )
    .select_from(_COM_CONTA)
    .where(owned(P), P.c.id == bindparam("parcela_id"))
    # the row lock serializes every settlement and edit of one installment (PostgreSQL; SQLite has one
    # writer); `OF parcelas`: the account side of the outer join is only read
    .with_for_update(of=P)
)


def estado_bloqueado(session: Any, tenant_id: str, parcela_id: str) -> ParcelaEstado | None:
    """The installment's current state, locked until the transaction ends."""
    row = session.execute(_ESTADO, scope(tenant_id, parcela_id=parcela_id)).first()
    if row is None:
        return None
    return ParcelaEstado(
        id=row[0],
        evento_id=row[1],
        tipo=row[2],
        versao=row[3],
        situacao=row[4],
        valor_bruto=row[5],
        valor_pago=row[6],
        nao_pago=row[7],
        perda_data=row[8],
        perda_valor=row[9],
        conta_financeira_id=row[10],
        conta_tipo=row[11],
        nota=row[12],
        descricao=row[13],
        data_vencimento=row[14],
        data_pagamento_previsto=row[15],
        metodo_pagamento=row[16],
        nsu=row[17],
        baixa_agendada=bool(row[18]),
    )


_ATUALIZAR = (
    update(P)
    .where(owned(P), P.c.id == bindparam("parcela_id"), P.c.versao == bindparam("versao_lida"))
    .values(
        versao=P.c.versao + 1,
        valor_bruto=bindparam("valor_bruto"),
        multa=bindparam("multa"),
        juros=bindparam("juros"),
        desconto=bindparam("desconto"),
        taxa=bindparam("taxa"),
        nao_pago=bindparam("nao_pago"),
        nota=bindparam("nota"),
        descricao=bindparam("descricao"),
        data_vencimento=bindparam("data_vencimento"),
        data_pagamento_previsto=bindparam("data_pagamento_previsto"),
        metodo_pagamento=bindparam("metodo_pagamento"),
        perda_data=bindparam("perda_data"),
        perda_valor=bindparam("perda_valor"),
        nsu=bindparam("nsu"),
        baixa_agendada=bindparam("baixa_agendada"),
        conta_financeira_id=bindparam("conta_financeira_id"),
        alterado_em=bindparam("alterado_em"),
    )
    .returning(P.c.id)
)


def atualizar(
    session: Any, tenant_id: str, parcela_id: str, versao_lida: int, dados: ParcelaValida, quando: datetime
) -> bool:
    """`UPDATE … WHERE id = ? AND versao = ?`: False when another write got there first."""
    composicao = dados.composicao
    rows = write_raw(
        session,
        _ATUALIZAR,
        scope(
            tenant_id,
            parcela_id=parcela_id,
            versao_lida=versao_lida,
            valor_bruto=composicao.valor_bruto,
            multa=composicao.multa,
            juros=composicao.juros,
            desconto=composicao.desconto,
            taxa=composicao.taxa,
            nao_pago=dados.nao_pago,
            nota=dados.nota,
            descricao=dados.descricao,
            data_vencimento=dados.data_vencimento,
            data_pagamento_previsto=dados.data_pagamento_previsto,
            metodo_pagamento=dados.metodo_pagamento,
            perda_data=dados.perda_data,
            perda_valor=dados.perda_valor,
            nsu=dados.nsu,
            baixa_agendada=dados.baixa_agendada,
            conta_financeira_id=dados.conta_financeira_id,
            alterado_em=quando,
        ),
    )
    return len(rows) == 1


_SALDO = (
    update(P)
    .where(owned(P), P.c.id == bindparam("parcela_id"))
    .values(
        versao=P.c.versao + 1,
        valor_pago=bindparam("valor_pago"),
        nao_pago=bindparam("nao_pago"),
        data_pagamento=bindparam("data_pagamento"),
        alterado_em=bindparam("alterado_em"),
    )
)


def gravar_saldo(
    session: Any, tenant_id: str, parcela_id: str, saldo: SaldoParcela, quando: datetime
) -> None:
    """What the settlements leave on the installment (`valor_pago`, `nao_pago`, `data_pagamento`), and a
    new version: every settlement write changes the installment."""
    write_raw(
        session,
        _SALDO,
        scope(
            tenant_id,
            parcela_id=parcela_id,
            valor_pago=saldo.valor_pago,
            nao_pago=saldo.nao_pago,
            data_pagamento=saldo.data_pagamento,
            alterado_em=quando,
        ),
    )
