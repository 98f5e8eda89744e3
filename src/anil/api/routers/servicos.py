"""/v1/servicos — Serviços (catalog §3.3). Thin: parse → service → schema.

Five endpoints: list (`{itens, paginacao}`, page sizes 10/20/50/100 only, `busca_textual` the one filter,
no sorting), create (201, the full service), get and PATCH by uuid, and the batch DELETE whose JSON body
names the legacy integer `id_servico`s. Deletion is logical: the service leaves the list and GET still
answers it, `status` unchanged (§2.12).
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.body import parse_body
from anil.api.conventions import QueryReader, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read, route_class, write
from anil.api.runtime import Runtime
from anil.domain.servicos import ids_exclusao, paginacao
from anil.schemas import servicos as schemas
from anil.schemas.common import Wire
from anil.services import servicos as service

router = APIRouter(prefix="/v1/servicos", tags=["Serviços"], route_class=route_class(ErrorStyle.SIMPLE))

_NO_CONTENT = 204
_CREATED = 201


def json(model: Wire, status: int = 200) -> Response:
    return Response(model.__pydantic_serializer__.to_json(model), status, media_type="application/json")


def agora(rt: Runtime) -> datetime:
    """Now as stored: naive UTC, from the runtime's (movable) clock."""
    return rt.clock.now().astimezone(UTC).replace(tzinfo=None)


@router.get("", responses={200: {"model": schemas.ServicosPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page(sizes=choices.SERVICOS_PAGE_SIZES, size_message=choices.SERVICOS_PAGE_SIZE_MESSAGE)
    busca = q.raw("busca_textual")
    total, servicos = await read(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, busca, page.offset, page.tamanho_pagina),
    )
    return json(schemas.pagina(servicos, paginacao(page.pagina, page.tamanho_pagina, total)))


@router.post("", status_code=_CREATED, responses={201: {"model": schemas.Servico}})
async def criar(request: Request, claims: Tenant) -> Response:
    dados = service.preparar(parse_body(schemas.ServicoIn, await request.body()).entrada())
    rt = runtime(request)
    now = agora(rt)
    servico = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, dados, now))
    return json(schemas.servico(servico), _CREATED)


@router.delete("", status_code=_NO_CONTENT)
async def excluir(request: Request, claims: Tenant) -> Response:
    body = parse_body(schemas.ExclusaoIn, await request.body())
    ids = ids_exclusao(body.ids, choices.SERVICOS_BATCH_MAX, choices.SERVICOS_IDS_MESSAGE)
    rt = runtime(request)
    now = agora(rt)
    await write(rt.db, lambda s: service.excluir(s, claims.empresa_id, ids, now))
    return Response(status_code=_NO_CONTENT)


@router.get("/{servico_id}", responses={200: {"model": schemas.Servico}})
async def obter(servico_id: str, request: Request, claims: Tenant) -> Response:
    sid = require_uuid(servico_id)
    servico = await read(runtime(request).db, lambda s: service.obter(s, claims.empresa_id, sid))
    return json(schemas.servico(servico))


@router.patch("/{servico_id}", status_code=_NO_CONTENT)
async def atualizar(servico_id: str, request: Request, claims: Tenant) -> Response:
    sid = require_uuid(servico_id)
    alteracoes, enviados = parse_body(schemas.ServicoPatchIn, await request.body()).alteracoes()
    rt = runtime(request)
    now = agora(rt)
    await write(rt.db, lambda s: service.atualizar(s, claims.empresa_id, sid, alteracoes, enviados, now))
    return Response(status_code=_NO_CONTENT)
