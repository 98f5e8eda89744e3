"""`/v1/centro-de-custo` (catalog §3.7): list and create; no update or delete exists.

Financial group: errors answer `{"code", "message"}` (catalog §2.8).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.body import parse_body
from anil.api.conventions import QueryReader
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routers.categorias import json, ordenacao
from anil.api.routing import read, route_class, write
from anil.domain.centros_de_custo import FILTROS_RAPIDOS, ORDENACOES, FiltroCentros
from anil.schemas import centros_de_custo as schemas
from anil.services import centros_de_custo as service

router = APIRouter(
    prefix="/v1/centro-de-custo", tags=["Centro de custo"], route_class=route_class(ErrorStyle.FINANCEIRO)
)


@router.get("", responses={200: {"model": schemas.CentrosPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    filtro_rapido = q.enum("filtro_rapido", FILTROS_RAPIDOS, default="TODOS")
    campo, descendente = ordenacao(q, ORDENACOES, "NOME")
    filtro = FiltroCentros(
        busca=q.raw("busca"), filtro_rapido=filtro_rapido or "TODOS", ordenacao=campo, descendente=descendente
    )
    total, totais, itens = await read(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina),
    )
    return json(schemas.pagina(total, totais, itens))


@router.post("", responses={200: {"model": schemas.CentroDeCusto}})
async def criar(request: Request, claims: Tenant) -> Response:
    entrada = parse_body(schemas.CentroDeCustoIn, await request.body()).entrada()
    centro = await write(runtime(request).db, lambda s: service.criar(s, claims.empresa_id, entrada))
    return json(schemas.centro(centro))
