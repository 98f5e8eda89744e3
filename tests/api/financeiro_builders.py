"""Builders for the financial-core tests: receivables and payables created through the public API (POST →
202 → poll `GET /v1/protocolo/{id}`), and the records they reference (an account through `/_anil/`, a
person, categories of the company's default plan, a cost center), as a client would."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from tests.api.contas_builders import create_account
from tests.helpers import Company

BASE = "/v1/financeiro/eventos-financeiros"
RECEITA = "RECEITA"
DESPESA = "DESPESA"
_PATH = {RECEITA: f"{BASE}/contas-a-receber", DESPESA: f"{BASE}/contas-a-pagar"}


def _body(
    conta_id: str,
    contato_id: str,
    categoria_id: str | None,
    valor: str,
    parcelas: list[tuple[str, str]],
    extra: dict,
) -> dict:
    body: dict = {
        "data_competencia": parcelas[0][0] if parcelas else "2026-12-01",
        "valor": valor,
        "observacao": "Observação do evento",
        "descricao": "Evento de teste",
        "contato": contato_id,
        "conta_financeira": conta_id,
        "condicao_pagamento": {
            "parcelas": [
                {
                    "descricao": f"Parcela {i}/{len(parcelas)}",
                    "data_vencimento": vencimento,
                    "nota": "",
                    "conta_financeira": conta_id,
                    "detalhe_valor": {"valor_bruto": bruto},
                }
                for i, (vencimento, bruto) in enumerate(parcelas, 1)
            ]
        },
    }
    if categoria_id is not None:
        body["rateio"] = [{"id_categoria": categoria_id, "valor": valor}]
    body.update(extra)
    return body


def receber_body(
    conta_id: str,
    contato_id: str,
    categoria_id: str | None,
    valor: str = "100.00",
    parcelas: list[tuple[str, str]] | None = None,
    **extra: object,
) -> dict:
    """A receivable body: one rateio line (the whole value to `categoria_id`, a RECEITA category) and
    the installments `(data_vencimento, valor_bruto)`, each on `conta_id`. `extra` overrides top keys."""
    return _body(conta_id, contato_id, categoria_id, valor, parcelas or [("2026-12-10", valor)], extra)


def pagar_body(
    conta_id: str,
    contato_id: str,
    categoria_id: str | None,
    valor: str = "100.00",
    parcelas: list[tuple[str, str]] | None = None,
    **extra: object,
) -> dict:
    """A payable body, as `receber_body` (`categoria_id` a DESPESA category)."""
    return _body(conta_id, contato_id, categoria_id, valor, parcelas or [("2026-12-10", valor)], extra)


def enviar(client: TestClient, company: Company, tipo: str, body: dict):  # type: ignore[no-untyped-def]
    """POST the body; the raw response (202 with a protocol, or the 400)."""
    return client.post(_PATH[tipo], json=body, headers=company.auth)


def protocolo(client: TestClient, company: Company, protocolo_id: str) -> dict:
    response = client.get(f"/v1/protocolo/{protocolo_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def aguardar(client: TestClient, company: Company, protocolo_id: str, timeout: float = 15.0) -> dict:
    """Poll the protocol until it leaves PENDING; its final body."""
    limite = time.monotonic() + timeout
    while True:
        body = protocolo(client, company, protocolo_id)
        if body["status"] != "PENDING":
            return body
        assert time.monotonic() < limite, f"protocol {protocolo_id} still PENDING after {timeout}s"
        time.sleep(0.01)


def criar_evento(client: TestClient, company: Company, tipo: str, body: dict) -> str:
    """POST (`tipo` RECEITA or DESPESA), poll the protocol until SUCCESS; the new event's id."""
    response = enviar(client, company, tipo, body)
    assert response.status_code == 202, response.text
    final = aguardar(client, company, response.json()["protocolo"])
    assert final["status"] == "SUCCESS", final
    return final["evento_financeiro_id"]


def _primeira_categoria(client: TestClient, company: Company, tipo: str) -> str:
    response = client.get(
        "/v1/categorias",
        params={"pagina": 1, "tamanho_pagina": 10, "tipo": tipo, "apenas_filhos": "true"},
        headers=company.auth,
    )
    assert response.status_code == 200, response.text
    return response.json()["itens"][0]["id"]


def fixtures_financeiras(client: TestClient, company: Company) -> dict:
    """What an event references, all in `company`: `conta` (a bank account), `contato` (a person),
    `categoria_receita`, `categoria_despesa` (child categories of the default plan), `centro` (a cost
    center)."""
    conta = create_account(client, company, "Conta Corrente Financeiro", banco="ITAU")
    pessoa = client.post(
        "/v1/pessoas",
        json={"nome": "Cliente Financeiro", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]},
        headers=company.auth,
    )
    assert pessoa.status_code == 200, pessoa.text
    centro = client.post("/v1/centro-de-custo", json={"nome": "Centro Financeiro"}, headers=company.auth)
    assert centro.status_code == 200, centro.text
    return {
        "conta": conta["id"],
        "contato": pessoa.json()["id"],
        "categoria_receita": _primeira_categoria(client, company, RECEITA),
        "categoria_despesa": _primeira_categoria(client, company, DESPESA),
        "centro": centro.json()["id"],
    }
