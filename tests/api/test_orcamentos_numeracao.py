"""The sales counter shared by sales and proposals (catalog §3.4 proximo-numero, §3.5): a proposal takes
max(sales not deleted, proposals) + 1, `GET /v1/venda/proximo-numero` sees proposals, deletions of either
bring the counter back down, and proposals created at once never share a number. Both engines."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from tests.api import orcamentos_builders as b
from tests.api import vendas_builders as vendas
from tests.helpers import create_company


def _proximo(client: TestClient, company: object) -> object:
    response = client.get("/v1/venda/proximo-numero", headers=company.auth)  # type: ignore[attr-defined]
    assert response.status_code == 200, response.text
    return response.json()


def test_sales_and_proposals_share_one_counter(client: TestClient) -> None:
    company = create_company(client)
    cliente = b.cliente(client, company)
    produto = b.produto(client, company)
    venda = vendas.criar(client, company, vendas.body(cliente, [(produto, 1, 10)], numero=41))
    orcamento = b.criar(client, company, b.corpo(cliente, b.item(produto)))
    assert b.obter(client, company, orcamento)["numero"] == 42
    assert _proximo(client, company) == 43
    vendas.criar(client, company, vendas.body(cliente, [(produto, 1, 10)], numero=50))
    assert (
        b.obter(client, company, b.criar(client, company, b.corpo(cliente, b.item(produto))))["numero"] == 51
    )
    assert _proximo(client, company) == 52
    # deleting the largest (a proposal, then a sale) brings the counter back down
    assert b.excluir(client, company, {"ids": [b.todos(client, company)[0]["id"]]}).status_code == 204
    assert _proximo(client, company) == 51
    busca = client.get("/v1/venda/busca", params={"numeros": 50}, headers=company.auth).json()["itens"]
    vendas.excluir(client, company, busca[0]["id"])
    assert _proximo(client, company) == 43  # the proposal numbered 42 is the largest left
    assert (
        b.obter(client, company, b.criar(client, company, b.corpo(cliente, b.item(produto))))["numero"] == 43
    )
    assert venda["numero"] == 41
    outra = create_company(client, "Outra Ltda")
    assert (
        b.obter(
            client,
            outra,
            b.criar(client, outra, b.corpo(b.cliente(client, outra), b.item(b.produto(client, outra)))),
        )["numero"]
        == 1
    )


def test_proposals_created_at_once_never_share_a_number(client: TestClient) -> None:
    company = create_company(client)
    corpo = b.corpo(b.cliente(client, company), b.item(b.produto(client, company)))

    def criar(_: int) -> int:
        response = client.post(b.PATH, json=corpo, headers=company.auth)
        assert response.status_code == 201, response.text
        return 1

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert sum(pool.map(criar, range(24))) == 24
    numeros = sorted(i["numero"] for i in b.todos(client, company))
    assert numeros == list(range(1, 25))
