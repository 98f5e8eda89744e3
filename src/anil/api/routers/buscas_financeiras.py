"""The installment searches (catalog §3.10 "Buscar", Appendix A.3), financial group (`{"code", "message"}`):

- `GET /v1/financeiro/eventos-financeiros/contas-a-receber/buscar`
- `GET /v1/financeiro/eventos-financeiros/contas-a-pagar/buscar`

Parameters are checked one at a time, in the spec's order; arrays come repeated, comma-separated or
indexed (`multi`). `ids_clientes` applies to receivables only: payables ignore it, as production does.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.conventions import QueryReader, is_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routers.categorias import ordenacao
from anil.api.routers.contas_financeiras import UUID_MESSAGE, multi
from anil.api.routing import read_raw, route_class
from anil.domain import buscas_financeiras as regras
from anil.domain.buscas_financeiras import FiltroBusca
from anil.domain.clock import sao_paulo_to_utc
from anil.domain.financeiro import TipoEvento
from anil.errors import InvalidInput
from anil.schemas import buscas_financeiras as schemas
from anil.schemas.common import Wire
from anil.services import buscas_financeiras as service

router = APIRouter(tags=["Eventos financeiros"], route_class=route_class(ErrorStyle.FINANCEIRO))

BASE = "/v1/financeiro/eventos-financeiros"


def json(model: Wire) -> Response:
    return Response(model.__pydantic_serializer__.to_json(model), 200, media_type="application/json")


def _obrigatorio(q: QueryReader, name: str) -> None:
    if q.raw(name) is None:
        raise InvalidInput(choices.CONTA_PARAMETRO_OBRIGATORIO.format(parametro=name))


def _uuids(q: QueryReader, name: str) -> tuple[str, ...]:
    values = []
    for value in multi(q, name):
        if not is_uuid(value):
            raise InvalidInput(UUID_MESSAGE.format(valor=value, parametro=name))
        values.append(value.lower())
    return tuple(sorted(set(values)))


def filtro(q: QueryReader, tipo: TipoEvento) -> tuple[FiltroBusca, int, int]:
    """The search a query string asks for, and its page; the first invalid parameter → 400."""
    _obrigatorio(q, "pagina")
    _obrigatorio(q, "tamanho_pagina")
    page = q.page()
    campo, descendente = ordenacao(q, regras.ORDENACOES, regras.ORDENACAO_PADRAO)
    descricao = regras.chave_descricao(q.raw("descricao"))
    _obrigatorio(q, "data_vencimento_de")
    _obrigatorio(q, "data_vencimento_ate")
    vencimento_de, vencimento_ate = q.date("data_vencimento_de"), q.date("data_vencimento_ate")
    assert vencimento_de is not None and vencimento_ate is not None
    regras.periodo(vencimento_de, vencimento_ate, "data_vencimento_de", "data_vencimento_ate")
    competencia_de, competencia_ate = q.date("data_competencia_de"), q.date("data_competencia_ate")
    regras.periodo(competencia_de, competencia_ate, "data_competencia_de", "data_competencia_ate")
    pagamento_de, pagamento_ate = q.date("data_pagamento_de"), q.date("data_pagamento_ate")
    regras.periodo(pagamento_de, pagamento_ate, "data_pagamento_de", "data_pagamento_ate")
    alteracao_de, alteracao_ate = (
        q.local_datetime("data_alteracao_de"),
        q.local_datetime("data_alteracao_ate"),
    )
    if (alteracao_de is None) != (alteracao_ate is None):
        raise InvalidInput(
            "É necessário informar ambos os parâmetros de data: 'data_alteracao_de' e 'data_alteracao_ate'"
        )
    if alteracao_de is not None and alteracao_ate is not None:
        regras.janela_alteracao(alteracao_de, alteracao_ate)
        alteracao_ate = regras.fim_exclusivo(q.raw("data_alteracao_ate") or "", alteracao_ate)
        alteracao_de, alteracao_ate = sao_paulo_to_utc(alteracao_de), sao_paulo_to_utc(alteracao_ate)
    valor_de = regras.valor(q.raw("valor_de"), "valor_de")
    valor_ate = regras.valor(q.raw("valor_ate"), "valor_ate")
    if valor_de is not None and valor_ate is not None and valor_ate < valor_de:
        raise InvalidInput("O valor de 'valor_ate' deve ser maior ou igual ao valor de 'valor_de'")
    status = regras.status_detalhe(multi(q, "status"))
    contas = _uuids(q, "ids_contas_financeiras")
    categorias = _uuids(q, "ids_categorias")
    centros = _uuids(q, "ids_centros_de_custo")
    contatos = _uuids(q, "ids_clientes") if tipo == TipoEvento.RECEITA else ()
    busca = FiltroBusca(
        tipo=tipo,
        vencimento_de=vencimento_de,
        vencimento_ate=vencimento_ate,
        competencia_de=competencia_de,
        competencia_ate=competencia_ate,
        pagamento_de=pagamento_de,
        pagamento_ate=pagamento_ate,
        alteracao_de=alteracao_de,
        alteracao_ate=alteracao_ate,
        valor_de=valor_de,
        valor_ate=valor_ate,
        descricao=descricao,
        status=status,
        contas=contas,
        categorias=categorias,
        centros=centros,
        contatos=contatos,
        campo=regras.CAMPO_ORDENACAO[campo],
        descendente=descendente,
    )
    return busca, page.pagina, page.tamanho_pagina


async def _buscar(request: Request, tenant_id: str, tipo: TipoEvento) -> Response:
    busca, pagina, tamanho = filtro(QueryReader(request.query_params), tipo)
    rt = runtime(request)
    resultado = await read_raw(
        rt.db, lambda reader: service.buscar(reader, tenant_id, busca, pagina, tamanho, rt.clock)
    )
    return json(schemas.pagina(tipo, resultado))


@router.get(f"{BASE}/contas-a-receber/buscar", responses={200: {"model": schemas.PaginaReceber}})
async def buscar_receber(request: Request, claims: Tenant) -> Response:
    return await _buscar(request, claims.empresa_id, TipoEvento.RECEITA)


@router.get(f"{BASE}/contas-a-pagar/buscar", responses={200: {"model": schemas.PaginaPagar}})
async def buscar_pagar(request: Request, claims: Tenant) -> Response:
    return await _buscar(request, claims.empresa_id, TipoEvento.DESPESA)
