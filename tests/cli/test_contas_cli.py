"""`anil accounts create|list` and `anil transfers create|list --json`, straight on the database, on both engines."""

from __future__ import annotations

from decimal import Decimal

from anil.domain.clock import SystemClock, local_today
from anil.sandbox.seed import ensure_demo
from anil.storage.engine import Database
from tests.cli.runner import fail_json, run_json


def fails(*args: str) -> str:
    return fail_json(*args)["error"]


def test_accounts_and_transfers_of_a_company(cli_env: Database) -> None:
    company = run_json("companies", "create", "--name", "Oficina do Zé Ltda")["id_empresa"]
    (box,) = run_json("accounts", "list", "--company", company)
    assert (box["nome"], box["tipo"], box["conta_padrao"], box["saldo_atual"]) == (
        "Caixinha",
        "CAIXINHA",
        True,
        0,
    )

    itau = run_json(
        "accounts",
        "create",
        "--company",
        company,
        "--name",
        "Itaú",
        "--bank",
        "ITAU",
        "--agency",
        "0001",
        "--number",
        "5555-1",
        "--initial-balance",
        "1000,50",
        "--initial-balance-date",
        "2026-01-01",
        "--default",
    )
    assert (itau["banco"], itau["codigo_banco"], itau["agencia"], itau["numero"]) == (
        "ITAU",
        341,
        "0001",
        "5555-1",
    )
    assert (itau["saldo_inicial"], itau["data_saldo_inicial"], itau["conta_padrao"]) == (
        1000.5,
        "2026-01-01",
        True,
    )
    old = run_json(
        "accounts", "create", "--company", company, "--name", "Antiga", "--type", "POUPANCA", "--inactive"
    )
    assert old["ativo"] is False and old["banco"] == "OUTROS"

    hoje = local_today(SystemClock()).isoformat()
    moved = run_json(
        "transfers",
        "create",
        "--company",
        company,
        "--from",
        itau["id"],
        "--to",
        box["id"],
        "--amount",
        "250.25",
        "--description",
        "Suprimento",
    )
    assert (moved["valor"], moved["data"], moved["descricao"]) == (250.25, hoje, "Suprimento")
    assert [t["id"] for t in run_json("transfers", "list", "--company", company)] == [moved["id"]]

    listed = {a["nome"]: a for a in run_json("accounts", "list", "--company", company)}
    assert [a for a in listed] == ["Antiga", "Caixinha", "Itaú"]
    assert Decimal(str(listed["Itaú"]["saldo_atual"])) == Decimal("750.25")
    assert listed["Caixinha"]["saldo_atual"] == 250.25 and listed["Caixinha"]["conta_padrao"] is False

    # Refused, and nothing written.
    assert fails(
        "transfers", "create", "--company", company, "--from", itau["id"], "--to", itau["id"], "--amount", "1"
    ) == ("As contas de origem e de destino devem ser diferentes")
    assert fails(
        "transfers", "create", "--company", company, "--from", itau["id"], "--to", old["id"], "--amount", "1"
    ) == ("O campo 'conta_destino' é uma conta financeira inativa")
    assert "--amount" in fails(
        "transfers",
        "create",
        "--company",
        company,
        "--from",
        itau["id"],
        "--to",
        box["id"],
        "--amount",
        "muito",
    )
    assert fails("accounts", "create", "--company", company, "--name", "X", "--type", "CORRENTE").startswith(
        "O campo 'tipo' deve ser um dos seguintes valores"
    )
    assert "--initial-balance-date" in fails(
        "accounts", "create", "--company", company, "--name", "X", "--initial-balance-date", "01/01/2026"
    )
    assert len(run_json("transfers", "list", "--company", company)) == 1
    assert len(run_json("accounts", "list", "--company", company)) == 3

    other = run_json("companies", "create", "--name", "Outra Ltda")["id_empresa"]
    assert [a["nome"] for a in run_json("accounts", "list", "--company", other)] == ["Caixinha"]
    assert run_json("transfers", "list", "--company", other) == []
    assert fails(
        "transfers", "create", "--company", other, "--from", itau["id"], "--to", box["id"], "--amount", "1"
    ) == ("O campo 'conta_origem' não é uma conta financeira desta empresa")
    assert fails("accounts", "list", "--company", "0f6a7d2c-3b1e-4c8a-9d2f-5e6a7b8c9d01").startswith(
        "Empresa "
    )


def test_the_demo_company_is_the_default_and_has_a_bank_account_and_a_transfer(cli_env: Database) -> None:
    cli_env.run_write(
        lambda session: ensure_demo(session, redirect_uri="http://localhost:8000/_anil/callback")
    )
    listed = {a["nome"]: a for a in run_json("accounts", "list")}
    assert set(listed) == {"Caixinha", "Conta Corrente Itaú"}
    assert listed["Conta Corrente Itaú"]["saldo_inicial"] == 25000
    assert listed["Conta Corrente Itaú"]["saldo_atual"] == 24500
    assert listed["Caixinha"]["saldo_atual"] == 500
    (suprimento,) = run_json("transfers", "list")
    assert suprimento["descricao"] == "Suprimento de caixa"
    created = run_json("accounts", "create", "--name", "Nubank", "--bank", "NUBANK")
    assert created["codigo_banco"] == 260
    assert len(run_json("accounts", "list")) == 3


def test_without_a_demo_company_the_company_is_needed(cli_env: Database) -> None:
    assert "--company" in fails("accounts", "list")
