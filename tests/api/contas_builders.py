"""Builders for the contas financeiras tests: accounts and transfers made through `/_anil/` (Conta Azul's API
cannot create them), read back through `/v1/*`, as a client would."""

from __future__ import annotations

from decimal import Decimal

from fastapi.testclient import TestClient

from tests.helpers import ADMIN, Company

UNKNOWN_ID = "0f6a7d2c-3b1e-4c8a-9d2f-5e6a7b8c9d01"


def create_account(
    client: TestClient, company: Company, nome: str = "Conta Corrente", **fields: object
) -> dict:
    response = client.post(
        f"/_anil/companies/{company.id}/contas-financeiras", json={"nome": nome, **fields}, headers=ADMIN
    )
    assert response.status_code == 201, response.text
    return response.json()


def create_transfer(
    client: TestClient,
    company: Company,
    de: str,
    para: str,
    valor: object = "100.00",
    **fields: object,
) -> dict:
    response = client.post(
        f"/_anil/companies/{company.id}/transferencias",
        json={"conta_origem": de, "conta_destino": para, "valor": valor, **fields},
        headers=ADMIN,
    )
    assert response.status_code == 201, response.text
    return response.json()


def accounts(client: TestClient, company: Company, query: str = "") -> dict:
    response = client.get(f"/v1/conta-financeira{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def caixinha(client: TestClient, company: Company) -> dict:
    (item,) = accounts(client, company, "?tipos=CAIXINHA")["itens"]
    return item


def saldo(client: TestClient, company: Company, conta_id: str) -> Decimal:
    response = client.get(f"/v1/conta-financeira/{conta_id}/saldo-atual", headers=company.auth)
    assert response.status_code == 200, response.text
    return Decimal(str(response.json()["saldo_atual"]))


def transfers(
    client: TestClient, company: Company, query: str = "data_inicio=2000-01-01&data_fim=2100-12-31"
) -> dict:
    response = client.get(f"/v1/financeiro/transferencias?{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()
