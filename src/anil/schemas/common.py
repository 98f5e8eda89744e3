"""Building blocks shared by every group's wire models.

`Money`: Conta Azul types amounts as JSON numbers. Pydantic would write a `Decimal` as a JSON *string*, so
Money is a Decimal quantized to 0.01 (half-up) on input and written as a number on output.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer
from pydantic_core import PydanticCustomError

from anil.domain.clock import utc_to_sao_paulo
from anil.domain.money import quantize

T = TypeVar("T")


def _to_money(value: object) -> object:
    if isinstance(value, bool):
        return value  # let pydantic reject it
    try:
        if isinstance(value, float):
            return quantize(Decimal(repr(value)))  # 0.1 → Decimal("0.1"), not 0.1000000000000000055…
        if isinstance(value, int | Decimal):
            return quantize(value)
    except ArithmeticError:  # infinite, or beyond the decimal context (1e300): a 400, not a 500
        raise PydanticCustomError("decimal_parsing", "Input should be a valid decimal") from None
    if isinstance(value, str):
        try:
            return quantize(value)
        except ArithmeticError:
            return value
    return value


def _money_json(value: Decimal) -> float | int:
    """Whole amounts as integers (`2000`), others as the shortest float that round-trips (`1500.75`).

    Money fits NUMERIC(15, 2): at most 15 significant digits, which a double represents exactly enough
    that its shortest repr is the decimal itself.
    """
    integral = value.to_integral_value()
    if value == integral:
        return int(integral)
    return float(value)


Money = Annotated[
    Decimal,
    BeforeValidator(_to_money),
    PlainSerializer(_money_json, return_type=float | int, when_used="json"),
]


# Brazil has had no daylight saving time since February 2019: from then on São Paulo is UTC−3 flat, and
# lists format two timestamps a row, so the zone database is consulted only for older instants.
_SEM_HORARIO_DE_VERAO = datetime(2019, 3, 1)  # noqa: DTZ001 (naive UTC, as stored)
_UTC_MENOS_3 = timedelta(hours=-3)


def carimbo(utc: datetime) -> str:
    """A stored naive-UTC instant as the API writes it: São Paulo local time, no zone, milliseconds
    without trailing zeros (`2025-05-16T17:51:04.63`, as production; choice `timestamp-format`)."""
    local = utc + _UTC_MENOS_3 if utc >= _SEM_HORARIO_DE_VERAO else utc_to_sao_paulo(utc)
    if local.microsecond < 1000:
        return local.isoformat(timespec="seconds")
    return local.isoformat(timespec="milliseconds").rstrip("0")


class Wire(BaseModel):
    """Base of response models: plain attributes, no extra keys, fast dumps."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class TotalItemsPage(Wire, Generic[T]):
    """`{totalItems, items}` (camelCase) of `GET /v1/pessoas` and `GET /v1/produtos`: `items` is null,
    not `[]`, when nothing matches (catalog §2.2)."""

    totalItems: int
    items: list[T] | None


def total_items_page(total: int, items: list[T]) -> dict[str, object]:
    return {"totalItems": total, "items": items or None}


class In(BaseModel):
    """Base of request bodies: fields Conta Azul does not know are ignored, as production does."""

    model_config = ConfigDict(extra="ignore")
