"""The alterações feed (§3.10 `GET …/eventos-financeiros/alteracoes`): which financial events were touched
in a window. Every write to an event, its installments or their settlements appends the event id
(`storage.repositories.alteracoes.registrar`, same transaction, stamped by the company clock)."""

from __future__ import annotations

from datetime import datetime

from anil.storage.repositories import alteracoes as repo
from anil.storage.repositories.base import Reader


def listar(
    reader: Reader, tenant_id: str, de: datetime, ate: datetime, offset: int, limit: int
) -> tuple[int, list[str]]:
    """`(itens_totais, ids of the page)`: distinct events touched in [de, ate) (naive UTC), first touch first."""
    total = repo.contar(reader, tenant_id, de, ate)
    if offset >= total:
        return total, []
    return total, repo.pagina(reader, tenant_id, de, ate, offset, limit)
