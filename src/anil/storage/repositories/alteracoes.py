"""The alterações feed (§3.10): every write to a financial event or its installments appends the event id
here, in the same transaction as the write, stamped with the company clock's instant (naive UTC).
The feed's reads (`GET …/alteracoes`) live beside it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, insert
from sqlalchemy.orm import Session

from anil.storage.models import Alteracao
from anil.storage.repositories.base import write_raw

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
