"""/v1/venda/vendedores — the company's sellers (catalog §3.4, Appendix A.5 `listVendedores`).

A bare JSON array, no paging. Sellers cannot be created through Conta Azul's API; anil's `/_anil/` paths
(`routers/control_vendedores.py`) and `anil sellers create` do. The sales endpoints under `/v1/venda` come
with the Vendas group.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read, route_class
from anil.schemas import vendedores as schemas
from anil.services import vendedores as service

router = APIRouter(prefix="/v1/venda", tags=["Vendas"], route_class=route_class(ErrorStyle.SIMPLE))


@router.get("/vendedores", responses={200: {"model": list[schemas.Vendedor]}})
async def listar(request: Request, claims: Tenant) -> Response:
    rt = runtime(request)
    vendedores = await read(rt.db, lambda s: service.listar(s, claims.empresa_id))
    # production leaves `id_legado` out (a quirk); the spec documents it (choice `vendedores-id-legado`)
    body = schemas.vendedores_json(vendedores, com_id_legado=not rt.settings.quirks_on)
    return Response(body, media_type="application/json")
