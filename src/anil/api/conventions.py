"""Request conventions shared by every group (catalog §2.2–§2.7): paging, query arrays, dates, UUIDs.

Query strings are read by hand rather than through FastAPI's validation so that every failure gets
Conta Azul's status and Portuguese message, and unknown parameters are ignored (§2.5).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from starlette.datastructures import QueryParams

from anil.api import choices
from anil.errors import InvalidInput

_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LOCAL_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_uuid(value: str) -> bool:
    return bool(_UUID_RE.match(value))


def require_uuid(value: str, message: str = choices.UUID_MESSAGE) -> str:
    if not is_uuid(value):
        raise InvalidInput(message)
    return str(uuid.UUID(value))


def enum_message(name: str, allowed: Sequence[str]) -> str:
    return f"O valor do atributo '{name}' deve ser um dos seguintes valores: {', '.join(allowed)}"


@dataclass(frozen=True, slots=True)
class Page:
    pagina: int
    tamanho_pagina: int

    @property
    def offset(self) -> int:
        return (self.pagina - 1) * self.tamanho_pagina


class QueryReader:
    def __init__(self, params: QueryParams) -> None:
        self.params = params

    def raw(self, name: str) -> str | None:
        value = self.params.get(name)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def integer(self, name: str, *, default: int | None = None, minimum: int | None = None) -> int | None:
        value = self.raw(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise InvalidInput(f"O valor do atributo '{name}' deve ser um número inteiro") from None
        if minimum is not None and number < minimum:
            raise InvalidInput(f"O valor do atributo '{name}' deve ser maior ou igual a {minimum}")
        return number

    def page(
        self,
        *,
        default_size: int = 10,
        sizes: Sequence[int] = choices.PAGE_SIZES,
        size_message: str = choices.PAGE_SIZE_MESSAGE,
    ) -> Page:
        pagina = self.integer("pagina", default=1)
        assert pagina is not None
        if pagina < 1:
            raise InvalidInput(choices.PAGE_MESSAGE)
        raw_size = self.raw("tamanho_pagina")
        if raw_size is None:
            return Page(pagina, default_size)
        try:
            size = int(raw_size)
        except ValueError:
            raise InvalidInput(size_message) from None
        if size not in sizes:
            raise InvalidInput(size_message)
        return Page(pagina, size)

    def strings(self, name: str) -> list[str]:
        """Repeated keys and comma-separated values, in any mix (§2.4)."""
        values: list[str] = []
        for raw in self.params.getlist(name):
            values.extend(part.strip() for part in raw.split(",") if part.strip())
        return values

    def uuids(self, name: str) -> list[str]:
        return [require_uuid(value) for value in self.strings(name)]

    def enum(self, name: str, allowed: Sequence[str], *, default: str | None = None) -> str | None:
        value = self.raw(name)
        if value is None:
            return default
        if value not in allowed:
            raise InvalidInput(enum_message(name, allowed))
        return value

    def enums(self, name: str, allowed: Iterable[str]) -> list[str]:
        allowed = list(allowed)
        values = self.strings(name)
        for value in values:
            if value not in allowed:
                raise InvalidInput(enum_message(name, allowed))
        return values

    def boolean(self, name: str, *, default: bool | None = None) -> bool | None:
        value = self.raw(name)
        if value is None:
            return default
        lowered = value.lower()
        if lowered in {"true", "1"}:
            return True
        if lowered in {"false", "0"}:
            return False
        raise InvalidInput(f"O valor do atributo '{name}' deve ser true ou false")

    def date(self, name: str) -> date | None:
        value = self.raw(name)
        if value is None:
            return None
        return parse_date(value, name)

    def local_datetime(self, name: str) -> datetime | None:
        """ISO-8601 date-time without offset, São Paulo local time; `Z`, offsets and plain dates → 400."""
        value = self.raw(name)
        if value is None:
            return None
        if not _LOCAL_DATETIME_RE.match(value):
            raise InvalidInput(
                f"O valor do atributo '{name}' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"
            )
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise InvalidInput(
                f"O valor do atributo '{name}' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"
            ) from None


def parse_date(value: str, name: str) -> date:
    if not _DATE_RE.match(value):
        raise InvalidInput(f"O valor do atributo '{name}' deve estar no formato yyyy-MM-dd")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"O valor do atributo '{name}' deve estar no formato yyyy-MM-dd") from None


def date_pair(
    reader: QueryReader, start: str, end: str, *, local_datetime: bool = False, max_days: int | None = None
):  # type: ignore[no-untyped-def]
    """A date range whose two ends go together (§2.6): one side alone → 400; end before start → 400."""
    read = reader.local_datetime if local_datetime else reader.date
    first, last = read(start), read(end)
    if (first is None) != (last is None):
        raise InvalidInput(f"É necessário informar ambos os parâmetros de data: '{start}' e '{end}'")
    if first is not None and last is not None:
        if last < first:
            raise InvalidInput(f"O valor de '{end}' deve ser posterior ao valor de '{start}'")
        if max_days is not None and last - first > timedelta(days=max_days):
            raise InvalidInput(f"O período entre '{start}' e '{end}' não pode ser maior que {max_days} dias")
    return first, last
