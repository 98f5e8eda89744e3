"""Financial events (§3.10): what a new event references, and writing an event with its rateio, cost
centers and installments. Statements are built once (tenant door `owned()`), run with `scope(...)`.

An installment starts unpaid: `valor_pago` 0, `nao_pago = valor_bruto`, no payment date; `tipo`,
`contato_id` and `data_competencia` are copied from the event (see `storage.models.financeiro`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, insert, select

from anil.domain.eventos import EventoValido, Referencias
from anil.domain.money import ZERO
from anil.storage.models import (
    Categoria,
    CentroDeCusto,
    ContaFinanceira,
    EventoFinanceiro,
    Parcela,
    Pessoa,
    Rateio,
    RateioCentroCusto,
)
from anil.storage.repositories.base import Reader, owned, scope, write_raw
from anil.storage.types import new_uuid

E = EventoFinanceiro.__table__
R = Rateio.__table__
RC = RateioCentroCusto.__table__
P = Parcela.__table__

_IDS = bindparam("ids", expanding=True)

_PESSOA = select(Pessoa.__table__.c.id).where(
    owned(Pessoa.__table__), Pessoa.__table__.c.id == bindparam("id")
)
_CONTAS = select(ContaFinanceira.__table__.c.id).where(
    owned(ContaFinanceira.__table__), ContaFinanceira.__table__.c.id.in_(_IDS)
)
_CATEGORIAS = select(Categoria.__table__.c.id, Categoria.__table__.c.tipo).where(
    owned(Categoria.__table__), Categoria.__table__.c.id.in_(_IDS)
)
_CENTROS = select(CentroDeCusto.__table__.c.id).where(
    owned(CentroDeCusto.__table__), CentroDeCusto.__table__.c.id.in_(_IDS)
)


def referencias(reader: Reader, tenant_id: str, valido: EventoValido) -> Referencias:
    """Which of the event's references exist in the company (a Session or a Connection)."""
    contato = reader.execute(_PESSOA, scope(tenant_id, id=valido.contato_id)).first() is not None
    contas = frozenset(row[0] for row in reader.execute(_CONTAS, scope(tenant_id, ids=valido.contas())))
    categorias: dict[str, str] = {}
    if valido.rateio:
        rows = reader.execute(_CATEGORIAS, scope(tenant_id, ids=valido.categorias()))
        categorias = {row[0]: row[1] for row in rows}
    centros: frozenset[str] = frozenset()
    if ids := valido.centros():
        centros = frozenset(row[0] for row in reader.execute(_CENTROS, scope(tenant_id, ids=ids)))
    return Referencias(contato=contato, contas=contas, categorias=categorias, centros=centros)


_EVENTO = insert(E).values(
    id=bindparam("id"),
    tenant_id=bindparam("tenant_id"),
    tipo=bindparam("tipo"),
    origem=bindparam("origem"),
    referencia_id=bindparam("referencia_id"),
    revisao=bindparam("revisao"),
    codigo_referencia=bindparam("codigo_referencia"),
    agendado=bindparam("agendado"),
    data_competencia=bindparam("data_competencia"),
    valor=bindparam("valor"),
    descricao=bindparam("descricao"),
    observacao=bindparam("observacao"),
    contato_id=bindparam("contato_id"),
    conta_financeira_id=bindparam("conta_financeira_id"),
    versao=bindparam("versao"),
    criado_em=bindparam("criado_em"),
    alterado_em=bindparam("alterado_em"),
)
_RATEIO = (
    insert(R)
    .values(
        tenant_id=bindparam("tenant_id"),
        evento_id=bindparam("evento_id"),
        posicao=bindparam("posicao"),
        categoria_id=bindparam("categoria_id"),
        valor=bindparam("valor"),
    )
    .returning(R.c.seq)
)
_CENTRO = insert(RC).values(
    tenant_id=bindparam("tenant_id"),
    evento_id=bindparam("evento_id"),
    rateio_seq=bindparam("rateio_seq"),
    posicao=bindparam("posicao"),
    centro_custo_id=bindparam("centro_custo_id"),
    valor=bindparam("valor"),
)
_PARCELA = insert(P).values(
    id=bindparam("id"),
    tenant_id=bindparam("tenant_id"),
    evento_id=bindparam("evento_id"),
    tipo=bindparam("tipo"),
    contato_id=bindparam("contato_id"),
    data_competencia=bindparam("data_competencia"),
    indice=bindparam("indice"),
    versao=bindparam("versao"),
    descricao=bindparam("descricao"),
    nota=bindparam("nota"),
    data_vencimento=bindparam("data_vencimento"),
    data_pagamento_previsto=bindparam("data_pagamento_previsto"),
    conta_financeira_id=bindparam("conta_financeira_id"),
    metodo_pagamento=bindparam("metodo_pagamento"),
    nsu=bindparam("nsu"),
    baixa_agendada=bindparam("baixa_agendada"),
    conciliado=bindparam("conciliado"),
    valor_bruto=bindparam("valor_bruto"),
    multa=bindparam("multa"),
    juros=bindparam("juros"),
    desconto=bindparam("desconto"),
    taxa=bindparam("taxa"),
    valor_pago=bindparam("valor_pago"),
    nao_pago=bindparam("nao_pago"),
    data_pagamento=bindparam("data_pagamento"),
    perda_data=bindparam("perda_data"),
    perda_valor=bindparam("perda_valor"),
    situacao=bindparam("situacao"),
    criado_em=bindparam("criado_em"),
    alterado_em=bindparam("alterado_em"),
)


def inserir(
    session,  # type: ignore[no-untyped-def]
    tenant_id: str,
    valido: EventoValido,
    agora: datetime,
    *,
    origem: str,
    referencia_id: str | None,
) -> tuple[str, list[str]]:
    """Insert the event, its rateio lines and their cost centers, and its installments (unpaid).
    Returns the event id and the installment ids, in order."""
    evento_id = new_uuid()
    write_raw(
        session,
        _EVENTO,
        {
            "id": evento_id,
            "tenant_id": tenant_id,
            "tipo": str(valido.tipo),
            "origem": origem,
            "referencia_id": referencia_id,
            "revisao": 1,
            "codigo_referencia": valido.codigo_referencia,
            "agendado": valido.agendado,
            "data_competencia": valido.data_competencia,
            "valor": valido.valor,
            "descricao": valido.descricao,
            "observacao": valido.observacao,
            "contato_id": valido.contato_id,
            "conta_financeira_id": valido.conta_financeira_id,
            "versao": 1,
            "criado_em": agora,
            "alterado_em": agora,
        },
    )
    for posicao, linha in enumerate(valido.rateio):
        ((rateio_seq,),) = write_raw(
            session,
            _RATEIO,
            {
                "tenant_id": tenant_id,
                "evento_id": evento_id,
                "posicao": posicao,
                "categoria_id": linha.categoria_id,
                "valor": linha.valor,
            },
        )
        if linha.centros:
            write_raw(
                session,
                _CENTRO,
                [
                    {
                        "tenant_id": tenant_id,
                        "evento_id": evento_id,
                        "rateio_seq": rateio_seq,
                        "posicao": j,
                        "centro_custo_id": centro.centro_custo_id,
                        "valor": centro.valor,
                    }
                    for j, centro in enumerate(linha.centros)
                ],
            )
    parcela_ids = [new_uuid() for _ in valido.parcelas]
    write_raw(
        session,
        _PARCELA,
        [
            {
                "id": parcela_id,
                "tenant_id": tenant_id,
                "evento_id": evento_id,
                "tipo": str(valido.tipo),
                "contato_id": valido.contato_id,
                "data_competencia": valido.data_competencia,
                "indice": indice,
                "versao": 1,
                "descricao": parcela.descricao,
                "nota": parcela.nota,
                "data_vencimento": parcela.data_vencimento,
                "data_pagamento_previsto": None,
                "conta_financeira_id": parcela.conta_financeira_id,
                "metodo_pagamento": parcela.metodo_pagamento,
                "nsu": None,
                "baixa_agendada": False,
                "conciliado": False,
                "valor_bruto": parcela.valor_bruto,
                "multa": parcela.multa,
                "juros": parcela.juros,
                "desconto": parcela.desconto,
                "taxa": parcela.taxa,
                "valor_pago": ZERO,
                "nao_pago": parcela.valor_bruto,
                "data_pagamento": None,
                "perda_data": None,
                "perda_valor": None,
                "situacao": "NORMAL",
                "criado_em": agora,
                "alterado_em": agora,
            }
            for indice, (parcela_id, parcela) in enumerate(zip(parcela_ids, valido.parcelas, strict=True), 1)
        ],
    )
    return evento_id, parcela_ids
