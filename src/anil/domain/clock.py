"""Clocks. Every rule that reads "now" takes a Clock, so tests and the sandbox can move time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

SAO_PAULO = ZoneInfo("America/Sao_Paulo")


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class MovableClock:
    """A clock that can be frozen or shifted; used by tests and the sandbox's time control."""

    def __init__(self, start: datetime | None = None) -> None:
        self._frozen = start
        self._offset = timedelta(0)

    def now(self) -> datetime:
        base = self._frozen if self._frozen is not None else datetime.now(UTC)
        return base + self._offset

    def advance(self, delta: timedelta) -> None:
        self._offset += delta

    def freeze(self, at: datetime) -> None:
        self._frozen = at
        self._offset = timedelta(0)


def local_now(clock: Clock) -> datetime:
    return clock.now().astimezone(SAO_PAULO)


def local_today(clock: Clock) -> date:
    return local_now(clock).date()


def sao_paulo_to_utc(naive_local: datetime) -> datetime:
    """A date-time written without offset in the API is São Paulo local time; store and compare in UTC."""
    return naive_local.replace(tzinfo=SAO_PAULO).astimezone(UTC).replace(tzinfo=None)


def utc_to_sao_paulo(naive_utc: datetime) -> datetime:
    return naive_utc.replace(tzinfo=UTC).astimezone(SAO_PAULO).replace(tzinfo=None)


class CompanyClock:
    """A company's clock (issue 4): the base clock, frozen at an instant and/or shifted. Every date rule of
    the financial core (due, overdue, "this month") reads it; token expiry keeps reading the base clock.
    `congelado_em` is an aware UTC datetime; the shift applies on top of the frozen instant too."""

    __slots__ = ("base", "congelado_em", "deslocamento")

    def __init__(
        self, base: Clock, congelado_em: datetime | None = None, deslocamento: timedelta = timedelta(0)
    ):
        self.base = base
        self.congelado_em = congelado_em
        self.deslocamento = deslocamento

    def now(self) -> datetime:
        agora = self.congelado_em if self.congelado_em is not None else self.base.now()
        return agora + self.deslocamento
