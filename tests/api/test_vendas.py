"""/v1/venda (catalog §3.4): create, get, PUT, exclusão em lote, items, next number; the receivable a sale
creates, FATURADO, stock, the company's stock check; validation; tenants. Both engines, through HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from anil.api.app import create_app
from anil.config import Settings
from anil.domain.naturezas import natureza_id
from anil.storage.engine import Database
from tests.api import vendas_builders as vb
from tests.api.contas_builders import create_account, saldo
from tests.conftest import ADMIN_KEY
from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, Company, create_company


@pytest.fixture
def spec_client(settings: Settings, db: Database, clock) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """ANIL_QUIRKS=off: answers what the provider spec documents."""
    app = create_app(settings.model_copy(update={"quirks": "off"}), db=db, clock=clock, admin_key=ADMIN_KEY)
    with TestClient(app) as client:
        yield client


def _setup(client: TestClient, estoque: object = 10) -> tuple[Company, str, str, str]:
    company = create_company(client)
    return (
        company,
        vb.cliente(client, company),
        vb.produto(client, company, estoque=estoque),
        vb.servico(client, company),
    )


def erro(response, status: int = 400) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["error"], body
    return body["error"]


def proximo(client: TestClient, company: Company) -> int:
    response = client.get("/v1/venda/proximo-numero", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


# ----------------------------------------------------------------------------------------- create ----


def test_create_answers_201_with_the_production_shape(client: TestClient) -> None:
    company, cliente, produto, servico = _setup(client)
    body = vb.body(
        cliente,
        [(produto, 2, 50), (servico, 1, "40.00")],
        opcao="3x",
        frete=10,
        desconto=("VALOR", 5),
        observacoes="Entregar pela manhã",
        observacoes_pagamento="Em 3 vezes",
    )
    response = client.post("/v1/venda", json=body, headers=company.auth)
    assert response.status_code == 201, response.text
    venda = response.json()
    assert venda["situacao"] == {"nome": "APPROVED", "descricao": "Aprovado"}
    assert venda["pendencia"] == {"nome": "NENHUMA", "descricao": "Nenhuma"}
    assert venda["valor_composicao"] == {
        "valor_bruto": 140,
        "desconto": {"tipo": "VALOR", "valor": 5},
        "frete": 10,
        "valor_liquido": 145,
    }
    assert [p["valor"] for p in venda["condicao_pagamento"]["parcelas"]] == [48.34, 48.33, 48.33]
    assert [p["numero"] for p in venda["condicao_pagamento"]["parcelas"]] == [1, 2, 3]
    assert venda["condicao_pagamento"]["opcao_condicao_pagamento"] == "3x"
    assert venda["numero"] == 1 and venda["versao"] == 0 and venda["origem"] == "API"
    assert venda["id_cliente"] == cliente and venda["data_venda"] == "2026-11-10T00:00:00Z"
    assert venda["observacoes"] == "Entregar pela manhã"
    assert venda["condicao_pagamento"]["observacoes_pagamento"] == "Em 3 vezes"
    assert isinstance(venda["id_legado"], int)
    assert_conforms("sales", "POST", "/v1/venda", 200, venda)


def test_with_quirks_off_create_answers_200_as_the_spec(spec_client: TestClient) -> None:
    company, cliente, produto, _ = _setup(spec_client)
    response = spec_client.post("/v1/venda", json=vb.body(cliente, [(produto, 1, 10)]), headers=company.auth)
    assert response.status_code == 200, response.text
    assert_conforms("sales", "POST", "/v1/venda", 200, response.json())


def test_create_situations_in_english(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    nomes = []
    for numero, situacao in enumerate(("EM_ANDAMENTO", "APROVADO", "FATURADO"), 1):
        venda = vb.criar(
            client, company, vb.body(cliente, [(produto, 1, 10)], numero=numero, situacao=situacao)
        )
        nomes.append(venda["situacao"]["nome"])
        assert vb.obter(client, company, venda["id"])["venda"]["situacao"]["nome"] == situacao
    assert nomes == ["IN_PROCESS", "APPROVED", "INVOICED"]


def test_percentage_discount_and_fractional_quantities(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    body = vb.body(cliente, [(produto, "1.5", "33.33")], desconto=("PORCENTAGEM", "12.5"), frete="7.10")
    venda = vb.criar(client, company, body)
    # 1.5 × 33.33 = 49.995 → 50.00; 12.5% = 6.25; 50.00 − 6.25 + 7.10 = 50.85
    assert venda["valor_composicao"]["valor_bruto"] == 50
    assert venda["valor_composicao"]["valor_liquido"] == 50.85
    detalhe = vb.obter(client, company, venda["id"])["venda"]
    assert detalhe["composicao_valor"]["desconto"] == 6.25
    assert detalhe["configuracao_de_desconto"] == {"tipo_desconto": "PORCENTAGEM", "taxa_desconto": 12.5}


# -------------------------------------------------------------------------------------------- get ----


def test_get_by_uuid_and_by_legacy_id(client: TestClient) -> None:
    company, cliente, produto, servico = _setup(client)
    vendedor = client.post(
        f"/_anil/companies/{company.id}/vendedores", json={"nome": "Bruno"}, headers=ADMIN
    ).json()
    body = vb.body(cliente, [(produto, 2, 50), (servico, 1, 40)], opcao="30,60", id_vendedor=vendedor["id"])
    criada = vb.criar(client, company, body)
    por_uuid = vb.obter(client, company, criada["id"])
    assert vb.obter(client, company, criada["id_legado"]) == por_uuid
    assert por_uuid["cliente"] == {"uuid": cliente, "tipo_pessoa": "Física", "nome": "Ana Souza"}
    assert por_uuid["vendedor"] == {"id": vendedor["id"], "nome": "Bruno", "id_legado": vendedor["id_legado"]}
    natureza = por_uuid["natureza_operacao"]
    assert natureza["uuid"] == natureza_id(company.id, "VENDA_MERCADORIAS")
    assert natureza["mudanca_estoque"] == "SAIDA_ESTOQUE" and natureza["mudanca_financeira"] is True
    venda = por_uuid["venda"]
    assert venda["status"] == "EM_ANDAMENTO"
    assert venda["situacao"] == {"nome": "APROVADO", "descricao": "Aprovado", "ativado": True}
    assert venda["tipo_pendencia"] == {"nome": "NENHUMA", "descricao": "Nenhuma"}
    assert venda["total_itens"] == {
        "contagem_produtos": 1,
        "contagem_servicos": 1,
        "contagem_nao_conciliados": 0,
    }
    assert venda["condicao_pagamento"]["opcao_condicao_pagamento"] == "30,60"
    assert [p["data_vencimento"] for p in venda["condicao_pagamento"]["parcelas"]] == [
        "2026-12-10",
        "2027-01-09",
    ]
    assert venda["versao"] == 0 and venda["origem"] == "API" and venda["tipo_negociacao"] == "VENDA"
    assert "evento_financeiro" in por_uuid and "notificacao" not in por_uuid and "contrato" not in por_uuid
    assert_conforms("sales", "GET", "/v1/venda/{id}", 200, por_uuid)


def test_a_sale_of_services_only_takes_the_services_natureza(client: TestClient) -> None:
    company, cliente, _, servico = _setup(client)
    venda = vb.criar(client, company, vb.body(cliente, [(servico, 1, 100)]))
    natureza = vb.obter(client, company, venda["id"])["natureza_operacao"]
    assert natureza["template_operacao"] == "PRESTACAO_SERVICO"


def test_get_errors_and_tenants(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    venda = vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)]))
    outra = create_company(client, "Outra Ltda")
    assert erro(client.get(f"/v1/venda/{vb.UNKNOWN}", headers=company.auth), 404) == "Venda não encontrada"
    assert erro(client.get(f"/v1/venda/{venda['id']}", headers=outra.auth), 404) == "Venda não encontrada"
    assert erro(client.get(f"/v1/venda/{venda['id_legado']}", headers=outra.auth), 404)
    assert erro(client.get("/v1/venda/não-é-id", headers=company.auth)).startswith("O valor informado")
    assert client.get(f"/v1/venda/{venda['id']}").status_code == 401


# ------------------------------------------------------------------------------------- validation ----


@pytest.mark.parametrize(
    ("mudar", "mensagem"),
    [
        (lambda b: b.pop("id_cliente"), "O campo 'id_cliente' é obrigatório"),
        (lambda b: b.update(id_cliente="x"), "O campo 'id_cliente' deve ser um identificador (uuid) válido"),
        (lambda b: b.pop("numero"), "O campo 'numero' é obrigatório"),
        (lambda b: b.update(numero=0), "O campo 'numero' é inválido"),
        (lambda b: b.pop("situacao"), "O campo 'situacao' é obrigatório"),
        (
            lambda b: b.update(situacao="CANCELADO"),
            "O campo 'situacao' deve ser um dos seguintes valores: EM_ANDAMENTO, APROVADO, FATURADO",
        ),
        (lambda b: b.pop("data_venda"), "O campo 'data_venda' é obrigatório"),
        (lambda b: b.update(data_venda="10/11/2026"), "O campo 'data_venda' é inválido"),
        (lambda b: b.update(numero="mil"), "O campo 'numero' é inválido"),
        (lambda b: b["itens"][0].update(quantidade="dois"), "O campo 'itens[0].quantidade' é inválido"),
        (
            lambda b: b["condicao_pagamento"]["parcelas"][0].update(data_vencimento="amanhã"),
            "O campo 'condicao_pagamento.parcelas[0].data_vencimento' é inválido",
        ),
        (lambda b: b.update(itens={"id": 1}), "O campo 'itens' é inválido"),
        (lambda b: b.pop("itens"), "O campo 'itens' é obrigatório"),
        (lambda b: b.update(itens=[]), "O campo 'itens' deve conter ao menos 1 item"),
        (lambda b: b["itens"][0].pop("id"), "O campo 'itens[0].id' é obrigatório"),
        (lambda b: b["itens"][0].update(quantidade=0), "O campo 'itens[0].quantidade' é inválido"),
        (lambda b: b["itens"][0].pop("valor"), "O campo 'itens[0].valor' é obrigatório"),
        (lambda b: b["itens"][0].update(valor=-1), "O campo 'itens[0].valor' é inválido"),
        (lambda b: b["itens"][0].update(quantidade=10**12), "O campo 'itens[0].quantidade' é inválido"),
        (lambda b: b["itens"][0].update(quantidade="0.00001"), "O campo 'itens[0].quantidade' é inválido"),
        (lambda b: b["itens"][0].update(valor=10**14), "O campo 'itens[0].valor' é inválido"),
        (
            lambda b: b["itens"][0].update(quantidade=10**10, valor=10**12),
            "O valor total da venda excede o máximo permitido",
        ),
        (lambda b: b.pop("condicao_pagamento"), "O campo 'condicao_pagamento' é obrigatório"),
        (
            lambda b: b["condicao_pagamento"].pop("opcao_condicao_pagamento"),
            "O campo 'condicao_pagamento.opcao_condicao_pagamento' é obrigatório",
        ),
        (
            lambda b: b["condicao_pagamento"].update(opcao_condicao_pagamento="Parcelado"),
            "O campo 'condicao_pagamento.opcao_condicao_pagamento' deve estar em um dos formatos: "
            "'À vista', 'Nx' (ex: 3x) ou dias separados por vírgula (ex: 30,60,90)",
        ),
        (
            lambda b: b["condicao_pagamento"].update(parcelas=[]),
            "O campo 'condicao_pagamento.parcelas' deve conter ao menos 1 item",
        ),
        (
            lambda b: b["condicao_pagamento"]["parcelas"][0].update(valor=99),
            "O valor total das parcelas R$ 99,00 difere do valor total R$ 100,00.",
        ),
        (
            lambda b: b["condicao_pagamento"].update(opcao_condicao_pagamento="2x"),
            "A quantidade de parcelas (1) difere da condição de pagamento '2x'",
        ),
        (
            lambda b: b["condicao_pagamento"].update(tipo_pagamento="FIADO"),
            "O campo 'condicao_pagamento.tipo_pagamento' é inválido",
        ),
        (
            lambda b: b.update(composicao_de_valor={"desconto": {"valor": 1}}),
            "O campo 'composicao_de_valor.desconto.tipo' é obrigatório",
        ),
        (
            lambda b: b.update(composicao_de_valor={"desconto": {"tipo": "VALOR", "valor": 101}}),
            "O desconto não pode ser maior que o valor total dos itens",
        ),
        (lambda b: b.update(id_cliente=vb.UNKNOWN), f"O cliente '{vb.UNKNOWN}' não foi encontrado"),
        (lambda b: b.update(id_vendedor=vb.UNKNOWN), f"O vendedor '{vb.UNKNOWN}' não foi encontrado"),
        (lambda b: b.update(id_categoria=vb.UNKNOWN), f"A categoria '{vb.UNKNOWN}' não foi encontrada"),
        (
            lambda b: b.update(id_centro_custo=vb.UNKNOWN),
            f"O centro de custo '{vb.UNKNOWN}' não foi encontrado",
        ),
        (
            lambda b: b.update(id_natureza_operacao=vb.UNKNOWN),
            f"A natureza de operação '{vb.UNKNOWN}' não foi encontrada",
        ),
        (
            lambda b: b["condicao_pagamento"].update(id_conta_financeira=vb.UNKNOWN),
            f"A conta financeira '{vb.UNKNOWN}' não foi encontrada",
        ),
        (
            lambda b: b["itens"][0].update(id=vb.UNKNOWN),
            f"O item '{vb.UNKNOWN}' (itens[0].id) não foi encontrado",
        ),
    ],
)
def test_bad_input_gets_one_message_and_writes_nothing(client: TestClient, mudar, mensagem: str) -> None:  # type: ignore[no-untyped-def]
    company, cliente, produto, _ = _setup(client)
    body = vb.body(cliente, [(produto, 2, 50)])
    mudar(body)
    assert erro(client.post("/v1/venda", json=body, headers=company.auth)) == mensagem
    assert proximo(client, company) == 1
    assert vb.estoque(client, company, produto) == 10


def test_a_body_that_is_not_json_is_refused(client: TestClient) -> None:
    company, _, _, _ = _setup(client)
    response = client.post("/v1/venda", content=b"{nope", headers=company.auth)
    assert erro(response) == "O corpo da requisição é inválido"


def test_a_number_in_use_is_refused_and_a_deleted_sales_number_is_free_again(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    venda = vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)], numero=7))
    response = client.post(
        "/v1/venda", json=vb.body(cliente, [(produto, 1, 10)], numero=7), headers=company.auth
    )
    assert erro(response) == "Já existe uma venda com o número 7"
    vb.excluir(client, company, venda["id"])
    vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)], numero=7))


def test_another_companys_records_are_unknown(client: TestClient) -> None:
    _, cliente, produto, _ = _setup(client)
    outra = create_company(client, "Outra Ltda")
    response = client.post("/v1/venda", json=vb.body(cliente, [(produto, 1, 10)]), headers=outra.auth)
    assert erro(response) == f"O cliente '{cliente}' não foi encontrado"
    dela = vb.cliente(client, outra)
    response = client.post("/v1/venda", json=vb.body(dela, [(produto, 1, 10)]), headers=outra.auth)
    assert erro(response) == f"O item '{produto}' (itens[0].id) não foi encontrado"


# -------------------------------------------------------------------------------------- financial ----


def test_the_receivable_has_one_installment_per_installment(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    venda = vb.criar(client, company, vb.body(cliente, [(produto, 1, 140)], opcao="3x"))
    detalhe = vb.obter(client, company, venda["id"])
    parcelas = vb.parcelas_financeiras(client, company, detalhe["evento_financeiro"]["id"])
    assert [p["valor_composicao"]["valor_bruto"] for p in parcelas] == [46.67, 46.67, 46.66]
    assert [p["data_vencimento"] for p in parcelas] == ["2026-11-10", "2026-12-10", "2027-01-10"]
    assert {p["evento"]["referencia"]["origem"] for p in parcelas} == {"VENDA"}
    assert {p["evento"]["referencia"]["id"] for p in parcelas} == {venda["id"]}
    assert [p["id"] for p in detalhe["venda"]["condicao_pagamento"]["parcelas"]] == [
        p["id"] for p in parcelas
    ]
    assert {p["evento"]["tipo"] for p in parcelas} == {"RECEITA"}


def test_category_cost_center_account_and_payment_method_reach_the_receivable(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    categorias = client.get("/v1/categorias?tipo=RECEITA&tamanho_pagina=10", headers=company.auth).json()
    categoria = categorias["itens"][0]["id"]
    centro = client.post("/v1/centro-de-custo", json={"nome": "Loja"}, headers=company.auth).json()["id"]
    conta = create_account(client, company, "Conta Itaú", banco="ITAU", tipo="CONTA_CORRENTE")["id"]
    body = vb.body(cliente, [(produto, 1, 100)], id_categoria=categoria, id_centro_custo=centro)
    body["condicao_pagamento"].update(tipo_pagamento="PIX_COBRANCA", id_conta_financeira=conta)
    venda = vb.criar(client, company, body)
    assert venda["condicao_pagamento"]["tipo_pagamento"] == "COBRANCA_PIX"
    detalhe = vb.obter(client, company, venda["id"])
    (parcela,) = vb.parcelas_financeiras(client, company, detalhe["evento_financeiro"]["id"])
    assert parcela["conta_financeira"]["id"] == conta and parcela["metodo_pagamento"] == "PIX_COBRANCA"
    assert parcela["evento"]["rateio"][0]["id_categoria"] == categoria
    assert detalhe["venda"]["id_categoria"] == categoria and detalhe["venda"]["id_centro_custo"] == centro


def test_faturado_settles_the_receivable_into_the_account(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    conta = create_account(client, company, "Conta Itaú", banco="ITAU", tipo="CONTA_CORRENTE")["id"]
    body = vb.body(cliente, [(produto, 1, 90)], opcao="2x", situacao="FATURADO")
    body["condicao_pagamento"]["id_conta_financeira"] = conta
    venda = vb.criar(client, company, body)
    evento = vb.obter(client, company, venda["id"])["evento_financeiro"]["id"]
    parcelas = vb.parcelas_financeiras(client, company, evento)
    assert [p["status"] for p in parcelas] == ["QUITADO", "QUITADO"]
    assert [b["origem"] for p in parcelas for b in p["baixas"]] == ["VENDA", "VENDA"]
    assert saldo(client, company, conta) == Decimal("90")
    # back to APROVADO: the settlements the sale made go away
    vb.editar(client, company, venda["id"], {**body, "situacao": "APROVADO"})
    depois = vb.parcelas_financeiras(client, company, evento)
    assert [(p["valor_pago"], p["nao_pago"], p["baixas"]) for p in depois] == [(0, 45, []), (0, 45, [])]
    assert saldo(client, company, conta) == Decimal("0")


# ------------------------------------------------------------------------------------------- stock ----


def test_stock_moves_while_approved_or_invoiced(client: TestClient) -> None:
    company, cliente, produto, servico = _setup(client, estoque=10)
    body = vb.body(cliente, [(produto, 3, 10), (servico, 1, 5)], situacao="EM_ANDAMENTO")
    venda = vb.criar(client, company, body)
    assert vb.estoque(client, company, produto) == 10
    vb.editar(client, company, venda["id"], {**body, "situacao": "APROVADO"})
    assert vb.estoque(client, company, produto) == 7
    vb.editar(client, company, venda["id"], {**body, "situacao": "FATURADO"})
    assert vb.estoque(client, company, produto) == 7
    mais = vb.body(cliente, [(produto, 5, 10), (servico, 1, 5)], situacao="FATURADO")
    vb.editar(client, company, venda["id"], mais)
    assert vb.estoque(client, company, produto) == 5
    vb.editar(client, company, venda["id"], {**mais, "situacao": "CANCELADO"})
    assert vb.estoque(client, company, produto) == 10
    vb.editar(client, company, venda["id"], {**mais, "situacao": "APROVADO"})
    assert vb.estoque(client, company, produto) == 5
    vb.excluir(client, company, venda["id"])
    assert vb.estoque(client, company, produto) == 10


def test_a_natureza_that_does_not_move_stock(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    consignada = natureza_id(company.id, "VENDA_CONSIGNADA")
    venda = vb.criar(client, company, vb.body(cliente, [(produto, 4, 10)], id_natureza_operacao=consignada))
    assert vb.estoque(client, company, produto) == 10
    assert vb.obter(client, company, venda["id"])["venda"]["id_natureza_operacao"] == consignada


def test_a_kit_moves_its_components(client: TestClient) -> None:
    company, cliente, caneta, _ = _setup(client, estoque=20)
    caderno = vb.produto(client, company, "Caderno", estoque=20)
    kit = vb.produto(
        client,
        company,
        "Kit escolar",
        estoque=0,
        detalhe_kit={
            "itens": [{"id_produto": caneta, "quantidade": 2}, {"id_produto": caderno, "quantidade": 1}]
        },
    )
    venda = vb.criar(client, company, vb.body(cliente, [(kit, 3, 30)]))
    assert (vb.estoque(client, company, caneta), vb.estoque(client, company, caderno)) == (14, 17)
    itens = client.get(f"/v1/venda/{venda['id']}/itens", headers=company.auth).json()
    assert itens["itens"][0]["tipo"] == "KIT_PRODUTOS" and itens["totais"]["quantidade_produtos"] == 1
    # components sent in itens_kit win over the kit's own
    body = vb.body(cliente, [(kit, 1, 30)], numero=2)
    body["itens"][0]["itens_kit"] = [{"id_produto": caderno, "id_kit": kit, "quantidade": 5, "valor": 6}]
    vb.criar(client, company, body)
    assert (vb.estoque(client, company, caneta), vb.estoque(client, company, caderno)) == (14, 12)


def test_stock_check_is_off_by_default_and_switchable(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client, estoque=2)
    config = client.get(f"/_anil/companies/{company.id}/configuracoes/vendas", headers=ADMIN)
    assert config.status_code == 200 and config.json() == {"verificar_estoque_ao_criar_venda": False}
    vb.criar(client, company, vb.body(cliente, [(produto, 3, 10)]))
    assert vb.estoque(client, company, produto) == -1
    vb.verificar_estoque(client, company, True)
    response = client.post(
        "/v1/venda", json=vb.body(cliente, [(produto, 1, 10)], numero=2), headers=company.auth
    )
    assert erro(response) == (
        "Não foi possível efetuar a integração: A quantidade de Caneta solicitada é superior a "
        "disponível no estoque"
    )
    assert vb.estoque(client, company, produto) == -1 and proximo(client, company) == 2
    # a sale in progress takes nothing out of stock: accepted
    vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)], numero=2, situacao="EM_ANDAMENTO"))
    vb.verificar_estoque(client, company, False)
    vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)], numero=3))
    assert vb.estoque(client, company, produto) == -2


def test_stock_settings_control_errors(client: TestClient) -> None:
    company = create_company(client)
    path = f"/_anil/companies/{company.id}/configuracoes/vendas"
    assert client.get(path).status_code in (401, 403)
    response = client.put(path, json={}, headers=ADMIN)
    assert response.status_code == 400
    assert response.json()["error"] == "O campo 'verificar_estoque_ao_criar_venda' é obrigatório"
    assert client.get(f"/_anil/companies/{vb.UNKNOWN}/configuracoes/vendas", headers=ADMIN).status_code == 404


# ---------------------------------------------------------------------------------------------- put ----


def test_put_versao_rules(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    body = vb.body(cliente, [(produto, 1, 10)])
    venda = vb.criar(client, company, body)
    for versao in (0, None):
        enviado = {**body, "versao": versao} if versao is not None else body
        response = client.put(f"/v1/venda/{venda['id']}", json=enviado, headers=company.auth)
        assert erro(response) == "O campo 'versao' é obrigatório"
    assert vb.editar(client, company, venda["id"], body, versao=99) == {
        "id": venda["id"],
        "id_legado": venda["id_legado"],
    }
    assert vb.obter(client, company, venda["id"])["venda"]["versao"] == 1
    vb.editar(client, company, venda["id"], body, versao=1)
    assert vb.obter(client, company, venda["id"])["venda"]["versao"] == 2
    resposta = client.put(f"/v1/venda/{venda['id']}", json={**body, "versao": 3}, headers=company.auth)
    assert_conforms("sales", "PUT", "/v1/venda/{id}", 200, resposta.json())


def test_put_errors_and_tenants(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    body = {**vb.body(cliente, [(produto, 1, 10)]), "versao": 1}
    venda = vb.criar(client, company, body)
    path = f"/v1/venda/{venda['id_legado']}"
    assert erro(client.put(path, json=body, headers=company.auth)) == (
        "o valor informado para o ID precisa ser do tipo UUID"
    )
    assert erro(client.put(f"/v1/venda/{vb.UNKNOWN}", json=body, headers=company.auth), 404)
    outra = create_company(client, "Outra Ltda")
    assert erro(client.put(f"/v1/venda/{venda['id']}", json=body, headers=outra.auth), 404)
    bad = {**body, "itens": []}
    assert erro(client.put(f"/v1/venda/{venda['id']}", json=bad, headers=company.auth))
    assert vb.obter(client, company, venda["id"])["venda"]["versao"] == 0
    vb.excluir(client, company, venda["id"])
    assert erro(client.put(f"/v1/venda/{venda['id']}", json=body, headers=company.auth)) == (
        "A venda foi excluída e não pode ser editada"
    )


def test_put_changing_the_plan_replaces_the_receivable(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    body = vb.body(cliente, [(produto, 1, 100)], opcao="2x")
    venda = vb.criar(client, company, body)
    antes = vb.obter(client, company, venda["id"])["evento_financeiro"]["id"]
    # a change that is not financial keeps the receivable
    vb.editar(client, company, venda["id"], {**body, "observacoes": "nova"})
    assert vb.obter(client, company, venda["id"])["evento_financeiro"]["id"] == antes
    novo = vb.body(cliente, [(produto, 1, 120)], opcao="3x")
    vb.editar(client, company, venda["id"], novo)
    detalhe = vb.obter(client, company, venda["id"])
    depois = detalhe["evento_financeiro"]["id"]
    assert depois != antes
    assert {p["status"] for p in vb.parcelas_financeiras(client, company, antes)} == {"CANCELADO"}
    parcelas = vb.parcelas_financeiras(client, company, depois)
    assert [p["valor_composicao"]["valor_bruto"] for p in parcelas] == [40, 40, 40]
    assert [p["id"] for p in detalhe["venda"]["condicao_pagamento"]["parcelas"]] == [
        p["id"] for p in parcelas
    ]


def test_put_refuses_to_replace_a_receivable_someone_settled(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    body = vb.body(cliente, [(produto, 1, 100)], opcao="2x")
    venda = vb.criar(client, company, body)
    evento = vb.obter(client, company, venda["id"])["evento_financeiro"]["id"]
    primeira = vb.parcelas_financeiras(client, company, evento)[0]
    baixa = client.post(
        f"/v1/financeiro/eventos-financeiros/parcelas/{primeira['id']}/baixa",
        json={
            "data_pagamento": "2026-11-10",
            "composicao_valor": {"valor_bruto": 10},
            "conta_financeira": primeira["conta_financeira"]["id"],
        },
        headers=company.auth,
    )
    assert baixa.status_code == 200, baixa.text
    novo = vb.body(cliente, [(produto, 1, 120)], opcao="2x")
    response = client.put(f"/v1/venda/{venda['id']}", json={**novo, "versao": 1}, headers=company.auth)
    assert erro(response) == (
        "A venda possui parcelas com baixas registradas e o seu financeiro não pode ser alterado"
    )
    # cancelling is allowed: the partly paid installment stays, the other one is cancelled
    vb.editar(client, company, venda["id"], {**body, "situacao": "CANCELADO"})
    status = [p["status"] for p in vb.parcelas_financeiras(client, company, evento)]
    assert status[1] == "CANCELADO" and status[0] != "CANCELADO"


# ------------------------------------------------------------------------------------ exclusão-lote ----


def test_batch_delete_is_logical(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    vendas = [
        vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)], numero=n, situacao="EM_ANDAMENTO"))
        for n in (1, 2, 3)
    ]
    assert proximo(client, company) == 4
    outra = create_company(client, "Outra Ltda")
    response = client.post("/v1/venda/exclusao-lote", json={"ids": [vendas[2]["id"]]}, headers=outra.auth)
    assert response.json() == {"atualizados": 0, "ignorados": 1}
    resultado = vb.excluir(client, company, vendas[2]["id"], vendas[1]["id"], vb.UNKNOWN, vendas[2]["id"])
    assert resultado == {"atualizados": 2, "ignorados": 2}
    assert_conforms("sales", "POST", "/v1/venda/exclusao-lote", 200, resultado)
    detalhe = vb.obter(client, company, vendas[2]["id"])
    assert detalhe["venda"]["status"] == "CANCELADO"
    assert detalhe["venda"]["situacao"]["nome"] == "EM_ANDAMENTO"
    evento = detalhe["evento_financeiro"]["id"]
    assert {p["status"] for p in vb.parcelas_financeiras(client, company, evento)} == {"CANCELADO"}
    assert proximo(client, company) == 2
    assert vb.obter(client, company, vendas[0]["id"])["venda"]["status"] == "EM_ANDAMENTO"


@pytest.mark.parametrize(
    ("body", "mensagem"),
    [
        ({}, "O campo 'ids' é obrigatório"),
        ({"ids": []}, "O campo 'ids' deve conter ao menos 1 item"),
        ({"ids": [vb.UNKNOWN] * 11}, "O campo 'ids' não pode conter mais de 10 itens"),
        ({"ids": ["123"]}, "O valor informado deve estar no formato UUID válido"),
    ],
)
def test_batch_delete_validation(client: TestClient, body: dict, mensagem: str) -> None:
    company, cliente, produto, _ = _setup(client)
    venda = vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)]))
    assert erro(client.post("/v1/venda/exclusao-lote", json=body, headers=company.auth)) == mensagem
    assert vb.obter(client, company, venda["id"])["venda"]["status"] == "EM_ANDAMENTO"


# ------------------------------------------------------------------------------------ itens, número ----


def test_items_are_paged(client: TestClient) -> None:
    company, cliente, produto, servico = _setup(client)
    linhas = [(produto if i % 2 else servico, i + 1, 1) for i in range(12)]
    venda = vb.criar(client, company, vb.body(cliente, linhas))
    primeira = client.get(f"/v1/venda/{venda['id']}/itens?tamanho_pagina=10", headers=company.auth).json()
    segunda = client.get(
        f"/v1/venda/{venda['id']}/itens?tamanho_pagina=10&pagina=2", headers=company.auth
    ).json()
    assert len(primeira["itens"]) == 10 and len(segunda["itens"]) == 2
    assert primeira["itens_totais"] == segunda["itens_totais"] == 12
    assert primeira["totais"] == {
        "quantidade_produtos": 6,
        "quantidade_servicos": 6,
        "quantidade_nao_conciliados": 0,
    }
    assert [i["quantidade"] for i in primeira["itens"] + segunda["itens"]] == list(range(1, 13))
    item = primeira["itens"][1]
    assert item["id_item"] == produto and item["nome"] == "Caneta" and item["tipo"] == "PRODUTO"
    assert_conforms("sales", "GET", "/v1/venda/{id_venda}/itens", 200, primeira)


def test_items_errors_and_tenants(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    venda = vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)]))
    assert erro(client.get(f"/v1/venda/{venda['id_legado']}/itens", headers=company.auth)) == (
        "o valor informado para o ID precisa ser do tipo UUID"
    )
    assert erro(client.get(f"/v1/venda/{venda['id']}/itens?tamanho_pagina=7", headers=company.auth))
    assert erro(client.get(f"/v1/venda/{vb.UNKNOWN}/itens", headers=company.auth), 404)
    outra = create_company(client, "Outra Ltda")
    assert erro(client.get(f"/v1/venda/{venda['id']}/itens", headers=outra.auth), 404)


def test_next_number_follows_the_highest(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    assert proximo(client, company) == 1
    vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)], numero=41))
    vb.criar(client, company, vb.body(cliente, [(produto, 1, 10)], numero=7))
    assert proximo(client, company) == 42
    assert proximo(client, create_company(client, "Outra Ltda")) == 1
    assert_conforms("sales", "GET", "/v1/venda/proximo-numero", 200, proximo(client, company))


def test_faturado_into_an_account_without_manual_settlements_stays_open(client: TestClient) -> None:
    company, cliente, produto, _ = _setup(client)
    conta = create_account(client, company, "Receba Fácil", tipo="RECEBA_FACIL_CARTAO")["id"]
    body = vb.body(cliente, [(produto, 1, 30)], situacao="FATURADO")
    body["condicao_pagamento"]["id_conta_financeira"] = conta
    venda = vb.criar(client, company, body)
    evento = vb.obter(client, company, venda["id"])["evento_financeiro"]["id"]
    (parcela,) = vb.parcelas_financeiras(client, company, evento)
    assert parcela["baixas"] == [] and parcela["nao_pago"] == 30


def test_fractional_kit_quantities_move_stock_once(client: TestClient) -> None:
    company, cliente, caneta, _ = _setup(client, estoque=10)
    kit = vb.produto(
        client, company, "Kit", estoque=0, detalhe_kit={"itens": [{"id_produto": caneta, "quantidade": 1}]}
    )
    body = vb.body(cliente, [(kit, "1.5", 10)])
    body["itens"][0]["itens_kit"] = [
        {"id_produto": caneta, "id_kit": kit, "quantidade": "0.3333", "valor": 10}
    ]
    venda = vb.criar(client, company, body)
    assert vb.estoque(client, company, caneta) == Decimal("9.5000")  # 10 − 1.5 × 0.3333 = 9.50005 → 9.5000
    for versao in (1, 2, 3):
        vb.editar(client, company, venda["id"], body, versao=versao)
        assert vb.estoque(client, company, caneta) == Decimal("9.5000")
    vb.excluir(client, company, venda["id"])
    assert vb.estoque(client, company, caneta) == 10
