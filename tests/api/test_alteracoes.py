"""`GET /v1/financeiro/eventos-financeiros/alteracoes` (catalog §3.10, §2.6): which events were touched in a
São Paulo window. Entries come from real writes (create, parcela PATCH, baixa POST/PATCH/DELETE), stamped
by the company clock, which the tests freeze through `/_anil/` to place each write. Both engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete

from anil.api.choices import ALTERACOES_JANELA_MESSAGE, CONTA_PERIODO_MESSAGE, PAGE_SIZE_MESSAGE
from anil.domain.clock import MovableClock
from anil.storage.engine import Database
from anil.storage.models import EventoFinanceiro
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    criar_evento,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, Company, create_company

NOW = datetime(2026, 3, 15, 15, 0, tzinfo=UTC)  # 12:00 in São Paulo
BASE = "/v1/financeiro/eventos-financeiros"
URL = f"{BASE}/alteracoes"
FORMATO = "O valor do atributo '{}' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"


@pytest.fixture(autouse=True)
def _frozen(clock: MovableClock) -> None:
    clock.freeze(NOW)


def em(client: TestClient, company: Company, instante: str) -> None:
    """From now on the company's writes happen at `instante` (São Paulo time)."""
    response = client.put(
        f"/_anil/companies/{company.id}/relogio", json={"instante": instante}, headers=ADMIN
    )
    assert response.status_code == 200, response.text


def feed(client: TestClient, company: Company, inicio: str, fim: str, **params: object) -> dict:
    response = client.get(
        URL, params={"data_inicio": inicio, "data_fim": fim, **params}, headers=company.auth
    )
    assert response.status_code == 200, response.text
    return response.json()


def ids(client: TestClient, company: Company, inicio: str, fim: str, **params: object) -> list[str]:
    return [item["id"] for item in feed(client, company, inicio, fim, **params)["itens"]]


def do_dia(client: TestClient, company: Company, dia: str) -> list[str]:
    return ids(client, company, f"{dia}T00:00:00", f"{dia}T23:59:59")


def bad(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 400, response.text
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == 400
    return body["message"]


def receber(
    client: TestClient, company: Company, fx: dict, valor: str = "100.00", vencimento: str = "2026-06-10"
) -> str:
    body = receber_body(fx["conta"], fx["contato"], fx["categoria_receita"], valor, [(vencimento, valor)])
    return criar_evento(client, company, RECEITA, body)


def unica_parcela(client: TestClient, company: Company, evento_id: str) -> dict:
    response = client.get(f"{BASE}/{evento_id}/parcelas", headers=company.auth)
    assert response.status_code == 200, response.text
    (parcela,) = response.json()
    return parcela


# ---------------------------------------------------------------------------------------- the query ----


def test_the_window_is_required_local_and_bounded(client: TestClient) -> None:
    company = create_company(client)
    get = lambda **params: client.get(URL, params=params, headers=company.auth)  # noqa: E731

    assert bad(get(data_fim="2026-03-15T23:59:59")) == "O parâmetro 'data_inicio' é obrigatório"
    assert bad(get(data_inicio="2026-03-15T00:00:00")) == "O parâmetro 'data_fim' é obrigatório"
    for valor in ("2026-03-15T00:00:00Z", "2026-03-15T00:00:00-03:00", "2026-03-15", "15/03/2026", "hoje"):
        assert bad(get(data_inicio=valor, data_fim="2026-03-15T23:59:59")) == FORMATO.format("data_inicio")
        assert bad(get(data_inicio="2026-03-14T00:00:00", data_fim=valor)) == FORMATO.format("data_fim")
    assert (
        bad(get(data_inicio="2026-03-16T00:00:00", data_fim="2026-03-15T23:59:59")) == CONTA_PERIODO_MESSAGE
    )
    assert (
        bad(get(data_inicio="2026-01-01T00:00:00", data_fim="2027-01-01T00:00:01"))
        == ALTERACOES_JANELA_MESSAGE
    )
    assert bad(get(data_inicio="2026-03-15T00:00:00", data_fim="2026-03-15T23:59:59", tamanho_pagina=15)) == (
        PAGE_SIZE_MESSAGE
    )
    assert bad(get(data_inicio="2026-03-15T00:00:00", data_fim="2026-03-15T23:59:59", pagina=0)).startswith(
        "O valor do atributo 'pagina'"
    )

    # exactly 365 days is accepted; nothing touched yet
    empty = feed(client, company, "2026-01-01T00:00:00", "2027-01-01T00:00:00")
    assert empty == {"itens_totais": 0, "itens": []}
    assert_conforms("financial", "GET", URL, 200, empty)
    assert (
        client.get(
            URL, params={"data_inicio": "2026-03-15T00:00:00", "data_fim": "2026-03-15T23:59:59"}
        ).status_code
        == 401
    )


# -------------------------------------------------------------------------------- what writes entries ----


def test_every_write_to_an_event_appends_it(client: TestClient, db: Database) -> None:
    company = create_company(client)
    fx = fixtures_financeiras(client, company)

    em(client, company, "2026-05-10T10:00:00")
    evento = receber(client, company, fx)
    assert do_dia(client, company, "2026-05-10") == [evento]
    parcela = unica_parcela(client, company, evento)

    em(client, company, "2026-05-11T10:00:00")  # a real change
    changed = client.patch(
        f"{BASE}/parcelas/{parcela['id']}",
        json={
            "versao": parcela["versao"],
            "composicao_valor": {"valor_bruto": 100},
            "descricao": "Nova descrição",
        },
        headers=company.auth,
    )
    assert changed.status_code == 200, changed.text
    assert do_dia(client, company, "2026-05-11") == [evento]

    em(client, company, "2026-05-12T10:00:00")  # a save without any change is an entry too
    parcela = unica_parcela(client, company, evento)
    same = client.patch(
        f"{BASE}/parcelas/{parcela['id']}",
        json={"versao": parcela["versao"], "composicao_valor": {"valor_bruto": 100}},
        headers=company.auth,
    )
    assert same.status_code == 200, same.text
    assert do_dia(client, company, "2026-05-12") == [evento]

    em(client, company, "2026-05-13T10:00:00")  # settled
    baixa = client.post(
        f"{BASE}/parcelas/{parcela['id']}/baixa",
        json={
            "data_pagamento": "2026-05-13",
            "composicao_valor": {"valor_bruto": 40},
            "conta_financeira": fx["conta"],
        },
        headers=company.auth,
    )
    assert baixa.status_code == 200, baixa.text
    assert do_dia(client, company, "2026-05-13") == [evento]

    em(client, company, "2026-05-14T10:00:00")  # the settlement edited
    edited = client.patch(
        f"{BASE}/parcelas/baixa/{baixa.json()['id']}",
        json={"versao": baixa.json()["versao"], "observacao": "corrigida"},
        headers=company.auth,
    )
    assert edited.status_code == 200, edited.text
    assert do_dia(client, company, "2026-05-14") == [evento]

    em(client, company, "2026-05-15T10:00:00")  # the settlement deleted
    deleted = client.delete(f"{BASE}/parcelas/baixa/{baixa.json()['id']}", headers=company.auth)
    assert deleted.status_code == 200, deleted.text
    assert do_dia(client, company, "2026-05-15") == [evento]

    # nothing on the days in between, and a reading touches nothing
    client.get(f"{BASE}/parcelas/{parcela['id']}", headers=company.auth)
    assert do_dia(client, company, "2026-05-09") == [] and do_dia(client, company, "2026-05-16") == []
    # the whole week: the event once
    assert feed(client, company, "2026-05-01T00:00:00", "2026-05-31T23:59:59") == {
        "itens_totais": 1,
        "itens": [{"id": evento}],
    }

    # a deleted event stays in the feed (its entries have no foreign key to it)
    db.run_write(
        lambda s: s.execute(
            delete(EventoFinanceiro.__table__).where(EventoFinanceiro.__table__.c.id == evento)
        )
    )
    assert do_dia(client, company, "2026-05-10") == [evento]


def test_a_window_is_in_sao_paulo_time_and_its_end_is_inclusive(client: TestClient) -> None:
    company = create_company(client)
    fx = fixtures_financeiras(client, company)
    em(client, company, "2026-05-10T23:30:00")  # 02:30 UTC on the 11th
    evento = receber(client, company, fx)

    assert do_dia(client, company, "2026-05-10") == [evento]
    assert do_dia(client, company, "2026-05-11") == []
    # the end as written: its minute, its second, its instant
    assert ids(client, company, "2026-05-10T23:00:00", "2026-05-10T23:30") == [evento]
    assert ids(client, company, "2026-05-10T23:00:00", "2026-05-10T23:30:00") == [evento]
    assert ids(client, company, "2026-05-10T23:00:00", "2026-05-10T23:30:00.000") == [evento]
    assert ids(client, company, "2026-05-10T23:00:00", "2026-05-10T23:29:59") == []
    assert ids(client, company, "2026-05-10T23:00:00", "2026-05-10T23:29:59.999") == []
    # the start is inclusive
    assert ids(client, company, "2026-05-10T23:30:00", "2026-05-10T23:59:59") == [evento]
    assert ids(client, company, "2026-05-10T23:30:00.001", "2026-05-10T23:59:59") == []


def test_each_event_once_in_first_touch_order_and_paged(client: TestClient) -> None:
    company, other = create_company(client), create_company(client, "Outra Ltda")
    fx, fx_other = fixtures_financeiras(client, company), fixtures_financeiras(client, other)
    criados = []
    for i in range(12):
        em(client, company, f"2026-07-01T10:{i:02d}:00")
        criados.append(receber(client, company, fx, vencimento="2026-08-10"))
    em(client, company, "2026-07-01T11:00:00")
    pagar = pagar_body(
        fx["conta"], fx["contato"], fx["categoria_despesa"], "50.00", [("2026-08-10", "50.00")]
    )
    criados.append(criar_evento(client, company, DESPESA, pagar))  # payables too

    # the first event touched again later keeps its place
    em(client, company, "2026-07-01T12:00:00")
    parcela = unica_parcela(client, company, criados[0])
    again = client.patch(
        f"{BASE}/parcelas/{parcela['id']}",
        json={"versao": parcela["versao"], "composicao_valor": {"valor_bruto": 100}},
        headers=company.auth,
    )
    assert again.status_code == 200, again.text

    # another company's writes in the same window are not listed
    em(client, other, "2026-07-01T10:30:00")
    alheio = receber(client, other, fx_other)

    janela = ("2026-07-01T00:00:00", "2026-07-01T23:59:59")
    first = feed(client, company, *janela)
    assert first["itens_totais"] == 13 and len(first["itens"]) == 10
    second = feed(client, company, *janela, pagina=2)
    assert second["itens_totais"] == 13
    assert [i["id"] for i in first["itens"] + second["itens"]] == criados
    assert feed(client, company, *janela, pagina=3) == {"itens_totais": 13, "itens": []}
    assert ids(client, company, *janela, tamanho_pagina=20) == criados
    assert_conforms("financial", "GET", URL, 200, first)

    # a window of the second touch only lists that event
    assert ids(client, company, "2026-07-01T11:30:00", "2026-07-01T23:59:59") == [criados[0]]

    assert ids(client, other, *janela) == [alheio]
