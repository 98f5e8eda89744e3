"""Seed 001 (the Venda section of the API page) replayed against anil, every curl example in the page's
order: a sale by id, its edit (PUT), the search with a JSON body (POST /v1/venda/busca), the creation,
the PDF, the batch delete and the paginated items.

Placeholders (`2887ff7c-…` client, `550e8400-…` item and account, `28aae0b9-…` category, `51474982-…`
cost center, `497f6eca-…` filter ids, `{id}`, `YOUR_API_KEY_HERE`) are replaced by real ids and a real
token; literal `string` values, `0` numbers and the mock's 2019 period by valid ones. Where the seed and
the catalog differ the catalog's shape wins: the PUT's `itens` is an array (the page shows one object),
sorting takes `NUMERO` (not `string`), `pendente` is `false` so the search finds the sale. The creation
and edit as written (items 2 × 50 − 5% + freight 100 = 195.00, one installment of 100) do not add up and
get CA's 400 (FAQ #37); with the installment at 195.00 they pass. Each JSON answer is checked against
Conta Azul's own sales OpenAPI file.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api import vendas_busca_builders as b
from tests.api.contas_builders import create_account
from tests.contract.openapi import assert_conforms
from tests.helpers import Company, create_company

AGORA = datetime(2026, 11, 15, 13, 0, tzinfo=UTC)

SEED_CRIACAO = {
    "id_cliente": "2887ff7c-e8dc-4cd4-bd04-a5554a71c2de",
    "numero": 0,
    "situacao": "EM_ANDAMENTO",
    "data_venda": "2019-08-24",
    "id_categoria": "28aae0b9-0a40-4479-baff-3cbc83721b20",
    "id_centro_custo": "51474982-bf91-4e21-81d5-2212e04a543c",
    "observacoes": "string",
    "observacoes_pagamento": "string",
    "itens": [
        {
            "descricao": "Produto A",
            "quantidade": 2,
            "valor": 50,
            "id": "550e8400-e29b-41d4-a716-446655440000",
            "valor_custo": 40,
        }
    ],
    "composicao_de_valor": {"frete": 100, "desconto": {"tipo": "PORCENTAGEM", "valor": 5}},
    "condicao_pagamento": {
        "tipo_pagamento": "CARTAO_CREDITO",
        "id_conta_financeira": "550e8400-e29b-41d4-a716-446655440000",
        "opcao_condicao_pagamento": "À vista",
        "nsu": "1234567890",
        "parcelas": [{"data_vencimento": "2023-12-31", "valor": 100, "descricao": "Parcela 1"}],
    },
}

SEED_EDICAO = {
    "id_cliente": "550e8400-e29b-41d4-a716-446655440000",
    "numero": 1,
    "data_venda": "2023-12-31",
    "situacao": "EM_ANDAMENTO",
    "observacoes": "Cliente solicitou entrega rápida",
    "observacoes_pagamento": "Pagamento realizado em 3 parcelas",
    "id_natureza_operacao": "550e8400-e29b-41d4-a716-446655440000",
    "versao": 1,
    "itens": {  # one object in the page; an array in the spec and the catalog
        "descricao": "Produto A",
        "quantidade": 2,
        "valor": 50,
        "id": "550e8400-e29b-41d4-a716-446655440000",
        "valor_custo": 40,
    },
    "composicao_de_valor": {"frete": 100, "desconto": {"tipo": "PORCENTAGEM", "valor": 5}},
    "condicao_pagamento": {
        "tipo_pagamento": "CARTAO_CREDITO",
        "id_conta_financeira": "550e8400-e29b-41d4-a716-446655440000",
        "opcao_condicao_pagamento": "À vista",
        "nsu": "1234567890",
        "parcelas": [{"data_vencimento": "2023-12-31", "valor": 100, "descricao": "Parcela 1"}],
    },
}

SEED_BUSCA_QUERY = (
    "campo_ordenado_ascendente=string&campo_ordenado_descendente=string&pagina=1&tamanho_pagina=10"
)
SEED_BUSCA = {
    "termo_busca": "string",
    "periodo": {"data_inicio": "2019-08-24", "data_fim": "2019-08-24"},
    "ids_donos": ["497f6eca-6276-4993-bfeb-53cbbbba6f08"],
    "ids_clientes": ["497f6eca-6276-4993-bfeb-53cbbbba6f08"],
    "ids_natureza_operacao": ["497f6eca-6276-4993-bfeb-53cbbbba6f08"],
    "situacoes": ["string"],
    "tipos": ["string"],
    "origens": ["string"],
    "numeros": [0],
    "ids_categorias": ["497f6eca-6276-4993-bfeb-53cbbbba6f08"],
    "ids_produtos": ["497f6eca-6276-4993-bfeb-53cbbbba6f08"],
    "pendente": True,
    "totais": "string",
    "ids_legado_donos": [0],
    "ids_legado_clientes": [0],
    "ids_legado_produtos": [0],
    "ids_legado_categorias": [0],
}

SEED_EXCLUSAO = {"ids": ["123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-426614174001"]}

# `ListagemVendasResponse` against anil's answer: see tests/api/test_vendas_busca.py
EXCECOES_BUSCA = {
    "itens/[]/criado_em": "§2.6: São Paulo local time without offset (choice `timestamp-format`)",
    "itens/[]/data_alteracao": "§2.6: São Paulo local time without offset (ISO 8601, São Paulo/GMT-3)",
}


class Ids:
    """The company's real ids for the seed's placeholders."""

    def __init__(self, client: TestClient, company: Company) -> None:
        self.cliente = b.cliente(client, company, "Cliente Seed 001", email="seed001@example.com")
        self.produto = b.produto(client, company, "Produto A", 50, estoque=20)
        self.vendedor = b.vendedor(client, company, "Vendedor Seed")
        self.conta = create_account(client, company, "Conta Seed 001", banco="ITAU")
        categorias = client.get(
            "/v1/categorias",
            params={"pagina": 1, "tamanho_pagina": 10, "tipo": "RECEITA", "apenas_filhos": "true"},
            headers=company.auth,
        )
        assert categorias.status_code == 200, categorias.text
        self.categoria = categorias.json()["itens"][0]["id"]
        centro = client.post("/v1/centro-de-custo", json={"nome": "Centro Seed 001"}, headers=company.auth)
        assert centro.status_code == 200, centro.text
        self.centro = centro.json()["id"]


def _criacao(ids: Ids, numero: int, valor_parcela: float) -> dict:
    body = copy.deepcopy(SEED_CRIACAO)
    body.update(
        id_cliente=ids.cliente["id"],
        numero=numero,
        data_venda="2026-11-14",
        id_categoria=ids.categoria,
        id_centro_custo=ids.centro,
        observacoes="Venda registrada pelo integrador",
        observacoes_pagamento="Pagamento no cartão",
    )
    body["itens"][0]["id"] = ids.produto["id"]
    body["condicao_pagamento"]["id_conta_financeira"] = ids.conta["id"]
    body["condicao_pagamento"]["parcelas"][0].update(data_vencimento="2026-12-14", valor=valor_parcela)
    return body


@pytest.fixture
def replay(client: TestClient, clock: MovableClock) -> tuple[Company, Ids, dict]:
    """A company with what the placeholders stand for, and the sale the page's by-id examples read: the
    seed's own creation body, made consistent."""
    clock.freeze(AGORA)
    company = create_company(client, "Empresa Seed 001 Ltda")
    ids = Ids(client, company)
    venda = b.criar_venda(client, company, _criacao(ids, b.proximo_numero(client, company), 195))
    return company, ids, venda


def test_seed_001_in_the_pages_order(client: TestClient, replay: tuple, tmp_path) -> None:  # type: ignore[no-untyped-def]
    company, ids, venda = replay
    auth = company.auth

    # 1. GET /v1/venda/{id} — by uuid and by legacy id
    for chave in (venda["id"], venda["id_legado"]):
        response = client.get(f"/v1/venda/{chave}", headers=auth)
        assert response.status_code == 200, response.text
        detalhe = response.json()
        assert_conforms("sales", "GET", "/v1/venda/{id}", 200, detalhe)
        assert detalhe["venda"]["id"] == venda["id"]
        assert detalhe["cliente"]["uuid"] == ids.cliente["id"]
        assert detalhe["venda"]["composicao_valor"]["valor_liquido"] == 195
    natureza = detalhe["venda"]["id_natureza_operacao"]

    # 2. PUT /v1/venda/{id}
    edicao = copy.deepcopy(SEED_EDICAO)
    edicao.update(
        id_cliente=ids.cliente["id"],
        numero=venda["numero"],
        data_venda="2026-11-14",
        id_natureza_operacao=natureza,
        itens=[{**SEED_EDICAO["itens"], "id": ids.produto["id"]}],
    )
    edicao["condicao_pagamento"]["id_conta_financeira"] = ids.conta["id"]
    como_escrito = client.put(f"/v1/venda/{venda['id']}", json=edicao, headers=auth)
    assert como_escrito.status_code == 400, como_escrito.text
    assert "R$ 100,00" in como_escrito.json()["error"] and "R$ 195,00" in como_escrito.json()["error"]
    edicao["condicao_pagamento"]["parcelas"][0].update(data_vencimento="2026-12-31", valor=195)
    response = client.put(f"/v1/venda/{venda['id']}", json=edicao, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json() == {"id": venda["id"], "id_legado": venda["id_legado"]}
    assert_conforms("sales", "PUT", "/v1/venda/{id}", 200, response.json())
    detalhe = client.get(f"/v1/venda/{venda['id']}", headers=auth).json()
    assert detalhe["venda"]["observacoes"] == "Cliente solicitou entrega rápida"
    assert detalhe["venda"]["versao"] == 1

    # 3. POST /v1/venda/busca — the JSON body form
    legado_cliente = client.get(f"/v1/pessoas/{ids.cliente['id']}", headers=auth).json()["pessoas_legado"][0][
        "id"
    ]
    legado_produto = client.get(f"/v1/produtos/{ids.produto['id']}", headers=auth).json()["id_legado"]
    busca = copy.deepcopy(SEED_BUSCA)
    busca.update(
        termo_busca="Cliente Seed",
        periodo={"data_inicio": "2026-11-01", "data_fim": "2026-11-30"},
        ids_donos=[],
        ids_clientes=[ids.cliente["id"]],
        ids_natureza_operacao=[natureza],
        situacoes=["EM_ANDAMENTO"],
        tipos=["SALE"],
        origens=["API"],
        numeros=[venda["numero"]],
        # PUT is a full update: the seed's edit sends no category, so the sale has none any more
        ids_categorias=[detalhe["venda"]["id_categoria"]] if detalhe["venda"].get("id_categoria") else [],
        ids_produtos=[ids.produto["id"]],
        pendente=False,
        totais="ALL",
        ids_legado_donos=[],
        ids_legado_clientes=[legado_cliente],
        ids_legado_produtos=[legado_produto],
        ids_legado_categorias=[],  # no endpoint shows a category's legacy id: the filter is left empty
    )
    como_escrito = client.post(f"/v1/venda/busca?{SEED_BUSCA_QUERY}", json=SEED_BUSCA, headers=auth)
    assert como_escrito.status_code == 400, como_escrito.text  # `string` is no sort field
    query = SEED_BUSCA_QUERY.replace("=string", "=NUMERO")
    response = client.post(f"/v1/venda/busca?{query}", json=busca, headers=auth)
    assert response.status_code == 200, response.text
    achadas = response.json()
    assert_conforms("sales", "GET", "/v1/venda/busca", 200, achadas, exceptions=EXCECOES_BUSCA)
    assert [i["id"] for i in achadas["itens"]] == [venda["id"]]
    assert achadas["quantidades"]["total"] == 1 and achadas["totais"]["esperando_aprovacao"] == 195
    # with the seller filter too: the sale has none, so nothing
    response = client.post(
        f"/v1/venda/busca?{query}", json={**busca, "ids_donos": [ids.vendedor["id"]]}, headers=auth
    )
    assert response.status_code == 200 and response.json()["itens"] == []

    # 4. POST /v1/venda
    numero = b.proximo_numero(client, company)
    como_escrito = client.post("/v1/venda", json=_criacao(ids, numero, 100), headers=auth)
    assert como_escrito.status_code == 400, como_escrito.text
    assert "R$ 100,00" in como_escrito.json()["error"] and "R$ 195,00" in como_escrito.json()["error"]
    response = client.post("/v1/venda", json=_criacao(ids, numero, 195), headers=auth)
    assert response.status_code in (200, 201), response.text
    criada = response.json()
    assert_conforms("sales", "POST", "/v1/venda", 200, criada)
    assert criada["numero"] == numero and criada["valor_composicao"]["valor_liquido"] == 195

    # 5. GET /v1/venda/{id}/imprimir
    for chave in (venda["id"], venda["id_legado"]):
        response = client.get(f"/v1/venda/{chave}/imprimir", headers=auth)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")

    # 6. POST /v1/venda/exclusao-lote — one real sale, one unknown id: the page's own answer
    exclusao = {"ids": [criada["id"], SEED_EXCLUSAO["ids"][1]]}
    response = client.post("/v1/venda/exclusao-lote", json=exclusao, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json() == {"atualizados": 1, "ignorados": 1}
    assert_conforms("sales", "POST", "/v1/venda/exclusao-lote", 200, response.json())
    response = client.post("/v1/venda/exclusao-lote", json=SEED_EXCLUSAO, headers=auth)
    assert response.json() == {"atualizados": 0, "ignorados": 2}

    # 7. GET /v1/venda/{id_venda}/itens?pagina=1&tamanho_pagina=10
    response = client.get(f"/v1/venda/{venda['id']}/itens?pagina=1&tamanho_pagina=10", headers=auth)
    assert response.status_code == 200, response.text
    itens = response.json()
    assert_conforms("sales", "GET", "/v1/venda/{id_venda}/itens", 200, itens)
    assert itens["itens_totais"] == 1
    assert itens["itens"][0]["id_item"] == ids.produto["id"]
    assert itens["totais"]["quantidade_produtos"] == 1


def test_seed_placeholders_are_unknown_here(client: TestClient, replay: tuple) -> None:
    """The page's literal placeholder ids name nothing in a company: each endpoint answers as it does for
    an unknown id."""
    company, _, _ = replay
    auth = company.auth
    assert client.get("/v1/venda/497f6eca-6276-4993-bfeb-53cbbbba6f08", headers=auth).status_code == 404
    assert (
        client.get("/v1/venda/497f6eca-6276-4993-bfeb-53cbbbba6f08/imprimir", headers=auth).status_code == 404
    )
    body = copy.deepcopy(SEED_CRIACAO)
    body["numero"] = b.proximo_numero(client, company)
    body["condicao_pagamento"]["parcelas"][0]["valor"] = 195
    response = client.post("/v1/venda", json=body, headers=auth)
    assert response.status_code == 400, response.text
    assert set(response.json()) == {"error"}
    response = client.post(
        "/v1/venda/busca?pagina=1&tamanho_pagina=10", json={**SEED_BUSCA, "totais": "ALL"}, headers=auth
    )
    assert response.status_code == 200, response.text
    assert response.json()["itens"] == []
