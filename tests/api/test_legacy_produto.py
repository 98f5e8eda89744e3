"""/v1/produto*: the older Produto revision (Appendix A.9) over the same data as /v1/produtos."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from tests.api.test_produtos import UNKNOWN_ID, criar, obter, simples, total, variacao_body
from tests.helpers import Company, create_company

MINIMO = {"nome": "Caderno", "formato": "SIMPLES", "estoque": {}, "dimensao": {}}


def criar_legado(client: TestClient, company: Company, **extra: object) -> dict:
    response = client.post("/v1/produto", json={**MINIMO, **extra}, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def buscar(client: TestClient, company: Company, **params: object) -> dict:
    response = client.get("/v1/produto/busca", params=params, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def test_create_maps_the_older_words(client: TestClient) -> None:
    company = create_company(client)
    created = criar_legado(
        client,
        company,
        codigo_sku="CAD-1",
        codigo_ean="7891234567895",
        observacao="Capa dura",
        estoque={
            "valor_venda": 24.9,
            "custo_medio": 12,
            "estoque_disponivel": 50.5,
            "estoque_minimo": 1,
            "estoque_maximo": 100,
        },
        dimensao={"altura": 27.5, "largura": 20, "profundidade": 2},
        ecommerce={
            "condicao": "NOVO",
            "integracao_habilitada": True,
            "observacao_adicional": "Para a faculdade",
            "titulo_seo": "Caderno",
            "descricao": "Caderno universitário",
            "url_seo": "caderno",
        },
    )
    assert created == {
        "id": created["id"],
        "identificador_legado": created["identificador_legado"],
        "ativo": True,
        "versao": 0,
        "nome": "Caderno",
        "codigo_sku": "CAD-1",
        "codigo_ean": "7891234567895",
        "observacao": "Capa dura",
        "status": "ATIVO",
        "formato": "SIMPLES",
        "estoque": {
            "estoque_total": 50.5,
            "valor_venda": 24.9,
            "custo_medio": 12,
            "estoque_disponivel": 50.5,
            "estoque_minimo": 1,
            "estoque_maximo": 100,
        },
        "dimensoes": {"altura": 27.5, "largura": 20, "profundidade": 2},
        "ecommerce": {
            "condicao": "NOVO",
            "integracao_ativa": True,
            "descricao_adicional": "Para a faculdade",
            "titulo_seo": "Caderno",
            "descricao_seo": "Caderno universitário",
            "url_seo": "caderno",
        },
        "variacao": None,
    }
    atual = obter(client, company, created["id"])
    assert str(atual["id_legado"]) == created["identificador_legado"]
    assert atual["descricao"] == "Capa dura" and atual["pesos_dimensoes"]["altura"] == 27.5
    assert atual["ecommerce"]["descricao_seo"] == "Caderno universitário"
    assert atual["categoria"]["descricao"] == "Outras"


def test_create_leaves_absent_values_out(client: TestClient) -> None:
    company = create_company(client)
    created = criar_legado(client, company)
    assert "codigo_ean" not in created and "observacao" not in created
    assert created["codigo_sku"] == "CADERNO"
    assert created["dimensoes"] == {} and created["ecommerce"] == {"integracao_ativa": False}
    assert created["variacao"] is None


def test_create_with_variations(client: TestClient) -> None:
    company = create_company(client)
    p, g = str(uuid.uuid4()), str(uuid.uuid4())
    created = criar_legado(
        client,
        company,
        nome="Camiseta",
        formato="VARIACAO",
        estoque={"valor_venda": 30},
        variacao={
            "tipos": [
                {"descricao": "Tamanho", "opcoes": [{"id": p, "descricao": "P"}, {"id": g, "descricao": "G"}]}
            ],
            "produtos": [
                {
                    "nome": "Camiseta P",
                    "codigo": "CAM-P",
                    "estoque": 4,
                    "opcoes": [{"id": p, "descricao": "P"}],
                },
                {
                    "nome": "Camiseta G",
                    "codigo": "CAM-G",
                    "estoque": 2,
                    "valor_venda": 32,
                    "versao": 7,
                    "opcoes": [{"id": g, "descricao": "G"}],
                },
            ],
        },
    )
    [tipo] = created["variacao"]["tipos"]
    assert tipo["opcoes"] == [{"id": p, "descricao": "P"}, {"id": g, "descricao": "G"}]
    assert [
        (f["codigo"], f["estoque"], f["valor_venda"], f["versao"]) for f in created["variacao"]["produtos"]
    ] == [
        ("CAM-P", 4, 30, 0),
        ("CAM-G", 2, 32, 0),
    ]
    assert created["estoque"]["estoque_disponivel"] == 6


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"formato": "SIMPLES", "estoque": {}, "dimensao": {}}, "O campo 'nome' é obrigatório"),
        ({"nome": "a", "estoque": {}, "dimensao": {}}, "O campo 'formato' é obrigatório"),
        ({"nome": "a", "formato": "SIMPLES", "dimensao": {}}, "O campo 'estoque' é obrigatório"),
        ({"nome": "a", "formato": "SIMPLES", "estoque": {}}, "O campo 'dimensao' é obrigatório"),
        ({**MINIMO, "observacao": "x" * 401}, "O campo 'observacao' deve ter no máximo 400 caracteres"),
        ({**MINIMO, "dimensao": {"altura": -1}}, "O campo 'dimensao.altura' não pode ser negativo"),
        (
            {**MINIMO, "ecommerce": {"descricao": "x" * 401}},
            "O campo 'ecommerce.descricao' deve ter no máximo",
        ),
        ({**MINIMO, "estoque": {"valor_venda": -1}}, "O campo 'estoque.valor_venda' não pode ser negativo"),
        (
            {
                **MINIMO,
                "formato": "VARIACAO",
                "variacao": {
                    "tipos": [{"descricao": "T", "opcoes": [{"id": UNKNOWN_ID, "descricao": "P"}]}],
                    "produtos": [{"nome": "x", "estoque": 1, "opcoes": [{"id": UNKNOWN_ID}]}],
                },
            },
            "O campo 'variacao.produtos[0].codigo' é obrigatório",
        ),
        (
            {
                **MINIMO,
                "formato": "VARIACAO",
                "variacao": {
                    "tipos": [{"descricao": "T", "opcoes": [{"id": UNKNOWN_ID, "descricao": "P"}]}],
                    "produtos": [
                        {"nome": "x", "codigo": "X" * 21, "estoque": 1, "opcoes": [{"id": UNKNOWN_ID}]}
                    ],
                },
            },
            "O campo 'variacao.produtos[0].codigo' deve ter no máximo 20 caracteres",
        ),
        (
            {
                **MINIMO,
                "formato": "VARIACAO",
                "variacao": {
                    "tipos": [{"descricao": "T", "opcoes": [{"id": UNKNOWN_ID, "descricao": "P"}]}],
                    "produtos": [{"nome": "x", "codigo": "X", "estoque": -1, "opcoes": [{"id": UNKNOWN_ID}]}],
                },
            },
            "O campo 'variacao.produtos[0].estoque' não pode ser negativo",
        ),
    ],
)
def test_create_bad_input_in_the_older_words(client: TestClient, body: dict, message: str) -> None:
    company = create_company(client)
    response = client.post("/v1/produto", json=body, headers=company.auth)
    assert response.status_code == 400
    assert response.json()["error"].startswith(message)
    assert total(client, company) == 0


def test_search_envelope_items_and_children(client: TestClient) -> None:
    company = create_company(client)
    caderno = simples(client, company, "Caderno", 24.9, codigo_ean="7891234567895", status="INATIVO")
    kit = criar(
        client, company, nome="Kit", detalhe_kit={"itens": [{"id_produto": caderno["id"], "quantidade": 2}]}
    )
    pai = criar(client, company, variacao_body("Camiseta"))
    body = buscar(client, company)
    assert body["itens_totais"] == 3
    by_name = {i["nome"]: i for i in body["itens"]}
    assert list(by_name) == ["Caderno", "Camiseta", "Kit"]
    assert by_name["Caderno"] == {
        "id": caderno["id"],
        "id_legado": caderno["id_legado"],
        "nome": "Caderno",
        "codigo_sku": caderno["codigo_sku"],
        "codigo_ean": "7891234567895",
        "tipo": "PRODUTO",
        "status": "INATIVO",
        "estoque": 0,
        "valor_venda": 24.9,
        "custo_medio": 0,
        "filhos": [],
        "variacao": 0,
        "nivel_estoque": "PADRAO",
        "movimentado": False,
        "integracao_ecommerce_ativa": False,
    }
    assert by_name["Kit"]["tipo"] == "KIT_PRODUTOS" and by_name["Kit"]["id"] == kit["id"]
    camiseta = by_name["Camiseta"]
    assert camiseta["tipo"] == "VARIACAO" and camiseta["variacao"] == 3 and camiseta["estoque"] == 18
    assert [f["id"] for f in camiseta["filhos"]] == [f["id"] for f in pai["variacao"]["produtos"]]
    for filho in camiseta["filhos"]:
        assert (filho["tipo"], filho["id_pai"], filho["filhos"], filho["variacao"]) == (
            "VARIACAO",
            pai["id"],
            [],
            0,
        )


def test_search_filters_and_orders(client: TestClient) -> None:
    company = create_company(client)
    a = simples(client, company, "Alfa", 30, estoque={"valor_venda": 30, "estoque_disponivel": 1})
    b = simples(
        client, company, "Beta", 10, status="INATIVO", estoque={"valor_venda": 10, "estoque_disponivel": 9}
    )
    c = simples(client, company, "Gama", 20, estoque={"valor_venda": 20, "estoque_disponivel": 5})

    def ids(**params: object) -> list[str]:
        return [i["id"] for i in buscar(client, company, **params)["itens"]]

    assert ids() == [a["id"], b["id"], c["id"]]
    assert ids(status="TODOS") == [a["id"], b["id"], c["id"]]
    assert ids(status="ATIVO") == [a["id"], c["id"]]
    assert ids(status="INATIVO") == [b["id"]]
    assert ids(campo_ordenacao="ESTOQUE") == [a["id"], c["id"], b["id"]]
    assert ids(campo_ordenacao="VALOR_VENDA", direcao_ordenacao="DESC") == [a["id"], c["id"], b["id"]]
    assert ids(inicio=15, fim=25.5) == [c["id"]]
    assert ids(busca="gam") == [c["id"]]
    assert buscar(client, company, busca="zzz") == {"itens": [], "itens_totais": 0}
    assert buscar(client, company, pagina=2, tamanho_pagina=10) == {"itens": [], "itens_totais": 3}
    for params in ({"status": "ALL"}, {"campo_ordenacao": "PRECO"}, {"inicio": "x"}, {"tamanho_pagina": 3}):
        response = client.get("/v1/produto/busca", params=params, headers=company.auth)
        assert response.status_code == 400 and "error" in response.json()


def test_delete(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    produto = criar_legado(client, company)
    alheio = criar_legado(client, other)
    assert client.delete(f"/v1/produto/{alheio['id']}", headers=company.auth).status_code == 404
    response = client.delete(f"/v1/produto/{produto['id']}", headers=company.auth)
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/v1/produtos/{produto['id']}", headers=company.auth).status_code == 404
    assert client.delete(f"/v1/produto/{produto['id']}", headers=company.auth).status_code == 404
    assert client.delete("/v1/produto/xyz", headers=company.auth).status_code == 400
    assert obter(client, other, alheio["id"])["nome"] == "Caderno"


def test_deactivate(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    a = criar(client, company, nome="A")
    b = criar(client, company, nome="B", status="INATIVO")
    alheio = criar(client, other, nome="C")
    ids = [a["id"], b["id"], UNKNOWN_ID, alheio["id"], a["id"]]
    response = client.post("/v1/produto/desativar", json=ids, headers=company.auth)
    assert response.status_code == 200
    assert response.json() == {
        "todos": [a["id"], b["id"], UNKNOWN_ID, alheio["id"]],
        "produtos_desativados": [a["id"], b["id"]],
    }
    after = obter(client, company, a["id"])
    assert (after["status"], after["ativo"], after["versao"]) == ("INATIVO", False, 1)
    assert obter(client, company, b["id"])["versao"] == 0  # already inactive: untouched
    assert obter(client, other, alheio["id"])["status"] == "ATIVO"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"ids": []}, "O corpo da requisição é inválido"),
        ([], "O corpo da requisição deve conter ao menos 1 item"),
        (None, "O corpo da requisição é obrigatório"),
        (["abc"], "O valor informado deve estar no formato UUID válido"),
        ([str(uuid.uuid4()) for _ in range(11)], "O corpo da requisição não pode conter mais de 10 itens"),
    ],
)
def test_deactivate_bad_input(client: TestClient, body: object, message: str) -> None:
    company = create_company(client)
    produto = criar(client, company, nome="A")
    response = client.post("/v1/produto/desativar", json=body, headers=company.auth)
    assert (response.status_code, response.json()) == (400, {"error": message})
    assert obter(client, company, produto["id"])["status"] == "ATIVO"


def test_the_older_paths_need_a_token(client: TestClient) -> None:
    assert client.get("/v1/produto/busca").status_code == 401
    assert client.post("/v1/produto", json=MINIMO).status_code == 401
    assert client.post("/v1/produto/desativar", json=[UNKNOWN_ID]).status_code == 401
    assert client.delete(f"/v1/produto/{UNKNOWN_ID}").status_code == 401
