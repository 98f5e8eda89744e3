"""One resource object per API group, the same classes for `ContaAzul` and `AsyncContaAzul`.

`RESOURCES` maps each client attribute (`client.pessoas`, `client.financeiro`…) to its class; `routes()`
gives every `(METHOD, path) → "group.method"` the SDK declares (the route coverage test's side of the
comparison). How a resource declares an operation: `anil.sdk.resources._base`.
"""

from __future__ import annotations

from anil.sdk.resources._base import Call, Resource, endpoint
from anil.sdk.resources.cadastros import Pessoas, Produtos, Servicos, Vendedores
from anil.sdk.resources.financeiro import (
    Baixas,
    Categorias,
    CentrosDeCusto,
    ContasAPagar,
    ContasAReceber,
    ContasFinanceiras,
    Financeiro,
    Parcelas,
    Protocolos,
)
from anil.sdk.resources.legado import PessoaLegado, ProdutoLegado
from anil.sdk.resources.vendas import Contratos, Orcamentos, Vendas

__all__ = [
    "RESOURCES",
    "Baixas",
    "Call",
    "Categorias",
    "CentrosDeCusto",
    "ContasAPagar",
    "ContasAReceber",
    "ContasFinanceiras",
    "Contratos",
    "Financeiro",
    "Orcamentos",
    "Parcelas",
    "PessoaLegado",
    "Pessoas",
    "ProdutoLegado",
    "Produtos",
    "Protocolos",
    "Resource",
    "Servicos",
    "Vendas",
    "Vendedores",
    "endpoint",
    "routes",
]

RESOURCES: dict[str, type[Resource]] = {
    cls.name: cls
    for cls in (
        Pessoas,
        Produtos,
        Servicos,
        Vendedores,
        Vendas,
        Orcamentos,
        Contratos,
        Categorias,
        CentrosDeCusto,
        ContasFinanceiras,
        Financeiro,
        Protocolos,
        PessoaLegado,
        ProdutoLegado,
    )
}


def routes() -> dict[tuple[str, str], str]:
    """`(METHOD, path template) → "group.method"` over every resource."""
    found: dict[tuple[str, str], str] = {}
    for cls in RESOURCES.values():
        found.update({key: f"{cls.name}.{where}" for key, where in cls.routes.items()})
    return found
