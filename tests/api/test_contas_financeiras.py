"""`GET /v1/conta-financeira`, `…/{id}/saldo-atual`, `…/eventos-financeiros/saldo-inicial` (catalog §3.9), the
company defaults (defaults.md §4, §5) and the `/_anil/` door that creates accounts."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.api.choices import PAGE_SIZE_MESSAGE
from anil.config import Settings
from anil.domain.clock import MovableClock
from anil.domain.naturezas import PADRAO, natureza_id
from anil.services import naturezas
from anil.storage.engine import Database
from tests.api.contas_builders import UNKNOWN_ID, accounts, caixinha, create_account, saldo
from tests.helpers import ADMIN, create_company

NOW = datetime(2026, 3, 15, 15, 0, tzinfo=UTC)  # 12:00 in São Paulo
SALDO_INICIAL = "/v1/financeiro/eventos-financeiros/saldo-inicial"


@pytest.fixture(autouse=True)
def _frozen(clock: MovableClock) -> None:
    clock.freeze(NOW)


def bad(response, status: int = 400) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == status
    return body["message"]


# ------------------------------------------------------------------------------------------ defaults ----


def test_a_new_company_has_the_caixinha_cash_account_with_zero_balance(client: TestClient) -> None:
    company = create_company(client)
    body = accounts(client, company)
    assert body["itens_totais"] == 1
    assert body["totais"] == {"ativo": 1, "inativo": 0, "todos": 1}
    (item,) = body["itens"]
    assert item == {
        "id": item["id"],
        "banco": "NAO_BANCO",
        "codigo_banco": -10,
        "nome": "Caixinha",
        "ativo": True,
        "tipo": "CAIXINHA",
        "conta_padrao": True,
        "possui_config_boleto_bancario": False,
        "agencia": None,
        "numero": None,
    }
    assert list(item) == [
        "id",
        "banco",
        "codigo_banco",
        "nome",
        "ativo",
        "tipo",
        "conta_padrao",
        "possui_config_boleto_bancario",
        "agencia",
        "numero",
    ]
    response = client.get(f"/v1/conta-financeira/{item['id']}/saldo-atual", headers=company.auth)
    assert response.status_code == 200
    assert response.json() == {"saldo_atual": 0}


def test_a_new_company_has_the_nine_default_naturezas_with_stable_ids(
    client: TestClient, db: Database
) -> None:
    company = create_company(client)
    other = create_company(client, "Outra Ltda")
    rows = db.run_read(lambda s: naturezas.listar(s, company.id))
    assert [
        (n.label, n.tipo_operacao, n.template_operacao, n.mudanca_estoque, n.mudanca_financeira) for n in rows
    ] == [
        (n.label, n.tipo_operacao, n.template_operacao, n.mudanca_estoque, n.mudanca_financeira)
        for n in PADRAO
    ]
    assert [n.id for n in rows] == [natureza_id(company.id, n.template_operacao) for n in PADRAO]
    assert [n.template_operacao for n in rows if n.mudanca_estoque == "SAIDA_ESTOQUE"] == [
        "VENDA_MERCADORIAS",
        "VENDA_NAO_CONTRIBUINTE",
        "VENDA_EXPORTACAO",
        "VENDA_SUFRAMA",
    ]
    other_rows = db.run_read(lambda s: naturezas.listar(s, other.id))
    assert {n.id for n in rows}.isdisjoint({n.id for n in other_rows})
    assert (
        db.run_read(lambda s: naturezas.padrao(s, company.id, True)).template_operacao == "VENDA_MERCADORIAS"
    )
    assert (
        db.run_read(lambda s: naturezas.padrao(s, company.id, False)).template_operacao == "PRESTACAO_SERVICO"
    )


# ------------------------------------------------------------------------------------------- listing ----


def test_accounts_created_through_anil_are_listed_by_name_with_their_bank_code(client: TestClient) -> None:
    company = create_company(client)
    itau = create_account(
        client,
        company,
        "Itaú Empresas",
        tipo="CONTA_CORRENTE",
        banco="ITAU",
        agencia="0001",
        numero="12345-6",
    )
    assert itau["codigo_banco"] == 341
    assert itau["saldo_inicial"] == 0 and itau["saldo_atual"] == 0
    assert itau["data_saldo_inicial"] == "2026-03-15"
    create_account(client, company, "aplicação CDB", tipo="APLICACAO", banco="NUBANK")
    create_account(
        client, company, "Banco do Brasil", tipo="POUPANCA", banco="BANCO_BRASIL", codigo_banco=999
    )
    body = accounts(client, company)
    assert [i["nome"] for i in body["itens"]] == [
        "aplicação CDB",
        "Banco do Brasil",
        "Caixinha",
        "Itaú Empresas",
    ]
    by_name = {i["nome"]: i for i in body["itens"]}
    assert by_name["aplicação CDB"]["codigo_banco"] == 260
    assert by_name["Banco do Brasil"]["codigo_banco"] == 999
    assert by_name["Itaú Empresas"] == {key: itau[key] for key in by_name["Itaú Empresas"]}
    assert body["itens_totais"] == 4 and body["totais"] == {"ativo": 4, "inativo": 0, "todos": 4}


def test_paging_defaults_to_ten_and_follows_the_discrete_sizes(client: TestClient) -> None:
    company = create_company(client)
    for n in range(11):
        create_account(client, company, f"Conta {n:02d}")
    first = accounts(client, company)
    assert first["itens_totais"] == 12 and len(first["itens"]) == 10
    second = accounts(client, company, "?pagina=2")
    assert [i["nome"] for i in first["itens"]][:2] == ["Caixinha", "Conta 00"]
    assert [i["nome"] for i in second["itens"]] == ["Conta 09", "Conta 10"]
    assert len(accounts(client, company, "?tamanho_pagina=20")["itens"]) == 12
    assert accounts(client, company, "?pagina=3")["itens"] == []
    assert (
        bad(client.get("/v1/conta-financeira?tamanho_pagina=15", headers=company.auth)) == PAGE_SIZE_MESSAGE
    )
    assert "pagina" in bad(client.get("/v1/conta-financeira?pagina=0", headers=company.auth))


@pytest.mark.parametrize(
    "query",
    [
        "?tipos=POUPANCA&tipos=APLICACAO",
        "?tipos=POUPANCA,APLICACAO",
        "?tipos[0]=POUPANCA&tipos[1]=APLICACAO",
        "?tipos[0]=POUPANCA&tipos=APLICACAO",
    ],
)
def test_tipos_repeated_comma_separated_or_indexed(client: TestClient, query: str) -> None:
    company = create_company(client)
    create_account(client, company, "Poupança", tipo="POUPANCA")
    create_account(client, company, "CDB", tipo="APLICACAO")
    create_account(client, company, "Corrente", tipo="CONTA_CORRENTE")
    body = accounts(client, company, query)
    assert [i["nome"] for i in body["itens"]] == ["CDB", "Poupança"]
    assert body["itens_totais"] == 2


def test_an_unknown_tipo_is_refused(client: TestClient) -> None:
    company = create_company(client)
    for query in ("?tipos=CORRENTE", "?tipos[0]=CAIXINHA&tipos[1]=BANCO"):
        message = bad(client.get(f"/v1/conta-financeira{query}", headers=company.auth))
        assert message.startswith("O valor do atributo 'tipos' deve ser um dos seguintes valores: APLICACAO")


def test_nome_matches_a_part_ignoring_case_and_accents(client: TestClient) -> None:
    company = create_company(client)
    create_account(client, company, "Conta Itaú Principal")
    create_account(client, company, "ITAU investimentos", tipo="INVESTIMENTO")
    create_account(client, company, "Bradesco")
    assert [i["nome"] for i in accounts(client, company, "?nome=itau")["itens"]] == [
        "Conta Itaú Principal",
        "ITAU investimentos",
    ]
    assert accounts(client, company, "?nome=100%")["itens"] == []


def test_apenas_ativo_and_the_status_totals(client: TestClient) -> None:
    company = create_company(client)
    create_account(client, company, "Antiga", ativo=False)
    create_account(client, company, "Nova")
    everything = accounts(client, company)
    assert [i["nome"] for i in everything["itens"]] == ["Antiga", "Caixinha", "Nova"]
    assert everything["totais"] == {"ativo": 2, "inativo": 1, "todos": 3}
    active = accounts(client, company, "?apenas_ativo=true")
    assert [i["nome"] for i in active["itens"]] == ["Caixinha", "Nova"]
    assert active["itens_totais"] == 2
    assert active["totais"] == {"ativo": 2, "inativo": 1, "todos": 3}
    assert accounts(client, company, "?apenas_ativo=false")["itens_totais"] == 3
    assert "apenas_ativo" in bad(client.get("/v1/conta-financeira?apenas_ativo=talvez", headers=company.auth))


def test_esconde_conta_digital_and_mostrar_caixinha(client: TestClient) -> None:
    company = create_company(client)
    for tipo in ("COBRANCAS_CONTA_AZUL", "RECEBA_FACIL_CARTAO", "MEIOS_RECEBIMENTO", "CONTA_CORRENTE"):
        create_account(client, company, tipo.title(), tipo=tipo)
    assert accounts(client, company)["itens_totais"] == 5
    hidden = accounts(client, company, "?esconde_conta_digital=true")
    assert [i["tipo"] for i in hidden["itens"]] == ["CAIXINHA", "CONTA_CORRENTE"]
    assert accounts(client, company, "?mostrar_caixinha=true")["itens_totais"] == 5
    no_box = accounts(client, company, "?mostrar_caixinha=false&esconde_conta_digital=true")
    assert [i["tipo"] for i in no_box["itens"]] == ["CONTA_CORRENTE"]
    assert no_box["totais"] == {"ativo": 1, "inativo": 0, "todos": 1}
    assert accounts(client, company, "?tipos=CAIXINHA&mostrar_caixinha=false")["itens"] == []


def test_unknown_parameters_are_ignored(client: TestClient) -> None:
    company = create_company(client)
    assert accounts(client, company, "?zzz_bogus=abc")["itens_totais"] == 1


def test_the_list_needs_a_token(client: TestClient) -> None:
    assert client.get("/v1/conta-financeira").status_code == 401
    assert client.get(f"/v1/conta-financeira/{UNKNOWN_ID}/saldo-atual").status_code == 401
    assert (
        client.get(
            f"{SALDO_INICIAL}?data_inicio=2026-01-01T00:00:00&data_fim=2026-01-02T00:00:00"
        ).status_code
        == 401
    )


def test_tenants_never_see_each_others_accounts(client: TestClient) -> None:
    a = create_company(client, "A Ltda")
    b = create_company(client, "B Ltda")
    conta_a = create_account(client, a, "Conta de A", saldo_inicial="123.45", data_saldo_inicial="2026-01-10")
    assert [i["nome"] for i in accounts(client, b)["itens"]] == ["Caixinha"]
    assert accounts(client, b, "?nome=conta de a")["itens"] == []
    message = bad(client.get(f"/v1/conta-financeira/{conta_a['id']}/saldo-atual", headers=b.auth), 404)
    assert message == "Conta financeira não encontrada"
    window = "?data_inicio=2026-01-01T00:00:00&data_fim=2026-01-31T23:59:59"
    assert client.get(SALDO_INICIAL + window, headers=b.auth).json() == {"itens_totais": 0, "itens": []}
    assert client.get(SALDO_INICIAL + window, headers=a.auth).json()["itens_totais"] == 1


# ---------------------------------------------------------------------------------------- saldo-atual ----


def test_saldo_atual_starts_at_the_initial_balance(client: TestClient) -> None:
    company = create_company(client)
    positive = create_account(client, company, "Itaú", saldo_inicial=1500.75, data_saldo_inicial="2025-12-31")
    negative = create_account(client, company, "Cheque especial", saldo_inicial="-320.10")
    assert saldo(client, company, positive["id"]) == Decimal("1500.75")
    assert saldo(client, company, negative["id"]) == Decimal("-320.10")
    whole = create_account(client, company, "Redondo", saldo_inicial=2000)
    assert client.get(f"/v1/conta-financeira/{whole['id']}/saldo-atual", headers=company.auth).json() == {
        "saldo_atual": 2000
    }


def test_saldo_atual_of_a_malformed_or_unknown_id(client: TestClient) -> None:
    company = create_company(client)
    malformed = "fbbccb85-a71a-4dfdb699-56ac1b5f1115"
    response = client.get(f"/v1/conta-financeira/{malformed}/saldo-atual", headers=company.auth)
    assert bad(response) == (
        f"O valor '{malformed}' fornecido no parâmetro 'id_conta_financeira' não é um identificador (uuid) válido."
    )
    response = client.get(f"/v1/conta-financeira/{UNKNOWN_ID}/saldo-atual", headers=company.auth)
    assert bad(response, 404) == "Conta financeira não encontrada"
    upper = caixinha(client, company)["id"].upper()
    assert saldo(client, company, upper) == 0


def test_an_inactive_account_still_has_a_balance(client: TestClient) -> None:
    company = create_company(client)
    conta = create_account(client, company, "Encerrada", ativo=False, saldo_inicial="10.00")
    assert saldo(client, company, conta["id"]) == Decimal("10.00")


# -------------------------------------------------------------------------------------- saldo-inicial ----


def test_saldo_inicial_lists_the_accounts_whose_balance_day_is_in_the_window(client: TestClient) -> None:
    company = create_company(client)
    jan = create_account(client, company, "Janeiro", saldo_inicial="2500", data_saldo_inicial="2026-01-01")
    fev = create_account(
        client, company, "Fevereiro", saldo_inicial="-75.50", data_saldo_inicial="2026-02-28"
    )
    create_account(client, company, "Antiga", saldo_inicial="1", data_saldo_inicial="2025-12-31")
    response = client.get(
        f"{SALDO_INICIAL}?data_inicio=2026-01-01T23:59:59&data_fim=2026-02-28T00:00:00", headers=company.auth
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "itens_totais": 2,
        "itens": [
            {
                "tipo": "RECEITA",
                "id_conta_financeira": jan["id"],
                "data_competencia": "2026-01-01",
                "saldo_inicial": 2500,
            },
            {
                "tipo": "DESPESA",
                "id_conta_financeira": fev["id"],
                "data_competencia": "2026-02-28",
                "saldo_inicial": -75.5,
            },
        ],
    }
    everything = client.get(
        f"{SALDO_INICIAL}?data_inicio=2000-01-01T00:00:00&data_fim=2030-01-01T00:00:00&tamanho_pagina=10",
        headers=company.auth,
    ).json()
    assert everything["itens_totais"] == 4
    assert [i["data_competencia"] for i in everything["itens"]][:3] == [
        "2025-12-31",
        "2026-01-01",
        "2026-02-28",
    ]
    box = everything["itens"][-1]  # the Caixinha's balance is of the company's first day
    assert box["id_conta_financeira"] == caixinha(client, company)["id"]
    assert box["saldo_inicial"] == 0 and box["tipo"] == "RECEITA"
    page = client.get(
        f"{SALDO_INICIAL}?data_inicio=2000-01-01T00:00&data_fim=2030-01-01T00:00&pagina=2&tamanho_pagina=10",
        headers=company.auth,
    ).json()
    assert page == {"itens_totais": 4, "itens": []}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "O parâmetro 'data_inicio' é obrigatório"),
        ("?data_inicio=2026-01-01T00:00:00", "O parâmetro 'data_fim' é obrigatório"),
        ("?data_fim=2026-01-01T00:00:00", "O parâmetro 'data_inicio' é obrigatório"),
        (
            "?data_inicio=2026-01-01&data_fim=2026-01-02T00:00:00",
            "O valor do atributo 'data_inicio' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário",
        ),
        (
            "?data_inicio=2026-01-01T00:00:00Z&data_fim=2026-01-02T00:00:00",
            "O valor do atributo 'data_inicio' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário",
        ),
        (
            "?data_inicio=2026-01-01T00:00:00&data_fim=2026-01-02T00:00:00-03:00",
            "O valor do atributo 'data_fim' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário",
        ),
        (
            "?data_inicio=2026-01-02T00:00:00&data_fim=2026-01-01T23:59:59",
            "A data de início não pode ser posterior à data de fim",
        ),
        ("?data_inicio=2026-01-01T00:00:00&data_fim=2026-01-02T00:00:00&tamanho_pagina=7", PAGE_SIZE_MESSAGE),
    ],
)
def test_saldo_inicial_refuses_bad_windows(client: TestClient, query: str, message: str) -> None:
    company = create_company(client)
    assert bad(client.get(SALDO_INICIAL + query, headers=company.auth)) == message


# --------------------------------------------------------------------------- /_anil/ account creation ----


def test_a_new_default_account_takes_the_flag(client: TestClient) -> None:
    company = create_company(client)
    create_account(client, company, "Principal", conta_padrao=True, banco="INTER")
    flags = {i["nome"]: i["conta_padrao"] for i in accounts(client, company)["itens"]}
    assert flags == {"Caixinha": False, "Principal": True}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'nome' é obrigatório"),
        ({"nome": "   "}, "O campo 'nome' é obrigatório"),
        ({"nome": "x" * 256}, "O campo 'nome' deve ter no máximo 255 caracteres"),
        ({"nome": "X", "tipo": "CORRENTE"}, None),
        ({"nome": "X", "banco": "BANCO_INEXISTENTE"}, None),
        ({"nome": "X", "saldo_inicial": "muito"}, "O campo 'saldo_inicial' é inválido"),
        ({"nome": "X", "saldo_inicial": "1e20"}, "O campo 'saldo_inicial' é inválido"),
        ({"nome": "X", "data_saldo_inicial": "31/12/2025"}, "O campo 'data_saldo_inicial' é inválido"),
        ({"nome": "X", "ativo": "talvez"}, "O campo 'ativo' é inválido"),
        ({"nome": "X", "codigo_banco": 10**12}, "O campo 'codigo_banco' é inválido"),
    ],
)
def test_bad_accounts_are_refused_and_nothing_is_written(
    client: TestClient, body: dict, message: str | None
) -> None:
    company = create_company(client)
    response = client.post(f"/_anil/companies/{company.id}/contas-financeiras", json=body, headers=ADMIN)
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "entrada_invalida"
    if message is not None:
        assert response.json()["error"] == message
    else:
        assert response.json()["error"].startswith(f"O campo '{next(k for k in body if k != 'nome')}'")
    assert accounts(client, company)["itens_totais"] == 1


def test_a_malformed_body_is_refused(client: TestClient) -> None:
    company = create_company(client)
    response = client.post(
        f"/_anil/companies/{company.id}/contas-financeiras",
        content=b"{nome",
        headers={**ADMIN, "content-type": "application/json"},
    )
    assert response.status_code == 400
    assert accounts(client, company)["itens_totais"] == 1


def test_the_anil_account_door_needs_the_admin_key_and_a_company(client: TestClient) -> None:
    company = create_company(client)
    path = f"/_anil/companies/{company.id}/contas-financeiras"
    assert client.post(path, json={"nome": "X"}).status_code == 401
    assert client.get(path, headers={"X-Anil-Admin-Key": "errada"}).status_code == 401
    unknown = client.post(
        f"/_anil/companies/{UNKNOWN_ID}/contas-financeiras", json={"nome": "X"}, headers=ADMIN
    )
    assert unknown.status_code == 404 and unknown.json()["code"] == "nao_encontrado"
    assert client.get(f"/_anil/companies/{UNKNOWN_ID}/contas-financeiras", headers=ADMIN).status_code == 404
    listed = client.get(path, headers=ADMIN).json()
    assert [(c["nome"], c["saldo_inicial"], c["saldo_atual"]) for c in listed] == [("Caixinha", 0, 0)]


def test_the_anil_account_door_is_closed_when_the_sandbox_is_off(settings: Settings, db: Database) -> None:
    off = create_app(settings.model_copy(update={"sandbox": "off"}), db=db, admin_key="k")
    with TestClient(off) as client:
        response = client.post(
            f"/_anil/companies/{UNKNOWN_ID}/contas-financeiras",
            json={"nome": "X"},
            headers={"X-Anil-Admin-Key": "k"},
        )
        assert response.status_code == 404
        response = client.post(
            f"/_anil/companies/{UNKNOWN_ID}/transferencias", json={}, headers={"X-Anil-Admin-Key": "k"}
        )
        assert response.status_code == 404
