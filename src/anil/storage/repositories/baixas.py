"""Tenant-scoped reads and writes of settlements (baixas, catalog §3.11).

Reads join each baixa to its account (the installment detail embeds it) and to its event (for the
reference the read shape names). Writes run inside the caller's transaction, after the caller locked the
installment (`repositories.parcelas.estado_bloqueado`): every write to a baixa takes that lock first,
so the settlements of one installment are serialized and the stored `valor_pago`/`nao_pago` stay exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select, update

from anil.domain.baixas import BaixaEstado, BaixaValida
from anil.domain.contas import ComposicaoValor
from anil.domain.parcelas import BaixaRegistro
from anil.storage.models import Baixa, ContaFinanceira, EventoFinanceiro
from anil.storage.repositories.base import Reader, fetch, owned, scope, write_raw
from anil.storage.repositories.parcelas import COLUNAS_CONTA, conta_de

B = Baixa.__table__
C = ContaFinanceira.__table__
E = EventoFinanceiro.__table__

_COLUNAS = (
    B.c.id,
    B.c.parcela_id,
    B.c.evento_id,
    B.c.tipo,
    B.c.origem,
    B.c.versao,
    B.c.data_pagamento,
    B.c.valor_bruto,
    B.c.juros,
    B.c.multa,
    B.c.desconto,
    B.c.taxa,
    B.c.conta_financeira_id,
    B.c.metodo_pagamento,
    B.c.observacao,
    B.c.nsu,
    B.c.atualizado_em,
    func.coalesce(E.c.referencia_id, E.c.id),
)
_N = len(_COLUNAS)
_DE = B.join(E, E.c.id == B.c.evento_id).outerjoin(
    C, and_(C.c.id == B.c.conta_financeira_id, C.c.tenant_id == B.c.tenant_id)
)
_SELECT = select(*_COLUNAS, *COLUNAS_CONTA).select_from(_DE).where(owned(B))
_BAIXA = _SELECT.where(B.c.id == bindparam("baixa_id"))
_DA_PARCELA = _SELECT.where(B.c.parcela_id == bindparam("parcela_id")).order_by(B.c.seq)
_DO_EVENTO = _SELECT.where(B.c.evento_id == bindparam("evento_id")).order_by(B.c.seq)


def _registro(row: Sequence[Any]) -> BaixaRegistro:
    (
        id_,
        parcela_id,
        evento_id,
        tipo,
        origem,
        versao,
        data,
        bruto,
        juros,
        multa,
        desconto,
        taxa,
        conta_id,
        metodo,
        observacao,
        nsu,
        atualizado_em,
        referencia,
    ) = row[:_N]
    return BaixaRegistro(
        id=id_,
        parcela_id=parcela_id,
        evento_id=evento_id,
        tipo=tipo,
        origem=origem,
        versao=versao,
        data_pagamento=data,
        composicao=ComposicaoValor(bruto, juros, multa, desconto, taxa),
        conta_financeira_id=conta_id,
        conta=conta_de(row[_N:]),
        metodo_pagamento=metodo,
        observacao=observacao,
        nsu=nsu,
        atualizado_em=atualizado_em,
        referencia=referencia,
    )


def baixa(reader: Reader, tenant_id: str, baixa_id: str) -> BaixaRegistro | None:
    rows = fetch(reader, _BAIXA, scope(tenant_id, baixa_id=baixa_id))
    return _registro(rows[0]) if rows else None


def da_parcela(reader: Reader, tenant_id: str, parcela_id: str) -> list[BaixaRegistro]:
    return [_registro(row) for row in fetch(reader, _DA_PARCELA, scope(tenant_id, parcela_id=parcela_id))]


def do_evento(reader: Reader, tenant_id: str, evento_id: str) -> list[BaixaRegistro]:
    return [_registro(row) for row in fetch(reader, _DO_EVENTO, scope(tenant_id, evento_id=evento_id))]


# ------------------------------------------------------------------------------------------ writes ----

_ESTADO = select(
    B.c.id,
    B.c.parcela_id,
    B.c.versao,
    B.c.data_pagamento,
    B.c.valor_bruto,
    B.c.juros,
    B.c.multa,
    B.c.desconto,
    B.c.taxa,
    B.c.conta_financeira_id,
    B.c.metodo_pagamento,
    B.c.observacao,
    B.c.nsu,
).where(owned(B), B.c.id == bindparam("baixa_id"))


def estado(session: Any, tenant_id: str, baixa_id: str) -> BaixaEstado | None:
    row = session.execute(_ESTADO, scope(tenant_id, baixa_id=baixa_id)).first()
    if row is None:
        return None
    return BaixaEstado(
        id=row[0],
        parcela_id=row[1],
        versao=row[2],
        data_pagamento=row[3],
        composicao=ComposicaoValor(row[4], row[5], row[6], row[7], row[8]),
        conta_financeira_id=row[9],
        metodo_pagamento=row[10],
        observacao=row[11],
        nsu=row[12],
    )


_PAGAMENTOS = select(B.c.data_pagamento, B.c.valor_bruto).where(
    owned(B), B.c.parcela_id == bindparam("parcela_id")
)


def pagamentos(session: Any, tenant_id: str, parcela_id: str) -> list[tuple[date, Decimal]]:
    """(day, gross value) of every settlement of the installment: what `saldo_parcela` sums."""
    return [(row[0], row[1]) for row in session.execute(_PAGAMENTOS, scope(tenant_id, parcela_id=parcela_id))]


_INSERIR = insert(B).values(
    id=bindparam("id"),
    tenant_id=bindparam("tenant_id"),
    parcela_id=bindparam("parcela_id"),
    evento_id=bindparam("evento_id"),
    tipo=bindparam("tipo"),
    origem=bindparam("origem"),
    versao=1,
    data_pagamento=bindparam("data_pagamento"),
    valor_bruto=bindparam("valor_bruto"),
    multa=bindparam("multa"),
    juros=bindparam("juros"),
    desconto=bindparam("desconto"),
    taxa=bindparam("taxa"),
    conta_financeira_id=bindparam("conta_financeira_id"),
    metodo_pagamento=bindparam("metodo_pagamento"),
    observacao=bindparam("observacao"),
    nsu=bindparam("nsu"),
    criado_em=bindparam("quando"),
    atualizado_em=bindparam("quando"),
)


def _valores(dados: BaixaValida) -> dict[str, Any]:
    c = dados.composicao
    return {
        "data_pagamento": dados.data_pagamento,
        "valor_bruto": c.valor_bruto,
        "multa": c.multa,
        "juros": c.juros,
        "desconto": c.desconto,
        "taxa": c.taxa,
        "conta_financeira_id": dados.conta_financeira_id,
        "metodo_pagamento": dados.metodo_pagamento,
        "observacao": dados.observacao,
        "nsu": dados.nsu,
    }


def inserir(
    session: Any,
    tenant_id: str,
    baixa_id: str,
    parcela_id: str,
    evento_id: str,
    tipo: str,
    origem: str,
    dados: BaixaValida,
    quando: datetime,
) -> None:
    write_raw(
        session,
        _INSERIR,
        scope(
            tenant_id,
            id=baixa_id,
            parcela_id=parcela_id,
            evento_id=evento_id,
            tipo=tipo,
            origem=origem,
            quando=quando,
            **_valores(dados),
        ),
    )


_ATUALIZAR = (
    update(B)
    .where(owned(B), B.c.id == bindparam("baixa_id"), B.c.versao == bindparam("versao_lida"))
    .values(
        versao=B.c.versao + 1,
        data_pagamento=bindparam("data_pagamento"),
        valor_bruto=bindparam("valor_bruto"),
        multa=bindparam("multa"),
        juros=bindparam("juros"),
        desconto=bindparam("desconto"),
        taxa=bindparam("taxa"),
        conta_financeira_id=bindparam("conta_financeira_id"),
        metodo_pagamento=bindparam("metodo_pagamento"),
        observacao=bindparam("observacao"),
        nsu=bindparam("nsu"),
        atualizado_em=bindparam("quando"),
    )
    .returning(B.c.id)
)


def atualizar(
    session: Any, tenant_id: str, baixa_id: str, versao_lida: int, dados: BaixaValida, quando: datetime
) -> bool:
    """`UPDATE … WHERE id = ? AND versao = ?`: False when another write got there first."""
    rows = write_raw(
        session,
        _ATUALIZAR,
        scope(tenant_id, baixa_id=baixa_id, versao_lida=versao_lida, quando=quando, **_valores(dados)),
    )
    return len(rows) == 1


_EXCLUIR = delete(B).where(owned(B), B.c.id == bindparam("baixa_id")).returning(B.c.id)


def excluir(session: Any, tenant_id: str, baixa_id: str) -> bool:
    return len(write_raw(session, _EXCLUIR, scope(tenant_id, baixa_id=baixa_id))) == 1
