"""`GET /v1/financeiro/eventos-financeiros/alteracoes` (catalog §3.10, §2.6): the ids of the financial
events (receivables and payables) touched in a window, for clients that sync incrementally.

`data_inicio` and `data_fim` are required São Paulo date-times without offset (a `Z`, an offset or a plain
date → 400); the window is at most 365 days; `pagina`/`tamanho_pagina` as the other financial lists
(default 10). Every create, update, settlement and deletion of an event or of its installments appends
the event's id, no-op saves included, and a deleted event's id stays in the feed (choice
`financeiro-alteracoes`). Errors are the financial group's `{"code", "message"}`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.conventions import QueryReader
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read_raw, route_class
from anil.domain.clock import sao_paulo_to_utc
from anil.errors import InvalidInput
from anil.schemas import alteracoes as schemas
from anil.services import alteracoes as service

router = APIRouter(tags=["Eventos financeiros"], route_class=route_class(ErrorStyle.FINANCEIRO))


def _instante(q: QueryReader, name: str) -> datetime:
    value = q.local_datetime(name)
    if value is None:
        raise InvalidInput(choices.CONTA_PARAMETRO_OBRIGATORIO.format(parametro=name))
    return value


def _fim_exclusivo(texto: str, fim: datetime) -> datetime:
    """`data_fim` is inclusive at the precision written: `…T23:59` covers that minute, `…T23:59:59` that
    second, `…T23:59:59.5` up to that instant (choice `financeiro-alteracoes-janela`)."""
    hora = texto.split("T", 1)[1]
    if hora.count(":") == 1:
        return fim + timedelta(minutes=1)
    if "." not in hora:
        return fim + timedelta(seconds=1)
    return fim + timedelta(microseconds=1)


@router.get(
    "/v1/financeiro/eventos-financeiros/alteracoes", responses={200: {"model": schemas.AlteracoesPage}}
)
async def alteracoes(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    inicio = _instante(q, "data_inicio")
    fim = _instante(q, "data_fim")
    if inicio > fim:
        raise InvalidInput(choices.CONTA_PERIODO_MESSAGE)
    if fim - inicio > timedelta(days=choices.ALTERACOES_JANELA_DIAS):
        raise InvalidInput(choices.ALTERACOES_JANELA_MESSAGE)
    de = sao_paulo_to_utc(inicio)
    ate = sao_paulo_to_utc(_fim_exclusivo(q.raw("data_fim") or "", fim))
    total, ids = await read_raw(
        runtime(request).db,
        lambda r: service.listar(r, claims.empresa_id, de, ate, page.offset, page.tamanho_pagina),
    )
    page_model = schemas.alteracoes_page(total, ids)
    return Response(
        page_model.__pydantic_serializer__.to_json(page_model), 200, media_type="application/json"
    )
