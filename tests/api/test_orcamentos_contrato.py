"""/v1/orcamentos against Conta Azul's own proposal OpenAPI (`conta-azul-proposal-openapi.yml`): every
documented answer anil gives, in both quirk modes, validated by the provider schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import MovableClock
from anil.storage.engine import Database
from tests.api import orcamentos_builders as b
from tests.conftest import ADMIN_KEY
from tests.contract.openapi import assert_conforms
from tests.helpers import create_company

SPEC = "proposal"
UNKNOWN = "8f2c1f52-0d7e-4a55-9a9e-2c1e7f0a6b11"


@pytest.fixture
def spec_client(settings: Settings, db: Database, clock: MovableClock) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"quirks": "off"}), db=db, clock=clock, admin_key=ADMIN_KEY)
    with TestClient(app) as test_client:
        yield test_client


def _exercise(client: TestClient) -> None:
    company = create_company(client)
    cliente = b.cliente(client, company, "Beatriz", email="bia@example.com")
    produto = b.produto(client, company)
    servico = b.servico(client, company)
    b.vendedor(client, company, "Carla")
    completo = b.corpo(
        cliente,
        b.item(produto, 2, 100, valor_custo=40),
        b.item(servico, 1.5, 80),
        descricao="Proposta",
        previsao_entrega="À combinar",
        observacoes="Entrega grátis",
        observacoes_pagamento="À vista",
        composicao_de_valor={"frete": 5, "desconto": {"tipo": "VALOR", "valor": 10}},
    )
    minimo = b.corpo(b.cliente(client, company, "Sem email"), b.item(produto))
    criados = []
    for body in (completo, minimo):
        response = client.post(b.PATH, json=body, headers=company.auth)
        assert response.status_code == 201
        assert_conforms(SPEC, "POST", "/v1/orcamentos", 201, response.json())
        criados.append(response.json()["id"])
    assert b.situacao(client, company, criados[1], "ORCAMENTO_RECUSADO").status_code == 200
    for orcamento_id in criados:
        response = client.get(f"{b.PATH}/{orcamento_id}", headers=company.auth)
        assert response.status_code == 200
        assert_conforms(SPEC, "GET", "/v1/orcamentos/{id}", 200, response.json())
    lista = client.get(b.PATH, headers=company.auth)
    assert lista.status_code == 200 and len(lista.json()["itens"]) == 2
    assert_conforms(SPEC, "GET", "/v1/orcamentos", 200, lista.json())
    for method, path, status, kwargs in (
        ("GET", "/v1/orcamentos", 400, {"params": {"numeros[]": "1"}}),
        ("POST", "/v1/orcamentos", 400, {"json": {}}),
        ("DELETE", "/v1/orcamentos", 400, {"json": {"ids": []}}),
        ("GET", "/v1/orcamentos/{id}", 400, {}),
        ("GET", "/v1/orcamentos/{id}", 404, {}),
    ):
        url = path.replace("{id}", UNKNOWN if status == 404 else "x")
        response = client.request(method, url, headers=company.auth, **kwargs)
        assert response.status_code == status
        assert_conforms(SPEC, method, path, status, response.json())
    response = client.request("DELETE", b.PATH, json={"ids": criados}, headers=company.auth)
    assert (response.status_code, response.content) == (204, b"")


def test_the_production_answers_conform(client: TestClient) -> None:
    _exercise(client)


def test_the_spec_answers_conform(spec_client: TestClient) -> None:
    _exercise(spec_client)


def test_the_check_can_fail() -> None:
    with pytest.raises(AssertionError):
        assert_conforms(SPEC, "GET", "/v1/orcamentos/{id}", 200, {"numero": "1"})
    with pytest.raises(AssertionError):
        assert_conforms(
            SPEC, "GET", "/v1/orcamentos", 200, {"itens": [{"situacao": "APROVADO"}], "total_itens": 1}
        )
    with pytest.raises(AssertionError):
        assert_conforms(SPEC, "GET", "/v1/orcamentos/{id}", 200, {"observacoes": None})
