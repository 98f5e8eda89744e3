"""/v1/servicos: create, get, PATCH, batch DELETE and the documented shapes (catalog §3.3, §2.12).

Serviços have no provider OpenAPI file: `SERVICO_SCHEMA` below is §3.3's Serviço (field types from the
SDK model the catalog cites), and every answer is checked against it.
"""

from __future__ import annotations

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient

from anil.api import choices
from tests.helpers import Company, create_company

UNKNOWN_ID = "8f2c1f52-0d7e-4a55-9a9e-2c1e7f0a6b11"

_NULLABLE_STR = {"type": ["string", "null"]}
SERVICO_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "id_servico",
        "codigo",
        "descricao",
        "preco",
        "custo",
        "status",
        "tipo_servico",
        "codigo_cnae",
        "lei_116",
        "codigo_municipio_servico",
        "id_externo",
        "lista_cenario_tributario",
        "natureza_operacional",
    ],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "id_servico": {"type": "integer"},
        "codigo": _NULLABLE_STR,
        "descricao": {"type": "string", "maxLength": 100},
        "preco": {"type": "number"},
        "custo": {"type": "number"},
        "status": {"enum": ["ATIVO", "INATIVO"]},
        "tipo_servico": {"enum": ["PRESTADO", "TOMADO", "AMBOS"]},
        "codigo_cnae": _NULLABLE_STR,
        "lei_116": _NULLABLE_STR,
        "codigo_municipio_servico": _NULLABLE_STR,
        "id_externo": _NULLABLE_STR,
        "lista_cenario_tributario": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "id": _NULLABLE_STR,
                    "iss_aliquota": {"type": ["number", "null"]},
                    "iss_retido": {"type": ["boolean", "null"]},
                    "inss_aliquota": {"type": ["number", "null"]},
                    "municipio": {
                        "type": ["object", "null"],
                        "additionalProperties": False,
                        "properties": {
                            "codigo": {"type": ["integer", "null"]},
                            "nome": _NULLABLE_STR,
                            "uf": _NULLABLE_STR,
                        },
                    },
                    "nome_usuario": _NULLABLE_STR,
                    "ultima_atualizacao": _NULLABLE_STR,
                },
            },
        },
        "natureza_operacional": {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id"],
                    "properties": {"id": {"type": "string"}},
                },
            ]
        },
    },
}
PAGE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["itens", "paginacao"],
    "properties": {
        "itens": {"type": "array", "items": SERVICO_SCHEMA},
        "paginacao": {
            "type": "object",
            "additionalProperties": False,
            "required": ["pagina_atual", "total_paginas", "tamanho_pagina", "total_itens"],
            "properties": {
                "pagina_atual": {"type": "integer"},
                "total_paginas": {"type": "integer"},
                "tamanho_pagina": {"type": "integer"},
                "total_itens": {"type": "integer"},
            },
        },
    },
}


def assert_shape(schema: dict, body: object) -> None:
    errors = [
        f"{e.instance_path}: {e.message}" for e in jsonschema_rs.validator_for(schema).iter_errors(body)
    ]
    assert not errors, errors


def servico(descricao: str = "Consultoria", **extra: object) -> dict:
    return {"descricao": descricao, "status": "ATIVO", "tipo_servico": "PRESTADO", **extra}


def create(client: TestClient, company: Company, body: dict) -> dict:
    response = client.post("/v1/servicos", json=body, headers=company.auth)
    assert response.status_code == 201, response.text
    assert_shape(SERVICO_SCHEMA, response.json())
    return response.json()


def get(client: TestClient, company: Company, servico_id: str) -> dict:
    response = client.get(f"/v1/servicos/{servico_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    assert_shape(SERVICO_SCHEMA, response.json())
    return response.json()


def listing(client: TestClient, company: Company, query: str = "") -> dict:
    response = client.get(f"/v1/servicos?{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    assert_shape(PAGE_SCHEMA, response.json())
    return response.json()


def descricoes(client: TestClient, company: Company, query: str = "") -> list[str]:
    return [item["descricao"] for item in listing(client, company, query)["itens"]]


def total(client: TestClient, company: Company) -> int:
    return listing(client, company, "tamanho_pagina=100")["paginacao"]["total_itens"]


def delete(client: TestClient, company: Company, body: object) -> object:
    return client.request("DELETE", "/v1/servicos", json=body, headers=company.auth)


def patch(client: TestClient, company: Company, servico_id: str, body: object) -> object:
    return client.patch(f"/v1/servicos/{servico_id}", json=body, headers=company.auth)


# ------------------------------------------------------------------------------------------ create ----


def test_create_answers_201_with_the_full_service(client: TestClient) -> None:
    company = create_company(client)
    created = create(
        client,
        company,
        servico(
            "Manutenção de ar-condicionado", codigo="MAN-01", preco=250.5, custo=80, tipo_servico="AMBOS"
        ),
    )
    assert list(created) == SERVICO_SCHEMA["required"]  # every field, in the catalog's order
    assert created["descricao"] == "Manutenção de ar-condicionado"
    assert created["codigo"] == "MAN-01"
    assert created["preco"] == 250.5 and created["custo"] == 80
    assert created["status"] == "ATIVO" and created["tipo_servico"] == "AMBOS"
    assert isinstance(created["id_servico"], int)
    # what no request body writes (choice `servico-fiscal-fields`)
    assert created["lista_cenario_tributario"] == []
    assert created["natureza_operacional"] is None
    for campo in ("codigo_cnae", "lei_116", "codigo_municipio_servico", "id_externo"):
        assert created[campo] is None
    assert get(client, company, created["id"]) == created


def test_minimum_create_has_no_defaults_but_zero_amounts(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, {"descricao": "Frete", "status": "INATIVO", "tipo_servico": "TOMADO"})
    assert created["codigo"] is None
    assert created["preco"] == 0 and created["custo"] == 0
    assert created["status"] == "INATIVO" and created["tipo_servico"] == "TOMADO"


def test_each_create_gets_its_own_ids(client: TestClient) -> None:
    company = create_company(client)
    a = create(client, company, servico("A"))
    b = create(client, company, servico("B"))
    assert a["id"] != b["id"]
    assert b["id_servico"] > a["id_servico"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'descricao' é obrigatório"),
        ({"status": "ATIVO", "tipo_servico": "PRESTADO"}, "O campo 'descricao' é obrigatório"),
        (
            {"descricao": "   ", "status": "ATIVO", "tipo_servico": "PRESTADO"},
            "O campo 'descricao' é obrigatório",
        ),
        ({"descricao": "X"}, "O campo 'status' é obrigatório"),
        ({"descricao": "X", "tipo_servico": "PRESTADO"}, "O campo 'status' é obrigatório"),
        ({"descricao": "X", "status": "ATIVO"}, "O campo 'tipo_servico' é obrigatório"),
        (
            {"descricao": "X", "status": "ativo", "tipo_servico": "PRESTADO"},
            "O campo 'status' deve ser um dos seguintes valores: ATIVO ou INATIVO",
        ),
        (
            {"descricao": "X", "status": "ATIVO", "tipo_servico": "SERVICO"},
            "O campo 'tipo_servico' deve ser um dos seguintes valores: PRESTADO, TOMADO ou AMBOS",
        ),
        (servico("x" * 101), "O campo 'descricao' deve ter no máximo 100 caracteres"),
        (servico(codigo="C" * 21), "O campo 'codigo' deve ter no máximo 20 caracteres"),
        (servico(preco=-1), "O campo 'preco' não pode ser negativo"),
        (servico(custo=-0.01), "O campo 'custo' não pode ser negativo"),
        (servico(preco="dez"), "O campo 'preco' é inválido"),
        (servico(preco=True), "O campo 'preco' é inválido"),
        (servico(preco=1e300), "O campo 'preco' é inválido"),
        (servico(custo=10**14), "O campo 'custo' é inválido"),
        (servico(descricao=12), "O campo 'descricao' é inválido"),
        ([], "O corpo da requisição é inválido"),
    ],
)
def test_bad_create_is_refused_one_field_at_a_time_and_writes_nothing(
    client: TestClient, body: object, message: str
) -> None:
    company = create_company(client)
    response = client.post("/v1/servicos", json=body, headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert total(client, company) == 0


def test_a_body_that_is_not_json_is_refused(client: TestClient) -> None:
    company = create_company(client)
    response = client.post("/v1/servicos", content=b"{nope", headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": "O corpo da requisição é inválido"}
    assert total(client, company) == 0


def test_limits_are_inclusive_and_text_is_trimmed(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico("  " + "d" * 100 + " ", codigo=" " + "c" * 20))
    assert created["descricao"] == "d" * 100
    assert created["codigo"] == "c" * 20


def test_a_repeated_codigo_is_accepted(client: TestClient) -> None:
    company = create_company(client)
    create(client, company, servico("A", codigo="S-1"))
    create(client, company, servico("B", codigo="S-1"))
    assert total(client, company) == 2


def test_amounts_are_rounded_to_cents_half_up(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico(preco=10.005, custo="3.333"))
    assert created["preco"] == 10.01
    assert created["custo"] == 3.33
    assert get(client, company, created["id"])["preco"] == 10.01


def test_unknown_fields_are_ignored(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico(id_externo="X-9", codigo_cnae="1234", foo=1))
    assert created["id_externo"] is None and created["codigo_cnae"] is None


# --------------------------------------------------------------------------------------------- get ----


def test_get_unknown_or_malformed_id(client: TestClient) -> None:
    company = create_company(client)
    missing = client.get(f"/v1/servicos/{UNKNOWN_ID}", headers=company.auth)
    assert missing.status_code == 404
    assert missing.json() == {"error": "Serviço não encontrado"}
    malformed = client.get("/v1/servicos/123", headers=company.auth)
    assert malformed.status_code == 400
    assert malformed.json() == {"error": choices.UUID_MESSAGE}


def test_endpoints_need_a_token(client: TestClient) -> None:
    assert client.get("/v1/servicos").status_code == 401
    assert client.post("/v1/servicos", json=servico()).status_code == 401
    assert client.get(f"/v1/servicos/{UNKNOWN_ID}").status_code == 401
    assert client.patch(f"/v1/servicos/{UNKNOWN_ID}", json={}).status_code == 401
    assert client.request("DELETE", "/v1/servicos", json={"ids": [1]}).status_code == 401


# ------------------------------------------------------------------------------------------- patch ----


def test_patch_changes_only_what_is_sent_and_answers_204(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico("Consultoria", codigo="C-1", preco=100, custo=40))
    response = patch(client, company, created["id"], {"descricao": "Consultoria sênior", "preco": 180.25})
    assert response.status_code == 204
    assert response.content == b""
    after = get(client, company, created["id"])
    assert after == {**created, "descricao": "Consultoria sênior", "preco": 180.25}


def test_patch_takes_every_documented_field(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico())
    body = {"codigo": "N-2", "descricao": "Nova", "preco": 1, "custo": 2, "tipo_servico": "TOMADO"}
    assert patch(client, company, created["id"], body).status_code == 204
    assert get(client, company, created["id"]) == {**created, **body}


def test_patch_ignores_status_and_unknown_fields(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico())
    assert patch(client, company, created["id"], {"status": "INATIVO", "id_servico": 1}).status_code == 204
    assert get(client, company, created["id"]) == created


def test_patch_nulls_clear_codigo_and_zero_the_amounts(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico(codigo="C-1", preco=10, custo=5))
    assert (
        patch(client, company, created["id"], {"codigo": None, "preco": None, "custo": None}).status_code
        == 204
    )
    after = get(client, company, created["id"])
    assert after["codigo"] is None and after["preco"] == 0 and after["custo"] == 0


def test_an_empty_patch_changes_nothing(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico())
    assert patch(client, company, created["id"], {}).status_code == 204
    assert get(client, company, created["id"]) == created


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"descricao": None}, "O campo 'descricao' é obrigatório"),
        ({"descricao": ""}, "O campo 'descricao' é obrigatório"),
        ({"tipo_servico": None}, "O campo 'tipo_servico' é obrigatório"),
        (
            {"tipo_servico": "X"},
            "O campo 'tipo_servico' deve ser um dos seguintes valores: PRESTADO, TOMADO ou AMBOS",
        ),
        ({"descricao": "y" * 101}, "O campo 'descricao' deve ter no máximo 100 caracteres"),
        ({"codigo": "y" * 21}, "O campo 'codigo' deve ter no máximo 20 caracteres"),
        ({"preco": -5}, "O campo 'preco' não pode ser negativo"),
        ({"custo": "abc"}, "O campo 'custo' é inválido"),
        ({"preco": 10, "descricao": None}, "O campo 'descricao' é obrigatório"),
        ("texto", "O corpo da requisição é inválido"),
    ],
)
def test_bad_patch_is_refused_and_writes_nothing(client: TestClient, body: object, message: str) -> None:
    company = create_company(client)
    created = create(client, company, servico(codigo="C-1", preco=10))
    response = patch(client, company, created["id"], body)
    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert get(client, company, created["id"]) == created


def test_patch_unknown_or_malformed_id(client: TestClient) -> None:
    company = create_company(client)
    missing = patch(client, company, UNKNOWN_ID, {"descricao": "X"})
    assert missing.status_code == 404
    assert missing.json() == {"error": "Serviço não encontrado"}
    malformed = patch(client, company, "abc", {"descricao": "X"})
    assert malformed.status_code == 400
    assert malformed.json() == {"error": choices.UUID_MESSAGE}


# ------------------------------------------------------------------------------------------ delete ----


def test_delete_is_logical_the_service_leaves_the_list_but_get_still_answers_it(client: TestClient) -> None:
    company = create_company(client)
    keep = create(client, company, servico("Fica"))
    gone = create(client, company, servico("Sai"))
    response = delete(client, company, {"ids": [gone["id_servico"]]})
    assert response.status_code == 204
    assert response.content == b""
    assert descricoes(client, company) == ["Fica"]
    assert listing(client, company)["paginacao"]["total_itens"] == 1
    # §2.12: GET by uuid still 200, the record intact, `status` still ATIVO
    assert get(client, company, gone["id"]) == gone
    assert get(client, company, gone["id"])["status"] == "ATIVO"
    assert get(client, company, keep["id"]) == keep


def test_a_deleted_service_can_still_be_patched_and_stays_out_of_the_list(client: TestClient) -> None:
    company = create_company(client)
    gone = create(client, company, servico("Sai"))
    assert delete(client, company, {"ids": [gone["id_servico"]]}).status_code == 204
    assert patch(client, company, gone["id"], {"descricao": "Ainda aqui"}).status_code == 204
    assert get(client, company, gone["id"])["descricao"] == "Ainda aqui"
    assert total(client, company) == 0


def test_delete_several_with_unknown_repeated_and_already_deleted_ids(client: TestClient) -> None:
    company = create_company(client)
    a, b, c = (create(client, company, servico(d)) for d in ("A", "B", "C"))
    assert delete(client, company, {"ids": [a["id_servico"]]}).status_code == 204
    ids = [a["id_servico"], b["id_servico"], b["id_servico"], 999_999_999, -1]
    assert delete(client, company, {"ids": ids}).status_code == 204
    assert descricoes(client, company) == ["C"]
    assert get(client, company, c["id"]) == c


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'ids' é obrigatório"),
        ({"ids": None}, "O campo 'ids' é obrigatório"),
        ({"ids": []}, "O campo 'ids' deve conter ao menos 1 item"),
        ({"ids": list(range(1, 12))}, "O campo 'ids' não pode conter mais de 10 itens"),
        ({"ids": [UNKNOWN_ID]}, choices.SERVICOS_IDS_MESSAGE),
        ({"ids": ["12"]}, choices.SERVICOS_IDS_MESSAGE),
        ({"ids": [1.5]}, choices.SERVICOS_IDS_MESSAGE),
        ({"ids": [True]}, choices.SERVICOS_IDS_MESSAGE),
        ({"ids": [2**63]}, choices.SERVICOS_IDS_MESSAGE),
        ({"ids": 5}, choices.SERVICOS_IDS_MESSAGE),
        ({"ids": "1,2"}, choices.SERVICOS_IDS_MESSAGE),
        ([1, 2], "O corpo da requisição é inválido"),
    ],
)
def test_bad_delete_is_refused_and_deletes_nothing(client: TestClient, body: object, message: str) -> None:
    company = create_company(client)
    created = create(client, company, servico())
    if isinstance(body, dict) and body.get("ids") == list(range(1, 12)):
        body = {"ids": [created["id_servico"], *range(10**12, 10**12 + 10)]}
    response = delete(client, company, body)
    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert total(client, company) == 1


def test_uuids_in_delete_are_refused_mentioning_int64(client: TestClient) -> None:
    company = create_company(client)
    created = create(client, company, servico())
    response = delete(client, company, {"ids": [created["id"]]})
    assert response.status_code == 400
    assert "int64" in response.json()["error"]
    assert total(client, company) == 1


def test_a_delete_without_a_body_is_refused(client: TestClient) -> None:
    company = create_company(client)
    response = client.delete("/v1/servicos", headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": "O corpo da requisição é inválido"}


def test_ten_ids_are_accepted(client: TestClient) -> None:
    company = create_company(client)
    created = [create(client, company, servico(f"S{i}")) for i in range(10)]
    assert delete(client, company, {"ids": [s["id_servico"] for s in created]}).status_code == 204
    assert total(client, company) == 0


# ---------------------------------------------------------------------------------- tenant isolation ----


def test_companies_never_see_each_others_services(client: TestClient) -> None:
    mine = create_company(client, "Minha Ltda")
    theirs = create_company(client, "Outra Ltda")
    own = create(client, mine, servico("Meu serviço"))
    foreign = create(client, theirs, servico("Serviço alheio"))

    assert descricoes(client, mine) == ["Meu serviço"]
    assert descricoes(client, mine, "busca_textual=alheio") == []
    response = client.get(f"/v1/servicos/{foreign['id']}", headers=mine.auth)
    assert response.status_code == 404

    response = patch(client, mine, foreign["id"], {"descricao": "Tomado"})
    assert response.status_code == 404
    assert get(client, theirs, foreign["id"]) == foreign

    assert delete(client, mine, {"ids": [foreign["id_servico"]]}).status_code == 204
    assert descricoes(client, theirs) == ["Serviço alheio"]
    assert get(client, mine, own["id"]) == own
