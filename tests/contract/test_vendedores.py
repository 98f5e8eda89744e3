"""GET /v1/venda/vendedores against Conta Azul's own sales OpenAPI (`listVendedores`, 200)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.config import Settings
from anil.storage.engine import Database
from tests.conftest import ADMIN_KEY
from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, create_company

PATH = "/v1/venda/vendedores"


def _listed(client: TestClient) -> list[dict]:
    company = create_company(client)
    for nome in ("Ana Lima", "Bruno Costa"):
        response = client.post(
            f"/_anil/companies/{company.id}/vendedores", json={"nome": nome}, headers=ADMIN
        )
        assert response.status_code == 201, response.text
    response = client.get(PATH, headers=company.auth)
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 2
    return body


def test_the_production_answer_conforms(client: TestClient) -> None:
    """ANIL_QUIRKS=on: no `id_legado`, which the provider schema does not require."""
    body = _listed(client)
    assert all(set(item) == {"id", "nome"} for item in body)
    assert_conforms("sales", "GET", PATH, 200, body)


@pytest.fixture
def spec_client(settings: Settings, db: Database, clock) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    app = create_app(settings.model_copy(update={"quirks": "off"}), db=db, clock=clock, admin_key=ADMIN_KEY)
    with TestClient(app) as client:
        yield client


def test_the_spec_answer_conforms(spec_client: TestClient) -> None:
    """ANIL_QUIRKS=off: every documented field, `id_legado` an integer."""
    body = _listed(spec_client)
    assert all(set(item) == {"id", "nome", "id_legado"} for item in body)
    assert_conforms("sales", "GET", PATH, 200, body)


def test_the_check_can_fail() -> None:
    with pytest.raises(AssertionError):
        assert_conforms("sales", "GET", PATH, 200, [{"id": "x", "nome": "Ana", "id_legado": "123"}])
    with pytest.raises(AssertionError):
        assert_conforms("sales", "GET", PATH, 200, {"itens": []})
