"""/v1/produtos: create, read, patch, delete, kits, variations and the group's company catalogs (§3.2)."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient

from anil.domain import fiscal
from anil.storage.repositories import produtos as produtos_repo
from tests.helpers import Company, create_company

UNKNOWN_ID = "7d9a7b0e-2f4a-4c1e-8a51-0c2b3d4e5f61"
NCM_CADERNO = fiscal.ncm_por_codigo("48202000")
CEST_PRIMEIRO = fiscal.todos_cest()[0]
assert NCM_CADERNO is not None


# ---------------------------------------------------------------------------------------- builders ----


def criar(client: TestClient, company: Company, body: dict | None = None, **extra: object) -> dict:
    response = client.post("/v1/produtos", json={**(body or {}), **extra}, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def obter(client: TestClient, company: Company, produto_id: str) -> dict:
    response = client.get(f"/v1/produtos/{produto_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def listar(client: TestClient, company: Company, **params: object) -> dict:
    response = client.get("/v1/produtos", params=params, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def total(client: TestClient, company: Company) -> int:
    return listar(client, company)["totalItems"]


def erro(client: TestClient, company: Company, body: object, status: int = 400) -> str:
    """POST a bad body: the group's error body, and nothing written."""
    antes = total(client, company)
    response = client.post("/v1/produtos", json=body, headers=company.auth)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error"}
    assert total(client, company) == antes
    return response.json()["error"]


def unidade(client: TestClient, company: Company, descricao: str = "Quantidade") -> int:
    response = client.get("/v1/produtos/unidades-medida", params={"tamanho_pagina": 50}, headers=company.auth)
    assert response.status_code == 200, response.text
    return next(u["id"] for u in response.json()["items"] if u["descricao"] == descricao)


def simples(client: TestClient, company: Company, nome: str, valor: float = 10, **extra: object) -> dict:
    return criar(client, company, {"nome": nome, "estoque": {"valor_venda": valor}, **extra})


def variacao_body(nome: str = "Camiseta", tamanhos: tuple[str, ...] = ("P", "M", "G")) -> dict:
    opcoes = [{"id": str(uuid.uuid4()), "descricao": t} for t in tamanhos]
    return {
        "nome": nome,
        "formato": "VARIACAO",
        "estoque": {"valor_venda": 39.9, "custo_medio": 15},
        "variacao": {
            "tipos": [{"descricao": "Tamanho", "opcoes": opcoes}],
            "produtos": [
                {"nome": f"{nome} {o['descricao']}", "saldo": 5 + i, "opcoes": [{"id": o["id"]}]}
                for i, o in enumerate(opcoes)
            ],
        },
    }


def marca(app, company: Company, nome: str) -> str:  # type: ignore[no-untyped-def]
    """E-commerce brands come from an e-commerce integration, not from the API: written directly."""
    marca_id = str(uuid.uuid4())
    app.state.runtime.db.run_write(lambda s: produtos_repo.criar_marca(s, company.id, marca_id, nome))
    return marca_id


def categoria_ecommerce(app, company: Company, descricao: str, pai: str | None = None) -> str:  # type: ignore[no-untyped-def]
    categoria_id = str(uuid.uuid4())
    app.state.runtime.db.run_write(
        lambda s: produtos_repo.criar_ecommerce_categoria(s, company.id, categoria_id, pai, 0, descricao)
    )
    return categoria_id


# ------------------------------------------------------------------------------------------ create ----


def test_only_nome_is_required_and_the_server_fills_the_rest(client: TestClient) -> None:
    company = create_company(client)
    created = criar(client, company, nome="Caneta Azul 0.7mm")
    uuid.UUID(created["id"])
    assert isinstance(created["id_legado"], int)
    assert created["codigo_sku"] == "CANETA-AZUL-0-7MM"
    assert created["categoria"]["descricao"] == "Outras"
    assert isinstance(created["categoria"]["id"], int)
    uuid.UUID(created["categoria"]["uuid"])
    assert (created["status"], created["ativo"], created["formato"], created["versao"]) == (
        "ATIVO",
        True,
        "SIMPLES",
        0,
    )
    assert created["estoque"] == {
        "valor_venda": 0,
        "custo_medio": 0,
        "quantidade_disponivel": 0,
        "quantidade_reservada": 0,
        "quantidade_total": 0,
        "minimumStock": None,
        "maximumStock": None,
    }
    assert created["detalhe_kit"] is None and created["variacao"] is None
    assert created["imagens"] == [] and created["conversao_unidade_medida"] == []
    assert obter(client, company, created["id"]) == created


def test_derived_skus_are_unique_within_the_company_and_fit_20_characters(client: TestClient) -> None:
    company = create_company(client)
    first = criar(client, company, nome="Caneta")
    second = criar(client, company, nome="caneta!")
    longo = criar(client, company, nome="Parafuso Sextavado Inox Meia Polegada")
    assert (first["codigo_sku"], second["codigo_sku"]) == ("CANETA", "CANETA-2")
    assert longo["codigo_sku"] == "PARAFUSO-SEXTAVADO" and len(longo["codigo_sku"]) <= 20
    other = create_company(client, name="Outra Ltda")
    assert criar(client, other, nome="Caneta")["codigo_sku"] == "CANETA"


def test_create_echoes_every_block(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    kg = unidade(client, company, "Kilograma")
    un = unidade(client, company, "Quantidade")
    marca_id = marca(app, company, "Azulina")
    eco_id = categoria_ecommerce(app, company, "Cadernos")
    centro = str(uuid.uuid4())
    created = criar(
        client,
        company,
        nome="Caderno Universitário",
        descricao="Capa dura, 200 folhas",
        codigo_sku="CAD-200",
        codigo_ean="7891234567895",
        status="INATIVO",
        id_centro_custo=centro,
        estoque={
            "valor_venda": 24.9,
            "custo_medio": 12.345,
            "estoque_disponivel": 50.5,
            "estoque_minimo": 10,
            "estoque_maximo": 200,
        },
        fiscal={
            "origem": "NACIONAL_MERCDORIA_BEM_IMPORTACAO_SUPERIOR_70",
            "tipo_produto": "MERCADORIA_PARA_REVENDA",
            "ncm": {"id": NCM_CADERNO.id},
            "cest": {"id": CEST_PRIMEIRO.id},
            "unidade_medida": {"id": kg},
        },
        pesos_dimensoes={
            "peso_bruto": 0.85,
            "peso_liquido": 0.8,
            "altura": 27.5,
            "largura": 20,
            "profundidade": 2,
            "volumes": 1,
        },
        ecommerce={
            "categoria_ecommerce": {"id": eco_id},
            "marca": {"id": marca_id},
            "condicao": "NOVO",
            "descricao_adicional": "Ideal para a faculdade",
            "descricao_seo": "Caderno universitário capa dura",
            "titulo_seo": "Caderno",
            "url_seo": "caderno-universitario",
            "integracao_ativa": True,
        },
        conversoes_unidade_medida=[{"unidade_medida": {"id": un}, "fator": 12, "id_fornecedor": [centro]}],
    )
    assert created["descricao"] == "Capa dura, 200 folhas"
    assert (created["codigo_sku"], created["codigo_ean"]) == ("CAD-200", "7891234567895")
    assert (created["status"], created["ativo"]) == ("INATIVO", False)
    assert created["id_centro_custo"] == centro
    assert created["estoque"] == {
        "valor_venda": 24.9,
        "custo_medio": 12.35,
        "quantidade_disponivel": 50.5,
        "quantidade_reservada": 0,
        "quantidade_total": 50.5,
        "minimumStock": 10,
        "maximumStock": 200,
    }
    assert created["fiscal"] == {
        "origem": "NACIONAL_MERCDORIA_BEM_IMPORTACAO_SUPERIOR_70",
        "tipo_produto": "MERCADORIA_PARA_REVENDA",
        "ncm": {"id": NCM_CADERNO.id, "codigo": "48202000", "descricao": NCM_CADERNO.descricao},
        "cest": {
            "id": CEST_PRIMEIRO.id,
            "codigo": CEST_PRIMEIRO.codigo,
            "descricao": CEST_PRIMEIRO.descricao,
        },
        "unidade_medida": {"id": kg, "descricao": "Kilograma"},
    }
    assert created["unidade_medida"] == {"id": kg, "descricao": "Kilograma"}
    assert created["pesos_dimensoes"] == {
        "peso_bruto": 0.85,
        "peso_liquido": 0.8,
        "altura": 27.5,
        "largura": 20,
        "profundidade": 2,
        "volumes": 1,
    }
    assert created["ecommerce"] == {
        "categoria_ecommerce": {"id": eco_id, "descricao": "Cadernos"},
        "condicao": "NOVO",
        "descricao_adicional": "Ideal para a faculdade",
        "descricao_seo": "Caderno universitário capa dura",
        "integracao_ativa": True,
        "marca": {"id": marca_id, "nome": "Azulina"},
        "titulo_seo": "Caderno",
        "url_seo": "caderno-universitario",
    }
    [conversao] = created["conversao_unidade_medida"]
    uuid.UUID(conversao["id_unidade_conversao"])
    assert conversao["unidade_medida"] == {"id": un, "descricao": "Quantidade"}
    assert (conversao["fator"], conversao["id_fornecedor"]) == (12, [centro])
    assert obter(client, company, created["id"]) == created


def test_unit_in_use_shows_in_the_units_catalog(client: TestClient) -> None:
    company = create_company(client)
    kg = unidade(client, company, "Kilograma")
    criar(client, company, nome="Farinha", unidade_medida={"id": kg})
    units = client.get(
        "/v1/produtos/unidades-medida", params={"tamanho_pagina": 50}, headers=company.auth
    ).json()
    assert {u["descricao"]: u["em_uso"] for u in units["items"]}["Kilograma"] is True


@pytest.mark.parametrize(
    ("extra", "status", "ativo"),
    [
        ({"ativo": False}, "INATIVO", False),
        ({"ativo": False, "status": "ATIVO"}, "ATIVO", True),
        ({}, "ATIVO", True),
    ],
)
def test_status_and_ativo(client: TestClient, extra: dict, status: str, ativo: bool) -> None:
    company = create_company(client)
    created = criar(client, company, nome="Lápis", **extra)
    assert (created["status"], created["ativo"]) == (status, ativo)


def test_n8n_aliases_codigo_and_observacao(client: TestClient) -> None:
    company = create_company(client)
    created = criar(client, company, nome="Régua 30cm", codigo="7891234567802", observacao="Acrílica")
    assert (created["codigo_ean"], created["descricao"]) == ("7891234567802", "Acrílica")


def test_every_documented_enum_value_is_accepted(client: TestClient) -> None:
    from anil.domain.produtos import ORIGENS, TIPOS_PRODUTO

    company = create_company(client)
    for n, (origem, tipo) in enumerate(zip(ORIGENS * 2, TIPOS_PRODUTO, strict=False)):
        created = criar(client, company, nome=f"P{n}", fiscal={"origem": origem, "tipo_produto": tipo})
        assert (created["fiscal"]["origem"], created["fiscal"]["tipo_produto"]) == (origem, tipo)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'nome' é obrigatório"),
        ({"nome": "   "}, "O campo 'nome' é obrigatório"),
        ({"nome": "x" * 101}, "O campo 'nome' deve ter no máximo 100 caracteres"),
        ({"nome": "a", "descricao": "x" * 401}, "O campo 'descricao' deve ter no máximo 400 caracteres"),
        ({"nome": "a", "codigo_sku": "x" * 21}, "O campo 'codigo_sku' deve ter no máximo 20 caracteres"),
        ({"nome": "a", "codigo_ean": "123"}, "O campo 'codigo_ean' deve conter 8, 12, 13 ou 14 dígitos"),
        (
            {"nome": "a", "codigo_ean": "789123456789X"},
            "O campo 'codigo_ean' deve conter 8, 12, 13 ou 14 dígitos",
        ),
        (
            {"nome": "a", "status": "ativo"},
            "O campo 'status' deve ser um dos seguintes valores: ATIVO, INATIVO",
        ),
        (
            {"nome": "a", "formato": "KIT"},
            "O campo 'formato' deve ser um dos seguintes valores: SIMPLES, VARIACAO",
        ),
        ({"nome": "a", "categoria": {"id": 0}}, "O campo 'categoria.id' é inválido"),
        (
            {"nome": "a", "categoria": {"id": 999999}},
            "O campo 'categoria.id' informa uma categoria de produto que não existe",
        ),
        (
            {"nome": "a", "id_centro_custo": "abc"},
            "O campo 'id_centro_custo' deve estar no formato UUID válido",
        ),
        (
            {"nome": "a", "estoque": {"valor_venda": -1}},
            "O campo 'estoque.valor_venda' não pode ser negativo",
        ),
        ({"nome": "a", "estoque": {"valor_venda": "abc"}}, "O campo 'estoque.valor_venda' é inválido"),
        (
            {"nome": "a", "estoque": {"estoque_disponivel": -0.5}},
            "O campo 'estoque.estoque_disponivel' não pode ser negativo",
        ),
        (
            {"nome": "a", "estoque": {"estoque_minimo": 10, "estoque_maximo": 5}},
            "O campo 'estoque.estoque_maximo' deve ser maior ou igual a 'estoque.estoque_minimo'",
        ),
        (
            {"nome": "a", "fiscal": {"origem": "NACIONAL_MERCADORIA_BEM_IMPORTACAO_SUPERIOR_70"}},
            "O campo 'fiscal.origem' deve ser um dos seguintes valores: NACIONAL, ",
        ),
        (
            {"nome": "a", "fiscal": {"tipo_produto": "REVENDA"}},
            "O campo 'fiscal.tipo_produto' deve ser um dos",
        ),
        (
            {"nome": "a", "fiscal": {"ncm": {"id": 48202000}}},
            "O campo 'fiscal.ncm.id' informa um NCM que não existe",
        ),
        (
            {"nome": "a", "fiscal": {"cest": {"id": 1}}},
            "O campo 'fiscal.cest.id' informa um CEST que não existe",
        ),
        (
            {"nome": "a", "fiscal": {"unidade_medida": {"id": 54}}},
            "O campo 'fiscal.unidade_medida.id' informa uma unidade de medida que não existe",
        ),
        (
            {"nome": "a", "unidade_medida": {"id": 1}},
            "O campo 'fiscal.unidade_medida.id' informa uma unidade de medida que não existe",
        ),
        (
            {"nome": "a", "pesos_dimensoes": {"altura": -2}},
            "O campo 'pesos_dimensoes.altura' não pode ser negativo",
        ),
        (
            {"nome": "a", "ecommerce": {"condicao": "SEMINOVO"}},
            "O campo 'ecommerce.condicao' deve ser um dos seguintes valores: NOVO, USADO",
        ),
        (
            {"nome": "a", "ecommerce": {"marca": {"id": UNKNOWN_ID}}},
            "O campo 'ecommerce.marca.id' informa uma marca que não existe",
        ),
        (
            {"nome": "a", "ecommerce": {"categoria_ecommerce": {"id": UNKNOWN_ID}}},
            "O campo 'ecommerce.categoria_ecommerce.id' informa uma categoria de e-commerce que não existe",
        ),
        (
            {"nome": "a", "conversoes_unidade_medida": [{"fator": 2}]},
            "O campo 'conversoes_unidade_medida[0].unidade_medida.id' é obrigatório",
        ),
        (
            {"nome": "a", "variacao": {"tipos": []}, "formato": "SIMPLES"},
            "O campo 'variacao' só pode ser informado para produtos com formato VARIACAO",
        ),
        ({"nome": "a", "ativo": "talvez"}, "O campo 'ativo' é inválido"),
        ([1, 2], "O corpo da requisição é inválido"),
    ],
)
def test_bad_input_is_refused_one_field_at_a_time(client: TestClient, body: object, message: str) -> None:
    company = create_company(client)
    assert erro(client, company, body).startswith(message)


def test_malformed_json_and_empty_body(client: TestClient) -> None:
    company = create_company(client)
    for raw in (b"{", b""):
        response = client.post(
            "/v1/produtos", content=raw, headers={**company.auth, "content-type": "application/json"}
        )
        assert response.status_code == 400
        assert "error" in response.json()
    assert total(client, company) == 0


def test_sku_is_unique_within_a_company(client: TestClient) -> None:
    company = create_company(client)
    criar(client, company, nome="Lápis", codigo_sku="LAP-1")
    assert erro(client, company, {"nome": "Outro lápis", "codigo_sku": "LAP-1"}) == (
        "Já existe um produto com o código SKU 'LAP-1'"
    )
    other = create_company(client, name="Outra Ltda")
    assert criar(client, other, nome="Lápis", codigo_sku="LAP-1")["codigo_sku"] == "LAP-1"


def test_another_companys_category_or_unit_is_unknown(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    outra_categoria = criar(client, other, nome="x")["categoria"]["id"]
    outra_unidade = unidade(client, other)
    assert "categoria.id" in erro(client, company, {"nome": "a", "categoria": {"id": outra_categoria}})
    assert "unidade_medida" in erro(client, company, {"nome": "a", "unidade_medida": {"id": outra_unidade}})


# ------------------------------------------------------------------------------------ read, patch ----


def test_get_unknown_malformed_and_another_companys_product(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    produto = criar(client, other, nome="Segredo")
    for path, status in (
        (f"/v1/produtos/{UNKNOWN_ID}", 404),
        (f"/v1/produtos/{produto['id']}", 404),
        ("/v1/produtos/123", 400),
    ):
        response = client.get(path, headers=company.auth)
        assert response.status_code == status
        assert response.json() == {
            "error": "Produto não encontrado"
            if status == 404
            else "O valor informado deve estar no formato UUID válido"
        }


def test_requests_without_a_token_are_401(client: TestClient) -> None:
    for method, path in (
        ("GET", "/v1/produtos"),
        ("POST", "/v1/produtos"),
        ("GET", "/v1/produtos/categorias"),
    ):
        assert client.request(method, path).status_code == 401


def test_patch_changes_only_what_was_sent_and_bumps_versao(client: TestClient, clock) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    company = create_company(client)
    produto = criar(
        client,
        company,
        nome="Caderno",
        codigo_ean="7891234567895",
        estoque={"valor_venda": 10, "custo_medio": 5},
        pesos_dimensoes={"peso_bruto": 1, "altura": 3},
    )
    kg = unidade(client, company, "Kilograma")
    clock.advance(timedelta(minutes=5))
    response = client.patch(
        f"/v1/produtos/{produto['id']}",
        json={
            "nome": "Caderno Espiral",
            "valor_venda": 12.5,
            "peso_liquido": 0.9,
            "unidade_medida": kg,
            "ncm": NCM_CADERNO.id,
            "cest": CEST_PRIMEIRO.id,
            "codigo_ean": None,
            "versao": 99,
        },
        headers=company.auth,
    )
    assert response.status_code == 204 and response.content == b""
    after = obter(client, company, produto["id"])
    assert after["versao"] == 1
    assert after["nome"] == "Caderno Espiral" and after["codigo_ean"] is None
    assert after["codigo_sku"] == produto["codigo_sku"]
    assert after["estoque"]["valor_venda"] == 12.5 and after["estoque"]["custo_medio"] == 5
    assert after["pesos_dimensoes"]["peso_bruto"] == 1 and after["pesos_dimensoes"]["peso_liquido"] == 0.9
    assert after["unidade_medida"] == {"id": kg, "descricao": "Kilograma"}
    assert (
        after["fiscal"]["ncm"]["codigo"] == "48202000" and after["fiscal"]["cest"]["id"] == CEST_PRIMEIRO.id
    )
    assert after["ultima_atualizacao"] > produto["ultima_atualizacao"]
    assert listar(client, company, busca="espiral")["totalItems"] == 1
    assert client.patch(f"/v1/produtos/{produto['id']}", json={}, headers=company.auth).status_code == 204
    assert obter(client, company, produto["id"])["versao"] == 2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"nome": None}, "O campo 'nome' é obrigatório"),
        ({"nome": "x" * 101}, "O campo 'nome' deve ter no máximo 100 caracteres"),
        ({"codigo_sku": None}, "O campo 'codigo_sku' é obrigatório"),
        ({"codigo_sku": "TOMADO"}, "Já existe um produto com o código SKU 'TOMADO'"),
        ({"valor_venda": None}, "O campo 'valor_venda' é obrigatório"),
        ({"valor_venda": -3}, "O campo 'valor_venda' não pode ser negativo"),
        ({"codigo_ean": "12"}, "O campo 'codigo_ean' deve conter 8, 12, 13 ou 14 dígitos"),
        ({"ncm": 5}, "O campo 'ncm' informa um NCM que não existe"),
        ({"cest": 5}, "O campo 'cest' informa um CEST que não existe"),
        ({"unidade_medida": 5}, "O campo 'unidade_medida' informa uma unidade de medida que não existe"),
        ({"peso_bruto": "pesado"}, "O campo 'peso_bruto' é inválido"),
    ],
)
def test_patch_bad_input_changes_nothing(client: TestClient, body: dict, message: str) -> None:
    company = create_company(client)
    criar(client, company, nome="Outro", codigo_sku="TOMADO")
    produto = criar(client, company, nome="Caderno")
    response = client.patch(f"/v1/produtos/{produto['id']}", json=body, headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert obter(client, company, produto["id"]) == produto


def test_patch_unknown_malformed_or_foreign_product(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    produto = criar(client, other, nome="Segredo")
    assert (
        client.patch(f"/v1/produtos/{UNKNOWN_ID}", json={"nome": "x"}, headers=company.auth).status_code
        == 404
    )
    assert (
        client.patch(f"/v1/produtos/{produto['id']}", json={"nome": "x"}, headers=company.auth).status_code
        == 404
    )
    assert client.patch("/v1/produtos/abc", json={"nome": "x"}, headers=company.auth).status_code == 400
    assert obter(client, other, produto["id"])["nome"] == "Segredo"


# ------------------------------------------------------------------------------------------ delete ----


def test_delete_is_physical(client: TestClient) -> None:
    company = create_company(client)
    produto = criar(client, company, nome="Borracha")
    response = client.delete(f"/v1/produtos/{produto['id']}", headers=company.auth)
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/v1/produtos/{produto['id']}", headers=company.auth).status_code == 404
    assert client.delete(f"/v1/produtos/{produto['id']}", headers=company.auth).status_code == 404
    assert total(client, company) == 0
    assert criar(client, company, nome="Borracha")["codigo_sku"] == "BORRACHA"  # the SKU is free again


def test_delete_of_another_companys_product_is_404(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    produto = criar(client, other, nome="Segredo")
    assert client.delete(f"/v1/produtos/{produto['id']}", headers=company.auth).status_code == 404
    assert client.delete("/v1/produtos/nope", headers=company.auth).status_code == 400
    assert obter(client, other, produto["id"])["nome"] == "Segredo"


# -------------------------------------------------------------------------------------------- kits ----


def test_kit_items_default_to_the_components_price(client: TestClient) -> None:
    company = create_company(client)
    caderno = simples(client, company, "Caderno", 24.9)
    caneta = simples(client, company, "Caneta", 2.5)
    kit = criar(
        client,
        company,
        nome="Kit Escolar",
        detalhe_kit={
            "itens": [
                {"id_produto": caderno["id"], "quantidade": 2},
                {"id_produto": caneta["id"], "quantidade": 3, "valor_unitario": 2, "valor_total": 6},
            ]
        },
    )
    assert kit["formato"] == "SIMPLES" and kit["variacao"] is None
    itens = kit["detalhe_kit"]["items"]
    assert [(i["id_produto"], i["codigo"], i["nome"]) for i in itens] == [
        (caderno["id"], caderno["codigo_sku"], "Caderno"),
        (caneta["id"], caneta["codigo_sku"], "Caneta"),
    ]
    assert [(i["quantidade"], i["valor_unitario"], i["valor_total"], i["versao"]) for i in itens] == [
        (2, 24.9, 49.8, 0),
        (3, 2, 6, 0),
    ]
    assert all(uuid.UUID(i["id_item"]) for i in itens)
    assert kit["detalhe_kit"]["valor_venda_kit"] == 55.8 and kit["estoque"]["valor_venda"] == 55.8
    [item] = [i for i in listar(client, company)["items"] if i["id"] == kit["id"]]
    assert item["tipo"] == "KIT_PRODUTO" and item["valor_venda"] == 55.8


def test_kit_sale_price_can_be_set(client: TestClient) -> None:
    company = create_company(client)
    caderno = simples(client, company, "Caderno", 24.9)
    kit = criar(
        client,
        company,
        nome="Kit",
        detalhe_kit={"itens": [{"id_produto": caderno["id"], "quantidade": 1}], "valor_venda": 19.9},
    )
    assert kit["detalhe_kit"]["valor_venda_kit"] == 19.9
    client.patch(f"/v1/produtos/{kit['id']}", json={"valor_venda": 21}, headers=company.auth)
    assert obter(client, company, kit["id"])["detalhe_kit"]["valor_venda_kit"] == 21


def test_kit_rules(client: TestClient) -> None:
    company = create_company(client)
    other = create_company(client, name="Outra Ltda")
    caderno = simples(client, company, "Caderno", 24.9)
    alheio = simples(client, other, "Alheio")
    pai = criar(client, company, variacao_body())
    kit = criar(
        client, company, nome="Kit", detalhe_kit={"itens": [{"id_produto": caderno["id"], "quantidade": 1}]}
    )

    def item(**fields: object) -> dict:
        return {
            "nome": "Kit 2",
            "detalhe_kit": {"itens": [{"id_produto": caderno["id"], "quantidade": 1, **fields}]},
        }

    assert erro(client, company, {"nome": "K", "detalhe_kit": {"itens": []}}) == (
        "O campo 'detalhe_kit.itens' deve conter ao menos 1 item"
    )
    assert erro(client, company, item(id_produto=UNKNOWN_ID)) == (
        "O campo 'detalhe_kit.itens[0].id_produto' informa um produto que não existe"
    )
    assert "informa um produto que não existe" in erro(client, company, item(id_produto=alheio["id"]))
    assert "não pode compor um kit" in erro(client, company, item(id_produto=kit["id"]))
    assert "não pode compor um kit" in erro(client, company, item(id_produto=pai["id"]))
    assert erro(client, company, item(quantidade=0)) == (
        "O campo 'detalhe_kit.itens[0].quantidade' deve ser maior que zero"
    )
    assert (
        erro(client, company, item(quantidade=None))
        == "O campo 'detalhe_kit.itens[0].quantidade' é obrigatório"
    )
    assert erro(client, company, item(valor_unitario=10, valor_total=11)) == (
        "O campo 'detalhe_kit.itens[0].valor_total' deve ser igual à quantidade multiplicada pelo valor unitário"
    )
    duplicado = {"nome": "K", "detalhe_kit": {"itens": [{"id_produto": caderno["id"], "quantidade": 1}] * 2}}
    assert (
        erro(client, company, duplicado)
        == "O produto do campo 'detalhe_kit.itens[1].id_produto' já faz parte do kit"
    )
    variacao_kit = {**variacao_body("Kit variado"), "detalhe_kit": {"itens": []}}
    assert erro(client, company, variacao_kit) == (
        "O campo 'detalhe_kit' não pode ser informado para um produto com variações"
    )
    # a variation (child) may go in a kit
    filho = obter(client, company, pai["id"])["variacao"]["produtos"][0]
    criar(
        client,
        company,
        nome="Kit com variação",
        detalhe_kit={"itens": [{"id_produto": filho["id"], "quantidade": 1}]},
    )


def test_a_product_in_a_kit_cannot_be_deleted_until_the_kit_goes(client: TestClient) -> None:
    company = create_company(client)
    caderno = simples(client, company, "Caderno", 24.9)
    pai = criar(client, company, variacao_body())
    filho = pai["variacao"]["produtos"][0]
    kit = criar(
        client,
        company,
        nome="Kit",
        detalhe_kit={
            "itens": [
                {"id_produto": caderno["id"], "quantidade": 1},
                {"id_produto": filho["id"], "quantidade": 1},
            ]
        },
    )
    for produto_id in (caderno["id"], pai["id"], filho["id"]):
        response = client.delete(f"/v1/produtos/{produto_id}", headers=company.auth)
        assert response.status_code == 400
        assert response.json() == {"error": "O produto não pode ser excluído porque faz parte de um kit"}
    assert client.delete(f"/v1/produtos/{kit['id']}", headers=company.auth).status_code == 204
    assert client.delete(f"/v1/produtos/{caderno['id']}", headers=company.auth).status_code == 204
    assert client.delete(f"/v1/produtos/{pai['id']}", headers=company.auth).status_code == 204


def test_kit_filter(client: TestClient) -> None:
    company = create_company(client)
    caderno = simples(client, company, "Caderno", 24.9)
    kit = criar(
        client, company, nome="Kit", detalhe_kit={"itens": [{"id_produto": caderno["id"], "quantidade": 1}]}
    )
    assert [i["id"] for i in listar(client, company, produtos_kit_ativo="true")["items"]] == [kit["id"]]
    assert [i["id"] for i in listar(client, company, produtos_kit_ativo="false")["items"]] == [caderno["id"]]


# -------------------------------------------------------------------------------------- variations ----


def test_a_variation_product_and_its_children(client: TestClient) -> None:
    company = create_company(client)
    body = variacao_body("Camiseta")
    body["variacao"]["produtos"][2]["valor_venda"] = 42.9
    body["variacao"]["produtos"][1]["codigo_sku"] = "CAM-M"
    body["variacao"]["produtos"][1]["codigo_ean"] = "7891234567819"
    pai = criar(client, company, body)
    assert pai["formato"] == "VARIACAO" and pai["detalhe_kit"] is None
    [tipo] = pai["variacao"]["tipos"]
    uuid.UUID(tipo["id"])
    assert tipo["descricao"] == "Tamanho"
    assert tipo["opcoes"] == body["variacao"]["tipos"][0]["opcoes"]
    filhos = pai["variacao"]["produtos"]
    assert [f["nome"] for f in filhos] == ["Camiseta P", "Camiseta M", "Camiseta G"]
    assert [f["codigo_sku"] for f in filhos] == ["CAMISETA-P", "CAM-M", "CAMISETA-G"]
    assert [f["saldo"] for f in filhos] == [5, 6, 7]
    assert [f["valor_venda"] for f in filhos] == [39.9, 39.9, 42.9]
    assert [f["opcoes"][0]["descricao"] for f in filhos] == ["P", "M", "G"]
    assert all(
        f["versao"] == 0 and f["movido"] is False and f["relacionado_manualmente"] is False for f in filhos
    )
    assert pai["estoque"]["quantidade_disponivel"] == 18  # the sum of its variations

    page = listar(client, company)
    assert page["totalItems"] == 1  # variations are listed under their parent, not on their own
    [item] = page["items"]
    assert item["tipo"] == "PRODUTO" and item["contagem_agregacao"] == 3 and item["saldo"] == 18
    assert [v["id"] for v in item["produtos_variacao"]] == [f["id"] for f in filhos]
    for v in item["produtos_variacao"]:
        assert v["tipo"] == "VARIACAO_PRODUTO" and v["id_produto_pai_variacao"] == pai["id"]
        assert v["aggregationCount"] == 0 and isinstance(v["id_legado"], int)

    child = obter(client, company, filhos[1]["id"])
    assert (child["formato"], child["variacao"], child["codigo_ean"]) == ("SIMPLES", None, "7891234567819")
    assert child["categoria"] == pai["categoria"]


def test_deleting_a_variation_or_its_parent(client: TestClient) -> None:
    company = create_company(client)
    pai = criar(client, company, variacao_body())
    filhos = pai["variacao"]["produtos"]
    assert client.delete(f"/v1/produtos/{filhos[0]['id']}", headers=company.auth).status_code == 204
    after = obter(client, company, pai["id"])
    assert [f["id"] for f in after["variacao"]["produtos"]] == [f["id"] for f in filhos[1:]]
    assert after["estoque"]["quantidade_disponivel"] == 13
    assert listar(client, company)["items"][0]["contagem_agregacao"] == 2
    assert client.delete(f"/v1/produtos/{pai['id']}", headers=company.auth).status_code == 204
    for filho in filhos:
        assert client.get(f"/v1/produtos/{filho['id']}", headers=company.auth).status_code == 404


def test_variation_rules(client: TestClient) -> None:
    company = create_company(client)
    base = variacao_body()
    outra_opcao = str(uuid.uuid4())

    def com(caminho: str, valor: object) -> dict:
        import copy

        body = copy.deepcopy(base)
        node = body
        parts = caminho.split(".")
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        last = parts[-1]
        node[int(last) if last.isdigit() else last] = valor
        return body

    assert erro(client, company, {"nome": "a", "formato": "VARIACAO"}) == (
        "O campo 'variacao' é obrigatório para produtos com formato VARIACAO"
    )
    assert (
        erro(client, company, com("variacao.tipos", []))
        == "O campo 'variacao.tipos' deve conter ao menos 1 item"
    )
    assert erro(client, company, com("variacao.tipos.0.opcoes", [])) == (
        "O campo 'variacao.tipos[0].opcoes' deve conter ao menos 1 item"
    )
    assert erro(client, company, com("variacao.tipos.0.opcoes.0.id", None)) == (
        "O campo 'variacao.tipos[0].opcoes[0].id' é obrigatório"
    )
    assert erro(client, company, com("variacao.tipos.0.descricao", "")) == (
        "O campo 'variacao.tipos[0].descricao' é obrigatório"
    )
    assert erro(client, company, com("variacao.produtos", [])) == (
        "O campo 'variacao.produtos' deve conter ao menos 1 item"
    )
    assert erro(client, company, com("variacao.produtos.0.opcoes", [{"id": outra_opcao}])) == (
        "O campo 'variacao.produtos[0].opcoes[0].id' não corresponde a nenhuma opção de 'variacao.tipos'"
    )
    assert erro(client, company, com("variacao.produtos.0.opcoes", [])) == (
        "O campo 'variacao.produtos[0].opcoes' deve ter uma opção de cada tipo de variação"
    )
    repetida = com("variacao.produtos.1.opcoes", base["variacao"]["produtos"][0]["opcoes"])
    assert erro(client, company, repetida) == (
        "O campo 'variacao.produtos[1].opcoes' repete a combinação de opções de outro produto"
    )
    assert erro(client, company, com("variacao.produtos.0.nome", None)) == (
        "O campo 'variacao.produtos[0].nome' é obrigatório"
    )
    sku_repetido = com("variacao.produtos.0.codigo_sku", "X")
    sku_repetido["variacao"]["produtos"][1]["codigo_sku"] = "X"
    assert erro(client, company, sku_repetido) == "Já existe um produto com o código SKU 'X'"
    # inferred from the block when `formato` is left out
    inferido = {k: v for k, v in base.items() if k != "formato"}
    assert criar(client, company, inferido)["formato"] == "VARIACAO"


def test_two_types_need_one_option_of_each(client: TestClient) -> None:
    company = create_company(client)
    p, m = (str(uuid.uuid4()) for _ in range(2))
    azul, preta = (str(uuid.uuid4()) for _ in range(2))
    body = {
        "nome": "Camiseta",
        "formato": "VARIACAO",
        "variacao": {
            "tipos": [
                {
                    "descricao": "Tamanho",
                    "opcoes": [{"id": p, "descricao": "P"}, {"id": m, "descricao": "M"}],
                },
                {
                    "descricao": "Cor",
                    "opcoes": [{"id": azul, "descricao": "Azul"}, {"id": preta, "descricao": "Preta"}],
                },
            ],
            "produtos": [
                {"nome": "Camiseta P Azul", "opcoes": [{"id": azul}, {"id": p}]},
                {"nome": "Camiseta M Preta", "opcoes": [{"id": m}, {"id": preta}]},
            ],
        },
    }
    pai = criar(client, company, body)
    assert [[o["descricao"] for o in f["opcoes"]] for f in pai["variacao"]["produtos"]] == [
        ["P", "Azul"],
        ["M", "Preta"],
    ]
    body["variacao"]["produtos"][0]["opcoes"] = [{"id": p}, {"id": m}]
    body["nome"] = "Outra"
    assert (
        erro(client, company, body)
        == "O campo 'variacao.produtos[0].opcoes' deve ter uma única opção de cada tipo"
    )


# ----------------------------------------------------------------------------------- nivel_estoque ----


@pytest.mark.parametrize(
    ("estoque", "nivel"),
    [
        ({"estoque_disponivel": 3, "estoque_minimo": 5, "estoque_maximo": 50}, "MINIMO"),
        ({"estoque_disponivel": 5, "estoque_minimo": 5}, "MINIMO"),
        ({"estoque_disponivel": 50, "estoque_minimo": 5, "estoque_maximo": 50}, "MAXIMO"),
        ({"estoque_disponivel": 20, "estoque_minimo": 5, "estoque_maximo": 50}, "PADRAO"),
        ({"estoque_disponivel": 0}, "PADRAO"),
        ({"estoque_disponivel": 0, "estoque_minimo": 0, "estoque_maximo": 0}, "PADRAO"),
    ],
)
def test_nivel_estoque(client: TestClient, estoque: dict, nivel: str) -> None:
    company = create_company(client)
    criar(client, company, nome="Item", estoque=estoque)
    assert listar(client, company)["items"][0]["nivel_estoque"] == nivel


# ---------------------------------------------------------------------------------------- catalogs ----


def test_every_company_starts_with_the_category_outras(client: TestClient) -> None:
    company = create_company(client)
    response = client.get("/v1/produtos/categorias", headers=company.auth)
    assert response.status_code == 200
    body = response.json()
    assert body["total_items"] == 1
    [outras] = body["items"]
    assert set(outras) == {"id", "uuid", "descricao"} and outras["descricao"] == "Outras"
    other = create_company(client, name="Outra Ltda")
    outra = client.get("/v1/produtos/categorias", headers=other.auth).json()["items"][0]
    assert outra["id"] != outras["id"] and outra["uuid"] != outras["uuid"]


def test_categories_search_and_paging(client: TestClient) -> None:
    company = create_company(client)
    params = {"busca_textual": "OUT"}
    assert (
        client.get("/v1/produtos/categorias", params=params, headers=company.auth).json()["total_items"] == 1
    )
    params = {"busca": "zzz"}
    assert client.get("/v1/produtos/categorias", params=params, headers=company.auth).json() == {
        "total_items": 0,
        "items": [],
    }
    response = client.get("/v1/produtos/categorias", params={"tamanho_pagina": 7}, headers=company.auth)
    assert response.status_code == 400 and "tamanho_pagina" in response.json()["error"]


def test_ecommerce_brands(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    empty = client.get("/v1/produtos/ecommerce-marcas", headers=company.auth)
    assert empty.status_code == 200 and empty.json() == {"total_items": 0, "items": []}
    ids = {nome: marca(app, company, nome) for nome in ("Tinteiro", "Azulina", "Ábaco")}
    body = client.get("/v1/produtos/ecommerce-marcas", headers=company.auth).json()
    assert body == {
        "total_items": 3,
        "items": [{"id": ids[n], "nome": n} for n in ("Ábaco", "Azulina", "Tinteiro")],
    }
    desc = client.get(
        "/v1/produtos/ecommerce-marcas", params={"direcao": "DESC"}, headers=company.auth
    ).json()
    assert [m["nome"] for m in desc["items"]] == ["Tinteiro", "Azulina", "Ábaco"]
    found = client.get(
        "/v1/produtos/ecommerce-marcas", params={"busca_textual": "abac"}, headers=company.auth
    )
    assert [m["nome"] for m in found.json()["items"]] == ["Ábaco"]
    bad = client.get("/v1/produtos/ecommerce-marcas", params={"direcao": "UP"}, headers=company.auth)
    assert bad.status_code == 400
    other = create_company(client, name="Outra Ltda")
    assert client.get("/v1/produtos/ecommerce-marcas", headers=other.auth).json()["total_items"] == 0


ECOMMERCE_400 = {"error": "Os filtros informados para busca de categoria de e-commerce são inválidos"}


def test_ecommerce_categories_need_busca_textual_and_an_integration(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    for params in ({}, {"busca_textual": " "}, {"busca_textual": "cadernos"}):
        response = client.get("/v1/produtos/ecommerce-categorias", params=params, headers=company.auth)
        assert (response.status_code, response.json()) == (400, ECOMMERCE_400)
    papelaria = categoria_ecommerce(app, company, "Escritório e Papelaria")
    cadernos = categoria_ecommerce(app, company, "Cadernos", papelaria)
    categoria_ecommerce(app, company, "Canetas", papelaria)
    informatica = categoria_ecommerce(app, company, "Informática")
    response = client.get("/v1/produtos/ecommerce-categorias", headers=company.auth)
    assert (response.status_code, response.json()) == (400, ECOMMERCE_400)
    body = client.get(
        "/v1/produtos/ecommerce-categorias", params={"busca_textual": "caderno"}, headers=company.auth
    ).json()
    uuid.UUID(body["id"])
    assert body["versao"] == 0
    assert body["items"] == [
        {
            "id": papelaria,
            "descricao": "Escritório e Papelaria",
            "subcategorias": [{"id": cadernos, "descricao": "Cadernos", "subcategorias": []}],
        }
    ]
    whole = client.get(
        "/v1/produtos/ecommerce-categorias", params={"busca_textual": "escritorio"}, headers=company.auth
    ).json()
    assert [s["descricao"] for s in whole["items"][0]["subcategorias"]] == ["Cadernos", "Canetas"]
    info = client.get(
        "/v1/produtos/ecommerce-categorias", params={"busca": "INFORM"}, headers=company.auth
    ).json()
    assert [n["id"] for n in info["items"]] == [informatica]
    other = create_company(client, name="Outra Ltda")
    response = client.get(
        "/v1/produtos/ecommerce-categorias", params={"busca_textual": "a"}, headers=other.auth
    )
    assert response.status_code == 400


def test_fixed_paths_are_not_taken_for_ids(client: TestClient) -> None:
    company = create_company(client)
    for path in ("/v1/produtos/ncm", "/v1/produtos/cest", "/v1/produtos/unidades-medida"):
        assert client.get(path, headers=company.auth).status_code == 200
    for path in (
        "/v1/produtos/ecommerce-categoria",
        "/v1/produtos/categorias-ecommerce",
        "/v1/produtos/marcas",
    ):
        response = client.get(path, headers=company.auth)
        assert (response.status_code, response.json()) == (
            400,
            {"error": "O valor informado deve estar no formato UUID válido"},
        )
    response = client.delete("/v1/produtos/categorias", headers=company.auth)
    assert response.status_code == 400
