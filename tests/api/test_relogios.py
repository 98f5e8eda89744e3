"""Each company's clock (issue 4 §7): `/_anil/companies/{id_empresa}/relogio` (show, freeze, advance, reset),
what reads it (the person's financial summary, the installments' status, saldo-atual) and what does not
(token expiry, other companies). Both engines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from anil.domain.clock import MovableClock
from tests.api.contas_builders import create_account, create_transfer, saldo
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    criar_evento,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.helpers import ADMIN, Company, create_company

NOW = datetime(2026, 3, 15, 15, 0, tzinfo=UTC)  # 12:00 in São Paulo
PARCELAS = "/v1/financeiro/eventos-financeiros/parcelas"


@pytest.fixture(autouse=True)
def _frozen(clock: MovableClock) -> None:
    clock.freeze(NOW)


def relogio(client: TestClient, company: Company | str) -> dict:
    empresa = company if isinstance(company, str) else company.id
    response = client.get(f"/_anil/companies/{empresa}/relogio", headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def congelar(client: TestClient, company: Company, **body: object) -> dict:
    response = client.put(f"/_anil/companies/{company.id}/relogio", json=body, headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def avancar(client: TestClient, company: Company, **body: object) -> dict:
    response = client.post(f"/_anil/companies/{company.id}/relogio/avancar", json=body, headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def restaurar(client: TestClient, company: Company) -> dict:
    response = client.delete(f"/_anil/companies/{company.id}/relogio", headers=ADMIN)
    assert response.status_code == 200, response.text
    return response.json()


def erro(response, status: int = 400) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    return response.json()["error"]


# ----------------------------------------------------------------------------------------- control ----


def test_a_company_runs_on_the_system_clock_until_its_clock_is_set(client: TestClient) -> None:
    company = create_company(client)
    assert relogio(client, company) == {
        "id_empresa": company.id,
        "agora": "2026-03-15T12:00:00",
        "agora_utc": "2026-03-15T15:00:00Z",
        "hoje": "2026-03-15",
        "congelado": False,
        "deslocamento_segundos": 0,
        "relogio_do_sistema": True,
    }


def test_freeze_at_a_local_instant_an_utc_instant_or_a_day(client: TestClient, clock: MovableClock) -> None:
    company = create_company(client)
    local = congelar(client, company, instante="2026-12-15T22:30:00")
    assert (local["agora"], local["agora_utc"], local["hoje"]) == (
        "2026-12-15T22:30:00",
        "2026-12-16T01:30:00Z",
        "2026-12-15",  # 22:30 in São Paulo is the 15th there, the 16th in UTC
    )
    assert (local["congelado"], local["relogio_do_sistema"], local["deslocamento_segundos"]) == (
        True,
        False,
        0,
    )

    clock.advance(timedelta(hours=5))  # the system clock moves, a frozen company clock does not
    assert relogio(client, company) == local

    utc = congelar(client, company, instante="2026-12-16T01:30:00Z")
    assert utc["agora"] == "2026-12-15T22:30:00"
    offset = congelar(client, company, instante="2026-12-16T03:30:00+02:00")
    assert offset["agora"] == "2026-12-15T22:30:00"

    dia = congelar(client, company, data="2027-01-31")
    assert (dia["agora"], dia["hoje"]) == ("2027-01-31T00:00:00", "2027-01-31")

    # POST freezes too
    response = client.post(
        f"/_anil/companies/{company.id}/relogio", json={"data": "2027-02-01"}, headers=ADMIN
    )
    assert response.status_code == 200 and response.json()["hoje"] == "2027-02-01"


def test_advance_a_frozen_clock_and_a_running_one(client: TestClient, clock: MovableClock) -> None:
    company = create_company(client)
    congelar(client, company, instante="2026-12-15T22:30:00")
    moved = avancar(client, company, horas=2)
    assert (moved["agora"], moved["hoje"], moved["congelado"]) == ("2026-12-16T00:30:00", "2026-12-16", True)
    moved = avancar(client, company, dias=1, minutos=30, segundos=15)
    assert moved["agora"] == "2026-12-17T01:00:15"
    moved = avancar(client, company, duracao="P1W2DT3H4M5S")
    assert moved["agora"] == "2026-12-26T04:04:20"
    moved = avancar(client, company, dias=1, duracao="PT12H")  # fields add up
    assert moved["agora"] == "2026-12-27T16:04:20"
    assert relogio(client, company) == moved

    # back to the system clock
    reset = restaurar(client, company)
    assert (reset["agora"], reset["congelado"], reset["relogio_do_sistema"]) == (
        "2026-03-15T12:00:00",
        False,
        True,
    )

    # a running clock keeps running that far ahead
    running = avancar(client, company, dias=2)
    assert (running["agora"], running["congelado"], running["deslocamento_segundos"]) == (
        "2026-03-17T12:00:00",
        False,
        172_800,
    )
    assert running["relogio_do_sistema"] is False
    clock.advance(timedelta(minutes=10))
    assert relogio(client, company)["agora"] == "2026-03-17T12:10:00"
    assert avancar(client, company, horas=1)["agora"] == "2026-03-17T13:10:00"

    # freezing drops the shift
    frozen = congelar(client, company, data="2026-04-01")
    assert (frozen["agora"], frozen["deslocamento_segundos"]) == ("2026-04-01T00:00:00", 0)


def test_refused_settings_change_nothing(client: TestClient) -> None:
    company = create_company(client)
    congelar(client, company, data="2026-12-15")
    url = f"/_anil/companies/{company.id}/relogio"

    assert erro(client.put(url, json={}, headers=ADMIN)) == (
        "Informe o campo 'instante' (data e hora) ou o campo 'data'"
    )
    assert erro(
        client.put(url, json={"instante": "2026-12-15T10:00:00", "data": "2026-12-15"}, headers=ADMIN)
    ) == ("Informe apenas um dos campos 'instante' ou 'data'")
    for instante in ("2026-12-15", "15/12/2026 10:00", "2026-13-01T00:00:00", 20261215, "amanhã"):
        assert erro(client.put(url, json={"instante": instante}, headers=ADMIN)).startswith(
            "O campo 'instante' deve ser uma data e hora ISO 8601"
        )
    for data in ("2026-12-15T10:00:00", "2026-02-30", "15/12/2026", 1):
        assert erro(client.put(url, json={"data": data}, headers=ADMIN)) == (
            "O campo 'data' deve estar no formato yyyy-MM-dd"
        )
    assert erro(client.put(url, json={"data": "1800-01-01"}, headers=ADMIN)) == (
        "O campo 'data' deve estar entre os anos 1900 e 9000"
    )
    assert erro(client.put(url, content=b"not json", headers=ADMIN))

    avancar_url = f"{url}/avancar"
    so_avanca = erro(client.post(avancar_url, json={"dias": -1}, headers=ADMIN))
    assert so_avanca.startswith("O relógio só avança")
    assert erro(client.post(avancar_url, json={"duracao": "-P1D"}, headers=ADMIN)) == so_avanca
    assert erro(client.post(avancar_url, json={"segundos": 0}, headers=ADMIN)) == so_avanca
    assert erro(client.post(avancar_url, json={"duracao": "PT0S"}, headers=ADMIN)) == so_avanca
    assert erro(client.post(avancar_url, json={}, headers=ADMIN)).startswith("Informe a duração")
    for campo, valor in (("dias", 1.5), ("horas", "2"), ("minutos", True)):
        assert erro(client.post(avancar_url, json={campo: valor}, headers=ADMIN)) == (
            f"O campo '{campo}' deve ser um número inteiro"
        )
    for duracao in ("P1M", "P1Y", "1D", "P", "PT", "P1DT", "P1.5D", 3):
        assert erro(client.post(avancar_url, json={"duracao": duracao}, headers=ADMIN)).startswith(
            "O campo 'duracao' deve ser uma duração ISO 8601"
        )
    maximo = "Cada avanço do relógio pode ser de no máximo 36500 dias"
    assert erro(client.post(avancar_url, json={"dias": 36_501}, headers=ADMIN)) == maximo
    assert erro(client.post(avancar_url, json={"duracao": "P99999999999D"}, headers=ADMIN)) == maximo
    assert erro(client.post(avancar_url, json={"dias": 36_500, "horas": 1}, headers=ADMIN)) == maximo
    # a clock cannot be pushed past the year 9000 in steps either
    congelar(client, company, data="8999-12-01")
    assert erro(client.post(avancar_url, json={"dias": 36_500}, headers=ADMIN)) == (
        "O relógio da empresa deve ficar entre os anos 1900 e 9000"
    )

    assert relogio(client, company)["agora"] == "8999-12-01T00:00:00"


def test_the_door_is_the_admin_key_and_the_company_must_exist(client: TestClient) -> None:
    company = create_company(client)
    url = f"/_anil/companies/{company.id}/relogio"
    assert client.get(url).status_code == 401
    assert (
        client.put(url, json={"data": "2026-12-15"}, headers={"X-Anil-Admin-Key": "wrong"}).status_code == 401
    )
    assert client.delete(url, headers=company.auth).status_code == 401

    unknown = "00000000-0000-4000-8000-000000000000"
    for method, path, body in (
        ("GET", "", None),
        ("PUT", "", {"data": "2026-12-15"}),
        ("POST", "/avancar", {"dias": 1}),
        ("DELETE", "", None),
    ):
        response = client.request(
            method, f"/_anil/companies/{unknown}/relogio{path}", json=body, headers=ADMIN
        )
        assert erro(response, 404) == f"Empresa {unknown} não encontrada"


# ---------------------------------------------------------------------------------- what reads it ----


def _pessoa(client: TestClient, company: Company, pessoa_id: str) -> dict:
    response = client.get(f"/v1/pessoas/{pessoa_id}", headers=company.auth)
    assert response.status_code == 200, response.text
    body = response.json()
    return {
        "atrasos_recebimentos": body["atrasos_recebimentos"],
        "recebimentos_mes_atual": body["recebimentos_mes_atual"],
        "atrasos_pagamentos": body["atrasos_pagamentos"],
        "pagamentos_mes_atual": body["pagamentos_mes_atual"],
        "abertos": body["mensagem_pagamentos_abertos"],
    }


def _com_eventos(client: TestClient, company: Company) -> tuple[dict, str, str]:
    """A person with a receivable of 300 due 2026-03-20 and a payable of 80 due 2026-03-25."""
    fx = fixtures_financeiras(client, company)
    receber = criar_evento(
        client,
        company,
        RECEITA,
        receber_body(
            fx["conta"], fx["contato"], fx["categoria_receita"], "300.00", [("2026-03-20", "300.00")]
        ),
    )
    pagar = criar_evento(
        client,
        company,
        DESPESA,
        pagar_body(fx["conta"], fx["contato"], fx["categoria_despesa"], "80.00", [("2026-03-25", "80.00")]),
    )
    return fx, receber, pagar


def test_the_company_clock_makes_installments_overdue_in_the_person_summary(client: TestClient) -> None:
    company, other = create_company(client), create_company(client, "Outra Ltda")
    fx, _, _ = _com_eventos(client, company)
    fx_other, _, _ = _com_eventos(client, other)
    em_dia = {
        "atrasos_recebimentos": 0,
        "recebimentos_mes_atual": 300,
        "atrasos_pagamentos": 0,
        "pagamentos_mes_atual": 80,
        "abertos": {"numero": 1, "total": 300},
    }
    assert _pessoa(client, company, fx["contato"]) == em_dia

    congelar(client, company, data="2026-03-21")  # the receivable is one day late
    assert _pessoa(client, company, fx["contato"]) == {**em_dia, "atrasos_recebimentos": 300}
    avancar(client, company, dias=5)  # 2026-03-26: both late
    assert _pessoa(client, company, fx["contato"]) == {
        **em_dia,
        "atrasos_recebimentos": 300,
        "atrasos_pagamentos": 80,
    }
    congelar(client, company, instante="2026-04-01T00:00:00")  # next month: late, not this month's
    late = {**em_dia, "atrasos_recebimentos": 300, "atrasos_pagamentos": 80}
    assert _pessoa(client, company, fx["contato"]) == {
        **late,
        "recebimentos_mes_atual": 0,
        "pagamentos_mes_atual": 0,
    }
    # 2026-03-31T23:59 in São Paulo is still March (02:59 UTC on April 1st)
    congelar(client, company, instante="2026-04-01T02:59:00Z")
    assert _pessoa(client, company, fx["contato"]) == late

    legacy = client.get(f"/v1/pessoa/{fx['contato']}/resumo", headers=company.auth)
    assert legacy.status_code == 200, legacy.text
    body = legacy.json()
    assert (
        body["atrasos_recebimentos"],
        body["atrasos_pagamentos"],
        body["mensagem_pagamentos_abertos"],
    ) == (
        300,
        80,
        [{"numero": 1, "total": 300}],
    )

    # the other company's clock did not move
    assert _pessoa(client, other, fx_other["contato"]) == em_dia
    assert relogio(client, other)["relogio_do_sistema"] is True

    restaurar(client, company)
    assert _pessoa(client, company, fx["contato"]) == em_dia


def test_token_expiry_reads_the_system_clock_only(client: TestClient, clock: MovableClock) -> None:
    company = create_company(client)
    avancar(client, company, dias=30)  # a month ahead: the one-hour token still works
    assert client.get("/v1/pessoas", headers=company.auth).status_code == 200
    congelar(client, company, data="2020-01-01")  # years back: still valid, not "not yet valid"
    assert client.get("/v1/pessoas", headers=company.auth).status_code == 200

    clock.advance(timedelta(hours=2))  # the system clock expires it, whatever the company clock says
    assert client.get("/v1/pessoas", headers=company.auth).status_code == 401


def test_saldo_atual_counts_movements_up_to_the_company_today(client: TestClient) -> None:
    company, other = create_company(client), create_company(client, "Outra Ltda")
    origem = create_account(
        client, company, "Origem", saldo_inicial="1000.00", data_saldo_inicial="2026-01-01"
    )
    destino = create_account(client, company, "Destino")
    create_transfer(client, company, origem["id"], destino["id"], "250.00", data="2026-06-10")
    assert (saldo(client, company, origem["id"]), saldo(client, company, destino["id"])) == (1000, 0)

    congelar(client, company, data="2026-06-10")
    assert (saldo(client, company, origem["id"]), saldo(client, company, destino["id"])) == (750, 250)
    listed = client.get(f"/_anil/companies/{company.id}/contas-financeiras", headers=ADMIN).json()
    assert {a["nome"]: a["saldo_atual"] for a in listed}["Destino"] == 250
    # an account created now starts on the company's today
    assert create_account(client, company, "Nova")["data_saldo_inicial"] == "2026-06-10"
    assert create_account(client, other, "Nova")["data_saldo_inicial"] == "2026-03-15"

    restaurar(client, company)
    assert saldo(client, company, destino["id"]) == 0


def _status(client: TestClient, company: Company, evento_id: str) -> list[str]:
    response = client.get(f"/v1/financeiro/eventos-financeiros/{evento_id}/parcelas", headers=company.auth)
    assert response.status_code == 200, response.text
    statuses = []
    for item in response.json():
        detail = client.get(f"{PARCELAS}/{item['id']}", headers=company.auth)
        assert detail.status_code == 200, detail.text
        assert detail.json()["status"] == item["status"]
        statuses.append(detail.json()["status"])
    return statuses


def test_installments_fall_overdue_on_their_company_clock_only(client: TestClient) -> None:
    company, other = create_company(client), create_company(client, "Outra Ltda")
    _, receber, pagar = _com_eventos(client, company)  # due 2026-03-20 and 2026-03-25
    _, receber_other, _ = _com_eventos(client, other)
    assert _status(client, company, receber) == ["PENDENTE"]

    congelar(client, company, instante="2026-03-20T23:59:59")  # due today: still open
    assert _status(client, company, receber) == ["PENDENTE"]
    avancar(client, company, segundos=1)  # midnight in São Paulo
    assert (_status(client, company, receber), _status(client, company, pagar)) == (
        ["ATRASADO"],
        ["PENDENTE"],
    )
    avancar(client, company, duracao="P5D")
    assert _status(client, company, pagar) == ["ATRASADO"]

    # a running clock moved forward does it too
    restaurar(client, company)
    assert _status(client, company, receber) == ["PENDENTE"]
    avancar(client, company, dias=6)  # 2026-03-21 12:00 in São Paulo
    assert _status(client, company, receber) == ["ATRASADO"]

    # the other company is on the system clock
    assert _status(client, other, receber_other) == ["PENDENTE"]
