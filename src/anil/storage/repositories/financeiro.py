"""SQL shared by the financial core's repositories: the installment status rule of
`anil.domain.financeiro.status_parcela`, written as one CASE expression so searches filter, sort and
total by status in the database (never by loading rows into Python)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, bindparam, case, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from anil.domain.financeiro import INGLES, TRADUZIDO, Situacao, StatusParcela
from anil.storage.models import FinanceiroVersao, Parcela
from anil.storage.repositories.base import Reader, fetch, owned, scope, write_raw_uma_vez

P = Parcela.__table__
V = FinanceiroVersao.__table__

_VERSAO = select(V.c.versao).where(owned(V))
_BUMP = {
    name: dialect_insert(V)
    .values(tenant_id=bindparam("t"), versao=1)
    .on_conflict_do_update(index_elements=[V.c.tenant_id], set_={"versao": V.c.versao + 1})
    for name, dialect_insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}


def nova_versao(session: Session, tenant_id: str) -> None:
    """Bump the company's financial data version. EVERY write to its events, rateios, installments or
    settlements calls it, last in its transaction (its row lock is then brief): the searches cache their
    totals and page cursors per version (`repositories.buscas_financeiras`). Once per transaction where
    SQLite's group commit batches writes (`write_raw_uma_vez`)."""
    write_raw_uma_vez(session, _BUMP[session.get_bind().dialect.name], {"t": tenant_id})


def versao(reader: Reader, tenant_id: str) -> int:
    rows = fetch(reader, _VERSAO, scope(tenant_id))
    return rows[0][0] if rows else 0


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
