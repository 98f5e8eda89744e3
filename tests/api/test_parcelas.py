"""Installments (catalog §3.10): `GET …/{id_evento}/parcelas`, `GET …/parcelas/{id}`, `PATCH …/parcelas/{id}`,
through HTTP on both engines, shapes checked against Conta Azul's own `financial` OpenAPI file."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from anil.domain.clock import MovableClock
from anil.storage.engine import Database
from anil.storage.models import EventoFinanceiro, Parcela
from tests.api.baixas_builders import (
    BASE,
    DESPESA,
    RECEITA,
    UNKNOWN_ID,
    alterar_parcela,
    baixa_ok,
    evento,
    fixtures_financeiras,
    parcela,
    parcelas,
    patch_minimo,
    renovar,
    uma_parcela,
)
from tests.api.contas_builders import create_account
from tests.api.financeiro_builders import criar_evento, receber_body
from tests.contract.openapi import assert_conforms
from tests.helpers import Company, create_company

_NULO = "anil writes null where it has no value (choice `financeiro-parcela-campos`); the provider file has no nullable"
# Places of the Parcela shape that are null for an installment without those facts.
NULOS_PARCELA = {
    ptr: _NULO
    for ptr in (
        "perda",
        "data_pagamento_previsto",
        "metodo_pagamento",
        "nsu",
        "fatura",
        "renegociacao",
        "id_ultima_solicitacao_pagamento",
        "id_boleto_bancario_autorizado",
        "id_ultimo_solicitacao_cobranca",
        "evento/codigo_referencia",
        "baixas/[]/id_reconciliacao",
        "baixas/[]/id_solicitacao_cobranca",
        "baixas/[]/id_recibo_digital",
        "baixas/[]/observacao",
        "baixas/[]/nsu",
        "baixas/[]/metodo_pagamento",
    )
}
_SEM_FUSO = (
    "§2.6 and the provider's own description and example (`2025-10-22T08:37:05`): São Paulo local time "
    "without offset (choice `timestamp-format`), which JSON Schema's date-time refuses"
)
NULOS_PARCELA["data_alteracao"] = _SEM_FUSO
NULOS_PARCELA["baixas/[]/atualizado_em"] = _SEM_FUSO
NULOS_LISTA = {f"[]/{ptr}": reason for ptr, reason in NULOS_PARCELA.items()}

MENSAGEM_409 = re.compile(
    r"^A versão informada \(\d+\) da parcela está desatualizada: a versão atual é \d+\."
)


@pytest.fixture
def company(client: TestClient) -> Company:
    return create_company(client)


@pytest.fixture
def f(client: TestClient, company: Company) -> dict:
    fixtures = fixtures_financeiras(client, company)
    # an account with bank details, so that its agência and número are strings
    fixtures["conta"] = create_account(
        client, company, "Conta Itaú", banco="ITAU", agencia="0001", numero="12345-6", saldo_inicial="1000.00"
    )["id"]
    return fixtures


def _seq(db: Database, evento_id: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(EventoFinanceiro.seq).where(EventoFinanceiro.id == evento_id)).scalar_one()


def _situacao(db: Database, parcela_id: str, situacao: str) -> None:
    """Cancelled and renegotiated installments come from sales and renegotiations, which the API cannot
    make yet: the state is set in the database, as those features will set it."""
    with db.engine.begin() as conn:
        conn.execute(update(Parcela).where(Parcela.id == parcela_id).values(situacao=situacao))


def _erro(response, status: int, message: str | None = None) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "message"} and body["code"] == status, body
    if message is not None:
        assert body["message"] == message
    return body["message"]


# ----------------------------------------------------------------------------------- by event ----


def test_an_events_installments_by_uuid_and_by_legacy_id(
    client: TestClient, company: Company, f: dict, db: Database
) -> None:
    evento_id = evento(client, company, f, parcelas=[("2030-01-10", "100.00"), ("2030-02-10", "250.50")])
    itens = parcelas(client, company, evento_id)
    assert [(p["indice"], p["valor_composicao"]["valor_bruto"], p["nao_pago"]) for p in itens] == [
        (1, 100, 100),
        (2, 250.5, 250.5),
    ]
    assert {p["evento"]["id"] for p in itens} == {evento_id}
    assert itens[0]["evento"]["condicao_pagamento"] == {"quantidade_parcelas": 2, "montante_fixo": False}
    assert_conforms(
        "financial", "GET", "/v1/financeiro/eventos-financeiros/{id_evento}/parcelas", 200, itens, NULOS_LISTA
    )
    assert parcelas(client, company, _seq(db, evento_id)) == itens
    assert parcelas(client, company, evento_id.upper()) == itens


def test_an_unknown_or_foreign_event_is_404_and_a_malformed_id_400(
    client: TestClient, company: Company, f: dict, db: Database
) -> None:
    evento_id = evento(client, company, f)
    _erro(
        client.get(f"{BASE}/{UNKNOWN_ID}/parcelas", headers=company.auth),
        404,
        "Evento financeiro não encontrado",
    )
    _erro(
        client.get(f"{BASE}/999999999/parcelas", headers=company.auth),
        404,
        "Evento financeiro não encontrado",
    )
    _erro(client.get(f"{BASE}/99999999999999999999999/parcelas", headers=company.auth), 404)
    _erro(
        client.get(f"{BASE}/abc/parcelas", headers=company.auth),
        400,
        "O valor 'abc' fornecido no parâmetro 'id_evento' não é um identificador (uuid) nem um id legado válido.",
    )
    outra = create_company(client, "Outra Empresa Ltda")
    _erro(client.get(f"{BASE}/{evento_id}/parcelas", headers=outra.auth), 404)
    _erro(client.get(f"{BASE}/{_seq(db, evento_id)}/parcelas", headers=outra.auth), 404)


# ------------------------------------------------------------------------------------- detail ----


def test_the_detail_has_the_whole_parcela_shape(client: TestClient, company: Company, f: dict) -> None:
    body = receber_body(
        f["conta"],
        f["contato"],
        f["categoria_receita"],
        valor="300.00",
        parcelas=[("2030-03-10", "300.00")],
        rateio=[
            {
                "id_categoria": f["categoria_receita"],
                "valor": "300.00",
                "rateio_centro_custo": [{"id_centro_custo": f["centro"], "valor": "300.00"}],
            }
        ],
    )
    evento_id = criar_evento(client, company, RECEITA, body)
    (item,) = parcelas(client, company, evento_id)
    detalhe = parcela(client, company, item["id"])
    assert detalhe == item
    assert_conforms(
        "financial", "GET", "/v1/financeiro/eventos-financeiros/parcelas/{id}", 200, detalhe, NULOS_PARCELA
    )
    assert detalhe["status"] == "PENDENTE"
    assert detalhe["versao"] == 1 and detalhe["indice"] == 1 and detalhe["conciliado"] is False
    assert detalhe["valor_pago"] == 0 and detalhe["nao_pago"] == 300 and detalhe["valor_total_liquido"] == 0
    assert detalhe["valor_composicao"] == {
        "multa": 0,
        "juros": 0,
        "valor_bruto": 300,
        "desconto": 0,
        "taxa": 0,
        "valor_liquido": 300,
    }
    assert detalhe["id_conta_financeira"] == f["conta"]
    assert detalhe["conta_financeira"]["id"] == f["conta"]
    assert (
        detalhe["conta_financeira"]["banco"] == "ITAU" and detalhe["conta_financeira"]["codigo_banco"] == 341
    )
    assert detalhe["baixas"] == [] and detalhe["anexos"] == [] and detalhe["solicitacoes_cobrancas"] == []
    assert detalhe["perda"] is None and detalhe["fatura"] is None and detalhe["renegociacao"] is None
    assert detalhe["referencia"] == evento_id
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?", detalhe["data_alteracao"])
    ev = detalhe["evento"]
    assert ev["id"] == evento_id and ev["tipo"] == "RECEITA" and ev["data_competencia"] == "2030-03-10"
    assert ev["referencia"] == {"id": evento_id, "revisao": "1", "origem": "LANCAMENTO_FINANCEIRO"}
    (rateio,) = ev["rateio"]
    assert rateio["id_categoria"] == f["categoria_receita"] and rateio["nome_categoria"]
    assert rateio["valor"] == 300 and rateio["valor_bruto"] == 300
    assert rateio["rateio_centro_custo"] == [
        {"id_centro_custo": f["centro"], "nome_centro_custo": "Centro Financeiro", "valor": 300}
    ]


def test_a_payable_installment_says_despesa(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f, DESPESA, "80.00")
    assert item["evento"]["tipo"] == "DESPESA"
    assert item["evento"]["rateio"][0]["id_categoria"] == f["categoria_despesa"]


def test_an_unknown_foreign_or_malformed_installment(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f)
    _erro(client.get(f"{BASE}/parcelas/{UNKNOWN_ID}", headers=company.auth), 404, "Parcela não encontrada")
    _erro(
        client.get(f"{BASE}/parcelas/xyz", headers=company.auth),
        400,
        "O valor 'xyz' fornecido no parâmetro 'id' não é um identificador (uuid) válido.",
    )
    outra = create_company(client, "Outra Empresa Ltda")
    _erro(client.get(f"{BASE}/parcelas/{item['id']}", headers=outra.auth), 404)
    _erro(alterar_parcela(client, outra, item["id"], patch_minimo(item)), 404)
    assert parcela(client, company, item["id"])["versao"] == 1


# ------------------------------------------------------------------------------------- status ----


def test_status_follows_the_company_clock_and_the_settlements(
    client: TestClient, clock: MovableClock
) -> None:
    clock.freeze(datetime(2030, 1, 10, 15, 0, tzinfo=UTC))  # 12:00 in São Paulo, the due day
    company = create_company(client)
    f = fixtures_financeiras(client, company)
    item = uma_parcela(client, company, f, valor="100.00", vencimento="2030-01-10")
    assert item["status"] == "PENDENTE"  # due today is still open
    clock.advance(timedelta(hours=12))  # 00:00 on the 11th in São Paulo
    company = renovar(client, company)
    assert parcela(client, company, item["id"])["status"] == "ATRASADO"
    baixa_ok(client, company, item["id"], "30.00", f["conta"], data="2030-01-11")
    assert parcela(client, company, item["id"])["status"] == "RECEBIDO_PARCIAL"
    baixa_ok(client, company, item["id"], "70.00", f["conta"], data="2030-01-11")
    depois = parcela(client, company, item["id"])
    assert (depois["status"], depois["valor_pago"], depois["nao_pago"]) == ("QUITADO", 100, 0)


def test_a_loss_makes_it_perdido_and_clearing_it_reopens(
    client: TestClient, company: Company, f: dict
) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    resposta = alterar_parcela(
        client, company, item["id"], patch_minimo(item, perda={"data": "2030-02-01", "valor": 40})
    )
    assert resposta.status_code == 200, resposta.text
    assert resposta.json()["perda"] == {"data": "2030-02-01", "valor": 40}
    perdida = parcela(client, company, item["id"])
    assert perdida["status"] == "PERDIDO" and perdida["perda"] == {"data": "2030-02-01", "valor": 40}
    resposta = alterar_parcela(client, company, item["id"], patch_minimo(perdida, perda=None))
    assert resposta.status_code == 200, resposta.text
    reaberta = parcela(client, company, item["id"])
    assert reaberta["status"] == "PENDENTE" and reaberta["perda"] is None


# -------------------------------------------------------------------------------------- PATCH ----


def test_the_seeds_patch_replays(client: TestClient, company: Company, f: dict) -> None:
    """Seed 002's PATCH body as written, with a real installment, version and account."""
    item = uma_parcela(client, company, f, valor="300.00")
    outra_conta = create_account(client, company, "Nome do banco", agencia="001", numero="123")
    body = {
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
        "id_conta_financeira": outra_conta["id"],
    }
    response = alterar_parcela(client, company, item["id"], body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert_conforms("financial", "PATCH", "/v1/financeiro/eventos-financeiros/parcelas/{id}", 200, answer)
    assert answer == {
        "nota": "Nota da parcela",
        "descricao": "Descrição da parcela",
        "vencimento": "2024-07-15",
        # the net value is derived, never taken from the body (choice `financeiro-parcela-patch`)
        "composicao_valor": {
            "multa": 100.25,
            "juros": 1.5,
            "valor_bruto": 275.99,
            "desconto": 2.1,
            "taxa": 4.4,
            "valor_liquido": 371.24,
        },
        "versao": 2,
        "data_pagamento_esperado": "2024-07-15",
        "metodo_pagamento": "CARTAO_CREDITO",
        "perda": {"data": "2024-07-15", "valor": 1.99},
        "nsu": "1029384756",
        "pagamento_agendado": False,
        "conta_financeira": {
            "id": outra_conta["id"],
            "versao": 0,
            "nome": "Nome do banco",
            "agencia": "001",
            "numero": "123",
            "tipo": "CONTA_CORRENTE",
            "banco": "OUTROS",
        },
    }
    depois = parcela(client, company, item["id"])
    assert depois["versao"] == 2 and depois["status"] == "PERDIDO"
    assert depois["data_vencimento"] == "2024-07-15" and depois["data_pagamento_previsto"] == "2024-07-15"
    assert depois["nota"] == "Nota da parcela" and depois["descricao"] == "Descrição da parcela"
    assert depois["nao_pago"] == 275.99 and depois["valor_composicao"]["valor_liquido"] == 371.24
    assert depois["id_conta_financeira"] == outra_conta["id"] and depois["nsu"] == "1029384756"
    assert depois["metodo_pagamento"] == "CARTAO_CREDITO" and depois["baixa_agendada"] is False


def test_patch_changes_only_what_is_sent_and_null_clears(
    client: TestClient, company: Company, f: dict
) -> None:
    item = uma_parcela(client, company, f)
    primeiro = alterar_parcela(
        client, company, item["id"], patch_minimo(item, nota="n1", nsu="42", metodo_pagamento="PIX_COBRANCA")
    )
    assert primeiro.status_code == 200, primeiro.text
    atual = parcela(client, company, item["id"])
    assert (atual["nota"], atual["nsu"], atual["metodo_pagamento"]) == ("n1", "42", "PIX_COBRANCA")
    segundo = alterar_parcela(client, company, item["id"], patch_minimo(atual, pagamento_agendado=True))
    assert segundo.status_code == 200, segundo.text
    atual = parcela(client, company, item["id"])
    assert (atual["nota"], atual["nsu"], atual["metodo_pagamento"], atual["baixa_agendada"]) == (
        "n1",
        "42",
        "PIX_COBRANCA",
        True,
    )
    assert atual["descricao"] == item["descricao"] and atual["data_vencimento"] == item["data_vencimento"]
    terceiro = alterar_parcela(
        client, company, item["id"], patch_minimo(atual, nota=None, nsu=None, metodo_pagamento=None)
    )
    assert terceiro.status_code == 200, terceiro.text
    atual = parcela(client, company, item["id"])
    assert (atual["nota"], atual["nsu"], atual["metodo_pagamento"], atual["versao"]) == (None, None, None, 4)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "O campo 'versao' é obrigatório"),
        ({"versao": 1}, "O campo 'composicao_valor' é obrigatório"),
        ({"versao": 1, "composicao_valor": {}}, "O campo 'composicao_valor.valor_bruto' é obrigatório"),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100, "multa": -1}},
            "O campo 'composicao_valor.multa' deve ser maior ou igual a zero",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 0}},
            "O campo 'composicao_valor.valor_bruto' deve ser maior que zero",
        ),
        ({"versao": "x", "composicao_valor": {"valor_bruto": 100}}, "O campo 'versao' é inválido"),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "descricao": None},
            "O campo 'descricao' é obrigatório",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "descricao": "  "},
            "O campo 'descricao' é obrigatório",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "vencimento": None},
            "O campo 'vencimento' é obrigatório",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "vencimento": "15/07/2024"},
            "O campo 'vencimento' é inválido",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "metodo_pagamento": "FIADO"},
            "O valor do atributo 'metodo_pagamento' deve ser um dos seguintes valores: DINHEIRO, CARTAO_CREDITO, "
            "BOLETO_BANCARIO, CARTAO_CREDITO_VIA_LINK, CHEQUE, CARTAO_DEBITO, TRANSFERENCIA_BANCARIA, OUTRO, "
            "CARTEIRA_DIGITAL, CASHBACK, CREDITO_LOJA, CREDITO_VIRTUAL, DEPOSITO_BANCARIO, PIX_PAGAMENTO_INSTANTANEO, "
            "PROGRAMA_FIDELIDADE, SEM_PAGAMENTO, VALE_ALIMENTACAO, VALE_COMBUSTIVEL, VALE_PRESENTE, VALE_REFEICAO, "
            "PIX_COBRANCA, DEBITO_AUTOMATICO",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "perda": {"valor": 1}},
            "O campo 'perda.data' é obrigatório",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "perda": {"data": "2030-01-01"}},
            "O campo 'perda.valor' é obrigatório",
        ),
        (
            {
                "versao": 1,
                "composicao_valor": {"valor_bruto": 100},
                "perda": {"data": "2030-01-01", "valor": 0},
            },
            "O campo 'perda.valor' deve ser maior que zero",
        ),
        (
            {
                "versao": 1,
                "composicao_valor": {"valor_bruto": 100},
                "perda": {"data": "2030-01-01", "valor": 100.01},
            },
            "O valor da perda (R$ 100,01) é maior que o valor em aberto da parcela (R$ 100,00)",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "id_conta_financeira": "nope"},
            "O campo 'id_conta_financeira' deve ser um identificador (uuid) válido",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "id_conta_financeira": UNKNOWN_ID},
            "O campo 'id_conta_financeira' não é uma conta financeira desta empresa",
        ),
        (
            {"versao": 1, "composicao_valor": {"valor_bruto": 100}, "id_conta_financeira": None},
            "O campo 'id_conta_financeira' é obrigatório",
        ),
    ],
)
def test_patch_rules_one_field_at_a_time(
    client: TestClient, company: Company, f: dict, body: dict, message: str
) -> None:
    item = uma_parcela(client, company, f)
    _erro(alterar_parcela(client, company, item["id"], body), 400, message)
    assert parcela(client, company, item["id"]) == item


def test_patch_body_must_be_an_object(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f)
    response = client.patch(f"{BASE}/parcelas/{item['id']}", content=b"[1]", headers=company.auth)
    _erro(response, 400)


def test_patch_refuses_another_companys_or_an_inactive_account(
    client: TestClient, company: Company, f: dict
) -> None:
    item = uma_parcela(client, company, f)
    outra = create_company(client, "Outra Empresa Ltda")
    alheia = create_account(client, outra, "Conta Alheia")
    _erro(
        alterar_parcela(client, company, item["id"], patch_minimo(item, id_conta_financeira=alheia["id"])),
        400,
        "O campo 'id_conta_financeira' não é uma conta financeira desta empresa",
    )
    inativa = create_account(client, company, "Conta Inativa", ativo=False)
    _erro(
        alterar_parcela(client, company, item["id"], patch_minimo(item, id_conta_financeira=inativa["id"])),
        400,
        f"A conta financeira '{inativa['id']}' está inativa",
    )
    # sending the account it already has is no change
    mesma = alterar_parcela(
        client, company, item["id"], patch_minimo(item, id_conta_financeira=f["conta"].upper())
    )
    assert mesma.status_code == 200, mesma.text


def test_a_stale_version_is_409(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f)
    assert alterar_parcela(client, company, item["id"], patch_minimo(item, nota="a")).status_code == 200
    message = _erro(alterar_parcela(client, company, item["id"], patch_minimo(item, nota="b")), 409)
    assert MENSAGEM_409.match(message), message
    assert parcela(client, company, item["id"])["nota"] == "a"
    # a settlement is a change of the installment too: it takes a new version
    atual = parcela(client, company, item["id"])
    baixa_ok(client, company, item["id"], "10.00", f["conta"])
    _erro(alterar_parcela(client, company, item["id"], patch_minimo(atual, nota="c")), 409)
    assert parcela(client, company, item["id"])["versao"] == atual["versao"] + 1


def test_gross_value_keeps_what_is_open_and_never_goes_below_what_is_paid(
    client: TestClient, company: Company, f: dict
) -> None:
    item = uma_parcela(client, company, f, valor="100.00")
    baixa_ok(client, company, item["id"], "60.00", f["conta"])
    atual = parcela(client, company, item["id"])
    _erro(
        alterar_parcela(
            client,
            company,
            item["id"],
            {"versao": atual["versao"], "composicao_valor": {"valor_bruto": "59.99"}},
        ),
        400,
        "O valor bruto da parcela (R$ 59,99) não pode ser menor que o valor já pago (R$ 60,00)",
    )
    ok = alterar_parcela(
        client, company, item["id"], {"versao": atual["versao"], "composicao_valor": {"valor_bruto": 150}}
    )
    assert ok.status_code == 200, ok.text
    atual = parcela(client, company, item["id"])
    assert (atual["valor_pago"], atual["nao_pago"], atual["status"]) == (60, 90, "RECEBIDO_PARCIAL")
    ok = alterar_parcela(
        client, company, item["id"], {"versao": atual["versao"], "composicao_valor": {"valor_bruto": 60}}
    )
    assert ok.status_code == 200, ok.text
    atual = parcela(client, company, item["id"])
    assert (atual["valor_pago"], atual["nao_pago"], atual["status"]) == (60, 0, "QUITADO")


def test_cancelled_and_renegotiated_installments_cannot_be_edited(
    client: TestClient, company: Company, f: dict, db: Database
) -> None:
    for situacao, message in (
        ("CANCELADO", "Não é possível alterar uma parcela cancelada"),
        ("RENEGOCIADO", "Não é possível alterar uma parcela renegociada"),
    ):
        item = uma_parcela(client, company, f)
        _situacao(db, item["id"], situacao)
        assert parcela(client, company, item["id"])["status"] == situacao
        _erro(alterar_parcela(client, company, item["id"], patch_minimo(item)), 400, message)


def test_money_keeps_two_places(client: TestClient, company: Company, f: dict) -> None:
    item = uma_parcela(client, company, f)
    ok = alterar_parcela(
        client,
        company,
        item["id"],
        {"versao": 1, "composicao_valor": {"valor_bruto": "123.455", "juros": 0.1}},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["composicao_valor"]["valor_bruto"] == 123.46
    atual = parcela(client, company, item["id"])
    assert Decimal(str(atual["nao_pago"])) == Decimal("123.46")
    assert Decimal(str(atual["valor_composicao"]["valor_liquido"])) == Decimal("123.56")
