"""End to end, through HTTP only, on both engines (issue 5 acceptance): a client, a product with stock,
an APROVADO sale in `3x` → its receivable shows 3 installments in `contas-a-receber/buscar` → one is
settled → the client's financial summary and the account balance move → the sale is deleted → its open
installments are cancelled (the settled one stays paid) and the stock comes back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api import vendas_busca_builders as b
from tests.api.baixas_builders import baixa_ok, parcela, parcelas, renovar, saldo
from tests.api.contas_builders import create_account
from tests.helpers import Company, create_company

AGORA = datetime(2026, 11, 15, 13, 0, tzinfo=UTC)  # 10:00 in São Paulo
BUSCAR = "/v1/financeiro/eventos-financeiros/contas-a-receber/buscar"
JANELA = "pagina=1&tamanho_pagina=50&data_vencimento_de=2026-11-01&data_vencimento_ate=2027-03-31"


def _resumo(client: TestClient, company: Company, pessoa_id: str) -> dict:
    response = client.get(f"/v1/pessoas/{pessoa_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    return {k: body[k] for k in ("atrasos_recebimentos", "recebimentos_mes_atual")}


def _receber(client: TestClient, company: Company, query: str = JANELA) -> dict:
    response = client.get(f"{BUSCAR}?{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def test_sale_to_receivable_to_settlement_to_deletion(client: TestClient, clock: MovableClock) -> None:
    clock.freeze(AGORA)
    company = create_company(client, "Loja Ponta a Ponta Ltda")
    conta = create_account(client, company, "Conta Itaú", banco="ITAU", saldo_inicial="1000.00")
    ana = b.cliente(client, company, "Ana Ponta", email="ana@ponta.com")
    produto = b.produto(client, company, "Luminária", 70, estoque=10)
    assert b.estoque_disponivel(client, company, produto["id"]) == 10
    assert _resumo(client, company, ana["id"]) == {"atrasos_recebimentos": 0, "recebimentos_mes_atual": 0}

    # the sale: 2 × 70.00 = 140.00 in 3x → 46.67, 46.67, 46.66 (the first installments take the cent)
    numero = b.proximo_numero(client, company)
    body = b.venda_body(
        ana["id"],
        [(produto["id"], 2, 70)],
        numero=numero,
        situacao="APROVADO",
        data_venda="2026-11-15",
        n_parcelas=3,
        primeiro_vencimento="2026-11-20",
    )
    body["condicao_pagamento"]["id_conta_financeira"] = conta["id"]
    assert [p["valor"] for p in body["condicao_pagamento"]["parcelas"]] == [46.67, 46.67, 46.66]
    venda = b.criar_venda(client, company, body)
    assert b.estoque_disponivel(client, company, produto["id"]) == 8  # APROVADO moves the stock

    detalhe = client.get(f"/v1/venda/{venda['id']}", headers=company.auth)
    assert detalhe.status_code == 200, detalhe.text
    evento_id = detalhe.json()["evento_financeiro"]["id"]
    do_evento = parcelas(client, company, evento_id)
    assert len(do_evento) == 3
    assert sorted(p["data_vencimento"] for p in do_evento) == ["2026-11-20", "2026-12-20", "2027-01-19"]

    # the receivable in the search: its 3 installments, nothing else
    busca = _receber(client, company)
    assert busca["itens_totais"] == 3
    assert {i["id"] for i in busca["itens"]} == {p["id"] for p in do_evento}
    assert sorted(Decimal(str(i["total"])) for i in busca["itens"]) == [
        Decimal("46.66"),
        Decimal("46.67"),
        Decimal("46.67"),
    ]
    assert {i["cliente"]["id"] for i in busca["itens"]} == {ana["id"]}
    assert Decimal(str(busca["totais"]["aberto"]["valor"])) == Decimal("140.00")
    assert _resumo(client, company, ana["id"]) == {"atrasos_recebimentos": 0, "recebimentos_mes_atual": 46.67}

    # the sale itself shows in the sales search
    vendas = b.busca(client, company)
    assert [(i["numero"], i["total"]) for i in vendas["itens"]] == [(numero, 140)]

    # settle the first installment into the account
    primeira = next(p for p in do_evento if p["data_vencimento"] == "2026-11-20")
    antes = saldo(client, company, conta["id"])
    baixa_ok(client, company, primeira["id"], 46.67, conta["id"], data="2026-11-15")
    assert saldo(client, company, conta["id"]) == antes + Decimal("46.67")
    assert _resumo(client, company, ana["id"]) == {"atrasos_recebimentos": 0, "recebimentos_mes_atual": 0}
    busca = _receber(client, company)
    assert Decimal(str(busca["totais"]["pago"]["valor"])) == Decimal("46.67")
    assert Decimal(str(busca["totais"]["aberto"]["valor"])) == Decimal("93.33")

    # a month and more later the second one is overdue, on the company's clock
    clock.freeze(AGORA + timedelta(days=40))
    company = renovar(client, company)
    assert _resumo(client, company, ana["id"]) == {
        "atrasos_recebimentos": 46.67,
        "recebimentos_mes_atual": 46.67,
    }

    # delete the sale: open installments cancelled, the settled one stays, stock back
    assert b.excluir(client, company, [venda["id"]]) == {"atualizados": 1, "ignorados": 0}
    depois = {p["id"]: p for p in parcelas(client, company, evento_id)}
    for p in do_evento:
        detalhe_parcela = parcela(client, company, p["id"])
        if p["id"] == primeira["id"]:
            assert detalhe_parcela["status"] not in ("CANCELADO",), detalhe_parcela
            assert Decimal(str(depois[p["id"]]["valor_composicao"]["valor_bruto"])) == Decimal("46.67")
        else:
            assert detalhe_parcela["status"] == "CANCELADO", detalhe_parcela
    busca = _receber(client, company)
    assert [i["id"] for i in busca["itens"]] == [primeira["id"]]  # cancelled ones are never listed
    assert Decimal(str(busca["totais"]["aberto"]["valor"])) == 0
    assert _resumo(client, company, ana["id"]) == {"atrasos_recebimentos": 0, "recebimentos_mes_atual": 0}
    assert saldo(client, company, conta["id"]) == antes + Decimal("46.67")  # the settlement is the client's
    assert b.estoque_disponivel(client, company, produto["id"]) == 10
    assert b.busca(client, company)["itens"] == []  # gone from the sales search
    venda_excluida = client.get(f"/v1/venda/{venda['id']}", headers=company.auth)
    assert venda_excluida.status_code == 200
    assert venda_excluida.json()["venda"]["status"] == "CANCELADO"
    assert venda_excluida.json()["venda"]["situacao"]["nome"] == "APROVADO"
    # the counter follows deletions
    assert b.proximo_numero(client, company) == numero
