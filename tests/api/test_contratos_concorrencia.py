"""Contracts created at once on PostgreSQL (a real uvicorn server, two connections released together): the
same number → exactly one 201 and one 400; different numbers → both created, every scheduled sale with a
number of its own."""

from __future__ import annotations

import httpx

from tests.api.contratos_builders import PATH, Cenario
from tests.api.test_parcelas_concorrencia import http, juntos, pg, servidor  # noqa: F401  (fixtures)
from tests.helpers import create_company


def _cenario(http: httpx.Client) -> Cenario:  # noqa: F811
    return Cenario(http, create_company(http))  # type: ignore[arg-type]


def test_same_number_at_once_one_wins(servidor: str, http: httpx.Client) -> None:  # noqa: F811
    c = _cenario(http)
    body = c.body(numero=5, tipo_expiracao="DATA", data_fim="2026-12-15")
    respostas = juntos(servidor, *[lambda cl: cl.post(PATH, json=body, headers=c.company.auth)] * 2)
    assert sorted(r.status_code for r in respostas) == [201, 400], [r.text for r in respostas]
    perdedor = next(r for r in respostas if r.status_code == 400)
    assert perdedor.json() == {"error": "Já existe um contrato com o número 5"}
    assert c.listar()["itens_totais"] == 1
    assert c.receber()["itens_totais"] == 5


def test_different_numbers_at_once_sales_numbered_apart(servidor: str, http: httpx.Client) -> None:  # noqa: F811
    c = _cenario(http)
    corpos = [c.body(numero=n, tipo_expiracao="DATA", data_fim="2027-01-15") for n in (1, 2)]
    respostas = juntos(
        servidor, *[lambda cl, b=b: cl.post(PATH, json=b, headers=c.company.auth) for b in corpos]
    )
    assert [r.status_code for r in respostas] == [201, 201], [r.text for r in respostas]
    busca = http.get("/v1/venda/busca?tamanho_pagina=100", headers=c.company.auth).json()
    numeros = [item["numero"] for item in busca["itens"]]
    assert len(numeros) == 12 and len(set(numeros)) == 12
