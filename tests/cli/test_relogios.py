"""`anil clock show|freeze|advance|reset`, straight on the database, on both engines: the same clock the
API's `/_anil/companies/{id}/relogio` shows and the person's summary reads."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi.testclient import TestClient

from anil.cli import app
from anil.domain.clock import SystemClock, local_now
from anil.sandbox.seed import ensure_demo
from anil.storage.engine import Database
from tests.api.financeiro_builders import RECEITA, criar_evento, fixtures_financeiras, receber_body
from tests.cli.runner import fail_json, run_json, runner
from tests.helpers import ADMIN, create_company


def test_freeze_advance_and_reset_a_company_clock(cli_env: Database, client: TestClient) -> None:
    company = create_company(client)
    shown = run_json("clock", "show", "--company", company.id)
    assert (shown["id_empresa"], shown["congelado"], shown["relogio_do_sistema"]) == (company.id, False, True)
    agora = datetime.fromisoformat(shown["agora"])
    assert abs(agora - local_now(SystemClock()).replace(tzinfo=None)) < timedelta(minutes=1)

    frozen = run_json("clock", "freeze", "--company", company.id, "--at", "2026-12-15T22:30:00")
    assert (frozen["agora"], frozen["agora_utc"], frozen["hoje"], frozen["congelado"]) == (
        "2026-12-15T22:30:00",
        "2026-12-16T01:30:00Z",
        "2026-12-15",
        True,
    )
    # the API shows what the CLI wrote (the test app's own system clock is elsewhere: a frozen clock ignores it)
    api = client.get(f"/_anil/companies/{company.id}/relogio", headers=ADMIN).json()
    assert api == frozen

    moved = run_json(
        "clock", "advance", "--company", company.id, "--days", "1", "--hours", "2", "--minutes", "3"
    )
    assert moved["agora"] == "2026-12-17T00:33:00"
    moved = run_json("clock", "advance", "--company", company.id, "--duration", "PT27S", "--seconds", "3")
    assert moved["agora"] == "2026-12-17T00:33:30"
    assert run_json("clock", "freeze", "--company", company.id, "--date", "2027-01-31")["agora"] == (
        "2027-01-31T00:00:00"
    )
    assert run_json("clock", "freeze", "--company", company.id, "--at", "2027-02-01T03:00:00Z")["agora"] == (
        "2027-02-01T00:00:00"
    )

    reset = run_json("clock", "reset", "--company", company.id)
    assert (reset["congelado"], reset["relogio_do_sistema"], reset["deslocamento_segundos"]) == (
        False,
        True,
        0,
    )

    running = run_json("clock", "advance", "--company", company.id, "--days", "3")
    assert (running["congelado"], running["deslocamento_segundos"]) == (False, 259_200)
    ahead = datetime.fromisoformat(running["agora"]) - local_now(SystemClock()).replace(tzinfo=None)
    assert timedelta(days=3) - timedelta(minutes=1) < ahead < timedelta(days=3, minutes=1)


def test_the_person_summary_follows_a_clock_set_by_the_cli(cli_env: Database, client: TestClient) -> None:
    company = create_company(client)
    fx = fixtures_financeiras(client, company)
    body = receber_body(
        fx["conta"], fx["contato"], fx["categoria_receita"], "120.00", [("2031-05-10", "120.00")]
    )
    criar_evento(client, company, RECEITA, body)

    def atrasos() -> float:
        response = client.get(f"/v1/pessoas/{fx['contato']}", headers=company.auth)
        assert response.status_code == 200, response.text
        return response.json()["atrasos_recebimentos"]

    assert atrasos() == 0
    run_json("clock", "freeze", "--company", company.id, "--date", "2031-05-11")
    assert atrasos() == 120
    run_json("clock", "reset", "--company", company.id)
    assert atrasos() == 0


def test_refusals_are_one_json_error(cli_env: Database, client: TestClient) -> None:
    company = create_company(client)
    assert fail_json("clock", "freeze", "--company", company.id)["error"] == (
        "Informe o campo 'instante' (data e hora) ou o campo 'data'"
    )
    assert fail_json("clock", "freeze", "--company", company.id, "--date", "15/12/2026")["error"] == (
        "O campo 'data' deve estar no formato yyyy-MM-dd"
    )
    assert fail_json("clock", "advance", "--company", company.id, "--days", "-1")["error"].startswith(
        "O relógio só avança"
    )
    assert fail_json("clock", "advance", "--company", company.id)["error"].startswith("Informe a duração")
    assert fail_json("clock", "advance", "--company", company.id, "--duration", "P1M")["error"].startswith(
        "O campo 'duracao' deve ser uma duração ISO 8601"
    )
    unknown = "00000000-0000-4000-8000-000000000000"
    assert fail_json("clock", "show", "--company", unknown)["error"] == f"Empresa {unknown} não encontrada"
    # nothing was written
    assert run_json("clock", "show", "--company", company.id)["relogio_do_sistema"] is True


def test_the_demo_company_is_the_default_and_tables_print(cli_env: Database) -> None:
    demo = cli_env.run_write(lambda s: ensure_demo(s, redirect_uri="http://localhost:8000/_anil/callback"))
    frozen = run_json("clock", "freeze", "--date", "2026-08-01")
    assert (frozen["id_empresa"], frozen["hoje"]) == (demo.empresa["id_empresa"], "2026-08-01")
    result = runner.invoke(app, ["clock", "show"])
    assert result.exit_code == 0, result.output
    assert "2026-08-01T00:00:00" in result.output and "congelado" in result.output
