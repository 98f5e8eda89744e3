"""SQL shared by the financial core's repositories: the installment status rule of
`anil.domain.financeiro.status_parcela`, written as one CASE expression so searches filter, sort and
total by status in the database (never by loading rows into Python)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, literal

from anil.domain.financeiro import INGLES, TRADUZIDO, Situacao, StatusParcela
from anil.storage.models import Parcela

P = Parcela.__table__


def status_sql(hoje: date | ColumnElement[Any], parcelas: Any = P) -> ColumnElement[str]:
    """The detail vocabulary (PENDENTE, ATRASADO, …) of each row of `parcelas` (the table or an alias)
    on the company's `hoje`; the same first-match order as `status_parcela`."""
    c = parcelas.c
    hoje_sql = hoje if isinstance(hoje, ColumnElement) else literal(hoje)
    return case(
        (c.situacao == Situacao.CANCELADO.value, StatusParcela.CANCELADO.value),
        (c.situacao == Situacao.RENEGOCIADO.value, StatusParcela.RENEGOCIADO.value),
        (c.perda_valor.is_not(None), StatusParcela.PERDIDO.value),
        (c.nao_pago <= 0, StatusParcela.QUITADO.value),
        (c.valor_pago > 0, StatusParcela.RECEBIDO_PARCIAL.value),
        (c.data_vencimento < hoje_sql, StatusParcela.ATRASADO.value),
        else_=StatusParcela.PENDENTE.value,
    )


def traduzido(status: str) -> str:
    """The searches' `status_traduzido` for a detail status."""
    return TRADUZIDO[StatusParcela(status)]


def ingles(status: str) -> str:
    """The searches' English `status` for a detail status."""
    return INGLES[StatusParcela(status)]
