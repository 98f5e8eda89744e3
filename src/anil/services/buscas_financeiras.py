"""The installment searches (catalog §3.10 "Buscar"): the company's today, then the repository's search."""

from __future__ import annotations

from anil.domain.buscas_financeiras import FiltroBusca, ResultadoBusca
from anil.domain.clock import Clock
from anil.services import relogios
from anil.storage.repositories import buscas_financeiras as repo
from anil.storage.repositories.base import Reader


def buscar(
    reader: Reader, tenant_id: str, filtro: FiltroBusca, pagina: int, tamanho: int, relogio: Clock
) -> ResultadoBusca:
    """One page of the installments matching `filtro`, with `itens_totais` and `totais`; statuses and the
    due-today split follow the company's clock."""
    hoje = relogios.hoje(reader, tenant_id, relogio)
    total, totais, itens = repo.buscar(reader, tenant_id, filtro, hoje, pagina, tamanho)
    return ResultadoBusca(total, totais, itens)
