"""Creating receivables and payables (catalog §3.10, §2.10, §3.13): POST → 202 with a protocol → the
worker creates the event → the protocol reports SUCCESS with the event's id."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from anil.storage.engine import Database
from anil.storage.models import Alteracao, EventoFinanceiro, Parcela, Rateio, RateioCentroCusto
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    aguardar,
    criar_evento,
    enviar,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.helpers import Company, create_company


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


@pytest.fixture
def fx(client: TestClient, company: Company) -> dict:
    return fixtures_financeiras(client, company)


def test_a_receivable_is_created_through_its_protocol(
    client: TestClient, company: Company, fx: dict, db: Database
) -> None:
    body = receber_body(
        fx["conta"],
        fx["contato"],
        fx["categoria_receita"],
        "300.00",
        [("2026-12-10", "100.00"), ("2027-01-10", "100.00"), ("2027-02-10", "100.00")],
    )
    body["rateio"][0]["rateio_centro_custo"] = [{"id_centro_custo": fx["centro"], "valor": 300}]
    response = enviar(client, company, RECEITA, body)
    assert response.status_code == 202, response.text
    aceito = response.json()
    assert aceito["status"] == "PENDING"
    assert aceito["protocolo"] == aceito["protocolId"]
    assert aceito["data_criacao"] == aceito["createdAt"]
    final = aguardar(client, company, aceito["protocolo"])
    assert final == {
        "id": aceito["protocolo"],
        "resposta": "O evento financeiro foi criado no contas a receber da Conta Azul.",
        "status": "SUCCESS",
        "evento_financeiro_id": final["evento_financeiro_id"],
    }
    evento_id = final["evento_financeiro_id"]
    with db.read() as s:
        evento = s.execute(select(EventoFinanceiro).where(EventoFinanceiro.id == evento_id)).scalar_one()
        assert (evento.tenant_id, evento.tipo, str(evento.valor)) == (company.id, "RECEITA", "300.00")
        parcelas = (
            s.execute(select(Parcela).where(Parcela.evento_id == evento_id).order_by(Parcela.indice))
            .scalars()
            .all()
        )
        assert [(p.indice, str(p.valor_bruto), str(p.nao_pago), str(p.valor_pago)) for p in parcelas] == [
            (1, "100.00", "100.00", "0.00"),
            (2, "100.00", "100.00", "0.00"),
            (3, "100.00", "100.00", "0.00"),
        ]
        assert {p.tipo for p in parcelas} == {"RECEITA"}
        assert {p.contato_id for p in parcelas} == {fx["contato"]}
        (rateio,) = s.execute(select(Rateio).where(Rateio.evento_id == evento_id)).scalars().all()
        assert rateio.categoria_id == fx["categoria_receita"]
        (centro,) = (
            s.execute(select(RateioCentroCusto).where(RateioCentroCusto.evento_id == evento_id))
            .scalars()
            .all()
        )
        assert (centro.centro_custo_id, centro.rateio_seq) == (fx["centro"], rateio.seq)
        assert s.execute(
            select(Alteracao.evento_id).where(Alteracao.tenant_id == company.id)
        ).scalars().all() == [evento_id]


def test_a_payable_is_created_through_its_protocol(client: TestClient, company: Company, fx: dict) -> None:
    body = pagar_body(fx["conta"], fx["contato"], fx["categoria_despesa"], "59.90")
    response = enviar(client, company, DESPESA, body)
    assert response.status_code == 202, response.text
    final = aguardar(client, company, response.json()["protocolo"])
    assert final["status"] == "SUCCESS"
    assert final["resposta"] == "O evento financeiro foi criado no contas a pagar da Conta Azul."


def test_criar_evento_builder(client: TestClient, company: Company, fx: dict) -> None:
    evento_id = criar_evento(
        client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    )
    assert uuid.UUID(evento_id)
