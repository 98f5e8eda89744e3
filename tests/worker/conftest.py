"""The worker tests drive the queue themselves: the apps they build have no in-process worker."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from anil.config import Settings
from anil.domain.eventos import EventoValido, ParcelaValida, RateioValido
from anil.domain.financeiro import TipoEvento
from anil.services import eventos
from anil.storage.engine import Database
from anil.storage.types import new_uuid
from tests.api.financeiro_builders import fixtures_financeiras
from tests.helpers import Company, create_company


@pytest.fixture
def settings(tmp_path: Path, db: Database) -> Settings:
    return Settings(
        data_dir=tmp_path, database_url=db.url, rate_limit="off", sandbox="on", quirks="on", worker="off"
    )


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


@pytest.fixture
def fx(client: TestClient, company: Company) -> dict:
    return fixtures_financeiras(client, company)


def evento(fx: dict, valor: str = "10.00") -> EventoValido:
    return EventoValido(
        tipo=TipoEvento.RECEITA,
        data_competencia=date(2026, 12, 1),
        valor=Decimal(valor),
        observacao="",
        descricao="Evento da fila",
        contato_id=fx["contato"],
        conta_financeira_id=fx["conta"],
        rateio=(RateioValido(fx["categoria_receita"], Decimal(valor)),),
        parcelas=(ParcelaValida("Parcela 1/1", date(2026, 12, 10), "", fx["conta"], Decimal(valor)),),
    )


def enfileirar(db: Database, tenant_id: str, fx: dict, n: int, agora) -> list[str]:  # type: ignore[no-untyped-def]
    """`n` creation jobs (and their PENDING protocols) in one transaction, runnable from `agora`."""
    valido = evento(fx)
    ids = [new_uuid() for _ in range(n)]

    def work(session):  # type: ignore[no-untyped-def]
        for protocolo_id in ids:
            eventos.solicitar_criacao(session, tenant_id, valido, protocolo_id, agora, agora)

    db.run_write(work)
    return ids
