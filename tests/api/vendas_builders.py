"""Builders for the sales tests: a client, products with stock, services and sales made through the public
API (and the sales settings through `/_anil/`), as an integration would."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from fastapi.testclient import TestClient

from anil.domain.condicao_pagamento import gerar
from tests.api.pessoas_builders import create as create_pessoa
from tests.api.pessoas_builders import fisica
from tests.helpers import ADMIN, Company

UNKNOWN = "0f6a7d2c-3b1e-4c8a-9d2f-5e6a7b8c9d01"
DATA = "2026-11-10"


def cliente(client: TestClient, company: Company, nome: str = "Ana Souza") -> str:
    return create_pessoa(client, company, fisica(nome, email="ana@example.com"))["id"]


def produto(client: TestClient, company: Company, nome: str = "Caneta", estoque: object = 10, **extra) -> str:  # type: ignore[no-untyped-def]
    body = {"nome": nome, "estoque": {"valor_venda": 10, "estoque_disponivel": estoque}, **extra}
    response = client.post("/v1/produtos", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()["id"]


def servico(client: TestClient, company: Company, descricao: str = "Consultoria") -> str:
    body = {"descricao": descricao, "status": "ATIVO", "tipo_servico": "PRESTADO"}
    response = client.post("/v1/servicos", json=body, headers=company.auth)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def estoque(client: TestClient, company: Company, produto_id: str) -> Decimal:
    response = client.get(f"/v1/produtos/{produto_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return Decimal(str(response.json()["estoque"]["quantidade_disponivel"]))


def body(
    id_cliente: str,
    itens: list[tuple[str, object, object]],
    *,
    numero: int = 1,
    situacao: str = "APROVADO",
    opcao: str = "À vista",
    data: str = DATA,
    frete: object | None = None,
    desconto: tuple[str, object] | None = None,
    **extra: object,
) -> dict:
    """A valid sale: its installments generated from `opcao` for the total the items make."""
    bruto = sum((Decimal(str(q)) * Decimal(str(v)) for _, q, v in itens), Decimal(0))
    bruto = bruto.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    desc = Decimal(0)
    if desconto is not None:
        tipo, valor = desconto
        desc = (
            (bruto * Decimal(str(valor)) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            if tipo == "PORCENTAGEM"
            else Decimal(str(valor))
        )
    total = bruto - desc + Decimal(str(frete or 0))
    parcelas = gerar(opcao, total, date.fromisoformat(data))
    b: dict = {
        "id_cliente": id_cliente,
        "numero": numero,
        "situacao": situacao,
        "data_venda": data,
        "itens": [{"id": i, "quantidade": q, "valor": v} for i, q, v in itens],
        "condicao_pagamento": {
            "opcao_condicao_pagamento": opcao,
            "parcelas": [
                {
                    "data_vencimento": p.data_vencimento.isoformat(),
                    "valor": float(p.valor),
                    "descricao": p.descricao,
                }
                for p in parcelas
            ],
        },
    }
    if frete is not None or desconto is not None:
        b["composicao_de_valor"] = {}
        if frete is not None:
            b["composicao_de_valor"]["frete"] = frete
        if desconto is not None:
            b["composicao_de_valor"]["desconto"] = {"tipo": desconto[0], "valor": desconto[1]}
    b.update(extra)
    return b


def criar(client: TestClient, company: Company, b: dict) -> dict:
    response = client.post("/v1/venda", json=b, headers=company.auth)
    assert response.status_code == 201, response.text
    return response.json()


def obter(client: TestClient, company: Company, venda_id: str | int) -> dict:
    response = client.get(f"/v1/venda/{venda_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def editar(client: TestClient, company: Company, venda_id: str, b: dict, versao: int = 1) -> dict:
    response = client.put(f"/v1/venda/{venda_id}", json={**b, "versao": versao}, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def excluir(client: TestClient, company: Company, *ids: str) -> dict:
    response = client.post("/v1/venda/exclusao-lote", json={"ids": list(ids)}, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def verificar_estoque(client: TestClient, company: Company, ligado: bool) -> None:
    response = client.put(
        f"/_anil/companies/{company.id}/configuracoes/vendas",
        json={"verificar_estoque_ao_criar_venda": ligado},
        headers=ADMIN,
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"verificar_estoque_ao_criar_venda": ligado}


def parcelas_financeiras(client: TestClient, company: Company, evento_id: str) -> list[dict]:
    response = client.get(f"/v1/financeiro/eventos-financeiros/{evento_id}/parcelas", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()
