"""`/v1/categorias`, `/v1/categorias/configuracao-padrao`, `/v1/financeiro/categorias-dre` (catalog §3.8).

Read-only, as in Conta Azul: categories are written through `/_anil/` and the CLI (`control_categorias`).
Financial group: errors answer `{"code", "message"}` (catalog §2.8).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.conventions import QueryReader, enum_message
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read, route_class
from anil.domain.categorias import ORDENACOES, TIPOS, FiltroCategorias
from anil.errors import InvalidInput
from anil.schemas import categorias as schemas
from anil.schemas.common import Wire
from anil.services import categorias as service

router = APIRouter(tags=["Categorias"], route_class=route_class(ErrorStyle.FINANCEIRO))


def json(model: Wire) -> Response:
    return Response(model.__pydantic_serializer__.to_json(model), 200, media_type="application/json")


def ordenacao(q: QueryReader, allowed: tuple[str, ...], default: str) -> tuple[str, bool]:
    """`campo_ordenado_ascendente` wins over `campo_ordenado_descendente` (catalog §2.3), any case
    (choice `financeiro-sort-case`); an unknown field → 400 listing the accepted ones."""
    for name, descendente in (("campo_ordenado_ascendente", False), ("campo_ordenado_descendente", True)):
        value = q.raw(name)
        if value is None:
            continue
        if value.upper() not in allowed:
            raise InvalidInput(enum_message(name, allowed))
        return value.upper(), descendente
    return default, False


@router.get("/v1/categorias", responses={200: {"model": schemas.CategoriasPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    campo, descendente = ordenacao(q, ORDENACOES, "NOME")
    filtro = FiltroCategorias(
        busca=q.raw("busca"),
        tipo=q.enum("tipo", TIPOS),
        nome=q.raw("nome"),
        apenas_filhos=bool(q.boolean("apenas_filhos", default=False)),
        permite_apenas_filhos=bool(
            q.boolean("permite_apenas_filhos", default=choices.CATEGORIAS_PERMITE_APENAS_FILHOS_PADRAO)
        ),
        ordenacao=campo,
        descendente=descendente,
    )
    totais, itens = await read(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina),
    )
    return json(schemas.pagina(totais, itens))


@router.get(
    "/v1/categorias/configuracao-padrao", responses={200: {"model": list[schemas.ConfiguracaoPadrao]}}
)
async def configuracao_padrao(request: Request, claims: Tenant) -> Response:
    com_sugestao = bool(QueryReader(request.query_params).boolean("sugestao_padrao", default=True))
    itens = await read(runtime(request).db, lambda s: service.configuracao(s, claims.empresa_id))
    body = schemas.ConfiguracoesPadrao.dump_json(schemas.configuracoes(itens, com_sugestao))
    return Response(body, 200, media_type="application/json")


@router.get("/v1/financeiro/categorias-dre", responses={200: {"model": schemas.EstruturaDre}})
async def categorias_dre(request: Request, claims: Tenant) -> Response:
    itens = await read(runtime(request).db, lambda s: service.dre(s, claims.empresa_id))
    return json(schemas.estrutura_dre(itens))
