"""/v1/pessoa* — the older Cadastro de Pessoas revision (seed 003), over the same data and services.

Only the words differ (`anil.schemas.legacy_pessoa`, `anil.domain.pessoas.LEGADO`); every rule, query
and write is the current generation's.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.body import lote_uuids, parse_body
from anil.api.conventions import QueryReader, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routers.pessoas import agora, dia_sp, json
from anil.api.routing import read_raw, route_class, write
from anil.domain.clock import SAO_PAULO
from anil.domain.pessoas import LEGADO, FiltroPessoas
from anil.errors import InvalidInput
from anil.schemas import legacy_pessoa as schemas
from anil.schemas.pessoas import ResultadoAtivacao, UuidsIn
from anil.services import pessoas as service

router = APIRouter(
    prefix="/v1/pessoa", tags=["Pessoas (revisão antiga)"], route_class=route_class(ErrorStyle.SIMPLE)
)

STATUS = ("ATIVO", "INATIVO", "TODOS")
_INSTANTE = re.compile(r"^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def _array(q: QueryReader, name: str) -> tuple[str, ...]:
    """This generation names its arrays `documento[]`; the plain name and commas work too."""
    return (*q.strings(f"{name}[]"), *q.strings(name))


def _dia(q: QueryReader, name: str) -> date | None:
    """`data_ativacao_*` are typed `date` but exemplified as UTC instants (`2021-01-31T00:00:00.000Z`):
    an instant counts by its São Paulo calendar day (choice `legacy-pessoa-data-ativacao`)."""
    value = q.raw(name)
    if value is None:
        return None
    match = _INSTANTE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        if match.group(2) is None:
            return date.fromisoformat(match.group(1))
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment.astimezone(SAO_PAULO).date() if moment.tzinfo else moment.date()
    except ValueError:
        raise InvalidInput(f"O valor do atributo '{name}' deve estar no formato yyyy-MM-dd") from None


def _filtro(q: QueryReader) -> FiltroPessoas:
    inicio, fim = _dia(q, "data_ativacao_inicio"), _dia(q, "data_ativacao_fim")
    if (inicio is None) != (fim is None):
        raise InvalidInput(
            "É necessário informar ambos os parâmetros de data: 'data_ativacao_inicio' e 'data_ativacao_fim'"
        )
    if inicio is not None and fim is not None and fim < inicio:
        raise InvalidInput(
            "O valor de 'data_ativacao_fim' deve ser posterior ao valor de 'data_ativacao_inicio'"
        )
    tipos = _array(q, "tipo_pessoa")
    for tipo in tipos:
        if tipo not in LEGADO.tipos:
            raise InvalidInput(
                "O valor do atributo 'tipo_pessoa[]' deve ser um dos seguintes valores: "
                + ", ".join(LEGADO.tipos)
            )
    perfil = q.enum("tipo_perfil", list(LEGADO.perfis))
    status = q.enum("status", STATUS, default="TODOS")
    return FiltroPessoas(
        busca=q.raw("termo_busca"),
        documentos=_array(q, "documento"),
        inscricoes_estaduais=_array(q, "inscricao_estadual"),
        inscricoes_municipais=_array(q, "inscricao_municipal"),
        paises=_array(q, "pais"),
        cidades=_array(q, "cidade"),
        ufs=_array(q, "uf"),
        codigos=_array(q, "codigo_identificador"),
        tipos=tuple(LEGADO.tipos[t] for t in tipos),
        perfis=(LEGADO.perfis[perfil],) if perfil else (),
        ativo={"ATIVO": True, "INATIVO": False}.get(status or "TODOS"),
        ativado_de=dia_sp(inicio) if inicio else None,
        ativado_ate=dia_sp(fim + timedelta(days=1)) if fim else None,
        com_endereco=True,
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


@router.post("", responses={200: {"model": schemas.Pessoa}})
async def criar(request: Request, claims: Tenant) -> Response:
    entrada = parse_body(schemas.PessoaIn, await request.body()).entrada()
    rt = runtime(request)
    now = agora(rt)
    dados = service.preparar(entrada, LEGADO)
    pessoa = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, dados, now))
    return json(schemas.pessoa(pessoa))


async def _lote(request: Request) -> list[str]:
    return lote_uuids(parse_body(UuidsIn, await request.body()).uuids)


@router.post("/exclusao-lote", responses={200: {"model": schemas.ResultadoExclusao}})
async def excluir(request: Request, claims: Tenant) -> Response:
    ids = await _lote(request)
    lote = await write(runtime(request).db, lambda s: service.excluir(s, claims.empresa_id, ids))
    return json(
        schemas.ResultadoExclusao(todos=lote.todos, excluidos=lote.afetados, nao_excluidos=lote.nao_afetados)
    )


@router.post("/ativacao", responses={200: {"model": ResultadoAtivacao}})
async def ativar(request: Request, claims: Tenant) -> Response:
    ids = await _lote(request)
    rt = runtime(request)
    now = agora(rt)
    lote = await write(rt.db, lambda s: service.ativar(s, claims.empresa_id, ids, now))
    return json(ResultadoAtivacao(todos=lote.todos, ativos=lote.afetados, inativos=None))


@router.post("/desativacao", responses={200: {"model": ResultadoAtivacao}})
async def inativar(request: Request, claims: Tenant) -> Response:
    ids = await _lote(request)
    rt = runtime(request)
    now = agora(rt)
    lote = await write(rt.db, lambda s: service.inativar(s, claims.empresa_id, ids, now))
    return json(ResultadoAtivacao(todos=lote.todos, ativos=None, inativos=lote.afetados))


@router.get("/legado/{uuid_legado}/resumo", responses={200: {"model": schemas.ResumoLegado}})
async def resumo_por_legado(uuid_legado: str, request: Request, claims: Tenant) -> Response:
    legado = require_uuid(uuid_legado)
    rt = runtime(request)
    detalhe = await read_raw(
        rt.db, lambda s: service.obter_por_legado(s, claims.empresa_id, legado, rt.clock)
    )
    return json(schemas.resumo_legado(detalhe))


@router.get("/{id_cadastro_pessoa}/resumo", responses={200: {"model": schemas.Resumo}})
async def resumo(id_cadastro_pessoa: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(id_cadastro_pessoa)
    rt = runtime(request)
    detalhe = await read_raw(rt.db, lambda s: service.obter(s, claims.empresa_id, pid, rt.clock))
    return json(schemas.resumo(detalhe))


@router.put("/{id_cadastro_pessoa}", responses={200: {"model": schemas.Pessoa}})
async def substituir(id_cadastro_pessoa: str, request: Request, claims: Tenant) -> Response:
    pid = require_uuid(id_cadastro_pessoa)
    entrada = parse_body(schemas.PessoaIn, await request.body()).entrada()
    rt = runtime(request)
    now = agora(rt)
    detalhe = await write(
        rt.db, lambda s: service.substituir(s, claims.empresa_id, pid, entrada, now, rt.clock, LEGADO)
    )
    return json(schemas.pessoa(detalhe.pessoa))
