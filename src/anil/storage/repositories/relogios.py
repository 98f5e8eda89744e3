"""The companies' clocks (`relogios_empresas`): one row per company whose clock was frozen or moved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from anil.domain.clock import Clock, CompanyClock
from anil.storage.models import RelogioEmpresa
from anil.storage.repositories.base import Reader, fetch, owned, scope

R = RelogioEmpresa.__table__

_AJUSTE = select(R.c.congelado_em, R.c.deslocamento_segundos).where(owned(R))


def relogio(reader: Reader, tenant_id: str, base: Clock) -> Clock:
    """The company's clock: `base` itself when the company never touched its clock (no row)."""
    rows = fetch(reader, _AJUSTE, scope(tenant_id))
    if not rows:
        return base
    congelado, segundos = rows[0]
    return CompanyClock(
        base,
        congelado.replace(tzinfo=UTC) if congelado is not None else None,
        timedelta(seconds=int(segundos or 0)),
    )


def naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)
