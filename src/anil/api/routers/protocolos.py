"""`GET /v1/protocolo/{id}` (catalog §3.13, Appendix A.4): PENDING → SUCCESS | ERROR, with `resposta`
and `evento_financeiro_id`. Errors in the financial group's `{"code", "message"}`; another company's
protocol is unknown (404)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.conventions import is_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read_raw, route_class
from anil.errors import InvalidInput
from anil.schemas import protocolos as schemas
from anil.services import protocolos as service

router = APIRouter(tags=["Protocolo"], route_class=route_class(ErrorStyle.FINANCEIRO))

UUID_MESSAGE = "O valor '{valor}' fornecido no parâmetro 'id' não é um identificador (uuid) válido."
# What a PENDING protocol says (the provider documents `resposta` only for finished ones).
RESPOSTA_PENDENTE = "O evento financeiro está sendo processado."


@router.get("/v1/protocolo/{id}", responses={200: {"model": schemas.Protocolo}})
async def obter(id: str, request: Request, claims: Tenant) -> Response:
    if not is_uuid(id):
        raise InvalidInput(UUID_MESSAGE.format(valor=id))
    protocolo_id = id.lower()
    registro = await read_raw(
        runtime(request).db, lambda r: service.obter(r, claims.empresa_id, protocolo_id)
    )
    return json_response(
        {
            "id": registro.id,
            "resposta": registro.resposta if registro.status != "PENDING" else RESPOSTA_PENDENTE,
            "status": registro.status,
            "evento_financeiro_id": registro.evento_financeiro_id,
        }
    )
