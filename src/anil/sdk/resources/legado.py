"""The older revisions the server still speaks: `/v1/pessoa*` (Cadastro de Pessoas, seed 003) and
`/v1/produto*` (Produto, Appendix A.9), same data as `pessoas` and `produtos`. For integrations written
against them; new code uses `client.pessoas` and `client.produtos`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from anil.sdk.resources._base import Call, Resource, body_of, endpoint
from anil.sdk.types import (
    PessoaLegado as PessoaLegadoModel,
)
from anil.sdk.types import (
    PessoaLegadoCreate,
    PessoaLegadoItem,
    PessoaLegadoResumo,
    ProdutoLegadoCreate,
    ResultadoAtivacao,
    ResultadoExclusao,
)

__all__ = ["PessoaLegado", "ProdutoLegado"]


def _ids(ids: Iterable[Any]) -> list[str]:
    return [str(getattr(i, "id", None) or getattr(i, "uuid", None) or i) for i in ids]


class PessoaLegado(Resource):
    """`/v1/pessoa`: list, create, replace, batch delete/activate/deactivate and the financial summary."""

    name = "pessoa_legado"

    @endpoint("GET", "/v1/pessoa", returns=PessoaLegadoItem, paginated=True)
    def list(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("POST", "/v1/pessoa", returns=PessoaLegadoModel)
    def create(self, body: PessoaLegadoCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("PUT", "/v1/pessoa/{id_cadastro_pessoa}", returns=PessoaLegadoModel)
    def replace(
        self, pessoa_id: Any, body: PessoaLegadoCreate | Mapping[str, Any] | None = None, **fields: Any
    ) -> Call:
        return Call(path={"id_cadastro_pessoa": pessoa_id}, json=body_of(body, **fields))

    @endpoint("POST", "/v1/pessoa/exclusao-lote", returns=ResultadoExclusao)
    def delete_many(self, ids: Iterable[Any]) -> Call:
        return Call(json={"uuids": _ids(ids)})

    @endpoint("POST", "/v1/pessoa/ativacao", returns=ResultadoAtivacao)
    def activate(self, ids: Iterable[Any]) -> Call:
        return Call(json={"uuids": _ids(ids)})

    @endpoint("POST", "/v1/pessoa/desativacao", returns=ResultadoAtivacao)
    def deactivate(self, ids: Iterable[Any]) -> Call:
        return Call(json={"uuids": _ids(ids)})

    @endpoint("GET", "/v1/pessoa/{id_cadastro_pessoa}/resumo", returns=PessoaLegadoResumo)
    def resumo(self, pessoa_id: Any) -> Call:
        return Call(path={"id_cadastro_pessoa": pessoa_id})

    @endpoint("GET", "/v1/pessoa/legado/{uuid_legado}/resumo")
    def resumo_by_legacy_id(self, uuid_legado: Any) -> Call:
        return Call(path={"uuid_legado": uuid_legado})


class ProdutoLegado(Resource):
    """`/v1/produto`: search, create, deactivate in batch, delete."""

    name = "produto_legado"

    @endpoint("GET", "/v1/produto/busca", paginated=True)
    def list(self, **filtros: Any) -> Call:
        return Call.listing(filtros)

    @endpoint("POST", "/v1/produto")
    def create(self, body: ProdutoLegadoCreate | Mapping[str, Any] | None = None, **fields: Any) -> Call:
        return Call(json=body_of(body, **fields))

    @endpoint("POST", "/v1/produto/desativar")
    def deactivate(self, ids: Iterable[Any]) -> Call:
        """`{todos, produtos_desativados, …}` for a bare list of ids."""
        return Call(json=_ids(ids))

    @endpoint("DELETE", "/v1/produto/{produto_id}", returns=None)
    def delete(self, produto_id: Any) -> Call:
        return Call(path={"produto_id": produto_id})
