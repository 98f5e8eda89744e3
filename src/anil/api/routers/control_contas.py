"""`/_anil/`: financial accounts and transfers, which Conta Azul's API cannot create (catalog §3.9).

Same door as `routers/control.py`: only with ANIL_SANDBOX=on, every call with `X-Anil-Admin-Key`, errors
as `{"error", "code"}`. Answers the same JSON as `anil accounts` / `anil transfers --json`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from anil.api.body import parse_body
from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.domain.contas import FiltroTransferencias
from anil.schemas import contas as schemas
from anil.services import contas as service
from anil.services import relogios

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)


@router.post("/companies/{id_empresa}/contas-financeiras")
async def create_account(id_empresa: str, request: Request, rt: RuntimeDep) -> Response:
    entrada = parse_body(schemas.ContaIn, await request.body()).entrada()

    def work(session):  # type: ignore[no-untyped-def]
        hoje = relogios.hoje(session, id_empresa, rt.clock)  # the company's today
        conta = service.criar_conta(session, id_empresa, entrada, hoje)
        return schemas.conta_controle(conta, service.saldos(session, id_empresa, [conta], hoje)[conta.id])

    return json_response(await write(rt.db, work), 201)


@router.get("/companies/{id_empresa}/contas-financeiras")
async def list_accounts(id_empresa: str, rt: RuntimeDep) -> Response:
    rows = await read(
        rt.db, lambda s: service.contas_da_empresa(s, id_empresa, relogios.hoje(s, id_empresa, rt.clock))
    )
    return json_response([schemas.conta_controle(conta, saldo) for conta, saldo in rows])


@router.post("/companies/{id_empresa}/transferencias")
async def create_transfer(id_empresa: str, request: Request, rt: RuntimeDep) -> Response:
    entrada = parse_body(schemas.TransferenciaIn, await request.body()).entrada()
    registro = await write(
        rt.db,
        lambda s: service.criar_transferencia(s, id_empresa, entrada, relogios.hoje(s, id_empresa, rt.clock)),
    )
    return json_response(schemas.transferencia_controle(registro), 201)


@router.get("/companies/{id_empresa}/transferencias")
async def list_transfers(id_empresa: str, rt: RuntimeDep) -> Response:
    rows = await read(
        rt.db, lambda s: service.transferencias_da_empresa(s, id_empresa, FiltroTransferencias())
    )
    return json_response([schemas.transferencia_controle(r) for r in rows])
