"""`/_anil/companies/{id_empresa}/protocolos`: how long a company's new protocols stay PENDING, and
releasing the ones held (catalog §2.10; Conta Azul's API has no such control). Same door as
`routers/control.py`: only with ANIL_SANDBOX=on and the `X-Anil-Admin-Key` header; errors `{"error", "code"}`.

- `GET  …/protocolos`: the company's mode and its PENDING protocols, oldest first;
- `PUT  …/protocolos/modo` `{"modo": "immediate" | "manual" | <seconds> | null}`: the company's own mode
  (null: back to the server's `ANIL_PROTOCOL_DELAY`); `GET …/protocolos/modo` reads it;
- `POST …/protocolos/liberar`: release every waiting job of the company (held or delayed);
- `POST …/protocolos/{protocolo_id}/liberar`: release one.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from anil.api.body import parse_body
from anil.api.conventions import is_uuid
from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.domain.eventos import ModoPendencia, modo_pendencia
from anil.errors import Conflict, InvalidInput, NotFound
from anil.schemas.common import In, carimbo
from anil.services import protocolos as service
from anil.services.jobs import naive_utc

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)


class ModoIn(In):
    modo: Any = None  # checked by `modo_pendencia`


def _modo(proprio: ModoPendencia | None, padrao: str) -> dict[str, Any]:
    efetivo = proprio or modo_pendencia(padrao)
    return {
        "modo": efetivo.texto,
        "origem": "empresa" if proprio is not None else "servidor",
        "servidor": modo_pendencia(padrao).texto,
    }


@router.get("/companies/{id_empresa}/protocolos")
async def listar(id_empresa: str, rt: RuntimeDep) -> Response:
    def work(session):  # type: ignore[no-untyped-def]
        return service.pendentes(session, id_empresa), service.modo_da_empresa(session, id_empresa)

    pendentes, proprio = await read(rt.db, work)
    return json_response(
        {
            **_modo(proprio, rt.settings.protocol_delay),
            "pendentes": [
                {
                    "protocolo": p.protocolo_id,
                    "status": "PENDING",
                    "data_criacao": carimbo(p.criado_em),
                    "disponivel_em": carimbo(p.disponivel_em) if p.disponivel_em is not None else None,
                    "aguardando_liberacao": p.disponivel_em is None,
                    "em_execucao": p.estado == "EXECUTANDO",
                }
                for p in pendentes
            ],
        }
    )


@router.get("/companies/{id_empresa}/protocolos/modo")
async def obter_modo(id_empresa: str, rt: RuntimeDep) -> Response:
    def work(session):  # type: ignore[no-untyped-def]
        service.pendentes(session, id_empresa)  # 404 for an unknown company
        return service.modo_da_empresa(session, id_empresa)

    return json_response(_modo(await read(rt.db, work), rt.settings.protocol_delay))


@router.put("/companies/{id_empresa}/protocolos/modo")
async def definir_modo(id_empresa: str, request: Request, rt: RuntimeDep) -> Response:
    corpo = parse_body(ModoIn, await request.body())
    modo = None if corpo.modo is None else modo_pendencia(corpo.modo)
    agora = naive_utc(rt.clock)
    await write(rt.db, lambda s: service.definir_modo(s, id_empresa, modo, agora))
    return json_response(_modo(modo, rt.settings.protocol_delay))


def _acordar(request: Request, liberados: int) -> None:
    worker = getattr(request.app.state, "worker", None)
    if worker is not None and liberados:
        worker.acordar()


@router.post("/companies/{id_empresa}/protocolos/liberar")
async def liberar_todos(id_empresa: str, request: Request, rt: RuntimeDep) -> Response:
    agora = naive_utc(rt.clock)

    def work(session):  # type: ignore[no-untyped-def]
        service.pendentes(session, id_empresa)  # 404 for an unknown company
        return service.liberar(session, id_empresa, agora)

    liberados = await write(rt.db, work)
    _acordar(request, liberados)
    return json_response({"liberados": liberados})


@router.post("/companies/{id_empresa}/protocolos/{protocolo_id}/liberar")
async def liberar_um(id_empresa: str, protocolo_id: str, request: Request, rt: RuntimeDep) -> Response:
    if not is_uuid(protocolo_id):
        raise InvalidInput("O protocolo deve ser um identificador (uuid) válido")
    protocolo_id = protocolo_id.lower()
    agora = naive_utc(rt.clock)

    def work(session):  # type: ignore[no-untyped-def]
        registro = service.obter(session, id_empresa, protocolo_id)
        liberados = service.liberar(session, id_empresa, agora, protocolo_id)
        if not liberados:
            if registro.status != "PENDING":
                raise Conflict(f"O protocolo já foi processado ({registro.status})")
            raise Conflict("O protocolo não está aguardando liberação")
        return liberados

    try:
        liberados = await write(rt.db, work)
    except NotFound:
        raise NotFound("Protocolo não encontrado") from None
    _acordar(request, liberados)
    return json_response({"liberados": liberados})
