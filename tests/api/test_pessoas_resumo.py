"""The person's financial summary (issue 4 §6, choice `pessoa-resumo`) from real receivables and payables:
`atrasos_recebimentos`, `recebimentos_mes_atual`, `atrasos_pagamentos`, `pagamentos_mes_atual`,
`mensagem_pagamentos_abertos`, on `GET /v1/pessoas/{id}`, `PUT /v1/pessoas/{id}` and the older
`/v1/pessoa/{id}/resumo` and `/legado/{uuid}/resumo`; partial settlements, a loss, the company clock, other
people and other companies. Both engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    criar_evento,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.api.pessoas_builders import completa_fisica
from tests.helpers import ADMIN, Company, create_company

NOW = datetime(2026, 3, 15, 15, 0, tzinfo=UTC)  # 12:00 in São Paulo
BASE = "/v1/financeiro/eventos-financeiros"


@pytest.fixture(autouse=True)
def _frozen(clock: MovableClock) -> None:
    clock.freeze(NOW)


def resumo(client: TestClient, company: Company, pessoa_id: str) -> dict:
    response = client.get(f"/v1/pessoas/{pessoa_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    atual = {
        "atrasos_recebimentos": body["atrasos_recebimentos"],
        "recebimentos_mes_atual": body["recebimentos_mes_atual"],
        "atrasos_pagamentos": body["atrasos_pagamentos"],
        "pagamentos_mes_atual": body["pagamentos_mes_atual"],
        "abertos": body["mensagem_pagamentos_abertos"],
    }
    # the older revision shows the same figures, by id and by uuid_legado
    legado = client.get(f"/v1/pessoa/{pessoa_id}/resumo", headers=company.auth)
    assert legado.status_code == 200, legado.text
    por_uuid = client.get(
        f"/v1/pessoa/legado/{body['pessoas_legado'][0]['uuid']}/resumo", headers=company.auth
    )
    assert por_uuid.status_code == 200, por_uuid.text
    for older, mensagem in (
        (legado.json(), legado.json()["mensagem_pagamentos_abertos"][0]),
        (por_uuid.json(), por_uuid.json()["mensagem_pagamentos_abertos"]),
    ):
        assert {k: older[k] for k in atual if k != "abertos"} | {"abertos": mensagem} == atual
    return atual


def evento(client: TestClient, company: Company, fx: dict, tipo: str, contato: str, parcelas: list) -> str:
    valor = f"{sum(float(v) for _, v in parcelas):.2f}"
    if tipo == RECEITA:
        body = receber_body(fx["conta"], contato, fx["categoria_receita"], valor, parcelas)
    else:
        body = pagar_body(fx["conta"], contato, fx["categoria_despesa"], valor, parcelas)
    return criar_evento(client, company, tipo, body)


def parcelas(client: TestClient, company: Company, evento_id: str) -> list[dict]:
    response = client.get(f"{BASE}/{evento_id}/parcelas", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


def baixar(client: TestClient, company: Company, parcela_id: str, valor: str, conta: str) -> dict:
    response = client.post(
        f"{BASE}/parcelas/{parcela_id}/baixa",
        json={
            "data_pagamento": "2026-03-15",
            "composicao_valor": {"valor_bruto": valor},
            "conta_financeira": conta,
        },
        headers=company.auth,
    )
    assert response.status_code == 200, response.text
    return response.json()


def outra_pessoa(client: TestClient, company: Company, nome: str) -> str:
    response = client.post(
        "/v1/pessoas",
        json={"nome": nome, "tipo_pessoa": "Jurídica", "perfis": [{"tipo_perfil": "Fornecedor"}]},
        headers=company.auth,
    )
    assert response.status_code == 200, response.text
    return response.json()["id"]


def test_a_person_without_installments_owes_nothing(client: TestClient) -> None:
    company = create_company(client)
    pessoa = outra_pessoa(client, company, "Sem Títulos Ltda")
    assert resumo(client, company, pessoa) == {
        "atrasos_recebimentos": 0,
        "recebimentos_mes_atual": 0,
        "atrasos_pagamentos": 0,
        "pagamentos_mes_atual": 0,
        "abertos": {"numero": 0, "total": 0},
    }


def test_the_summary_follows_installments_settlements_losses_and_the_clock(client: TestClient) -> None:
    company, other = create_company(client), create_company(client, "Outra Ltda")
    fx = fixtures_financeiras(client, company)
    pessoa = fx["contato"]
    vizinho = outra_pessoa(client, company, "Vizinho Ltda")

    r1 = evento(client, company, fx, RECEITA, pessoa, [("2026-03-10", "300.00")])  # overdue on 03-15
    r2 = evento(client, company, fx, RECEITA, pessoa, [("2026-03-20", "100.00"), ("2026-04-20", "100.00")])
    d1 = evento(client, company, fx, DESPESA, pessoa, [("2026-03-01", "80.25")])  # overdue
    evento(client, company, fx, DESPESA, pessoa, [("2026-05-01", "50.00")])
    # someone else's, and another company's person with the same amounts
    evento(client, company, fx, RECEITA, vizinho, [("2026-03-01", "999.00")])
    fx_other = fixtures_financeiras(client, other)
    evento(client, other, fx_other, RECEITA, fx_other["contato"], [("2026-03-01", "777.00")])

    inicial = {
        "atrasos_recebimentos": 300,
        "recebimentos_mes_atual": 400,  # overdue ones of this month included
        "atrasos_pagamentos": 80.25,
        "pagamentos_mes_atual": 80.25,
        "abertos": {"numero": 3, "total": 500},
    }
    assert resumo(client, company, pessoa) == inicial
    assert resumo(client, company, vizinho)["atrasos_recebimentos"] == 999
    assert resumo(client, other, fx_other["contato"])["atrasos_recebimentos"] == 777

    # a partial settlement lowers what is open; the installment stays open
    (p1,) = parcelas(client, company, r1)
    parcial = baixar(client, company, p1["id"], "120.10", fx["conta"])
    menos = {
        **inicial,
        "atrasos_recebimentos": 179.9,
        "recebimentos_mes_atual": 279.9,
        "abertos": {"numero": 3, "total": 379.9},
    }
    assert resumo(client, company, pessoa) == menos
    # settled in full: gone from the summary
    (d1p,) = parcelas(client, company, d1)
    baixar(client, company, d1p["id"], "80.25", fx["conta"])
    assert resumo(client, company, pessoa) == {**menos, "atrasos_pagamentos": 0, "pagamentos_mes_atual": 0}

    # a loss takes the April installment out
    _, abril = parcelas(client, company, r2)
    perda = client.patch(
        f"{BASE}/parcelas/{abril['id']}",
        json={
            "versao": abril["versao"],
            "composicao_valor": {"valor_bruto": 100},
            "perda": {"data": "2026-03-15", "valor": 100},
        },
        headers=company.auth,
    )
    assert perda.status_code == 200, perda.text
    sem_abril = {
        **menos,
        "atrasos_pagamentos": 0,
        "pagamentos_mes_atual": 0,
        "abertos": {"numero": 2, "total": 279.9},
    }
    assert resumo(client, company, pessoa) == sem_abril

    # deleting the partial settlement reopens its amount
    apagada = client.delete(f"{BASE}/parcelas/baixa/{parcial['id']}", headers=company.auth)
    assert apagada.status_code == 200, apagada.text
    reaberto = {
        **sem_abril,
        "atrasos_recebimentos": 300,
        "recebimentos_mes_atual": 400,
        "abertos": {"numero": 2, "total": 400},
    }
    assert resumo(client, company, pessoa) == reaberto

    # the company's clock in May: March's are late, May's payable is this month's
    congelar = client.put(
        f"/_anil/companies/{company.id}/relogio", json={"data": "2026-05-01"}, headers=ADMIN
    )
    assert congelar.status_code == 200, congelar.text
    assert resumo(client, company, pessoa) == {
        "atrasos_recebimentos": 400,
        "recebimentos_mes_atual": 0,
        "atrasos_pagamentos": 0,
        "pagamentos_mes_atual": 50,
        "abertos": {"numero": 2, "total": 400},
    }
    # the other company is still on the system clock
    assert resumo(client, other, fx_other["contato"])["recebimentos_mes_atual"] == 777


def test_put_answers_the_summary_on_the_company_clock(client: TestClient) -> None:
    company = create_company(client)
    fx = fixtures_financeiras(client, company)
    evento(client, company, fx, RECEITA, fx["contato"], [("2026-03-20", "60.00")])
    client.put(f"/_anil/companies/{company.id}/relogio", json={"data": "2026-03-21"}, headers=ADMIN)

    atual = client.get(f"/v1/pessoas/{fx['contato']}", headers=company.auth).json()
    response = client.put(
        f"/v1/pessoas/{fx['contato']}",
        json=completa_fisica(nome="Cliente Renomeado"),
        headers=company.auth,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["nome"] == "Cliente Renomeado" and body["pessoas_legado"] == atual["pessoas_legado"]
    assert (body["atrasos_recebimentos"], body["recebimentos_mes_atual"]) == (60, 60)
    assert body["mensagem_pagamentos_abertos"] == {"numero": 1, "total": 60}
