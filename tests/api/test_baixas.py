"""Settlements (baixas, catalog §3.11): the five endpoints through HTTP on both engines, their rules, what
they do to the installment and to the account's balance; shapes checked against Conta Azul's own
`acquittance` OpenAPI file."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from anil.storage.engine import Database
from anil.storage.models import Parcela
from tests.api.baixas_builders import (
    BASE,
    DESPESA,
    RECEITA,
    UNKNOWN_ID,
    alterar_baixa,
    alterar_parcela,
    baixa,
    baixa_ok,
    baixar,
    baixas,
    evento,
    excluir_baixa,
    fixtures_financeiras,
    parcela,
    parcelas,
    patch_minimo,
    saldo,
    uma_parcela,
)
from tests.api.contas_builders import create_account
from tests.contract.openapi import assert_conforms
from tests.helpers import ADMIN, Company, create_company

ACQ_PARCELA = "/v1/financeiro/eventos-financeiros/parcelas/{parcela_id}/baixa"
ACQ_BAIXA = "/v1/financeiro/eventos-financeiros/parcelas/baixa/{baixa_id}"
_NULO = "anil writes null where it has no value (choice `financeiro-parcela-campos`); the provider file has no nullable"
_SEM_FUSO = (
    "§2.6: São Paulo local time without offset (choice `timestamp-format`), as the financial file's own "
    "example `2025-08-05T08:37:05`; JSON Schema's date-time wants an offset"
)
NULOS_ESCRITA = {ptr: _NULO for ptr in ("metodo_pagamento", "observacao", "nsu")}
NULOS_LEITURA = {
    **{
        ptr: _NULO
        for ptr in (
            "id_reconciliacao",
            "id_solicitacao_cobranca",
            "id_recibo_digital",
            "metodo_pagamento",
            "observacao",
            "nsu",
        )
    },
    "atualizado_em": _SEM_FUSO,
}
NULOS_LISTA = {f"[]/{ptr}": reason for ptr, reason in NULOS_LEITURA.items()}
RECEBA_FACIL = (
    "Não é possível baixar manualmente uma parcela com a conta financeira do Receba Fácil ou da Conta PJ "
    "da Conta Azul: essas contas são baixadas automaticamente quando o cliente paga"
)
METODOS_BAIXA = (
    "DINHEIRO, CARTAO_CREDITO, BOLETO_BANCARIO, CARTAO_CREDITO_VIA_LINK, CHEQUE, CARTAO_DEBITO, "
    "TRANSFERENCIA_BANCARIA, OUTRO, CARTEIRA_DIGITAL, CASHBACK, CREDITO_LOJA, CREDITO_VIRTUAL, "
    "DEPOSITO_BANCARIO, PIX_PAGAMENTO_INSTANTANEO"
)


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


@pytest.fixture
def f(client: TestClient, company: Company) -> dict:
    fixtures = fixtures_financeiras(client, company)
    fixtures["conta"] = create_account(
        client, company, "Conta Itaú", banco="ITAU", agencia="0001", numero="12345-6", saldo_inicial="1000.00"
    )["id"]
    fixtures["caixa"] = create_account(
        client, company, "Conta Bradesco", banco="BRADESCO", saldo_inicial="50.00"
    )["id"]
    return fixtures


def _erro(response, status: int, message: str | None = None) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == status, body
    if message is not None:
        assert body["message"] == message
    return body["message"]


# ----------------------------------------------------------------------------------- shapes ----


def test_create_answers_the_write_shape(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, valor="200.00")
    response = baixar(
        client,
        company,
        item["id"],
        "150.00",
        f["conta"],
        data="2026-03-02",
        juros=2.5,
        multa=5,
        desconto=10,
        taxa=3.75,
        metodo_pagamento="PIX_PAGAMENTO_INSTANTANEO",
        observacao="Pagamento referente à fatura #1234.",
        nsu="1234567890",
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert_conforms("acquittance", "POST", ACQ_PARCELA, 200, body)
    assert re.fullmatch(r"[0-9a-f-]{36}", body["id"])
    assert body == {
        "id": body["id"],
        "versao": 1,
        "data_pagamento": "2026-03-02",
        "composicao_valor": {"multa": 5, "juros": 2.5, "valor_bruto": 150, "desconto": 10, "taxa": 3.75},
        "conta_financeira": f["conta"],
        "metodo_pagamento": "PIX_PAGAMENTO_INSTANTANEO",
        "observacao": "Pagamento referente à fatura #1234.",
        "nsu": "1234567890",
    }


def test_reads_answer_the_read_shape(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, DESPESA, "90.00")
    criada = baixa_ok(client, company, item["id"], "40.00", f["conta"], juros=1)
    lida = baixa(client, company, criada["id"])
    assert_conforms("acquittance", "GET", ACQ_BAIXA, 200, lida, NULOS_LEITURA)
    assert lida["id"] == criada["id"] and lida["versao"] == 1 and lida["data_pagamento"] == "2026-01-05"
    assert lida["valor_composicao"] == {
        "multa": 0,
        "juros": 1,
        "valor_bruto": 40,
        "desconto": 0,
        "taxa": 0,
        "valor_liquido": 41,
    }
    assert lida["conta_financeira"] == f["conta"] and lida["id_parcela"] == item["id"]
    assert lida["origem"] == "LANCAMENTO_FINANCEIRO" and lida["tipo_evento_financeiro"] == "DESPESA"
    assert lida["id_referencia"] == item["evento"]["id"] and lida["anexos"] == []
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?", lida["atualizado_em"])
    lista = baixas(client, company, item["id"])
    assert_conforms("acquittance", "GET", ACQ_PARCELA, 200, lista, NULOS_LISTA)
    assert lista == [lida]
    # the installment embeds the same baixa, its account as an object
    (embutida,) = parcela(client, company, item["id"])["baixas"]
    assert (
        embutida["conta_financeira"]["id"] == f["conta"]
        and embutida["conta_financeira"]["nome"] == "Conta Itaú"
    )
    assert {k: v for k, v in embutida.items() if k != "conta_financeira"} == {
        k: v for k, v in lida.items() if k != "conta_financeira"
    }


def test_an_installment_without_settlements_lists_none(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f)
    assert baixas(client, company, item["id"]) == []


# ------------------------------------------------------------------------------------ rules ----


def test_partial_settlements_until_paid(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    primeira = baixa_ok(client, company, item["id"], "30.00", f["conta"])
    atual = parcela(client, company, item["id"])
    assert (atual["status"], atual["valor_pago"], atual["nao_pago"], atual["versao"]) == (
        "RECEBIDO_PARCIAL",
        30,
        70,
        2,
    )
    _erro(
        baixar(client, company, item["id"], "70.01", f["conta"]),
        400,
        "O valor bruto da baixa (R$ 70,01) é maior que o valor em aberto da parcela (R$ 70,00)",
    )
    segunda = baixa_ok(client, company, item["id"], "70.00", f["conta"], desconto=5)
    atual = parcela(client, company, item["id"])
    assert (atual["status"], atual["valor_pago"], atual["nao_pago"], atual["versao"]) == (
        "QUITADO",
        100,
        0,
        3,
    )
    assert atual["valor_total_liquido"] == 95
    assert [b["id"] for b in atual["baixas"]] == [primeira["id"], segunda["id"]]
    _erro(baixar(client, company, item["id"], "0.01", f["conta"]), 400, "A parcela já está quitada")
    _erro(baixar(client, company, item["id"], 0, f["conta"]), 400, "A parcela já está quitada")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'data_pagamento' é obrigatório"),
        ({"data_pagamento": "2026-01-05"}, "O campo 'composicao_valor' é obrigatório"),
        (
            {"data_pagamento": "2026-01-05", "composicao_valor": {}},
            "O campo 'composicao_valor.valor_bruto' é obrigatório",
        ),
        (
            {"data_pagamento": "2026-01-05", "composicao_valor": {"valor_bruto": -1}},
            "O campo 'composicao_valor.valor_bruto' deve ser maior ou igual a zero",
        ),
        (
            {"data_pagamento": "2026-01-05", "composicao_valor": {"valor_bruto": 10, "juros": -0.01}},
            "O campo 'composicao_valor.juros' deve ser maior ou igual a zero",
        ),
        (
            {
                "data_pagamento": "2026-01-05",
                "composicao_valor": {"valor_bruto": 10, "desconto": 8, "taxa": 3},
            },
            "O valor líquido de 'composicao_valor' (valor bruto + juros + multa − desconto − taxa) não pode ser negativo",
        ),
        (
            {"data_pagamento": "2026-01-05", "composicao_valor": {"valor_bruto": 10}},
            "O campo 'conta_financeira' é obrigatório",
        ),
        (
            {
                "data_pagamento": "2026-01-05",
                "composicao_valor": {"valor_bruto": 10},
                "conta_financeira": "x",
            },
            "O campo 'conta_financeira' deve ser um identificador (uuid) válido",
        ),
        (
            {"data_pagamento": "05/01/2026", "composicao_valor": {"valor_bruto": 10}},
            "O campo 'data_pagamento' é inválido",
        ),
        (
            {"data_pagamento": "2026-01-05", "composicao_valor": {"valor_bruto": "dez"}},
            "O campo 'composicao_valor.valor_bruto' é inválido",
        ),
        (
            {
                "data_pagamento": "2026-01-05",
                "composicao_valor": {"valor_bruto": 10},
                "conta_financeira": UNKNOWN_ID,
                "metodo_pagamento": "PIX_COBRANCA",
            },
            f"O valor do atributo 'metodo_pagamento' deve ser um dos seguintes valores: {METODOS_BAIXA}",
        ),
        (
            {
                "data_pagamento": "2026-01-05",
                "composicao_valor": {"valor_bruto": 10},
                "conta_financeira": UNKNOWN_ID,
            },
            "O campo 'conta_financeira' não é uma conta financeira desta empresa",
        ),
    ],
)
def test_create_rules_one_field_at_a_time(
    client: TestClient, company: Company, f: dict, body: dict, message: str
) -> None:
    item = uma_parcela(client, company, f)
    _erro(client.post(f"{BASE}/parcelas/{item['id']}/baixa", json=body, headers=company.auth), 400, message)
    assert parcela(client, company, item["id"]) == item


def test_the_account_must_be_the_companys_active_and_settled_by_hand(
    client: TestClient, company: Company, f: dict
) -> None:
    item = uma_parcela(client, company, f)
    outra = create_company(client, "Outra Empresa Ltda")
    alheia = create_account(client, outra, "Conta Alheia")
    _erro(
        baixar(client, company, item["id"], 10, alheia["id"]),
        400,
        "O campo 'conta_financeira' não é uma conta financeira desta empresa",
    )
    inativa = create_account(client, company, "Conta Inativa", ativo=False)
    _erro(
        baixar(client, company, item["id"], 10, inativa["id"]),
        400,
        f"A conta financeira '{inativa['id']}' está inativa",
    )
    for tipo in ("RECEBA_FACIL_CARTAO", "COBRANCAS_CONTA_AZUL"):
        digital = create_account(client, company, f"Conta {tipo}", tipo=tipo)
        _erro(baixar(client, company, item["id"], 10, digital["id"]), 400, RECEBA_FACIL)
    assert parcela(client, company, item["id"]) == item


def test_an_installment_on_a_conta_azul_account_is_not_settled_by_hand(
    client: TestClient, company: Company, f: dict
) -> None:
    """Seed 000 #35/#48: the installment's own account is Receba Fácil or Conta PJ."""
    for tipo in ("RECEBA_FACIL_CARTAO", "COBRANCAS_CONTA_AZUL"):
        digital = create_account(client, company, f"Conta {tipo}", tipo=tipo)
        (item,) = parcelas(client, company, evento(client, company, f, conta=digital["id"]))
        _erro(baixar(client, company, item["id"], 10, f["conta"]), 400, RECEBA_FACIL)


def test_cancelled_renegotiated_and_lost_installments_are_not_settled(
    client: TestClient, company: Company, f: dict, db: Database
) -> None:
    for situacao, message in (
        ("CANCELADO", "Não é possível baixar uma parcela cancelada"),
        ("RENEGOCIADO", "Não é possível baixar uma parcela renegociada"),
    ):
        item = uma_parcela(client, company, f)
        # cancelled/renegotiated installments come from sales and renegotiations, not yet in the API
        with db.engine.begin() as conn:
            conn.execute(update(Parcela).where(Parcela.id == item["id"]).values(situacao=situacao))
        _erro(baixar(client, company, item["id"], 10, f["conta"]), 400, message)
    item = uma_parcela(client, company, f)
    perda = alterar_parcela(
        client, company, item["id"], patch_minimo(item, perda={"data": "2026-02-01", "valor": 100})
    )
    assert perda.status_code == 200, perda.text
    _erro(
        baixar(client, company, item["id"], 10, f["conta"]),
        400,
        "Não é possível baixar uma parcela com perda registrada",
    )


def test_unknown_foreign_and_malformed_ids(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f)
    criada = baixa_ok(client, company, item["id"], 10, f["conta"])
    _erro(baixar(client, company, UNKNOWN_ID, 10, f["conta"]), 404, "Parcela não encontrada")
    _erro(
        client.get(f"{BASE}/parcelas/{UNKNOWN_ID}/baixa", headers=company.auth), 404, "Parcela não encontrada"
    )
    _erro(
        client.get(f"{BASE}/parcelas/baixa/{UNKNOWN_ID}", headers=company.auth), 404, "Baixa não encontrada"
    )
    _erro(alterar_baixa(client, company, UNKNOWN_ID, {"versao": 1}), 404, "Baixa não encontrada")
    _erro(excluir_baixa(client, company, UNKNOWN_ID), 404, "Baixa não encontrada")
    _erro(
        client.get(f"{BASE}/parcelas/baixa/123", headers=company.auth),
        400,
        "O valor '123' fornecido no parâmetro 'baixa_id' não é um identificador (uuid) válido.",
    )
    _erro(
        baixar(client, company, "abc", 10, f["conta"]),
        400,
        "O valor 'abc' fornecido no parâmetro 'parcela_id' não é um identificador (uuid) válido.",
    )
    outra = create_company(client, "Outra Empresa Ltda")
    conta_outra = create_account(client, outra, "Conta Outra")
    _erro(baixar(client, outra, item["id"], 10, conta_outra["id"]), 404)
    _erro(client.get(f"{BASE}/parcelas/{item['id']}/baixa", headers=outra.auth), 404)
    _erro(client.get(f"{BASE}/parcelas/baixa/{criada['id']}", headers=outra.auth), 404)
    _erro(alterar_baixa(client, outra, criada["id"], {"versao": 1, "observacao": "x"}), 404)
    _erro(excluir_baixa(client, outra, criada["id"]), 404)
    assert baixa(client, company, criada["id"])["versao"] == 1
    assert parcela(client, company, item["id"])["valor_pago"] == 10


# ------------------------------------------------------------------------------------ PATCH ----


def test_patch_changes_what_is_sent_and_increments_the_version(
    client: TestClient, company: Company, f: dict
) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    criada = baixa_ok(client, company, item["id"], "40.00", f["conta"], metodo_pagamento="DINHEIRO", nsu="1")
    response = alterar_baixa(
        client,
        company,
        criada["id"],
        {"versao": 1, "composicao_valor": {"valor_bruto": 55, "juros": 1}, "observacao": "corrigida"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert_conforms("acquittance", "PATCH", ACQ_BAIXA, 200, body)
    assert body["versao"] == 2 and body["composicao_valor"]["valor_bruto"] == 55
    assert (body["metodo_pagamento"], body["nsu"], body["observacao"]) == ("DINHEIRO", "1", "corrigida")
    atual = parcela(client, company, item["id"])
    assert (atual["valor_pago"], atual["nao_pago"], atual["versao"]) == (55, 45, 3)
    # the provider's own spelling of one method is read as the real one
    response = alterar_baixa(
        client, company, criada["id"], {"versao": 2, "metodo_pagamento": "CREDITO_VIRTUA"}
    )
    assert response.status_code == 200, response.text
    assert baixa(client, company, criada["id"])["metodo_pagamento"] == "CREDITO_VIRTUAL"
    # null clears an optional field
    response = alterar_baixa(
        client, company, criada["id"], {"versao": 3, "nsu": None, "data_pagamento": "2026-02-01"}
    )
    assert response.status_code == 200, response.text
    lida = baixa(client, company, criada["id"])
    assert (lida["nsu"], lida["data_pagamento"], lida["versao"]) == (None, "2026-02-01", 4)


def test_patch_rules(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    criada = baixa_ok(client, company, item["id"], "40.00", f["conta"])
    baixa_ok(client, company, item["id"], "50.00", f["conta"])
    _erro(alterar_baixa(client, company, criada["id"], {}), 400, "O campo 'versao' é obrigatório")
    _erro(
        alterar_baixa(client, company, criada["id"], {"versao": 1, "composicao_valor": {}}),
        400,
        "O campo 'composicao_valor.valor_bruto' é obrigatório",
    )
    _erro(
        alterar_baixa(client, company, criada["id"], {"versao": 1, "data_pagamento": None}),
        400,
        "O campo 'data_pagamento' é obrigatório",
    )
    # 10 open + the 40 this baixa covers
    _erro(
        alterar_baixa(
            client, company, criada["id"], {"versao": 1, "composicao_valor": {"valor_bruto": "50.01"}}
        ),
        400,
        "O valor bruto da baixa (R$ 50,01) é maior que o valor em aberto da parcela (R$ 50,00)",
    )
    inativa = create_account(client, company, "Conta Inativa", ativo=False)
    _erro(
        alterar_baixa(client, company, criada["id"], {"versao": 1, "conta_financeira": inativa["id"]}),
        400,
        f"A conta financeira '{inativa['id']}' está inativa",
    )
    _erro(
        alterar_baixa(client, company, criada["id"], {"versao": 1, "metodo_pagamento": "PIX_COBRANCA"}),
        400,
        f"O valor do atributo 'metodo_pagamento' deve ser um dos seguintes valores: {METODOS_BAIXA}",
    )
    ok = alterar_baixa(client, company, criada["id"], {"versao": 1, "composicao_valor": {"valor_bruto": 50}})
    assert ok.status_code == 200, ok.text
    assert parcela(client, company, item["id"])["status"] == "QUITADO"
    message = _erro(alterar_baixa(client, company, criada["id"], {"versao": 1, "observacao": "tarde"}), 409)
    assert message.startswith("A versão informada (1) da baixa está desatualizada: a versão atual é 2.")
    assert baixa(client, company, criada["id"])["observacao"] is None


def test_patch_moves_the_money_to_the_new_account(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    criada = baixa_ok(client, company, item["id"], "60.00", f["conta"], taxa=1)
    assert (saldo(client, company, f["conta"]), saldo(client, company, f["caixa"])) == (
        Decimal("1059.00"),
        Decimal("50.00"),
    )
    ok = alterar_baixa(client, company, criada["id"], {"versao": 1, "conta_financeira": f["caixa"]})
    assert ok.status_code == 200, ok.text
    assert (saldo(client, company, f["conta"]), saldo(client, company, f["caixa"])) == (
        Decimal("1000.00"),
        Decimal("109.00"),
    )


# ----------------------------------------------------------------------------------- DELETE ----


def test_delete_undoes_the_settlement(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    primeira = baixa_ok(client, company, item["id"], "100.00", f["conta"], juros=2)
    assert parcela(client, company, item["id"])["status"] == "QUITADO"
    assert saldo(client, company, f["conta"]) == Decimal("1102.00")
    response = excluir_baixa(client, company, primeira["id"])
    assert response.status_code == 200 and response.content == b""
    atual = parcela(client, company, item["id"])
    assert (atual["status"], atual["valor_pago"], atual["nao_pago"], atual["baixas"], atual["versao"]) == (
        "PENDENTE",
        0,
        100,
        [],
        3,
    )
    assert saldo(client, company, f["conta"]) == Decimal("1000.00")
    _erro(client.get(f"{BASE}/parcelas/baixa/{primeira['id']}", headers=company.auth), 404)
    _erro(excluir_baixa(client, company, primeira["id"]), 404)
    # settled again after the undo
    baixa_ok(client, company, item["id"], "100.00", f["conta"])
    assert parcela(client, company, item["id"])["status"] == "QUITADO"


# ---------------------------------------------------------------------------------- balance ----


def test_receivables_bring_money_in_and_payables_take_it_out(
    client: TestClient, company: Company, f: dict
) -> None:
    receita = uma_parcela(client, company, f, RECEITA, "500.00")
    despesa = uma_parcela(client, company, f, DESPESA, "300.00")
    baixa_ok(client, company, receita["id"], "200.00", f["conta"], juros=3, multa=2, desconto=10, taxa=1.5)
    assert saldo(client, company, f["conta"]) == Decimal("1193.50")  # 1000 + (200 + 3 + 2 − 10 − 1.5)
    baixa_ok(client, company, despesa["id"], "300.00", f["conta"], juros=4.25)
    assert saldo(client, company, f["conta"]) == Decimal("889.25")  # − (300 + 4.25)
    assert saldo(client, company, f["caixa"]) == Decimal("50.00")
    # the initial balances listed by saldo-inicial do not move
    response = client.get(
        f"{BASE}/saldo-inicial",
        params={
            "data_inicio": "2000-01-01T00:00:00",
            "data_fim": "2100-01-01T00:00:00",
            "tamanho_pagina": 100,
        },
        headers=company.auth,
    )
    assert response.status_code == 200, response.text
    iniciais = {item["id_conta_financeira"]: item["saldo_inicial"] for item in response.json()["itens"]}
    assert (iniciais[f["conta"]], iniciais[f["caixa"]]) == (1000, 50)


def test_a_future_payment_counts_from_its_day(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    baixa_ok(client, company, item["id"], "100.00", f["conta"], data="2099-12-31")
    assert parcela(client, company, item["id"])["status"] == "QUITADO"
    assert saldo(client, company, f["conta"]) == Decimal("1000.00")


def test_companies_do_not_see_each_others_settlements(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    baixa_ok(client, company, item["id"], "100.00", f["conta"])
    outra = create_company(client, "Outra Empresa Ltda")
    g = fixtures_financeiras(client, outra)
    deles = uma_parcela(client, outra, g, valor="100.00")
    assert baixas(client, outra, deles["id"]) == []
    assert saldo(client, outra, g["conta"]) == Decimal("0.00")


# ------------------------------------------------------------------------------- alterações ----


def _em(client: TestClient, company: Company, instante: str) -> None:
    """The company's writes from now on happen at `instante` (São Paulo time): its own clock."""
    response = client.put(
        f"/_anil/companies/{company.id}/relogio", json={"instante": instante}, headers=ADMIN
    )
    assert response.status_code == 200, response.text


def _alterados(client: TestClient, company: Company, minuto: str) -> list[str]:
    response = client.get(
        f"{BASE}/alteracoes",
        params={"data_inicio": f"{minuto}:00", "data_fim": f"{minuto}:59"},
        headers=company.auth,
    )
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["itens"]]


def test_every_write_and_only_a_write_enters_the_alteracoes_feed(
    client: TestClient, company: Company, f: dict
) -> None:
    _em(client, company, "2030-05-01T10:00:00")
    item = uma_parcela(client, company, f, valor="100.00")
    evento_id = item["evento"]["id"]
    passos = [
        ("2030-05-01T10:01", lambda: baixar(client, company, item["id"], "100.01", f["conta"]), 400),
        ("2030-05-01T10:02", lambda: baixar(client, company, item["id"], "40.00", f["conta"]), 200),
        ("2030-05-01T10:03", lambda: alterar_parcela(client, company, item["id"], patch_minimo(item)), 409),
        (
            "2030-05-01T10:04",
            lambda: alterar_parcela(
                client, company, item["id"], patch_minimo(parcela(client, company, item["id"]))
            ),
            200,
        ),
    ]
    for minuto, escrita, status in passos:
        _em(client, company, f"{minuto}:30")
        assert escrita().status_code == status
        assert _alterados(client, company, minuto) == ([evento_id] if status == 200 else []), minuto
    (criada,) = baixas(client, company, item["id"])
    _em(client, company, "2030-05-01T10:05:30")
    assert alterar_baixa(client, company, criada["id"], {"versao": 1, "nsu": "9"}).status_code == 200
    assert _alterados(client, company, "2030-05-01T10:05") == [evento_id]
    _em(client, company, "2030-05-01T10:06:30")
    assert excluir_baixa(client, company, criada["id"]).status_code == 200
    assert _alterados(client, company, "2030-05-01T10:06") == [evento_id]
    # reads are no changes
    _em(client, company, "2030-05-01T10:07:30")
    parcela(client, company, item["id"])
    baixas(client, company, item["id"])
    assert _alterados(client, company, "2030-05-01T10:07") == []
