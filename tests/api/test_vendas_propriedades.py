"""Properties of sales over random histories (issue 5 acceptance), through HTTP, both engines.

A history is a random sequence of: new sales (EM_ANDAMENTO, APROVADO or FATURADO; random quantities of
two products and a service, random discount, freight and payment condition), edits (new quantities,
condition and situation, CANCELADO included), and batch deletions. Afterwards every product's stock equals
its initial stock minus the quantities of the sales that are APROVADO or FATURADO and not deleted, and every
sale's receivable holds exactly its total in installments that are not cancelled (none when the sale is
cancelled or deleted), settled in full when FATURADO.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api import vendas_builders as vb
from tests.helpers import create_company

INICIAL = Decimal(50)
MOVEM = ("APROVADO", "FATURADO")


@dataclass
class VendaM:
    id: str
    quantidades: tuple[int, int]
    situacao: str
    excluida: bool = False
    total: Decimal = Decimal(0)


quantidade = st.integers(min_value=0, max_value=6)
condicao = st.sampled_from(["À vista", "2x", "3x", "30,60", "10,20,30,40"])
desconto = st.one_of(
    st.none(),
    st.tuples(st.just("VALOR"), st.integers(0, 5)),
    st.tuples(st.just("PORCENTAGEM"), st.integers(0, 50)),
)
criar = st.tuples(
    st.just("criar"),
    quantidade,
    quantidade,
    st.sampled_from(["EM_ANDAMENTO", "APROVADO", "FATURADO"]),
    condicao,
    desconto,
)
editar = st.tuples(
    st.just("editar"),
    st.integers(0, 4),
    quantidade,
    quantidade,
    st.sampled_from(["EM_ANDAMENTO", "APROVADO", "FATURADO", "CANCELADO"]),
    condicao,
    desconto,
)
excluir = st.tuples(st.just("excluir"), st.integers(0, 4))
operacao = st.one_of(criar, editar, excluir)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(historia=st.lists(operacao, min_size=1, max_size=8))
def test_stock_and_receivables_follow_any_history(client: TestClient, historia: list[tuple]) -> None:
    company = create_company(client)
    cliente = vb.cliente(client, company)
    produtos = [vb.produto(client, company, nome, estoque=int(INICIAL)) for nome in ("Caneta", "Caderno")]
    servico = vb.servico(client, company)
    vendas: list[VendaM] = []
    numero = 0

    def body(q1: int, q2: int, situacao: str, opcao: str, desc: tuple | None) -> dict:
        itens = [(produtos[0], q1, "7.30"), (produtos[1], q2, "12.15"), (servico, 1, "19.99")]
        itens = [i for i in itens if i[1]]
        return vb.body(cliente, itens, numero=numero, situacao=situacao, opcao=opcao, frete=3, desconto=desc)

    for op in historia:
        if op[0] == "criar":
            _, q1, q2, situacao, opcao, desc = op
            numero += 1
            criada = vb.criar(client, company, body(q1, q2, situacao, opcao, desc))
            vendas.append(
                VendaM(
                    criada["id"],
                    (q1, q2),
                    situacao,
                    total=Decimal(str(criada["valor_composicao"]["valor_liquido"])),
                )
            )
        elif op[0] == "editar" and vendas:
            _, indice, q1, q2, situacao, opcao, desc = op
            venda = vendas[indice % len(vendas)]
            numero += 1
            response = client.put(
                f"/v1/venda/{venda.id}",
                json={**body(q1, q2, situacao, opcao, desc), "versao": 1},
                headers=company.auth,
            )
            if venda.excluida:
                assert response.status_code == 400, response.text
                continue
            assert response.status_code == 200, response.text
            venda.quantidades, venda.situacao = (q1, q2), situacao
            venda.total = Decimal(
                str(vb.obter(client, company, venda.id)["venda"]["composicao_valor"]["valor_liquido"])
            )
        elif op[0] == "excluir" and vendas:
            venda = vendas[op[1] % len(vendas)]
            esperado = (
                {"atualizados": 0, "ignorados": 1} if venda.excluida else {"atualizados": 1, "ignorados": 0}
            )
            assert vb.excluir(client, company, venda.id) == esperado
            venda.excluida = True

    for i, produto in enumerate(produtos):
        vendido = sum(v.quantidades[i] for v in vendas if v.situacao in MOVEM and not v.excluida)
        assert vb.estoque(client, company, produto) == INICIAL - vendido

    for venda in vendas:
        detalhe = vb.obter(client, company, venda.id)
        assert detalhe["venda"]["status"] == ("CANCELADO" if venda.excluida else "EM_ANDAMENTO")
        assert detalhe["venda"]["situacao"]["nome"] == venda.situacao
        parcelas = vb.parcelas_financeiras(client, company, detalhe["evento_financeiro"]["id"])
        vivas = [p for p in parcelas if p["status"] != "CANCELADO"]
        if venda.excluida or venda.situacao == "CANCELADO":
            assert vivas == []
            continue
        assert sum(Decimal(str(p["valor_composicao"]["valor_bruto"])) for p in vivas) == venda.total
        assert len(vivas) == len(detalhe["venda"]["condicao_pagamento"]["parcelas"])
        pagas = sum(Decimal(str(p["valor_pago"])) for p in vivas)
        assert pagas == (venda.total if venda.situacao == "FATURADO" else 0)
