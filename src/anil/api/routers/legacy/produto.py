"""/v1/produto* — the older Produto revision (catalog Appendix A.9), over the same data and services.

Only the words differ (`anil.schemas.legacy_produto`, `anil.domain.produtos.CAMPOS_LEGADO`); every rule,
query and write is the current generation's. `/busca` and `/desativar` are declared before `/{id}`.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.responses import Response

from anil.api import choices
from anil.api.body import parse_body
from anil.api.conventions import QueryReader, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle, json_response
from anil.api.routers.pessoas import agora
from anil.api.routers.produtos import valor
from anil.api.routing import read_raw, route_class, write
from anil.domain.produtos import CAMPOS_LEGADO, DIRECOES, ORDENACOES_LEGADO, STATUS, FiltroProdutos
from anil.errors import InvalidInput
from anil.schemas import legacy_produto as schemas
from anil.services import produtos as service

router = APIRouter(
    prefix="/v1/produto", tags=["Produtos (revisão antiga)"], route_class=route_class(ErrorStyle.SIMPLE)
)

_NO_CONTENT = 204
STATUS_LEGADO = (*STATUS, "TODOS")


def _filtro(q: QueryReader) -> FiltroProdutos:
    ordenacao = q.enum("campo_ordenacao", ORDENACOES_LEGADO, default="NOME")
    direcao = q.enum("direcao_ordenacao", DIRECOES, default="ASC")
    status = q.enum("status", STATUS_LEGADO, default="TODOS")
    return FiltroProdutos(
        busca=q.raw("busca"),
        status=None if status == "TODOS" else status,
        valor_de=valor(q, "inicio"),
        valor_ate=valor(q, "fim"),
        ordenacao=ordenacao or "NOME",
        descendente=direcao == "DESC",
    )


@router.get("/busca")
async def buscar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    filtro = _filtro(q)
    total, produtos = await read_raw(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina),
    )
    return json_response(schemas.pagina(total, produtos))


@router.post("")
async def criar(request: Request, claims: Tenant) -> Response:
    entrada = parse_body(schemas.ProdutoIn, await request.body()).entrada()
    dados = service.preparar(entrada, CAMPOS_LEGADO)
    rt = runtime(request)
    now = agora(rt)
    detalhe = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, dados, now, CAMPOS_LEGADO))
    return json_response(schemas.produto(detalhe.produto))


@router.post("/desativar")
async def desativar(request: Request, claims: Tenant) -> Response:
    try:
        ids = schemas.IdsIn.model_validate_json(await request.body() or b"null").root
    except ValidationError:
        raise InvalidInput("O corpo da requisição é inválido") from None
    if ids is None:
        raise InvalidInput("O corpo da requisição é obrigatório")
    if not ids:
        raise InvalidInput("O corpo da requisição deve conter ao menos 1 item")
    if len(ids) > choices.BATCH_MAX:
        raise InvalidInput(f"O corpo da requisição não pode conter mais de {choices.BATCH_MAX} itens")
    uuids = [require_uuid(value) for value in ids]
    rt = runtime(request)
    now = agora(rt)
    lote = await write(rt.db, lambda s: service.desativar(s, claims.empresa_id, uuids, now))
    return json_response({"todos": lote.todos, "produtos_desativados": lote.afetados})


@router.delete("/{produto_id}", status_code=_NO_CONTENT)
async def excluir(produto_id: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(produto_id)
    rt = runtime(request)
    now = agora(rt)
    await write(rt.db, lambda s: service.excluir(s, claims.empresa_id, pid, now))
    return Response(status_code=_NO_CONTENT)
