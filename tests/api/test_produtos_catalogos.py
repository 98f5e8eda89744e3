"""GET /v1/produtos/ncm, /cest, /unidades-medida (catalog §3.2): envelopes, search, `codigo`, paging, units
per company, bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from anil.api import choices
from anil.domain.unidades import PADRAO, UNIDADE_ID_BASE
from anil.storage.engine import Database
from anil.storage.repositories import unidades as repo
from tests.helpers import Company, create_company

PATHS = ("/v1/produtos/ncm", "/v1/produtos/cest", "/v1/produtos/unidades-medida")
COFFEE = ["09011110", "09011190", "09011200", "09012100", "09012200", "09019000"]


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


def get(client: TestClient, company: Company, path: str, **params: object) -> dict:
    response = client.get(path, params=params, headers=company.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"total_items", "items"}
    return body


def codes(body: dict) -> list[str]:
    return [item["codigo"] for item in body["items"]]


# ------------------------------------------------------------------------------------------ NCM ----


def test_ncm_search_for_cafe_returns_real_coffee_codes(client: TestClient, company: Company) -> None:
    body = get(client, company, "/v1/produtos/ncm", busca_textual="café", tamanho_pagina=100)
    assert set(COFFEE) <= set(codes(body))
    assert body["total_items"] == len(body["items"])
    item = next(item for item in body["items"] if item["codigo"] == "09011110")
    assert item == {
        "id": 109011110,
        "codigo": "09011110",
        "descricao": "Café, mesmo torrado ou descafeinado - Café não torrado - Não descafeinado - Em grão",
    }
    assert next(i for i in body["items"] if i["codigo"] == "09012100")["descricao"].endswith(
        "Café torrado - Não descafeinado"
    )


def test_ncm_busca_is_the_cli_name_and_busca_textual_wins(client: TestClient, company: Company) -> None:
    sdk = get(client, company, "/v1/produtos/ncm", busca_textual="café", tamanho_pagina=50)
    cli = get(client, company, "/v1/produtos/ncm", busca="CAFE", tamanho_pagina=50)
    assert cli == sdk
    both = get(client, company, "/v1/produtos/ncm", busca_textual="café", busca="leite", tamanho_pagina=50)
    assert both == sdk


def test_ncm_codigo_is_a_prefix(client: TestClient, company: Company) -> None:
    assert codes(get(client, company, "/v1/produtos/ncm", codigo="0901")) == COFFEE
    assert codes(get(client, company, "/v1/produtos/ncm", codigo="0901.21.00")) == ["09012100"]
    both = get(client, company, "/v1/produtos/ncm", codigo="0901", busca="descafeinado")
    assert codes(both) == COFFEE  # the position's text says "mesmo torrado ou descafeinado"
    grao = get(client, company, "/v1/produtos/ncm", codigo="0901", busca="grão")
    assert codes(grao) == ["09011110"]


@pytest.mark.parametrize("codigo", ["abc", "0901x", "99999999"])
def test_ncm_codigo_matching_nothing(client: TestClient, company: Company, codigo: str) -> None:
    assert get(client, company, "/v1/produtos/ncm", codigo=codigo) == {"total_items": 0, "items": []}


def test_ncm_paging(client: TestClient, company: Company) -> None:
    first = get(client, company, "/v1/produtos/ncm")
    assert first["total_items"] == 10_515
    assert len(first["items"]) == 10
    second = get(client, company, "/v1/produtos/ncm", pagina=2, tamanho_pagina=10)
    assert second["total_items"] == 10_515
    assert not set(codes(first)) & set(codes(second))
    twenty = get(client, company, "/v1/produtos/ncm", tamanho_pagina=20)
    assert codes(twenty) == codes(first) + codes(second)
    last = get(client, company, "/v1/produtos/ncm", pagina=1052, tamanho_pagina=10)
    assert len(last["items"]) == 5
    beyond = get(client, company, "/v1/produtos/ncm", pagina=2000)
    assert beyond == {"total_items": 10_515, "items": []}
    big = get(client, company, "/v1/produtos/ncm", busca="leite", tamanho_pagina=1000)
    assert len(big["items"]) == big["total_items"] > 10


def test_unknown_parameters_are_ignored(client: TestClient, company: Company) -> None:
    assert get(client, company, "/v1/produtos/ncm", zzz_bogus="abc") == get(
        client, company, "/v1/produtos/ncm"
    )


# ----------------------------------------------------------------------------------------- CEST ----


def test_cest_search(client: TestClient, company: Company) -> None:
    body = get(client, company, "/v1/produtos/cest", busca_textual="café torrado")
    assert codes(body) == [f"17096{n:02}" for n in range(6)]
    assert body["items"][0] == {
        "id": 11709600,
        "codigo": "1709600",
        "descricao": "Café torrado e moído, em embalagens de conteúdo inferior ou igual a 2 kg, exceto os "
        "classificados nos CEST 17.096.04 e 17.096.05",
    }
    assert codes(get(client, company, "/v1/produtos/cest", busca="CAPSULAS cafe")) == [
        "1709604",
        "1709605",
        "1710701",
    ]


def test_cest_codigo_and_paging(client: TestClient, company: Company) -> None:
    assert codes(get(client, company, "/v1/produtos/cest", codigo="17.096.00")) == ["1709600"]
    family = get(client, company, "/v1/produtos/cest", codigo="17096", tamanho_pagina=10)
    assert family["total_items"] == 6
    first = get(client, company, "/v1/produtos/cest", tamanho_pagina=1000)
    rest = get(client, company, "/v1/produtos/cest", pagina=2, tamanho_pagina=1000)
    everything = codes(first) + codes(rest)
    assert 1_000 < first["total_items"] == rest["total_items"] == len(everything) <= 1_100
    assert everything == sorted(set(everything))
    page_3 = get(client, company, "/v1/produtos/cest", pagina=3, tamanho_pagina=50)
    assert codes(page_3) == everything[100:150]
    assert get(client, company, "/v1/produtos/cest", codigo="17.O96") == {"total_items": 0, "items": []}


# ------------------------------------------------------------------------------ units of measure ----


def test_a_new_company_has_the_default_units(client: TestClient, company: Company) -> None:
    body = get(client, company, "/v1/produtos/unidades-medida", tamanho_pagina=50)
    assert body["total_items"] == len(PADRAO) == len(body["items"])
    assert [(u["descricao"], u["abreviacao"]) for u in body["items"]] == list(PADRAO)
    assert body["items"][1] == {
        "id": body["items"][0]["id"] + 1,
        "descricao": "Kilograma",
        "abreviacao": "Kg",
        "em_uso": False,
    }
    ids = [u["id"] for u in body["items"]]
    assert ids == list(range(ids[0], ids[0] + len(PADRAO)))
    assert ids[0] > UNIDADE_ID_BASE
    assert not any(u["em_uso"] for u in body["items"])


def test_units_search_codigo_and_paging(client: TestClient, company: Company) -> None:
    metro = get(client, company, "/v1/produtos/unidades-medida", busca_textual="METRO")
    assert [u["descricao"] for u in metro["items"]] == [
        "Metro",
        "Centímetro",
        "Metro quadrado",
        "Metro cúbico",
    ]
    assert [
        u["descricao"] for u in get(client, company, "/v1/produtos/unidades-medida", busca="cubico")["items"]
    ] == ["Metro cúbico"]
    kg = get(client, company, "/v1/produtos/unidades-medida", codigo="kg")
    assert [u["descricao"] for u in kg["items"]] == ["Kilograma"]
    assert get(client, company, "/v1/produtos/unidades-medida", codigo="zz") == {
        "total_items": 0,
        "items": [],
    }
    first = get(client, company, "/v1/produtos/unidades-medida")
    second = get(client, company, "/v1/produtos/unidades-medida", pagina=2)
    assert first["total_items"] == second["total_items"] == len(PADRAO)
    assert len(first["items"]) == len(second["items"]) == 10
    assert [u["descricao"] for u in first["items"] + second["items"]] == [d for d, _ in PADRAO]


def test_units_belong_to_their_company(client: TestClient, db: Database) -> None:
    a = create_company(client, "Empresa A")
    b = create_company(client, "Empresa B")
    units_a = get(client, a, "/v1/produtos/unidades-medida", tamanho_pagina=50)["items"]
    units_b = get(client, b, "/v1/produtos/unidades-medida", tamanho_pagina=50)["items"]
    assert [u["descricao"] for u in units_a] == [u["descricao"] for u in units_b]
    assert not {u["id"] for u in units_a} & {u["id"] for u in units_b}
    kilo_a = units_a[1]["id"]
    found = db.run_read(lambda s: repo.unidade_da_empresa(s, a.id, kilo_a))
    assert found is not None and (found.id, found.descricao, found.abreviacao) == (kilo_a, "Kilograma", "Kg")
    assert db.run_read(lambda s: repo.unidade_da_empresa(s, b.id, kilo_a)) is None
    assert db.run_read(lambda s: repo.unidade_da_empresa(s, a.id, 12)) is None
    mixed = db.run_read(
        lambda s: repo.unidades_da_empresa(s, b.id, [kilo_a, units_b[1]["id"], units_b[2]["id"]])
    )
    assert sorted(mixed) == [units_b[1]["id"], units_b[2]["id"]]
    assert db.run_read(lambda s: repo.unidades_da_empresa(s, a.id, [])) == {}


# ------------------------------------------------------------------------------------ bad input ----


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"tamanho_pagina": "7"}, choices.PAGE_SIZE_MESSAGE),
        ({"tamanho_pagina": "dez"}, choices.PAGE_SIZE_MESSAGE),
        ({"pagina": "0"}, choices.PAGE_MESSAGE),
        ({"pagina": "um"}, "O valor do atributo 'pagina' deve ser um número inteiro"),
    ],
)
def test_bad_paging(client: TestClient, company: Company, path: str, params: dict, message: str) -> None:
    response = client.get(path, params=params, headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": message}


@pytest.mark.parametrize("path", PATHS)
def test_a_token_is_required(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"


def test_a_unit_is_in_use_while_a_product_of_its_company_has_it(client: TestClient) -> None:
    a = create_company(client, "Empresa A")
    b = create_company(client, "Empresa B")
    units = get(client, a, "/v1/produtos/unidades-medida", tamanho_pagina=50)["items"]
    kilo = next(u["id"] for u in units if u["abreviacao"] == "Kg")
    created = client.post(
        "/v1/produtos", json={"nome": "Café em grão", "unidade_medida": {"id": kilo}}, headers=a.auth
    )
    assert created.status_code in (200, 201), created.text
    in_use = {
        u["abreviacao"]
        for u in get(client, a, "/v1/produtos/unidades-medida", tamanho_pagina=50)["items"]
        if u["em_uso"]
    }
    assert in_use == {"Kg"}
    assert [u["id"] for u in get(client, a, "/v1/produtos/unidades-medida", codigo="kg")["items"]] == [kilo]
    assert get(client, a, "/v1/produtos/unidades-medida", codigo="kg")["items"][0]["em_uso"] is True
    assert not any(
        u["em_uso"] for u in get(client, b, "/v1/produtos/unidades-medida", tamanho_pagina=50)["items"]
    )
    # another company's unit is not one a product can have
    other = client.post("/v1/produtos", json={"nome": "Chá", "unidade_medida": {"id": kilo}}, headers=b.auth)
    assert other.status_code == 400, other.text
    deleted = client.delete(f"/v1/produtos/{created.json()['id']}", headers=a.auth)
    assert deleted.status_code == 204, deleted.text
    assert not any(
        u["em_uso"] for u in get(client, a, "/v1/produtos/unidades-medida", tamanho_pagina=50)["items"]
    )
