"""Creating receivables and payables (catalog §3.10, §2.10): `POST …/contas-a-receber` and
`…/contas-a-pagar` answer 202 with a protocol; a worker creates the event (`services.worker`).

What the body alone can tell, and whether the records it names exist in the company, is checked here and
answered 400 (`{"code", "message"}`, the first failing field). When the protocol is due at once and this
process runs the in-process worker (the defaults), the event and its protocol, already SUCCESS, are
written in the request's own transaction; otherwise the protocol and its job are inserted in one
transaction and the request wakes this process's worker (or leaves the job to `anil worker` processes,
to a delay, or to the sandbox's manual release).
"""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.body import parse_shape
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read_raw, route_class, write
from anil.domain.eventos import MANUAL, EventoValido, validar_evento, verificar_referencias
from anil.domain.financeiro import TipoEvento
from anil.schemas import eventos as schemas
from anil.services import eventos as service
from anil.services import protocolos as protocolos_service
from anil.services import relogios
from anil.services.jobs import naive_utc
from anil.storage.types import new_uuid

router = APIRouter(tags=["Evento financeiro"], route_class=route_class(ErrorStyle.FINANCEIRO))

BASE = "/v1/financeiro/eventos-financeiros"


def parse(raw: bytes) -> schemas.EventoIn:
    """The body, or the first problem in Portuguese (`condicao_pagamento.parcelas[0].nota`)."""
    return parse_shape(schemas.EventoIn, raw)


async def criar(request: Request, tenant_id: str, tipo: TipoEvento) -> Response:
    valido: EventoValido = validar_evento(parse(await request.body()).entrada(), tipo)
    rt = runtime(request)
    refs, modo, agora_empresa = await read_raw(
        rt.db,
        lambda s: (
            service.referencias(s, tenant_id, valido),
            protocolos_service.modo(s, tenant_id, rt.settings.protocol_delay),
            relogios.agora_utc(s, tenant_id, rt.clock),
        ),
    )
    verificar_referencias(valido, refs)
    agora = naive_utc(rt.clock)
    protocolo_id = new_uuid()
    worker = getattr(request.app.state, "worker", None)
    if worker is not None and modo.modo != MANUAL and modo.segundos == 0:
        # due at once and this process runs the worker: created in this request's transaction
        await write(
            rt.db,
            lambda s: service.criar_com_protocolo(s, tenant_id, valido, protocolo_id, agora, agora_empresa),
        )
    else:
        disponivel_em = None if modo.modo == MANUAL else agora + timedelta(seconds=modo.segundos)
        await write(
            rt.db,
            lambda s: service.solicitar_criacao(s, tenant_id, valido, protocolo_id, agora, disponivel_em),
        )
        if worker is not None and disponivel_em is not None:
            worker.acordar()
    # UTC with `Z`, as the provider file's example and the seed's mock write this one (choice); PENDING
    # as production answers every creation, whatever the protocol says by the time the client polls it
    criado = agora.isoformat(timespec="seconds") + "Z"
    return json_response(
        {
            "protocolo": protocolo_id,
            "protocolId": protocolo_id,
            "status": "PENDING",
            "data_criacao": criado,
            "createdAt": criado,
        },
        202,
    )


@router.post(f"{BASE}/contas-a-receber", status_code=202, responses={202: {"model": schemas.ProtocoloCriado}})
async def criar_conta_a_receber(request: Request, claims: Tenant) -> Response:
    return await criar(request, claims.empresa_id, TipoEvento.RECEITA)


@router.post(f"{BASE}/contas-a-pagar", status_code=202, responses={202: {"model": schemas.ProtocoloCriado}})
async def criar_conta_a_pagar(request: Request, claims: Tenant) -> Response:
    return await criar(request, claims.empresa_id, TipoEvento.DESPESA)
