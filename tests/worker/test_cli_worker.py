"""`anil worker --drain` on both engines: a process of its own empties the queue the API filled."""

from __future__ import annotations

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from anil.cli import app as cli
from anil.storage.engine import Database
from tests.api.financeiro_builders import DESPESA, RECEITA, enviar, pagar_body, protocolo, receber_body
from tests.helpers import Company


def test_anil_worker_drains_what_the_api_enqueued(
    client: TestClient, company: Company, fx: dict, db: Database, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    assert client.app.state.worker is None  # the apps of these tests run no worker
    ids = [
        enviar(client, company, RECEITA, receber_body(fx["conta"], fx["contato"], fx["categoria_receita"])),
        enviar(client, company, DESPESA, pagar_body(fx["conta"], fx["contato"], fx["categoria_despesa"])),
    ]
    ids = [response.json()["protocolo"] for response in ids]
    assert [protocolo(client, company, i)["status"] for i in ids] == ["PENDING", "PENDING"]
    monkeypatch.setenv("ANIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ANIL_DATABASE_URL", db.url)  # restored afterwards: `--database-url` sets it too
    result = CliRunner().invoke(cli, ["worker", "--drain", "--database-url", db.url])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith(": 2 jobs")
    assert [protocolo(client, company, i)["status"] for i in ids] == ["SUCCESS", "SUCCESS"]
