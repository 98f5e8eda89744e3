"""`/_anil/companies/{id_empresa}/vendedores`: sellers, which Conta Azul's API cannot create.

Same switch and key as the rest of `/_anil/` (`routers/control.py`): on only with ANIL_SANDBOX=on, every
call needs `X-Anil-Admin-Key`. Answers the same JSON as `anil sellers create|list --json`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from anil.api.body import parse_body
from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.services import vendedores

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)


class VendedorIn(BaseModel):
    nome: str | None = None
    name: str | None = None


@router.post("/companies/{id_empresa}/vendedores")
async def create_seller(id_empresa: str, request: Request, rt: RuntimeDep):
    body = parse_body(VendedorIn, await request.body())
    nome = body.nome if body.nome is not None else body.name

    def work(session):  # type: ignore[no-untyped-def]
        return vendedores.vendedor_json(vendedores.criar(session, id_empresa, nome), id_empresa)

    return json_response(await write(rt.db, work), 201)


@router.get("/companies/{id_empresa}/vendedores")
async def list_sellers(id_empresa: str, rt: RuntimeDep):
    def work(session):  # type: ignore[no-untyped-def]
        return [
            vendedores.vendedor_json(v, id_empresa) for v in vendedores.listar_da_empresa(session, id_empresa)
        ]

    return json_response(await read(rt.db, work))
