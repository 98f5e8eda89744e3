"""`anil categories add|list` and `anil cost-centers add`, straight on the database, on both engines;
what they write the API lists."""

from __future__ import annotations

from fastapi.testclient import TestClient

from anil.cli import app
from anil.sandbox.seed import ensure_demo
from anil.storage.engine import Database
from tests.cli.runner import fail_json, run_json, runner
from tests.helpers import create_company


def test_categories_added_by_the_cli_are_listed_by_the_cli_and_the_api(
    cli_env: Database, client: TestClient
) -> None:
    company = create_company(client)
    plan = run_json("categories", "list", "--company", company.id)
    assert len(plan) == 145
    assert plan[0]["codigo"] == "3.01" and plan[0]["nome"] == "Receitas de Vendas e de Serviços"
    assert len(run_json("categories", "list", "--company", company.id, "--tipo", "receita")) == 17
    grupo = next(c for c in plan if c["codigo"] == "4.06")

    added = run_json(
        "categories", "add", "--company", company.id, "--name", "Eventos", "--parent", grupo["id"],
        "--entrada-dre", "DESPESAS_COMERCIAIS",
    )  # fmt: skip
    assert added == {
        "id": added["id"],
        "versao": 0,
        "nome": "Eventos",
        "categoria_pai": grupo["id"],
        "tipo": "DESPESA",
        "entrada_dre": "DESPESAS_COMERCIAIS",
        "considera_custo_dre": False,
        "codigo": "4.06.04",
        "ativo": True,
        "tipo_operacao": None,
    }
    custo = run_json(
        "categories", "add", "--company", company.id, "--name", "Frete de compra", "--tipo", "DESPESA",
        "--entrada-dre", "DESPESAS_OPERACIONAIS_NIVEL_2", "--considera-custo-dre", "--inactive",
    )  # fmt: skip
    assert (custo["considera_custo_dre"], custo["ativo"], custo["codigo"]) == (True, False, None)
    listed = run_json("categories", "list", "--company", company.id)
    assert listed[-2:] == [added, custo]

    response = client.get("/v1/categorias", params={"busca": "eventos"}, headers=company.auth)
    assert [i["id"] for i in response.json()["itens"]] == [added["id"]]
    assert response.json()["totais"] == {"ativo": 1, "inativo": 0, "todos": 1}
    all_ = client.get("/v1/categorias", headers=company.auth).json()
    assert all_["totais"] == {"ativo": 146, "inativo": 1, "todos": 147}


def test_cost_centers_added_by_the_cli_are_listed_by_the_api(cli_env: Database, client: TestClient) -> None:
    company = create_company(client)
    centro = run_json("cost-centers", "add", "--company", company.id, "--name", "Obra 12", "--codigo", "OB12")
    assert centro == {"id": centro["id"], "codigo": "OB12", "nome": "Obra 12", "ativo": True}
    old = run_json("cost-centers", "add", "--company", company.id, "--name", "Obra 01", "--inactive")
    assert old["ativo"] is False and old["codigo"] is None
    body = client.get("/v1/centro-de-custo", headers=company.auth).json()
    assert body["items"] == [old, centro]
    assert body["totais"] == {"ativo": 1, "inativo": 1, "todos": 2}
    assert fail_json("cost-centers", "add", "--company", company.id, "--name", "obra 12") == {
        "error": "Já existe um centro de custo com o nome informado"
    }


def test_errors_are_one_json_object_and_write_nothing(cli_env: Database, client: TestClient) -> None:
    company = create_company(client)
    assert fail_json("categories", "add", "--company", company.id, "--name", "X") == {
        "error": "O campo 'tipo' é obrigatório"
    }
    bad = fail_json(
        "categories", "add", "--company", company.id, "--name", "X", "--tipo", "DESPESA",
        "--entrada-dre", "DESPESAS_FINANCEIRAS",
    )  # fmt: skip
    assert bad["error"].startswith("O campo 'entrada_dre' deve ser um dos seguintes valores")
    unknown = "5b0e9a4e-8d4f-4d7e-9a55-0e4a1d9c1b11"
    assert fail_json("categories", "list", "--company", unknown) == {
        "error": f"Empresa {unknown} não encontrada"
    }
    assert fail_json("cost-centers", "add", "--company", unknown, "--name", "X") == {
        "error": f"Empresa {unknown} não encontrada"
    }
    assert len(run_json("categories", "list", "--company", company.id)) == 145


def test_the_demo_company_is_the_default(cli_env: Database) -> None:
    assert "error" in fail_json("categories", "list")
    cli_env.run_write(lambda s: ensure_demo(s, redirect_uri="https://example.com/cb"))
    assert len(run_json("categories", "list")) == 145
    added = run_json("cost-centers", "add", "--name", "Demo extra")
    assert added["nome"] == "Demo extra"


def test_human_output_is_a_table(cli_env: Database, client: TestClient) -> None:
    company = create_company(client)
    result = runner.invoke(app, ["categories", "list", "--company", company.id, "--tipo", "RECEITA"])
    assert result.exit_code == 0
    assert "3.02.01" in result.output
    assert "RECEITA" in result.output
    assert not result.output.lstrip().startswith("[")
