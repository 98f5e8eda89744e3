"""/v1/pessoas — Cadastro de Pessoas, current generation (catalog §3.1). Thin: parse → service → schema.

Every route is `async` and makes exactly one thread hop; query strings and bodies are parsed on the event
loop, responses are serialized to bytes by pydantic. Writes go through `routing.write` (one short
transaction). Reads skip the ORM Session, which a read does not need (`read_raw`): statements built once
run on the pooled driver connection, a filtered list's per-request statements on a Core connection.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.body import lote_uuids, parse_body
from anil.api.conventions import QueryReader, date_pair, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read_raw, route_class, write
from anil.api.runtime import Runtime
from anil.domain.clock import sao_paulo_to_utc
from anil.domain.pessoas import ATUAL, DIRECOES, ORDENACOES, FiltroPessoas
from anil.schemas import pessoas as schemas
from anil.schemas.common import Wire
from anil.services import pessoas as service

router = APIRouter(prefix="/v1/pessoas", tags=["Pessoas"], route_class=route_class(ErrorStyle.SIMPLE))

_NO_CONTENT = 204


def json(model: Wire, status: int = 200) -> Response:
    return Response(model.__pydantic_serializer__.to_json(model), status, media_type="application/json")


def agora(rt: Runtime) -> datetime:
    """Now as stored: naive UTC, from the runtime's (movable) clock."""
    return rt.clock.now().astimezone(UTC).replace(tzinfo=None)


def dia_sp(day: date) -> datetime:
    """Start of a São Paulo calendar day, as naive UTC."""
    return sao_paulo_to_utc(datetime.combine(day, time()))


def _filtro(q: QueryReader) -> FiltroPessoas:
    criado_de, criado_ate = date_pair(q, "data_criacao_inicio", "data_criacao_fim")
    alterado_de, alterado_ate = date_pair(
        q, "data_alteracao_de", "data_alteracao_ate", local_datetime=True, max_days=365
    )
    tipos = q.enums("tipos_pessoa", ATUAL.tipos)
    perfil = q.enum("tipo_perfil", list(ATUAL.perfis))
    ordenacao = q.enum("tipo_ordenacao", ORDENACOES, default="NOME")
    ordem = q.enum("ordem_ordenacao", DIRECOES, default="ASC")
    return FiltroPessoas(
        busca=q.raw("busca"),
        ids=tuple(q.uuids("ids")),
        documentos=tuple(q.strings("documentos")),
        emails=tuple(q.strings("emails")),
        nomes=tuple(q.strings("nomes")),
        telefones=tuple(q.strings("telefones")),
        codigos=tuple(q.strings("codigos_pessoa")),
        cidades=tuple(q.strings("cidades")),
        ufs=tuple(q.strings("ufs")),
        paises=tuple(q.strings("paises")),
        tipos=tuple(ATUAL.tipos[t] for t in tipos),
        perfis=(ATUAL.perfis[perfil],) if perfil else (),
        criado_de=dia_sp(criado_de) if criado_de else None,
        criado_ate=dia_sp(criado_ate + timedelta(days=1)) if criado_ate else None,
        alterado_de=sao_paulo_to_utc(alterado_de) if alterado_de else None,
        alterado_ate=sao_paulo_to_utc(alterado_ate) if alterado_ate else None,
        com_endereco=bool(q.boolean("com_endereco", default=False)),
        ordenacao=ordenacao or "NOME",
        descendente=ordem == "DESC",
    )


@router.get("", responses={200: {"model": schemas.PessoasPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    filtro = _filtro(q)
    total, pessoas = await read_raw(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina),
    )
    return json(schemas.pagina(total, pessoas))


@router.post("", responses={200: {"model": schemas.PessoaCriada}})
async def criar(request: Request, claims: Tenant) -> Response:
    body = parse_body(schemas.PessoaIn, await request.body())
    rt = runtime(request)
    dados, now = service.preparar(body.entrada()), agora(rt)
    pessoa = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, dados, now))
    return json(schemas.pessoa_criada(pessoa))


@router.get("/conta-conectada", responses={200: {"model": schemas.ContaConectada}})
async def conta_conectada(request: Request, claims: Tenant) -> Response:
    empresa = await read_raw(runtime(request).db, lambda s: service.conta_conectada(s, claims.empresa_id))
    return json(schemas.conta_conectada(*empresa))


@router.get("/legado/{uuid_legado}", responses={200: {"model": schemas.Pessoa}})
async def obter_por_legado(uuid_legado: str, request: Request, claims: Tenant) -> Response:
    legado = require_uuid(uuid_legado)
    rt = runtime(request)
    detalhe = await read_raw(
        rt.db, lambda s: service.obter_por_legado(s, claims.empresa_id, legado, rt.clock)
    )
    return json(schemas.pessoa(detalhe))


async def _lote(request: Request) -> list[str]:
    return lote_uuids(parse_body(schemas.UuidsIn, await request.body()).uuids)


@router.post("/ativar", responses={200: {"model": schemas.ResultadoAtivacao}})
async def ativar(request: Request, claims: Tenant) -> Response:
    ids = await _lote(request)
    rt = runtime(request)
    now = agora(rt)
    lote = await write(rt.db, lambda s: service.ativar(s, claims.empresa_id, ids, now))
    return json(schemas.ResultadoAtivacao(todos=lote.todos, ativos=lote.afetados, inativos=None))


@router.post("/inativar", responses={200: {"model": schemas.ResultadoAtivacao}})
async def inativar(request: Request, claims: Tenant) -> Response:
    ids = await _lote(request)
    rt = runtime(request)
    now = agora(rt)
    lote = await write(rt.db, lambda s: service.inativar(s, claims.empresa_id, ids, now))
    return json(schemas.ResultadoAtivacao(todos=lote.todos, ativos=None, inativos=lote.afetados))


@router.post("/excluir", status_code=_NO_CONTENT)
async def excluir(request: Request, claims: Tenant) -> Response:
    ids = await _lote(request)
    await write(runtime(request).db, lambda s: service.excluir(s, claims.empresa_id, ids))
    return Response(status_code=_NO_CONTENT)


@router.get("/{pessoa_id}", responses={200: {"model": schemas.Pessoa}})
async def obter(pessoa_id: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(pessoa_id)
    rt = runtime(request)
    detalhe = await read_raw(rt.db, lambda s: service.obter(s, claims.empresa_id, pid, rt.clock))
    return json(schemas.pessoa(detalhe))


@router.put("/{pessoa_id}", responses={200: {"model": schemas.Pessoa}})
async def substituir(pessoa_id: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(pessoa_id)
    entrada = parse_body(schemas.PessoaIn, await request.body()).entrada()
    rt = runtime(request)
    now = agora(rt)
    detalhe = await write(
        rt.db, lambda s: service.substituir(s, claims.empresa_id, pid, entrada, now, rt.clock)
    )
    return json(schemas.pessoa(detalhe))


@router.patch("/{pessoa_id}", status_code=_NO_CONTENT)
async def atualizar(pessoa_id: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(pessoa_id)
    alteracoes, enviados = parse_body(schemas.PessoaPatchIn, await request.body()).alteracoes()
    rt = runtime(request)
    now = agora(rt)
    await write(rt.db, lambda s: service.atualizar(s, claims.empresa_id, pid, alteracoes, enviados, now))
    return Response(status_code=_NO_CONTENT)
