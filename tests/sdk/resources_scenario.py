"""One walk through every SDK resource group, written once for `ContaAzul` and `AsyncContaAzul`.

`await run(x)` takes a sync method's result as is and awaits an async one's; `await items(pager)` reads a
`SyncPager` or an `AsyncPager` to the end. The walk runs against the in-process app and a real server
process (tests/sdk/test_resources_inprocess.py, test_resources_server.py); `admin(method, path, json)`
reaches `/_anil/` for what Conta Azul's API cannot create (sellers, accounts, transfers).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from anil.sdk import BadRequest
from anil.sdk.parcelas import gerar
from tests.api.pessoas_builders import completa_fisica

Admin = Callable[[str, str, Any], Any]


async def run(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def items(pager: Any) -> list[Any]:
    if hasattr(pager, "__aiter__"):
        return [item async for item in pager]
    return list(pager)


async def first_page(pager: Any) -> Any:
    return await run(pager.page(1))


async def walk(ca: Any, admin: Admin, id_empresa: str, tag: str) -> dict[str, Any]:
    """Every group, every operation the SDK declares; returns what it saw (for the callers' own checks)."""
    seen: dict[str, Any] = {}

    # the company's clock, which its financial date rules read, frozen where the dates below make sense
    admin("PUT", f"/_anil/companies/{id_empresa}/relogio", {"instante": "2026-11-22T12:00:00"})

    # pessoas
    conectada = await run(ca.pessoas.conta_conectada())
    assert conectada.id_empresa == id_empresa
    ana = await run(
        ca.pessoas.create(nome=f"Ana {tag}", tipo_pessoa="Física", perfis=[{"tipo_perfil": "Cliente"}])
    )
    bia = await run(
        ca.pessoas.create(
            {"nome": f"Bia {tag}", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Fornecedor"}]}
        )
    )
    pessoa = await run(ca.pessoas.get(ana.id))
    assert pessoa.nome == f"Ana {tag}" and pessoa.id == ana.id
    nomes = [p.nome for p in await items(ca.pessoas.list(busca=tag, page_size=10))]
    assert sorted(nomes) == [f"Ana {tag}", f"Bia {tag}"]
    assert await run(ca.pessoas.update(ana.id, nome=f"Ana Maria {tag}")) is None
    assert (await run(ca.pessoas.get(ana.id))).nome == f"Ana Maria {tag}"
    substituida = await run(ca.pessoas.replace(bia.id, completa_fisica(nome=f"Beatriz {tag}")))
    assert substituida.nome == f"Beatriz {tag}"
    inativas = await run(ca.pessoas.deactivate([bia.id]))
    assert inativas.inativos == [bia.id] and inativas["todos"] == [bia.id]
    assert (await run(ca.pessoas.get(bia.id))).ativo is False
    await run(ca.pessoas.activate([bia]))
    assert (await run(ca.pessoas.get(bia.id))).ativo is True
    legado = (await run(ca.pessoas.get(ana.id))).get("uuid_legado")
    if legado:
        assert (await run(ca.pessoas.get_by_legacy_id(legado))).id == ana.id
    await run(ca.pessoas.delete_many([bia.id]))
    assert [p.nome for p in await items(ca.pessoas.list(busca=tag))] == [f"Ana Maria {tag}"]

    # produtos and their catalogs
    caneta = await run(
        ca.produtos.create(
            nome=f"Caneta {tag}", estoque={"valor_venda": Decimal("10.10"), "estoque_disponivel": 10}
        )
    )
    lapis = await run(ca.produtos.create(nome=f"Lápis {tag}"))
    produto = await run(ca.produtos.get(caneta.id))
    assert isinstance(produto.estoque.valor_venda, Decimal) and produto.estoque.valor_venda == Decimal(
        "10.10"
    )
    await run(ca.produtos.update(caneta.id, nome=f"Caneta azul {tag}"))
    assert (await run(ca.produtos.get(caneta.id))).nome == f"Caneta azul {tag}"
    await run(ca.produtos.delete(lapis.id))
    produtos = [p.nome for p in await items(ca.produtos.list(busca=tag))]
    assert produtos == [f"Caneta azul {tag}"]
    ncm = await items(ca.produtos.ncm(busca="cafe", limit=5))
    assert len(ncm) == 5
    cest = await first_page(ca.produtos.cest(page_size=10))
    assert len(cest) == 10 and cest.total > 10
    assert await items(ca.produtos.unidades_medida())
    assert any(c.descricao == "Outras" for c in await items(ca.produtos.categorias()))
    with pytest.raises(BadRequest) as sem_integracao:  # no e-commerce integration: production's 400
        await items(ca.produtos.ecommerce_categorias(busca_textual="cadernos"))
    assert "e-commerce" in sem_integracao.value.message
    await items(ca.produtos.ecommerce_marcas())

    # serviços
    servico = await run(
        ca.servicos.create(
            descricao=f"Consultoria {tag}", status="ATIVO", tipo_servico="PRESTADO", preco=Decimal("99.90")
        )
    )
    assert (await run(ca.servicos.get(servico.id))).descricao == f"Consultoria {tag}"
    await run(ca.servicos.update(servico.id, descricao=f"Consultoria fiscal {tag}"))
    listados = await items(ca.servicos.list(busca_textual=tag))
    assert [s.descricao for s in listados] == [f"Consultoria fiscal {tag}"]
    extra = await run(ca.servicos.create(descricao=f"Extra {tag}", status="ATIVO", tipo_servico="PRESTADO"))
    extra = await run(ca.servicos.get(extra.id))
    await run(ca.servicos.delete_many([extra.id_servico]))
    assert len(await items(ca.servicos.list(busca_textual=tag))) == 1

    # vendedores
    admin("POST", f"/_anil/companies/{id_empresa}/vendedores", {"nome": f"Vendedor {tag}"})
    assert f"Vendedor {tag}" in [v.nome for v in await items(ca.vendedores.list())]

    # vendas
    numero = await run(ca.vendas.proximo_numero())
    assert isinstance(numero, int)
    total = Decimal("30.30")
    parcelas = [p.as_dict() for p in gerar("3x", total, date(2026, 11, 10))]
    venda = await run(
        ca.vendas.create(
            id_cliente=ana.id,
            numero=numero,
            situacao="APROVADO",
            data_venda="2026-11-10",
            itens=[{"id": caneta.id, "quantidade": 3, "valor": Decimal("10.10")}],
            condicao_pagamento={"opcao_condicao_pagamento": "3x", "parcelas": parcelas},
        )
    )
    envelope = await run(ca.vendas.get(venda.id))
    assert envelope.venda.numero == numero
    await run(
        ca.vendas.update(
            venda.id,
            versao=1,
            numero=numero,
            id_cliente=ana.id,
            situacao="APROVADO",
            data_venda="2026-11-10",
            observacoes=f"editada {tag}",
            itens=[{"id": caneta.id, "quantidade": 3, "valor": Decimal("10.10")}],
            condicao_pagamento={"opcao_condicao_pagamento": "3x", "parcelas": parcelas},
        )
    )
    itens = await items(ca.vendas.itens(venda.id))
    assert len(itens) == 1 and Decimal(str(itens[0].quantidade)) == 3
    busca = await items(ca.vendas.list(numeros=[numero]))
    assert [v.numero for v in busca] == [numero]
    assert (await first_page(ca.vendas.busca(numeros=[numero]))).raw["totais"]
    assert [v.numero for v in await items(ca.vendas.busca_corpo(numeros=[numero]))] == [numero]
    pdf = await run(ca.vendas.imprimir(venda.id))
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    apagar = await run(
        ca.vendas.create(
            id_cliente=ana.id,
            numero=numero + 1,
            situacao="EM_ANDAMENTO",
            data_venda="2026-11-10",
            itens=[{"id": servico.id, "quantidade": 1, "valor": 50}],
            condicao_pagamento={
                "opcao_condicao_pagamento": "À vista",
                "parcelas": [p.as_dict() for p in gerar("À vista", Decimal(50), date(2026, 11, 10))],
            },
        )
    )
    excluidas = await run(ca.vendas.delete_many([apagar.id]))
    assert (excluidas.atualizados, excluidas.ignorados) == (1, 0)
    seen["venda"] = venda.id

    # orçamentos
    orcamento = await run(
        ca.orcamentos.create(
            id_cliente=ana.id,
            data_orcamento="2026-11-10",
            data_validade="2026-11-25",
            itens=[{"id": caneta.id, "quantidade": 1, "valor": Decimal("10.10")}],
        )
    )
    assert (await run(ca.orcamentos.get(orcamento.id))).id == orcamento.id
    listados = await items(ca.orcamentos.list(data_inicio="2026-11-01", data_fim="2026-11-30"))
    assert orcamento.id in [o.id for o in listados]
    await run(ca.orcamentos.delete_many([orcamento.id]))
    listados = await items(ca.orcamentos.list(data_inicio="2026-11-01", data_fim="2026-11-30"))
    assert orcamento.id not in [o.id for o in listados]

    # contratos
    proximo = await run(ca.contratos.proximo_numero())
    termos = {
        "numero": proximo,
        "data_inicio": "2026-08-15",
        "data_fim": "2027-08-15",
        "dia_emissao_venda": 15,
        "intervalo_frequencia": 1,
        "tipo_frequencia": "MENSAL",
        "tipo_expiracao": "NUNCA",
    }
    contrato_body = {
        "id_cliente": ana.id,
        "termos": termos,
        "condicao_pagamento": {
            "tipo_pagamento": "BOLETO_BANCARIO",
            "dia_vencimento": 20,
            "primeira_data_vencimento": "2026-08-20",
        },
        "itens": [{"id": servico.id, "quantidade": 1, "valor": 150, "descricao": "Suporte mensal"}],
    }
    contrato = await run(ca.contratos.create(contrato_body))
    assert (await run(ca.contratos.get(contrato.id))).id == contrato.id
    listados = await items(ca.contratos.list(data_inicio="2026-01-01", data_fim="2027-12-31"))
    assert contrato.id in [c.id for c in listados]
    await run(ca.contratos.encerrar(contrato.id))
    outro = await run(ca.contratos.create(contrato_body, termos={**termos, "numero": proximo + 1}))
    await run(ca.contratos.delete(outro.id))
    listados = await items(ca.contratos.list(data_inicio="2026-01-01", data_fim="2027-12-31"))
    assert outro.id not in [c.id for c in listados]

    # categorias, centros de custo, contas financeiras
    receitas = await items(ca.categorias.list(tipo="RECEITA", apenas_filhos=True))
    despesas = await items(ca.categorias.list(tipo="DESPESA", apenas_filhos=True))
    assert receitas and all(c.tipo == "RECEITA" for c in receitas)
    assert await run(ca.categorias.configuracao_padrao())
    assert await items(ca.categorias.dre())
    centro = await run(ca.centros_de_custo.create(nome=f"Obra {tag}"))
    assert centro.id in [c.id for c in await items(ca.centros_de_custo.list(busca=tag))]
    conta = admin(
        "POST", f"/_anil/companies/{id_empresa}/contas-financeiras", {"nome": f"Banco {tag}", "banco": "ITAU"}
    )
    contas = await items(ca.contas_financeiras.list())
    assert conta["id"] in [c.id for c in contas]
    caixinha = next(c for c in contas if c.id != conta["id"])
    admin(
        "POST",
        f"/_anil/companies/{id_empresa}/transferencias",
        {"conta_origem": caixinha.id, "conta_destino": conta["id"], "valor": "25.50", "data": "2026-11-09"},
    )
    transferencias = await items(
        ca.financeiro.transferencias(data_inicio="2026-11-01", data_fim="2026-11-30")
    )
    assert [Decimal(str(t.valor)) for t in transferencias] == [Decimal("25.50")]
    saldos = await items(
        ca.financeiro.saldo_inicial(data_inicio="2000-01-01T00:00:00", data_fim="2030-01-01T00:00:00")
    )
    assert conta["id"] in [s.id_conta_financeira for s in saldos]

    # financeiro: a receivable through its protocol, its installment, a settlement
    evento_body = {
        "data_competencia": "2026-12-01",
        "valor": Decimal("100.10"),
        "descricao": f"Evento {tag}",
        "observacao": "pelo SDK",
        "contato": ana.id,
        "conta_financeira": conta["id"],
        "rateio": [{"id_categoria": receitas[0].id, "valor": Decimal("100.10")}],
        "condicao_pagamento": {
            "parcelas": [
                {
                    "descricao": "Parcela 1/1",
                    "data_vencimento": "2026-12-10",
                    "nota": "",
                    "conta_financeira": conta["id"],
                    "detalhe_valor": {"valor_bruto": Decimal("100.10")},
                }
            ]
        },
    }
    aceito = await run(ca.financeiro.contas_a_receber.create(evento_body))
    assert aceito.status == "PENDING" and aceito.protocolo == aceito.protocolId
    final = await run(ca.financeiro.wait_protocol(aceito, timeout=15))
    assert final.status == "SUCCESS"
    assert (await run(ca.protocolos.get(aceito.protocolo))).evento_financeiro_id == final.evento_financeiro_id
    evento_id = final.evento_financeiro_id
    parcelas_evento = await items(ca.financeiro.parcelas.list(evento_id))
    assert len(parcelas_evento) == 1
    parcela = await run(ca.financeiro.parcelas.get(parcelas_evento[0].id))
    assert parcela.valor_composicao.valor_bruto == Decimal("100.10") and parcela.nao_pago == Decimal("100.10")
    await run(
        ca.financeiro.parcelas.update(
            parcela.id,
            versao=parcela.versao,
            descricao=f"Parcela editada {tag}",
            composicao_valor={"valor_bruto": Decimal("100.10")},
        )
    )
    assert (await run(ca.financeiro.parcelas.get(parcela.id))).descricao == f"Parcela editada {tag}"
    baixa = await run(
        ca.financeiro.baixas.create(
            parcela.id,
            data_pagamento="2026-11-20",
            composicao_valor={"valor_bruto": Decimal("40.05")},
            conta_financeira=conta["id"],
        )
    )
    assert [b.id for b in await items(ca.financeiro.baixas.list(parcela.id))] == [baixa.id]
    lida = await run(ca.financeiro.baixas.get(baixa.id))
    await run(ca.financeiro.baixas.update(baixa.id, versao=lida.versao, observacao=f"baixa {tag}"))
    assert (await run(ca.financeiro.baixas.get(baixa.id))).observacao == f"baixa {tag}"
    saldo = await run(ca.contas_financeiras.saldo_atual(conta["id"]))
    assert saldo.saldo_atual == Decimal("65.55"), saldo.to_dict()
    await run(ca.financeiro.baixas.delete(baixa.id))
    assert await items(ca.financeiro.baixas.list(parcela.id)) == []
    janela = {"data_vencimento_de": "2026-12-01", "data_vencimento_ate": "2026-12-31"}
    abertas = await items(
        ca.financeiro.contas_a_receber.buscar(
            **janela, valor_de=Decimal("100.10"), valor_ate=Decimal("100.10")
        )
    )
    assert len(abertas) == 1, [a.to_dict() for a in abertas]
    assert abertas[0].id == parcela.id, abertas[0].to_dict()
    pagar = await run(
        ca.financeiro.contas_a_pagar.create(
            evento_body,
            rateio=[{"id_categoria": despesas[0].id, "valor": Decimal("100.10")}],
            descricao=f"Despesa {tag}",
        )
    )
    await run(ca.financeiro.wait_protocol(pagar.protocolo, timeout=15))
    assert len(await items(ca.financeiro.contas_a_pagar.buscar(**janela))) == 1
    janela_alteracao = {"data_inicio": "2026-11-01T00:00:00", "data_fim": "2026-12-31T23:59:59"}
    alteradas = await items(ca.financeiro.alteracoes(**janela_alteracao, page_size=10))
    assert evento_id in [a.id for a in alteradas]
    seen["evento"] = evento_id
    return seen
