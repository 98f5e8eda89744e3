"""`GET /v1/venda/{id}/imprimir` (catalog §3.4, Appendix A.5 `printVendaPdf`): the sale as a PDF.

`id` is the sale's uuid or its legacy integer id (§2.7); anything else → 400 with CA's UUID message, an
id the company has no sale under → 404 `{"error": "Venda não encontrada"}`. 200 `application/pdf`
(`%PDF-…`, inline, `venda-<numero>.pdf`). Registered before `/v1/venda/{id}` (app.py).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from anil.api import choices
from anil.api.conventions import is_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read, route_class
from anil.errors import InvalidInput, NotFound
from anil.services import vendas_pdf as service

router = APIRouter(prefix="/v1/venda", tags=["Vendas"], route_class=route_class(ErrorStyle.SIMPLE))

VENDA_NAO_ENCONTRADA = "Venda não encontrada"
_MAIOR_LEGADO = 2**63 - 1


def id_ou_legado(valor: str) -> str | int:
    """The uuid (lower case) or the legacy id of `{id}`."""
    texto = valor.strip()
    if texto.isdigit():
        numero = int(texto)
        if numero > _MAIOR_LEGADO:
            raise NotFound(VENDA_NAO_ENCONTRADA)
        return numero
    if not is_uuid(texto):
        raise InvalidInput(choices.UUID_MESSAGE)
    return texto.lower()


@router.get(
    "/{id}/imprimir",
    responses={200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}},
)
async def imprimir(id: str, request: Request, claims: Tenant) -> Response:
    chave = id_ou_legado(id)
    rt = runtime(request)
    dados = await read(rt.db, lambda s: service.ler(s, claims.empresa_id, chave))
    if dados is None:
        raise NotFound(VENDA_NAO_ENCONTRADA)
    pdf = await run_in_threadpool(service.renderizar, dados)
    numero = dados["venda"]["numero"]
    return Response(
        pdf,
        200,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="venda-{numero}.pdf"'},
    )
