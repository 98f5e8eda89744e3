"""Contas financeiras, saldos and transferências (catalog §3.9): four reads of the financial group, whose
errors are `{"code", "message"}` (§2.8). Thin: parse → service → schema.

- `GET /v1/conta-financeira`
- `GET /v1/conta-financeira/{id_conta_financeira}/saldo-atual`
- `GET /v1/financeiro/eventos-financeiros/saldo-inicial`
- `GET /v1/financeiro/transferencias`

Multi-value filters come repeated, comma-separated or indexed (`tipos[0]=…&tipos[1]=…`, as the official
n8n node sends them), in any mix.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TypeVar

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.conventions import QueryReader, enum_message, is_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read, route_class
from anil.domain.contas import TIPOS_CONTA, FiltroContas, FiltroTransferencias
from anil.errors import InvalidInput
from anil.schemas import contas as schemas
from anil.schemas.common import Wire
from anil.services import contas as service
from anil.services import relogios

router = APIRouter(tags=["Conta financeira"], route_class=route_class(ErrorStyle.FINANCEIRO))

# The provider's example of a 400 on saldo-atual.
UUID_MESSAGE = "O valor '{valor}' fornecido no parâmetro '{parametro}' não é um identificador (uuid) válido."

D = TypeVar("D", date, datetime)

_INDEXADO = re.compile(r"^(?P<nome>[A-Za-z_]+)\[(?P<indice>\d+)\]$")


def json(model: Wire) -> Response:
    return Response(model.__pydantic_serializer__.to_json(model), 200, media_type="application/json")


def multi(q: QueryReader, name: str) -> list[str]:
    """`name=a&name=b`, `name=a,b` and `name[0]=a&name[1]=b`, in any mix."""
    values = q.strings(name)
    indexed = sorted(
        (int(match["indice"]), raw)
        for key, raw in q.params.multi_items()
        if (match := _INDEXADO.match(key)) and match["nome"] == name
    )
    for _, raw in indexed:
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return values


def _uuid(value: str, name: str) -> str:
    if not is_uuid(value):
        raise InvalidInput(UUID_MESSAGE.format(valor=value, parametro=name))
    return value.lower()


def _obrigatoria(value: D | None, name: str) -> D:
    if value is None:
        raise InvalidInput(choices.CONTA_PARAMETRO_OBRIGATORIO.format(parametro=name))
    return value


def _periodo(inicio: D, fim: D) -> None:
    if inicio > fim:
        raise InvalidInput(choices.CONTA_PERIODO_MESSAGE)


@router.get("/v1/conta-financeira", responses={200: {"model": schemas.ContasPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    tipos = multi(q, "tipos")
    for tipo in tipos:
        if tipo not in TIPOS_CONTA:
            raise InvalidInput(enum_message("tipos", TIPOS_CONTA))
    filtro = FiltroContas(
        tipos=tuple(dict.fromkeys(tipos)),
        nome=q.raw("nome"),
        apenas_ativo=bool(q.boolean("apenas_ativo", default=False)),
        esconde_conta_digital=bool(q.boolean("esconde_conta_digital", default=False)),
        mostrar_caixinha=bool(q.boolean("mostrar_caixinha", default=True)),
    )
    resultado = await read(
        runtime(request).db,
        lambda s: service.listar(s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina),
    )
    return json(schemas.contas_page(*resultado))


@router.get(
    "/v1/conta-financeira/{id_conta_financeira}/saldo-atual", responses={200: {"model": schemas.SaldoAtual}}
)
async def saldo_atual(id_conta_financeira: str, request: Request, claims: Tenant) -> Response:
    conta_id = _uuid(id_conta_financeira, "id_conta_financeira")
    rt = runtime(request)

    def work(session):  # type: ignore[no-untyped-def]
        hoje = relogios.hoje(session, claims.empresa_id, rt.clock)  # the company's today
        return service.obter_saldo_atual(session, claims.empresa_id, conta_id, hoje)

    saldo = await read(rt.db, work)
    return json(schemas.SaldoAtual(saldo_atual=saldo))


@router.get(
    "/v1/financeiro/eventos-financeiros/saldo-inicial", responses={200: {"model": schemas.SaldosIniciaisPage}}
)
async def saldos_iniciais(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    inicio = _obrigatoria(q.local_datetime("data_inicio"), "data_inicio")
    fim = _obrigatoria(q.local_datetime("data_fim"), "data_fim")
    _periodo(inicio, fim)
    de, ate = inicio.date(), fim.date()
    total, contas = await read(
        runtime(request).db,
        lambda s: service.saldos_iniciais(s, claims.empresa_id, de, ate, page.offset, page.tamanho_pagina),
    )
    return json(schemas.saldos_iniciais_page(total, contas))


@router.get("/v1/financeiro/transferencias", responses={200: {"model": schemas.TransferenciasPage}})
async def transferencias(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    page = q.page()
    contas = tuple(dict.fromkeys(_uuid(v, "ids_conta_financeira") for v in multi(q, "ids_conta_financeira")))
    inicio = _obrigatoria(q.date("data_inicio"), "data_inicio")
    fim = _obrigatoria(q.date("data_fim"), "data_fim")
    _periodo(inicio, fim)
    filtro = FiltroTransferencias(data_inicio=inicio, data_fim=fim, contas=contas)
    total, itens = await read(
        runtime(request).db,
        lambda s: service.listar_transferencias(
            s, claims.empresa_id, filtro, page.offset, page.tamanho_pagina
        ),
    )
    return json(schemas.transferencias_page(total, itens))
