"""Builders for the pessoas tests: people created through `POST /v1/pessoas`, as a client would."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import Company

CPF_ANA = "529.982.247-25"
CPF_BRUNO = "123.456.789-09"
CPF_CARLA = "111.444.777-35"
CNPJ_ACME = "11.222.333/0001-81"
CNPJ_BCB = "00.038.166/0001-05"
CNPJ_ALNUM = "12.ABC.345/01DE-35"
UNKNOWN_ID = "8f2c1f52-0d7e-4a55-9a9e-2c1e7f0a6b11"

ENDERECO_SP = {
    "logradouro": "Avenida Paulista",
    "numero": "1000",
    "complemento": "Conjunto 12",
    "bairro": "Bela Vista",
    "cidade": "São Paulo",
    "estado": "SP",
    "cep": "01310-100",
}


def fisica(nome: str = "Ana Souza", **extra: object) -> dict:
    return {"nome": nome, "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}], **extra}


def juridica(nome: str = "Acme Indústria Ltda", **extra: object) -> dict:
    return {"nome": nome, "tipo_pessoa": "Jurídica", "perfis": [{"tipo_perfil": "Fornecedor"}], **extra}


def completa_fisica(**extra: object) -> dict:
    """Everything production demands of a Física person on PUT."""
    body = fisica(
        "Ana Souza",
        cpf=CPF_ANA,
        codigo="C-001",
        rg="12.345.678-9",
        data_nascimento="1990-04-12",
        email="ana@example.com",
        telefone_comercial="(11) 3333-4444",
        observacao="Cliente desde 2020",
        inscricoes=[{"indicador_inscricao_estadual": "NAO CONTRIBUINTE"}],
        outros_contatos=[{"nome": "Bia", "cargo": "Financeiro", "telefone_celular": "(11) 98888-7777"}],
        enderecos=[ENDERECO_SP],
    )
    body.update(extra)
    return body


def create(client: TestClient, company: Company, body: dict) -> dict:
    response = client.post("/v1/pessoas", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def get(client: TestClient, company: Company, pessoa_id: str) -> dict:
    response = client.get(f"/v1/pessoas/{pessoa_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def listing(client: TestClient, company: Company, query: str = "") -> dict:
    response = client.get(f"/v1/pessoas?{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def names(client: TestClient, company: Company, query: str = "") -> list[str]:
    return [item["nome"] for item in listing(client, company, query)["items"] or []]


def count(client: TestClient, company: Company) -> int:
    return listing(client, company)["totalItems"]
