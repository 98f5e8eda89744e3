"""Builders for the contratos tests: a client, a service and a product created through the public API, the
company's clock frozen through `/_anil/`, and contract bodies in the current (A.6) and older (A.7) shapes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.contas_builders import create_account
from tests.api.pessoas_builders import create as create_pessoa
from tests.api.pessoas_builders import fisica
from tests.helpers import ADMIN, Company

PATH = "/v1/contratos"
UNKNOWN_ID = "5b0c6f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b"
ZERO_UUID = "00000000-0000-0000-0000-000000000000"
RECEBER = "/v1/financeiro/eventos-financeiros/contas-a-receber/buscar"


def freeze(client: TestClient, company: Company, dia: str) -> None:
    response = client.put(f"/_anil/companies/{company.id}/relogio", json={"data": dia}, headers=ADMIN)
    assert response.status_code == 200, response.text


def advance(client: TestClient, company: Company, dias: int) -> None:
    response = client.post(
        f"/_anil/companies/{company.id}/relogio/avancar", json={"dias": dias}, headers=ADMIN
    )
    assert response.status_code == 200, response.text


def servico(client: TestClient, company: Company, descricao: str = "Mensalidade de suporte") -> str:
    body = {"descricao": descricao, "status": "ATIVO", "tipo_servico": "PRESTADO", "preco": 150}
    response = client.post("/v1/servicos", json=body, headers=company.auth)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def produto(client: TestClient, company: Company, nome: str = "Licença anual", estoque: int = 100) -> str:
    body = {"nome": nome, "estoque": {"valor_venda": 80, "estoque_disponivel": estoque}}
    response = client.post("/v1/produtos", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()["id"]


class Cenario:
    """A company with a client, a service, a product and an account, its clock frozen on 2026-08-15."""

    def __init__(self, client: TestClient, company: Company, hoje: str = "2026-08-15") -> None:
        self.client = client
        self.company = company
        freeze(client, company, hoje)
        self.cliente = create_pessoa(client, company, fisica("Ana Souza"))["id"]
        self.servico = servico(client, company)
        self.conta = create_account(client, company, "Conta Itaú", tipo="CONTA_CORRENTE", banco="ITAU")["id"]

    def body(self, numero: int = 1, **termos: object) -> dict:
        return contrato_body(self.cliente, self.servico, numero, conta=self.conta, **termos)

    def criar(self, body: dict | None = None, **termos: object) -> dict:
        response = self.client.post(PATH, json=body or self.body(**termos), headers=self.company.auth)
        assert response.status_code == 201, response.text
        return response.json()

    def get(self, contrato_id: str) -> dict:
        response = self.client.get(f"{PATH}/{contrato_id}", headers=self.company.auth)
        assert response.status_code == 200, response.text
        return response.json()

    def listar(self, query: str = "data_inicio=2020-01-01&data_fim=2035-12-31") -> dict:
        response = self.client.get(f"{PATH}?{query}", headers=self.company.auth)
        assert response.status_code == 200, response.text
        return response.json()

    def proximo_numero(self) -> int:
        response = self.client.get(f"{PATH}/proximo-numero", headers=self.company.auth)
        assert response.status_code == 200, response.text
        return response.json()

    def receber(self, de: str = "2020-01-01", ate: str = "2035-12-31", extra: str = "") -> dict:
        query = f"pagina=1&tamanho_pagina=1000&data_vencimento_de={de}&data_vencimento_ate={ate}{extra}"
        response = self.client.get(f"{RECEBER}?{query}", headers=self.company.auth)
        assert response.status_code == 200, response.text
        return response.json()


def contrato_body(
    cliente: str, item: str, numero: int = 1, conta: str | None = None, **termos: object
) -> dict:
    """MENSAL, NUNCA, from 2026-08-15 (emission on the 15th, due on the 20th), one line of 150.00."""
    body: dict = {
        "id_cliente": cliente,
        "termos": {
            "numero": numero,
            "data_inicio": "2026-08-15",
            "data_fim": "2027-08-15",
            "dia_emissao_venda": 15,
            "intervalo_frequencia": 1,
            "tipo_frequencia": "MENSAL",
            "tipo_expiracao": "NUNCA",
            **termos,
        },
        "condicao_pagamento": {
            "tipo_pagamento": "BOLETO_BANCARIO",
            "dia_vencimento": 20,
            "primeira_data_vencimento": "2026-08-20",
        },
        "itens": [{"id": item, "quantidade": 1, "valor": 150, "descricao": "Suporte mensal"}],
        "observacoes": "Contrato de suporte",
        "observacoes_pagamento": "Nota fiscal mensal",
    }
    if conta is not None:
        body["condicao_pagamento"]["id_conta_financeira"] = conta
    return body
