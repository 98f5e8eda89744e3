"""A person's financial summary (`atrasos_*`, `*_mes_atual`, `mensagem_pagamentos_abertos`), aggregated
in the database over the installments whose `contato` is the person (`parcelas.contato_id`, copied from
the event; index `ix_parcelas_tenant_contato`).

The rule is `anil.domain.pessoas.resumo_financeiro` over the open installments; `RESUMO` is that rule as
one aggregate, and a test holds the two together. An installment is open when it is in the normal flow
(`situacao` NORMAL), carries no loss (`perda`) and still has something unpaid (`nao_pago > 0`); its open
amount is `nao_pago`. Both kinds count: RECEITA are recebimentos, DESPESA pagamentos.

`RESUMO` also carries the company's clock setting (two primary-key subqueries), so the person's page
costs one statement more than the person itself: the caller runs it for the system clock's today and
only runs it again in the rare case the company's clock says another day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, and_, bindparam, case, func, select

from anil.domain.financeiro import Situacao, TipoEvento
from anil.domain.money import ZERO, quantize
from anil.domain.pessoas import ParcelaAberta, ResumoFinanceiro, TipoParcela
from anil.storage.models import Parcela
from anil.storage.repositories import relogios
from anil.storage.repositories.base import Reader, fetch, owned, scope

P = Parcela.__table__

_ABERTA = and_(
    owned(P),
    P.c.contato_id == bindparam("contato_id"),
    P.c.situacao == Situacao.NORMAL.value,
    P.c.perda_valor.is_(None),
    P.c.nao_pago > 0,
)
_HOJE = bindparam("hoje", type_=Date)
_MES_INICIO = bindparam("mes_inicio", type_=Date)  # the first day of today's month
_MES_FIM = bindparam("mes_fim", type_=Date)  # the first day of the next month
_RECEITA = P.c.tipo == TipoEvento.RECEITA.value
_DESPESA = P.c.tipo == TipoEvento.DESPESA.value
_ATRASADA = P.c.data_vencimento < _HOJE
_NO_MES = and_(P.c.data_vencimento >= _MES_INICIO, P.c.data_vencimento < _MES_FIM)


def _soma(*condicoes: Any) -> Any:
    return func.sum(case((and_(*condicoes), P.c.nao_pago)))


RESUMO = select(
    _soma(_RECEITA, _ATRASADA),
    _soma(_DESPESA, _ATRASADA),
    _soma(_RECEITA, _NO_MES),
    _soma(_DESPESA, _NO_MES),
    func.sum(case((_RECEITA, 1), else_=0)),
    _soma(_RECEITA),
    func.count(),
    relogios.CONGELADO_EM,
    relogios.DESLOCAMENTO,
).where(_ABERTA)

_ABERTAS = select(P.c.tipo, P.c.data_vencimento, P.c.nao_pago).where(_ABERTA).order_by(P.c.seq)


def _mes(hoje: date) -> tuple[date, date]:
    inicio = hoje.replace(day=1)
    fim = date(inicio.year + 1, 1, 1) if inicio.month == 12 else date(inicio.year, inicio.month + 1, 1)
    return inicio, fim


def _dinheiro(valor: Any) -> Decimal:
    return ZERO if valor is None else quantize(valor)


def resumo(
    reader: Reader, tenant_id: str, contato_id: str, hoje: date
) -> tuple[ResumoFinanceiro, int, datetime | None, int | None]:
    """The summary on `hoje`, how many installments are open (both kinds), and the company's clock
    setting (None, None without one)."""
    inicio, fim = _mes(hoje)
    ((ar, ap, mr, mp, numero, total, abertas, congelado, deslocamento),) = fetch(
        reader, RESUMO, scope(tenant_id, contato_id=contato_id, hoje=hoje, mes_inicio=inicio, mes_fim=fim)
    )
    return (
        ResumoFinanceiro(
            atrasos_pagamentos=_dinheiro(ap),
            atrasos_recebimentos=_dinheiro(ar),
            pagamentos_mes_atual=_dinheiro(mp),
            recebimentos_mes_atual=_dinheiro(mr),
            abertos_numero=int(numero or 0),
            abertos_total=_dinheiro(total),
        ),
        int(abertas or 0),
        congelado,
        deslocamento,
    )


def parcelas_abertas(reader: Reader, tenant_id: str, contato_id: str) -> Sequence[ParcelaAberta]:
    """The open installments themselves, what `resumo_financeiro` sums (the rule `RESUMO` aggregates)."""
    return [
        ParcelaAberta(TipoParcela(tipo), vencimento, valor)
        for tipo, vencimento, valor in fetch(reader, _ABERTAS, scope(tenant_id, contato_id=contato_id))
    ]
