"""`anil sellers create|list`, straight on the database, on both engines; what they write the API lists."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from anil.cli import app
from anil.sandbox.seed import ensure_demo
from anil.storage.engine import Database
from tests.cli.runner import run_json, runner
from tests.helpers import create_company


def test_sellers_created_by_the_cli_are_listed_by_the_cli_and_the_api(
    cli_env: Database, client: TestClient
) -> None:
    company = create_company(client)
    bia = run_json("sellers", "create", "--company", company.id, "--name", "Bia Souza")
    assert set(bia) == {"id", "nome", "id_legado", "id_empresa"}
    assert bia["nome"] == "Bia Souza" and bia["id_empresa"] == company.id
    ana = run_json("sellers", "create", "--company", company.id, "--name", "Ana Reis")
    assert run_json("sellers", "list", "--company", company.id) == [ana, bia]
    listed = client.get("/v1/venda/vendedores", headers=company.auth).json()
    assert listed == [{"id": ana["id"], "nome": "Ana Reis"}, {"id": bia["id"], "nome": "Bia Souza"}]


def test_without_company_the_commands_use_the_demo_company(cli_env: Database) -> None:
    demo = cli_env.run_write(lambda s: ensure_demo(s, redirect_uri="http://localhost:8000/_anil/callback"))
    created = run_json("sellers", "create", "--name", "Zé Vendedor")
    assert created["id_empresa"] == demo.empresa["id_empresa"]
    assert "Zé Vendedor" in [s["nome"] for s in run_json("sellers", "list")]


def test_errors_are_one_json_object_and_exit_non_zero(cli_env: Database, client: TestClient) -> None:
    result = runner.invoke(app, ["sellers", "list", "--json"])  # no demo company yet
    assert result.exit_code == 1
    assert "error" in json.loads(result.output)
    result = runner.invoke(app, ["sellers", "create", "--company", "nao-existe", "--name", "X", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == {"error": "Empresa nao-existe não encontrada"}
    company = create_company(client)
    result = runner.invoke(app, ["sellers", "create", "--company", company.id, "--name", "  ", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == {"error": "O campo 'nome' é obrigatório"}
    assert run_json("sellers", "list", "--company", company.id) == []


def test_human_output_is_a_table(cli_env: Database, client: TestClient) -> None:
    company = create_company(client)
    result = runner.invoke(app, ["sellers", "create", "--company", company.id, "--name", "Carla Dias"])
    assert result.exit_code == 0
    assert "Carla Dias" in result.output and not result.output.lstrip().startswith("{")
    result = runner.invoke(app, ["sellers", "list", "--company", company.id])
    assert result.exit_code == 0
    assert "Carla Dias" in result.output and "id_legado" in result.output
