"""The rules of a company-clock setting (`anil.domain.relogios`): durations, instants, advancing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anil.domain.relogios import AVANCO_MAXIMO, avancar, duracao_avanco, instante_congelamento, parse_duracao
from anil.errors import InvalidInput

PARTES = st.fixed_dictionaries(
    {},
    optional={
        "W": st.integers(0, 500),
        "D": st.integers(0, 5000),
        "H": st.integers(0, 10**5),
        "M": st.integers(0, 10**6),
        "S": st.integers(0, 10**7),
    },
)


def iso(partes: dict[str, int]) -> str:
    data = "".join(f"{partes[k]}{k}" for k in ("W", "D") if k in partes)
    hora = "".join(f"{partes[k]}{k}" for k in ("H", "M", "S") if k in partes)
    return "P" + data + (f"T{hora}" if hora else "")


@settings(max_examples=200)
@given(PARTES.filter(bool))
def test_an_iso_duration_is_the_sum_of_its_parts(partes: dict[str, int]) -> None:
    esperado = timedelta(
        weeks=partes.get("W", 0),
        days=partes.get("D", 0),
        hours=partes.get("H", 0),
        minutes=partes.get("M", 0),
        seconds=partes.get("S", 0),
    )
    assert parse_duracao(iso(partes)) == esperado
    assert parse_duracao(iso(partes).lower()) == esperado
    if timedelta(0) < esperado <= AVANCO_MAXIMO:
        assert duracao_avanco(duracao=iso(partes)) == esperado
    else:
        with pytest.raises(InvalidInput):
            duracao_avanco(duracao=iso(partes))


@settings(max_examples=200)
@given(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 10**5), st.integers(0, 10**6))
def test_the_fields_add_up(dias: int, horas: int, minutos: int, segundos: int) -> None:
    total = timedelta(days=dias, hours=horas, minutes=minutos, seconds=segundos)
    if total == timedelta(0):
        with pytest.raises(InvalidInput, match="só avança"):
            duracao_avanco(dias=dias, horas=horas, minutos=minutos, segundos=segundos)
    else:
        assert duracao_avanco(dias=dias, horas=horas, minutos=minutos, segundos=segundos) == total


@given(st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(8999, 12, 31)))
def test_a_local_instant_and_its_utc_spelling_freeze_at_the_same_moment(local: datetime) -> None:
    instante = instante_congelamento(instante=local.isoformat(timespec="microseconds"))
    utc = instante.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
    assert instante_congelamento(instante=utc) == instante
    assert instante.tzinfo is UTC


def test_advancing_moves_a_frozen_instant_or_a_running_shift() -> None:
    congelado = datetime(2026, 1, 1, tzinfo=UTC)
    assert avancar(congelado, timedelta(0), timedelta(hours=3)) == (
        congelado + timedelta(hours=3),
        timedelta(0),
    )
    assert avancar(None, timedelta(days=1), timedelta(hours=3)) == (None, timedelta(days=1, hours=3))
