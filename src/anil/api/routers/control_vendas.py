"""`/_anil/companies/{id_empresa}/configuracoes/vendas`: a company's sales settings, which Conta Azul's
API cannot change — "verificar estoque ao criar venda" (FAQ #54), off by default.

Same switch and key as the rest of `/_anil/` (`routers/control.py`). Body and answer:
`{"verificar_estoque_ao_criar_venda": true|false}`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from anil.api.body import parse_body
from anil.api.deps import RuntimeDep, require_admin
from anil.api.errors import ErrorStyle, json_response
from anil.api.routing import read, route_class, write
from anil.errors import InvalidInput
from anil.schemas.vendas import ConfiguracaoIn
from anil.services import relogios, vendas

router = APIRouter(
    prefix="/_anil",
    tags=["anil: controle do sandbox"],
    route_class=route_class(ErrorStyle.CONTROL),
    dependencies=[Depends(require_admin)],
)

CAMPO = "verificar_estoque_ao_criar_venda"


@router.get("/companies/{id_empresa}/configuracoes/vendas")
async def obter(id_empresa: str, rt: RuntimeDep):
    return json_response(await read(rt.db, lambda s: vendas.configuracao(s, id_empresa)))


@router.put("/companies/{id_empresa}/configuracoes/vendas")
async def alterar(id_empresa: str, request: Request, rt: RuntimeDep):
    valor = parse_body(ConfiguracaoIn, await request.body()).verificar_estoque_ao_criar_venda
    if valor is None:
        raise InvalidInput(f"O campo '{CAMPO}' é obrigatório")

    def work(session):  # type: ignore[no-untyped-def]
        return vendas.configurar(
            session, id_empresa, valor, relogios.agora_utc(session, id_empresa, rt.clock)
        )

    return json_response(await write(rt.db, work))
