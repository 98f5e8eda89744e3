"""/v1/pessoa*: the older revision (seed 003) over the same people as /v1/pessoas."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api.pessoas_builders import (
    CNPJ_ACME,
    CPF_ANA,
    CPF_BRUNO,
    ENDERECO_SP,
    UNKNOWN_ID,
    count,
    create,
    fisica,
    get,
)
from tests.helpers import Company, create_company

UUID_MESSAGE = {"error": "O valor informado deve estar no formato UUID válido"}
NOT_FOUND = {"error": "Pessoa não encontrada"}


def legacy_body(**extra: object) -> dict:
    """A complete person in the older generation's words."""
    body = {
        "perfis": [{"tipo_perfil": "CLIENTE"}, {"tipo_perfil": "FORNECEDOR"}],
        "registros": [
            {
                "indicador_inscricao_estadual": "CONTRIBUINTE",
                "inscricao_estadual": "110.042.490.114",
                "inscricao_nacional": "9876",
                "inscricao_suframa": "S1",
            }
        ],
        "outros_contatos": [
            {
                "nome": "Rui",
                "email": "rui@x.com",
                "telefone_comercial": "1133",
                "celular": "1199",
                "escritorio": "Compras",
            }
        ],
        "enderecos": [
            {
                "cep": "01310100",
                "logradouro": "Avenida Paulista",
                "numero": "1000",
                "complemento": "Sala 1",
                "bairro": "Bela Vista",
                "cidade": "São Paulo",
                "estado": "São Paulo",
                "pais": "Brasil",
            }
        ],
        "duplicar": False,
        "tipo_pessoa": "FISICA",
        "cpf": CPF_ANA,
        "nome": "Ana Souza",
        "codigo": "123",
        "ativo": True,
        "optante_simples": True,
        "agencia_publica": False,
        "nome_fantasia": "Aninha",
        "registro_geral": "12345678",
        "data_nascimento": "1990-04-12",
        "email": "ana@example.com",
        "telefone_comercial": "1133334444",
        "celular": "11988887777",
        "observacao": "Observação",
        "id_contato_principal": "35473eec-4e74-11ee-b500-9f61de8a8b8b",
        "criado_em": "2022-01-01",
        "excluido_em": "2022-01-01",
        "origem": "Origin",
        "id_origem": "35473eec-4e74-11ee-b500-9f61de8a8b8b",
    }
    body.update(extra)
    return body


def legacy_create(client: TestClient, company: Company, body: dict) -> dict:
    response = client.post("/v1/pessoa", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def test_create_answers_in_the_old_words_and_is_the_same_person(client: TestClient) -> None:
    company = create_company(client)
    created = legacy_create(client, company, legacy_body())
    assert created["tipo_pessoa"] == "FISICA"
    assert [p["tipo_perfil"] for p in created["perfis"]] == ["CLIENTE", "FORNECEDOR"]
    assert created["cpf"] == "52998224725" and created["cnpj"] is None
    assert created["registro_geral"] == "12345678" and created["celular"] == "11988887777"
    assert created["optante_simples"] is True and created["agencia_publica"] is False
    [registro] = created["registros"]
    assert registro["inscricao_nacional"] == "9876" and registro["inscricao_estadual"] == "110.042.490.114"
    [contato] = created["outros_contatos"]
    assert contato["celular"] == "1199" and contato["escritorio"] == "Compras"
    [endereco] = created["enderecos"]
    assert endereco["estado"] == "SP" and endereco["id_cidade"] == 3550308 and endereco["cep"] == "01310100"
    assert created["origem"] == "API"
    assert (
        created["id_contato_principal"] is None
        and created["excluido_em"] is None
        and created["id_origem"] is None
    )
    assert created["criado_em"].endswith("Z")

    current = get(client, company, created["uuid"])
    assert current["tipo_pessoa"] == "Física"
    assert current["rg"] == "12345678" and current["telefone_celular"] == "11988887777"
    assert current["nome_empresa"] == "Aninha"
    assert current["inscricoes"][0]["inscricao_municipal"] == "9876"
    assert current["inscricoes"][0]["id"] == registro["uuid"]
    assert current["outros_contatos"][0]["cargo"] == "Compras"
    assert current["enderecos"][0]["id"] == endereco["uuid"]
    assert [p["id"] for p in current["perfis"]] == [p["uuid"] for p in created["perfis"]]


def test_people_created_now_show_in_the_old_resumo(client: TestClient) -> None:
    company = create_company(client)
    created = create(
        client,
        company,
        fisica(
            "Ana Souza",
            cpf=CPF_ANA,
            perfis=[{"tipo_perfil": "Cliente"}, {"tipo_perfil": "Fornecedor"}],
            telefone_celular="11 98888-7777",
            enderecos=[ENDERECO_SP],
            inscricoes=[{"indicador_inscricao_estadual": "ISENTO", "inscricao_municipal": "55"}],
        ),
    )
    response = client.get(f"/v1/pessoa/{created['id']}/resumo", headers=company.auth)
    assert response.status_code == 200
    resumo = response.json()
    assert resumo["uuid"] == created["id"]
    assert resumo["tipo_pessoa"] == "Física" and resumo["perfis"] == ["Cliente", "Fornecedor"]
    assert resumo["celular"] == "11 98888-7777"
    assert resumo["atrasos_recebimentos"] == 0 and resumo["pagamentos_mes_atual"] == 0
    assert resumo["mensagem_pagamentos_abertos"] == [{"numero": 0, "total": 0}]
    assert resumo["enderecos"][0]["uuid"] == created["enderecos"][0]["id"]
    assert resumo["informacoes_fiscais"][0]["inscricao_nacional"] == "55"
    assert resumo["informacoes_adicionais"] == []
    assert [p["perfil"] for p in resumo["pessoas_legado"]] == ["CLIENTE", "FORNECEDOR"]

    uuid_legado = resumo["pessoas_legado"][0]["uuid"]
    response = client.get(f"/v1/pessoa/legado/{uuid_legado}/resumo", headers=company.auth)
    assert response.status_code == 200
    legado = response.json()
    assert legado["uuid"] == created["id"]
    assert legado["endereco"]["uuid"] == created["enderecos"][0]["id"]
    assert legado["mensagem_pagamentos_abertos"] == {"numero": 0, "total": 0}
    assert "enderecos" not in legado and "endereco" not in resumo


def test_resumo_unknown_and_malformed_ids(client: TestClient) -> None:
    company = create_company(client)
    for path in (f"/v1/pessoa/{UNKNOWN_ID}/resumo", f"/v1/pessoa/legado/{UNKNOWN_ID}/resumo"):
        response = client.get(path, headers=company.auth)
        assert (response.status_code, response.json()) == (404, NOT_FOUND)
    for path in ("/v1/pessoa/1/resumo", "/v1/pessoa/legado/xyz/resumo"):
        response = client.get(path, headers=company.auth)
        assert (response.status_code, response.json()) == (400, UUID_MESSAGE)


def test_put_replaces_with_the_same_rules_in_the_old_words(client: TestClient) -> None:
    company = create_company(client)
    created = legacy_create(client, company, legacy_body())
    body = legacy_body(
        nome="Ana Lima", cpf=CPF_BRUNO, registros=[{**created["registros"][0], "inscricao_nacional": "1"}]
    )
    response = client.put(f"/v1/pessoa/{created['uuid']}", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    replaced = response.json()
    assert replaced["nome"] == "Ana Lima" and replaced["cpf"] == "12345678909"
    assert replaced["registros"][0]["uuid"] == created["registros"][0]["uuid"]
    assert replaced["registros"][0]["inscricao_nacional"] == "1"
    assert get(client, company, created["uuid"])["nome"] == "Ana Lima"
    before = get(client, company, created["uuid"])
    for field, value, message in [
        ("registro_geral", "", "O campo 'registro_geral' é obrigatório"),
        ("registros", [], "O campo 'registros' deve conter ao menos 1 item"),
        ("outros_contatos", [{"nome": "Rui"}], "O campo 'outros_contatos[0].celular' é obrigatório"),
        ("tipo_pessoa", "Física", "O campo 'tipo_pessoa' deve ser um dos seguintes valores: FISICA, JURIDICA, ESTRANGEIRA"),
        ("perfis", [{"tipo_perfil": "Cliente"}], "O campo 'perfis[0].tipo_perfil' deve ser um dos seguintes valores: CLIENTE, FORNECEDOR, TRANSPORTADORA"),
        ("cpf", "123", "O CPF informado é inválido"),
        ("celular", 11, "O campo 'celular' é inválido"),
    ]:  # fmt: skip
        response = client.put(
            f"/v1/pessoa/{created['uuid']}", json=legacy_body(**{field: value}), headers=company.auth
        )
        assert (response.status_code, response.json()) == (400, {"error": message}), field
    assert get(client, company, created["uuid"]) == before
    response = client.put(f"/v1/pessoa/{UNKNOWN_ID}", json=legacy_body(), headers=company.auth)
    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    response = client.put("/v1/pessoa/abc", json=legacy_body(), headers=company.auth)
    assert (response.status_code, response.json()) == (400, UUID_MESSAGE)


def test_create_rejects_the_current_words_and_writes_nothing(client: TestClient) -> None:
    company = create_company(client)
    for body, message in [
        (legacy_body(tipo_pessoa="Física"), "O campo 'tipo_pessoa' deve ser um dos seguintes valores: FISICA, JURIDICA, ESTRANGEIRA"),
        (legacy_body(perfis=[{"tipo_perfil": "Cliente"}]), "O campo 'perfis[0].tipo_perfil' deve ser um dos seguintes valores: CLIENTE, FORNECEDOR, TRANSPORTADORA"),
        (legacy_body(nome=None), "O campo 'nome' é obrigatório"),
        (legacy_body(cnpj=CNPJ_ACME), "O campo 'cnpj' não deve ser informado para pessoa FISICA"),
        (legacy_body(registros=[{"indicador_inscricao_estadual": "X"}]), "O campo 'registros[0].indicador_inscricao_estadual' deve ser um dos seguintes valores: NAO CONTRIBUINTE, CONTRIBUINTE, ISENTO"),
        ({"nome": "A", "tipo_pessoa": "FISICA", "perfis": [{"tipo_perfil": "CLIENTE"}], "registro_geral": 5}, "O campo 'registro_geral' é inválido"),
        ([], "O corpo da requisição é inválido"),
    ]:  # fmt: skip
        response = client.post("/v1/pessoa", json=body, headers=company.auth)
        assert (response.status_code, response.json()) == (400, {"error": message})
    assert count(client, company) == 0


# ------------------------------------------------------------------------------------------ batches ----


def test_desativacao_ativacao_and_exclusao_lote(client: TestClient) -> None:
    company = create_company(client)
    ana = legacy_create(client, company, legacy_body())["uuid"]
    bia = create(client, company, fisica("Bia"))["id"]
    response = client.post("/v1/pessoa/desativacao", json={"uuids": [ana, UNKNOWN_ID]}, headers=company.auth)
    assert response.json() == {"todos": [ana, UNKNOWN_ID], "ativos": None, "inativos": [ana]}
    assert get(client, company, ana)["ativo"] is False
    response = client.post("/v1/pessoa/ativacao", json={"uuids": [ana]}, headers=company.auth)
    assert response.json() == {"todos": [ana], "ativos": [ana], "inativos": None}
    assert get(client, company, ana)["ativo"] is True
    response = client.post(
        "/v1/pessoa/exclusao-lote", json={"uuids": [ana, UNKNOWN_ID]}, headers=company.auth
    )
    assert response.status_code == 200
    assert response.json() == {"todos": [ana, UNKNOWN_ID], "excluidos": [ana], "nao_excluidos": [UNKNOWN_ID]}
    assert client.get(f"/v1/pessoas/{ana}", headers=company.auth).status_code == 404
    assert get(client, company, bia)["nome"] == "Bia"


def test_old_batches_reject_bad_bodies_and_write_nothing(client: TestClient) -> None:
    company = create_company(client)
    ana = create(client, company, fisica("Ana"))["id"]
    for path in ("ativacao", "desativacao", "exclusao-lote"):
        for body, message in [
            ({}, "O campo 'uuids' é obrigatório"),
            ({"uuids": []}, "O campo 'uuids' deve conter ao menos 1 item"),
            ({"uuids": [ana] * 11}, "O campo 'uuids' não pode conter mais de 10 itens"),
            ({"uuids": ["1"]}, "O valor informado deve estar no formato UUID válido"),
        ]:
            response = client.post(f"/v1/pessoa/{path}", json=body, headers=company.auth)
            assert (response.status_code, response.json()) == (400, {"error": message}), (path, body)
    assert get(client, company, ana)["ativo"] is True
    assert count(client, company) == 1


# --------------------------------------------------------------------------------------------- list ----


@pytest.fixture
def old_people(client: TestClient, clock: MovableClock) -> Company:
    company = create_company(client)
    clock.freeze(datetime(2026, 1, 10, 15, 0, tzinfo=UTC))
    legacy_create(client, company, legacy_body())
    clock.freeze(datetime(2026, 2, 10, 15, 0, tzinfo=UTC))
    legacy_create(
        client,
        company,
        {
            "nome": "Acme Indústria Ltda",
            "tipo_pessoa": "JURIDICA",
            "cnpj": CNPJ_ACME,
            "codigo": "F1",
            "ativo": False,
            "perfis": [{"tipo_perfil": "TRANSPORTADORA"}],
            "registros": [{"inscricao_estadual": "777", "inscricao_nacional": "888"}],
            "enderecos": [{"cidade": "Niterói", "estado": "RJ", "cep": "24020-000"}],
        },
    )
    legacy_create(
        client,
        company,
        {"nome": "John Smith", "tipo_pessoa": "ESTRANGEIRA", "perfis": [{"tipo_perfil": "FORNECEDOR"}], "enderecos": [{"cidade": "Porto", "pais": "Portugal"}]},
    )  # fmt: skip
    return company


def old_names(client: TestClient, company: Company, query: str = "") -> list[str]:
    response = client.get(f"/v1/pessoa?{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    return [item["nome"] for item in response.json()["items"] or []]


def test_old_list_envelope_and_item(client: TestClient, old_people: Company) -> None:
    body = client.get("/v1/pessoa", headers=old_people.auth).json()
    assert body["totalItems"] == 3
    item = body["items"][1]
    assert set(item) == {
        "uuid", "nome", "documento", "inscricao_estadual", "email", "telefone", "ativo", "id_legado",
        "uuid_legado", "perfis", "tipo_pessoa", "endereco",
    }  # fmt: skip
    assert item["nome"] == "Ana Souza"
    assert item["tipo_pessoa"] == "FISICA" and item["perfis"] == ["Cliente", "Fornecedor"]
    assert item["inscricao_estadual"] == "110.042.490.114"
    assert item["telefone"] == "11988887777"
    assert item["endereco"]["cidade"] == "São Paulo" and item["endereco"]["uuid"]
    assert client.get("/v1/pessoa?termo_busca=nobody", headers=old_people.auth).json() == {
        "totalItems": 0,
        "items": None,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Acme Indústria Ltda", "Ana Souza", "John Smith"]),
        ("termo_busca=aninha", ["Ana Souza"]),
        ("termo_busca=11.222.333/0001-81", ["Acme Indústria Ltda"]),
        ("documento[]=52998224725", ["Ana Souza"]),
        ("documento[]=52998224725&documento[]=11222333000181", ["Acme Indústria Ltda", "Ana Souza"]),
        ("documento=52998224725,11222333000181", ["Acme Indústria Ltda", "Ana Souza"]),
        ("inscricao_estadual[]=110042490114", ["Ana Souza"]),
        ("inscricao_estadual[]=777", ["Acme Indústria Ltda"]),
        ("inscricao_municipal[]=888", ["Acme Indústria Ltda"]),
        ("pais[]=Portugal", ["John Smith"]),
        ("cidade[]=niteroi", ["Acme Indústria Ltda"]),
        ("uf[]=SP", ["Ana Souza"]),
        ("codigo_identificador[]=F1", ["Acme Indústria Ltda"]),
        ("tipo_pessoa[]=JURIDICA&tipo_pessoa[]=ESTRANGEIRA", ["Acme Indústria Ltda", "John Smith"]),
        ("tipo_perfil=CLIENTE", ["Ana Souza"]),
        ("tipo_perfil=TRANSPORTADORA", ["Acme Indústria Ltda"]),
        ("status=ATIVO", ["Ana Souza", "John Smith"]),
        ("status=INATIVO", ["Acme Indústria Ltda"]),
        ("status=TODOS", ["Acme Indústria Ltda", "Ana Souza", "John Smith"]),
        ("data_ativacao_inicio=2026-01-01&data_ativacao_fim=2026-01-31", ["Ana Souza"]),
        ("data_ativacao_inicio=2026-02-10T00:00:00.000Z&data_ativacao_fim=2026-02-10T00:00:00.000Z", []),
        (
            "data_ativacao_inicio=2026-02-10T12:00:00.000Z&data_ativacao_fim=2026-02-11T00:00:00.000Z",
            ["John Smith"],
        ),
        ("zzz=1", ["Acme Indústria Ltda", "Ana Souza", "John Smith"]),
    ],
)
def test_old_list_filters(client: TestClient, old_people: Company, query: str, expected: list[str]) -> None:
    assert old_names(client, old_people, query) == expected


def test_activation_date_follows_reactivation(
    client: TestClient, old_people: Company, clock: MovableClock
) -> None:
    acme = client.get("/v1/pessoa?status=INATIVO", headers=old_people.auth).json()["items"][0]["uuid"]
    clock.freeze(datetime(2026, 3, 5, 15, 0, tzinfo=UTC))
    client.post("/v1/pessoa/ativacao", json={"uuids": [acme]}, headers=old_people.auth)
    query = "data_ativacao_inicio=2026-03-01&data_ativacao_fim=2026-03-31"
    assert old_names(client, old_people, query) == ["Acme Indústria Ltda"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("tipo_pessoa[]=Física", "O valor do atributo 'tipo_pessoa[]' deve ser um dos seguintes valores: FISICA, JURIDICA, ESTRANGEIRA"),
        ("tipo_perfil=Cliente", "O valor do atributo 'tipo_perfil' deve ser um dos seguintes valores: CLIENTE, FORNECEDOR, TRANSPORTADORA"),
        ("status=ALL", "O valor do atributo 'status' deve ser um dos seguintes valores: ATIVO, INATIVO, TODOS"),
        ("data_ativacao_inicio=2026-01-01", "É necessário informar ambos os parâmetros de data: 'data_ativacao_inicio' e 'data_ativacao_fim'"),
        ("data_ativacao_inicio=ontem&data_ativacao_fim=2026-01-01", "O valor do atributo 'data_ativacao_inicio' deve estar no formato yyyy-MM-dd"),
        ("data_ativacao_inicio=2026-02-01&data_ativacao_fim=2026-01-01", "O valor de 'data_ativacao_fim' deve ser posterior ao valor de 'data_ativacao_inicio'"),
        ("tamanho_pagina=7", "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50, 100, 200, 500 ou 1000"),
    ],
)  # fmt: skip
def test_old_list_bad_parameters(client: TestClient, query: str, message: str) -> None:
    company = create_company(client)
    response = client.get(f"/v1/pessoa?{query}", headers=company.auth)
    assert (response.status_code, response.json()) == (400, {"error": message})


# ---------------------------------------------------------------------------------- tenant isolation ----


def test_old_endpoints_never_cross_companies(client: TestClient) -> None:
    a = create_company(client, "Empresa A")
    b = create_company(client, "Empresa B")
    theirs = legacy_create(client, b, legacy_body(nome="Pessoa de B"))["uuid"]
    legacy_create(client, a, legacy_body(nome="Pessoa de A"))
    before = get(client, b, theirs)
    uuid_legado = before["pessoas_legado"][0]["uuid"]

    response = client.get(f"/v1/pessoa/{theirs}/resumo", headers=a.auth)
    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    response = client.get(f"/v1/pessoa/legado/{uuid_legado}/resumo", headers=a.auth)
    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    assert old_names(client, a) == ["Pessoa de A"]
    assert old_names(client, a, "documento[]=52998224725") == ["Pessoa de A"]
    response = client.put(f"/v1/pessoa/{theirs}", json=legacy_body(nome="Roubada"), headers=a.auth)
    assert (response.status_code, response.json()) == (404, NOT_FOUND)
    response = client.post("/v1/pessoa/desativacao", json={"uuids": [theirs]}, headers=a.auth)
    assert response.json() == {"todos": [theirs], "ativos": None, "inativos": []}
    response = client.post("/v1/pessoa/ativacao", json={"uuids": [theirs]}, headers=a.auth)
    assert response.json() == {"todos": [theirs], "ativos": [], "inativos": None}
    response = client.post("/v1/pessoa/exclusao-lote", json={"uuids": [theirs]}, headers=a.auth)
    assert response.json() == {"todos": [theirs], "excluidos": [], "nao_excluidos": [theirs]}
    assert get(client, b, theirs) == before


def test_old_endpoints_require_a_token(client: TestClient) -> None:
    for method, path in [
        ("GET", "/v1/pessoa"),
        ("POST", "/v1/pessoa"),
        ("PUT", f"/v1/pessoa/{UNKNOWN_ID}"),
        ("POST", "/v1/pessoa/exclusao-lote"),
        ("GET", f"/v1/pessoa/{UNKNOWN_ID}/resumo"),
        ("POST", "/v1/pessoa/desativacao"),
        ("GET", f"/v1/pessoa/legado/{UNKNOWN_ID}/resumo"),
        ("POST", "/v1/pessoa/ativacao"),
    ]:
        assert client.request(method, path, json={}).status_code == 401, (method, path)
