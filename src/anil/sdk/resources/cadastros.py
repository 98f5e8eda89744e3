"""Pessoas, produtos (with the fiscal and e-commerce catalogs), serviços and vendedores (catalog §3.1–§3.4)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from anil.sdk.resources._base import Call, Resource, body_of, endpoint
from anil.sdk.resources.models import Pessoa, Produto, Servico, Vendedor
from anil.sdk.types import (
    CodigoFiscal,
    ContaConectada,
    Marca,
    PessoaCreate,
    PessoaCriada,
    PessoaItem,
    PessoaUpdate,
    ProdutoCategoria,
    ProdutoCreate,
    ProdutoItem,
    ProdutoUpdate,
    ResultadoAtivacao,
    ServicoCreate,
    ServicoUpdate,
    UnidadeMedida,
)

__all__ = ["Pessoas", "Produtos", "Servicos", "Vendedores"]


def _ids(ids: Iterable[Any]) -> list[Any]:
    return [str(getattr(i, "id", i)) if not isinstance(i, int) else i for i in ids]


class Pessoas(Resource):
    """`/v1/pessoas`: clients, suppliers and carriers."""

    name = "pessoas"

    @endpoint("GET", "/v1/pessoas", returns=PessoaItem, paginated=True)
    def list(self, **filtros: Any) -> Call:
        """Every person matching the filters (`busca`, `tipo_perfil`, `documentos`, `tipo_ordenacao`…)."""
        return Call.listing(filtros)

    @endpoint("GET", "/v1/pessoas/{pessoa_id}", returns=Pessoa)
    def get(self, pessoa_id: Any) -> Call:
        return Call(path={"pessoa_id": pessoa_id})

    @endpoint("GET", "/v1/pessoas/legado/{uuid_legado}", returns=Pessoa)
    def get_by_legacy_id(self, uuid_legado: Any) -> Call:
        return Call(path={"uuid_legado": uuid_legado})

    @endpoint("POST", "/v1/pessoas", returns=PessoaCriada)
    def create(self, body: PessoaCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("PUT", "/v1/pessoas/{pessoa_id}", returns=Pessoa)
    def replace(
        self, pessoa_id: Any, body: PessoaCreate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        """The whole person replaced (PUT)."""
        return Call(path={"pessoa_id": pessoa_id}, json=body_of(body, **fields))

    @endpoint("PATCH", "/v1/pessoas/{pessoa_id}", returns=None)
    def update(
        self, pessoa_id: Any, body: PessoaUpdate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        """Only the fields given changed (PATCH, 204)."""
        return Call(path={"pessoa_id": pessoa_id}, json=body_of(body, **fields))

    @endpoint("POST", "/v1/pessoas/ativar", returns=ResultadoAtivacao)
    def activate(self, ids: Iterable[Any]) -> Call:
        return Call(json={"uuids": _ids(ids)})

    @endpoint("POST", "/v1/pessoas/inativar", returns=ResultadoAtivacao)
    def deactivate(self, ids: Iterable[Any]) -> Call:
        return Call(json={"uuids": _ids(ids)})

    @endpoint("POST", "/v1/pessoas/excluir", returns=None)
    def delete_many(self, ids: Iterable[Any]) -> Call:
        return Call(json={"uuids": _ids(ids)})

    @endpoint("GET", "/v1/pessoas/conta-conectada", returns=ContaConectada)
    def conta_conectada(self) -> Call:
        """The connected company (`id_empresa`, name, document…)."""
        return Call()


class Produtos(Resource):
    """`/v1/produtos`, its fiscal catalogs (NCM, CEST, units) and its e-commerce lists."""

    name = "produtos"

    @endpoint("GET", "/v1/produtos", returns=ProdutoItem, paginated=True)
    def list(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/produtos/{produto_id}", returns=Produto)
    def get(self, produto_id: Any) -> Call:
        return Call(path={"produto_id": produto_id})

    @endpoint("POST", "/v1/produtos", returns=Produto)
    def create(self, body: ProdutoCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("PATCH", "/v1/produtos/{produto_id}", returns=Produto)
    def update(
        self, produto_id: Any, body: ProdutoUpdate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        return Call(path={"produto_id": produto_id}, json=body_of(body, **fields))

    @endpoint("DELETE", "/v1/produtos/{produto_id}", returns=None)
    def delete(self, produto_id: Any) -> Call:
        return Call(path={"produto_id": produto_id})

    @endpoint("GET", "/v1/produtos/ncm", returns=CodigoFiscal, paginated=True)
    def ncm(self, **filtros: Any) -> Call:
        """The NCM table (`busca` ignoring case and accents)."""
        return Call.listing(filtros)

    @endpoint("GET", "/v1/produtos/cest", returns=CodigoFiscal, paginated=True)
    def cest(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/produtos/unidades-medida", returns=UnidadeMedida, paginated=True)
    def unidades_medida(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/produtos/categorias", returns=ProdutoCategoria, paginated=True)
    def categorias(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/produtos/ecommerce-categorias", paginated=True)
    def ecommerce_categorias(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("GET", "/v1/produtos/ecommerce-marcas", returns=Marca, paginated=True)
    def ecommerce_marcas(self, **filtros: Any) -> Call:
        return Call.listing(filtros)


class Servicos(Resource):
    """`/v1/servicos`."""

    name = "servicos"

    @endpoint("GET", "/v1/servicos", returns=Servico, paginated=True)
    def list(self, **filtros: Any) -> Call:
        """Services (`busca_textual`); pages of at most 100 (the endpoint's largest size)."""
        return Call.listing(filtros)

    @endpoint("GET", "/v1/servicos/{servico_id}", returns=Servico)
    def get(self, servico_id: Any) -> Call:
        return Call(path={"servico_id": servico_id})

    @endpoint("POST", "/v1/servicos", returns=Servico)
    def create(self, body: ServicoCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("PATCH", "/v1/servicos/{servico_id}", returns=None)
    def update(
        self, servico_id: Any, body: ServicoUpdate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        return Call(path={"servico_id": servico_id}, json=body_of(body, **fields))

    @endpoint("DELETE", "/v1/servicos", returns=None)
    def delete_many(self, ids: Iterable[int]) -> Call:
        """Logical delete by the integer `id_servico`s (catalog §2.7)."""
        return Call(json={"ids": [getattr(i, "id_servico", i) for i in ids]})


class Vendedores(Resource):
    """`GET /v1/venda/vendedores` (sellers are created in the ERP, or through anil's `/_anil/`)."""

    name = "vendedores"

    @endpoint("GET", "/v1/venda/vendedores", returns=Vendedor, paginated=True)
    def list(self, **filtros: Any) -> Call:
        return Call.listing(filtros)
