"""What every new company starts with, as in Conta Azul (spec/defaults.md).

`criar_empresa` calls `provisionar_empresa` in the same transaction, so a company never exists without
its defaults. Each cadastro group has its step in `_PASSOS`, in dependency order (categories first: other
defaults may point at them). `provisionar_demo` adds what only the demo company gets (sellers, services,
cost centers, a bank account with a balance, sample products), after the defaults.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from anil.services.categorias import provisionar as provisionar_categorias
from anil.services.centros_de_custo import seed_demo_centros_de_custo
from anil.services.contas import provisionar as provisionar_contas
from anil.services.contas import provisionar_demo as provisionar_demo_contas
from anil.services.naturezas import provisionar as provisionar_naturezas
from anil.services.produtos import provisionar as provisionar_produtos
from anil.services.produtos import provisionar_demo as provisionar_demo_produtos
from anil.services.servicos import seed_demo_servicos
from anil.services.unidades import provisionar as provisionar_unidades
from anil.services.vendedores import seed_demo_vendedores

Passo = Callable[[Session, str], None]

# Steps run for every new company, in order: (session, empresa_id) -> None.
_PASSOS: list[Passo] = [
    provisionar_categorias,  # CA's default plan and the 13 system categories (§3.8, defaults.md §1)
    provisionar_unidades,  # the default units of measure (defaults.md §6.3)
    provisionar_contas,  # the "Caixinha" cash account, default, balance 0 (defaults.md §4)
    provisionar_naturezas,  # the nine sale naturezas de operação (defaults.md §5)
    provisionar_produtos,  # the product group "Outras", where products go by default (§3.2)
]

# Extra steps for the demo company only, after the defaults; CA's API cannot create most of these.
_PASSOS_DEMO: list[Passo] = [
    seed_demo_vendedores,  # a few sellers (§3.4)
    seed_demo_servicos,  # a few services (§3.3), some with their fiscal data
    seed_demo_centros_de_custo,  # a few cost centers (§3.7); a new company has none
    provisionar_demo_contas,  # a bank account with an opening balance and a transfer (§3.9)
    provisionar_demo_produtos,  # products: simple ones, a kit, a size variation (§3.2)
]


def provisionar_empresa(session: Session, empresa_id: str) -> None:
    for passo in _PASSOS:
        passo(session, empresa_id)


def provisionar_demo(session: Session, empresa_id: str) -> None:
    for passo in _PASSOS_DEMO:
        passo(session, empresa_id)
