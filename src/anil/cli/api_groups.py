"""The groups `anil api <group> list|get|create|update|delete` offers, and where each lives in the SDK.

One row per group: its command name, the SDK attribute path of its resource (`pessoas`,
`financeiro.contas_a_receber`), the operations the API has for it, the columns of its human table and,
for a group that lives under another record (`baixas` of an installment), the id its list and create
take first. A
test checks every declared operation exists on the SDK resource, so the CLI never offers what the SDK
cannot do.
"""

from __future__ import annotations

from dataclasses import dataclass

OPERATIONS = ("list", "get", "create", "update", "delete")

CRUD = {"list": "list", "get": "get", "create": "create", "update": "update", "delete": "delete"}


@dataclass(frozen=True)
class Group:
    name: str  # the command: `anil api <name> …`
    resource: str  # attribute path on the SDK client
    operations: dict[str, str]  # CLI operation → SDK method (`…_many` takes every id at once)
    columns: tuple[str, ...]
    help: str
    parent: str | None = None  # list and create take this id first: `anil api baixas list PARCELA_ID`


def _ops(*names: str, **renamed: str) -> dict[str, str]:
    return {**{name: CRUD[name] for name in names}, **renamed}


GROUPS: tuple[Group, ...] = (
    Group(
        "pessoas",
        "pessoas",
        _ops("list", "get", "create", "update", delete="delete_many"),
        ("id", "nome", "tipo_pessoa", "documento", "email", "ativo"),
        "Pessoas (clientes, fornecedores, transportadoras): /v1/pessoas.",
    ),
    Group(
        "produtos",
        "produtos",
        _ops("list", "get", "create", "update", "delete"),
        ("id", "codigo", "nome", "tipo", "status", "saldo", "valor_venda"),
        "Produtos: /v1/produtos.",
    ),
    Group(
        "servicos",
        "servicos",
        _ops("list", "get", "create", "update", delete="delete_many"),
        ("id", "id_servico", "codigo", "descricao", "preco", "custo", "status"),
        "Serviços: /v1/servicos (delete takes the numeric id_servico).",
    ),
    Group("vendedores", "vendedores", _ops("list"), ("id", "nome"), "Vendedores: /v1/venda/vendedores."),
    Group(
        "vendas",
        "vendas",
        _ops("list", "get", "create", "update", delete="delete_many"),
        ("id", "numero", "data", "situacao", "total", "cliente"),
        "Vendas: /v1/venda (the list is /v1/venda/busca).",
    ),
    Group(
        "orcamentos",
        "orcamentos",
        _ops("list", "get", "create", delete="delete_many"),
        ("id", "numero", "data", "situacao", "total", "cliente"),
        "Orçamentos: /v1/orcamentos.",
    ),
    Group(
        "contratos",
        "contratos",
        _ops("list", "get", "create", "delete"),
        ("id", "numero", "data_inicio", "status", "cliente"),
        "Contratos: /v1/contratos (the list requires -f data_inicio=… -f data_fim=…).",
    ),
    Group(
        "categorias",
        "categorias",
        _ops("list"),
        ("id", "nome", "tipo", "categoria_pai", "entrada_dre"),
        "Categorias financeiras: /v1/categorias.",
    ),
    Group(
        "centros-de-custo",
        "centros_de_custo",
        _ops("list", "create"),
        ("id", "codigo", "nome", "ativo"),
        "Centros de custo: /v1/centro-de-custo.",
    ),
    Group(
        "contas-financeiras",
        "contas_financeiras",
        _ops("list"),
        ("id", "nome", "tipo", "banco", "ativo"),
        "Contas financeiras: /v1/conta-financeira.",
    ),
    Group(
        "contas-a-receber",
        "financeiro.contas_a_receber",
        _ops("create", list="buscar"),
        ("id", "descricao", "data_vencimento", "status", "total", "nao_pago"),
        "Contas a receber: create (202, a protocol) and the installments' search (-f data_vencimento_de=… "
        "-f data_vencimento_ate=…).",
    ),
    Group(
        "contas-a-pagar",
        "financeiro.contas_a_pagar",
        _ops("create", list="buscar"),
        ("id", "descricao", "data_vencimento", "status", "total", "nao_pago"),
        "Contas a pagar: create (202, a protocol) and the installments' search.",
    ),
    Group(
        "parcelas",
        "financeiro.parcelas",
        _ops("get", "update"),
        ("id", "descricao", "data_vencimento", "status", "valor"),
        "Parcelas of the financial events: get and PATCH by id.",
    ),
    Group(
        "baixas",
        "financeiro.baixas",
        _ops("list", "get", "create", "update", "delete"),
        ("id", "data_pagamento", "valor_composicao", "metodo_pagamento", "origem"),
        "Baixas (settlements): list and create by the installment's id (PARCELA_ID), get, PATCH and "
        "delete by the baixa's id.",
        parent="PARCELA_ID",
    ),
    Group(
        "transferencias",
        "financeiro",
        {"list": "transferencias"},
        ("id", "data", "valor", "descricao"),
        "Transferências between accounts: /v1/financeiro/transferencias (-f data_inicio=… -f data_fim=…).",
    ),
    Group(
        "protocolos", "protocolos", _ops("get"), ("id", "status"), "Protocolos of the asynchronous writes."
    ),
)

BY_NAME = {group.name: group for group in GROUPS}
