"""What every new company starts with, as in Conta Azul (spec/defaults.md).

`criar_empresa` calls `provisionar_empresa` in the same transaction, so a company never exists without
its defaults. Each cadastro group adds its own step to `_PASSOS`, in dependency order (categories before
the accounts and sellers that may point at them). `provisionar_demo` adds what only the demo company gets
(a bank account with a balance, sample products...), after the defaults.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from anil.services.servicos import seed_demo_servicos
from anil.services.vendedores import seed_demo_vendedores

Passo = Callable[[Session, str], None]

# Steps run for every new company, in order: (session, empresa_id) -> None.
_PASSOS: list[Passo] = []

# Extra steps for the demo company only, after the defaults.
_PASSOS_DEMO: list[Passo] = []


def provisionar_empresa(session: Session, empresa_id: str) -> None:
    for passo in _PASSOS:
        passo(session, empresa_id)


def provisionar_demo(session: Session, empresa_id: str) -> None:
    for passo in _PASSOS_DEMO:
        passo(session, empresa_id)


_PASSOS_DEMO.append(seed_demo_vendedores)  # a few sellers (§3.4): Conta Azul's API cannot create them
_PASSOS_DEMO.append(seed_demo_servicos)  # a few services (§3.3), some with their fiscal data
