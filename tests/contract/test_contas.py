"""Contas financeiras, saldos and transferências against Conta Azul's own `financial` OpenAPI file."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.contas_builders import UNKNOWN_ID, caixinha, create_account, create_transfer
from tests.contract.openapi import assert_conforms
from tests.helpers import Company, create_company

NULL_BANK_DETAILS = {
    "itens/[]/agencia": "defaults.md §4: the cash account has null agência and número (real PROBE sample); "
    "the provider types them as plain strings",
    "itens/[]/numero": "defaults.md §4: the cash account has null agência and número (real PROBE sample); "
    "the provider types them as plain strings",
}


@pytest.fixture
def company(client: TestClient) -> Company:
    company = create_company(client)
    banco = create_account(
        client,
        company,
        "Conta Corrente Principal",
        banco="BANCO_BRASIL",
        agencia="001",
        numero="31",
        saldo_inicial="-250.75",
        data_saldo_inicial="2026-01-02",
    )
    create_transfer(
        client,
        company,
        banco["id"],
        caixinha(client, company)["id"],
        "1500.50",
        data="2026-02-15",
        descricao="Transferência para o caixa",
        origem={"taxa": "2.50"},
    )
    return company


def test_conta_financeira_list(client: TestClient, company: Company) -> None:
    response = client.get(
        "/v1/conta-financeira?tipos[0]=CAIXINHA&tipos[1]=CONTA_CORRENTE", headers=company.auth
    )
    assert response.status_code == 200
    body = response.json()
    assert body["itens_totais"] == 2
    assert_conforms("financial", "GET", "/v1/conta-financeira", 200, body, exceptions=NULL_BANK_DETAILS)


def test_a_bank_account_conforms_without_exceptions(client: TestClient, company: Company) -> None:
    body = client.get("/v1/conta-financeira?tipos=CONTA_CORRENTE", headers=company.auth).json()
    assert body["itens"][0]["agencia"] == "001"
    assert_conforms("financial", "GET", "/v1/conta-financeira", 200, body)


def test_saldo_atual(client: TestClient, company: Company) -> None:
    conta = caixinha(client, company)["id"]
    path = "/v1/conta-financeira/{id_conta_financeira}/saldo-atual"
    ok = client.get(f"/v1/conta-financeira/{conta}/saldo-atual", headers=company.auth)
    assert ok.status_code == 200 and ok.json() == {"saldo_atual": 1500.5}
    assert_conforms("financial", "GET", path, 200, ok.json())
    malformed = client.get("/v1/conta-financeira/fbbccb85-a71a-4dfdb699/saldo-atual", headers=company.auth)
    assert malformed.status_code == 400
    assert_conforms("financial", "GET", path, 400, malformed.json())
    unknown = client.get(f"/v1/conta-financeira/{UNKNOWN_ID}/saldo-atual", headers=company.auth)
    assert unknown.status_code == 404
    assert_conforms(
        "financial", "GET", path, 400, unknown.json()
    )  # 404 is undocumented: same {code, message}


def test_transferencias(client: TestClient, company: Company) -> None:
    path = "/v1/financeiro/transferencias"
    ok = client.get(f"{path}?data_inicio=2026-01-01&data_fim=2026-12-31", headers=company.auth)
    assert ok.status_code == 200 and ok.json()["itens_totais"] == 1
    assert_conforms("financial", "GET", path, 200, ok.json())
    refused = client.get(f"{path}?data_inicio=2026-12-31&data_fim=2026-01-01", headers=company.auth)
    assert refused.status_code == 400
    assert_conforms("financial", "GET", path, 400, refused.json())


def test_saldo_inicial(client: TestClient, company: Company) -> None:
    path = "/v1/financeiro/eventos-financeiros/saldo-inicial"
    ok = client.get(
        f"{path}?data_inicio=2026-01-01T00:00:00&data_fim=2026-01-31T23:59:59", headers=company.auth
    )
    assert ok.status_code == 200
    body = ok.json()
    assert [i["tipo"] for i in body["itens"]] == ["DESPESA"]
    assert_conforms("financial", "GET", path, 200, body)
