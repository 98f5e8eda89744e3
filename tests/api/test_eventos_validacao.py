"""`POST …/contas-a-receber` / `…/contas-a-pagar` refuse a bad body with 400 `{"code": 400, "message"}`,
one field at a time, in Portuguese, before any protocol exists (catalog §3.10, §2.8)."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from anil.storage.engine import Database
from anil.storage.models import Job, Protocolo
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    enviar,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.helpers import Company, create_company

UNKNOWN = "0f6a7d2c-3b1e-4c8a-9d2f-5e6a7b8c9d01"
PARCELAS = "condicao_pagamento.parcelas"


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


@pytest.fixture
def fx(client: TestClient, company: Company) -> dict:
    return fixtures_financeiras(client, company)


def completo(fx: dict) -> dict:
    """A receivable using every field: two rateio lines (one with two cost centers), two installments."""
    body = receber_body(
        fx["conta"],
        fx["contato"],
        fx["categoria_receita"],
        "150.00",
        [("2026-12-10", "100.00"), ("2027-01-10", "50.00")],
    )
    body["rateio"] = [
        {
            "id_categoria": fx["categoria_receita"],
            "valor": 120,
            "rateio_centro_custo": [
                {"id_centro_custo": fx["centro"], "valor": 100},
                {"id_centro_custo": fx["centro2"], "valor": 20},
            ],
        },
        {"id_categoria": fx["categoria_receita2"], "valor": 30},
    ]
    body["condicao_pagamento"]["parcelas"][0]["detalhe_valor"].update(
        {"multa": 1.5, "juros": 0.5, "desconto": 2, "taxa": 1, "valor_liquido": 99}
    )
    body["condicao_pagamento"]["parcelas"][0]["metodo_pagamento"] = "PIX_PAGAMENTO_INSTANTANEO"
    return body


def _del(*path: str | int) -> Callable[[dict], None]:
    def mutate(body: dict) -> None:
        node = body
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


def _set(value: object, *path: str | int) -> Callable[[dict], None]:
    def mutate(body: dict) -> None:
        node = body
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


P0 = ("condicao_pagamento", "parcelas", 0)
CASES: list[tuple[str, Callable[[dict], None], str]] = [
    ("sem data_competencia", _del("data_competencia"), "O campo 'data_competencia' é obrigatório"),
    (
        "data_competencia inválida",
        _set("15/07/2024", "data_competencia"),
        "O campo 'data_competencia' é inválido",
    ),
    ("sem valor", _del("valor"), "O campo 'valor' é obrigatório"),
    ("valor nulo", _set(None, "valor"), "O campo 'valor' é obrigatório"),
    ("valor texto", _set("cem", "valor"), "O campo 'valor' é inválido"),
    ("valor zero", _set(0, "valor"), "O campo 'valor' deve ser maior que zero"),
    ("valor negativo", _set(-5, "valor"), "O campo 'valor' deve ser maior que zero"),
    ("sem observacao", _del("observacao"), "O campo 'observacao' é obrigatório"),
    ("sem descricao", _del("descricao"), "O campo 'descricao' é obrigatório"),
    ("descricao em branco", _set("   ", "descricao"), "O campo 'descricao' é obrigatório"),
    (
        "descricao longa",
        _set("x" * 256, "descricao"),
        "O campo 'descricao' deve ter no máximo 255 caracteres",
    ),
    ("sem contato", _del("contato"), "O campo 'contato' é obrigatório"),
    (
        "contato não uuid",
        _set("string", "contato"),
        "O campo 'contato' deve ser um identificador (uuid) válido",
    ),
    ("sem conta_financeira", _del("conta_financeira"), "O campo 'conta_financeira' é obrigatório"),
    (
        "conta_financeira não uuid",
        _set("123", "conta_financeira"),
        "O campo 'conta_financeira' deve ser um identificador (uuid) válido",
    ),
    ("rateio não lista", _set("x", "rateio"), "O campo 'rateio' é inválido"),
    (
        "rateio sem categoria",
        _del("rateio", 1, "id_categoria"),
        "O campo 'rateio[1].id_categoria' é obrigatório",
    ),
    (
        "rateio categoria não uuid",
        _set("string", "rateio", 0, "id_categoria"),
        "O campo 'rateio[0].id_categoria' deve ser um identificador (uuid) válido",
    ),
    ("rateio sem valor", _del("rateio", 1, "valor"), "O campo 'rateio[1].valor' é obrigatório"),
    ("rateio valor zero", _set(0, "rateio", 1, "valor"), "O campo 'rateio[1].valor' deve ser maior que zero"),
    (
        "centro sem id",
        _del("rateio", 0, "rateio_centro_custo", 1, "id_centro_custo"),
        "O campo 'rateio[0].rateio_centro_custo[1].id_centro_custo' é obrigatório",
    ),
    (
        "centro sem valor",
        _del("rateio", 0, "rateio_centro_custo", 0, "valor"),
        "O campo 'rateio[0].rateio_centro_custo[0].valor' é obrigatório",
    ),
    (
        "centros não somam o rateio",
        _set(25, "rateio", 0, "rateio_centro_custo", 1, "valor"),
        "A soma do rateio por centro de custo de 'rateio[0]' (R$ 125,00) difere do valor do rateio (R$ 120,00)",
    ),
    (
        "rateio não soma o valor",
        _set(31, "rateio", 1, "valor"),
        "A soma dos valores do rateio (R$ 151,00) difere do valor do evento (R$ 150,00)",
    ),
    ("sem condicao_pagamento", _del("condicao_pagamento"), "O campo 'condicao_pagamento' é obrigatório"),
    ("sem parcelas", _del("condicao_pagamento", "parcelas"), f"O campo '{PARCELAS}' é obrigatório"),
    (
        "parcelas vazias",
        _set([], "condicao_pagamento", "parcelas"),
        f"O campo '{PARCELAS}' deve conter ao menos 1 item",
    ),
    ("parcela sem descricao", _del(*P0, "descricao"), f"O campo '{PARCELAS}[0].descricao' é obrigatório"),
    (
        "parcela sem vencimento",
        _del(*P0, "data_vencimento"),
        f"O campo '{PARCELAS}[0].data_vencimento' é obrigatório",
    ),
    (
        "parcela vencimento inválido",
        _set("2026-13-40", *P0, "data_vencimento"),
        f"O campo '{PARCELAS}[0].data_vencimento' é inválido",
    ),
    ("parcela sem nota", _del(*P0, "nota"), f"O campo '{PARCELAS}[0].nota' é obrigatório"),
    (
        "parcela sem conta",
        _del("condicao_pagamento", "parcelas", 1, "conta_financeira"),
        f"O campo '{PARCELAS}[1].conta_financeira' é obrigatório",
    ),
    (
        "parcela conta não uuid",
        _set("string", *P0, "conta_financeira"),
        f"O campo '{PARCELAS}[0].conta_financeira' deve ser um identificador (uuid) válido",
    ),
    (
        "parcela sem detalhe_valor",
        _del(*P0, "detalhe_valor"),
        f"O campo '{PARCELAS}[0].detalhe_valor' é obrigatório",
    ),
    (
        "parcela sem valor_bruto",
        _del(*P0, "detalhe_valor", "valor_bruto"),
        f"O campo '{PARCELAS}[0].detalhe_valor.valor_bruto' é obrigatório",
    ),
    (
        "parcela valor_bruto zero",
        _set(0, *P0, "detalhe_valor", "valor_bruto"),
        f"O campo '{PARCELAS}[0].detalhe_valor.valor_bruto' deve ser maior que zero",
    ),
    (
        "parcela multa negativa",
        _set(-1, *P0, "detalhe_valor", "multa"),
        f"O campo '{PARCELAS}[0].detalhe_valor.multa' não pode ser negativo",
    ),
    (
        "parcela taxa texto",
        _set("x", *P0, "detalhe_valor", "taxa"),
        f"O campo '{PARCELAS}[0].detalhe_valor.taxa' é inválido",
    ),
    (
        "metodo_pagamento desconhecido",
        _set("PIX", *P0, "metodo_pagamento"),
        f"O campo '{PARCELAS}[0].metodo_pagamento' deve ser um dos seguintes valores: DINHEIRO,",
    ),
    (
        "parcelas não somam o valor",
        _set(60, "condicao_pagamento", "parcelas", 1, "detalhe_valor", "valor_bruto"),
        "A soma dos valores brutos das parcelas (R$ 160,00) difere do valor do evento (R$ 150,00): "
        "as parcelas devem somar o valor do evento",
    ),
    (
        "corpo não é objeto",
        lambda body: body.clear() or body.update({"__lista__": True}),
        "O campo 'data_competencia' é obrigatório",
    ),
]


@pytest.fixture
def fx2(client: TestClient, company: Company, fx: dict) -> dict:
    centro2 = client.post("/v1/centro-de-custo", json={"nome": "Centro Dois"}, headers=company.auth)
    assert centro2.status_code == 200, centro2.text
    categorias = client.get(
        "/v1/categorias",
        params={"pagina": 1, "tamanho_pagina": 10, "tipo": "RECEITA", "apenas_filhos": "true"},
        headers=company.auth,
    ).json()["itens"]
    return {**fx, "centro2": centro2.json()["id"], "categoria_receita2": categorias[1]["id"]}


def _sem_fila(db: Database) -> None:
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(Job)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(Protocolo)).scalar_one() == 0


def test_the_complete_body_is_accepted(client: TestClient, company: Company, fx2: dict) -> None:
    response = enviar(client, company, RECEITA, completo(fx2))
    assert response.status_code == 202, response.text


@pytest.mark.parametrize(("mutate", "message"), [(m, msg) for _, m, msg in CASES], ids=[c[0] for c in CASES])
def test_one_field_at_a_time(
    client: TestClient,
    company: Company,
    fx2: dict,
    db: Database,
    mutate: Callable[[dict], None],
    message: str,
) -> None:
    body = copy.deepcopy(completo(fx2))
    mutate(body)
    response = enviar(client, company, RECEITA, body)
    assert response.status_code == 400, response.text
    got = response.json()
    assert got["code"] == 400
    assert got["message"].startswith(message), got["message"]
    _sem_fila(db)


def test_the_first_failing_field_is_reported_alone(client: TestClient, company: Company, fx2: dict) -> None:
    body = completo(fx2)
    del body["descricao"]
    del body["contato"]
    body["condicao_pagamento"]["parcelas"] = []
    assert enviar(client, company, RECEITA, body).json()["message"] == "O campo 'descricao' é obrigatório"
    body["descricao"] = "ok"
    assert enviar(client, company, RECEITA, body).json()["message"] == "O campo 'contato' é obrigatório"


@pytest.mark.parametrize(
    "raw",
    [b"", b"null", b"[]", b"{not json", b'"texto"'],
    ids=["vazio", "null", "lista", "json-quebrado", "texto"],
)
def test_a_body_that_is_no_object(client: TestClient, company: Company, raw: bytes) -> None:
    response = client.post(
        "/v1/financeiro/eventos-financeiros/contas-a-pagar",
        content=raw,
        headers={**company.auth, "content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json() == {"code": 400, "message": "O corpo da requisição é inválido"}


def _referencia(fx: dict, campo: str, valor: str) -> dict:
    body = completo(fx)
    if campo == "contato":
        body["contato"] = valor
    elif campo == "conta":
        body["conta_financeira"] = valor
    elif campo == "conta_parcela":
        body["condicao_pagamento"]["parcelas"][1]["conta_financeira"] = valor
    elif campo == "categoria":
        body["rateio"][1]["id_categoria"] = valor
    elif campo == "centro":
        body["rateio"][0]["rateio_centro_custo"][1]["id_centro_custo"] = valor
    return body


REFERENCIAS = [
    ("contato", "O contato '{id}' não foi encontrado"),
    ("conta", "A conta financeira '{id}' não foi encontrada"),
    ("conta_parcela", "A conta financeira '{id}' não foi encontrada"),
    ("categoria", "A categoria '{id}' não foi encontrada"),
    ("centro", "O centro de custo '{id}' não foi encontrado"),
]


@pytest.mark.parametrize(("campo", "message"), REFERENCIAS, ids=[r[0] for r in REFERENCIAS])
def test_unknown_references(
    client: TestClient, company: Company, fx2: dict, db: Database, campo: str, message: str
) -> None:
    response = enviar(client, company, RECEITA, _referencia(fx2, campo, UNKNOWN))
    assert response.status_code == 400, response.text
    assert response.json() == {"code": 400, "message": message.format(id=UNKNOWN)}
    _sem_fila(db)


@pytest.mark.parametrize(("campo", "message"), REFERENCIAS, ids=[r[0] for r in REFERENCIAS])
def test_another_companys_records_are_unknown(
    client: TestClient, company: Company, fx2: dict, campo: str, message: str
) -> None:
    outra = create_company(client, "Outra Empresa Ltda")
    fx_outra = fixtures_financeiras(client, outra)
    alheio = {
        "contato": fx_outra["contato"],
        "conta": fx_outra["conta"],
        "conta_parcela": fx_outra["conta"],
        "categoria": fx_outra["categoria_receita"],
        "centro": fx_outra["centro"],
    }[campo]
    response = enviar(client, company, RECEITA, _referencia(fx2, campo, alheio))
    assert response.status_code == 400, response.text
    assert response.json()["message"] == message.format(id=alheio)


def test_categories_must_be_of_the_events_kind(client: TestClient, company: Company, fx: dict) -> None:
    receber = receber_body(fx["conta"], fx["contato"], fx["categoria_despesa"])
    response = enviar(client, company, RECEITA, receber)
    assert response.status_code == 400
    assert (
        response.json()["message"]
        == f"A categoria '{fx['categoria_despesa']}' não é uma categoria de receita"
    )
    pagar = pagar_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    response = enviar(client, company, DESPESA, pagar)
    assert response.status_code == 400
    assert (
        response.json()["message"]
        == f"A categoria '{fx['categoria_receita']}' não é uma categoria de despesa"
    )


def test_repeated_category_or_cost_center(client: TestClient, company: Company, fx2: dict) -> None:
    body = completo(fx2)
    body["rateio"][1]["id_categoria"] = fx2["categoria_receita"]
    assert enviar(client, company, RECEITA, body).json()["message"] == (
        f"A categoria '{fx2['categoria_receita']}' aparece mais de uma vez no rateio"
    )
    body = completo(fx2)
    body["rateio"][0]["rateio_centro_custo"][1]["id_centro_custo"] = fx2["centro"]
    assert enviar(client, company, RECEITA, body).json()["message"] == (
        f"O centro de custo '{fx2['centro']}' aparece mais de uma vez em 'rateio[0]'"
    )


def test_without_rateio_and_with_uppercase_ids(client: TestClient, company: Company, fx: dict) -> None:
    body = receber_body(fx["conta"].upper(), fx["contato"].upper(), None)
    assert "rateio" not in body
    assert enviar(client, company, RECEITA, body).status_code == 202


def test_a_token_is_needed(client: TestClient, fx: dict) -> None:
    response = client.post("/v1/financeiro/eventos-financeiros/contas-a-receber", json={})
    assert response.status_code == 401
