"""Concurrent writers on PostgreSQL (issue 4 acceptance): a real uvicorn server on the test schema, two
threads with their own HTTP connections released together by a barrier, so both requests are in the server
at once, each on its own database connection.

Two PATCHes with the same `versao` on one installment, or on one baixa: exactly one 200 and one 409, the
winner's values stored, the version up by one, nothing lost. Two settlements that each fit what is open
but not together: exactly one lands.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
import uvicorn

from anil.api.app import create_app
from anil.config import Settings
from anil.storage.engine import Database
from tests.api.baixas_builders import BASE, baixa, parcela, parcelas, saldo
from tests.api.baixas_builders import evento as criar
from tests.api.contas_builders import create_account
from tests.api.financeiro_builders import fixtures_financeiras
from tests.conftest import ADMIN_KEY, database_for, empty_tables
from tests.helpers import Company, create_company

RODADAS = 6


@pytest.fixture
def pg(database_urls: dict[str, str]) -> Iterator[Database]:
    database = database_for("postgresql", database_urls)
    empty_tables(database)
    yield database
    empty_tables(database)


def _porta_livre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def servidor(pg: Database, tmp_path: Path) -> Iterator[str]:
    settings = Settings(data_dir=tmp_path, database_url=pg.url, rate_limit="off", sandbox="on", quirks="on")
    app = create_app(settings, db=pg, admin_key=ADMIN_KEY)
    porta = _porta_livre()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=porta, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    limite = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < limite, "the test server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{porta}"
    server.should_exit = True
    thread.join(timeout=20)


@pytest.fixture
def http(servidor: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=servidor, timeout=30) as client:
        yield client


def juntos(servidor: str, *pedidos: Callable[[httpx.Client], httpx.Response]) -> list[httpx.Response]:
    """Run each request on its own thread and connection, all released at once."""
    barreira = threading.Barrier(len(pedidos))
    respostas: list[httpx.Response | BaseException | None] = [None] * len(pedidos)

    def rodar(indice: int) -> None:
        with httpx.Client(base_url=servidor, timeout=30) as client:
            client.get("/.well-known/openid-configuration")  # the connection is open before the barrier
            barreira.wait()
            try:
                respostas[indice] = pedidos[indice](client)
            except BaseException as exc:
                respostas[indice] = exc

    threads = [threading.Thread(target=rodar, args=(i,)) for i in range(len(pedidos))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for resposta in respostas:
        assert isinstance(resposta, httpx.Response), resposta
    return respostas  # type: ignore[return-value]


def _patch(url: str, body: dict, company: Company) -> Callable[[httpx.Client], httpx.Response]:
    return lambda c: c.patch(url, json=body, headers=company.auth)


def _post(url: str, body: dict, company: Company) -> Callable[[httpx.Client], httpx.Response]:
    return lambda c: c.post(url, json=body, headers=company.auth)


@pytest.fixture
def cenario(http: httpx.Client) -> tuple[Company, dict]:
    company = create_company(http)  # type: ignore[arg-type]
    f = fixtures_financeiras(http, company)  # type: ignore[arg-type]
    f["conta"] = create_account(http, company, "Conta Concorrida", saldo_inicial="1000.00")["id"]  # type: ignore[arg-type]
    return company, f


def test_two_patches_of_one_installment_with_one_version(
    servidor: str, http: httpx.Client, cenario: tuple[Company, dict]
) -> None:
    company, f = cenario
    (item,) = parcelas(http, company, criar(http, company, f, parcelas=[("2030-01-10", "100.00")]))
    for rodada in range(RODADAS):
        atual = parcela(http, company, item["id"])
        versao = atual["versao"]

        url = f"{BASE}/parcelas/{item['id']}"
        respostas = juntos(
            servidor,
            *(
                _patch(
                    url, {"versao": versao, "composicao_valor": {"valor_bruto": 100}, "nota": nota}, company
                )
                for nota in (f"a{rodada}", f"b{rodada}")
            ),
        )
        assert sorted(r.status_code for r in respostas) == [200, 409], [r.text for r in respostas]
        vencedora = next(r for r in respostas if r.status_code == 200).json()
        perdedora = next(r for r in respostas if r.status_code == 409).json()
        assert perdedora["code"] == 409 and "desatualizada" in perdedora["message"]
        depois = parcela(http, company, item["id"])
        assert depois["versao"] == versao + 1 == vencedora["versao"]
        assert depois["nota"] == vencedora["nota"]


def test_two_patches_of_one_baixa_with_one_version(
    servidor: str, http: httpx.Client, cenario: tuple[Company, dict]
) -> None:
    company, f = cenario
    (item,) = parcelas(http, company, criar(http, company, f, parcelas=[("2030-01-10", "100.00")]))
    body = {
        "data_pagamento": "2026-01-05",
        "composicao_valor": {"valor_bruto": 10},
        "conta_financeira": f["conta"],
    }
    criada = http.post(f"{BASE}/parcelas/{item['id']}/baixa", json=body, headers=company.auth)
    assert criada.status_code == 200, criada.text
    baixa_id = criada.json()["id"]
    for rodada in range(RODADAS):
        versao = baixa(http, company, baixa_id)["versao"]

        url = f"{BASE}/parcelas/baixa/{baixa_id}"
        respostas = juntos(
            servidor,
            *(
                _patch(url, {"versao": versao, "composicao_valor": {"valor_bruto": valor}}, company)
                for valor in (20 + rodada, 50 + rodada)
            ),
        )
        assert sorted(r.status_code for r in respostas) == [200, 409], [r.text for r in respostas]
        vencedora = next(r for r in respostas if r.status_code == 200).json()
        valor = Decimal(str(vencedora["composicao_valor"]["valor_bruto"]))
        lida = baixa(http, company, baixa_id)
        assert lida["versao"] == versao + 1 == vencedora["versao"]
        assert Decimal(str(lida["valor_composicao"]["valor_bruto"])) == valor
        depois = parcela(http, company, item["id"])
        assert Decimal(str(depois["valor_pago"])) == valor and Decimal(str(depois["nao_pago"])) == 100 - valor
        assert saldo(http, company, f["conta"]) == Decimal("1000.00") + valor


def test_two_settlements_that_only_fit_one_at_a_time(
    servidor: str, http: httpx.Client, cenario: tuple[Company, dict]
) -> None:
    company, f = cenario
    for _ in range(RODADAS):
        (item,) = parcelas(http, company, criar(http, company, f, parcelas=[("2030-01-10", "100.00")]))
        body = {
            "data_pagamento": "2026-01-05",
            "composicao_valor": {"valor_bruto": 60},
            "conta_financeira": f["conta"],
        }

        post = _post(f"{BASE}/parcelas/{item['id']}/baixa", body, company)
        respostas = juntos(servidor, post, post)
        assert sorted(r.status_code for r in respostas) == [200, 400], [r.text for r in respostas]
        depois = parcela(http, company, item["id"])
        assert (depois["valor_pago"], depois["nao_pago"], len(depois["baixas"])) == (60, 40, 1)
    assert saldo(http, company, f["conta"]) == Decimal("1000.00") + 60 * RODADAS
