"""/v1/orcamentos — Orçamentos (catalog §3.5, Appendix A.8). Thin: parse → service → schema.

Four endpoints: the list (`{itens, total_itens}`, every filter of the spec, sorting by DATA, NUMERO or
CLIENTE), create (201 `{id}`, `numero` from the sales counter, `situacao` ORCAMENTO), the batch DELETE
with a JSON body (physical, 204 also for unknown ids) and GET by uuid. PUT and DELETE on `/{id}` answer
405, as production. Errors are `{"error": "<text>"}` (§2.8).

Two production quirks are reproduced with `ANIL_QUIRKS=on` (the default) and dropped with `off`:
`total_itens` leaves out the refused proposals the page still lists (choice `orcamento-total-itens`),
and GET answers `observacoes` and `observacoes_pagamento` swapped (choice `orcamento-observacoes-trocadas`).
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.body import lote_uuids, parse_body
from anil.api.conventions import QueryReader, date_pair, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.domain.clock import sao_paulo_to_utc
from anil.domain.orcamentos import ORDENACOES, SITUACOES, FiltroOrcamentos
from anil.domain.texto import chave
from anil.errors import InvalidInput
from anil.schemas import orcamentos as schemas
from anil.services import orcamentos as service

router = APIRouter(prefix="/v1/orcamentos", tags=["Orçamentos"], route_class=route_class(ErrorStyle.SIMPLE))

_CREATED = 201
_NO_CONTENT = 204
_METHOD_NOT_ALLOWED = 405
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1

_ARRAYS = (
    "ids_vendedores",
    "ids_clientes",
    "ids_natureza_operacao",
    "ids_categorias",
    "ids_produtos",
    "situacoes",
    "origens",
    "numeros",
    "ids_legado_donos",
    "ids_legado_clientes",
    "ids_legado_produtos",
)
_BRACKETS = re.compile(r"^(" + "|".join(_ARRAYS) + r")\[.*\]$")


def _json(body: bytes, status: int = 200) -> Response:
    return Response(body, status, media_type="application/json")


def _inteiros(q: QueryReader, name: str) -> tuple[int, ...]:
    valores = []
    for value in q.strings(name):
        try:
            numero = int(value)
        except ValueError:
            raise InvalidInput(choices.ORCAMENTOS_INTEIROS_MESSAGE.format(parametro=name)) from None
        if not _INT64_MIN <= numero <= _INT64_MAX:
            raise InvalidInput(choices.ORCAMENTOS_INTEIROS_MESSAGE.format(parametro=name))
        valores.append(numero)
    return tuple(valores)


def _fim_exclusivo(texto: str, fim: datetime) -> datetime:
    """`data_alteracao_ate` is inclusive at the precision written (as the alterações window)."""
    hora = texto.split("T", 1)[1]
    if hora.count(":") == 1:
        return fim + timedelta(minutes=1)
    if "." not in hora:
        return fim + timedelta(seconds=1)
    return fim + timedelta(microseconds=1)


def _filtro(q: QueryReader) -> FiltroOrcamentos:
    for key in q.params:
        if _BRACKETS.match(key):
            raise InvalidInput(choices.ORCAMENTOS_COLCHETES_MESSAGE.format(parametro=key))
    ascendente = q.enum("campo_ordenado_ascendente", ORDENACOES)
    descendente = q.enum("campo_ordenado_descendente", ORDENACOES)
    termo_bruto = q.raw("termo_busca")
    termo = chave(termo_bruto) if termo_bruto is not None else None
    numero_termo = int(termo_bruto) if termo_bruto is not None and termo_bruto.isdigit() else None
    inicio, fim = date_pair(q, "data_inicio", "data_fim")
    criacao_de, criacao_ate = date_pair(q, "data_criacao_de", "data_criacao_ate")
    alteracao_de, alteracao_ate = date_pair(q, "data_alteracao_de", "data_alteracao_ate", local_datetime=True)
    return FiltroOrcamentos(
        termo=termo,
        numero_termo=numero_termo if numero_termo is not None and numero_termo <= _INT64_MAX else None,
        data_inicio=inicio,
        data_fim=fim,
        criacao_de=sao_paulo_to_utc(datetime.combine(criacao_de, time())) if criacao_de else None,
        criacao_ate=(
            sao_paulo_to_utc(datetime.combine(criacao_ate + timedelta(days=1), time()))
            if criacao_ate
            else None
        ),
        alteracao_de=sao_paulo_to_utc(alteracao_de) if alteracao_de else None,
        alteracao_ate=(
            sao_paulo_to_utc(_fim_exclusivo(q.raw("data_alteracao_ate") or "", alteracao_ate))
            if alteracao_ate
            else None
        ),
        ids_vendedores=tuple(q.uuids("ids_vendedores")),
        ids_clientes=tuple(q.uuids("ids_clientes")),
        ids_natureza_operacao=tuple(q.uuids("ids_natureza_operacao")),
        ids_categorias=tuple(q.uuids("ids_categorias")),
        ids_produtos=tuple(q.uuids("ids_produtos")),
        situacoes=tuple(q.enums("situacoes", SITUACOES)),
        origens=tuple(q.strings("origens")),
        numeros=_inteiros(q, "numeros"),
        ids_legado_donos=_inteiros(q, "ids_legado_donos"),
        ids_legado_clientes=_inteiros(q, "ids_legado_clientes"),
        ids_legado_produtos=_inteiros(q, "ids_legado_produtos"),
        campo_ordenacao=ascendente or descendente or choices.ORCAMENTOS_ORDEM_PADRAO,
        ascendente=ascendente is not None,
    )


@router.get("", responses={200: {"model": schemas.OrcamentosPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    filtro = _filtro(q)
    rt = runtime(request)
    contar_recusados = not rt.settings.quirks_on
    total, orcamentos = await read(
        rt.db,
        lambda s: service.listar(
            s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina, contar_recusados=contar_recusados
        ),
    )
    return _json(schemas.to_json(schemas.pagina(total, orcamentos)))


@router.post("", status_code=_CREATED, responses={201: {"model": schemas.OrcamentoCriado}})
async def criar(request: Request, claims: Tenant) -> Response:
    dados = service.preparar(parse_body(schemas.OrcamentoIn, await request.body()).entrada())
    rt = runtime(request)
    orcamento_id = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, dados, rt.clock))
    return _json(schemas.to_json(schemas.OrcamentoCriado(id=orcamento_id)), _CREATED)


@router.delete("", status_code=_NO_CONTENT)
async def excluir(request: Request, claims: Tenant) -> Response:
    body = parse_body(schemas.ExclusaoIn, await request.body())
    ids = list(dict.fromkeys(lote_uuids(body.ids, "ids")))
    await write(runtime(request).db, lambda s: service.excluir(s, claims.empresa_id, ids))
    return Response(status_code=_NO_CONTENT)


@router.get("/{orcamento_id}", responses={200: {"model": schemas.Orcamento}})
async def obter(orcamento_id: str, request: Request, claims: Tenant) -> Response:
    oid = require_uuid(orcamento_id)
    rt = runtime(request)
    orcamento = await read(rt.db, lambda s: service.obter(s, claims.empresa_id, oid))
    return _json(schemas.to_json(schemas.orcamento(orcamento, trocar_observacoes=rt.settings.quirks_on)))


@router.api_route("/{orcamento_id}", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
async def metodo_nao_permitido(orcamento_id: str, claims: Tenant) -> Response:
    """A proposal cannot be edited nor deleted one by one (choice `orcamento-405`)."""
    return json_response({"error": choices.ORCAMENTOS_405_MESSAGE}, _METHOD_NOT_ALLOWED, {"Allow": "GET"})


@router.api_route("", methods=["PUT", "PATCH"], include_in_schema=False)
async def metodo_nao_permitido_na_colecao(claims: Tenant) -> Response:
    """Nor edited in bulk: the collection takes GET, POST and DELETE (choice `orcamento-405`)."""
    allow = {"Allow": "GET, POST, DELETE"}
    return json_response({"error": choices.ORCAMENTOS_405_MESSAGE}, _METHOD_NOT_ALLOWED, allow)
