"""The sales search (catalog §3.4 `GET /v1/venda/busca`, `POST /v1/venda/busca`): the repository's search."""

from __future__ import annotations

from anil.domain.vendas_busca import FiltroVendas, ResultadoVendas
from anil.storage.repositories import vendas_busca as repo
from anil.storage.repositories.base import Reader


def buscar(
    reader: Reader, tenant_id: str, filtro: FiltroVendas, pagina: int, tamanho: int
) -> ResultadoVendas:
    """One page of the company's sales matching `filtro` (the `totais` tab included), with `total_itens`
    and the `totais`/`quantidades` blocks of the filter without the tab."""
    return repo.buscar(reader, tenant_id, filtro, pagina, tamanho)
