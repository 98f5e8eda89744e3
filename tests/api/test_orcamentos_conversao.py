"""A proposal has no stock or financial effect until it is converted (issue 5 §3): the sandbox's
`/_anil/companies/{id}/orcamentos/{id}/converter` turns it into a sale through the sales' own rules, which
then moves stock and creates the receivable (choice `orcamento-conversao`). Both engines."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api import orcamentos_builders as b
from tests.api import vendas_builders as vendas
from tests.helpers import ADMIN, Company, create_company


def _converter(client: TestClient, company: Company, orcamento_id: str, **body: object):  # type: ignore[no-untyped-def]
    return client.post(
        f"/_anil/companies/{company.id}/orcamentos/{orcamento_id}/converter", json=body or None, headers=ADMIN
    )


def _proposta(client: TestClient, company: Company) -> tuple[str, str]:
    cliente = b.cliente(client, company)
    produto = b.produto(client, company)  # 10 in stock
    servico = b.servico(client, company)
    body = b.corpo(
        cliente,
        b.item(produto, 4, 100),
        b.item(servico, 1, 80),
        observacoes="Entrega grátis",
        composicao_de_valor={"frete": 5, "desconto": {"tipo": "VALOR", "valor": 10}},
    )
    return b.criar(client, company, body), produto


def test_converting_makes_the_sale_that_moves_stock_and_money(
    client: TestClient, clock: MovableClock
) -> None:
    clock.freeze(datetime(2026, 5, 2, 15, 0, tzinfo=UTC))
    company = create_company(client)
    orcamento_id, produto = _proposta(client, company)
    assert vendas.estoque(client, company, produto) == Decimal(10)
    response = _converter(client, company, orcamento_id, situacao="APROVADO", opcao_condicao_pagamento="3x")
    assert response.status_code == 201, response.text
    body = response.json()
    assert {k: body[k] for k in ("id", "numero", "situacao", "versao")} == {
        "id": orcamento_id,
        "numero": 1,
        "situacao": "ORCAMENTO_ACEITO",
        "versao": 1,
    }
    venda = vendas.obter(client, company, body["id_venda"])
    assert venda["venda"]["numero"] == 1
    assert venda["venda"]["situacao"]["nome"] == "APROVADO"
    assert venda["venda"]["composicao_valor"]["valor_liquido"] == 475  # 4 × 100 + 80 − 10 + 5
    assert venda["venda"]["observacoes"] == "Entrega grátis"
    assert vendas.estoque(client, company, produto) == Decimal(6)
    parcelas = vendas.parcelas_financeiras(client, company, venda["evento_financeiro"]["id"])
    assert [p["valor_composicao"]["valor_bruto"] for p in parcelas] == [158.34, 158.33, 158.33]
    assert [p["data_vencimento"] for p in parcelas] == ["2026-05-02", "2026-06-02", "2026-07-02"]
    assert {p["evento"]["referencia"]["origem"] for p in parcelas} == {"VENDA"}
    # converting twice is refused by the sales' number rule, and changes nothing
    again = _converter(client, company, orcamento_id)
    assert (again.status_code, again.json()["error"]) == (400, "Já existe uma venda com o número 1")
    assert vendas.estoque(client, company, produto) == Decimal(6)
    assert b.obter(client, company, orcamento_id)["versao"] == 1


def test_defaults_refusals_and_nothing_written_on_a_400(client: TestClient) -> None:
    company = create_company(client)
    orcamento_id, produto = _proposta(client, company)
    ruim = _converter(client, company, orcamento_id, opcao_condicao_pagamento="todo mês")
    assert ruim.status_code == 400
    assert b.obter(client, company, orcamento_id)["situacao"] == "ORCAMENTO"
    assert client.get("/v1/venda/busca", headers=company.auth).json()["itens"] == []
    response = _converter(client, company, orcamento_id)
    assert response.status_code == 201, response.text
    venda = vendas.obter(client, company, response.json()["id_venda"])
    assert venda["venda"]["situacao"]["nome"] == "EM_ANDAMENTO"
    assert venda["venda"]["condicao_pagamento"]["opcao_condicao_pagamento"] == "À vista"
    assert vendas.estoque(client, company, produto) == Decimal(10)  # EM_ANDAMENTO moves no stock
    recusado, _ = _proposta(client, company)
    assert b.situacao(client, company, recusado, "ORCAMENTO_RECUSADO").status_code == 200
    response = _converter(client, company, recusado)
    assert (response.status_code, response.json()["error"]) == (
        400,
        "Um orçamento recusado não pode ser convertido em venda",
    )
    outra = create_company(client, "Outra Ltda")
    assert _converter(client, outra, orcamento_id).status_code == 404
    sem_chave = client.post(f"/_anil/companies/{company.id}/orcamentos/{orcamento_id}/converter")
    assert sem_chave.status_code == 401
