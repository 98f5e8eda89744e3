"""/v1/pessoas: bad input writes nothing, and one company never sees or changes another's people."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.pessoas_builders import (
    CNPJ_ACME,
    CPF_ANA,
    ENDERECO_SP,
    completa_fisica,
    count,
    create,
    fisica,
    get,
    juridica,
    listing,
)
from tests.helpers import create_company

ENUM_TIPO = "O campo 'tipo_pessoa' deve ser um dos seguintes valores: Física, Jurídica, Estrangeira"
ENUM_PERFIL = (
    "O campo 'perfis[0].tipo_perfil' deve ser um dos seguintes valores: Cliente, Fornecedor, Transportadora"
)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]}, "O campo 'nome' é obrigatório"),
        (fisica("   "), "O campo 'nome' é obrigatório"),
        ({"nome": "Ana", "perfis": [{"tipo_perfil": "Cliente"}]}, "O campo 'tipo_pessoa' é obrigatório"),
        ({"nome": "Ana", "tipo_pessoa": "Física"}, "O campo 'perfis' deve conter ao menos 1 item"),
        (fisica(perfis=[]), "O campo 'perfis' deve conter ao menos 1 item"),
        (fisica(perfis=[{}]), "O campo 'perfis[0].tipo_perfil' é obrigatório"),
        (fisica(tipo_pessoa="FISICA"), ENUM_TIPO),
        (fisica(tipo_pessoa="fisica"), ENUM_TIPO),
        (fisica(perfis=[{"tipo_perfil": "CLIENTE"}]), ENUM_PERFIL),
        (fisica(cpf="529.982.247-24"), "O CPF informado é inválido"),
        (fisica(cpf="111.111.111-11"), "O CPF informado é inválido"),
        (juridica(cnpj="11.222.333/0001-80"), "O CNPJ informado é inválido"),
        (juridica(cnpj="12ABC34501DE36"), "O CNPJ informado é inválido"),
        (fisica(cnpj=CNPJ_ACME), "O campo 'cnpj' não deve ser informado para pessoa Física"),
        (juridica(cpf=CPF_ANA), "O campo 'cpf' não deve ser informado para pessoa Jurídica"),
        (fisica(nome=123), "O campo 'nome' é inválido"),
        (fisica(ativo="talvez"), "O campo 'ativo' é inválido"),
        (fisica(perfis="Cliente"), "O campo 'perfis' é inválido"),
        (fisica(enderecos={"cidade": "X"}), "O campo 'enderecos' é inválido"),
        (fisica(email="ana.example.com"), "O campo 'email' é inválido"),
        (fisica(email="ana@example.com, nada"), "O campo 'email' é inválido"),
        (fisica(data_nascimento="1990-02-30"), "O campo 'data_nascimento' é inválido"),
        (fisica(enderecos=[{**ENDERECO_SP, "cep": "0131-100"}]), "O campo 'enderecos[0].cep' é inválido"),
        (fisica(enderecos=[ENDERECO_SP, {**ENDERECO_SP, "estado": "XX"}]), "O campo 'enderecos[1].estado' é inválido"),
        (fisica(inscricoes=[{"indicador_inscricao_estadual": "NAO_CONTRIBUINTE"}]), "O campo 'inscricoes[0].indicador_inscricao_estadual' deve ser um dos seguintes valores: NAO CONTRIBUINTE, CONTRIBUINTE, ISENTO"),
        (fisica(outros_contatos=[{"nome": "Bia", "email": "bia"}]), "O campo 'outros_contatos[0].email' é inválido"),
        (fisica(contato_cobranca_faturamento={"emails": ["x"]}), "O campo 'contato_cobranca_faturamento.emails[0]' é inválido"),
        ([], "O corpo da requisição é inválido"),
        ("texto", "O corpo da requisição é inválido"),
    ],
)  # fmt: skip
def test_create_rejects_bad_input_and_writes_nothing(client: TestClient, body: object, message: str) -> None:
    company = create_company(client)
    response = client.post("/v1/pessoas", json=body, headers=company.auth)
    assert (response.status_code, response.json()) == (400, {"error": message})
    assert count(client, company) == 0


def test_create_rejects_a_body_that_is_not_json(client: TestClient) -> None:
    company = create_company(client)
    for raw in (b"", b"{nome: 1}"):
        response = client.post("/v1/pessoas", content=raw, headers=company.auth)
        assert (response.status_code, response.json()) == (400, {"error": "O corpo da requisição é inválido"})
    assert count(client, company) == 0


def test_put_with_bad_input_changes_nothing(client: TestClient) -> None:
    company = create_company(client)
    pessoa = create(client, company, completa_fisica())["id"]
    before = get(client, company, pessoa)
    for body, message in [
        (completa_fisica(tipo_pessoa="FISICA"), ENUM_TIPO),
        (completa_fisica(cpf="000.000.000-00"), "O CPF informado é inválido"),
        ({"nome": 1}, "O campo 'nome' é inválido"),
    ]:
        response = client.put(f"/v1/pessoas/{pessoa}", json=body, headers=company.auth)
        assert (response.status_code, response.json()) == (400, {"error": message})
    assert get(client, company, pessoa) == before


# ---------------------------------------------------------------------------------- tenant isolation ----


def test_a_company_never_sees_or_changes_anothers_people(client: TestClient) -> None:
    a = create_company(client, "Empresa A")
    b = create_company(client, "Empresa B")
    theirs = create(client, b, completa_fisica(nome="Pessoa de B", cpf=CPF_ANA))
    mine = create(client, a, fisica("Pessoa de A", cpf=CPF_ANA))
    their_id = theirs["id"]
    their_before = get(client, b, their_id)
    uuid_legado = their_before["pessoas_legado"][0]["uuid"]
    not_found = (404, {"error": "Pessoa não encontrada"})

    response = client.get(f"/v1/pessoas/{their_id}", headers=a.auth)
    assert (response.status_code, response.json()) == not_found
    response = client.get(f"/v1/pessoas/legado/{uuid_legado}", headers=a.auth)
    assert (response.status_code, response.json()) == not_found
    assert [i["id"] for i in listing(client, a)["items"]] == [mine["id"]]
    for query in (f"ids={their_id}", "busca=Pessoa de B", "documentos=52998224725", "cidades=São Paulo"):
        body = listing(client, a, query)
        assert their_id not in [i["id"] for i in body["items"] or []], query
    response = client.put(f"/v1/pessoas/{their_id}", json=completa_fisica(nome="Roubada"), headers=a.auth)
    assert (response.status_code, response.json()) == not_found
    response = client.patch(f"/v1/pessoas/{their_id}", json={"nome": "Roubada"}, headers=a.auth)
    assert (response.status_code, response.json()) == not_found
    response = client.post("/v1/pessoas/inativar", json={"uuids": [their_id]}, headers=a.auth)
    assert response.json() == {"todos": [their_id], "ativos": None, "inativos": []}
    response = client.post("/v1/pessoas/ativar", json={"uuids": [their_id]}, headers=a.auth)
    assert response.json() == {"todos": [their_id], "ativos": [], "inativos": None}
    response = client.post("/v1/pessoas/excluir", json={"uuids": [their_id]}, headers=a.auth)
    assert response.status_code == 204

    assert get(client, b, their_id) == their_before
    assert client.get("/v1/pessoas/conta-conectada", headers=a.auth).json()["id_empresa"] == a.id
    assert count(client, b) == 1
