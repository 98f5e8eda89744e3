"""`preco`/`custo` are money: any amount with at most two places round-trips exactly through POST, PATCH and
GET as a JSON number, and more places are rounded half-up to cents (property-based)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.test_servicos import create, get, patch, servico
from tests.helpers import create_company

_CENTS = st.integers(min_value=0, max_value=999_999_999_999_99)
_FAST = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _wire(cents: int) -> int | float:
    """An amount as a client sends it: an integer when whole, else a float with two places."""
    return cents // 100 if cents % 100 == 0 else float(Decimal(cents) / 100)


def _back(value: int | float) -> Decimal:
    return Decimal(repr(value))


@_FAST
@given(preco=_CENTS, custo=_CENTS)
def test_two_place_amounts_round_trip_exactly(client: TestClient, preco: int, custo: int) -> None:
    company = create_company(client)
    created = create(client, company, servico(preco=_wire(preco), custo=_wire(custo)))
    assert _back(created["preco"]) == Decimal(preco) / 100
    assert _back(created["custo"]) == Decimal(custo) / 100
    assert get(client, company, created["id"]) == created


@_FAST
@given(preco=_CENTS)
def test_patched_amounts_round_trip_exactly(client: TestClient, preco: int) -> None:
    company = create_company(client)
    created = create(client, company, servico())
    assert patch(client, company, created["id"], {"preco": _wire(preco)}).status_code == 204
    assert _back(get(client, company, created["id"])["preco"]) == Decimal(preco) / 100


@_FAST
@given(mils=st.integers(min_value=0, max_value=10**12))
def test_more_places_are_rounded_half_up_to_cents(client: TestClient, mils: int) -> None:
    company = create_company(client)
    sent = Decimal(mils) / 1000
    created = create(client, company, servico(preco=str(sent)))
    assert _back(created["preco"]) == sent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
