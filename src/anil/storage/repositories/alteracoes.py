"""The alterações feed (§3.10): every write to a financial event or its installments appends the event id
here, in the same transaction as the write, stamped with the company clock's instant (naive UTC).
The feed's reads (`GET …/alteracoes`) live beside it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import DateTime, Integer, and_, bindparam, distinct, func, insert, select
from sqlalchemy.orm import Session

from anil.storage.models import Alteracao
from anil.storage.repositories.base import Reader, fetch, owned, scope, write_raw

A = Alteracao.__table__

_REGISTRAR = insert(A).values(
    tenant_id=bindparam("tenant_id"), evento_id=bindparam("evento_id"), alterado_em=bindparam("alterado_em")
)


def registrar(session: Session, tenant_id: str, evento_ids: Iterable[str], quando: datetime) -> None:
    """Append one entry per distinct event id; `quando` is naive UTC (the company clock's now)."""
    linhas = [
        {"tenant_id": tenant_id, "evento_id": evento_id, "alterado_em": quando}
        for evento_id in dict.fromkeys(evento_ids)
    ]
    if linhas:
        write_raw(session, _REGISTRAR, linhas)


# ------------------------------------------------------------------------------------------- reads ----

# Entries of the window [de, ate) (naive UTC), on `ix_alteracoes_tenant_em` (tenant, instant, event id).
_JANELA = and_(
    owned(A),
    A.c.alterado_em >= bindparam("de", type_=DateTime),
    A.c.alterado_em < bindparam("ate", type_=DateTime),
)
_CONTAR = select(func.count(distinct(A.c.evento_id))).where(_JANELA)
# Each event once, in the order it was first touched within the window, then by id: an event touched
# again while a client pages keeps its place, and events touched for the first time come after.
_PAGINA = (
    select(A.c.evento_id)
    .where(_JANELA)
    .group_by(A.c.evento_id)
    .order_by(func.min(A.c.alterado_em), A.c.evento_id)
    .limit(bindparam("limite", type_=Integer))
    .offset(bindparam("pular", type_=Integer))
)


def contar(reader: Reader, tenant_id: str, de: datetime, ate: datetime) -> int:
    """How many distinct events were touched in [de, ate) (naive UTC)."""
    return int(fetch(reader, _CONTAR, scope(tenant_id, de=de, ate=ate))[0][0] or 0)


def pagina(reader: Reader, tenant_id: str, de: datetime, ate: datetime, offset: int, limit: int) -> list[str]:
    """One page of the distinct event ids touched in [de, ate), first touch first."""
    rows = fetch(reader, _PAGINA, scope(tenant_id, de=de, ate=ate, limite=limit, pular=offset))
    return [row[0] for row in rows]
