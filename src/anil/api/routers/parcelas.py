"""Installments (catalog §3.10): the financial group's `{"code", "message"}` errors. Thin: parse → service →
schema.

- `GET /v1/financeiro/eventos-financeiros/{id_evento}/parcelas` (the event's uuid or legacy id; bare array)
- `GET /v1/financeiro/eventos-financeiros/parcelas/{id}`
- `PATCH /v1/financeiro/eventos-financeiros/parcelas/{id}` (optimistic `versao`: stale → 409)

An installment's status is derived on the company's today (its clock, `services.relogios`).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.body import parse_body
from anil.api.conventions import is_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read_raw, route_class, write
from anil.domain.baixas import EVENTO_NAO_ENCONTRADO
from anil.errors import InvalidInput, NotFound
from anil.schemas import parcelas as schemas
from anil.schemas.common import Wire
from anil.services import parcelas as service

router = APIRouter(tags=["Parcelas"], route_class=route_class(ErrorStyle.FINANCEIRO))

BASE = "/v1/financeiro/eventos-financeiros"
# The provider's wording of a malformed id (its saldo-atual example), as the rest of the group.
UUID_MESSAGE = "O valor '{valor}' fornecido no parâmetro '{parametro}' não é um identificador (uuid) válido."
ID_EVENTO_MESSAGE = "O valor '{valor}' fornecido no parâmetro 'id_evento' não é um identificador (uuid) nem um id legado válido."
_SEQ_MAXIMO = 2**63 - 1


def json(model: Wire) -> Response:
    return Response(model.__pydantic_serializer__.to_json(model), 200, media_type="application/json")


def uuid_do_caminho(valor: str, parametro: str) -> str:
    if not is_uuid(valor):
        raise InvalidInput(UUID_MESSAGE.format(valor=valor, parametro=parametro))
    return valor.lower()


def _id_evento(valor: str) -> str | int:
    """The event's uuid, or its legacy integer id (choice `financeiro-parcelas-id-evento`)."""
    if is_uuid(valor):
        return valor.lower()
    if valor.isascii() and valor.isdigit():
        seq = int(valor)
        if seq > _SEQ_MAXIMO:
            raise NotFound(EVENTO_NAO_ENCONTRADO)
        return seq
    raise InvalidInput(ID_EVENTO_MESSAGE.format(valor=valor))


@router.get(f"{BASE}/{{id_evento}}/parcelas", responses={200: {"model": list[schemas.Parcela]}})
async def do_evento(id_evento: str, request: Request, claims: Tenant) -> Response:
    chave = _id_evento(id_evento)
    rt = runtime(request)
    detalhes = await read_raw(rt.db, lambda r: service.do_evento(r, claims.empresa_id, chave, rt.clock))
    body = schemas.PARCELAS.dump_json(schemas.parcelas(detalhes))
    return Response(body, 200, media_type="application/json")


@router.get(f"{BASE}/parcelas/{{id}}", responses={200: {"model": schemas.Parcela}})
async def obter(id: str, request: Request, claims: Tenant) -> Response:
    parcela_id = uuid_do_caminho(id, "id")
    rt = runtime(request)
    detalhe = await read_raw(rt.db, lambda r: service.obter(r, claims.empresa_id, parcela_id, rt.clock))
    return json(schemas.parcela(detalhe))


@router.patch(f"{BASE}/parcelas/{{id}}", responses={200: {"model": schemas.ParcelaAtualizadaOut}})
async def atualizar(id: str, request: Request, claims: Tenant) -> Response:
    parcela_id = uuid_do_caminho(id, "id")
    alteracao = parse_body(schemas.ParcelaPatchIn, await request.body()).alteracao()
    rt = runtime(request)
    resultado = await write(
        rt.db, lambda s: service.atualizar(s, claims.empresa_id, parcela_id, alteracao, rt.clock)
    )
    return json(schemas.atualizada(resultado))
