"""Vendas, orçamentos and contratos (catalog §3.4–§3.6)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from anil.sdk._models import Model
from anil.sdk.resources._base import Call, Resource, body_of, endpoint
from anil.sdk.resources.models import Contrato, Orcamento, Venda
from anil.sdk.types import (
    ContratoCreate,
    ContratoCriado,
    ContratoItem,
    OrcamentoCreate,
    OrcamentoCriado,
    OrcamentoItem,
    VendaBusca,
    VendaCreate,
    VendaUpdate,
)

__all__ = ["Contratos", "Orcamentos", "Vendas"]


def _uuids(ids: Iterable[Any]) -> list[str]:
    return [str(getattr(i, "id", i)) for i in ids]


class Vendas(Resource):
    """`/v1/venda`: sales, their items, the search with its totals, the PDF and the next number."""

    name = "vendas"

    @endpoint("GET", "/v1/venda/busca", returns=Venda, paginated=True)
    def list(self, **filtros: Any) -> Call:
        """The sales search (`GET /v1/venda/busca`) item by item; `busca(...).page(1).raw` holds the
        `totais` and `quantidades` per situation."""
        return Call.listing(filtros)

    def busca(self, **filtros: Any) -> Any:
        """`list` under the API's own name."""
        return self.list(**filtros)

    @endpoint("POST", "/v1/venda/busca", returns=Venda, paginated=True)
    def busca_corpo(
        self,
        body: VendaBusca | Mapping[str, Any] | None = None,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        **fields: Any,
    ) -> Call:
        """The older search with the filters in a JSON body (`periodo`, `ids_donos`…), paging in the query."""
        return Call(json=body_of(body, **fields), page_size=page_size, limit=limit)

    @endpoint("GET", "/v1/venda/{id}", returns=Model)
    def get(self, venda_id: Any) -> Call:
        """The sale's envelope (cliente, evento_financeiro, venda, vendedor…); uuid or legacy id. A `Model`:
        the server has no wire model of it to type it from (nor of `create`'s and `update`'s answers)."""
        return Call(path={"id": venda_id})

    @endpoint("POST", "/v1/venda", returns=Model)
    def create(self, body: VendaCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("PUT", "/v1/venda/{id}", returns=Model)
    def update(
        self, venda_id: Any, body: VendaUpdate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        """The sale edited (`versao` required, any positive value)."""
        return Call(path={"id": venda_id}, json=body_of(body, **fields))

    @endpoint("POST", "/v1/venda/exclusao-lote")
    def delete_many(self, ids: Iterable[Any]) -> Call:
        """Logical deletion of 1..10 sales: `{"atualizados", "ignorados"}`."""
        return Call(json={"ids": _uuids(ids)})

    @endpoint("GET", "/v1/venda/{id_venda}/itens", paginated=True)
    def itens(self, venda_id: Any, **filtros: Any) -> Call:
        return Call.listing(filtros, id_venda=venda_id)

    @endpoint("GET", "/v1/venda/proximo-numero")
    def proximo_numero(self) -> Call:
        """The next sale number (shared with proposals)."""
        return Call()

    @endpoint("GET", "/v1/venda/{id}/imprimir", returns=bytes)
    def imprimir(self, venda_id: Any) -> Call:
        """The sale as a PDF (bytes)."""
        return Call(path={"id": venda_id})


class Orcamentos(Resource):
    """`/v1/orcamentos`: proposals."""

    name = "orcamentos"

    @endpoint("GET", "/v1/orcamentos", returns=OrcamentoItem, paginated=True)
    def list(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/orcamentos/{orcamento_id}", returns=Orcamento)
    def get(self, orcamento_id: Any) -> Call:
        return Call(path={"orcamento_id": orcamento_id})

    @endpoint("POST", "/v1/orcamentos", returns=OrcamentoCriado)
    def create(self, body: OrcamentoCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("DELETE", "/v1/orcamentos", returns=None)
    def delete_many(self, ids: Iterable[Any]) -> Call:
        """Physical deletion of the proposals (204)."""
        return Call(json={"ids": _uuids(ids)})


class Contratos(Resource):
    """`/v1/contratos`: recurring sales."""

    name = "contratos"

    @endpoint("GET", "/v1/contratos", returns=ContratoItem, paginated=True)
    def list(self, **filtros: Any) -> Call:
        """Contracts in the required window (`data_inicio`, `data_fim`) and any other filter."""
        return Call.listing(filtros)

    @endpoint("GET", "/v1/contratos/{contrato_id}", returns=Contrato)
    def get(self, contrato_id: Any) -> Call:
        return Call(path={"contrato_id": contrato_id})

    @endpoint("POST", "/v1/contratos", returns=ContratoCriado)
    def create(self, body: ContratoCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("DELETE", "/v1/contratos/{contrato_id}", returns=None)
    def delete(self, contrato_id: Any) -> Call:
        return Call(path={"contrato_id": contrato_id})

    @endpoint("POST", "/v1/contratos/{contrato_id}/encerrar", returns=None)
    def encerrar(self, contrato_id: Any, body: Any = None, **fields: Any) -> Call:
        """Ends the contract: the scheduled sales ahead are cancelled."""
        payload = body_of(body, **fields) if (body is not None or fields) else None
        return Call(path={"contrato_id": contrato_id}, json=payload)

    @endpoint("GET", "/v1/contratos/proximo-numero")
    def proximo_numero(self) -> Call:
        return Call()
