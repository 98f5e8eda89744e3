"""The pure rules of `anil api import` for proposals, contracts and the financial events (no server): the
GET → POST transforms, the number order, what a sale or contract makes by itself, the installments' edits
and settlements."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from anil.cli import api_transfer as transfer
from anil.cli.api_transfer import Record

IDS = {
    ("pessoas", "cli"): "new-cli",
    ("pessoas", "forn"): "new-forn",
    ("produtos", "prod"): "new-prod",
    ("servicos", "serv"): "new-serv",
    ("vendedores", "vend"): "new-vend",
    ("categorias", "cat"): "new-cat",
    ("centros_de_custo", "cc"): "new-cc",
    ("contas_financeiras", "banco"): "new-banco",
}


def ids(group: str, old: Any) -> Any:
    return IDS.get((group, str(old)))


def test_a_proposal_as_get_answers_becomes_the_body_post_takes() -> None:
    detail = {
        "id": "o1",
        "numero": 12,
        "situacao": "ORCAMENTO_ACEITO",
        "versao": 3,
        "data_orcamento": "2026-11-12",
        "data_validade": "2026-12-12",
        "descricao": "Sala",
        "id_cliente": "cli",
        "id_vendedor": "vend",
        "observacoes": "metade na entrega",  # production answers the two notes swapped
        "observacoes_pagamento": "de manhã",
        "composicao_de_valor": {"frete": Decimal("30.00"), "desconto": {"tipo": "PORCENTAGEM", "valor": 5}},
        "itens": [
            {
                "id": "prod",
                "nome": "Mesa",
                "descricao": "Mesa",
                "tipo": "PRODUTO",
                "quantidade": 2,
                "valor": 440,
            },
            {"id": "serv", "nome": "Montagem", "tipo": "SERVICO", "quantidade": 1, "valor": 60, "custo": 0},
        ],
    }
    assert transfer.orcamento_body(detail, ids) == {
        "id_cliente": "new-cli",
        "data_orcamento": "2026-11-12",
        "data_validade": "2026-12-12",
        "itens": [
            {"id": "new-prod", "quantidade": 2, "valor": 440, "descricao": "Mesa"},
            {"id": "new-serv", "quantidade": 1, "valor": 60, "valor_custo": 0},
        ],
        "id_vendedor": "new-vend",
        "descricao": "Sala",
        "observacoes": "de manhã",
        "observacoes_pagamento": "metade na entrega",
        "composicao_de_valor": {"frete": Decimal("30.00"), "desconto": {"tipo": "PORCENTAGEM", "valor": 5}},
    }
    with pytest.raises(LookupError, match="produto other was not imported"):
        transfer.orcamento_body({**detail, "itens": [{"id": "other", "tipo": "PRODUTO"}]}, ids)


def scheduled_sale(numero: int, data: str, contrato: str = "k1") -> dict:
    return {
        "contrato": {"uuid": contrato, "data_inicio": "2026-11-01"},
        "vendedor": {"id": "vend", "nome": "Rita"},
        "venda": {
            "numero": numero,
            "data_compromisso": data,
            "id_categoria": "cat",
            "id_centro_custo": "cc",
            "observacoes": "contrato anual",
            "configuracao_de_desconto": {"tipo_desconto": "VALOR", "taxa_desconto": 10},
            "composicao_valor": {"frete": 0},
            "condicao_pagamento": {
                "tipo_pagamento": "BOLETO_BANCARIO",
                "id_conta_financeira": "banco",
                "observacoes_pagamento": "nota fiscal",
                "parcelas": [{"id": f"parc-{numero}", "data_vencimento": "2026-11-10", "valor": 110}],
            },
        },
        "itens": [
            {"id_item": "serv", "tipo": "SERVICO", "quantidade": 2, "valor": 60, "descricao": "Manutenção"}
        ],
    }


CONTRATO = {
    "id": "k1",
    "status": "ATIVO",
    "cliente": {"id": "cli", "nome": "Marta"},
    "vendedor": {"id": "vend", "nome": "Rita"},
    "termos": {
        "numero": 1,
        "data_inicio": "2026-11-01",
        "data_fim": "2027-01-31",
        "dia_emissao_venda": 5,
        "intervalo_frequencia": 1,
        "tipo_frequencia": "MENSAL",
        "tipo_expiracao": "DATA",
    },
    "condicao_pagamento": {
        "dia_vencimento": 10,
        "tipo_pagamento": "BOLETO_BANCARIO",
        "observacoes_pagamento": "x",
    },
    "observacoes": "",
}


def test_a_contract_is_read_back_from_its_detail_and_its_first_scheduled_sale() -> None:
    body = transfer.contrato_body(CONTRATO, scheduled_sale(14, "2026-11-05"), ids)
    assert body == {
        "id_cliente": "new-cli",
        "termos": CONTRATO["termos"],
        "condicao_pagamento": {
            "tipo_pagamento": "BOLETO_BANCARIO",
            "dia_vencimento": 10,
            "primeira_data_vencimento": "2026-11-10",
            "id_conta_financeira": "new-banco",
        },
        "itens": [{"id": "new-serv", "quantidade": 2, "valor": 60, "descricao": "Manutenção"}],
        "composicao_de_valor": {"frete": 0, "desconto": {"tipo": "VALOR", "valor": 10}},
        "id_categoria": "new-cat",
        "id_centro_custo": "new-cc",
        "id_vendedor": "new-vend",
        "observacoes": "contrato anual",
        "observacoes_pagamento": "nota fiscal",
    }
    assert transfer.contrato_of(scheduled_sale(14, "2026-11-05")) == "k1"
    assert transfer.contrato_of({"venda": {"numero": 3}}) is None


def installment(indice: int, valor: str, **extra: Any) -> dict:
    return {
        "id": f"p{indice}",
        "indice": indice,
        "versao": 1,
        "descricao": f"Aluguel {indice}",
        "data_vencimento": f"2026-1{indice}-10",
        "nota": None,
        "id_conta_financeira": "banco",
        "valor_composicao": {"valor_bruto": Decimal(valor), "multa": 0, "juros": 0, "desconto": 0, "taxa": 0},
        "metodo_pagamento": "PIX_PAGAMENTO_INSTANTANEO",
        "nsu": None,
        "perda": None,
        "baixa_agendada": False,
        "data_pagamento_previsto": None,
        "baixas": [],
        "evento": {
            "id": "ev1",
            "data_competencia": "2026-11-01",
            "referencia": {"id": "ev1", "origem": "LANCAMENTO_FINANCEIRO"},
            "rateio": [
                {
                    "id_categoria": "cat",
                    "valor": Decimal("300.00"),
                    "rateio_centro_custo": [{"id_centro_custo": "cc", "valor": Decimal("300.00")}],
                }
            ],
        },
        "busca": {"fornecedor": {"id": "forn", "nome": "Madeireira"}},
        **extra,
    }


def test_a_manual_event_is_made_again_from_its_installments() -> None:
    body = transfer.evento_body([installment(2, "200.00"), installment(1, "100.00", nota="n1")], ids)
    assert body["valor"] == Decimal("300.00") and body["contato"] == "new-forn"
    assert body["descricao"] == "Aluguel 1" and body["observacao"] == ""
    assert body["conta_financeira"] == "new-banco" and body["data_competencia"] == "2026-11-01"
    assert body["rateio"] == [
        {
            "id_categoria": "new-cat",
            "valor": Decimal("300.00"),
            "rateio_centro_custo": [{"id_centro_custo": "new-cc", "valor": Decimal("300.00")}],
        }
    ]
    assert [
        (p["descricao"], p["nota"], p["detalhe_valor"]["valor_bruto"])
        for p in body["condicao_pagamento"]["parcelas"]
    ] == [
        ("Aluguel 1", "n1", Decimal("100.00")),
        ("Aluguel 2", "", Decimal("200.00")),
    ]
    with pytest.raises(LookupError, match="account elsewhere was not imported"):
        transfer.evento_body([installment(1, "1", id_conta_financeira="elsewhere")], ids)


def test_an_installment_edit_is_redone_only_where_the_target_differs() -> None:
    source = installment(
        1, "100.00", nsu="NSU-7", data_vencimento="2026-11-15", perda={"data": "2026-12-01", "valor": 5}
    )
    same = {**source, "versao": 4, "id_conta_financeira": "new-banco"}
    assert transfer.parcela_patch(source, same, ids) is None
    target = {**installment(1, "100.0"), "versao": 4, "id_conta_financeira": "new-banco"}
    assert transfer.parcela_patch(source, target, ids) == {
        "vencimento": "2026-11-15",
        "nsu": "NSU-7",
        "perda": {"data": "2026-12-01", "valor": 5},
        "composicao_valor": {
            "valor_bruto": Decimal("100.00"),
            "multa": 0,
            "juros": 0,
            "desconto": 0,
            "taxa": 0,
        },
        "versao": 4,
    }
    moved = {**same, "id_conta_financeira": "caixinha"}
    assert transfer.parcela_patch(source, moved, ids)["id_conta_financeira"] == "new-banco"  # type: ignore[index]


def test_a_settlement_as_read_becomes_the_body_post_takes() -> None:
    baixa = {
        "id": "b1",
        "data_pagamento": "2026-11-04",
        "valor_composicao": {
            "valor_bruto": 500,
            "juros": Decimal("7.50"),
            "multa": 0,
            "desconto": 0,
            "taxa": 0,
            "valor_liquido": Decimal("507.50"),
        },
        "conta_financeira": {"id": "banco", "nome": "Banco"},
        "metodo_pagamento": "DINHEIRO",
        "observacao": None,
        "nsu": "9",
        "origem": "LANCAMENTO_FINANCEIRO",
    }
    assert transfer.baixa_body(baixa, ids) == {
        "data_pagamento": "2026-11-04",
        "composicao_valor": {
            "valor_bruto": 500,
            "multa": 0,
            "juros": Decimal("7.50"),
            "desconto": 0,
            "taxa": 0,
        },
        "conta_financeira": "new-banco",
        "metodo_pagamento": "DINHEIRO",
        "nsu": "9",
    }


class FakePort:
    """The target company as the import sees it: what was created, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.parcelas: dict[str, dict] = {}

    def each(self, group: str) -> list[dict]:
        reference = {"categorias": "cat", "contas_financeiras": "banco", "vendedores": "vend"}
        if group in reference:  # matched by name
            return [{"id": f"new-{reference[group]}", "nome": reference[group], "tipo": "RECEITA"}]
        if group == "vendas":  # the contract's scheduled sales, made by the target
            return [
                {"id": "nv-15", "numero": 15, "data": "2026-12-05", "id_contrato": "new-k1"},
                {"id": "nv-14", "numero": 14, "data": "2026-11-05", "id_contrato": "new-k1"},
                {"id": "nv-9", "numero": 9, "data": "2026-11-05"},
            ]
        return []

    def detail(self, group: str, record_id: str) -> dict:
        if group == "vendas":
            return {"venda": {"condicao_pagamento": {"parcelas": [{"id": f"np-{record_id}"}]}}}
        return self.parcelas[record_id]

    def create(self, group: str, body: dict) -> str:
        self.calls.append(("create " + group, body))
        if group in transfer.SIMPLE_GROUPS:
            return f"new-{body.get('nome') or body.get('descricao')}"
        return {"vendas": "new-v", "orcamentos": "new-o", "contratos": "new-k1"}.get(group, "new-ev")

    def children(self, group: str, parent_id: str) -> list[dict]:
        assert (group, parent_id) == ("parcelas", "new-ev")
        for indice in (1, 2):
            self.parcelas[f"np{indice}"] = {
                **installment(indice, "150.00"),
                "id": f"np{indice}",
                "id_conta_financeira": "new-banco",
            }
        return [{"id": "np2", "indice": 2}, {"id": "np1", "indice": 1}]

    def create_child(self, group: str, parent_id: str, body: dict) -> str:
        self.calls.append((f"{group} {parent_id}", body["data_pagamento"]))
        return "nb"

    def update(self, group: str, record_id: str, body: dict) -> dict:
        self.calls.append((f"update {record_id}", sorted(body)))
        return {}


def test_numbers_order_the_creation_and_what_a_sale_or_contract_makes_is_not_created() -> None:
    faturada = {
        "venda": {"numero": 16, "condicao_pagamento": {"parcelas": [{"id": "sale-parc"}]}},
        "cliente": {"uuid": "cli"},
    }
    records = [
        Record("categorias", "cat", {"nome": "cat", "tipo": "RECEITA"}),
        Record("contas_financeiras", "banco", {"nome": "banco"}),
        Record("vendedores", "vend", {"nome": "vend"}),
        Record("centros_de_custo", "cc", {"nome": "cc"}),
        Record("pessoas", "cli", {"nome": "cli", "tipo_pessoa": "Física"}),
        Record("pessoas", "forn", {"nome": "forn", "tipo_pessoa": "Jurídica"}),
        Record("servicos", "serv", {"descricao": "serv"}),
        Record("vendas", "v16", faturada),
        Record("vendas", "s15", scheduled_sale(15, "2026-12-05")),
        Record("vendas", "s14", scheduled_sale(14, "2026-11-05")),
        Record("contratos", "k1", CONTRATO),
        Record(
            "orcamentos",
            "o13",
            {"numero": 13, "situacao": "ORCAMENTO_RECUSADO", "id_cliente": "cli", "itens": []},
        ),
        # a sale's installment: settled by hand in the source, re-settled on the sale's new installment
        Record(
            "contas_a_receber",
            "sale-parc",
            {
                **installment(1, "150.00"),
                "evento": {"id": "ev-v", "referencia": {"id": "v16", "origem": "VENDA"}},
                "baixas": [
                    {
                        "data_pagamento": "2026-11-20",
                        "valor_composicao": {"valor_bruto": 10},
                        "conta_financeira": {"id": "banco"},
                        "origem": "LANCAMENTO_FINANCEIRO",
                    }
                ],
            },
        ),
        Record("contas_a_pagar", "p2", installment(2, "150.00", nsu="N2")),
        Record(
            "contas_a_pagar",
            "p1",
            installment(
                1,
                "150.00",
                baixas=[
                    {
                        "data_pagamento": "2026-11-09",
                        "valor_composicao": {"valor_bruto": 50},
                        "conta_financeira": {"id": "banco"},
                        "origem": "LANCAMENTO_FINANCEIRO",
                    },
                    {
                        "data_pagamento": "2026-11-02",
                        "valor_composicao": {"valor_bruto": 100},
                        "conta_financeira": {"id": "banco"},
                        "origem": "LANCAMENTO_FINANCEIRO",
                    },
                ],
            ),
        ),
    ]
    port = FakePort()
    port.parcelas["np-new-v"] = {**installment(1, "150.00"), "id_conta_financeira": "new-banco"}
    seen: list[tuple[str, str]] = []
    result = transfer.import_records(port, records, set_situacao=lambda i, s: seen.append((i, s)))
    assert result.skipped == {}
    creates = [c for c, _ in port.calls if c.startswith("create")]
    assert creates[4:] == ["create orcamentos", "create contratos", "create vendas", "create contas_a_pagar"]
    assert seen == [("new-o", "ORCAMENTO_RECUSADO")]
    assert result.ids["vendas"] == {"s14": "nv-14", "s15": "nv-15", "v16": "new-v"}
    assert result.ids["parcelas"] == {
        "sale-parc": "np-new-v",
        "parc-14": "np-nv-14",  # the scheduled sales' installments, through the sales' details
        "parc-15": "np-nv-15",
        "p1": "np1",
        "p2": "np2",
    }
    assert result.derived == {"vendas": 2, "contas_a_receber": 1}
    later = [c for c in port.calls if not c[0].startswith("create ")]
    assert later == [
        ("baixas np1", "2026-11-02"),  # in date order, per installment, installments by due date
        ("baixas np1", "2026-11-09"),
        ("baixas np-new-v", "2026-11-20"),
        ("update np2", ["composicao_valor", "nsu", "versao"]),
    ]
    assert result.skipped == {}
