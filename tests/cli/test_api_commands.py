"""`anil api` against a real `anil serve`: login (PKCE, pasted address, tokens per company in the config dir,
refreshed by themselves), `<group> list|get|create|update|delete` with tables and `--json`, errors."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from anil.cli import api as api_cli
from anil.cli import app
from anil.cli.api_groups import GROUPS
from anil.sdk import ContaAzul, FileTokenStore
from tests.cli.api_server import Server, start

pytestmark = pytest.mark.slow

runner = CliRunner()
REDIRECT = "https://cli.example.com/callback"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start(tmp_path_factory.mktemp("anil-api-cmd"))
    yield running
    running.stop()


@pytest.fixture
def config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("ANIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("ANIL_API_TOKEN", raising=False)
    monkeypatch.delenv("ANIL_API_BASE_URL", raising=False)
    return tmp_path / "config"


def run(*args: str, input: str | None = None) -> Any:
    result = runner.invoke(app, ["api", *args, "--json"], input=input)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def fails(*args: str) -> dict:
    result = runner.invoke(app, ["api", *args, "--json"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_operation_the_cli_offers_exists_in_the_sdk() -> None:
    client = ContaAzul(base_url="anil", access_token="unused")
    for group in GROUPS:
        for op, method in group.operations.items():
            assert callable(api_cli.operation(client, group, op)), (group.name, op, method)


def consenting_browser(server: Server, email: str, password: str, seen: dict) -> Any:
    """What `webbrowser.open` does in the test: the user signs in and consents on the page it opens."""

    def open_(url: str) -> bool:
        seen["url"] = url
        response = httpx.post(
            url, data={"email": email, "password": password, "decisao": "autorizar"}, follow_redirects=False
        )
        assert response.status_code == 302, response.text
        seen["location"] = response.headers["location"]
        return True

    return open_


def test_login_with_pkce_stores_the_tokens_per_company_and_refreshes_them(
    server: Server, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    id_empresa, _ = server.company("Login Ltda")
    registered = server.app(REDIRECT)
    httpx.post(
        f"{server.url}/_anil/users",
        json={"email": "ana@login.example", "password": "s3nha-forte", "company": id_empresa},
        headers=server.admin,
    ).raise_for_status()
    seen: dict = {}
    monkeypatch.setattr(
        "webbrowser.open", consenting_browser(server, "ana@login.example", "s3nha-forte", seen)
    )
    monkeypatch.setattr(api_cli.typer, "prompt", lambda *a, **k: seen["location"])  # the pasted address

    login = run(
        "--base-url",
        server.url,
        "login",
        "--client-id",
        registered["client_id"],
        "--client-secret",
        registered["client_secret"],
        "--redirect-uri",
        REDIRECT,
    )
    assert login["id_empresa"] == id_empresa and login["nome"] == "Login Ltda"
    assert "code_challenge_method=S256" in seen["url"] and "code_challenge=" in seen["url"]
    stored = FileTokenStore(config / "tokens.json")
    assert stored.keys() == [id_empresa]
    assert (config / "api-logins.json").stat().st_mode & 0o077 == 0  # the app's secret is the user's only

    assert run("logins") == [
        {
            "id_empresa": id_empresa,
            "nome": "Login Ltda",
            "base_url": server.url,
            "client_id": registered["client_id"],
        }
    ]
    # the stored login is used without --token; an expired access token is refreshed (and the new pair kept)
    first = stored.load(id_empresa)
    assert first is not None
    stored.save(id_empresa, type(first)(**{**first.to_dict(), "expires_at": time.time() - 10}))
    assert run("pessoas", "list") == []
    second = stored.load(id_empresa)
    assert second is not None and second.refresh_token != first.refresh_token

    assert run("logout", id_empresa) == {"removed": id_empresa}
    assert "anil api login" in fails("pessoas", "list")["error"]


def test_a_pasted_address_from_another_login_is_refused(
    server: Server, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registered = server.app(REDIRECT)
    monkeypatch.setattr("webbrowser.open", lambda url: True)
    monkeypatch.setattr(api_cli.typer, "prompt", lambda *a, **k: f"{REDIRECT}?code=abc&state=not-mine")
    error = fails(
        "--base-url",
        server.url,
        "login",
        "--client-id",
        registered["client_id"],
        "--client-secret",
        registered["client_secret"],
        "--redirect-uri",
        REDIRECT,
    )
    assert "state" in error["error"]
    assert not (config / "api-logins.json").exists()


def test_groups_list_get_create_update_delete(server: Server, config: Path) -> None:
    _, token = server.company("Grupos Ltda")
    base = ("--base-url", server.url, "--token", token)

    created = run(
        *base,
        "pessoas",
        "create",
        "--data",
        '{"nome": "Bia Souza", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]}',
    )
    pessoa_id = created["id"]
    assert run(*base, "pessoas", "get", pessoa_id)["nome"] == "Bia Souza"
    run(*base, "pessoas", "update", pessoa_id, "--data", '{"email": "bia@example.com"}')
    listed = run(*base, "pessoas", "list", "-f", "busca=Bia")
    assert [(p["nome"], p["email"]) for p in listed] == [("Bia Souza", "bia@example.com")]
    assert run(*base, "pessoas", "delete", pessoa_id) == {"deleted": [pessoa_id]}
    assert run(*base, "pessoas", "list", "-f", "busca=Bia") == []

    # money goes out and comes back with its exact digits
    produto = run(
        *base, "produtos", "create", "--data", '{"nome": "Parafuso", "estoque": {"valor_venda": 0.10}}'
    )
    raw = runner.invoke(app, ["api", *base, "produtos", "get", produto["id"], "--json"]).stdout
    assert json.loads(raw, parse_float=Decimal)["estoque"]["valor_venda"] == Decimal("0.10")
    assert '"valor_venda":0.1' in raw.replace(" ", "")

    centros = run(*base, "centros-de-custo", "create", "--data", '{"nome": "Loja 2"}')
    assert [c["nome"] for c in run(*base, "centros-de-custo", "list")] == ["Loja 2"]
    assert centros["id"]
    assert len(run(*base, "categorias", "list", "--limit", "0")) == 145  # the plan every company starts with
    assert len(run(*base, "categorias", "list", "--limit", "7")) == 7
    assert len(run(*base, "categorias", "list", "--page", "2", "-f", "tamanho_pagina=10")) >= 1


def test_a_human_table_by_default(server: Server, config: Path) -> None:
    _, token = server.company("Tabela Ltda")
    result = runner.invoke(
        app, ["api", "--base-url", server.url, "--token", token, "contas-financeiras", "list"]
    )
    assert result.exit_code == 0, result.output
    assert "Caixinha" in result.output
    assert (
        "nome" in result.output.splitlines()[1] or "nome" in result.output.splitlines()[2]
    )  # the header row


def test_api_errors_carry_the_status_and_the_body(server: Server, config: Path) -> None:
    _, token = server.company("Erros Ltda")
    base = ("--base-url", server.url, "--token", token)
    error = fails(*base, "pessoas", "get", "00000000-0000-0000-0000-000000000000")
    assert error["error"].startswith("NotFound (404)")
    error = fails(*base, "pessoas", "create", "--data", "{}")
    assert error["error"].startswith("BadRequest (400)") and error["body"]
    assert fails("--base-url", server.url, "--token", "nope", "pessoas", "list")["error"].startswith(
        "Unauthorized (401)"
    )
    assert "ANIL_API_TOKEN" in fails("--base-url", server.url, "pessoas", "list")["error"]


def test_the_base_url_comes_from_the_environment(
    server: Server, config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, token = server.company("Ambiente Ltda")
    monkeypatch.setenv("ANIL_API_BASE_URL", server.url)
    monkeypatch.setenv("ANIL_API_TOKEN", token)
    assert [c["nome"] for c in run("contas-financeiras", "list")] == ["Caixinha"]


def test_financial_groups_a_receivable_through_its_protocol(server: Server, config: Path) -> None:
    from tests.api.financeiro_builders import receber_body

    _, token = server.company("Financeiro Ltda")
    base = ("--base-url", server.url, "--token", token)
    contato = run(
        *base,
        "pessoas",
        "create",
        "--data",
        '{"nome": "Caio", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]}',
    )["id"]
    [conta] = [c["id"] for c in run(*base, "contas-financeiras", "list") if c["nome"] == "Caixinha"]
    [categoria] = run(*base, "categorias", "list", "-f", "tipo=RECEITA", "-f", "nome=Vendas", "--limit", "1")
    body = receber_body(
        conta,
        contato,
        categoria["id"],
        "300.30",
        [("2026-12-10", "100.10"), ("2027-01-10", "100.10"), ("2027-02-10", "100.10")],
    )
    accepted = run(*base, "contas-a-receber", "create", "--data", json.dumps(body))
    assert accepted["status"] == "PENDING"
    deadline = time.monotonic() + 20
    while (protocolo := run(*base, "protocolos", "get", accepted["protocolo"]))["status"] == "PENDING":
        assert time.monotonic() < deadline, protocolo
        time.sleep(0.2)
    assert protocolo["status"] == "SUCCESS", protocolo

    window = ("-f", "data_vencimento_de=2026-12-01", "-f", "data_vencimento_ate=2026-12-31")
    [parcela] = run(*base, "contas-a-receber", "list", *window)
    assert Decimal(str(parcela["total"])) == Decimal("100.10")
    detail = run(*base, "parcelas", "get", parcela["id"])
    assert detail["evento"]["id"] == protocolo["evento_financeiro_id"]
    # a settlement under the installment's id, and the installment's settlements
    assert run(*base, "baixas", "list", parcela["id"]) == []
    pago = {
        "data_pagamento": "2026-12-09",
        "composicao_valor": {"valor_bruto": "40.00"},
        "conta_financeira": conta,
    }
    baixa = run(*base, "baixas", "create", parcela["id"], "--data", json.dumps(pago))
    [listed] = run(*base, "baixas", "list", parcela["id"])
    assert listed["id"] == baixa["id"] and Decimal(str(listed["valor_composicao"]["valor_bruto"])) == 40
    assert Decimal(str(run(*base, "parcelas", "get", parcela["id"])["nao_pago"])) == Decimal("60.10")
    assert fails(*base, "baixas", "create", parcela["id"], "--data", "{}")["error"].startswith(
        "BadRequest (400)"
    )
    assert run(*base, "contas-a-pagar", "list", *window) == []

    servico = run(
        *base,
        "servicos",
        "create",
        "--data",
        '{"descricao": "Poda", "status": "ATIVO", "tipo_servico": "PRESTADO"}',
    )
    numero = run(*base, "servicos", "get", servico["id"])["id_servico"]
    assert run(*base, "servicos", "delete", str(numero)) == {"deleted": [str(numero)]}
    assert run(*base, "servicos", "list") == []


SERVER_ONLY = ["fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "authlib", "joserfc"]
SERVER_ONLY += ["pydantic_settings", "psycopg", "asyncpg", "redis", "jinja2", "orjson", "fpdf"]
WITHOUT_SERVER = """
import importlib.abc, sys
BLOCKED = set(sys.argv[1].split(","))

class NoServerExtra(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is not installed (server extra)")
        return None

sys.meta_path.insert(0, NoServerExtra())
from anil.cli import app
try:
    app(sys.argv[2:], prog_name="anil")
finally:
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    assert not leaked, leaked
"""


def test_the_cli_runs_without_the_server_extra(server: Server) -> None:
    import subprocess
    import sys

    _, token = server.company("Sem Servidor")
    blocked = ",".join(SERVER_ONLY)
    command = [sys.executable, "-c", WITHOUT_SERVER, blocked]
    listed = subprocess.run(
        [*command, "api", "--base-url", server.url, "--token", token, "contas-financeiras", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert [c["nome"] for c in json.loads(listed.stdout)] == ["Caixinha"]
    # the blocker really blocks: a server command fails under it
    served = subprocess.run([*command, "db", "upgrade"], capture_output=True, text=True, timeout=60)
    assert served.returncode != 0 and "server extra" in served.stderr
