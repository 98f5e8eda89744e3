"""`/_anil/companies/{id_empresa}/orcamentos/{id}/situacao` and `…/converter`: a proposal's lifecycle, which
Conta Azul's API cannot move (its PUT answers 405): accept (`ORCAMENTO_ACEITO`), refuse
(`ORCAMENTO_RECUSADO`) or reopen a refused one (`ORCAMENTO`) (choice `orcamento-situacao`), or turn it into
a sale, as the ERP's "aprovar orçamento" (choice `orcamento-conversao`).

Same switch and key as the rest of `/_anil/` (`routers/control.py`): on only with ANIL_SANDBOX=on, every
call needs `X-Anil-Admin-Key`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel

from anil.api.body import parse_body
from anil.api.conventions import require_uuid
from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import route_class, write
from anil.schemas import orcamentos as schemas
from anil.services import orcamentos

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)


class SituacaoIn(BaseModel):
    situacao: str | None = None


@router.post("/companies/{id_empresa}/orcamentos/{orcamento_id}/situacao")
async def mudar_situacao(id_empresa: str, orcamento_id: str, request: Request, rt: RuntimeDep):
    body = parse_body(SituacaoIn, await request.body())
    oid = require_uuid(orcamento_id)

    def work(session):  # type: ignore[no-untyped-def]
        registro = orcamentos.mudar_situacao(session, id_empresa, oid, body.situacao, rt.clock)
        return schemas.controle_json(registro)

    return json_response(await write(rt.db, work))


class ConversaoIn(BaseModel):
    situacao: str | None = None
    opcao_condicao_pagamento: str | None = None


@router.post("/companies/{id_empresa}/orcamentos/{orcamento_id}/converter", status_code=201)
async def converter(id_empresa: str, orcamento_id: str, request: Request, rt: RuntimeDep):
    """The proposal becomes a sale (choice `orcamento-conversao`): 201 with the proposal's new state and
    `id_venda`."""
    body = parse_body(ConversaoIn, await request.body() or b"{}")
    oid = require_uuid(orcamento_id)

    def work(session):  # type: ignore[no-untyped-def]
        registro, venda_id = orcamentos.converter(
            session, id_empresa, oid, body.situacao, body.opcao_condicao_pagamento, rt.clock
        )
        return {**schemas.controle_json(registro), "id_venda": venda_id}

    return json_response(await write(rt.db, work), 201)
