"""GET /v1/pessoas: envelope, paging, every filter and every sort (catalog §2.2–§2.6, §3.1)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api.pessoas_builders import (
    CNPJ_ACME,
    CPF_ANA,
    CPF_BRUNO,
    CPF_CARLA,
    ENDERECO_SP,
    create,
    fisica,
    juridica,
    listing,
    names,
)
from tests.helpers import Company, create_company


@pytest.fixture
def people(client: TestClient) -> tuple[Company, dict[str, str]]:
    company = create_company(client)
    ids = {
        "Ana": create(
            client,
            company,
            fisica(
                "Ána Souza",
                cpf=CPF_ANA,
                email="ana@example.com",
                telefone_celular="(11) 98888-7777",
                codigo="C1",
                enderecos=[ENDERECO_SP],
            ),
        )["id"],
        "Bruno": create(
            client,
            company,
            fisica(
                "bruno lima",
                cpf=CPF_BRUNO,
                email="Bruno@Empresa.com",
                telefone_comercial="21 3333-4444",
                codigo="C2",
                perfis=[{"tipo_perfil": "Cliente"}, {"tipo_perfil": "Transportadora"}],
                enderecos=[{**ENDERECO_SP, "cidade": "Niterói", "estado": "RJ", "cep": "24020-000"}],
            ),
        )["id"],
        "Acme": create(
            client,
            company,
            juridica(
                "Acme Indústria Ltda",
                cnpj=CNPJ_ACME,
                nome_fantasia="Doces Cia",
                codigo="F1",
                enderecos=[{**ENDERECO_SP, "cidade": "Sao Paulo"}],
            ),
        )["id"],
        "Carla": create(client, company, fisica("Carla Dias", cpf=CPF_CARLA, ativo=False))["id"],
        "John": create(
            client,
            company,
            {
                "nome": "John Smith",
                "tipo_pessoa": "Estrangeira",
                "perfis": [{"tipo_perfil": "Fornecedor"}],
                "enderecos": [{"cidade": "Lisboa", "pais": "Portugal"}],
            },
        )["id"],
    }
    return company, ids


def test_envelope_and_item_shape(client: TestClient, people: tuple[Company, dict[str, str]]) -> None:
    company, ids = people
    body = listing(client, company)
    assert set(body) == {"totalItems", "items"}
    assert body["totalItems"] == 5
    item = next(i for i in body["items"] if i["id"] == ids["Ana"])
    assert set(item) == {
        "id", "id_legado", "uuid_legado", "nome", "tipo_pessoa", "documento", "email", "telefone", "ativo",
        "observacoes_gerais", "perfis", "endereco", "data_criacao", "data_alteracao",
    }  # fmt: skip
    assert item["tipo_pessoa"] == "Física" and item["perfis"] == ["Cliente"]
    assert item["documento"] == "52998224725"
    assert item["telefone"] == "(11) 98888-7777"
    assert item["endereco"] is None, "the address only with com_endereco=true"
    assert isinstance(item["id_legado"], int)


def test_items_is_null_when_nothing_matches(
    client: TestClient, people: tuple[Company, dict[str, str]]
) -> None:
    company, _ = people
    assert listing(client, company, "busca=zzzz") == {"totalItems": 0, "items": None}
    assert listing(client, create_company(client, "Vazia"), "") == {"totalItems": 0, "items": None}


def test_com_endereco_includes_the_first_address(
    client: TestClient, people: tuple[Company, dict[str, str]]
) -> None:
    company, ids = people
    items = {i["id"]: i for i in listing(client, company, "com_endereco=true")["items"]}
    assert items[ids["Ana"]]["endereco"]["cidade"] == "São Paulo"
    assert items[ids["Ana"]]["endereco"]["id_cidade"] == 3550308
    assert items[ids["Carla"]]["endereco"] is None


def test_default_order_is_by_name_ignoring_case_and_accents(
    client: TestClient, people: tuple[Company, dict[str, str]]
) -> None:
    company, _ = people
    assert names(client, company) == [
        "Acme Indústria Ltda",
        "Ána Souza",
        "bruno lima",
        "Carla Dias",
        "John Smith",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tipo_ordenacao=NOME&ordem_ordenacao=DESC", ["John Smith", "Carla Dias", "bruno lima", "Ána Souza", "Acme Indústria Ltda"]),
        ("ordem_ordenacao=DESC", ["John Smith", "Carla Dias", "bruno lima", "Ána Souza", "Acme Indústria Ltda"]),
        ("tipo_ordenacao=EMAIL", ["Ána Souza", "bruno lima", "Acme Indústria Ltda", "Carla Dias", "John Smith"]),
        ("tipo_ordenacao=EMAIL&ordem_ordenacao=DESC", ["bruno lima", "Ána Souza", "Acme Indústria Ltda", "Carla Dias", "John Smith"]),
        ("tipo_ordenacao=DOCUMENTO", ["Carla Dias", "Acme Indústria Ltda", "bruno lima", "Ána Souza", "John Smith"]),
        ("tipo_ordenacao=ATIVO", ["Carla Dias", "Acme Indústria Ltda", "Ána Souza", "bruno lima", "John Smith"]),
        ("tipo_ordenacao=ATIVO&ordem_ordenacao=DESC", ["Acme Indústria Ltda", "Ána Souza", "bruno lima", "John Smith", "Carla Dias"]),
    ],
)  # fmt: skip
def test_sorting(
    client: TestClient, people: tuple[Company, dict[str, str]], query: str, expected: list[str]
) -> None:
    company, _ = people
    assert names(client, company, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("busca=ana", ["Ána Souza"]),
        ("busca=SOUZA", ["Ána Souza"]),
        ("busca=doces", ["Acme Indústria Ltda"]),
        ("busca=529.982.247-25", ["Ána Souza"]),
        ("busca=11222333", ["Acme Indústria Ltda"]),
        ("nomes=bruno,carla", ["bruno lima", "Carla Dias"]),
        ("nomes=ána&nomes=SMITH", ["Ána Souza", "John Smith"]),
        ("documentos=52998224725,11.222.333/0001-81", ["Acme Indústria Ltda", "Ána Souza"]),
        ("emails=bruno@empresa.com", ["bruno lima"]),
        ("emails=example.com", ["Ána Souza"]),
        ("telefones=98888-7777", ["Ána Souza"]),
        ("telefones=2133334444", ["bruno lima"]),
        ("codigos_pessoa=C1,F1", ["Acme Indústria Ltda", "Ána Souza"]),
        ("cidades=são paulo", ["Acme Indústria Ltda", "Ána Souza"]),
        ("cidades=NITEROI", ["bruno lima"]),
        ("ufs=RJ", ["bruno lima"]),
        ("ufs=sp,rj", ["Acme Indústria Ltda", "Ána Souza", "bruno lima"]),
        ("paises=portugal", ["John Smith"]),
        ("paises=Brasil&cidades=Niterói", ["bruno lima"]),
        ("paises=Brasil&cidades=Niterói&com_endereco=true", ["bruno lima"]),
        ("tipos_pessoa=Jurídica,Estrangeira", ["Acme Indústria Ltda", "John Smith"]),
        ("tipos_pessoa=F%C3%ADsica", ["Ána Souza", "bruno lima", "Carla Dias"]),
        ("tipo_perfil=Transportadora", ["bruno lima"]),
        ("tipo_perfil=Fornecedor", ["Acme Indústria Ltda", "John Smith"]),
        ("tipos_pessoa=Física&tipo_perfil=Cliente&busca=a", ["Ána Souza", "bruno lima", "Carla Dias"]),
        ("zzz_bogus=abc", ["Acme Indústria Ltda", "Ána Souza", "bruno lima", "Carla Dias", "John Smith"]),
    ],
)
def test_filters(
    client: TestClient, people: tuple[Company, dict[str, str]], query: str, expected: list[str]
) -> None:
    company, _ = people
    body = listing(client, company, query)
    assert [i["nome"] for i in body["items"] or []] == expected
    assert body["totalItems"] == len(expected)


def test_filter_by_ids(client: TestClient, people: tuple[Company, dict[str, str]]) -> None:
    company, ids = people
    assert names(client, company, f"ids={ids['Carla']},{ids['John']}") == ["Carla Dias", "John Smith"]
    assert names(client, company, f"ids={ids['Ana']}&ids={ids['John']}") == ["Ána Souza", "John Smith"]


def test_paging(client: TestClient) -> None:
    company = create_company(client)
    for index in range(23):
        create(client, company, fisica(f"Pessoa {index:02d}"))
    first = listing(client, company, "tamanho_pagina=10")
    third = listing(client, company, "pagina=3&tamanho_pagina=10")
    beyond = listing(client, company, "pagina=9&tamanho_pagina=10")
    assert first["totalItems"] == third["totalItems"] == 23
    assert [i["nome"] for i in first["items"]] == [f"Pessoa {i:02d}" for i in range(10)]
    assert [i["nome"] for i in third["items"]] == ["Pessoa 20", "Pessoa 21", "Pessoa 22"]
    assert beyond == {"totalItems": 23, "items": None}
    assert len(listing(client, company)["items"]) == 10, "default page size"
    assert len(listing(client, company, "tamanho_pagina=20")["items"]) == 20


def test_creation_and_alteration_date_filters(client: TestClient, clock: MovableClock) -> None:
    company = create_company(client)
    clock.freeze(datetime(2026, 3, 1, 2, 30, tzinfo=UTC))  # 2026-02-28 23:30 in São Paulo
    feb = create(client, company, fisica("Fevereiro"))["id"]
    clock.freeze(datetime(2026, 3, 1, 13, 0, tzinfo=UTC))  # 10:00 in São Paulo
    create(client, company, fisica("Março"))
    clock.freeze(datetime(2026, 4, 10, 12, 0, tzinfo=UTC))
    client.patch(f"/v1/pessoas/{feb}", json={"observacao": "alterada"}, headers=company.auth)
    assert names(client, company, "data_criacao_inicio=2026-02-28&data_criacao_fim=2026-02-28") == [
        "Fevereiro"
    ]
    assert names(client, company, "data_criacao_inicio=2026-03-01&data_criacao_fim=2026-03-31") == ["Março"]
    assert names(
        client, company, "data_alteracao_de=2026-03-01T10:00:00&data_alteracao_ate=2026-03-31T23:59:59"
    ) == ["Março"]
    assert names(
        client, company, "data_alteracao_de=2026-04-10T09:00:00&data_alteracao_ate=2026-04-10T09:00:00"
    ) == ["Fevereiro"]
    item = listing(client, company, "busca=marco")["items"][0]
    assert item["data_criacao"] == "2026-03-01T10:00:00"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("tamanho_pagina=15", "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50, 100, 200, 500 ou 1000"),
        ("tamanho_pagina=abc", "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50, 100, 200, 500 ou 1000"),
        ("pagina=0", "O valor do atributo 'pagina' deve ser maior ou igual a 1"),
        ("pagina=x", "O valor do atributo 'pagina' deve ser um número inteiro"),
        ("tipos_pessoa=FISICA", "O valor do atributo 'tipos_pessoa' deve ser um dos seguintes valores: Física, Jurídica, Estrangeira"),
        ("tipo_perfil=CLIENTE", "O valor do atributo 'tipo_perfil' deve ser um dos seguintes valores: Cliente, Fornecedor, Transportadora"),
        ("tipo_ordenacao=CPF", "O valor do atributo 'tipo_ordenacao' deve ser um dos seguintes valores: NOME, EMAIL, DOCUMENTO, ATIVO"),
        ("ordem_ordenacao=up", "O valor do atributo 'ordem_ordenacao' deve ser um dos seguintes valores: ASC, DESC"),
        ("com_endereco=talvez", "O valor do atributo 'com_endereco' deve ser true ou false"),
        ("ids=123", "O valor informado deve estar no formato UUID válido"),
        ("data_criacao_inicio=2026-01-01", "É necessário informar ambos os parâmetros de data: 'data_criacao_inicio' e 'data_criacao_fim'"),
        ("data_criacao_inicio=01/01/2026&data_criacao_fim=2026-01-31", "O valor do atributo 'data_criacao_inicio' deve estar no formato yyyy-MM-dd"),
        ("data_criacao_inicio=2026-01-01T00:00:00&data_criacao_fim=2026-01-31", "O valor do atributo 'data_criacao_inicio' deve estar no formato yyyy-MM-dd"),
        ("data_criacao_inicio=2026-02-01&data_criacao_fim=2026-01-31", "O valor de 'data_criacao_fim' deve ser posterior ao valor de 'data_criacao_inicio'"),
        ("data_alteracao_de=2026-01-01T00:00:00Z&data_alteracao_ate=2026-01-02T00:00:00", "O valor do atributo 'data_alteracao_de' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"),
        ("data_alteracao_de=2026-01-01T00:00:00-03:00&data_alteracao_ate=2026-01-02T00:00:00", "O valor do atributo 'data_alteracao_de' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"),
        ("data_alteracao_de=2026-01-01&data_alteracao_ate=2026-01-02T00:00:00", "O valor do atributo 'data_alteracao_de' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"),
        ("data_alteracao_de=2025-01-01T00:00:00&data_alteracao_ate=2026-01-02T00:00:00", "O período entre 'data_alteracao_de' e 'data_alteracao_ate' não pode ser maior que 365 dias"),
        ("data_alteracao_de=2025-01-01T00:00:00&data_alteracao_ate=2026-01-01T23:00:00", "O período entre 'data_alteracao_de' e 'data_alteracao_ate' não pode ser maior que 365 dias"),
        ("data_alteracao_ate=2026-01-02T00:00:00", "É necessário informar ambos os parâmetros de data: 'data_alteracao_de' e 'data_alteracao_ate'"),
    ],
)  # fmt: skip
def test_bad_query_parameters(client: TestClient, query: str, message: str) -> None:
    company = create_company(client)
    response = client.get(f"/v1/pessoas?{query}", headers=company.auth)
    assert (response.status_code, response.json()) == (400, {"error": message})


def test_a_365_day_window_is_accepted(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, fisica())
    query = "data_alteracao_de=2025-01-01T00:00:00&data_alteracao_ate=2026-01-01T00:00:00"
    assert listing(client, company, query) == {"totalItems": 0, "items": None}


def test_deep_pages_seek_from_checkpoints_and_follow_writes(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from anil.storage.repositories import listas

    monkeypatch.setattr(listas, "CHECKPOINT", 4)
    monkeypatch.setattr(listas, "KEYSET_FROM", 8)
    company = create_company(client)
    created = [create(client, company, fisica(f"Pessoa {index % 13:02d}"))["id"] for index in range(31)]
    everyone = [(i["nome"], i["id"]) for i in listing(client, company, "tamanho_pagina=50")["items"]]
    assert [n for n, _ in everyone] == sorted(n for n, _ in everyone)
    for order, expected in (("ASC", everyone), ("DESC", everyone[::-1])):
        pages = []
        for pagina in range(1, 5):
            body = listing(client, company, f"pagina={pagina}&tamanho_pagina=10&ordem_ordenacao={order}")
            assert body["totalItems"] == 31
            pages += [(i["nome"], i["id"]) for i in body["items"]]
        assert pages == expected, order
    filtered = [i["id"] for i in listing(client, company, "nomes=pessoa 0&tamanho_pagina=50")["items"]]
    body = listing(client, company, "nomes=pessoa 0&pagina=2&tamanho_pagina=10")
    assert [i["id"] for i in body["items"]] == filtered[10:20]

    client.patch(f"/v1/pessoas/{created[0]}", json={"nome": "Zélia"}, headers=company.auth)
    client.post("/v1/pessoas/excluir", json={"uuids": created[1:3]}, headers=company.auth)
    last = listing(client, company, "pagina=3&tamanho_pagina=10")
    assert last["totalItems"] == 29
    assert [i["nome"] for i in last["items"]][-1] == "Zélia"
