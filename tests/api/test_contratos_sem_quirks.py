"""Contratos with `ANIL_QUIRKS=off`: an unknown id is a 404, the create answer carries `id_venda` as the spec
documents, and the notes come back where they were sent (choices `contrato-500`, `contrato-criado`,
`contrato-observacoes`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from anil.config import Settings
from anil.storage.engine import Database
from tests.api.contratos_builders import PATH, UNKNOWN_ID, Cenario
from tests.contract.openapi import assert_conforms
from tests.helpers import create_company


@pytest.fixture
def settings(tmp_path: Path, db: Database) -> Settings:
    return Settings(data_dir=tmp_path, database_url=db.url, rate_limit="off", sandbox="on", quirks="off")


@pytest.mark.parametrize(("metodo", "sufixo"), [("GET", ""), ("DELETE", ""), ("POST", "/encerrar")])
def test_unknown_id_is_a_404(client: TestClient, metodo: str, sufixo: str) -> None:
    company = create_company(client)
    response = client.request(metodo, f"{PATH}/{UNKNOWN_ID}{sufixo}", headers=company.auth)
    assert response.status_code == 404
    assert response.json() == {"error": "Contrato não encontrado"}


def test_create_answers_the_first_scheduled_sale_and_notes_stay_put(client: TestClient) -> None:
    c = Cenario(client, create_company(client))
    criado = c.criar(tipo_expiracao="DATA", data_fim="2026-09-15")
    assert set(criado) == {"id", "id_legado", "id_venda"}
    assert_conforms("scheduled-sales", "POST", PATH, 201, criado)
    venda = client.get(f"/v1/venda/{criado['id_venda']}", headers=c.company.auth)
    assert venda.status_code == 200, venda.text
    assert venda.json()["contrato"]["uuid"] == criado["id"]
    detalhe = c.get(criado["id"])
    assert detalhe["observacoes"] == "Contrato de suporte"
    assert detalhe["condicao_pagamento"]["observacoes_pagamento"] == "Nota fiscal mensal"
    assert detalhe["id_ultima_venda_confirmada"] == criado["id_venda"]  # emitted on the company's today
