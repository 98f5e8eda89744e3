"""Seed 002 (the Financeiro API page) replayed against anil, every curl example in the page's order:
cost centers, an event's installments, categories, accounts, receivable creation, the receivable search,
payable creation, the payable search, an installment's detail and its PATCH.

Placeholders (`35473eec-…`, `9986f173-…`, `e12a84ed-…`) are replaced by real ids of the company,
literal `string` values by valid ones; where the seed and the catalog differ the catalog's shape wins
(the seed's `dd/MM/yyyy` dates are mock artefacts, catalog §3.10). The receivable and payable as written
(valor 100, one installment of gross 275.99) do not add up and get a clear 400; with consistent amounts
they are created. Each response is checked against Conta Azul's own OpenAPI file where it has a schema.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.contas_builders import create_account
from tests.api.financeiro_builders import BASE, DESPESA, RECEITA, aguardar, enviar, fixtures_financeiras
from tests.contract.openapi import assert_conforms
from tests.helpers import Company, create_company

SEED_CRIACAO = {
    "data_competencia": "2024-07-15",
    "valor": 100,
    "observacao": "Observação do evento financeiro",
    "descricao": "Descriação do evento financeiro",
    "contato": "<pessoa>",
    "conta_financeira": "<conta>",
    "rateio": [
        {
            "id_categoria": "<categoria>",
            "valor": 100,
            "rateio_centro_custo": [{"id_centro_custo": "<centro>", "valor": 100}],
        }
    ],
    "condicao_pagamento": {
        "parcelas": [
            {
                "descricao": "Descrição da parcela",
                "data_vencimento": "2024-07-15",
                "nota": "Nota adicional sobre a parcela",
                "conta_financeira": "<conta>",
                "detalhe_valor": {
                    "multa": 100.25,
                    "juros": 1.5,
                    "valor_bruto": 275.99,
                    "valor_liquido": 250.33,
                    "desconto": 2.1,
                    "taxa": 4.4,
                },
            }
        ]
    },
}

SEED_BUSCA = (
    "pagina=1&tamanho_pagina=10&campo_ordenado_ascendente=nome&campo_ordenado_descendente=nome"
    "&descricao=Conta+Corrente&data_vencimento_de=2027-08-15&data_vencimento_ate=2027-08-20"
    "&data_competencia_de=2025-08-15&data_competencia_ate=2025-08-20&data_pagamento_de=2025-08-15"
    "&data_pagamento_ate=2025-08-20&valor_de=100&valor_ate=500&status=ATRASADO"
    "&ids_contas_financeiras={conta}&ids_categorias={categoria}&ids_centros_de_custo={centro}"
)

SEED_PATCH = {
    "nota": "Nota da parcela",
    "descricao": "Descrição da parcela",
    "vencimento": "2024-07-15",
    "composicao_valor": {
        "multa": 100.25,
        "juros": 1.5,
        "valor_bruto": 275.99,
        "valor_liquido": 250.33,
        "desconto": 2.1,
        "taxa": 4.4,
    },
    "versao": 1,
    "data_pagamento_esperado": "2024-07-15",
    "metodo_pagamento": "CARTAO_CREDITO",
    "perda": {"data": "2024-07-15", "valor": 1.99},
    "nsu": "1029384756",
    "pagamento_agendado": False,
    "id_conta_financeira": "<outra conta>",
}


def _criacao(fx: dict, categoria: str, valor: float) -> dict:
    body = {**SEED_CRIACAO, "valor": valor, "contato": fx["contato"], "conta_financeira": fx["conta"]}
    body["rateio"] = [
        {
            "id_categoria": categoria,
            "valor": valor,
            "rateio_centro_custo": [{"id_centro_custo": fx["centro"], "valor": valor}],
        }
    ]
    parcela = {**SEED_CRIACAO["condicao_pagamento"]["parcelas"][0], "conta_financeira": fx["conta"]}
    body["condicao_pagamento"] = {"parcelas": [parcela]}
    return body


def _cria(client: TestClient, company: Company, tipo: str, fx: dict, categoria: str) -> str:
    """The seed's body as written gets a 400 naming the mismatch; with `valor` 275.99 it is created."""
    as_written = enviar(client, company, tipo, _criacao(fx, categoria, 100))
    assert as_written.status_code == 400, as_written.text
    assert "275,99" in as_written.json()["message"] and "100,00" in as_written.json()["message"]
    consistent = enviar(client, company, tipo, _criacao(fx, categoria, 275.99))
    assert consistent.status_code == 202, consistent.text
    assert_conforms("financial", "post", f"{BASE}/contas-a-receber", 202, consistent.json())
    final = aguardar(client, company, consistent.json()["protocolo"])
    assert final["status"] == "SUCCESS", final
    return final["evento_financeiro_id"]


def _busca(client: TestClient, company: Company, kind: str, fx: dict, categoria: str) -> dict:
    query = SEED_BUSCA.format(conta=fx["conta"], categoria=categoria, centro=fx["centro"])
    response = client.get(f"{BASE}/{kind}/buscar?{query}", headers=company.auth)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client, "Robinho Comércio Ltda")


def test_seed_002_replays_in_order(client: TestClient, company: Company) -> None:
    fx = fixtures_financeiras(client, company)

    # GET /v1/centro-de-custo with the seed's query (sort `string` → a documented field)
    centros = client.get(
        "/v1/centro-de-custo?pagina=1&tamanho_pagina=10&busca=010&filtro_rapido=ATIVO"
        "&campo_ordenado_ascendente=NOME&campo_ordenado_descendente=CODIGO",
        headers=company.auth,
    )
    assert centros.status_code == 200, centros.text
    assert {"itens_totais", "items", "totais"} <= set(centros.json())

    # POST /v1/centro-de-custo as written
    criado = client.post(
        "/v1/centro-de-custo",
        json={"codigo": "10", "nome": "Centro de custo do Robinho"},
        headers=company.auth,
    )
    assert criado.status_code == 200, criado.text
    assert criado.json()["codigo"] == "10" and criado.json()["ativo"] is True
    assert_conforms("financial", "post", "/v1/centro-de-custo", 200, criado.json())

    # GET /v1/categorias with the seed's query: `busca=010` matches nothing in the default plan
    categorias = client.get(
        "/v1/categorias?pagina=1&tamanho_pagina=10&campo_ordenado_ascendente=NOME"
        "&campo_ordenado_descendente=TIPO&busca=010&tipo=RECEITA&apenas_filhos=true"
        "&nome=Nome+da+Categoria&permite_apenas_filhos=true",
        headers=company.auth,
    )
    assert categorias.status_code == 200, categorias.text
    assert_conforms("financial", "get", "/v1/categorias", 200, categorias.json())

    # GET /v1/conta-financeira with the seed's query: the company's APLICACAO account named as the seed
    create_account(
        client, company, "Conta do Robinho", tipo="APLICACAO", banco="ITAU", agencia="0001", numero="12345-6"
    )
    contas = client.get(
        "/v1/conta-financeira?pagina=1&tamanho_pagina=10&tipos=APLICACAO&nome=Conta+do+Robinho"
        "&apenas_ativo=true&esconde_conta_digital=true&mostrar_caixinha=true",
        headers=company.auth,
    )
    assert contas.status_code == 200, contas.text
    assert [c["nome"] for c in contas.json()["itens"]] == ["Conta do Robinho"]
    assert_conforms("financial", "get", "/v1/conta-financeira", 200, contas.json())

    # POST contas-a-receber (as written: 400; consistent: 202 → SUCCESS), then its installments
    receita = _cria(client, company, RECEITA, fx, fx["categoria_receita"])
    parcelas = client.get(f"{BASE}/{receita}/parcelas", headers=company.auth)
    assert parcelas.status_code == 200, parcelas.text
    [parcela] = parcelas.json()
    assert parcela["valor_composicao"]["valor_bruto"] == 275.99
    assert parcela["nao_pago"] == 275.99
    assert parcela["evento"]["rateio"][0]["rateio_centro_custo"][0]["id_centro_custo"] == fx["centro"]

    # GET contas-a-receber/buscar with the seed's query: a due window in 2027 holds nothing of 2024
    vazio = _busca(client, company, "contas-a-receber", fx, fx["categoria_receita"])
    assert vazio["itens_totais"] == 0 and vazio["itens"] == []

    # POST contas-a-pagar, then GET contas-a-pagar/buscar with the seed's query
    despesa = _cria(client, company, DESPESA, fx, fx["categoria_despesa"])
    vazio = _busca(client, company, "contas-a-pagar", fx, fx["categoria_despesa"])
    assert vazio["itens_totais"] == 0

    # the same searches over the installments' own window find them, ATRASADO on today's clock
    for kind, evento, categoria in (
        ("contas-a-receber", receita, fx["categoria_receita"]),
        ("contas-a-pagar", despesa, fx["categoria_despesa"]),
    ):
        query = (
            f"pagina=1&tamanho_pagina=10&data_vencimento_de=2024-07-01&data_vencimento_ate=2024-07-31"
            f"&status=ATRASADO&ids_contas_financeiras={fx['conta']}&ids_categorias={categoria}"
            f"&ids_centros_de_custo={fx['centro']}"
        )
        achados = client.get(f"{BASE}/{kind}/buscar?{query}", headers=company.auth)
        assert achados.status_code == 200, achados.text
        [item] = achados.json()["itens"]
        assert item["status_traduzido"] == "ATRASADO" and item["total"] == 275.99
        assert client.get(f"{BASE}/{evento}/parcelas", headers=company.auth).json()[0]["id"] == item["id"]

    # GET parcelas/{id}
    detalhe = client.get(f"{BASE}/parcelas/{parcela['id']}", headers=company.auth)
    assert detalhe.status_code == 200, detalhe.text
    assert detalhe.json()["evento"]["id"] == receita and detalhe.json()["versao"] == 1
    assert detalhe.json()["data_vencimento"] == "2024-07-15"  # ISO, not the mock's dd/MM/yyyy

    # PATCH parcelas/{id} with the seed's body (another account of the company)
    outra = create_account(client, company, "Nome do banco", tipo="OUTROS", banco="OUTROS")
    patch = {**SEED_PATCH, "id_conta_financeira": outra["id"]}
    atualizada = client.patch(f"{BASE}/parcelas/{parcela['id']}", json=patch, headers=company.auth)
    assert atualizada.status_code == 200, atualizada.text
    body = atualizada.json()
    assert body["versao"] == 2 and body["conta_financeira"]["id"] == outra["id"]
    assert body["perda"] == {"data": "2024-07-15", "valor": 1.99}
    assert client.get(f"{BASE}/parcelas/{parcela['id']}", headers=company.auth).json()["status"] == "PERDIDO"

    # replaying the same PATCH with the now stale versao is a conflict
    stale = client.patch(f"{BASE}/parcelas/{parcela['id']}", json=patch, headers=company.auth)
    assert stale.status_code == 409, stale.text
