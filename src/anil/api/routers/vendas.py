"""/v1/venda — Vendas (catalog §3.4, Appendix A.5): create, get (uuid or legacy id), PUT, exclusão em
lote, the sale's lines and the next number. Thin: parse → service → schema.

`/v1/venda/vendedores` (`routers/vendedores.py`), `/v1/venda/busca` and `/{id}/imprimir` (their own
routers) are included before this one; here the fixed paths come before `/{id}`.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.body import lote_uuids, parse_body, parse_shape
from anil.api.conventions import QueryReader, is_uuid, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.domain.vendas import validar_venda
from anil.errors import InvalidInput
from anil.schemas import vendas as schemas
from anil.services import relogios
from anil.services import vendas as service
from anil.storage.repositories import vendas as repo

router = APIRouter(prefix="/v1/venda", tags=["Vendas"], route_class=route_class(ErrorStyle.SIMPLE))

ID_UUID = "o valor informado para o ID precisa ser do tipo UUID"


def corpo(raw: bytes) -> schemas.VendaIn:
    """The body, or the first problem in the domain's words (`itens[0].quantidade`)."""
    return parse_shape(schemas.VendaIn, raw)


def id_venda(valor: str) -> str | int:
    """A uuid, or a legacy integer id (`GET /v1/venda/{id}`, `/imprimir`)."""
    texto = valor.strip()
    if is_uuid(texto):
        return texto.lower()
    if texto.isdigit() and 0 < int(texto) < 2**63:
        return int(texto)
    raise InvalidInput(choices.UUID_MESSAGE)


@router.post("")
async def criar(request: Request, claims: Tenant) -> Response:
    valida = validar_venda(corpo(await request.body()).entrada())
    rt = runtime(request)
    tenant_id = claims.empresa_id

    def work(session):  # type: ignore[no-untyped-def]
        agora = relogios.agora_utc(session, tenant_id, rt.clock)
        venda_id = service.criar_venda(session, tenant_id, valida, agora)
        return repo.por_id(session, tenant_id, venda_id), list(repo.parcelas(session, tenant_id, venda_id))

    venda, parcelas = await write(rt.db, work)
    # production answers 201, the provider file documents 200 (choice `venda-create-status`)
    return json_response(schemas.criada(venda, parcelas), 201 if rt.settings.quirks_on else 200)


@router.get("/proximo-numero")
async def proximo_numero(request: Request, claims: Tenant) -> Response:
    numero = await read(runtime(request).db, lambda s: service.proximo_numero(s, claims.empresa_id))
    return json_response(numero)


@router.post("/exclusao-lote")
async def exclusao_lote(request: Request, claims: Tenant) -> Response:
    ids = lote_uuids(parse_body(schemas.ExclusaoLoteIn, await request.body()).ids, "ids")
    rt = runtime(request)
    tenant_id = claims.empresa_id

    def work(session):  # type: ignore[no-untyped-def]
        agora = relogios.agora_utc(session, tenant_id, rt.clock)
        return service.excluir_lote(session, tenant_id, [i.lower() for i in ids], agora)

    atualizados, ignorados = await write(rt.db, work)
    return json_response({"atualizados": atualizados, "ignorados": ignorados})


@router.get("/{id_venda}/itens")
async def itens(id_venda: str, request: Request, claims: Tenant) -> Response:
    venda_id = require_uuid(id_venda.strip(), ID_UUID).lower()
    page = QueryReader(request.query_params).page()
    total, contagem, pagina = await read(
        runtime(request).db,
        lambda s: service.itens(s, claims.empresa_id, venda_id, page.offset, page.tamanho_pagina),
    )
    return json_response(schemas.itens(total, contagem, pagina))


@router.get("/{id}")
async def obter(id: str, request: Request, claims: Tenant) -> Response:
    chave = id_venda(id)
    detalhe = await read(runtime(request).db, lambda s: service.obter(s, claims.empresa_id, chave))
    return json_response(schemas.detalhe(detalhe))


@router.put("/{id}")
async def atualizar(id: str, request: Request, claims: Tenant) -> Response:
    venda_id = require_uuid(id.strip(), ID_UUID).lower()
    valida = validar_venda(corpo(await request.body()).entrada(), edicao=True)
    rt = runtime(request)
    tenant_id = claims.empresa_id

    def work(session):  # type: ignore[no-untyped-def]
        agora = relogios.agora_utc(session, tenant_id, rt.clock)
        return service.atualizar_venda(session, tenant_id, venda_id, valida, agora)

    venda = await write(rt.db, work)
    return json_response({"id": venda.id, "id_legado": venda.seq})
