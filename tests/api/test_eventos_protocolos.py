"""Protocols (catalog §2.10, §3.13): `GET /v1/protocolo/{id}`, tenant isolation, the ERROR path, the
PENDING modes (immediate, N seconds, manual; per server and per company) and their sandbox control,
the seed 002 creation examples, and the provider files' shapes of the 202 and of the protocol."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.clock import MovableClock
from anil.services.worker import Worker
from anil.storage.engine import Database
from anil.storage.models import EventoFinanceiro, Parcela
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    aguardar,
    enviar,
    fixtures_financeiras,
    pagar_body,
    protocolo,
    receber_body,
)
from tests.conftest import ADMIN_KEY
from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, Company, create_company

UNKNOWN = "0f6a7d2c-3b1e-4c8a-9d2f-5e6a7b8c9d01"
PENDENTE = "O evento financeiro está sendo processado."
NULL_EVENTO = {"evento_financeiro_id": "null until the worker created the event (no field is nullable there)"}


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


@pytest.fixture
def fx(client: TestClient, company: Company) -> dict:
    return fixtures_financeiras(client, company)


@contextmanager
def servidor(db: Database, clock: MovableClock, tmp_path: Path, **overrides: object) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path, database_url=db.url, rate_limit="off", sandbox="on", quirks="on", **overrides
    )
    with TestClient(create_app(settings, db=db, clock=clock, admin_key=ADMIN_KEY)) as test_client:
        yield test_client


def _eventos(db: Database, tenant_id: str) -> int:
    with db.read() as s:
        return s.execute(
            select(func.count()).select_from(EventoFinanceiro).where(EventoFinanceiro.tenant_id == tenant_id)
        ).scalar_one()


def _continua_pendente(client: TestClient, company: Company, protocolo_id: str) -> None:
    time.sleep(0.35)  # more than three polls of the worker
    assert protocolo(client, company, protocolo_id) == {
        "id": protocolo_id,
        "resposta": PENDENTE,
        "status": "PENDING",
        "evento_financeiro_id": None,
    }


def _modo(client: TestClient, company: Company, modo: object) -> dict:
    response = client.put(
        f"/_anil/companies/{company.id}/protocolos/modo", json={"modo": modo}, headers=ADMIN
    )
    assert response.status_code == 200, response.text
    return response.json()


# ------------------------------------------------------------------------------------------- read ----


def test_protocol_ids_are_checked_and_scoped_to_the_company(
    client: TestClient, company: Company, fx: dict
) -> None:
    aceito = enviar(
        client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    )
    protocolo_id = aceito.json()["protocolo"]
    assert aguardar(client, company, protocolo_id)["status"] == "SUCCESS"
    assert client.get(f"/v1/protocolo/{protocolo_id.upper()}", headers=company.auth).status_code == 200

    outra = create_company(client, "Outra Empresa Ltda")
    response = client.get(f"/v1/protocolo/{protocolo_id}", headers=outra.auth)
    assert response.status_code == 404
    assert response.json() == {"code": 404, "message": "Protocolo não encontrado"}

    response = client.get(f"/v1/protocolo/{UNKNOWN}", headers=company.auth)
    assert response.status_code == 404
    response = client.get("/v1/protocolo/abc", headers=company.auth)
    assert response.status_code == 400
    assert response.json() == {
        "code": 400,
        "message": "O valor 'abc' fornecido no parâmetro 'id' não é um identificador (uuid) válido.",
    }
    assert client.get(f"/v1/protocolo/{protocolo_id}").status_code == 401


def test_the_202_and_the_protocol_match_the_provider_files(
    client: TestClient, company: Company, fx: dict
) -> None:
    _modo(client, company, "manual")
    for tipo, body, path in (
        (RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"]), "contas-a-receber"),
        (DESPESA, pagar_body(fx["conta"], fx["contato"], fx["categoria_despesa"]), "contas-a-pagar"),
    ):
        response = enviar(client, company, tipo, body)
        assert response.status_code == 202
        aceito = response.json()
        assert set(aceito) == {"protocolo", "protocolId", "status", "data_criacao", "createdAt"}
        assert_conforms("financial", "POST", f"/v1/financeiro/eventos-financeiros/{path}", 202, aceito)
        pendente = protocolo(client, company, aceito["protocolo"])
        assert_conforms("protocol", "GET", "/v1/protocolo/{id}", 200, pendente, NULL_EVENTO)
        liberar = client.post(
            f"/_anil/companies/{company.id}/protocolos/{aceito['protocolo']}/liberar", headers=ADMIN
        )
        assert liberar.json() == {"liberados": 1}
        final = aguardar(client, company, aceito["protocolo"])
        assert final["status"] == "SUCCESS"
        assert_conforms("protocol", "GET", "/v1/protocolo/{id}", 200, final)


def test_data_criacao_is_the_servers_instant_in_utc(
    client: TestClient, company: Company, fx: dict, clock: MovableClock
) -> None:
    from datetime import UTC, datetime

    clock.freeze(datetime(2026, 3, 10, 15, 30, 0, 250000, tzinfo=UTC))
    aceito = enviar(
        client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    )
    assert aceito.json()["data_criacao"] == "2026-03-10T15:30:00Z"
    assert aceito.json()["createdAt"] == "2026-03-10T15:30:00Z"


# ------------------------------------------------------------------------------------------ ERROR ----


def test_a_contact_deleted_before_the_worker_runs_ends_in_error(
    client: TestClient, company: Company, fx: dict, db: Database
) -> None:
    _modo(client, company, "manual")
    aceito = enviar(
        client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    )
    assert aceito.status_code == 202
    protocolo_id = aceito.json()["protocolo"]
    excluir = client.post("/v1/pessoas/excluir", json={"uuids": [fx["contato"]]}, headers=company.auth)
    assert excluir.status_code == 204, excluir.text
    assert client.post(f"/_anil/companies/{company.id}/protocolos/liberar", headers=ADMIN).json() == {
        "liberados": 1
    }
    final = aguardar(client, company, protocolo_id)
    assert final == {
        "id": protocolo_id,
        "resposta": f"O contato '{fx['contato']}' não foi encontrado",
        "status": "ERROR",
        "evento_financeiro_id": None,
    }
    assert_conforms("protocol", "GET", "/v1/protocolo/{id}", 200, final, NULL_EVENTO)
    assert _eventos(db, company.id) == 0


# -------------------------------------------------------------------------------------- PENDING modes ----


def test_manual_mode_per_company_holds_until_released(
    client: TestClient, company: Company, fx: dict, db: Database
) -> None:
    assert _modo(client, company, "manual") == {
        "modo": "manual",
        "origem": "empresa",
        "servidor": "immediate",
    }
    ids = [
        enviar(
            client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
        ).json()["protocolo"]
        for _ in range(3)
    ]
    _continua_pendente(client, company, ids[0])
    lista = client.get(f"/_anil/companies/{company.id}/protocolos", headers=ADMIN).json()
    assert lista["modo"] == "manual"
    assert [p["protocolo"] for p in lista["pendentes"]] == ids
    assert all(p["aguardando_liberacao"] and p["disponivel_em"] is None for p in lista["pendentes"])

    one = client.post(f"/_anil/companies/{company.id}/protocolos/{ids[1]}/liberar", headers=ADMIN)
    assert one.json() == {"liberados": 1}
    assert aguardar(client, company, ids[1])["status"] == "SUCCESS"
    assert protocolo(client, company, ids[0])["status"] == "PENDING"
    again = client.post(f"/_anil/companies/{company.id}/protocolos/{ids[1]}/liberar", headers=ADMIN)
    assert again.status_code == 409
    assert again.json()["error"] == "O protocolo já foi processado (SUCCESS)"

    todos = client.post(f"/_anil/companies/{company.id}/protocolos/liberar", headers=ADMIN)
    assert todos.json() == {"liberados": 2}
    for protocolo_id in ids:
        assert aguardar(client, company, protocolo_id)["status"] == "SUCCESS"
    assert client.get(f"/_anil/companies/{company.id}/protocolos", headers=ADMIN).json()["pendentes"] == []
    assert _eventos(db, company.id) == 3


def test_the_mode_of_one_company_leaves_the_others_alone(
    client: TestClient, company: Company, fx: dict
) -> None:
    outra = create_company(client, "Outra Empresa Ltda")
    fx_outra = fixtures_financeiras(client, outra)
    _modo(client, company, "manual")
    corpo = receber_body(fx_outra["conta"], fx_outra["contato"], fx_outra["categoria_receita"])
    aceito = enviar(client, outra, RECEITA, corpo).json()
    assert aguardar(client, outra, aceito["protocolo"])["status"] == "SUCCESS"
    # releasing another company's protocol: unknown there
    held = enviar(
        client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    ).json()
    response = client.post(
        f"/_anil/companies/{outra.id}/protocolos/{held['protocolo']}/liberar", headers=ADMIN
    )
    assert response.status_code == 404
    assert client.post(f"/_anil/companies/{outra.id}/protocolos/liberar", headers=ADMIN).json() == {
        "liberados": 0
    }
    assert protocolo(client, company, held["protocolo"])["status"] == "PENDING"


def test_seconds_mode_waits_for_the_clock(
    client: TestClient, company: Company, fx: dict, clock: MovableClock
) -> None:
    assert _modo(client, company, 30)["modo"] == "30"
    aceito = enviar(
        client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    )
    protocolo_id = aceito.json()["protocolo"]
    _continua_pendente(client, company, protocolo_id)
    (pendente,) = client.get(f"/_anil/companies/{company.id}/protocolos", headers=ADMIN).json()["pendentes"]
    assert pendente["aguardando_liberacao"] is False and pendente["disponivel_em"] is not None
    clock.advance(timedelta(seconds=29))
    _continua_pendente(client, company, protocolo_id)
    clock.advance(timedelta(seconds=2))
    assert aguardar(client, company, protocolo_id)["status"] == "SUCCESS"


def test_a_delayed_protocol_may_be_released_early(client: TestClient, company: Company, fx: dict) -> None:
    _modo(client, company, "3600")
    aceito = enviar(client, company, DESPESA, pagar_body(fx["conta"], fx["contato"], fx["categoria_despesa"]))
    protocolo_id = aceito.json()["protocolo"]
    liberar = client.post(f"/_anil/companies/{company.id}/protocolos/{protocolo_id}/liberar", headers=ADMIN)
    assert liberar.json() == {"liberados": 1}
    assert aguardar(client, company, protocolo_id)["status"] == "SUCCESS"


def test_the_company_mode_can_go_back_to_the_servers(client: TestClient, company: Company, fx: dict) -> None:
    _modo(client, company, "manual")
    assert _modo(client, company, None) == {
        "modo": "immediate",
        "origem": "servidor",
        "servidor": "immediate",
    }
    assert (
        client.get(f"/_anil/companies/{company.id}/protocolos/modo", headers=ADMIN).json()["origem"]
        == "servidor"
    )
    assert _modo(client, company, 0)["modo"] == "immediate"
    aceito = enviar(
        client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
    )
    assert aguardar(client, company, aceito.json()["protocolo"])["status"] == "SUCCESS"


@pytest.mark.parametrize("modo", ["agora", -1, 1.5, 86401, True, "10s"])
def test_bad_modes_and_unknown_companies(client: TestClient, company: Company, modo: object) -> None:
    response = client.put(
        f"/_anil/companies/{company.id}/protocolos/modo", json={"modo": modo}, headers=ADMIN
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"].startswith("O modo deve ser")
    assert client.get(f"/_anil/companies/{UNKNOWN}/protocolos", headers=ADMIN).status_code == 404
    assert (
        client.put(
            f"/_anil/companies/{UNKNOWN}/protocolos/modo", json={"modo": "manual"}, headers=ADMIN
        ).status_code
        == 404
    )
    assert (
        client.post(f"/_anil/companies/{company.id}/protocolos/abc/liberar", headers=ADMIN).status_code == 400
    )
    assert (
        client.post(f"/_anil/companies/{company.id}/protocolos/{UNKNOWN}/liberar", headers=ADMIN).status_code
        == 404
    )
    assert client.get(f"/_anil/companies/{company.id}/protocolos").status_code == 401


def test_server_setting_manual_and_a_company_override(
    db: Database, clock: MovableClock, tmp_path: Path
) -> None:
    with servidor(db, clock, tmp_path, protocol_delay="manual") as client:
        company = create_company(client)
        fx = fixtures_financeiras(client, company)
        held = enviar(
            client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
        )
        modo = client.get(f"/_anil/companies/{company.id}/protocolos/modo", headers=ADMIN).json()
        assert modo == {"modo": "manual", "origem": "servidor", "servidor": "manual"}
        _continua_pendente(client, company, held.json()["protocolo"])
        _modo(client, company, "immediate")
        now = enviar(
            client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
        )
        assert aguardar(client, company, now.json()["protocolo"])["status"] == "SUCCESS"
        assert protocolo(client, company, held.json()["protocolo"])["status"] == "PENDING"


def test_server_setting_seconds(db: Database, clock: MovableClock, tmp_path: Path) -> None:
    with servidor(db, clock, tmp_path, protocol_delay="5") as client:
        company = create_company(client)
        fx = fixtures_financeiras(client, company)
        aceito = enviar(
            client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])
        )
        _continua_pendente(client, company, aceito.json()["protocolo"])
        clock.advance(timedelta(seconds=6))
        assert aguardar(client, company, aceito.json()["protocolo"])["status"] == "SUCCESS"


def test_with_the_worker_off_another_worker_drains_the_queue(
    db: Database, clock: MovableClock, tmp_path: Path
) -> None:
    with servidor(db, clock, tmp_path, worker="off") as client:
        assert client.app.state.worker is None
        company = create_company(client)
        fx = fixtures_financeiras(client, company)
        ids = [
            enviar(client, company, tipo, body).json()["protocolo"]
            for tipo, body in (
                (RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])),
                (DESPESA, pagar_body(fx["conta"], fx["contato"], fx["categoria_despesa"])),
            )
        ]
        _continua_pendente(client, company, ids[0])
        outro = Worker(db, clock)
        outro.drenar()
        assert outro.executados == 2
        assert [protocolo(client, company, i)["status"] for i in ids] == ["SUCCESS", "SUCCESS"]


# --------------------------------------------------------------------------------------- seed 002 ----


def _seed_body(fx: dict, categoria: str, valor: float) -> dict:
    """The seed's curl body, placeholders replaced by the fixtures' ids (amounts as given)."""
    return {
        "data_competencia": "2024-07-15",
        "valor": valor,
        "observacao": "Observação do evento financeiro",
        "descricao": "Descriação do evento financeiro",
        "contato": fx["contato"],
        "conta_financeira": fx["conta"],
        "rateio": [
            {
                "id_categoria": categoria,
                "valor": valor,
                "rateio_centro_custo": [{"id_centro_custo": fx["centro"], "valor": valor}],
            }
        ],
        "condicao_pagamento": {
            "parcelas": [
                {
                    "descricao": "Descrição da parcela",
                    "data_vencimento": "2024-07-15",
                    "nota": "Nota adicional sobre a parcela",
                    "conta_financeira": fx["conta"],
                    "detalhe_valor": {
                        "multa": 100.25,
                        "juros": 1.5,
                        "valor_bruto": 275.99,
                        "valor_liquido": 250.33,
                        "desconto": 2.1,
                        "taxa": 4.4,
                    },
                }
            ]
        },
    }


@pytest.mark.parametrize(("tipo", "chave"), [(RECEITA, "categoria_receita"), (DESPESA, "categoria_despesa")])
def test_seed_002_creation_examples(
    client: TestClient, company: Company, fx: dict, db: Database, tipo: str, chave: str
) -> None:
    as_written = enviar(client, company, tipo, _seed_body(fx, fx[chave], 100))
    assert as_written.status_code == 400
    assert as_written.json() == {
        "code": 400,
        "message": "A soma dos valores brutos das parcelas (R$ 275,99) difere do valor do evento (R$ 100,00): "
        "as parcelas devem somar o valor do evento",
    }
    consistent = enviar(client, company, tipo, _seed_body(fx, fx[chave], 275.99))
    assert consistent.status_code == 202, consistent.text
    final = aguardar(client, company, consistent.json()["protocolo"])
    assert final["status"] == "SUCCESS"
    with db.read() as s:
        (parcela,) = s.execute(
            select(Parcela).where(Parcela.evento_id == final["evento_financeiro_id"])
        ).scalars()
        assert [
            str(v)
            for v in (parcela.valor_bruto, parcela.multa, parcela.juros, parcela.desconto, parcela.taxa)
        ] == [
            "275.99",
            "100.25",
            "1.50",
            "2.10",
            "4.40",
        ]
        assert (parcela.nao_pago, parcela.tipo) == (parcela.valor_bruto, tipo)
