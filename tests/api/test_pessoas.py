"""/v1/pessoas: create, read, replace, patch, batches, conta-conectada (catalog §3.1)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.pessoas_builders import (
    CNPJ_ALNUM,
    CNPJ_BCB,
    CPF_ANA,
    CPF_BRUNO,
    ENDERECO_SP,
    UNKNOWN_ID,
    completa_fisica,
    count,
    create,
    fisica,
    get,
    juridica,
)
from tests.helpers import create_company

# ------------------------------------------------------------------------------------------ create ----


def test_minimum_create_is_nome_tipo_and_perfis(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, fisica("Ana Souza"))
    assert created["nome"] == "Ana Souza"
    assert created["tipo_pessoa"] == "Física"
    assert created["ativo"] is True
    assert created["origem"] == "API"
    assert created["estrangeiro"] is False
    assert [p["tipo_perfil"] for p in created["perfis"]] == ["Cliente"]
    assert created["cpf"] is None and created["cnpj"] is None
    assert created["enderecos"] == [] and created["inscricoes"] == [] and created["outros_contatos"] == []
    assert count(client, company) == 1


def test_create_echoes_every_written_field(client: TestClient) -> None:
    company = create_company(client)
    created = create(
        client,
        company,
        juridica(
            "Acme Indústria Ltda",
            cnpj=CNPJ_BCB,
            nome_fantasia="Acme",
            codigo="F-9",
            email="compras@acme.com.br, fiscal@acme.com.br",
            telefone_celular="(21) 99999-0000",
            telefone_comercial="(21) 2222-3333",
            observacao="Entrega só pela manhã",
            ativo=False,
            optante_simples=True,
            agencia_publica=False,
            perfis=[{"tipo_perfil": "Fornecedor"}, {"tipo_perfil": "Transportadora"}],
            contato_cobranca_faturamento={"emails": ["financeiro@acme.com.br"], "whatsapp": "21999990000"},
            inscricoes=[
                {
                    "indicador_inscricao_estadual": "CONTRIBUINTE",
                    "inscricao_estadual": "110.042.490.114",
                    "inscricao_municipal": "4.123.456-7",
                    "inscricao_suframa": None,
                }
            ],
            outros_contatos=[{"nome": "Rui", "cargo": "Compras", "email": "rui@acme.com.br"}],
            enderecos=[{**ENDERECO_SP, "cidade": "Rio de Janeiro", "estado": "rj", "cep": "20040002"}],
        ),
    )
    assert created["cnpj"] == "00038166000105"
    assert created["cpf"] is None
    assert created["tipo_pessoa"] == "Jurídica"
    assert created["nome_fantasia"] == "Acme"
    assert created["ativo"] is False
    assert created["optante_simples"] is True and created["agencia_publica"] is False
    assert [p["tipo_perfil"] for p in created["perfis"]] == ["Fornecedor", "Transportadora"]
    assert created["contato_cobranca_faturamento"] == {
        "emails": ["financeiro@acme.com.br"],
        "whatsapp": "21999990000",
    }
    [inscricao] = created["inscricoes"]
    assert inscricao["indicador_inscricao_estadual"] == "CONTRIBUINTE"
    assert inscricao["inscricao_estadual"] == "110.042.490.114"
    assert len(inscricao["id"]) == 36
    [contato] = created["outros_contatos"]
    assert contato["nome"] == "Rui" and contato["cargo"] == "Compras" and len(contato["id"]) == 36
    [endereco] = created["enderecos"]
    assert endereco["estado"] == "RJ"
    assert endereco["cep"] == "20040002"
    assert endereco["pais"] == "Brasil"
    assert endereco["id_cidade"] == 3304557


def test_alphanumeric_cnpj_and_masked_cpf_are_stored_normalized(client: TestClient) -> None:
    company = create_company(client)
    acme = create(client, company, juridica(cnpj=CNPJ_ALNUM))
    ana = create(client, company, fisica(cpf=CPF_ANA))
    assert acme["cnpj"] == "12ABC34501DE35"
    assert get(client, company, acme["id"])["documento"] == "12ABC34501DE35"
    assert get(client, company, ana["id"])["documento"] == "52998224725"


def test_estrangeira_gets_no_default_country(client: TestClient) -> None:
    company = create_company(client)
    body = {
        "nome": "John Smith",
        "tipo_pessoa": "Estrangeira",
        "perfis": [{"tipo_perfil": "Cliente"}],
        "enderecos": [
            {"logradouro": "5th Avenue", "cidade": "New York", "estado": "NY", "pais": "Estados Unidos"}
        ],
    }
    created = create(client, company, body)
    assert created["estrangeiro"] is True
    [endereco] = created["enderecos"]
    assert (
        endereco["estado"] == "NY" and endereco["pais"] == "Estados Unidos" and endereco["id_cidade"] is None
    )


# -------------------------------------------------------------------------------------------- read ----


def test_get_by_id_shows_the_whole_record(client: TestClient) -> None:
    company = create_company(client)
    created = create(
        client, company, completa_fisica(nome_fantasia="Aninha", telefone_celular="11 9 8765-4321")
    )
    pessoa = get(client, company, created["id"])
    assert set(pessoa) == {
        "id", "nome", "nome_empresa", "tipo_pessoa", "codigo", "documento", "rg", "data_nascimento", "email",
        "telefone_celular", "telefone_comercial", "ativo", "optante_simples_nacional", "orgao_publico",
        "observacao", "criado_em", "data_alteracao", "atrasos_pagamentos", "atrasos_recebimentos",
        "pagamentos_mes_atual", "recebimentos_mes_atual", "contato_cobranca_faturamento",
        "mensagem_pagamentos_abertos", "enderecos", "inscricoes", "lembretes_vencimento", "outros_contatos",
        "perfis", "pessoas_legado",
    }  # fmt: skip
    assert pessoa["nome_empresa"] == "Aninha"
    assert pessoa["documento"] == "52998224725"
    assert pessoa["data_nascimento"] == "1990-04-12"
    assert pessoa["telefone_celular"] == "11 9 8765-4321"
    assert pessoa["enderecos"] == created["enderecos"]
    assert pessoa["enderecos"][0]["id_cidade"] == 3550308
    assert pessoa["inscricoes"] == created["inscricoes"]
    assert pessoa["outros_contatos"] == created["outros_contatos"]
    assert pessoa["perfis"] == created["perfis"]
    assert pessoa["lembretes_vencimento"] == []
    assert pessoa["contato_cobranca_faturamento"] is None
    assert "T" in pessoa["criado_em"] and "Z" not in pessoa["criado_em"] and "+" not in pessoa["criado_em"]


def test_financial_summary_is_zero_without_open_installments(client: TestClient) -> None:
    company = create_company(client)
    pessoa = get(client, company, create(client, company, fisica())["id"])
    assert pessoa["atrasos_pagamentos"] == 0
    assert pessoa["atrasos_recebimentos"] == 0
    assert pessoa["pagamentos_mes_atual"] == 0
    assert pessoa["recebimentos_mes_atual"] == 0
    assert pessoa["mensagem_pagamentos_abertos"] == {"numero": 0, "total": 0}


def test_perfil_ids_are_stable_and_distinct(client: TestClient) -> None:
    company = create_company(client)
    created = create(
        client, company, fisica(perfis=[{"tipo_perfil": "Cliente"}, {"tipo_perfil": "Fornecedor"}])
    )
    first = get(client, company, created["id"])["perfis"]
    second = get(client, company, created["id"])["perfis"]
    assert first == second == created["perfis"]
    assert len({p["id"] for p in first}) == 2


def test_legado_lookup_uses_uuid_legado(client: TestClient) -> None:
    company = create_company(client)
    created = create(
        client, company, fisica(perfis=[{"tipo_perfil": "Cliente"}, {"tipo_perfil": "Fornecedor"}])
    )
    pessoa = get(client, company, created["id"])
    legado = pessoa["pessoas_legado"]
    assert [item["perfil"] for item in legado] == ["CLIENTE", "FORNECEDOR"]
    assert len({item["uuid"] for item in legado}) == 1
    item = client.get("/v1/pessoas", headers=company.auth).json()["items"][0]
    assert legado[0]["id"] == item["id_legado"] and legado[0]["uuid"] == item["uuid_legado"]
    response = client.get(f"/v1/pessoas/legado/{legado[0]['uuid']}", headers=company.auth)
    assert response.status_code == 200
    assert response.json() == pessoa
    by_new_id = client.get(f"/v1/pessoas/legado/{created['id']}", headers=company.auth)
    assert by_new_id.status_code == 404


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    company = create_company(client)
    for path in (f"/v1/pessoas/{UNKNOWN_ID}", f"/v1/pessoas/legado/{UNKNOWN_ID}"):
        response = client.get(path, headers=company.auth)
        assert (response.status_code, response.json()) == (404, {"error": "Pessoa não encontrada"})
    for path in ("/v1/pessoas/123", "/v1/pessoas/legado/abc"):
        response = client.get(path, headers=company.auth)
        assert (response.status_code, response.json()) == (
            400,
            {"error": "O valor informado deve estar no formato UUID válido"},
        )


def test_every_endpoint_requires_a_token(client: TestClient) -> None:
    calls = [
        ("GET", "/v1/pessoas"),
        ("POST", "/v1/pessoas"),
        ("GET", f"/v1/pessoas/{UNKNOWN_ID}"),
        ("GET", f"/v1/pessoas/legado/{UNKNOWN_ID}"),
        ("PUT", f"/v1/pessoas/{UNKNOWN_ID}"),
        ("PATCH", f"/v1/pessoas/{UNKNOWN_ID}"),
        ("POST", "/v1/pessoas/ativar"),
        ("POST", "/v1/pessoas/inativar"),
        ("POST", "/v1/pessoas/excluir"),
        ("GET", "/v1/pessoas/conta-conectada"),
    ]
    for method, path in calls:
        assert client.request(method, path, json={}).status_code == 401, (method, path)


# ---------------------------------------------------------------------------------------------- PUT ----


def test_put_replaces_everything_and_returns_the_full_record(client: TestClient) -> None:
    company = create_company(client)
    created = create(
        client, company, completa_fisica(nome_fantasia="Aninha", telefone_celular="11 91111-1111")
    )
    before = get(client, company, created["id"])
    body = completa_fisica(
        nome="Ana Souza Lima",
        cpf=CPF_BRUNO,
        perfis=[{"tipo_perfil": "Fornecedor"}],
        enderecos=[
            {**before["enderecos"][0], "numero": "2000"},
            {**ENDERECO_SP, "cidade": "Campinas", "cep": "13010-000", "complemento": "Casa"},
        ],
    )
    response = client.put(f"/v1/pessoas/{created['id']}", json=body, headers=company.auth)
    assert response.status_code == 200, response.text
    after = response.json()
    assert after == get(client, company, created["id"])
    assert after["nome"] == "Ana Souza Lima"
    assert after["documento"] == "12345678909"
    assert after["nome_empresa"] is None, "not sent on a full replacement: cleared"
    assert after["telefone_celular"] is None
    assert [p["tipo_perfil"] for p in after["perfis"]] == ["Fornecedor"]
    assert after["enderecos"][0]["id"] == before["enderecos"][0]["id"], "an address sent back keeps its id"
    assert after["enderecos"][0]["numero"] == "2000"
    assert after["enderecos"][1]["id_cidade"] == 3509502
    assert after["criado_em"] == before["criado_em"]
    assert after["pessoas_legado"][0]["uuid"] == before["pessoas_legado"][0]["uuid"]


def test_put_keeps_ativo_when_not_sent(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, completa_fisica(ativo=False))
    response = client.put(f"/v1/pessoas/{created['id']}", json=completa_fisica(), headers=company.auth)
    assert response.json()["ativo"] is False


def test_put_reports_the_fisica_required_fields_one_at_a_time(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, completa_fisica())
    before = get(client, company, created["id"])
    order = [
        ("nome", "O campo 'nome' é obrigatório"),
        ("tipo_pessoa", "O campo 'tipo_pessoa' é obrigatório"),
        ("perfis", "O campo 'perfis' deve conter ao menos 1 item"),
        ("cpf", "O campo 'cpf' é obrigatório"),
        ("codigo", "O campo 'codigo' é obrigatório"),
        ("rg", "O campo 'rg' é obrigatório"),
        ("data_nascimento", "O campo 'data_nascimento' é obrigatório"),
        ("email", "O campo 'email' é obrigatório"),
        ("telefone_comercial", "O campo 'telefone_comercial' é obrigatório"),
        ("observacao", "O campo 'observacao' é obrigatório"),
        ("inscricoes", "O campo 'inscricoes' deve conter ao menos 1 item"),
        ("outros_contatos", "O campo 'outros_contatos' deve conter ao menos 1 item"),
        ("enderecos", "O campo 'enderecos' deve conter ao menos 1 item"),
    ]
    empty = {"perfis": [], "inscricoes": [], "outros_contatos": [], "enderecos": []}
    body = completa_fisica()
    for field, _ in order:
        body[field] = empty.get(field, "")
    for field, message in order:
        response = client.put(f"/v1/pessoas/{created['id']}", json=body, headers=company.auth)
        assert (response.status_code, response.json()) == (400, {"error": message}), field
        body[field] = completa_fisica()[field]
    sub = completa_fisica(outros_contatos=[{"nome": "Bia"}])
    response = client.put(f"/v1/pessoas/{created['id']}", json=sub, headers=company.auth)
    assert response.json() == {"error": "O campo 'outros_contatos[0].telefone_celular' é obrigatório"}
    sub = completa_fisica(enderecos=[{**ENDERECO_SP, "complemento": None}])
    response = client.put(f"/v1/pessoas/{created['id']}", json=sub, headers=company.auth)
    assert response.json() == {"error": "O campo 'enderecos[0].complemento' é obrigatório"}
    assert get(client, company, created["id"]) == before
    ok = client.put(f"/v1/pessoas/{created['id']}", json=body, headers=company.auth)
    assert ok.status_code == 200


def test_put_on_unknown_and_malformed_ids(client: TestClient) -> None:
    company = create_company(client)
    response = client.put(f"/v1/pessoas/{UNKNOWN_ID}", json=completa_fisica(), headers=company.auth)
    assert (response.status_code, response.json()) == (404, {"error": "Pessoa não encontrada"})
    response = client.put("/v1/pessoas/x-1", json=completa_fisica(), headers=company.auth)
    assert (response.status_code, response.json()) == (
        400,
        {"error": "O valor informado deve estar no formato UUID válido"},
    )
    assert count(client, company) == 0


# -------------------------------------------------------------------------------------------- PATCH ----


def test_patch_answers_204_and_changes_only_what_was_sent(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, completa_fisica(nome_fantasia="Aninha"))
    before = get(client, company, created["id"])
    response = client.patch(
        f"/v1/pessoas/{created['id']}",
        json={"nome_empresa": "Ana Doces", "email": "ana@doces.com", "optante_simples_nacional": True},
        headers=company.auth,
    )
    assert response.status_code == 204 and response.content == b""
    after = get(client, company, created["id"])
    assert after["nome_empresa"] == "Ana Doces"
    assert after["email"] == "ana@doces.com"
    assert after["optante_simples_nacional"] is True
    unchanged = {
        k: v
        for k, v in after.items()
        if k not in {"nome_empresa", "email", "optante_simples_nacional", "data_alteracao"}
    }
    assert unchanged == {k: before[k] for k in unchanged}
    assert after["data_alteracao"] >= before["data_alteracao"]


def test_patch_can_clear_replace_lists_and_change_type(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, completa_fisica())
    response = client.patch(
        f"/v1/pessoas/{created['id']}",
        json={"observacao": None, "enderecos": [], "tipo_pessoa": "Jurídica", "cnpj": CNPJ_BCB},
        headers=company.auth,
    )
    assert response.status_code == 204
    after = get(client, company, created["id"])
    assert after["observacao"] is None
    assert after["enderecos"] == []
    assert after["tipo_pessoa"] == "Jurídica" and after["documento"] == "00038166000105"
    client.patch(f"/v1/pessoas/{created['id']}", json={"tipo_pessoa": "Estrangeira"}, headers=company.auth)
    assert get(client, company, created["id"])["documento"] is None


def test_patch_with_bad_input_writes_nothing(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, completa_fisica())
    before = get(client, company, created["id"])
    cases = [
        ({"nome": ""}, "O campo 'nome' é obrigatório"),
        ({"cpf": "529.982.247-24"}, "O CPF informado é inválido"),
        ({"tipo_pessoa": "FISICA"}, "O campo 'tipo_pessoa' deve ser um dos seguintes valores: Física, Jurídica, Estrangeira"),
        ({"perfis": [{"tipo_perfil": "CLIENTE"}]}, "O campo 'perfis[0].tipo_perfil' deve ser um dos seguintes valores: Cliente, Fornecedor, Transportadora"),
        ({"ativo": "talvez"}, "O campo 'ativo' é inválido"),
        ({"data_nascimento": "12/04/1990"}, "O campo 'data_nascimento' é inválido"),
    ]  # fmt: skip
    for body, message in cases:
        response = client.patch(f"/v1/pessoas/{created['id']}", json=body, headers=company.auth)
        assert (response.status_code, response.json()) == (400, {"error": message}), body
    response = client.patch(f"/v1/pessoas/{UNKNOWN_ID}", json={"nome": "X"}, headers=company.auth)
    assert (response.status_code, response.json()) == (404, {"error": "Pessoa não encontrada"})
    response = client.patch("/v1/pessoas/nope", json={"nome": "X"}, headers=company.auth)
    assert response.status_code == 400
    assert get(client, company, created["id"]) == before


# ------------------------------------------------------------------------------------------ batches ----


def test_inativar_then_ativar(client: TestClient) -> None:
    company = create_company(client)
    ana = create(client, company, fisica("Ana"))["id"]
    bia = create(client, company, fisica("Bia"))["id"]
    response = client.post(
        "/v1/pessoas/inativar", json={"uuids": [ana, bia, UNKNOWN_ID]}, headers=company.auth
    )
    assert response.status_code == 200
    assert response.json() == {"todos": [ana, bia, UNKNOWN_ID], "ativos": None, "inativos": [ana, bia]}
    assert get(client, company, ana)["ativo"] is False
    response = client.post("/v1/pessoas/ativar", json={"uuids": [ana]}, headers=company.auth)
    assert response.json() == {"todos": [ana], "ativos": [ana], "inativos": None}
    assert get(client, company, ana)["ativo"] is True
    assert get(client, company, bia)["ativo"] is False


def test_excluir_is_physical(client: TestClient) -> None:
    company = create_company(client)
    ana = create(client, company, fisica("Ana", enderecos=[ENDERECO_SP]))["id"]
    bia = create(client, company, fisica("Bia"))["id"]
    response = client.post("/v1/pessoas/excluir", json={"uuids": [ana, UNKNOWN_ID]}, headers=company.auth)
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/v1/pessoas/{ana}", headers=company.auth).status_code == 404
    assert get(client, company, bia)["nome"] == "Bia"
    assert count(client, company) == 1


def test_batches_reject_bad_bodies_and_write_nothing(client: TestClient) -> None:
    company = create_company(client)
    ana = create(client, company, fisica("Ana"))["id"]
    eleven = [UNKNOWN_ID] * 10 + [ana]
    cases = [
        ({}, "O campo 'uuids' é obrigatório"),
        ({"uuids": []}, "O campo 'uuids' deve conter ao menos 1 item"),
        ({"uuids": eleven}, "O campo 'uuids' não pode conter mais de 10 itens"),
        ({"uuids": [ana, "abc"]}, "O valor informado deve estar no formato UUID válido"),
        ({"uuids": ana}, "O campo 'uuids' é inválido"),
        ([ana], "O corpo da requisição é inválido"),
    ]
    for path in ("ativar", "inativar", "excluir"):
        for body, message in cases:
            response = client.post(f"/v1/pessoas/{path}", json=body, headers=company.auth)
            assert (response.status_code, response.json()) == (400, {"error": message}), (path, body)
        response = client.post(f"/v1/pessoas/{path}", content=b"{not json", headers=company.auth)
        assert (response.status_code, response.json()) == (400, {"error": "O corpo da requisição é inválido"})
    assert get(client, company, ana)["ativo"] is True
    assert count(client, company) == 1


# ----------------------------------------------------------------------------------- conta-conectada ----


def test_conta_conectada_is_the_tokens_company(client: TestClient) -> None:
    company = create_company(client, "Padaria Pão Quente Ltda")
    other = create_company(client, "Outra Empresa SA")
    response = client.get("/v1/pessoas/conta-conectada", headers=company.auth)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"id_empresa", "documento", "razao_social", "nome_fantasia", "data_fundacao", "email"}
    assert body["id_empresa"] == company.id
    assert body["razao_social"] == "Padaria Pão Quente Ltda"
    assert len(body["documento"]) == 14
    assert client.get("/v1/pessoas/conta-conectada", headers=other.auth).json()["id_empresa"] == other.id


# ----------------------------------------------------------------------------------------- demo data ----


def test_demo_people_are_valid_and_go_through_the_same_rules(client: TestClient, db) -> None:  # type: ignore[no-untyped-def]
    from faker import Faker

    from anil.domain import documentos, enderecos
    from anil.services.pessoas import seed_demo_people

    company = create_company(client)
    fake = Faker("pt_BR")
    fake.seed_instance(11)
    db.run_write(lambda s: seed_demo_people(s, company.id, fake, 12))
    items = client.get("/v1/pessoas?com_endereco=true&tamanho_pagina=20", headers=company.auth).json()[
        "items"
    ]
    assert len(items) == 12
    assert {i["tipo_pessoa"] for i in items} == {"Física", "Jurídica"}
    for item in items:
        valid = documentos.cpf_valido if item["tipo_pessoa"] == "Física" else documentos.cnpj_valido
        assert valid(item["documento"]), item
        endereco = item["endereco"]
        municipio = enderecos.municipio_por_codigo(endereco["id_cidade"])
        assert (
            municipio is not None
            and municipio.nome == endereco["cidade"]
            and municipio.uf == endereco["estado"]
        )
        assert enderecos.cep_da_uf(endereco["estado"], endereco["cep"])
        assert item["telefone"].startswith(f"({municipio.ddd})")
    pessoa = get(client, company, items[0]["id"])
    assert pessoa["observacao"] and pessoa["email"]
