"""`anil companies|users|apps|token --json`, straight on the database, on both engines."""

from __future__ import annotations

import json

from anil.cli import app
from anil.storage.engine import Database
from tests.cli.runner import run_json, runner


def test_companies_users_apps_and_a_token(cli_env: Database) -> None:
    company = run_json("companies", "create", "--name", "Oficina do Zé Ltda", "--cnpj", "11.222.333/0001-81")
    assert company["razao_social"] == "Oficina do Zé Ltda"
    assert company["documento"] == "11222333000181"
    other = run_json("companies", "create", "--name", "Filial")
    assert [c["id_empresa"] for c in run_json("companies", "list")] == [
        company["id_empresa"],
        other["id_empresa"],
    ]

    user = run_json(
        "users", "create", "--email", "ze@oficina.com", "--password", "x1", "--company", company["id_empresa"]
    )
    again = run_json(
        "users", "create", "--email", "ze@oficina.com", "--password", "x1", "--company", other["id_empresa"]
    )
    assert again["id"] == user["id"]
    assert again["empresas"] == [company["id_empresa"], other["id_empresa"]]

    registered = run_json(
        "apps", "create", "--name", "ERP Sync", "--redirect-uri", "https://erp.example.com/cb"
    )
    assert set(registered) >= {"client_id", "client_secret", "redirect_uris"}
    assert registered["redirect_uris"] == ["https://erp.example.com/cb"]
    assert [a["client_id"] for a in run_json("apps", "list")] == [registered["client_id"]]

    token = run_json("token", "--company", company["id_empresa"], "--app", registered["client_id"])
    assert set(token) >= {
        "access_token",
        "refresh_token",
        "expires_in",
        "token_type",
        "client_id",
        "client_secret",
    }
    assert token["expires_in"] == 3600
    assert token["token_type"] == "Bearer"
    assert token["client_id"] == registered["client_id"]


def test_errors_are_one_json_object_and_exit_non_zero(cli_env: Database) -> None:
    result = runner.invoke(app, ["companies", "create", "--name", "X", "--cnpj", "123", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == {"error": "O CNPJ informado é inválido"}
    result = runner.invoke(app, ["token", "--json"])
    assert result.exit_code == 1
    assert "error" in json.loads(result.output)


def test_human_output_is_a_table(cli_env: Database) -> None:
    result = runner.invoke(app, ["companies", "create", "--name", "Mercado Bom Preço"])
    assert result.exit_code == 0
    assert "Mercado Bom Preço" in result.output
    assert not result.output.lstrip().startswith("{")
