"""The sales search (catalog §3.4, Appendix A.5 `searchVendas`), `{"error": …}` bodies (§2.8):

- `GET /v1/venda/busca`: every filter in the query string; arrays repeated or comma-separated (§2.4);
- `POST /v1/venda/busca`: the older form (seed 001), the same filters in a JSON body (`periodo` holds the
  sale-date range, `ids_donos` the sellers), paging and sorting in the query.

Parameters are checked one at a time, in the spec's order; unknown ones are ignored (§2.5). `totais` and
the sort fields are validated (an unknown value → 400); `situacoes`, `tipos` and `origens` are free
strings (a value no sale has matches nothing). Registered before `/v1/venda/{id}` (app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import QueryParams
from starlette.responses import Response

from anil.api import choices
from anil.api.body import parse_body
from anil.api.conventions import QueryReader, is_uuid, parse_date
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routers.categorias import ordenacao
from anil.api.routing import read_raw, route_class
from anil.domain import vendas_busca as regras
from anil.domain.buscas_financeiras import fim_exclusivo
from anil.domain.clock import sao_paulo_to_utc
from anil.domain.vendas_busca import FiltroVendas
from anil.errors import InvalidInput
from anil.schemas import vendas_busca as schemas
from anil.services import vendas_busca as service

router = APIRouter(prefix="/v1/venda", tags=["Vendas"], route_class=route_class(ErrorStyle.SIMPLE))

JANELA_ALTERACAO_DIAS = 365
_DATETIME_MESSAGE = "O valor do atributo '{nome}' deve estar no formato yyyy-MM-ddTHH:mm:ss, sem fuso horário"


class _Fonte:
    """Where the filters come from: a query string or the older JSON body, read the same way."""

    def __init__(self, texto: Callable[[str], str | None], lista: Callable[[str], list[str]]) -> None:
        self.texto = texto
        self.lista = lista


def _da_query(q: QueryReader) -> _Fonte:
    return _Fonte(q.raw, q.strings)


def _do_corpo(corpo: schemas.BuscaCorpo) -> _Fonte:
    valores: dict[str, Any] = corpo.model_dump(exclude_none=True)
    periodo = valores.pop("periodo", None) or {}
    for nome in ("data_inicio", "data_fim"):
        if nome not in valores and periodo.get(nome) is not None:
            valores[nome] = periodo[nome]
    if "ids_donos" in valores and "ids_vendedores" not in valores:
        valores["ids_vendedores"] = valores.pop("ids_donos")

    def texto(nome: str) -> str | None:
        valor = valores.get(nome)
        if valor is None:
            return None
        if isinstance(valor, bool):
            return "true" if valor else "false"
        texto_ = str(valor).strip()
        return texto_ or None

    def lista(nome: str) -> list[str]:
        valor = valores.get(nome)
        if valor is None:
            return []
        partes = valor if isinstance(valor, list) else [valor]
        out: list[str] = []
        for parte in partes:
            out.extend(p.strip() for p in str(parte).split(",") if p.strip())
        return out

    return _Fonte(texto, lista)


def _data(fonte: _Fonte, nome: str) -> date | None:
    valor = fonte.texto(nome)
    return None if valor is None else parse_date(valor, nome)


def _par(inicio: Any, fim: Any, nome_inicio: str, nome_fim: str) -> None:
    """A range's two ends go together (catalog §2.6) and the end is not before the start."""
    if (inicio is None) != (fim is None):
        raise InvalidInput(
            f"É necessário informar ambos os parâmetros de data: '{nome_inicio}' e '{nome_fim}'"
        )
    if inicio is not None and fim < inicio:
        raise InvalidInput(f"O valor de '{nome_fim}' deve ser posterior ao valor de '{nome_inicio}'")


def _data_hora(fonte: _Fonte, nome: str) -> tuple[datetime | None, str | None]:
    valor = fonte.texto(nome)
    if valor is None:
        return None, None
    leitor = QueryReader(QueryParams({nome: valor}))
    try:
        return leitor.local_datetime(nome), valor
    except InvalidInput:
        raise InvalidInput(_DATETIME_MESSAGE.format(nome=nome)) from None


def _uuids(fonte: _Fonte, nome: str) -> tuple[str, ...]:
    valores = []
    for valor in fonte.lista(nome):
        if not is_uuid(valor):
            raise InvalidInput(choices.UUID_MESSAGE)
        valores.append(valor.lower())
    return tuple(dict.fromkeys(valores))


def _inteiros(fonte: _Fonte, nome: str) -> tuple[int, ...]:
    valores = []
    for valor in fonte.lista(nome):
        try:
            numero = int(valor)
        except ValueError:
            raise InvalidInput(f"O valor do atributo '{nome}' deve conter apenas números inteiros") from None
        if not -(2**63) <= numero < 2**63:
            raise InvalidInput(f"O valor do atributo '{nome}' deve conter apenas números inteiros")
        valores.append(numero)
    return tuple(dict.fromkeys(valores))


def _booleano(fonte: _Fonte, nome: str) -> bool | None:
    valor = fonte.texto(nome)
    if valor is None:
        return None
    if valor.lower() in {"true", "1"}:
        return True
    if valor.lower() in {"false", "0"}:
        return False
    raise InvalidInput(f"O valor do atributo '{nome}' deve ser true ou false")


def _textos(fonte: _Fonte, nome: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fonte.lista(nome)))


def filtro(fonte: _Fonte, campo: str, descendente: bool) -> FiltroVendas:
    """The search the filters ask for; the first invalid one → 400."""
    termo = fonte.texto("termo_busca")
    data_inicio, data_fim = _data(fonte, "data_inicio"), _data(fonte, "data_fim")
    _par(data_inicio, data_fim, "data_inicio", "data_fim")
    criacao_de, criacao_ate = _data(fonte, "data_criacao_de"), _data(fonte, "data_criacao_ate")
    _par(criacao_de, criacao_ate, "data_criacao_de", "data_criacao_ate")
    alteracao_de, _ = _data_hora(fonte, "data_alteracao_de")
    alteracao_ate, texto_ate = _data_hora(fonte, "data_alteracao_ate")
    _par(alteracao_de, alteracao_ate, "data_alteracao_de", "data_alteracao_ate")
    if alteracao_de is not None and alteracao_ate is not None:
        if alteracao_ate - alteracao_de > timedelta(days=JANELA_ALTERACAO_DIAS):
            raise InvalidInput(
                "O período entre 'data_alteracao_de' e 'data_alteracao_ate' não pode ser maior que "
                f"{JANELA_ALTERACAO_DIAS} dias"
            )
        alteracao_de = sao_paulo_to_utc(alteracao_de)
        alteracao_ate = sao_paulo_to_utc(fim_exclusivo(texto_ate or "", alteracao_ate))
    return FiltroVendas(
        termo=termo,
        data_inicio=data_inicio,
        data_fim=data_fim,
        # creation days are São Paulo calendar days: [de 00:00, ate + 1 00:00) local, in UTC
        criacao_de=None if criacao_de is None else sao_paulo_to_utc(datetime.combine(criacao_de, time())),
        criacao_ate=None
        if criacao_ate is None
        else sao_paulo_to_utc(datetime.combine(criacao_ate + timedelta(days=1), time())),
        alteracao_de=alteracao_de,
        alteracao_ate=alteracao_ate,
        vendedores=_uuids(fonte, "ids_vendedores"),
        clientes=_uuids(fonte, "ids_clientes"),
        naturezas=_uuids(fonte, "ids_natureza_operacao"),
        situacoes=regras.situacoes(fonte.lista("situacoes")),
        tipos=_textos(fonte, "tipos"),
        origens=_textos(fonte, "origens"),
        numeros=_inteiros(fonte, "numeros"),
        categorias=_uuids(fonte, "ids_categorias"),
        produtos=_uuids(fonte, "ids_produtos"),
        pendente=_booleano(fonte, "pendente"),
        totais=regras.totais(fonte.texto("totais")),
        legado_vendedores=_inteiros(fonte, "ids_legado_donos"),
        legado_clientes=_inteiros(fonte, "ids_legado_clientes"),
        legado_produtos=_inteiros(fonte, "ids_legado_produtos"),
        legado_categorias=_inteiros(fonte, "ids_legado_categorias"),
        campo=campo,
        descendente=descendente,
    )


def _pagina_e_ordem(q: QueryReader) -> tuple[int, int, str, bool]:
    page = q.page()
    if q.raw("campo_ordenado_ascendente") is None and q.raw("campo_ordenado_descendente") is None:
        return page.pagina, page.tamanho_pagina, regras.ORDENACAO_PADRAO, regras.DESCENDENTE_PADRAO
    campo, descendente = ordenacao(q, regras.ORDENACOES, regras.ORDENACAO_PADRAO)
    return page.pagina, page.tamanho_pagina, campo, descendente


async def _responder(
    request: Request, tenant_id: str, busca: FiltroVendas, pagina: int, tamanho: int
) -> Response:
    rt = runtime(request)
    resultado = await read_raw(
        rt.db, lambda reader: service.buscar(reader, tenant_id, busca, pagina, tamanho)
    )
    model = schemas.pagina(resultado)
    body = model.__pydantic_serializer__.to_json(model, exclude_none=True)  # choice `venda-busca-item`
    return Response(body, 200, media_type="application/json")


@router.get("/busca", responses={200: {"model": schemas.Pagina}})
async def buscar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    pagina, tamanho, campo, descendente = _pagina_e_ordem(q)
    busca = filtro(_da_query(q), campo, descendente)
    return await _responder(request, claims.empresa_id, busca, pagina, tamanho)


@router.post("/busca", responses={200: {"model": schemas.Pagina}})
async def buscar_corpo(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    pagina, tamanho, campo, descendente = _pagina_e_ordem(q)
    raw = await request.body()
    corpo = parse_body(schemas.BuscaCorpo, raw if raw.strip() else b"{}")
    busca = filtro(_do_corpo(corpo), campo, descendente)
    return await _responder(request, claims.empresa_id, busca, pagina, tamanho)
