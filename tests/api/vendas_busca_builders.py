"""Builders for the sales search, PDF, seed-replay and end-to-end tests: clients, products, services,
sellers and sales made through the public surface (`/v1/*`, and `/_anil/` for what CA's API cannot
create), as a client would."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from fastapi.testclient import TestClient

from tests.helpers import ADMIN, Company

UNKNOWN_ID = "5b0e5a7c-8d3f-4e21-9c6a-1f2e3d4c5b6a"

ENDERECO = {
    "logradouro": "Rua das Flores",
    "numero": "123",
    "bairro": "Centro",
    "cidade": "Campinas",
    "estado": "SP",
    "cep": "13010-000",
}


def cliente(
    client: TestClient,
    company: Company,
    nome: str = "Ana Souza",
    email: str | None = None,
    **extra: object,
) -> dict:
    body: dict = {"nome": nome, "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}], **extra}
    if email is not None:
        body["email"] = email
    response = client.post("/v1/pessoas", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def produto(
    client: TestClient, company: Company, nome: str = "Caneta Azul", valor: object = 10, estoque: object = 100
) -> dict:
    body = {"nome": nome, "estoque": {"valor_venda": valor, "estoque_disponivel": estoque}}
    response = client.post("/v1/produtos", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def estoque_disponivel(client: TestClient, company: Company, produto_id: str) -> Decimal:
    response = client.get(f"/v1/produtos/{produto_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return Decimal(str(response.json()["estoque"]["quantidade_disponivel"]))


def servico(
    client: TestClient, company: Company, descricao: str = "Consultoria", preco: object = 100
) -> dict:
    body = {"descricao": descricao, "status": "ATIVO", "tipo_servico": "PRESTADO", "preco": preco}
    response = client.post("/v1/servicos", json=body, headers=company.auth)
    assert response.status_code == 201, response.text
    return response.json()


def vendedor(client: TestClient, company: Company, nome: str = "Vera Vendas") -> dict:
    response = client.post(f"/_anil/companies/{company.id}/vendedores", json={"nome": nome}, headers=ADMIN)
    assert response.status_code == 201, response.text
    return response.json()


def proximo_numero(client: TestClient, company: Company) -> int:
    response = client.get("/v1/venda/proximo-numero", headers=company.auth)
    assert response.status_code == 200, response.text
    return int(response.json())


def parcelas(total: Decimal, n: int, primeira: date) -> list[dict]:
    """`n` installments a month apart summing to `total`, the first ones taking the extra cent (CA's way)."""
    centavos = int((total * 100).to_integral_value())
    base, resto = divmod(centavos, n)
    return [
        {
            "data_vencimento": (primeira + timedelta(days=30 * i)).isoformat(),
            "valor": float(Decimal(base + (1 if i < resto else 0)) / 100),
            "descricao": f"Parcela {i + 1}",
        }
        for i in range(n)
    ]


def venda_body(
    cliente_id: str,
    itens: list[tuple[str, object, object]],
    *,
    numero: int,
    situacao: str = "EM_ANDAMENTO",
    data_venda: str = "2026-11-10",
    n_parcelas: int = 1,
    frete: object = 0,
    desconto: tuple[str, object] | None = None,
    primeiro_vencimento: str | None = None,
    **extra: object,
) -> dict:
    """A POST /v1/venda body; `itens` are `(id, quantidade, valor)`; installments computed to the total."""
    bruto = sum((Decimal(str(q)) * Decimal(str(v)) for _, q, v in itens), Decimal(0))
    desconto_valor = Decimal(0)
    composicao: dict = {"frete": frete}
    if desconto is not None:
        tipo, valor = desconto
        composicao["desconto"] = {"tipo": tipo, "valor": valor}
        desconto_valor = Decimal(str(valor)) if tipo == "VALOR" else bruto * Decimal(str(valor)) / 100
    total = (bruto - desconto_valor + Decimal(str(frete))).quantize(Decimal("0.01"))
    opcao = "À vista" if n_parcelas == 1 else f"{n_parcelas}x"
    primeira = date.fromisoformat(primeiro_vencimento or data_venda)
    return {
        "id_cliente": cliente_id,
        "numero": numero,
        "situacao": situacao,
        "data_venda": data_venda,
        "itens": [{"id": i, "quantidade": q, "valor": v} for i, q, v in itens],
        "composicao_de_valor": composicao,
        "condicao_pagamento": {
            "opcao_condicao_pagamento": opcao,
            "tipo_pagamento": "BOLETO_BANCARIO",
            "parcelas": parcelas(total, n_parcelas, primeira),
        },
        **extra,
    }


def criar_venda(client: TestClient, company: Company, body: dict) -> dict:
    response = client.post("/v1/venda", json=body, headers=company.auth)
    assert response.status_code in (200, 201), response.text
    return response.json()


def busca(client: TestClient, company: Company, query: str = "") -> dict:
    response = client.get(f"/v1/venda/busca?{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def numeros(client: TestClient, company: Company, query: str = "") -> list[int]:
    return [item["numero"] for item in busca(client, company, query)["itens"]]


def excluir(client: TestClient, company: Company, ids: list[str]) -> dict:
    response = client.post("/v1/venda/exclusao-lote", json={"ids": ids}, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()
