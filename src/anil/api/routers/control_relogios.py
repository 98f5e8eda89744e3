"""`/_anil/companies/{id_empresa}/relogio`: each company's clock, which the financial date rules read
(overdue, due today, this month, the alterações stamps), so an integrator can watch installments fall
overdue without waiting (issue 4 §7).

- `GET`: what the clock shows (`agora` in São Paulo, `hoje`, `congelado`, `deslocamento_segundos`);
- `PUT` (or `POST`) `{"instante": "2026-12-15T10:00:00"}` or `{"data": "2026-12-15"}`: freeze it there;
- `POST …/relogio/avancar` `{"dias": 1, "horas": 2, "minutos": 3, "segundos": 4}` and/or
  `{"duracao": "P1DT2H"}`: move it forward;
- `DELETE`: back to the system clock.
Same door as the rest of `/_anil/`: only with ANIL_SANDBOX=on, every call with `X-Anil-Admin-Key`, errors
as `{"error", "code"}`. Answers the same JSON as `anil clock … --json`. Token expiry never reads it.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from anil.api.body import parse_body
from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.domain.relogios import duracao_avanco, instante_congelamento
from anil.schemas.relogios import RelogioIn, relogio_json
from anil.services import relogios as service

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)

RELOGIO = "/companies/{id_empresa}/relogio"


@router.get(RELOGIO)
async def show_clock(id_empresa: str, rt: RuntimeDep) -> Response:
    estado = await read(rt.db, lambda s: service.estado(s, id_empresa, rt.clock))
    return json_response(relogio_json(id_empresa, estado))


@router.put(RELOGIO)
@router.post(RELOGIO)
async def freeze_clock(id_empresa: str, request: Request, rt: RuntimeDep) -> Response:
    body = parse_body(RelogioIn, await request.body())
    instante = instante_congelamento(body.instante, body.data)
    estado = await write(rt.db, lambda s: service.congelar(s, id_empresa, instante, rt.clock))
    return json_response(relogio_json(id_empresa, estado))


@router.post(RELOGIO + "/avancar")
async def advance_clock(id_empresa: str, request: Request, rt: RuntimeDep) -> Response:
    body = parse_body(RelogioIn, await request.body())
    passo = duracao_avanco(
        dias=body.dias, horas=body.horas, minutos=body.minutos, segundos=body.segundos, duracao=body.duracao
    )
    estado = await write(rt.db, lambda s: service.avancar_relogio(s, id_empresa, passo, rt.clock))
    return json_response(relogio_json(id_empresa, estado))


@router.delete(RELOGIO)
async def reset_clock(id_empresa: str, rt: RuntimeDep) -> Response:
    estado = await write(rt.db, lambda s: service.restaurar(s, id_empresa, rt.clock))
    return json_response(relogio_json(id_empresa, estado))
