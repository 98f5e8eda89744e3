"""`/v1/categorias`, `/v1/categorias/configuracao-padrao`, `/v1/financeiro/categorias-dre` against Conta
Azul's own financial OpenAPI (`searchCategories`, `getDefaultCategoryConfig`, `searchDreCategories`, 200;
their 400s document no body)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, create_company

# defaults.md §1.2: a null `entrada_dre` is the category form's "Não mostrar no DRE Gerencial"; groups and
# seven children of the default plan have none. The provider file types it as a plain string.
ENTRADA_DRE_NULA = {
    "itens/[]/entrada_dre": "defaults.md §1.2: null = not shown in the DRE (groups, some children)"
}
# defaults.md §3: totalizer lines carry `codigo: null` in real responses (PROBE); the provider says string.
CODIGO_TOTALIZADOR = {"itens/[]/codigo": "defaults.md §3: totalizers have codigo null in production"}
# The 12 root system categories have no plan code (defaults.md §1.5, choice categorias-codigo).
CODIGO_CATEGORIA = {
    "itens/[]/categorias_financeiras/[]/codigo": "defaults.md §1.5: root system categories have no code"
}


def test_the_category_list_conforms(client: TestClient) -> None:
    company = create_company(client)
    for params in (
        {"pagina": 1, "tamanho_pagina": 200},
        {"pagina": 1, "tamanho_pagina": 10, "tipo": "RECEITA"},
        {"pagina": 1, "tamanho_pagina": 50, "apenas_filhos": "true", "permite_apenas_filhos": "true"},
        {"pagina": 99, "tamanho_pagina": 10, "busca": "nada"},
    ):
        response = client.get("/v1/categorias", params=params, headers=company.auth)
        assert response.status_code == 200
        assert_conforms("financial", "GET", "/v1/categorias", 200, response.json(), ENTRADA_DRE_NULA)
    # with only linked categories, no exception is needed
    response = client.get(
        "/v1/categorias", params={"tamanho_pagina": 100, "busca": "tarifas"}, headers=company.auth
    )
    assert response.json()["itens_totais"] == 5
    assert_conforms("financial", "GET", "/v1/categorias", 200, response.json())


def test_the_exception_is_needed_for_unlinked_categories(client: TestClient) -> None:
    company = create_company(client)
    body = client.get("/v1/categorias", params={"tamanho_pagina": 200}, headers=company.auth).json()
    with pytest.raises(AssertionError, match="entrada_dre"):
        assert_conforms("financial", "GET", "/v1/categorias", 200, body)


@pytest.mark.parametrize("sugestao", ["true", "false"])
def test_the_default_configuration_conforms(client: TestClient, sugestao: str) -> None:
    company = create_company(client)
    path = "/v1/categorias/configuracao-padrao"
    response = client.get(path, params={"sugestao_padrao": sugestao}, headers=company.auth)
    assert response.status_code == 200
    assert len(response.json()) == 13
    assert_conforms("financial", "GET", path, 200, response.json())


def _niveis(itens: list[dict]) -> list[list[dict]]:
    """The tree's levels: the provider schema is recursive and the harness checks its first level only."""
    out = [itens]
    for item in itens:
        if item["subitens"]:
            out += _niveis(item["subitens"])
    return out


def test_the_dre_tree_conforms_at_every_level(client: TestClient) -> None:
    company = create_company(client)
    created = client.post(
        f"/_anil/companies/{company.id}/categorias",
        json={"nome": "Royalties", "tipo": "RECEITA", "entrada_dre": "OUTRAS_RECEITAS_NAO_OPERACIONAIS"},
        headers=ADMIN,
    )
    assert created.status_code == 201
    path = "/v1/financeiro/categorias-dre"
    response = client.get(path, headers=company.auth)
    assert response.status_code == 200
    levels = _niveis(response.json()["itens"])
    assert len(levels) == 8  # the top level and the seven groups' lines
    for level in levels:
        assert_conforms(
            "financial", "GET", path, 200, {"itens": level}, CODIGO_TOTALIZADOR | CODIGO_CATEGORIA
        )
    # the top level holds the totalizers (codigo null), the lines hold the codeless system categories
    with pytest.raises(AssertionError, match="codigo"):
        assert_conforms("financial", "GET", path, 200, {"itens": levels[0]})
    financeiras = next(level for level in levels if any(i["codigo"] == "05.2" for i in level))
    with pytest.raises(AssertionError, match="codigo"):
        assert_conforms("financial", "GET", path, 200, {"itens": financeiras})
