"""Concurrent sales on PostgreSQL: a real uvicorn server, requests released together by a barrier (the
helpers of `test_parcelas_concorrencia`). Two creations with one `numero`: exactly one lands. Edits of one
sale at once: its stock and receivable end as the last one written says, nothing moved twice."""

from __future__ import annotations

from decimal import Decimal

import httpx

from tests.api import vendas_builders as vb
from tests.api.test_parcelas_concorrencia import http, juntos, pg, servidor  # noqa: F401 (fixtures)
from tests.helpers import create_company

RODADAS = 5


def test_two_sales_with_one_number_at_once_only_one_lands(http: httpx.Client, servidor: str) -> None:  # noqa: F811
    company = create_company(http)  # type: ignore[arg-type]
    cliente = vb.cliente(http, company)  # type: ignore[arg-type]
    produto = vb.produto(http, company, estoque=100)  # type: ignore[arg-type]
    for numero in range(1, RODADAS + 1):
        body = vb.body(cliente, [(produto, 1, 10)], numero=numero)
        respostas = juntos(
            servidor,
            lambda c, b=body: c.post("/v1/venda", json=b, headers=company.auth),
            lambda c, b=body: c.post("/v1/venda", json=b, headers=company.auth),
        )
        assert sorted(r.status_code for r in respostas) == [201, 400], [r.text for r in respostas]
        perdedora = next(r for r in respostas if r.status_code == 400)
        assert perdedora.json() == {"error": f"Já existe uma venda com o número {numero}"}
    assert vb.estoque(http, company, produto) == Decimal(100 - RODADAS)  # type: ignore[arg-type]
    assert http.get("/v1/venda/proximo-numero", headers=company.auth).json() == RODADAS + 1


def test_edits_of_one_sale_at_once_move_stock_once(http: httpx.Client, servidor: str) -> None:  # noqa: F811
    company = create_company(http)  # type: ignore[arg-type]
    cliente = vb.cliente(http, company)  # type: ignore[arg-type]
    produto = vb.produto(http, company, estoque=100)  # type: ignore[arg-type]
    venda = vb.criar(http, company, vb.body(cliente, [(produto, 1, 10)], situacao="EM_ANDAMENTO"))  # type: ignore[arg-type]
    for rodada in range(RODADAS):
        a = {**vb.body(cliente, [(produto, 2 + rodada, 10)], opcao="2x"), "versao": 1}
        b = {**vb.body(cliente, [(produto, 10 + rodada, 10)], opcao="3x"), "versao": 1}
        respostas = juntos(
            servidor,
            lambda c, a=a: c.put(f"/v1/venda/{venda['id']}", json=a, headers=company.auth),
            lambda c, b=b: c.put(f"/v1/venda/{venda['id']}", json=b, headers=company.auth),
        )
        assert [r.status_code for r in respostas] == [200, 200], [r.text for r in respostas]
        detalhe = vb.obter(http, company, venda["id"])  # type: ignore[arg-type]
        vendido = int(detalhe["venda"]["composicao_valor"]["valor_bruto"]) // 10
        assert vendido in (2 + rodada, 10 + rodada)
        assert vb.estoque(http, company, produto) == Decimal(100 - vendido)  # type: ignore[arg-type]
        parcelas = vb.parcelas_financeiras(http, company, detalhe["evento_financeiro"]["id"])  # type: ignore[arg-type]
        assert sum(Decimal(str(p["valor_composicao"]["valor_bruto"])) for p in parcelas) == vendido * 10
        assert detalhe["venda"]["versao"] == 2 * (rodada + 1)
