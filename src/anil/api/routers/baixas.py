"""Settlements (baixas, catalog §3.11): the financial group's `{"code", "message"}` errors. Synchronous.
Thin: parse → service → schema.

- `POST /v1/financeiro/eventos-financeiros/parcelas/{parcela_id}/baixa` (200, the write shape)
- `GET /v1/financeiro/eventos-financeiros/parcelas/{parcela_id}/baixa` (bare array)
- `GET /v1/financeiro/eventos-financeiros/parcelas/baixa/{baixa_id}`
- `PATCH /v1/financeiro/eventos-financeiros/parcelas/baixa/{baixa_id}` (optimistic `versao`: stale → 409)
- `DELETE /v1/financeiro/eventos-financeiros/parcelas/baixa/{baixa_id}` (200, no body: undoes it)
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.body import parse_body
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routers.parcelas import BASE, json, uuid_do_caminho
from anil.api.routing import read_raw, route_class, write
from anil.schemas import baixas as schemas
from anil.services import baixas as service

router = APIRouter(tags=["Baixas"], route_class=route_class(ErrorStyle.FINANCEIRO))


@router.post(f"{BASE}/parcelas/{{parcela_id}}/baixa", responses={200: {"model": schemas.BaixaEscrita}})
async def criar(parcela_id: str, request: Request, claims: Tenant) -> Response:
    pid = uuid_do_caminho(parcela_id, "parcela_id")
    entrada = parse_body(schemas.BaixaIn, await request.body()).entrada()
    rt = runtime(request)
    registro = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, pid, entrada, rt.clock))
    return json(schemas.escrita(registro))


@router.get(f"{BASE}/parcelas/{{parcela_id}}/baixa", responses={200: {"model": list[schemas.Baixa]}})
async def listar(parcela_id: str, request: Request, claims: Tenant) -> Response:
    pid = uuid_do_caminho(parcela_id, "parcela_id")
    registros = await read_raw(runtime(request).db, lambda r: service.da_parcela(r, claims.empresa_id, pid))
    body = schemas.BAIXAS.dump_json([schemas.baixa(registro) for registro in registros])
    return Response(body, 200, media_type="application/json")


@router.get(f"{BASE}/parcelas/baixa/{{baixa_id}}", responses={200: {"model": schemas.Baixa}})
async def obter(baixa_id: str, request: Request, claims: Tenant) -> Response:
    bid = uuid_do_caminho(baixa_id, "baixa_id")
    registro = await read_raw(runtime(request).db, lambda r: service.obter(r, claims.empresa_id, bid))
    return json(schemas.baixa(registro))


@router.patch(f"{BASE}/parcelas/baixa/{{baixa_id}}", responses={200: {"model": schemas.BaixaEscrita}})
async def alterar(baixa_id: str, request: Request, claims: Tenant) -> Response:
    bid = uuid_do_caminho(baixa_id, "baixa_id")
    alteracao = parse_body(schemas.BaixaPatchIn, await request.body()).alteracao()
    rt = runtime(request)
    registro = await write(rt.db, lambda s: service.alterar(s, claims.empresa_id, bid, alteracao, rt.clock))
    return json(schemas.escrita(registro))


@router.delete(f"{BASE}/parcelas/baixa/{{baixa_id}}", status_code=200)
async def excluir(baixa_id: str, request: Request, claims: Tenant) -> Response:
    bid = uuid_do_caminho(baixa_id, "baixa_id")
    rt = runtime(request)
    await write(rt.db, lambda s: service.excluir(s, claims.empresa_id, bid, rt.clock))
    return Response(status_code=200)
