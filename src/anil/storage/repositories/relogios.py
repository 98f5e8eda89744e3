"""The companies' clocks (`relogios_empresas`): one row per company whose clock was frozen or moved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from anil.domain.clock import Clock, CompanyClock
from anil.storage.models import Empresa, RelogioEmpresa
from anil.storage.repositories.base import Reader, core, fetch, owned, scope, scoped_delete

R = RelogioEmpresa.__table__
E = Empresa.__table__

_AJUSTE = select(R.c.congelado_em, R.c.deslocamento_segundos).where(owned(R))

# The same two values as scalar subqueries, for a statement that wants the company's clock in the same
# round trip as its own rows (the person's financial summary): NULL, NULL when the company has no row.
CONGELADO_EM = select(R.c.congelado_em).where(owned(R)).scalar_subquery()
DESLOCAMENTO = select(R.c.deslocamento_segundos).where(owned(R)).scalar_subquery()


def de_ajuste(base: Clock, congelado: datetime | None, segundos: Any) -> Clock:
    """The clock a stored row (or the two subqueries above) describes; `base` itself without one."""
    if congelado is None and not segundos:
        return base
    return CompanyClock(
        base,
        congelado.replace(tzinfo=UTC) if congelado is not None else None,
        timedelta(seconds=int(segundos or 0)),
    )


def ajuste(reader: Reader, tenant_id: str) -> tuple[datetime | None, int] | None:
    """The stored row as (frozen instant in naive UTC or None, shift in seconds); None without a row."""
    rows = fetch(reader, _AJUSTE, scope(tenant_id))
    if not rows:
        return None
    congelado, segundos = rows[0]
    return congelado, int(segundos or 0)


def relogio(reader: Reader, tenant_id: str, base: Clock) -> Clock:
    """The company's clock: `base` itself when the company never touched its clock (no row)."""
    linha = ajuste(reader, tenant_id)
    if linha is None:
        return base
    return de_ajuste(base, *linha)


def empresa_existe(reader: Reader, empresa_id: str) -> bool:
    return core(reader).execute(select(E.c.id).where(E.c.id == empresa_id)).first() is not None


def definir(
    session: Session,
    tenant_id: str,
    congelado_em: datetime | None,
    deslocamento_segundos: int,
    agora: datetime,
) -> None:
    """Store the company's clock (replacing any row): `congelado_em` naive UTC or None (running)."""
    session.execute(scoped_delete(R, tenant_id))
    session.execute(
        insert(R).values(
            tenant_id=tenant_id,
            congelado_em=congelado_em,
            deslocamento_segundos=deslocamento_segundos,
            alterado_em=agora,
        )
    )


def remover(session: Session, tenant_id: str) -> None:
    """Back to the system clock: no row."""
    session.execute(scoped_delete(R, tenant_id))


def naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)
