"""`GET /v1/contratos` (catalog §3.6): the required window, every filter, sorting, paging and their 400s,
conformance of the page to the provider file; and the scheduled sales as the sales group shows them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.contratos_builders import PATH, Cenario, contrato_body
from tests.api.pessoas_builders import create as create_pessoa
from tests.api.pessoas_builders import fisica
from tests.contract.openapi import assert_conforms
from tests.helpers import create_company

SPEC = "scheduled-sales"
JANELA = "data_inicio=2020-01-01&data_fim=2035-12-31"


@pytest.fixture
def tres(client: TestClient) -> tuple[Cenario, dict[str, str]]:
    """Three contracts: #1 Ana (NUNCA from 2026-08-15, boleto), #2 Bruno (DATA 2026-09-01..2026-09-10,
    Pix), #3 Ana (DATA 2027-01-15..2027-03-15, boleto)."""
    c = Cenario(client, create_company(client))
    bruno = create_pessoa(client, c.company, fisica("Bruno Álvares"))["id"]
    ids = {"1": c.criar(numero=1)["id"]}
    body = contrato_body(
        bruno, c.servico, 2, data_inicio="2026-09-01", data_fim="2026-09-10", tipo_expiracao="DATA"
    )
    body["condicao_pagamento"].update(
        tipo_pagamento="PIX_PAGAMENTO_INSTANTANEO", primeira_data_vencimento="2026-09-05"
    )
    body["termos"]["dia_emissao_venda"] = 5
    ids["2"] = c.criar(body)["id"]
    ids["3"] = c.criar(numero=3, data_inicio="2027-01-15", data_fim="2027-03-15", tipo_expiracao="DATA")["id"]
    ids["bruno"] = bruno
    return c, ids


def numeros(c: Cenario, query: str) -> list[int]:
    return [item["numero"] for item in c.listar(query)["itens"]]


def test_page_shape_and_conformance(tres: tuple[Cenario, dict[str, str]]) -> None:
    c, ids = tres
    page = c.listar(JANELA)
    assert_conforms(SPEC, "GET", PATH, 200, page)
    assert page["itens_totais"] == 3 and set(page) == {"itens", "itens_totais"}
    primeiro = page["itens"][0]
    assert primeiro["id"] == ids["1"]
    assert primeiro["cliente"] == {"id": c.cliente, "nome": "Ana Souza"}
    assert primeiro["conta_financeira"]["tipo"] == "CONTA_CORRENTE"
    assert primeiro["termos"] == {
        "data_fim": "2027-08-15",
        "tipo_expiracao": "NUNCA",
        "vigencia_atual": 1,
        "vigencia_total": 25,
    }
    assert primeiro["tipo_pagamento"] == "BOLETO_BANCARIO"


def test_window_filters_and_search(tres: tuple[Cenario, dict[str, str]]) -> None:
    c, ids = tres
    assert numeros(c, "data_inicio=2026-09-11&data_fim=2026-12-31") == [1]  # #2 ended, #3 not begun
    assert numeros(c, "data_inicio=2026-09-10&data_fim=2026-09-10") == [1, 2]
    assert numeros(c, "data_inicio=2030-01-01&data_fim=2030-01-31") == [1]  # NUNCA has no end
    assert numeros(c, f"{JANELA}&busca_textual=alvares") == [2]  # accents and case ignored
    assert numeros(c, f"{JANELA}&busca_textual=3") == [3]
    assert numeros(c, f"{JANELA}&cliente_id={c.cliente}") == [1, 3]
    assert numeros(c, f"{JANELA}&cliente_id={c.cliente},{ids['bruno']}") == [1, 2, 3]
    assert numeros(c, f"{JANELA}&cliente_id={ids['bruno']}&cliente_id={c.cliente}") == [1, 2, 3]
    assert numeros(c, f"{JANELA}&tipo_pagamento=PIX_PAGAMENTO_INSTANTANEO") == [2]
    assert numeros(c, f"{JANELA}&tipo_pagamento=BOLETO_BANCARIO,PIX_PAGAMENTO_INSTANTANEO") == [1, 2, 3]
    assert numeros(c, f"{JANELA}&status=TODOS&zzz_bogus=1") == [1, 2, 3]
    # PROXIMO_AO_VENCIMENTO: active DATA contracts ending within 30 days of the company's today (2026-08-15)
    assert numeros(c, f"{JANELA}&status=PROXIMO_AO_VENCIMENTO") == [2]


def test_sorting_and_paging(tres: tuple[Cenario, dict[str, str]]) -> None:
    c, _ = tres
    assert numeros(c, JANELA) == [1, 2, 3]
    assert numeros(c, f"{JANELA}&campo_ordenado_descendente=DATA_INICIO") == [3, 2, 1]
    assert numeros(c, f"{JANELA}&campo_ordenado_ascendente=DATA_FIM") == [2, 3, 1]
    assert numeros(c, f"{JANELA}&campo_ordenado_descendente=DATA_FIM") == [1, 3, 2]
    both = f"{JANELA}&campo_ordenado_ascendente=DATA_INICIO&campo_ordenado_descendente=DATA_INICIO"
    assert numeros(c, both) == [1, 2, 3]  # ascending wins
    assert numeros(c, f"{JANELA}&tamanho_pagina=2") == [1, 2]
    page = c.listar(f"{JANELA}&tamanho_pagina=2&pagina=2")
    assert [i["numero"] for i in page["itens"]] == [3] and page["itens_totais"] == 3
    assert c.listar(f"{JANELA}&tamanho_pagina=1000&pagina=9")["itens"] == []


@pytest.mark.parametrize(
    ("query", "mensagem"),
    [
        ("", "Data de início da recorrência não pode ser nula"),
        ("data_fim=2026-12-31", "Data de início da recorrência não pode ser nula"),
        ("data_inicio=2026-01-01", "Data de fim da recorrência não pode ser nula"),
        (
            "data_inicio=2026-12-31&data_fim=2026-01-01",
            "A data de fim da recorrência não pode ser anterior à data de início",
        ),
        (
            "data_inicio=01/01/2026&data_fim=2026-12-31",
            "O valor do atributo 'data_inicio' deve estar no formato yyyy-MM-dd",
        ),
        (
            f"{JANELA}&campo_ordenado_ascendente=NUMERO",
            "O valor do atributo 'campo_ordenado_ascendente' deve ser um dos seguintes valores: DATA_INICIO, DATA_FIM",
        ),
        (
            f"{JANELA}&campo_ordenado_descendente=nome",
            "O valor do atributo 'campo_ordenado_descendente' deve ser um dos seguintes valores: DATA_INICIO, DATA_FIM",
        ),
        (
            f"{JANELA}&status=ENCERRADO",
            "O valor do atributo 'status' deve ser um dos seguintes valores: TODOS, ATIVO, INATIVO, PROXIMO_AO_VENCIMENTO",
        ),
        (f"{JANELA}&tamanho_pagina=1001", "O valor do atributo 'tamanho_pagina' deve estar entre 1 e 1000"),
        (f"{JANELA}&tamanho_pagina=0", "O valor do atributo 'tamanho_pagina' deve estar entre 1 e 1000"),
        (f"{JANELA}&pagina=0", "O valor do atributo 'pagina' deve ser maior ou igual a 1"),
        (f"{JANELA}&cliente_id=abc", "O valor informado deve estar no formato UUID válido"),
        (
            f"{JANELA}&cliente_id[]=5b0c6f1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b",
            "O parâmetro 'cliente_id[]' não é aceito: repita a chave ou separe os valores por vírgula",
        ),
    ],
)
def test_list_errors(client: TestClient, query: str, mensagem: str) -> None:
    company = create_company(client)
    response = client.get(f"{PATH}?{query}", headers=company.auth)
    assert response.status_code == 400, response.text
    assert response.json() == {"error": mensagem}
    assert_conforms(SPEC, "GET", PATH, 400, response.json())


def test_invalid_payment_type_filter(client: TestClient) -> None:
    company = create_company(client)
    response = client.get(f"{PATH}?{JANELA}&tipo_pagamento=BITCOIN", headers=company.auth)
    assert response.status_code == 400
    assert response.json()["error"].startswith(
        "O valor do atributo 'tipo_pagamento' deve ser um dos seguintes"
    )
    # the older spellings are read as the current ones
    response = client.get(f"{PATH}?{JANELA}&tipo_pagamento=PIX_COBRANCA", headers=company.auth)
    assert response.status_code == 200


def test_scheduled_sales_as_the_sales_group_shows_them(client: TestClient) -> None:
    c = Cenario(client, create_company(client))
    contrato = c.criar(tipo_expiracao="DATA", data_fim="2026-10-15")
    busca = client.get("/v1/venda/busca?tamanho_pagina=100", headers=c.company.auth)
    assert busca.status_code == 200, busca.text
    itens = [i for i in busca.json()["itens"] if i.get("id_contrato") == contrato["id"]]
    assert len(itens) == 3
    assert {i["tipo"] for i in itens} == {"SCHEDULED_SALE"}
    assert sorted(i["data"] for i in itens) == ["2026-08-15", "2026-09-15", "2026-10-15"]
    venda = client.get(f"/v1/venda/{itens[0]['id']}", headers=c.company.auth)
    assert venda.status_code == 200, venda.text
    corpo = venda.json()
    assert corpo["contrato"] == {
        "uuid": contrato["id"],
        "data_inicio": "2026-08-15",
        "data_fim": "2026-10-15",
        "dia_vencimento": 20,
        "periodo": "MENSAL",
        "periodicidade": 1,
    }
    assert corpo["evento_financeiro"]["id"]
    # deleting the contract cancels them: the sale's situation reads CANCELADO
    assert client.delete(f"{PATH}/{contrato['id']}", headers=c.company.auth).status_code == 204
    depois = client.get(f"/v1/venda/{itens[0]['id']}", headers=c.company.auth).json()
    assert depois["venda"]["situacao"]["nome"] == "CANCELADO"
