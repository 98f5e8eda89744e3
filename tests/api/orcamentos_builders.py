"""Builders for the orçamentos tests: everything through HTTP, as a client would."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api import pessoas_builders as pessoas
from tests.helpers import ADMIN, Company

PATH = "/v1/orcamentos"


def cliente(client: TestClient, company: Company, nome: str = "Ana Souza", **extra: object) -> str:
    return pessoas.create(client, company, pessoas.fisica(nome, **extra))["id"]


def produto(client: TestClient, company: Company, nome: str = "Cadeira", **extra: object) -> str:
    body = {
        "nome": nome,
        "estoque": {"valor_venda": 100, "custo_medio": 40, "estoque_disponivel": 10},
        **extra,
    }
    response = client.post("/v1/produtos", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()["id"]


def servico(client: TestClient, company: Company, descricao: str = "Instalação", custo: float = 30) -> str:
    body = {
        "descricao": descricao,
        "status": "ATIVO",
        "tipo_servico": "PRESTADO",
        "preco": 80,
        "custo": custo,
    }
    response = client.post("/v1/servicos", json=body, headers=company.auth)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def vendedor(client: TestClient, company: Company, nome: str) -> dict:
    response = client.post(f"/_anil/companies/{company.id}/vendedores", json={"nome": nome}, headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


def corpo(id_cliente: str, *itens: dict, **extra: Any) -> dict:
    return {
        "id_cliente": id_cliente,
        "data_orcamento": "2026-05-01",
        "data_validade": "2026-05-15",
        "itens": list(itens),
        **extra,
    }


def item(item_id: str, quantidade: float = 1, valor: float = 10, **extra: Any) -> dict:
    return {"id": item_id, "quantidade": quantidade, "valor": valor, **extra}


def criar(client: TestClient, company: Company, body: dict) -> str:
    response = client.post(PATH, json=body, headers=company.auth)
    assert response.status_code == 201, response.text
    assert set(response.json()) == {"id"}
    return response.json()["id"]


def obter(client: TestClient, company: Company, orcamento_id: str) -> dict:
    response = client.get(f"{PATH}/{orcamento_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def listar(client: TestClient, company: Company, params: Any = None) -> dict:
    response = client.get(PATH, params=params, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def excluir(client: TestClient, company: Company, body: object) -> Any:
    return client.request("DELETE", PATH, json=body, headers=company.auth)


def situacao(client: TestClient, company: Company, orcamento_id: str, nova: str) -> Any:
    return client.post(
        f"/_anil/companies/{company.id}/orcamentos/{orcamento_id}/situacao",
        json={"situacao": nova},
        headers=ADMIN,
    )


def todos(client: TestClient, company: Company) -> list[dict]:
    return listar(client, company, {"tamanho_pagina": 1000})["itens"]
