"""Builders for the installment and settlement tests: events made through the public API
(`financeiro_builders`), then their installments read, edited and settled over HTTP, as a client would."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    criar_evento,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.helpers import ADMIN, Company

BASE = "/v1/financeiro/eventos-financeiros"
UNKNOWN_ID = "0f6a7d2c-3b1e-4c8a-9d2f-5e6a7b8c9d01"


def evento(
    client: Any,
    company: Company,
    f: dict,
    tipo: str = RECEITA,
    parcelas: list[tuple[str, str]] | None = None,
    conta: str | None = None,
) -> str:
    """A receivable (or payable) with the given installments `(data_vencimento, valor_bruto)`, all on
    `conta` (default: the fixtures' bank account); the event's id."""
    parcelas = parcelas or [("2030-01-10", "100.00")]
    valor = str(sum((Decimal(v) for _, v in parcelas), Decimal("0.00")))
    conta = conta or f["conta"]
    if tipo == RECEITA:
        body = receber_body(conta, f["contato"], f["categoria_receita"], valor=valor, parcelas=parcelas)
    else:
        body = pagar_body(conta, f["contato"], f["categoria_despesa"], valor=valor, parcelas=parcelas)
    return criar_evento(client, company, tipo, body)


def parcelas(client: Any, company: Company, evento_id: str | int) -> list[dict]:
    response = client.get(f"{BASE}/{evento_id}/parcelas", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def parcela(client: Any, company: Company, parcela_id: str) -> dict:
    response = client.get(f"{BASE}/parcelas/{parcela_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def uma_parcela(
    client: Any,
    company: Company,
    f: dict,
    tipo: str = RECEITA,
    valor: str = "100.00",
    vencimento: str = "2030-01-10",
) -> dict:
    """An event of one installment; that installment's detail."""
    (item,) = parcelas(client, company, evento(client, company, f, tipo, [(vencimento, valor)]))
    return item


def baixar(
    client: Any,
    company: Company,
    parcela_id: str,
    valor_bruto: object,
    conta: str,
    data: str = "2026-01-05",
    **extra: object,
):  # type: ignore[no-untyped-def]
    """POST a settlement; the raw response. `extra`: other composition parts (juros, multa, desconto,
    taxa) or top-level fields (metodo_pagamento, observacao, nsu)."""
    composicao = {"valor_bruto": valor_bruto}
    topo = {}
    for chave, valor in extra.items():
        (composicao if chave in {"juros", "multa", "desconto", "taxa"} else topo)[chave] = valor
    body = {"data_pagamento": data, "composicao_valor": composicao, "conta_financeira": conta, **topo}
    return client.post(f"{BASE}/parcelas/{parcela_id}/baixa", json=body, headers=company.auth)


def baixa_ok(
    client: Any, company: Company, parcela_id: str, valor_bruto: object, conta: str, **extra: object
) -> dict:
    response = baixar(client, company, parcela_id, valor_bruto, conta, **extra)
    assert response.status_code == 200, response.text
    return response.json()


def baixas(client: Any, company: Company, parcela_id: str) -> list[dict]:
    response = client.get(f"{BASE}/parcelas/{parcela_id}/baixa", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def baixa(client: Any, company: Company, baixa_id: str) -> dict:
    response = client.get(f"{BASE}/parcelas/baixa/{baixa_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def alterar_baixa(client: Any, company: Company, baixa_id: str, body: dict):  # type: ignore[no-untyped-def]
    return client.patch(f"{BASE}/parcelas/baixa/{baixa_id}", json=body, headers=company.auth)


def excluir_baixa(client: Any, company: Company, baixa_id: str):  # type: ignore[no-untyped-def]
    return client.delete(f"{BASE}/parcelas/baixa/{baixa_id}", headers=company.auth)


def alterar_parcela(client: Any, company: Company, parcela_id: str, body: dict):  # type: ignore[no-untyped-def]
    return client.patch(f"{BASE}/parcelas/{parcela_id}", json=body, headers=company.auth)


def patch_minimo(atual: dict, **campos: object) -> dict:
    """The smallest valid PATCH of an installment read as `atual`: its version and gross value."""
    return {
        "versao": atual["versao"],
        "composicao_valor": {"valor_bruto": atual["valor_composicao"]["valor_bruto"]},
        **campos,
    }


def saldo(client: Any, company: Company, conta_id: str) -> Decimal:
    response = client.get(f"/v1/conta-financeira/{conta_id}/saldo-atual", headers=company.auth)
    assert response.status_code == 200, response.text
    return Decimal(str(response.json()["saldo_atual"]))


def renovar(client: TestClient, company: Company) -> Company:
    """A fresh access token for the company (after the test clock moved past the old one's hour)."""
    response = client.post(
        "/_anil/tokens", json={"id_empresa": company.id, "client_id": company.client_id}, headers=ADMIN
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return Company(
        company.id, body["access_token"], body["refresh_token"], company.client_id, company.client_secret
    )


__all__ = ["DESPESA", "RECEITA", "fixtures_financeiras"]
