"""Financial events (§3.10): what a new event references, and writing an event with its rateio, cost
centers and installments. Statements are built once (tenant door `owned()`), run with `scope(...)`.

An installment starts unpaid: `valor_pago` 0, `nao_pago = valor_bruto`, no payment date; `tipo`,
`contato_id` and `data_competencia` are copied from the event (see `storage.models.financeiro`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, bindparam, insert, literal_column, null, select, union_all

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
from anil.storage.repositories.base import Reader, fetch, owned, scope, write_raw
from anil.storage.types import new_uuid

E = EventoFinanceiro.__table__
R = Rateio.__table__
RC = RateioCentroCusto.__table__
P = Parcela.__table__


def _existe(table):  # type: ignore[no-untyped-def]
    return select(table.c.id).where(owned(table), table.c.id == bindparam("id"))


_PESSOA = _existe(Pessoa.__table__)
_CONTA = _existe(ContaFinanceira.__table__)
_CENTRO_EXISTE = _existe(CentroDeCusto.__table__)
_CATEGORIA = select(Categoria.__table__.c.tipo).where(
    owned(Categoria.__table__), Categoria.__table__.c.id == bindparam("id")
)


def _linhas(reader: Reader, stmt, params: dict) -> list:  # type: ignore[no-untyped-def]
    """A statement built once on the fastest path the reader offers: a raw reader's own, or the
    session's driver connection inside its transaction (the worker's)."""
    if hasattr(reader, "rows"):
        return list(fetch(reader, stmt, params))
    return write_raw(reader, stmt, params)


def referencias(reader: Reader, tenant_id: str, valido: EventoValido) -> Referencias:
    """Which of the event's references exist in the company: one statement for them all (a request pays
    for each statement it runs), on a raw reader (the request) or a Session (the worker)."""
    contas, categorias, centros = valido.contas(), valido.categorias(), valido.centros()
    stmt = _referencias(len(contas), len(categorias), len(centros))
    if stmt is None:  # more references than any statement built once holds
        return _referencias_uma_a_uma(reader, tenant_id, valido)
    params = {"contato": valido.contato_id}
    params.update({f"conta_{i}": v for i, v in enumerate(contas)})
    params.update({f"categoria_{i}": v for i, v in enumerate(categorias)})
    params.update({f"centro_{i}": v for i, v in enumerate(centros)})
    achados: dict[str, dict[str, str | None]] = {"P": {}, "A": {}, "C": {}, "K": {}}
    for tipo, id_, extra in _linhas(reader, stmt, scope(tenant_id, **params)):
        achados[tipo][id_] = extra
    return Referencias(
        contato=valido.contato_id in achados["P"],
        contas=frozenset(achados["A"]),
        categorias={k: v for k, v in achados["C"].items() if v is not None},
        centros=frozenset(achados["K"]),
    )


_MAIS_REFERENCIAS = 8  # per kind, in the statements built once; beyond, one probe an id
_REFERENCIAS: dict[tuple[int, int, int], Select] = {}


def _referencias(contas: int, categorias: int, centros: int) -> Select | None:
    """`SELECT kind, id, tipo` over the contact, accounts, categories and cost centers named, as one
    UNION ALL of primary-key probes; built once per number of each (kept: the raw reader caches the
    compiled statement by the statement object)."""
    if max(contas, categorias, centros) > _MAIS_REFERENCIAS:
        return None
    chave = (contas, categorias, centros)
    stmt = _REFERENCIAS.get(chave)
    if stmt is not None:
        return stmt

    def sonda(kind: str, table, nome: str, tipo=None):  # type: ignore[no-untyped-def]
        return select(literal_column(f"'{kind}'"), table.c.id, tipo if tipo is not None else null()).where(
            owned(table), table.c.id == bindparam(nome)
        )

    C = Categoria.__table__
    partes = [sonda("P", Pessoa.__table__, "contato")]
    partes += [sonda("A", ContaFinanceira.__table__, f"conta_{i}") for i in range(contas)]
    partes += [sonda("C", C, f"categoria_{i}", C.c.tipo) for i in range(categorias)]
    partes += [sonda("K", CentroDeCusto.__table__, f"centro_{i}") for i in range(centros)]
    stmt = union_all(*partes) if len(partes) > 1 else partes[0]
    _REFERENCIAS[chave] = stmt
    return stmt


def _referencias_uma_a_uma(reader: Reader, tenant_id: str, valido: EventoValido) -> Referencias:
    def existe(stmt, id_: str) -> bool:  # type: ignore[no-untyped-def]
        return bool(_linhas(reader, stmt, scope(tenant_id, id=id_)))

    categorias: dict[str, str] = {}
    for categoria_id in valido.categorias():
        rows = _linhas(reader, _CATEGORIA, scope(tenant_id, id=categoria_id))
        if rows:
            categorias[categoria_id] = rows[0][0]
    return Referencias(
        contato=existe(_PESSOA, valido.contato_id),
        contas=frozenset(c for c in valido.contas() if existe(_CONTA, c)),
        categorias=categorias,
        centros=frozenset(c for c in valido.centros() if existe(_CENTRO_EXISTE, c)),
    )


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
