"""`GET` and `POST /v1/centro-de-custo` against Conta Azul's own financial OpenAPI (`searchCostCenters`,
`createCostCenter`, 200; their 400s document no body)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, create_company

PATH = "/v1/centro-de-custo"


def test_create_and_list_conform(client: TestClient) -> None:
    company = create_company(client)
    empty = client.get(PATH, params={"pagina": 1, "tamanho_pagina": 10}, headers=company.auth)
    assert empty.status_code == 200
    assert_conforms("financial", "GET", PATH, 200, empty.json())
    for body in (
        {"nome": "Contabilidade", "codigo": "1040"},
        {"nome": "Sem código"},
        {"nome": "Nulo", "codigo": None},
    ):
        response = client.post(PATH, json=body, headers=company.auth)
        assert response.status_code == 200
        assert_conforms("financial", "POST", PATH, 200, response.json())
    response = client.post(
        f"/_anil/companies/{company.id}/centros-de-custo",
        json={"nome": "Antigo", "ativo": False},
        headers=ADMIN,
    )
    assert response.status_code == 201
    for params in (
        {},
        {"filtro_rapido": "INATIVO"},
        {"busca": "1040", "campo_ordenado_descendente": "CODIGO"},
    ):
        response = client.get(
            PATH, params={"pagina": 1, "tamanho_pagina": 10, **params}, headers=company.auth
        )
        assert response.status_code == 200
        body = response.json()
        # `items` is the provider's key; the same list also goes out as `itens`, which the official n8n
        # node reads (catalog §2.2): an extra key the schema allows, so no exception is needed.
        assert body["itens"] == body["items"]
        assert body["items"]
        assert_conforms("financial", "GET", PATH, 200, body)
