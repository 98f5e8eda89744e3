"""Contratos (catalog §3.6) through HTTP on both engines: creation generates the scheduled sales with their
receivables, the company clock makes them due, encerrar stops the future ones, DELETE cancels them all,
numbers follow deletions, unknown ids answer 500 (quirks on), tenants never see each other's contracts,
and every answer conforms to the provider's scheduled-sales file."""

from __future__ import annotations

from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from tests.api.contas_builders import create_account
from tests.api.contratos_builders import (
    PATH,
    UNKNOWN_ID,
    ZERO_UUID,
    Cenario,
    advance,
    contrato_body,
    produto,
)
from tests.api.pessoas_builders import create as create_pessoa
from tests.api.pessoas_builders import fisica
from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, create_company

SPEC = "scheduled-sales"


@pytest.fixture
def cenario(client: TestClient) -> Cenario:
    return Cenario(client, create_company(client))


def test_mensal_nunca_generates_25_scheduled_sales_with_receivables(cenario: Cenario) -> None:
    criado = cenario.criar()
    assert set(criado) == {"id", "id_legado"}  # production leaves `id_venda` out (quirks on)
    assert isinstance(criado["id_legado"], int)
    assert_conforms(SPEC, "POST", PATH, 201, criado)

    receber = cenario.receber()
    assert receber["itens_totais"] == 25
    vencimentos = sorted(item["data_vencimento"] for item in receber["itens"])
    assert vencimentos[0] == "2026-08-20" and vencimentos[-1] == "2028-08-20"
    assert {item["cliente"]["id"] for item in receber["itens"]} == {cenario.cliente}
    assert Decimal(str(receber["totais"]["pendente"]["valor"])) == Decimal("3750")

    detalhe = cenario.get(criado["id"])
    assert_conforms(SPEC, "GET", f"{PATH}/{{id}}", 200, detalhe)
    assert detalhe["status"] == "ATIVO"
    assert detalhe["configuracao_recorrencia"] == {"vigencia_total": 25, "vigencia_restante": 24}
    assert detalhe["data_ultima_emissao"] == "2028-08-15"  # NUNCA: two years ahead, data_fim ignored
    assert detalhe["data_proxima_emissao"] == "2026-09-15"
    assert detalhe["data_proximo_vencimento"] == "2026-08-20"
    assert detalhe["id_ultima_venda_confirmada"] != ZERO_UUID  # emitted today
    assert detalhe["id_proxima_venda_agendada"] not in (ZERO_UUID, detalhe["id_ultima_venda_confirmada"])
    assert detalhe["cliente"] == {"id": cenario.cliente, "nome": "Ana Souza"}
    assert detalhe["termos"] == {
        "numero": 1,
        "data_inicio": "2026-08-15",
        "data_fim": "2027-08-15",
        "dia_emissao_venda": 15,
        "intervalo_frequencia": 1,
        "tipo_frequencia": "MENSAL",
        "tipo_expiracao": "NUNCA",
    }
    assert detalhe["composicao_valor"] == {
        "valor_bruto": 150,
        "desconto": 0,
        "frete": 0,
        "valor_impostos_servico": 0,
        "valor_liquido": 150,
    }
    # production: root `observacoes` comes back under the payment condition, the root empty
    assert detalhe["condicao_pagamento"] == {
        "dia_vencimento": 20,
        "nome_conta_financeira": "Conta Itaú",
        "observacoes_pagamento": "Contrato de suporte",
        "tipo_pagamento": "BOLETO_BANCARIO",
    }
    assert detalhe["observacoes"] == ""


def test_mensal_data_and_anual(cenario: Cenario) -> None:
    um_mes = cenario.criar(numero=1, tipo_expiracao="DATA", data_fim="2026-09-15")
    anual = cenario.criar(
        numero=2, tipo_frequencia="ANUAL", tipo_expiracao="DATA", data_fim="2029-08-15", dia_emissao_venda=15
    )
    assert cenario.get(um_mes["id"])["configuracao_recorrencia"]["vigencia_total"] == 2
    assert cenario.get(anual["id"])["configuracao_recorrencia"]["vigencia_total"] == 4
    assert cenario.receber()["itens_totais"] == 6


def test_discount_freight_and_products(client: TestClient, cenario: Cenario) -> None:
    licenca = produto(client, cenario.company)
    body = cenario.body(tipo_expiracao="DATA", data_fim="2026-10-31")
    body["itens"].append({"id": licenca, "quantidade": 2, "valor": 80.5})
    body["composicao_de_valor"] = {"frete": 10, "desconto": {"tipo": "PORCENTAGEM", "valor": 10}}
    criado = cenario.criar(body)
    detalhe = cenario.get(criado["id"])
    # 150 + 161 = 311; 10% = 31.10; + 10
    assert detalhe["composicao_valor"]["valor_bruto"] == 311
    assert detalhe["composicao_valor"]["desconto"] == 31.1
    assert detalhe["composicao_valor"]["valor_liquido"] == 289.9
    receber = cenario.receber()
    assert receber["itens_totais"] == 3
    assert {item["total"] for item in receber["itens"]} == {289.9}
    (item,) = cenario.listar()["itens"]
    assert item["total"] == 289.9 and item["total_proximo_vencimento"] == 289.9


def test_company_clock_makes_scheduled_sales_due(client: TestClient, cenario: Cenario) -> None:
    criado = cenario.criar()
    antes = cenario.get(criado["id"])
    assert cenario.receber()["totais"]["vencido"]["quantidade"] == 0

    advance(client, cenario.company, 40)  # 2026-09-24
    receber = cenario.receber()
    assert receber["totais"]["vencido"] == {"valor": 300, "quantidade": 2}
    depois = cenario.get(criado["id"])
    assert depois["configuracao_recorrencia"]["vigencia_restante"] == 23
    assert depois["id_ultima_venda_confirmada"] == antes["id_proxima_venda_agendada"]
    assert depois["data_proxima_emissao"] == "2026-10-15"
    assert depois["data_proximo_vencimento"] == "2026-10-20"
    (item,) = cenario.listar()["itens"]
    assert item["termos"]["vigencia_atual"] == 2 and item["proximo_vencimento"] == "2026-10-20"


def test_encerrar_stops_future_sales_and_is_idempotent(client: TestClient, cenario: Cenario) -> None:
    criado = cenario.criar()
    advance(client, cenario.company, 40)  # two sales emitted
    for _ in range(2):
        response = client.post(f"{PATH}/{criado['id']}/encerrar", headers=cenario.company.auth)
        assert response.status_code == 204, response.text
        assert response.content == b""
    detalhe = cenario.get(criado["id"])
    assert detalhe["status"] == "INATIVO"
    assert detalhe["id_proxima_venda_agendada"] == ZERO_UUID
    assert detalhe["configuracao_recorrencia"]["vigencia_restante"] == 0
    assert "data_proxima_emissao" not in detalhe
    assert detalhe["data_ultima_emissao"] == "2026-09-15"
    assert_conforms(SPEC, "GET", f"{PATH}/{{id}}", 200, detalhe)
    receber = cenario.receber()
    assert receber["itens_totais"] == 2  # the 23 future ones cancelled
    assert [i["status"] for i in cenario.listar()["itens"]] == ["INATIVO"]  # still listed
    assert cenario.listar("data_inicio=2026-01-01&data_fim=2026-12-31&status=ATIVO")["itens_totais"] == 0
    assert cenario.listar("data_inicio=2026-01-01&data_fim=2026-12-31&status=INATIVO")["itens_totais"] == 1


def test_delete_cancels_every_sale_and_frees_the_number(client: TestClient, cenario: Cenario) -> None:
    assert cenario.proximo_numero() == 1
    criado = cenario.criar()
    assert cenario.proximo_numero() == 2
    advance(client, cenario.company, 40)
    response = client.delete(f"{PATH}/{criado['id']}", headers=cenario.company.auth)
    assert response.status_code == 204 and response.content == b""
    assert cenario.receber()["itens_totais"] == 0  # scheduled and confirmed sales cancelled
    detalhe = cenario.get(criado["id"])
    assert detalhe["status"] == "DELETADO"
    assert detalhe["id_proxima_venda_agendada"] == ZERO_UUID
    assert_conforms(SPEC, "GET", f"{PATH}/{{id}}", 200, detalhe)
    assert detalhe["id_ultima_venda_confirmada"] == ZERO_UUID
    assert cenario.listar()["itens_totais"] == 0
    assert cenario.proximo_numero() == 1
    # again: 204, nothing changes; encerrar a deleted contract: 400
    assert client.delete(f"{PATH}/{criado['id']}", headers=cenario.company.auth).status_code == 204
    response = client.post(f"{PATH}/{criado['id']}/encerrar", headers=cenario.company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": "Não é possível encerrar um contrato excluído"}
    # the number is free again
    cenario.criar(numero=1)
    assert cenario.proximo_numero() == 2


def test_delete_works_on_a_closed_contract(client: TestClient, cenario: Cenario) -> None:
    criado = cenario.criar()
    assert client.post(f"{PATH}/{criado['id']}/encerrar", headers=cenario.company.auth).status_code == 204
    assert cenario.receber()["itens_totais"] == 1  # today's sale stays
    assert client.delete(f"{PATH}/{criado['id']}", headers=cenario.company.auth).status_code == 204
    assert cenario.receber()["itens_totais"] == 0
    assert cenario.get(criado["id"])["status"] == "DELETADO"


def test_numbers_are_unique_and_follow_the_maximum(client: TestClient, cenario: Cenario) -> None:
    cenario.criar(numero=7)
    assert cenario.proximo_numero() == 8
    response = client.post(PATH, json=cenario.body(numero=7), headers=cenario.company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": "Já existe um contrato com o número 7"}
    assert cenario.receber()["itens_totais"] == 25  # the refused one wrote nothing


def test_proximo_numero_conforms(cenario: Cenario) -> None:
    response = cenario.client.get(f"{PATH}/proximo-numero", headers=cenario.company.auth)
    assert response.status_code == 200 and response.content == b"1"
    assert_conforms(SPEC, "GET", f"{PATH}/proximo-numero", 200, response.json())


def test_older_revision_create_shape(client: TestClient, cenario: Cenario) -> None:
    """Appendix A.7: `data_emissao`, no `dia_emissao_venda`/`intervalo_frequencia`, the older payment
    spelling and integer quantities."""
    body = cenario.body(tipo_expiracao="DATA", data_fim="2026-10-31")
    del body["termos"]["dia_emissao_venda"], body["termos"]["intervalo_frequencia"]
    body["data_emissao"] = "2026-08-25"
    body["condicao_pagamento"]["tipo_pagamento"] = "CARTAO_CREDITO_VIA_LINK"
    criado = cenario.criar(body)
    detalhe = cenario.get(criado["id"])
    assert detalhe["termos"]["dia_emissao_venda"] == 25
    assert detalhe["termos"]["intervalo_frequencia"] == 1
    assert detalhe["condicao_pagamento"]["tipo_pagamento"] == "LINK_PAGAMENTO"
    assert detalhe["configuracao_recorrencia"]["vigencia_total"] == 3


@pytest.mark.parametrize("metodo", ["GET", "DELETE", "POST"])
def test_unknown_and_malformed_ids(client: TestClient, cenario: Cenario, metodo: str) -> None:
    sufixo = "/encerrar" if metodo == "POST" else ""
    response = client.request(metodo, f"{PATH}/{UNKNOWN_ID}{sufixo}", headers=cenario.company.auth)
    assert response.status_code == 500  # as production (quirks on)
    assert response.json() == {"error": "Erro interno ao processar a requisição"}
    response = client.request(metodo, f"{PATH}/nao-e-uuid{sufixo}", headers=cenario.company.auth)
    assert response.status_code == 400
    assert response.json() == {"error": "O valor informado deve estar no formato UUID válido"}


def _erro(client: TestClient, cenario: Cenario, body: object) -> str:
    response = client.post(PATH, json=body, headers=cenario.company.auth)
    assert response.status_code == 400, response.text
    assert_conforms(SPEC, "POST", PATH, 400, response.json())
    return response.json()["error"]


def test_bad_input_gets_the_error_and_writes_nothing(client: TestClient, cenario: Cenario) -> None:
    c = cenario
    outra = create_company(client)
    estranho = create_pessoa(client, outra, fisica("Estranho"))["id"]
    despesa = next(
        cat["id"]
        for cat in client.get(
            "/v1/categorias?pagina=1&tamanho_pagina=200&tipo=DESPESA", headers=c.company.auth
        ).json()["itens"]
    )
    casos: list[tuple[object, str]] = [
        ({}, "O campo 'id_cliente' é obrigatório"),
        ({"id_cliente": c.cliente}, "O campo 'termos' é obrigatório"),
        (
            {**c.body(), "termos": {**c.body()["termos"], "numero": None}},
            "O número do contrato é obrigatório",
        ),
        (
            {**c.body(), "termos": {**c.body()["termos"], "itens": c.body()["itens"]}, "itens": None},
            "Lista de itens da recorrência não pode ser vazia",
        ),
        ({**c.body(), "itens": []}, "Lista de itens da recorrência não pode ser vazia"),
        (
            {**c.body(), "termos": {**c.body()["termos"], "data_inicio": "15/08/2026"}},
            "O campo 'termos.data_inicio' é inválido",
        ),
        ({**c.body(), "id_cliente": estranho}, "O cliente informado em 'id_cliente' não existe"),
        (
            {**c.body(), "itens": [{"id": UNKNOWN_ID, "quantidade": 1, "valor": 10}]},
            "O produto ou serviço informado em 'itens[0].id' não existe",
        ),
        (
            {
                **c.body(),
                "condicao_pagamento": {**c.body()["condicao_pagamento"], "id_conta_financeira": UNKNOWN_ID},
            },
            "A conta financeira informada em 'condicao_pagamento.id_conta_financeira' não existe",
        ),
        (
            {**c.body(), "id_categoria": despesa},
            "A categoria informada em 'id_categoria' deve ser de receita",
        ),
        (
            {**c.body(), "id_centro_custo": UNKNOWN_ID},
            "O centro de custo informado em 'id_centro_custo' não existe",
        ),
        ({**c.body(), "id_vendedor": UNKNOWN_ID}, "O vendedor informado em 'id_vendedor' não existe"),
        (
            {
                **c.body(),
                "condicao_pagamento": {**c.body()["condicao_pagamento"], "tipo_pagamento": "BITCOIN"},
            },
            None,
        ),
        ([], "O corpo da requisição é inválido"),
    ]
    for body, mensagem in casos:
        erro = _erro(client, c, body)
        if mensagem is not None:
            assert erro == mensagem, body
        else:
            assert erro.startswith(
                "O campo 'condicao_pagamento.tipo_pagamento' deve ser um dos seguintes valores"
            )
    assert c.proximo_numero() == 1
    assert c.listar()["itens_totais"] == 0
    assert c.receber()["itens_totais"] == 0


def test_tenants_never_see_each_others_contracts(client: TestClient, cenario: Cenario) -> None:
    criado = cenario.criar()
    outra = Cenario(client, create_company(client, "Outra Empresa Ltda"))
    assert outra.listar()["itens_totais"] == 0
    assert outra.proximo_numero() == 1
    for metodo, sufixo in (("GET", ""), ("DELETE", ""), ("POST", "/encerrar")):
        response = client.request(metodo, f"{PATH}/{criado['id']}{sufixo}", headers=outra.company.auth)
        assert response.status_code == 500, (metodo, sufixo)
    assert outra.receber()["itens_totais"] == 0
    # the other company may use the same number, but not this company's client
    outra.criar(numero=1)
    response = client.post(
        PATH, json=contrato_body(cenario.cliente, outra.servico), headers=outra.company.auth
    )
    assert response.json() == {"error": "O cliente informado em 'id_cliente' não existe"}
    response = client.post(
        PATH, json=contrato_body(outra.cliente, cenario.servico, 9), headers=outra.company.auth
    )
    assert response.json() == {"error": "O produto ou serviço informado em 'itens[0].id' não existe"}
    # nothing happened to the first company's contract
    assert cenario.get(criado["id"])["status"] == "ATIVO"
    assert cenario.receber()["itens_totais"] == 25
    assert cenario.listar()["itens_totais"] == 1


def test_seller_category_cost_center_and_account_on_the_contract(
    client: TestClient, cenario: Cenario
) -> None:
    c = cenario
    vendedor = client.post(
        f"/_anil/companies/{c.company.id}/vendedores", json={"nome": "Maria Oliveira"}, headers=ADMIN
    ).json()
    centro = client.post("/v1/centro-de-custo", json={"nome": "Suporte"}, headers=c.company.auth).json()
    receita = next(
        cat["id"]
        for cat in client.get(
            "/v1/categorias?pagina=1&tamanho_pagina=200&tipo=RECEITA", headers=c.company.auth
        ).json()["itens"]
        if cat.get("categoria_pai")
    )
    conta = create_account(client, c.company, "Conta Bradesco", tipo="CONTA_CORRENTE", banco="BRADESCO")["id"]
    body = c.body(tipo_expiracao="DATA", data_fim="2026-09-30")
    body.update(id_vendedor=vendedor["id"], id_centro_custo=centro["id"], id_categoria=receita)
    body["condicao_pagamento"]["id_conta_financeira"] = conta
    detalhe = c.get(c.criar(body)["id"])
    assert detalhe["vendedor"] == {"id": vendedor["id"], "nome": "Maria Oliveira"}
    assert detalhe["condicao_pagamento"]["nome_conta_financeira"] == "Conta Bradesco"
    receber = c.receber(extra=f"&ids_categorias={receita}&ids_centros_de_custo={centro['id']}")
    assert receber["itens_totais"] == 2
    assert_conforms(SPEC, "GET", f"{PATH}/{{id}}", 200, detalhe)


def test_delete_keeps_what_the_client_already_paid(client: TestClient, cenario: Cenario) -> None:
    """A confirmed scheduled sale settled through the baixa API: deleting the contract cancels the open
    installments of every sale, the settled one keeps its payment and the account its balance."""
    from tests.api.baixas_builders import baixa_ok
    from tests.api.contas_builders import saldo

    criado = cenario.criar()
    primeira = min(cenario.receber()["itens"], key=lambda i: i["data_vencimento"])
    baixa_ok(client, cenario.company, primeira["id"], "150.00", cenario.conta, data="2026-08-15")
    assert saldo(client, cenario.company, cenario.conta) == Decimal("150.00")
    assert client.delete(f"{PATH}/{criado['id']}", headers=cenario.company.auth).status_code == 204
    receber = cenario.receber()
    assert [(i["id"], i["pago"]) for i in receber["itens"]] == [(primeira["id"], 150)]
    assert saldo(client, cenario.company, cenario.conta) == Decimal("150.00")
