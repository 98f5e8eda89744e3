"""`/_anil/companies/{id_empresa}/categorias` and `/centros-de-custo`: what Conta Azul's API cannot do
for the financial cadastros (create categories; create a cost center of any company, possibly inactive).

Same guard as `control`: only with ANIL_SANDBOX=on and the `X-Anil-Admin-Key` header; errors answer
`{"error", "code"}`. Answers the same JSON as `anil categories` / `anil cost-centers`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from anil.api.body import parse_body
from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.schemas.categorias import CategoriaControleIn
from anil.schemas.centros_de_custo import CentroControleIn
from anil.services import categorias, centros_de_custo

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)


@router.post("/companies/{id_empresa}/categorias")
async def create_category(id_empresa: str, request: Request, rt: RuntimeDep):
    entrada = parse_body(CategoriaControleIn, await request.body()).entrada()
    categoria = await write(rt.db, lambda s: categorias.criar(s, id_empresa, entrada))
    return json_response(categorias.categoria_json(categoria), 201)


@router.get("/companies/{id_empresa}/categorias")
async def list_categories(id_empresa: str, rt: RuntimeDep):
    rows = await read(rt.db, lambda s: categorias.listar_todas(s, id_empresa))
    return json_response([categorias.categoria_json(c) for c in rows])


@router.post("/companies/{id_empresa}/centros-de-custo")
async def create_cost_center(id_empresa: str, request: Request, rt: RuntimeDep):
    entrada = parse_body(CentroControleIn, await request.body()).entrada()
    centro = await write(rt.db, lambda s: centros_de_custo.criar_controle(s, id_empresa, entrada))
    return json_response(centros_de_custo.centro_json(centro), 201)
