"""/v1/produtos/ncm, /cest, /unidades-medida — the reference catalogs of the Produtos group (catalog §3.2).

NCM and CEST are package data searched in memory (`anil.domain.fiscal`), the same for every company; the
search runs in the thread pool, since a first search over the 10k NCM codes costs a few milliseconds.
Units of measure belong to the company (`services.unidades`). Included before the products router, whose
`/{id}` would otherwise take these paths.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from anil.api.conventions import QueryReader
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read_raw, route_class
from anil.domain import fiscal
from anil.schemas import produtos_catalogos as schemas
from anil.schemas.common import Wire
from anil.services import unidades as service

router = APIRouter(prefix="/v1/produtos", tags=["Produtos"], route_class=route_class(ErrorStyle.SIMPLE))


def json(model: Wire) -> Response:
    return Response(model.__pydantic_serializer__.to_json(model), 200, media_type="application/json")


def _busca(q: QueryReader) -> str | None:
    """`busca_textual` (SDK), or `busca` (CLI) when it is absent (choice `catalogos-produtos-busca`)."""
    return q.raw("busca_textual") or q.raw("busca")


@router.get("/ncm", responses={200: {"model": schemas.CodigosPage}})
async def ncm(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    busca, codigo = _busca(q), q.raw("codigo")
    total, itens = await run_in_threadpool(fiscal.buscar_ncm, busca, codigo, page.offset, page.tamanho_pagina)
    return json(schemas.codigos(total, itens))


@router.get("/cest", responses={200: {"model": schemas.CodigosPage}})
async def cest(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    busca, codigo = _busca(q), q.raw("codigo")
    total, itens = await run_in_threadpool(
        fiscal.buscar_cest, busca, codigo, page.offset, page.tamanho_pagina
    )
    return json(schemas.codigos(total, itens))


@router.get("/unidades-medida", responses={200: {"model": schemas.UnidadesMedidaPage}})
async def unidades_medida(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    busca, codigo = _busca(q), q.raw("codigo")
    total, itens = await read_raw(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, busca, codigo, page.offset, page.tamanho_pagina),
    )
    return json(schemas.unidades(total, itens))
