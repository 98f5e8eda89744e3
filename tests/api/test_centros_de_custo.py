"""`/v1/centro-de-custo` (catalog §3.7) and the `/_anil/` cost-center door, through HTTP on both engines."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.helpers import ADMIN, Company, create_company

PATH = "/v1/centro-de-custo"
VAZIO = {"itens_totais": 0, "items": [], "itens": [], "totais": {"ativo": 0, "inativo": 0, "todos": 0}}


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


def listar(client: TestClient, company: Company, **params: Any) -> dict:
    response = client.get(PATH, params={"pagina": 1, "tamanho_pagina": 10, **params}, headers=company.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["items"] == body["itens"]
    return body


def nomes(body: dict) -> list[str]:
    return [item["nome"] for item in body["items"]]


def criar(client: TestClient, company: Company, **body: Any) -> dict:
    response = client.post(PATH, json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def criar_inativo(client: TestClient, company: Company, nome: str, codigo: str | None = None) -> dict:
    response = client.post(
        f"/_anil/companies/{company.id}/centros-de-custo",
        json={"nome": nome, "codigo": codigo, "ativo": False},
        headers=ADMIN,
    )
    assert response.status_code == 201, response.text
    return response.json()


def assert_bad_request(response, message: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 400, response.text
    assert response.json() == {"code": 400, "message": message}


def test_a_new_company_has_no_cost_center(client: TestClient, company: Company) -> None:
    assert listar(client, company) == VAZIO


def test_create_and_list(client: TestClient, company: Company) -> None:
    created = criar(client, company, nome="Contabilidade", codigo="1040")
    assert created == {"id": created["id"], "codigo": "1040", "nome": "Contabilidade", "ativo": True}
    bare = criar(client, company, nome="  Marketing  ")
    assert bare["codigo"] is None
    assert bare["nome"] == "Marketing"
    assert criar(client, company, nome="Vendas", codigo="   ")["codigo"] is None
    body = listar(client, company)
    assert body["itens_totais"] == 3
    assert body["totais"] == {"ativo": 3, "inativo": 0, "todos": 3}
    assert body["items"][0] == created
    assert nomes(body) == ["Contabilidade", "Marketing", "Vendas"]
    assert list(body) == ["itens_totais", "items", "itens", "totais"]


def test_unknown_fields_are_ignored_and_new_centers_are_active(client: TestClient, company: Company) -> None:
    created = criar(client, company, nome="Fábrica", ativo=False, id="x", zzz=1)
    assert created["ativo"] is True


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'nome' é obrigatório"),
        ({"codigo": "10"}, "O campo 'nome' é obrigatório"),
        ({"nome": None}, "O campo 'nome' é obrigatório"),
        ({"nome": "   "}, "O campo 'nome' é obrigatório"),
        ({"nome": 42}, "O campo 'nome' é inválido"),
        ({"nome": "Ok", "codigo": 1040}, "O campo 'codigo' é inválido"),
        ({"nome": "n" * 256}, "O campo 'nome' deve ter no máximo 255 caracteres"),
        ({"nome": "Ok", "codigo": "c" * 65}, "O campo 'codigo' deve ter no máximo 64 caracteres"),
    ],
)
def test_bad_bodies_write_nothing(client: TestClient, company: Company, body: dict, message: str) -> None:
    assert_bad_request(client.post(PATH, json=body, headers=company.auth), message)
    assert listar(client, company) == VAZIO


@pytest.mark.parametrize("raw", [b"", b"null", b"[]", b"{", b'"nome"'])
def test_a_body_that_is_not_an_object(client: TestClient, company: Company, raw: bytes) -> None:
    response = client.post(PATH, content=raw, headers={**company.auth, "content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["code"] == 400
    assert response.json()["message"]
    assert listar(client, company) == VAZIO


def test_duplicate_names_and_codes_are_refused(client: TestClient, company: Company) -> None:
    criar(client, company, nome="Administração", codigo="ADM-1")
    for body, message in (
        ({"nome": "administracao"}, "Já existe um centro de custo com o nome informado"),
        ({"nome": " ADMINISTRAÇÃO "}, "Já existe um centro de custo com o nome informado"),
        ({"nome": "Outro", "codigo": "adm-1"}, "Já existe um centro de custo com o código informado"),
    ):
        assert_bad_request(client.post(PATH, json=body, headers=company.auth), message)
    assert listar(client, company)["itens_totais"] == 1
    # another company may use the same name and code
    other = create_company(client, "Outra Empresa Ltda")
    assert criar(client, other, nome="Administração", codigo="ADM-1")["nome"] == "Administração"


def test_companies_never_see_each_others_centers(client: TestClient, company: Company) -> None:
    other = create_company(client, "Outra Empresa Ltda")
    mine = criar(client, company, nome="Projeto Alfa", codigo="PA")
    assert listar(client, other) == VAZIO
    assert listar(client, other, busca="alfa") == VAZIO
    assert listar(client, company)["items"] == [mine]


def _popular(client: TestClient, company: Company) -> None:
    criar(client, company, nome="Comercial", codigo="200")
    criar(client, company, nome="administrativo", codigo="100")
    criar(client, company, nome="Operações", codigo="300")
    criar(client, company, nome="Diretoria")
    criar_inativo(client, company, "Filial Antiga", "050")
    criar_inativo(client, company, "Évora", "900")


def test_quick_filter_and_totals(client: TestClient, company: Company) -> None:
    _popular(client, company)
    todos = listar(client, company)
    assert todos["itens_totais"] == 6
    assert todos["totais"] == {"ativo": 4, "inativo": 2, "todos": 6}
    assert listar(client, company, filtro_rapido="TODOS") == todos
    ativos = listar(client, company, filtro_rapido="ATIVO")
    assert ativos["itens_totais"] == 4
    assert ativos["totais"] == todos["totais"]
    assert {i["ativo"] for i in ativos["items"]} == {True}
    inativos = listar(client, company, filtro_rapido="INATIVO")
    assert nomes(inativos) == ["Évora", "Filial Antiga"]
    assert inativos["itens_totais"] == 2
    # totals follow busca, whatever the quick filter
    busca = listar(client, company, busca="a", filtro_rapido="INATIVO")
    assert busca["totais"] == {"ativo": 4, "inativo": 2, "todos": 6}
    busca = listar(client, company, busca="fil", filtro_rapido="ATIVO")
    assert busca["itens_totais"] == 0
    assert busca["totais"] == {"ativo": 0, "inativo": 1, "todos": 1}


def test_busca_matches_name_or_code(client: TestClient, company: Company) -> None:
    _popular(client, company)
    assert nomes(listar(client, company, busca="ADMIN")) == ["administrativo"]
    assert nomes(listar(client, company, busca="operacoes")) == ["Operações"]
    assert nomes(listar(client, company, busca="evora")) == ["Évora"]
    assert nomes(listar(client, company, busca="00")) == ["administrativo", "Comercial", "Évora", "Operações"]
    assert nomes(listar(client, company, busca="050")) == ["Filial Antiga"]
    assert listar(client, company, busca="%")["itens_totais"] == 0


@pytest.mark.parametrize(
    ("campo", "asc"),
    [
        ("NOME", ["administrativo", "Comercial", "Diretoria", "Évora", "Filial Antiga", "Operações"]),
        ("CODIGO", ["Filial Antiga", "administrativo", "Comercial", "Operações", "Évora", "Diretoria"]),
        ("ATIVO", ["Évora", "Filial Antiga", "administrativo", "Comercial", "Diretoria", "Operações"]),
    ],
)
def test_sorting(client: TestClient, company: Company, campo: str, asc: list[str]) -> None:
    _popular(client, company)
    assert nomes(listar(client, company, campo_ordenado_ascendente=campo)) == asc
    assert nomes(listar(client, company, campo_ordenado_ascendente=campo.lower())) == asc
    desc = nomes(listar(client, company, campo_ordenado_descendente=campo))
    if campo == "NOME":
        assert desc == list(reversed(asc))
    elif campo == "CODIGO":  # no code stays last
        assert desc == ["Évora", "Operações", "Comercial", "administrativo", "Filial Antiga", "Diretoria"]
    else:  # ties by name
        assert desc == ["administrativo", "Comercial", "Diretoria", "Operações", "Évora", "Filial Antiga"]
    # the ascending parameter wins
    assert (
        nomes(listar(client, company, campo_ordenado_ascendente=campo, campo_ordenado_descendente="NOME"))
        == asc
    )


def test_sorting_by_id(client: TestClient, company: Company) -> None:
    _popular(client, company)
    ids = [i["id"] for i in listar(client, company, campo_ordenado_ascendente="ID")["items"]]
    assert ids == sorted(ids)
    ids = [i["id"] for i in listar(client, company, campo_ordenado_descendente="id")["items"]]
    assert ids == sorted(ids, reverse=True)


def test_paging(client: TestClient, company: Company) -> None:
    for n in range(25):
        criar(client, company, nome=f"Centro {n:02d}")
    first = listar(client, company, pagina=1, tamanho_pagina=10)
    third = listar(client, company, pagina=3, tamanho_pagina=10)
    assert first["itens_totais"] == third["itens_totais"] == 25
    assert nomes(first) == [f"Centro {n:02d}" for n in range(10)]
    assert nomes(third) == [f"Centro {n:02d}" for n in range(20, 25)]
    assert listar(client, company, pagina=4)["items"] == []
    assert len(listar(client, company, tamanho_pagina=20)["items"]) == 20
    # both paging parameters may be left out (the spec marks them required)
    response = client.get(PATH, headers=company.auth)
    assert response.status_code == 200
    assert len(response.json()["items"]) == 10


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"tamanho_pagina": 5},
            "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50, 100, 200, 500 ou 1000",
        ),
        ({"pagina": -1}, "O valor do atributo 'pagina' deve ser maior ou igual a 1"),
        (
            {"filtro_rapido": "ativo"},
            "O valor do atributo 'filtro_rapido' deve ser um dos seguintes valores: ATIVO, INATIVO, TODOS",
        ),
        (
            {"campo_ordenado_ascendente": "DATA"},
            "O valor do atributo 'campo_ordenado_ascendente' deve ser um dos seguintes valores: ID, CODIGO, NOME, ATIVO",
        ),
        (
            {"campo_ordenado_descendente": "TIPO"},
            "O valor do atributo 'campo_ordenado_descendente' deve ser um dos seguintes valores: ID, CODIGO, NOME, ATIVO",
        ),
    ],
)
def test_bad_list_parameters(client: TestClient, company: Company, params: dict, message: str) -> None:
    assert_bad_request(client.get(PATH, params=params, headers=company.auth), message)


def test_a_token_is_needed(client: TestClient, company: Company) -> None:
    assert client.get(PATH).status_code == 401
    response = client.post(PATH, json={"nome": "X"})
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"
    assert listar(client, company) == VAZIO


def test_the_control_door(client: TestClient, company: Company) -> None:
    path = f"/_anil/companies/{company.id}/centros-de-custo"
    assert client.post(path, json={"nome": "X"}).status_code == 401
    unknown = client.post(
        "/_anil/companies/5b0e9a4e-8d4f-4d7e-9a55-0e4a1d9c1b11/centros-de-custo",
        json={"nome": "X"},
        headers=ADMIN,
    )
    assert unknown.status_code == 404
    response = client.post(path, json={"codigo": "1"}, headers=ADMIN)
    assert response.status_code == 400
    assert response.json() == {"error": "O campo 'nome' é obrigatório", "code": "entrada_invalida"}
    active = client.post(path, json={"nome": "Ativo por padrão"}, headers=ADMIN)
    assert active.status_code == 201
    assert active.json()["ativo"] is True
    duplicate = client.post(path, json={"nome": "ativo por padrao", "ativo": False}, headers=ADMIN)
    assert duplicate.status_code == 400
    assert duplicate.json()["error"] == "Já existe um centro de custo com o nome informado"
    assert listar(client, company)["totais"] == {"ativo": 1, "inativo": 0, "todos": 1}
