"""The installment searches (`…/contas-a-receber/buscar`, `…/contas-a-pagar/buscar`, catalog §3.10) through
HTTP on both engines: the item shape, statuses on the company's clock, `totais` to the cent, every filter,
sorting, pages walked in order against random jumps, validation, tenant isolation and the caches following
every write."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from anil.storage.engine import Database
from anil.storage.models import Parcela
from anil.storage.repositories import financeiro
from tests.api.baixas_builders import alterar_parcela, baixa_ok, parcela, patch_minimo
from tests.api.contas_builders import create_account
from tests.api.financeiro_builders import (
    DESPESA,
    RECEITA,
    criar_evento,
    fixtures_financeiras,
    pagar_body,
    receber_body,
)
from tests.helpers import ADMIN, Company, create_company

BASE = "/v1/financeiro/eventos-financeiros"
RECEBER, PAGAR = "contas-a-receber", "contas-a-pagar"
JUNHO = {"data_vencimento_de": "2026-06-01", "data_vencimento_ate": "2026-06-30"}
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$")
STATUS_BUSCA = "PERDIDO, RECEBIDO, EM_ABERTO, RENEGOCIADO, RECEBIDO_PARCIAL, ATRASADO"


# ----------------------------------------------------------------------------------------- helpers ----


def buscar(client: TestClient, company: Company, tipo: str = RECEBER, params: Any = None, **extra: Any):  # type: ignore[no-untyped-def]
    """GET a search; `params` a dict or a list of pairs (repeated keys); `pagina=1`, `tamanho_pagina=10` and
    the June window unless given. `tipo` may be left out: `buscar(client, company, [("status", "X")])`."""
    if not isinstance(tipo, str):
        params, tipo = tipo, RECEBER
    pairs = list(params.items()) if isinstance(params, dict) else list(params or [])
    pairs += list(extra.items())
    names = {name for name, _ in pairs}
    for name, value in (("pagina", 1), ("tamanho_pagina", 10), *JUNHO.items()):
        if name not in names:
            pairs.append((name, value))
    return client.get(f"{BASE}/{tipo}/buscar", params=pairs, headers=company.auth)


def ok(client: TestClient, company: Company, tipo: str = RECEBER, params: Any = None, **extra: Any) -> dict:
    response = buscar(client, company, tipo, params, **extra)
    assert response.status_code == 200, response.text
    return response.json()


def erro(client: TestClient, company: Company, params: Any, tipo: str = RECEBER) -> str:
    response = buscar(client, company, tipo, params)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == 400
    return body["message"]


def ids(body: dict) -> list[str]:
    return [item["id"] for item in body["itens"]]


def descricoes(body: dict) -> list[str]:
    return [item["descricao"] for item in body["itens"]]


def soma(valor: str, quantidade: int) -> dict:
    number = Decimal(valor)
    return {
        "valor": int(number) if number == number.to_integral_value() else float(number),
        "quantidade": quantidade,
    }


def relogio(client: TestClient, company: Company, instante: str) -> None:
    """Freeze the company's clock at a São Paulo local date-time."""
    response = client.post(
        f"/_anil/companies/{company.id}/relogio", json={"instante": instante}, headers=ADMIN
    )
    assert response.status_code == 200, response.text


def avancar(client: TestClient, company: Company, **passo: int) -> None:
    response = client.post(f"/_anil/companies/{company.id}/relogio/avancar", json=passo, headers=ADMIN)
    assert response.status_code == 200, response.text


def evento(
    client: TestClient,
    company: Company,
    f: dict,
    parcelas: list[tuple[str, str, str]],
    *,
    tipo: str = RECEITA,
    competencia: str | None = None,
    conta: str | None = None,
    contato: str | None = None,
    categoria: str | None = None,
    centro: str | None = None,
) -> list[str]:
    """An event whose installments are `(data_vencimento, valor_bruto, descricao)`; their ids, in order."""
    valor = str(sum((Decimal(v) for _, v, _ in parcelas), Decimal("0.00")))
    conta = conta or f["conta"]
    contato = contato or f["contato"]
    build = receber_body if tipo == RECEITA else pagar_body
    categoria = categoria or (f["categoria_receita"] if tipo == RECEITA else f["categoria_despesa"])
    body = build(conta, contato, categoria, valor=valor, parcelas=[(d, v) for d, v, _ in parcelas])
    for entrada, (_, _, descricao) in zip(body["condicao_pagamento"]["parcelas"], parcelas, strict=True):
        entrada["descricao"] = descricao
    if competencia:
        body["data_competencia"] = competencia
    if centro:
        body["rateio"][0]["rateio_centro_custo"] = [{"id_centro_custo": centro, "valor": valor}]
    evento_id = criar_evento(client, company, tipo, body)
    response = client.get(f"{BASE}/{evento_id}/parcelas", headers=company.auth)
    assert response.status_code == 200, response.text
    return [item["id"] for item in sorted(response.json(), key=lambda p: p["indice"])]


def nome_categoria(client: TestClient, company: Company, categoria_id: str, tipo: str) -> str:
    response = client.get(
        "/v1/categorias", params={"pagina": 1, "tamanho_pagina": 1000, "tipo": tipo}, headers=company.auth
    )
    assert response.status_code == 200, response.text
    return next(item["nome"] for item in response.json()["itens"] if item["id"] == categoria_id)


def situacao(db: Database, company: Company, parcela_id: str, valor: str) -> None:
    """Put an installment in a state no endpoint reaches yet (a cancelled sale, a renegotiation), as those
    writes will: in one transaction with the company's data version."""

    def work(session):  # type: ignore[no-untyped-def]
        session.execute(
            update(Parcela)
            .where(Parcela.tenant_id == company.id, Parcela.id == parcela_id)
            .values(situacao=valor)
        )
        financeiro.nova_versao(session, company.id)

    db.run_write(work)


# -------------------------------------------------------------------------------------------- data ----


class Cenario:
    """A company whose clock reads 2026-06-15 10:00 in São Paulo, with three receivable installments
    (overdue, due today, pending) and one payable."""

    def __init__(self, client: TestClient) -> None:
        self.company = create_company(client)
        relogio(client, self.company, "2026-06-15T10:00:00")
        self.f = fixtures_financeiras(client, self.company)
        self.r1 = evento(
            client,
            self.company,
            self.f,
            [
                ("2026-06-10", "100.00", "Venda São Paulo 1/2"),
                ("2026-06-20", "200.00", "Venda São Paulo 2/2"),
            ],
            competencia="2026-06-01",
            centro=self.f["centro"],
        )
        self.r2 = evento(client, self.company, self.f, [("2026-06-15", "50.00", "Consultoria junho")])
        self.p1 = evento(
            client, self.company, self.f, [("2026-06-12", "80.00", "Aluguel junho")], tipo=DESPESA
        )


@pytest.fixture
def cenario(client: TestClient) -> Cenario:
    return Cenario(client)


# ---------------------------------------------------------------------------------------- the items ----


def test_receivables_items_in_due_order_with_every_field(client: TestClient, cenario: Cenario) -> None:
    c, f = cenario.company, cenario.f
    body = ok(client, c)
    assert body["itens_totais"] == 3
    assert ids(body) == [cenario.r1[0], cenario.r2[0], cenario.r1[1]]
    primeiro = body["itens"][0]
    assert set(primeiro) == {
        "id", "descricao", "data_vencimento", "status", "status_traduzido", "total", "pago", "nao_pago",
        "data_criacao", "data_alteracao", "data_competencia", "categorias", "centros_de_custo", "centros_custo",
        "cliente", "renegociacao",
    }  # fmt: skip
    categoria = {
        "id": f["categoria_receita"],
        "nome": nome_categoria(client, c, f["categoria_receita"], RECEITA),
    }
    centro = {"id": f["centro"], "nome": "Centro Financeiro"}
    assert primeiro == {
        "id": cenario.r1[0],
        "descricao": "Venda São Paulo 1/2",
        "data_vencimento": "2026-06-10",
        "status": "OVERDUE",
        "status_traduzido": "ATRASADO",
        "total": 100,
        "pago": 0,
        "nao_pago": 100,
        "data_criacao": primeiro["data_criacao"],
        "data_alteracao": primeiro["data_alteracao"],
        "data_competencia": "2026-06-01",
        "categorias": [categoria],
        "centros_de_custo": [centro],
        "centros_custo": [centro],
        "cliente": {"id": f["contato"], "nome": "Cliente Financeiro"},
        "renegociacao": None,
    }
    # created on the company's clock, shown in São Paulo time without an offset
    assert STAMP.match(primeiro["data_criacao"]) and primeiro["data_criacao"].startswith("2026-06-15T10:00")
    assert STAMP.match(primeiro["data_alteracao"])
    hoje, depois = body["itens"][1], body["itens"][2]
    assert (hoje["status"], hoje["status_traduzido"]) == ("PENDING", "EM_ABERTO")
    assert (depois["status"], depois["status_traduzido"]) == ("PENDING", "EM_ABERTO")
    assert hoje["centros_de_custo"] == hoje["centros_custo"] == []
    assert body["totais"] == {
        "pago": soma("0", 0),
        "vencido": soma("100", 1),
        "vence_hoje": soma("50", 1),
        "pendente": soma("200", 1),
        "aberto": soma("350", 3),
        "todos": soma("350", 3),
    }


def test_payables_carry_fornecedor_and_ignore_ids_clientes(client: TestClient, cenario: Cenario) -> None:
    c, f = cenario.company, cenario.f
    body = ok(client, c, PAGAR)
    assert ids(body) == cenario.p1
    (item,) = body["itens"]
    assert item["fornecedor"] == {"id": f["contato"], "nome": "Cliente Financeiro"}
    assert "cliente" not in item
    assert item["categorias"] == [
        {"id": f["categoria_despesa"], "nome": nome_categoria(client, c, f["categoria_despesa"], DESPESA)}
    ]
    assert (item["status"], item["status_traduzido"]) == ("OVERDUE", "ATRASADO")
    assert body["totais"]["vencido"] == soma("80", 1)
    # payables cannot filter by supplier: the parameter is ignored, as production does
    outro = "0f6a7d2c-3b1e-4c8a-9d2f-5e6a7b8c9d01"
    assert ids(ok(client, c, PAGAR, ids_clientes=outro)) == cenario.p1
    assert ok(client, c, RECEBER, ids_clientes=outro)["itens_totais"] == 0


def test_statuses_and_totals_follow_the_company_clock(client: TestClient, cenario: Cenario) -> None:
    c = cenario.company
    assert ok(client, c, status="ATRASADO")["itens_totais"] == 1
    relogio(client, c, "2026-06-20T08:00:00")
    body = ok(client, c)
    assert [item["status_traduzido"] for item in body["itens"]] == ["ATRASADO", "ATRASADO", "EM_ABERTO"]
    assert body["totais"]["vencido"] == soma("150", 2)
    assert body["totais"]["vence_hoje"] == soma("200", 1)
    assert body["totais"]["pendente"] == soma("0", 0)
    avancar(client, c, dias=1)
    body = ok(client, c)
    assert [item["status"] for item in body["itens"]] == ["OVERDUE", "OVERDUE", "OVERDUE"]
    assert body["totais"]["vencido"] == soma("350", 3) and body["totais"]["aberto"] == soma("350", 3)
    assert ids(ok(client, c, status="ATRASADO")) == ids(body)
    assert ok(client, c, status="EM_ABERTO")["itens_totais"] == 0


def test_settlements_pago_recebido_parcial_and_data_pagamento(client: TestClient, cenario: Cenario) -> None:
    c, f = cenario.company, cenario.f
    baixa_ok(client, c, cenario.r1[1], "40.00", f["conta"], data="2026-06-14")
    baixa_ok(client, c, cenario.r2[0], "50.00", f["conta"], data="2026-06-15")
    body = ok(client, c)
    por_id = {item["id"]: item for item in body["itens"]}
    parcial, quitada = por_id[cenario.r1[1]], por_id[cenario.r2[0]]
    assert (parcial["status"], parcial["status_traduzido"]) == ("PARTIALLY_ACQUITTED", "RECEBIDO_PARCIAL")
    assert (parcial["total"], parcial["pago"], parcial["nao_pago"]) == (200, 40, 160)
    assert (quitada["status"], quitada["status_traduzido"]) == ("ACQUITTED", "RECEBIDO")
    assert (quitada["total"], quitada["pago"], quitada["nao_pago"]) == (50, 50, 0)
    assert body["totais"] == {
        "pago": soma("90", 2),
        "vencido": soma("100", 1),
        "vence_hoje": soma("0", 0),
        "pendente": soma("160", 1),
        "aberto": soma("260", 2),
        "todos": soma("350", 3),
    }
    assert ids(ok(client, c, status="RECEBIDO")) == [cenario.r2[0]]
    assert ids(ok(client, c, status="RECEBIDO_PARCIAL")) == [cenario.r1[1]]
    assert ids(ok(client, c, [("status", "RECEBIDO"), ("status", "RECEBIDO_PARCIAL")])) == [
        cenario.r2[0],
        cenario.r1[1],
    ]
    # data_pagamento: the installment's latest settlement day
    assert ids(ok(client, c, data_pagamento_de="2026-06-15")) == [cenario.r2[0]]
    assert ids(ok(client, c, data_pagamento_ate="2026-06-14")) == [cenario.r1[1]]
    assert ids(ok(client, c, data_pagamento_de="2026-06-14", data_pagamento_ate="2026-06-15")) == [
        cenario.r2[0],
        cenario.r1[1],
    ]
    baixa_ok(client, c, cenario.r1[1], "10.00", f["conta"], data="2026-06-15")
    assert ids(ok(client, c, data_pagamento_de="2026-06-15")) == [cenario.r2[0], cenario.r1[1]]


def test_lost_renegotiated_and_cancelled(client: TestClient, db: Database, cenario: Cenario) -> None:
    c = cenario.company
    atual = parcela(client, c, cenario.r1[0])
    response = alterar_parcela(
        client, c, cenario.r1[0], patch_minimo(atual, perda={"data": "2026-06-15", "valor": 100})
    )
    assert response.status_code == 200, response.text
    situacao(db, c, cenario.r1[1], "RENEGOCIADO")
    situacao(db, c, cenario.r2[0], "CANCELADO")
    body = ok(client, c)
    assert [(item["status"], item["status_traduzido"]) for item in body["itens"]] == [
        ("LOST", "PERDIDO"),
        ("RENEGOTIATED", "RENEGOCIADO"),
    ]
    assert cenario.r2[0] not in ids(body)  # cancelled installments never appear
    assert body["totais"]["todos"] == soma("300", 2)
    assert body["totais"]["aberto"] == soma("0", 0)
    assert ids(ok(client, c, status="PERDIDO")) == [cenario.r1[0]]
    assert ids(ok(client, c, status="RENEGOCIADO")) == [cenario.r1[1]]


# -------------------------------------------------------------------------------------- the filters ----


def test_every_filter(client: TestClient, cenario: Cenario) -> None:
    c, f = cenario.company, cenario.f
    outra_conta = create_account(client, c, "Conta Poupança", banco="ITAU")["id"]
    outra_pessoa = client.post(
        "/v1/pessoas",
        json={"nome": "Outra Cliente", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]},
        headers=c.auth,
    ).json()["id"]
    outras = client.get(
        "/v1/categorias",
        params={"pagina": 1, "tamanho_pagina": 10, "tipo": RECEITA, "apenas_filhos": "true"},
        headers=c.auth,
    ).json()["itens"]
    outra_categoria = outras[1]["id"]
    avancar(client, c, horas=2)  # 12:00 in São Paulo
    (r3,) = evento(
        client,
        c,
        f,
        [("2026-06-25", "1500.75", "Serviço de manutenção")],
        competencia="2026-05-20",
        conta=outra_conta,
        contato=outra_pessoa,
        categoria=outra_categoria,
    )
    todos = [cenario.r1[0], cenario.r2[0], cenario.r1[1], r3]
    assert ids(ok(client, c)) == todos

    # dates: competência and alteração (São Paulo local date-times, inclusive, ≤ 365 days)
    assert ids(ok(client, c, data_competencia_de="2026-05-01", data_competencia_ate="2026-05-31")) == [r3]
    assert ids(ok(client, c, data_competencia_de="2026-06-01")) == [
        cenario.r1[0],
        cenario.r2[0],
        cenario.r1[1],
    ]
    assert ids(ok(client, c, data_competencia_ate="2026-05-31")) == [r3]
    assert ids(
        ok(client, c, data_alteracao_de="2026-06-15T11:00:00", data_alteracao_ate="2026-06-15T13:00:00")
    ) == [r3]
    assert ids(
        ok(client, c, data_alteracao_de="2026-06-15T09:00:00", data_alteracao_ate="2026-06-15T10:30:00")
    ) == [
        cenario.r1[0],
        cenario.r2[0],
        cenario.r1[1],
    ]
    assert (
        ok(client, c, data_alteracao_de="2025-06-16T00:00:00", data_alteracao_ate="2026-06-15T09:59:59")[
            "itens_totais"
        ]
        == 0
    )
    # the end is inclusive at the precision written: the minute, the second, the instant
    antes_de_r3 = [cenario.r1[0], cenario.r2[0], cenario.r1[1]]
    assert (
        ids(ok(client, c, data_alteracao_de="2026-06-15T10:00", data_alteracao_ate="2026-06-15T12:00"))
        == todos
    )
    assert ids(
        ok(client, c, data_alteracao_de="2026-06-15T10:00", data_alteracao_ate="2026-06-15T11:59:59")
    ) == (antes_de_r3)
    assert ids(
        ok(client, c, data_alteracao_de="2026-06-15T12:00:00", data_alteracao_ate="2026-06-15T12:00:00")
    ) == [r3]
    assert ids(
        ok(client, c, data_alteracao_de="2026-06-15T10:00", data_alteracao_ate="2026-06-15T10:00:00.000")
    ) == (antes_de_r3)

    # valor: strings, over the installment's total, inclusive; a comma decimal is read too
    assert ids(ok(client, c, valor_de="100", valor_ate="200")) == [cenario.r1[0], cenario.r1[1]]
    assert ids(ok(client, c, valor_de="1500,75")) == [r3]
    assert ids(ok(client, c, valor_de="1.500,75", valor_ate="1.500,75")) == [r3]
    assert ids(ok(client, c, valor_ate="50.00")) == [cenario.r2[0]]

    # descricao: contains, ignoring case, accents and punctuation
    assert ids(ok(client, c, descricao="sao paulo")) == [cenario.r1[0], cenario.r1[1]]
    assert ids(ok(client, c, descricao="VENDA SÃO")) == [cenario.r1[0], cenario.r1[1]]
    assert ids(ok(client, c, descricao="manutencao")) == [r3]
    assert ids(ok(client, c, descricao="paulo 2/2")) == [cenario.r1[1]]
    assert ok(client, c, descricao="inexistente")["itens_totais"] == 0

    # status, many values: repeated, comma-separated or indexed
    assert ids(ok(client, c, status="EM_ABERTO")) == [cenario.r2[0], cenario.r1[1], r3]
    assert ids(ok(client, c, status="ATRASADO,EM_ABERTO")) == todos
    assert ids(ok(client, c, [("status[0]", "ATRASADO"), ("status[1]", "PERDIDO")])) == [cenario.r1[0]]

    # references: account, category, cost center (over the event's rateio), client
    assert ids(ok(client, c, ids_contas_financeiras=outra_conta)) == [r3]
    assert ids(ok(client, c, ids_contas_financeiras=f"{outra_conta},{f['conta']}")) == todos
    assert ids(ok(client, c, ids_categorias=outra_categoria)) == [r3]
    assert ids(ok(client, c, ids_categorias=f["categoria_receita"])) == [
        cenario.r1[0],
        cenario.r2[0],
        cenario.r1[1],
    ]
    assert ids(ok(client, c, ids_centros_de_custo=f["centro"])) == [cenario.r1[0], cenario.r1[1]]
    assert ids(ok(client, c, ids_clientes=outra_pessoa)) == [r3]
    assert ids(ok(client, c, [("ids_clientes", outra_pessoa), ("ids_clientes", f["contato"])])) == todos

    # filters add up (AND); the due-date window always applies
    assert ids(ok(client, c, status="EM_ABERTO", valor_de="100", ids_clientes=f["contato"])) == [
        cenario.r1[1]
    ]
    assert ids(ok(client, c, data_vencimento_de="2026-06-11", data_vencimento_ate="2026-06-20")) == [
        cenario.r2[0],
        cenario.r1[1],
    ]
    body = ok(client, c, ids_contas_financeiras=outra_conta)
    assert body["totais"]["pendente"] == soma("1500.75", 1) and body["totais"]["todos"] == soma("1500.75", 1)
    # unknown parameters are ignored (§2.5)
    assert ids(ok(client, c, zzz_bogus="abc")) == todos


# ---------------------------------------------------------------------------------------- sorting ----


def test_sorting(client: TestClient, cenario: Cenario) -> None:
    c = cenario.company
    r1a, r1b, r2 = cenario.r1[0], cenario.r1[1], cenario.r2[0]
    assert ids(ok(client, c)) == [r1a, r2, r1b]
    assert ids(ok(client, c, campo_ordenado_descendente="DATA_VENCIMENTO")) == [r1b, r2, r1a]
    assert ids(ok(client, c, campo_ordenado_ascendente="valor")) == [r2, r1a, r1b]
    assert ids(ok(client, c, campo_ordenado_descendente="VALOR")) == [r1b, r1a, r2]
    assert ids(ok(client, c, campo_ordenado_ascendente="DESCRICAO")) == [r2, r1a, r1b]
    assert ids(ok(client, c, campo_ordenado_ascendente="nome")) == [r2, r1a, r1b]
    assert ids(ok(client, c, campo_ordenado_descendente="NOME")) == [r1b, r1a, r2]
    assert ids(ok(client, c, campo_ordenado_ascendente="DATA_COMPETENCIA")) == [r1a, r1b, r2]
    # the ascending field wins; the descending one is then not even checked
    assert ids(ok(client, c, campo_ordenado_ascendente="VALOR", campo_ordenado_descendente="xyz")) == [
        r2,
        r1a,
        r1b,
    ]
    accepted = "DATA_VENCIMENTO, DATA_COMPETENCIA, DESCRICAO, NOME, VALOR"
    assert erro(client, c, {"campo_ordenado_ascendente": "ATIVO"}) == (
        f"O valor do atributo 'campo_ordenado_ascendente' deve ser um dos seguintes valores: {accepted}"
    )
    assert erro(client, c, {"campo_ordenado_descendente": "cliente"}) == (
        f"O valor do atributo 'campo_ordenado_descendente' deve ser um dos seguintes valores: {accepted}"
    )


# ----------------------------------------------------------------------------------------- paging ----


@pytest.mark.parametrize(
    "ordem",
    [
        {},
        {"campo_ordenado_descendente": "DATA_VENCIMENTO"},
        {"campo_ordenado_ascendente": "VALOR"},
        {"campo_ordenado_descendente": "DESCRICAO"},
    ],
    ids=["vencimento", "vencimento-desc", "valor", "descricao-desc"],
)
def test_pages_walked_in_order_equal_random_jumps(client: TestClient, ordem: dict) -> None:
    c = create_company(client)
    f = fixtures_financeiras(client, c)
    # 53 installments over 4 due dates and 3 values: ties everywhere, across page boundaries
    datas = ["2026-06-03", "2026-06-03", "2026-06-03", "2026-06-07", "2026-06-07", "2026-06-20", "2026-06-28"]
    parcelas = [
        (datas[i % len(datas)], f"{10 + (i % 3)}.00", f"Mensalidade {i + 1:02d}/27") for i in range(27)
    ]
    criados = evento(client, c, f, parcelas)
    criados += evento(client, c, f, parcelas[:26])  # a second event: rows of two events interleave
    tamanho = 10
    paginas = (len(criados) + tamanho - 1) // tamanho
    assert paginas == 6

    def pagina(n: int) -> list[str]:
        return ids(ok(client, c, {**ordem, "pagina": n, "tamanho_pagina": tamanho}))

    ordem_saltos = (4, 2, 6, 1, 5, 3)
    saltos = [pagina(n) for n in ordem_saltos]  # random jumps first: OFFSET
    por_salto = dict(zip(ordem_saltos, saltos, strict=True))
    caminhada = [pagina(n) for n in range(1, paginas + 2)]  # then in order: each page from the last one's end
    assert caminhada[-1] == []
    em_ordem = [item for pagina_ in caminhada for item in pagina_]
    assert sorted(em_ordem) == sorted(criados) and len(set(em_ordem)) == len(criados)
    assert [por_salto[n] for n in range(1, paginas + 1)] == caminhada[:-1]
    assert [pagina(n) for n in range(1, paginas + 1)] == caminhada[:-1]  # walked again, all cursors known
    todos = ok(client, c, {**ordem, "pagina": 1, "tamanho_pagina": 100})
    assert ids(todos) == em_ordem and todos["itens_totais"] == len(criados)
    # what the order promises
    datas_lidas = [item["data_vencimento"] for item in todos["itens"]]
    if ordem.get("campo_ordenado_ascendente") == "VALOR":
        assert [item["total"] for item in todos["itens"]] == sorted(item["total"] for item in todos["itens"])
    elif ordem.get("campo_ordenado_descendente") == "DESCRICAO":
        lidas = [item["descricao"].lower() for item in todos["itens"]]
        assert lidas == sorted(lidas, reverse=True)
    else:
        assert datas_lidas == sorted(datas_lidas, reverse=bool(ordem))
    # past the end: no items, the same totals
    depois = ok(client, c, {**ordem, "pagina": paginas + 5, "tamanho_pagina": tamanho})
    assert (
        depois["itens"] == []
        and depois["itens_totais"] == len(criados)
        and depois["totais"] == todos["totais"]
    )


def test_page_sizes_are_the_discrete_set(client: TestClient, cenario: Cenario) -> None:
    c = cenario.company
    for size in (10, 20, 50, 100, 200, 500, 1000):
        assert ok(client, c, tamanho_pagina=size)["itens_totais"] == 3
    body = ok(client, c, pagina=2, tamanho_pagina=10)
    assert body["itens"] == [] and body["itens_totais"] == 3


# ------------------------------------------------------------------------------------- validation ----

MSG_OBRIGATORIO = "O parâmetro '{}' é obrigatório"
FORMATO_DATA = "O valor do atributo '{}' deve estar no formato yyyy-MM-dd"
FORMATO_DATA_HORA = "O valor do atributo '{}' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"
UUID_MSG = "O valor '{}' fornecido no parâmetro '{}' não é um identificador (uuid) válido."


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"pagina": None}, MSG_OBRIGATORIO.format("pagina")),
        ({"tamanho_pagina": None}, MSG_OBRIGATORIO.format("tamanho_pagina")),
        ({"pagina": 0}, "O valor do atributo 'pagina' deve ser maior ou igual a 1"),
        ({"pagina": "um"}, "O valor do atributo 'pagina' deve ser um número inteiro"),
        (
            {"tamanho_pagina": 15},
            "O valor do atributo 'tamanho_pagina' deve ser um dos seguintes valores: 10, 20, 50, 100, 200, 500 ou 1000",
        ),
        ({"data_vencimento_de": None}, MSG_OBRIGATORIO.format("data_vencimento_de")),
        ({"data_vencimento_ate": None}, MSG_OBRIGATORIO.format("data_vencimento_ate")),
        (
            {
                "data_vencimento_de": None,
                "data_alteracao_de": "2026-06-01T00:00:00",
                "data_alteracao_ate": "2026-06-02T00:00:00",
            },
            MSG_OBRIGATORIO.format("data_vencimento_de"),
        ),
        ({"data_vencimento_de": "01/06/2026"}, FORMATO_DATA.format("data_vencimento_de")),
        (
            {"data_vencimento_de": "2026-07-01"},
            "O valor de 'data_vencimento_ate' deve ser posterior ao valor de 'data_vencimento_de'",
        ),
        ({"data_competencia_de": "2026-02-30"}, FORMATO_DATA.format("data_competencia_de")),
        (
            {"data_competencia_de": "2026-06-02", "data_competencia_ate": "2026-06-01"},
            "O valor de 'data_competencia_ate' deve ser posterior ao valor de 'data_competencia_de'",
        ),
        ({"data_pagamento_de": "2026-06-02T00:00:00"}, FORMATO_DATA.format("data_pagamento_de")),
        (
            {"data_alteracao_de": "2026-06-01T00:00:00Z", "data_alteracao_ate": "2026-06-02T00:00:00"},
            FORMATO_DATA_HORA.format("data_alteracao_de"),
        ),
        (
            {"data_alteracao_de": "2026-06-01T00:00:00", "data_alteracao_ate": "2026-06-02T00:00:00-03:00"},
            FORMATO_DATA_HORA.format("data_alteracao_ate"),
        ),
        (
            {"data_alteracao_de": "2026-06-01", "data_alteracao_ate": "2026-06-02T00:00:00"},
            FORMATO_DATA_HORA.format("data_alteracao_de"),
        ),
        (
            {"data_alteracao_de": "2026-06-01T00:00:00"},
            "É necessário informar ambos os parâmetros de data: 'data_alteracao_de' e 'data_alteracao_ate'",
        ),
        (
            {"data_alteracao_ate": "2026-06-01T00:00:00"},
            "É necessário informar ambos os parâmetros de data: 'data_alteracao_de' e 'data_alteracao_ate'",
        ),
        (
            {"data_alteracao_de": "2025-06-01T00:00:00", "data_alteracao_ate": "2026-06-01T00:00:01"},
            "O período entre 'data_alteracao_de' e 'data_alteracao_ate' não pode ser maior que 365 dias",
        ),
        (
            {"data_alteracao_de": "2026-06-02T00:00:00", "data_alteracao_ate": "2026-06-01T00:00:00"},
            "O valor de 'data_alteracao_ate' deve ser posterior ao valor de 'data_alteracao_de'",
        ),
        ({"valor_de": "cem"}, "O valor do atributo 'valor_de' deve ser um número maior ou igual a zero"),
        ({"valor_ate": "-1"}, "O valor do atributo 'valor_ate' deve ser um número maior ou igual a zero"),
        (
            {"valor_de": "20", "valor_ate": "10"},
            "O valor de 'valor_ate' deve ser maior ou igual ao valor de 'valor_de'",
        ),
        (
            {"status": "PAGO"},
            f"O valor do atributo 'status' deve ser um dos seguintes valores: {STATUS_BUSCA}",
        ),
        (
            {"status": "EM_ABERTO,pendente"},
            f"O valor do atributo 'status' deve ser um dos seguintes valores: {STATUS_BUSCA}",
        ),
        ({"ids_contas_financeiras": "123"}, UUID_MSG.format("123", "ids_contas_financeiras")),
        ({"ids_categorias": "abc"}, UUID_MSG.format("abc", "ids_categorias")),
        ({"ids_centros_de_custo": "x-y"}, UUID_MSG.format("x-y", "ids_centros_de_custo")),
        ({"ids_clientes": "nope"}, UUID_MSG.format("nope", "ids_clientes")),
    ],
)
def test_validation_one_field_at_a_time(client: TestClient, params: dict, message: str) -> None:
    c = create_company(client)
    query = {"pagina": 1, "tamanho_pagina": 10, **JUNHO, **params}
    response = client.get(
        f"{BASE}/{RECEBER}/buscar", params={k: v for k, v in query.items() if v is not None}, headers=c.auth
    )
    assert response.status_code == 400, response.text
    assert response.json() == {"code": 400, "message": message}


def test_validation_order_and_the_365_day_edge(client: TestClient) -> None:
    c = create_company(client)
    # the first invalid parameter in the spec's order is the one reported
    response = client.get(f"{BASE}/{PAGAR}/buscar", params={"status": "X"}, headers=c.auth)
    assert response.json() == {"code": 400, "message": MSG_OBRIGATORIO.format("pagina")}
    assert erro(client, c, {"status": "X", "valor_de": "x"}) == (
        "O valor do atributo 'valor_de' deve ser um número maior ou igual a zero"
    )
    # exactly 365 days is accepted
    ok(client, c, data_alteracao_de="2025-06-01T00:00:00", data_alteracao_ate="2026-06-01T00:00:00")
    # without a token: 401
    assert client.get(f"{BASE}/{RECEBER}/buscar", params={"pagina": 1}).status_code == 401


# ------------------------------------------------------------------------------ tenants and caches ----


def test_another_company_sees_nothing(client: TestClient, cenario: Cenario) -> None:
    outra = create_company(client, "Outra Empresa Ltda")
    body = ok(client, outra)
    assert body["itens_totais"] == 0 and body["itens"] == []
    assert body["totais"]["todos"] == soma("0", 0)
    f = cenario.f
    # its ids filter nothing in (and leak nothing from) the other company
    assert ok(client, outra, ids_categorias=f["categoria_receita"])["itens_totais"] == 0
    assert ok(client, outra, ids_clientes=f["contato"])["itens_totais"] == 0
    outra_f = fixtures_financeiras(client, outra)
    (propria,) = evento(client, outra, outra_f, [("2026-06-15", "10.00", "Venda São Paulo")])
    assert ids(ok(client, outra, descricao="sao paulo")) == [propria]
    assert ok(client, cenario.company)["itens_totais"] == 3


def test_counts_and_totals_follow_every_write(client: TestClient, cenario: Cenario) -> None:
    c, f = cenario.company, cenario.f
    antes = ok(client, c)
    assert antes["itens_totais"] == 3 and ok(client, c, pagina=2, tamanho_pagina=10)["itens"] == []
    (novo,) = evento(client, c, f, [("2026-06-30", "25.00", "Venda extra")])  # a creation
    depois = ok(client, c)
    assert depois["itens_totais"] == 4 and ids(depois)[-1] == novo
    assert depois["totais"]["pendente"] == soma("225", 2)
    baixa_ok(client, c, novo, "25.00", f["conta"], data="2026-06-15")  # a settlement
    assert ok(client, c)["totais"]["pago"] == soma("25", 1)
    atual = parcela(client, c, novo)  # an edit of the installment
    response = alterar_parcela(client, c, novo, patch_minimo(atual, descricao="Venda renomeada"))
    assert response.status_code == 200, response.text
    assert ids(ok(client, c, descricao="renomeada")) == [novo]
    assert ok(client, c, descricao="venda extra")["itens_totais"] == 0
    # the page cursors remembered before the writes do not survive them
    primeira = ids(ok(client, c, tamanho_pagina=10))
    assert primeira == [cenario.r1[0], cenario.r2[0], cenario.r1[1], novo]
