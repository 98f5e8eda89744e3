"""GET /v1/produtos: every filter and order of §3.2, paging (deep pages included), the envelope."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from anil.domain.texto import chave
from tests.api.test_produtos import criar, listar, simples
from tests.helpers import create_company


def _ids(page: dict) -> list[str]:
    return [item["id"] for item in page["items"] or []]


def test_empty_list_has_null_items(client: TestClient) -> None:
    company = create_company(client)
    assert listar(client, company) == {"totalItems": 0, "items": None}


def test_list_item_shape(client: TestClient) -> None:
    company = create_company(client)
    criar(
        client,
        company,
        nome="Caderno",
        codigo_sku="CAD-1",
        codigo_ean="7891234567895",
        estoque={"valor_venda": 24.9, "custo_medio": 12, "estoque_disponivel": 7.5, "estoque_minimo": 2},
        ecommerce={"integracao_ativa": True},
    )
    [item] = listar(client, company)["items"]
    assert list(item) == [
        "id",
        "id_legado",
        "nome",
        "codigo",
        "ean",
        "tipo",
        "status",
        "saldo",
        "valor_venda",
        "custo_medio",
        "estoque_minimo",
        "estoque_maximo",
        "nivel_estoque",
        "integracao_ecommerce_ativada",
        "movido",
        "contagem_agregacao",
        "ultima_atualizacao",
        "produtos_variacao",
    ]
    assert (item["codigo"], item["ean"], item["tipo"], item["status"]) == (
        "CAD-1",
        "7891234567895",
        "PRODUTO",
        "ATIVO",
    )
    assert (item["saldo"], item["valor_venda"], item["custo_medio"]) == (7.5, 24.9, 12)
    assert (item["estoque_minimo"], item["estoque_maximo"], item["nivel_estoque"]) == (2, None, "PADRAO")
    assert item["integracao_ecommerce_ativada"] is True and item["movido"] is False
    assert item["produtos_variacao"] == []


def test_default_order_is_by_name_ignoring_case_and_accents(client: TestClient) -> None:
    company = create_company(client)
    nomes = ["banana", "Ábaco", "abacaxi", "Caju", "açaí", "Banana"]
    for nome in nomes:
        criar(client, company, nome=nome)
    got = [i["nome"] for i in listar(client, company)["items"]]
    assert got == ["abacaxi", "Ábaco", "açaí", "banana", "Banana", "Caju"]
    desc = [i["nome"] for i in listar(client, company, direcao_ordenacao="DESC")["items"]]
    assert desc == ["Caju", "Banana", "banana", "açaí", "Ábaco", "abacaxi"]


def test_order_by_code_and_by_sale_price(client: TestClient) -> None:
    company = create_company(client)
    for nome, sku, valor in (("a", "B-2", 5), ("b", "A-9", 30), ("c", "C-1", 12.5), ("d", "A-1", 12.5)):
        criar(client, company, nome=nome, codigo_sku=sku, estoque={"valor_venda": valor})
    by_code = listar(client, company, campo_ordenacao="CODIGO")["items"]
    assert [i["codigo"] for i in by_code] == ["A-1", "A-9", "B-2", "C-1"]
    by_price = listar(client, company, campo_ordenacao="VALOR_VENDA", direcao_ordenacao="DESC")["items"]
    assert [(i["valor_venda"], i["nome"]) for i in by_price] == [
        (30, "b"),
        (12.5, "d"),
        (12.5, "c"),
        (5, "a"),
    ]
    by_price = listar(client, company, campo_ordenacao="VALOR_VENDA")["items"]
    assert [i["nome"] for i in by_price] == ["a", "c", "d", "b"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"campo_ordenacao": "ESTOQUE"},
            "O valor do atributo 'campo_ordenacao' deve ser um dos seguintes valores",
        ),
        (
            {"direcao_ordenacao": "asc"},
            "O valor do atributo 'direcao_ordenacao' deve ser um dos seguintes valores",
        ),
        (
            {"status": "TODOS"},
            "O valor do atributo 'status' deve ser um dos seguintes valores: ATIVO, INATIVO",
        ),
        ({"tamanho_pagina": 15}, "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores"),
        ({"pagina": 0}, "O valor do atributo 'pagina' deve ser maior ou igual a 1"),
        ({"valor_venda_inicial": "dez"}, "O valor do atributo 'valor_venda_inicial' deve ser um número"),
        ({"valor_venda_final": "NaN"}, "O valor do atributo 'valor_venda_final' deve ser um número"),
        (
            {"integracao_ecommerce_ativo": "sim"},
            "O valor do atributo 'integracao_ecommerce_ativo' deve ser true ou false",
        ),
        ({"produtos_kit_ativo": "2"}, "O valor do atributo 'produtos_kit_ativo' deve ser true ou false"),
        (
            {"data_alteracao_de": "2026-01-01T00:00:00Z", "data_alteracao_ate": "2026-02-01T00:00:00"},
            "O valor do atributo 'data_alteracao_de' deve estar no formato",
        ),
        (
            {"data_alteracao_de": "2026-01-01", "data_alteracao_ate": "2026-02-01"},
            "O valor do atributo 'data_alteracao_de' deve estar no formato",
        ),
        ({"data_alteracao_de": "2026-01-01T00:00:00"}, "É necessário informar ambos os parâmetros de data"),
        (
            {"data_alteracao_de": "2026-02-01T00:00:00", "data_alteracao_ate": "2026-01-01T00:00:00"},
            "O valor de 'data_alteracao_ate' deve ser posterior ao valor de 'data_alteracao_de'",
        ),
    ],
)
def test_bad_query_parameters(client: TestClient, params: dict, message: str) -> None:
    company = create_company(client)
    response = client.get("/v1/produtos", params=params, headers=company.auth)
    assert response.status_code == 400
    assert response.json()["error"].startswith(message)


def test_unknown_parameters_are_ignored(client: TestClient) -> None:
    company = create_company(client)
    criar(client, company, nome="Um")
    criar(client, company, nome="Dois")
    page = listar(client, company, ids="abc", categoria_id=1, zzz_bogus="x", codigo="nada")
    assert page["totalItems"] == 2


def test_busca_matches_name_ean_and_sku(client: TestClient) -> None:
    company = create_company(client)
    caderno = criar(
        client, company, nome="Caderno Universitário", codigo_sku="PAP-CAD", codigo_ean="7891234567895"
    )
    caneta = criar(client, company, nome="Caneta Azul", codigo_sku="PAP-CAN")
    criar(client, company, nome="Mouse", codigo_sku="INF-MOU")
    assert _ids(listar(client, company, busca="UNIVERSITARIO")) == [caderno["id"]]
    assert _ids(listar(client, company, busca="4567895")) == [caderno["id"]]
    assert _ids(listar(client, company, busca="pap-can")) == [caneta["id"]]
    assert _ids(listar(client, company, busca="pap")) == [caderno["id"], caneta["id"]]
    assert listar(client, company, busca="%") == {"totalItems": 0, "items": None}
    assert listar(client, company, busca="inexistente")["totalItems"] == 0


def test_status_sku_and_price_filters(client: TestClient) -> None:
    company = create_company(client)
    a = simples(client, company, "A", 5, codigo_sku="SKU-A")
    b = simples(client, company, "B", 10, status="INATIVO")
    c = simples(client, company, "C", 20.5)
    assert _ids(listar(client, company, status="ATIVO")) == [a["id"], c["id"]]
    assert _ids(listar(client, company, status="INATIVO")) == [b["id"]]
    assert _ids(listar(client, company, sku="SKU-A")) == [a["id"]]
    assert _ids(listar(client, company, sku="sku-a")) == []  # exact
    assert _ids(listar(client, company, valor_venda_inicial=10)) == [b["id"], c["id"]]
    assert _ids(listar(client, company, valor_venda_final="10.00")) == [a["id"], b["id"]]
    assert _ids(listar(client, company, valor_venda_inicial=6, valor_venda_final=20.5)) == [b["id"], c["id"]]
    assert _ids(listar(client, company, valor_venda_inicial=6, status="ATIVO")) == [c["id"]]


def test_ecommerce_filter(client: TestClient) -> None:
    company = create_company(client)
    on = criar(client, company, nome="Online", ecommerce={"integracao_ativa": True})
    off = criar(client, company, nome="Loja física")
    assert _ids(listar(client, company, integracao_ecommerce_ativo="true")) == [on["id"]]
    assert _ids(listar(client, company, integracao_ecommerce_ativo="false")) == [off["id"]]


def test_alteration_window_is_sao_paulo_time(client: TestClient, clock) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    clock.freeze(datetime(2026, 3, 10, 12, 0, tzinfo=UTC))  # 09:00 in São Paulo
    first = criar(client, company, nome="Primeiro")
    clock.freeze(datetime(2026, 3, 10, 15, 0, tzinfo=UTC))  # 12:00 in São Paulo
    second = criar(client, company, nome="Segundo")
    assert first["ultima_atualizacao"] == "2026-03-10T09:00:00"
    window = {"data_alteracao_de": "2026-03-10T08:00:00", "data_alteracao_ate": "2026-03-10T10:00:00"}
    assert _ids(listar(client, company, **window)) == [first["id"]]
    window = {"data_alteracao_de": "2026-03-10T09:00:01", "data_alteracao_ate": "2026-03-10T12:00:00"}
    assert _ids(listar(client, company, **window)) == [second["id"]]
    clock.freeze(datetime(2026, 3, 11, 15, 0, tzinfo=UTC))
    client.patch(f"/v1/produtos/{first['id']}", json={"nome": "Primeiro alterado"}, headers=company.auth)
    window = {"data_alteracao_de": "2026-03-11T00:00:00", "data_alteracao_ate": "2026-03-11T23:59:59"}
    assert _ids(listar(client, company, **window)) == [first["id"]]
    year = {"data_alteracao_de": "2025-01-01T00:00:00", "data_alteracao_ate": "2026-12-31T00:00:00"}
    assert listar(client, company, **year)["totalItems"] == 2  # no 365-day cap on products


def test_tenants_never_see_each_other(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    criar(client, other, nome="Segredo", codigo_sku="S-1")
    assert listar(client, company) == {"totalItems": 0, "items": None}
    assert listar(client, company, sku="S-1")["totalItems"] == 0
    assert listar(client, company, busca="segredo")["totalItems"] == 0


def test_every_page_deep_ones_included_in_both_directions(client: TestClient) -> None:
    """More than two checkpoints' worth of rows: pages far from the start seek from remembered keys."""
    company = create_company(client)
    nomes = [f"Produto {n:03d} {'ÁÉÍ'[n % 3]}" for n in range(150)]
    for nome in reversed(nomes):
        criar(client, company, nome=nome)
    expected = sorted(nomes, key=chave)
    for direcao, order in (("ASC", expected), ("DESC", expected[::-1])):
        seen = []
        for pagina in range(1, 9):
            page = listar(client, company, pagina=pagina, tamanho_pagina=20, direcao_ordenacao=direcao)
            assert page["totalItems"] == 150
            seen += [i["nome"] for i in page["items"] or []]
        assert seen == order
    page = listar(client, company, pagina=15, tamanho_pagina=10)
    assert [i["nome"] for i in page["items"]] == expected[140:150]
    assert listar(client, company, pagina=16, tamanho_pagina=10) == {"totalItems": 150, "items": None}
    # filtered deep pages too
    filtered = listar(client, company, busca="produto", pagina=14, tamanho_pagina=10)
    assert [i["nome"] for i in filtered["items"]] == expected[130:140]


def test_a_write_is_seen_by_the_next_list(client: TestClient, clock) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    for n in range(140):
        criar(client, company, nome=f"Item {n:03d}")
    before = listar(client, company, pagina=14, tamanho_pagina=10)
    assert before["items"][0]["nome"] == "Item 130"
    novo = criar(client, company, nome="Item 000a")
    after = listar(client, company, pagina=14, tamanho_pagina=10)
    assert after["totalItems"] == 141 and after["items"][0]["nome"] == "Item 129"
    clock.advance(timedelta(seconds=1))
    client.patch(f"/v1/produtos/{novo['id']}", json={"nome": "Zzz"}, headers=company.auth)
    assert listar(client, company, pagina=15, tamanho_pagina=10)["items"][-1]["nome"] == "Zzz"
    client.delete(f"/v1/produtos/{novo['id']}", headers=company.auth)
    assert listar(client, company)["totalItems"] == 140
