"""`GET /v1/financeiro/transferencias` (catalog §3.9), transfers made through `/_anil/`, and what they do to
`saldo-atual`, including a property test over random movement sequences."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anil.api.choices import PAGE_SIZE_MESSAGE
from anil.domain.clock import MovableClock
from tests.api.contas_builders import (
    UNKNOWN_ID,
    caixinha,
    create_account,
    create_transfer,
    saldo,
    transfers,
)
from tests.helpers import ADMIN, Company, create_company

NOW = datetime(2026, 3, 15, 15, 0, tzinfo=UTC)  # 12:00 in São Paulo
HOJE = date(2026, 3, 15)
PATH = "/v1/financeiro/transferencias"


@pytest.fixture(autouse=True)
def _frozen(clock: MovableClock) -> None:
    clock.freeze(NOW)


def bad(response, status: int = 400) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == status
    return body["message"]


def two_accounts(client: TestClient, company: Company) -> tuple[dict, dict]:
    banco = create_account(client, company, "Itaú", banco="ITAU", saldo_inicial="1000.00")
    return banco, caixinha(client, company)


# ------------------------------------------------------------------------------------------ creating ----


def test_a_transfer_is_listed_in_conta_azuls_shape(client: TestClient) -> None:
    company = create_company(client)
    banco, box = two_accounts(client, company)
    created = create_transfer(
        client, company, banco["id"], box["id"], "1500.50", data="2026-02-15", descricao="Suprimento de caixa"
    )
    leg = {"valor_bruto": 1500.5, "juros": 0, "multa": 0, "valor_liquido": 1500.5, "desconto": 0, "taxa": 0}
    expected = {
        "id": created["id"],
        "descricao": "Suprimento de caixa",
        "valor": 1500.5,
        "data": "2026-02-15",
        "origem": {
            "data": "2026-02-15",
            "composicao_valor": leg,
            "conta_financeira": {
                "id": banco["id"],
                "nome": "Itaú",
                "instituicao_bancaria": {"codigo": 341, "nome": "Itaú Unibanco"},
            },
        },
        "destino": {
            "data": "2026-02-15",
            "composicao_valor": leg,
            "conta_financeira": {
                "id": box["id"],
                "nome": "Caixinha",
                "instituicao_bancaria": {"codigo": -10, "nome": "Sem banco"},
            },
        },
    }
    assert created == expected
    assert list(created["origem"]["composicao_valor"]) == list(leg)
    assert transfers(client, company) == {"itens_totais": 1, "itens": [expected]}
    assert saldo(client, company, banco["id"]) == Decimal("-500.50")
    assert saldo(client, company, box["id"]) == Decimal("1500.50")


def test_fees_and_interest_change_each_side_by_its_net_value(client: TestClient) -> None:
    company = create_company(client)
    banco, box = two_accounts(client, company)
    created = create_transfer(
        client,
        company,
        banco["id"],
        box["id"],
        "200.00",
        origem={"taxa": "3.50", "juros": "1.25"},
        destino={"desconto": "10", "multa": "0.75", "data": "2026-03-16"},
    )
    assert created["data"] == "2026-03-15"
    assert created["origem"]["composicao_valor"] == {
        "valor_bruto": 200,
        "juros": 1.25,
        "multa": 0,
        "valor_liquido": 197.75,
        "desconto": 0,
        "taxa": 3.5,
    }
    assert created["destino"]["composicao_valor"]["valor_liquido"] == 190.75
    assert created["destino"]["data"] == "2026-03-16"
    assert saldo(client, company, banco["id"]) == Decimal("1000.00") - Decimal("197.75")
    assert saldo(client, company, box["id"]) == 0  # it lands tomorrow


def test_a_future_transfer_counts_from_its_day_on(client: TestClient, clock: MovableClock) -> None:
    company = create_company(client)
    banco, box = two_accounts(client, company)
    create_transfer(client, company, banco["id"], box["id"], "300", data="2026-03-20")
    assert saldo(client, company, banco["id"]) == Decimal("1000.00")
    clock.advance(timedelta(days=5))
    token = client.post(
        "/_anil/tokens", json={"id_empresa": company.id, "client_id": company.client_id}, headers=ADMIN
    )
    company = replace(company, token=token.json()["access_token"])  # the first one expired meanwhile
    assert saldo(client, company, banco["id"]) == Decimal("700.00")
    assert saldo(client, company, box["id"]) == Decimal("300.00")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"conta_destino": "B", "valor": 10}, "O campo 'conta_origem' é obrigatório"),
        ({"conta_origem": "A", "valor": 10}, "O campo 'conta_destino' é obrigatório"),
        (
            {"conta_origem": "A", "conta_destino": "A", "valor": 10},
            "As contas de origem e de destino devem ser diferentes",
        ),
        ({"conta_origem": "A", "conta_destino": "B"}, "O campo 'valor' é obrigatório"),
        ({"conta_origem": "A", "conta_destino": "B", "valor": 0}, "O campo 'valor' deve ser maior que zero"),
        (
            {"conta_origem": "A", "conta_destino": "B", "valor": "-5"},
            "O campo 'valor' deve ser maior que zero",
        ),
        ({"conta_origem": "A", "conta_destino": "B", "valor": "dez"}, "O campo 'valor' é inválido"),
        (
            {"conta_origem": "A", "conta_destino": "B", "valor": 10, "data": "15/03/2026"},
            "O campo 'data' é inválido",
        ),
        (
            {"conta_origem": "A", "conta_destino": "B", "valor": 10, "origem": {"taxa": "-1"}},
            "O campo 'origem.taxa' não pode ser negativo",
        ),
        (
            {"conta_origem": "A", "conta_destino": "B", "valor": 10, "destino": {"taxa": "10.01"}},
            "O valor líquido de 'destino' não pode ser negativo",
        ),
        (
            {"conta_origem": "A", "conta_destino": UNKNOWN_ID, "valor": 10},
            "O campo 'conta_destino' não é uma conta financeira desta empresa",
        ),
        (
            {"conta_origem": "OTHER", "conta_destino": "B", "valor": 10},
            "O campo 'conta_origem' não é uma conta financeira desta empresa",
        ),
        (
            {"conta_origem": "A", "conta_destino": "INACTIVE", "valor": 10},
            "O campo 'conta_destino' é uma conta financeira inativa",
        ),
    ],
)
def test_bad_transfers_are_refused_and_nothing_moves(client: TestClient, body: dict, message: str) -> None:
    company = create_company(client)
    other = create_company(client, "Outra Ltda")
    ids = {
        "A": create_account(client, company, "A", saldo_inicial=50)["id"],
        "B": create_account(client, company, "B")["id"],
        "INACTIVE": create_account(client, company, "Inativa", ativo=False)["id"],
        "OTHER": create_account(client, other, "De outra empresa", saldo_inicial=50)["id"],
    }
    resolved = {
        key: ids.get(value, value) if key.startswith("conta_") else value for key, value in body.items()
    }
    response = client.post(f"/_anil/companies/{company.id}/transferencias", json=resolved, headers=ADMIN)
    assert response.status_code == 400, response.text
    assert response.json() == {"error": message, "code": "entrada_invalida"}
    assert transfers(client, company)["itens_totais"] == 0
    assert transfers(client, other)["itens_totais"] == 0
    assert saldo(client, company, ids["A"]) == 50 and saldo(client, company, ids["B"]) == 0
    assert saldo(client, other, ids["OTHER"]) == 50


def test_the_transfer_door_needs_the_admin_key_and_a_company(client: TestClient) -> None:
    company = create_company(client)
    banco, box = two_accounts(client, company)
    body = {"conta_origem": banco["id"], "conta_destino": box["id"], "valor": 1}
    assert client.post(f"/_anil/companies/{company.id}/transferencias", json=body).status_code == 401
    response = client.post(f"/_anil/companies/{UNKNOWN_ID}/transferencias", json=body, headers=ADMIN)
    assert response.status_code == 404
    assert client.get(f"/_anil/companies/{UNKNOWN_ID}/transferencias", headers=ADMIN).status_code == 404
    assert transfers(client, company)["itens_totais"] == 0
    created = create_transfer(client, company, banco["id"], box["id"])
    assert client.get(f"/_anil/companies/{company.id}/transferencias", headers=ADMIN).json() == [created]


# ------------------------------------------------------------------------------------------- listing ----


def test_the_period_is_inclusive_and_ordered_by_date(client: TestClient) -> None:
    company = create_company(client)
    banco, box = two_accounts(client, company)
    late = create_transfer(client, company, banco["id"], box["id"], 3, data="2026-02-28")
    early = create_transfer(client, company, box["id"], banco["id"], 1, data="2026-01-31")
    middle = create_transfer(client, company, banco["id"], box["id"], 2, data="2026-02-01")
    body = transfers(client, company, "data_inicio=2026-01-31&data_fim=2026-02-28")
    assert [i["id"] for i in body["itens"]] == [early["id"], middle["id"], late["id"]]
    assert [
        i["id"] for i in transfers(client, company, "data_inicio=2026-02-01&data_fim=2026-02-27")["itens"]
    ] == [middle["id"]]
    assert transfers(client, company, "data_inicio=2026-03-01&data_fim=2026-03-01") == {
        "itens_totais": 0,
        "itens": [],
    }


def test_ids_conta_financeira_match_origin_or_destination_in_every_array_form(client: TestClient) -> None:
    company = create_company(client)
    banco, box = two_accounts(client, company)
    poupanca = create_account(client, company, "Poupança", tipo="POUPANCA", saldo_inicial=100)
    to_box = create_transfer(client, company, banco["id"], box["id"], 10, data="2026-03-01")
    from_box = create_transfer(client, company, box["id"], poupanca["id"], 5, data="2026-03-02")
    banco_poupanca = create_transfer(client, company, banco["id"], poupanca["id"], 20, data="2026-03-03")
    period = "data_inicio=2026-03-01&data_fim=2026-03-31"

    def ids(query: str) -> list[str]:
        return [i["id"] for i in transfers(client, company, f"{period}&{query}")["itens"]]

    assert ids(f"ids_conta_financeira={box['id']}") == [to_box["id"], from_box["id"]]
    assert ids(f"ids_conta_financeira={poupanca['id']}") == [from_box["id"], banco_poupanca["id"]]
    both = [to_box["id"], from_box["id"], banco_poupanca["id"]]
    assert ids(f"ids_conta_financeira={box['id']}&ids_conta_financeira={banco['id']}") == both
    assert ids(f"ids_conta_financeira={box['id']},{banco['id']}") == both
    assert ids(f"ids_conta_financeira[0]={box['id']}&ids_conta_financeira[1]={banco['id']}") == both
    assert ids(f"ids_conta_financeira={UNKNOWN_ID}") == []


def test_paging_defaults_to_ten(client: TestClient) -> None:
    company = create_company(client)
    banco, box = two_accounts(client, company)
    made = [
        create_transfer(client, company, banco["id"], box["id"], n + 1, data=f"2026-01-{n + 1:02d}")
        for n in range(12)
    ]
    first = transfers(client, company)
    assert first["itens_totais"] == 12 and [i["id"] for i in first["itens"]] == [t["id"] for t in made[:10]]
    second = transfers(client, company, "data_inicio=2026-01-01&data_fim=2026-01-31&pagina=2")
    assert [i["id"] for i in second["itens"]] == [t["id"] for t in made[10:]]
    assert (
        len(
            transfers(client, company, "data_inicio=2026-01-01&data_fim=2026-01-31&tamanho_pagina=20")[
                "itens"
            ]
        )
        == 12
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "O parâmetro 'data_inicio' é obrigatório"),
        ("data_inicio=2026-01-01", "O parâmetro 'data_fim' é obrigatório"),
        ("data_fim=2026-01-01", "O parâmetro 'data_inicio' é obrigatório"),
        (
            "data_inicio=2026-02-01&data_fim=2026-01-31",
            "A data de início não pode ser posterior à data de fim",
        ),
        (
            "data_inicio=01/01/2026&data_fim=2026-01-31",
            "O valor do atributo 'data_inicio' deve estar no formato yyyy-MM-dd",
        ),
        (
            "data_inicio=2026-01-01&data_fim=2026-01-31T00:00:00",
            "O valor do atributo 'data_fim' deve estar no formato yyyy-MM-dd",
        ),
        (
            "data_inicio=2026-02-30&data_fim=2026-03-31",
            "O valor do atributo 'data_inicio' deve estar no formato yyyy-MM-dd",
        ),
        (
            "data_inicio=2026-01-01&data_fim=2026-01-31&ids_conta_financeira=123",
            "O valor '123' fornecido no parâmetro 'ids_conta_financeira' não é um identificador (uuid) válido.",
        ),
        (
            "data_inicio=2026-01-01&data_fim=2026-01-31&pagina=0",
            "O valor do atributo 'pagina' deve ser maior ou igual a 1",
        ),
        ("data_inicio=2026-01-01&data_fim=2026-01-31&tamanho_pagina=25", PAGE_SIZE_MESSAGE),
    ],
)
def test_bad_queries_are_refused(client: TestClient, query: str, message: str) -> None:
    company = create_company(client)
    assert bad(client.get(f"{PATH}?{query}", headers=company.auth)) == message


def test_tenants_never_see_each_others_transfers(client: TestClient) -> None:
    a = create_company(client, "A Ltda")
    b = create_company(client, "B Ltda")
    banco, box = two_accounts(client, a)
    create_transfer(client, a, banco["id"], box["id"], 40)
    assert transfers(client, b) == {"itens_totais": 0, "itens": []}
    assert (
        transfers(
            client, b, f"data_inicio=2026-01-01&data_fim=2026-12-31&ids_conta_financeira={banco['id']}"
        )["itens"]
        == []
    )
    assert saldo(client, b, caixinha(client, b)["id"]) == 0
    assert client.get(f"{PATH}?data_inicio=2026-01-01&data_fim=2026-12-31").status_code == 401


# ------------------------------------------------------------------- saldo-atual over random movements ----


@dataclass(frozen=True)
class Movimento:
    origem: int
    destino: int
    valor: Decimal
    dia: int  # days from today
    taxa_origem: Decimal
    juros_destino: Decimal


cents = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("25000"), places=2)


@st.composite
def movimentos(draw: st.DrawFn, contas: int) -> Movimento:
    origem = draw(st.integers(0, contas - 1))
    destino = draw(st.integers(0, contas - 2))
    destino += destino >= origem  # any other account
    valor = draw(cents)
    taxa = draw(st.decimals(min_value=Decimal("0"), max_value=valor, places=2))
    juros = draw(st.decimals(min_value=Decimal("0"), max_value=Decimal("99.99"), places=2))
    return Movimento(origem, destino, valor, draw(st.integers(-30, 5)), taxa, juros)


@st.composite
def cenarios(draw: st.DrawFn) -> tuple[list[Decimal], list[Movimento]]:
    contas = draw(st.integers(2, 4))
    iniciais = draw(
        st.lists(
            st.decimals(min_value=Decimal("-50000"), max_value=Decimal("50000"), places=2),
            min_size=contas,
            max_size=contas,
        )
    )
    return iniciais, draw(st.lists(movimentos(contas), max_size=10))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cenario=cenarios())
def test_saldo_atual_is_the_initial_balance_plus_transfers_in_minus_transfers_out(
    client: TestClient, cenario: tuple[list[Decimal], list[Movimento]]
) -> None:
    iniciais, movs = cenario
    company = create_company(client, "Movimentos Ltda")
    contas = [
        create_account(
            client, company, f"Conta {n}", saldo_inicial=str(inicial), data_saldo_inicial="2026-01-01"
        )["id"]
        for n, inicial in enumerate(iniciais)
    ]
    esperado = list(iniciais)
    for mov in movs:
        dia = HOJE + timedelta(days=mov.dia)
        create_transfer(
            client,
            company,
            contas[mov.origem],
            contas[mov.destino],
            str(mov.valor),
            data=dia.isoformat(),
            origem={"taxa": str(mov.taxa_origem)},
            destino={"juros": str(mov.juros_destino)},
        )
        if dia <= HOJE:
            esperado[mov.origem] -= mov.valor - mov.taxa_origem
            esperado[mov.destino] += mov.valor + mov.juros_destino
    assert [saldo(client, company, conta) for conta in contas] == esperado
    listed = transfers(client, company, "data_inicio=2000-01-01&data_fim=2100-01-01&tamanho_pagina=20")
    assert listed["itens_totais"] == len(movs)
