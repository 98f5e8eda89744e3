"""Each company's clock (issue 4): what "now" and "today" mean for a company's date rules (due,
overdue, "this month"). The system clock unless the company's clock was frozen or moved through
`/_anil/` or the CLI."""

from __future__ import annotations

from datetime import date, datetime

from anil.domain.clock import Clock, local_today
from anil.storage.repositories import relogios as repo
from anil.storage.repositories.base import Reader


def relogio(reader: Reader, tenant_id: str, base: Clock) -> Clock:
    return repo.relogio(reader, tenant_id, base)


def hoje(reader: Reader, tenant_id: str, base: Clock) -> date:
    """The company's today, in São Paulo."""
    return local_today(repo.relogio(reader, tenant_id, base))


def agora_utc(reader: Reader, tenant_id: str, base: Clock) -> datetime:
    """The company's now as the naive UTC the database columns hold."""
    return repo.naive_utc(repo.relogio(reader, tenant_id, base).now())
