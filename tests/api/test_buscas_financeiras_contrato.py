"""The installment searches' bodies against Conta Azul's own `financial` OpenAPI file."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.baixas_builders import baixa_ok
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    criar_evento,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.contract.openapi import assert_conforms
from tests.helpers import create_company

BASE = "/v1/financeiro/eventos-financeiros"
QUERY = {
    "pagina": 1,
    "tamanho_pagina": 10,
    "data_vencimento_de": "2026-01-01",
    "data_vencimento_ate": "2026-12-31",
}

EXCEPTIONS = {
    "totais": "the provider file copies the cost centers' `{ativo, inativo, todos}` (catalog §2.2); the real "
    "block sums each situation: `{pago, vencido, vence_hoje, pendente, aberto, todos}`, each `{valor, "
    "quantidade}` (choice financeiro-busca-totais)",
    "itens/[]/data_criacao": "§2.6: São Paulo local time without offset (choice `timestamp-format`), as the "
    "alteração field's own description says (GMT-3); JSON Schema's date-time wants an offset",
    "itens/[]/data_alteracao": "§2.6: São Paulo local time without offset (choice `timestamp-format`), as its "
    "own description says (ISO 8601, São Paulo/GMT-3); JSON Schema's date-time wants an offset",
    "itens/[]/renegociacao": "null unless the installment was renegotiated; the provider types it as a plain "
    "object with no null",
}


@pytest.mark.parametrize(("tipo", "path"), [(RECEITA, "contas-a-receber"), (DESPESA, "contas-a-pagar")])
def test_search_bodies_conform(client: TestClient, tipo: str, path: str) -> None:
    company = create_company(client)
    f = fixtures_financeiras(client, company)
    build = receber_body if tipo == RECEITA else pagar_body
    categoria = f["categoria_receita"] if tipo == RECEITA else f["categoria_despesa"]
    body = build(
        f["conta"], f["contato"], categoria, "300.00", [("2026-03-10", "100.00"), ("2026-04-10", "200.00")]
    )
    body["rateio"][0]["rateio_centro_custo"] = [{"id_centro_custo": f["centro"], "valor": "300.00"}]
    evento_id = criar_evento(client, company, tipo, body)
    (primeira, _) = sorted(
        client.get(f"{BASE}/{evento_id}/parcelas", headers=company.auth).json(), key=lambda p: p["indice"]
    )
    baixa_ok(client, company, primeira["id"], "30.00", f["conta"], data="2026-03-10")
    response = client.get(f"{BASE}/{path}/buscar", params=QUERY, headers=company.auth)
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["itens_totais"] == 2 and found["itens"][0]["pago"] == 30
    assert_conforms("financial", "GET", f"{BASE}/{path}/buscar", 200, found, exceptions=EXCEPTIONS)
    # and the relaxed parts hold what anil promises instead
    assert set(found["totais"]) == {"pago", "vencido", "vence_hoje", "pendente", "aberto", "todos"}
    assert all(set(entry) == {"valor", "quantidade"} for entry in found["totais"].values())
    assert all(item["renegociacao"] is None for item in found["itens"])


def test_an_empty_search_conforms_without_the_items_exception(client: TestClient) -> None:
    company = create_company(client)
    response = client.get(f"{BASE}/contas-a-receber/buscar", params=QUERY, headers=company.auth)
    assert response.status_code == 200, response.text
    assert response.json()["itens"] == []
    assert_conforms(
        "financial",
        "GET",
        f"{BASE}/contas-a-receber/buscar",
        200,
        response.json(),
        exceptions={"totais": EXCEPTIONS["totais"]},
    )
