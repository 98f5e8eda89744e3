"""/v1/produtos — Produtos, current generation (catalog §3.2), and the group's per-company catalogs
(`categorias`, `ecommerce-categorias`, `ecommerce-marcas`). Thin: parse → service → schema.

The reference catalogs (`ncm`, `cest`, `unidades-medida`) are `routers/produtos_catalogos.py`, included
before this router. Here the fixed paths are declared before `/{produto_id}`, so that they are not taken for
an id; any other word after `/v1/produtos/` falls into `/{produto_id}` and gets CA's UUID error.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.body import parse_body
from anil.api.conventions import QueryReader, date_pair, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routers.pessoas import agora, json
from anil.api.routing import read_raw, route_class, write
from anil.domain.clock import sao_paulo_to_utc
from anil.domain.money import quantize
from anil.domain.produtos import DIRECOES, ORDENACOES, STATUS, FiltroProdutos
from anil.errors import InvalidInput
from anil.schemas import produtos as schemas
from anil.services import produtos as service

router = APIRouter(prefix="/v1/produtos", tags=["Produtos"], route_class=route_class(ErrorStyle.SIMPLE))

_NO_CONTENT = 204


def valor(q: QueryReader, name: str) -> Decimal | None:
    raw = q.raw(name)
    if raw is None:
        return None
    try:
        number = Decimal(raw)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise InvalidInput(f"O valor do atributo '{name}' deve ser um número")
    return quantize(number)


def _filtro(q: QueryReader) -> FiltroProdutos:
    alterado_de, alterado_ate = date_pair(q, "data_alteracao_de", "data_alteracao_ate", local_datetime=True)
    status = q.enum("status", STATUS)
    ordenacao = q.enum("campo_ordenacao", ORDENACOES, default="NOME")
    direcao = q.enum("direcao_ordenacao", DIRECOES, default="ASC")
    return FiltroProdutos(
        busca=q.raw("busca"),
        status=status,
        sku=q.raw("sku"),
        valor_de=valor(q, "valor_venda_inicial"),
        valor_ate=valor(q, "valor_venda_final"),
        ecommerce=q.boolean("integracao_ecommerce_ativo"),
        kit=q.boolean("produtos_kit_ativo"),
        alterado_de=sao_paulo_to_utc(alterado_de) if alterado_de else None,
        alterado_ate=sao_paulo_to_utc(alterado_ate) if alterado_ate else None,
        ordenacao=ordenacao or "NOME",
        descendente=direcao == "DESC",
    )


@router.get("", responses={200: {"model": schemas.ProdutosPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    filtro = _filtro(q)
    total, produtos = await read_raw(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina),
    )
    return Response(schemas.pagina_json(total, produtos), media_type="application/json")


@router.post("", responses={200: {"model": schemas.Produto}})
async def criar(request: Request, claims: Tenant) -> Response:
    dados = service.preparar(parse_body(schemas.ProdutoIn, await request.body()).entrada())
    rt = runtime(request)
    now = agora(rt)
    detalhe = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, dados, now))
    return json(schemas.produto(detalhe))


def busca_textual(q: QueryReader) -> str | None:
    """`busca_textual` (SDK), or `busca` (CLI) when it is absent, as the reference catalogs read it."""
    return q.raw("busca_textual") or q.raw("busca")


@router.get("/categorias", responses={200: {"model": schemas.CategoriasPage}})
async def categorias(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    busca = busca_textual(q)
    total, itens = await read_raw(
        runtime(request).db,
        lambda s: service.listar_categorias(s, claims.empresa_id, busca, page.offset, page.tamanho_pagina),
    )
    return json(
        schemas.CategoriasPage(
            total_items=total,
            items=[schemas.CategoriaItem(id=c.id, uuid=c.uuid, descricao=c.descricao) for c in itens],
        )
    )


def _no(no: service.NoEcommerce) -> schemas.CategoriaEcommerceItem:
    return schemas.CategoriaEcommerceItem(
        id=no.id, descricao=no.descricao, subcategorias=[_no(sub) for sub in no.subcategorias]
    )


@router.get("/ecommerce-categorias", responses={200: {"model": schemas.CategoriasEcommerce}})
async def ecommerce_categorias(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    busca = busca_textual(q)
    arvore, nos = await read_raw(
        runtime(request).db,
        lambda s: service.arvore_ecommerce(s, claims.empresa_id, busca, page.offset, page.tamanho_pagina),
    )
    return json(schemas.CategoriasEcommerce(id=arvore, versao=0, items=[_no(no) for no in nos]))


@router.get("/ecommerce-marcas", responses={200: {"model": schemas.MarcasPage}})
async def ecommerce_marcas(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    busca = busca_textual(q)
    descendente = q.enum("direcao", DIRECOES, default="ASC") == "DESC"
    total, itens = await read_raw(
        runtime(request).db,
        lambda s: service.listar_marcas(
            s, claims.empresa_id, busca, descendente, page.offset, page.tamanho_pagina
        ),
    )
    return json(
        schemas.MarcasPage(total_items=total, items=[schemas.MarcaItem(id=m.id, nome=m.nome) for m in itens])
    )


@router.get("/{produto_id}", responses={200: {"model": schemas.Produto}})
async def obter(produto_id: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(produto_id)
    detalhe = await read_raw(runtime(request).db, lambda s: service.obter(s, claims.empresa_id, pid))
    return json(schemas.produto(detalhe))


@router.patch("/{produto_id}", status_code=_NO_CONTENT)
async def atualizar(produto_id: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(produto_id)
    alteracoes, enviados = parse_body(schemas.ProdutoPatchIn, await request.body()).alteracoes()
    rt = runtime(request)
    now = agora(rt)
    await write(rt.db, lambda s: service.atualizar(s, claims.empresa_id, pid, alteracoes, enviados, now))
    return Response(status_code=_NO_CONTENT)


@router.delete("/{produto_id}", status_code=_NO_CONTENT)
async def excluir(produto_id: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(produto_id)
    rt = runtime(request)
    now = agora(rt)
    await write(rt.db, lambda s: service.excluir(s, claims.empresa_id, pid, now))
    return Response(status_code=_NO_CONTENT)
