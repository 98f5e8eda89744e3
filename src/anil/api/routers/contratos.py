"""/v1/contratos — Contratos (vendas recorrentes), catalog §3.6, Appendix A.6 (and A.7's create shape).
Errors are `{"error": text}` (§2.8). Thin: parse → service → schema.

- `GET /v1/contratos` (the date window required)
- `POST /v1/contratos` → 201 `{id, id_legado}`; the scheduled sales are generated at once
- `GET /v1/contratos/proximo-numero` → bare integer
- `GET /v1/contratos/{id}`; `DELETE /v1/contratos/{id}` → 204; `POST /v1/contratos/{id}/encerrar` → 204

A well-formed unknown id answers 500 as production does (`ANIL_QUIRKS=on`), 404 with quirks off.
"""

from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, Request
from starlette.responses import Response

from anil.api import choices
from anil.api.body import parse_body
from anil.api.conventions import QueryReader, enum_message, parse_date, require_uuid
from anil.api.deps import Tenant
from anil.api.deps import runtime_of as runtime
from anil.api.errors import ErrorStyle
from anil.api.routing import read, route_class, write
from anil.domain.contratos import (
    ALIASES_PAGAMENTO,
    DATA_FIM_ANTERIOR,
    DATA_FIM_NULA,
    DATA_INICIO_NULA,
    ORDENACOES,
    SEM_VENDA,
    STATUS_FILTRO,
    TIPOS_PAGAMENTO,
)
from anil.domain.texto import chave
from anil.errors import InvalidInput
from anil.schemas import contratos as schemas
from anil.services import contratos as service
from anil.storage.repositories.contratos import FiltroContratos
from anil.storage.types import new_uuid

router = APIRouter(prefix="/v1/contratos", tags=["Contratos"], route_class=route_class(ErrorStyle.SIMPLE))

_NO_CONTENT = 204
_CREATED = 201


def _json(body: bytes, status: int = 200) -> Response:
    return Response(body, status, media_type="application/json")


def _pagina(q: QueryReader) -> tuple[int, int]:
    """`pagina` ≥ 1; `tamanho_pagina` any integer 1..1000 (spec: "máximo 50"; production took 1000)."""
    pagina = q.integer("pagina", default=1)
    assert pagina is not None
    if pagina < 1:
        raise InvalidInput(choices.PAGE_MESSAGE)
    tamanho = q.integer("tamanho_pagina", default=10)
    assert tamanho is not None
    if not 1 <= tamanho <= choices.CONTRATOS_PAGE_MAX:
        raise InvalidInput(choices.CONTRATOS_PAGE_SIZE_MESSAGE)
    return pagina, tamanho


def _sem_colchetes(q: QueryReader, *nomes: str) -> None:
    """`cliente_id[]=…` → 400, as the provider file says (§2.4)."""
    for key in q.params:
        for nome in nomes:
            if key.startswith(f"{nome}["):
                raise InvalidInput(choices.CONTRATOS_COLCHETES_MESSAGE.format(parametro=nome))


def _filtro(q: QueryReader) -> FiltroContratos:
    """Every parameter checked before the database is touched; `hoje` is filled in by the read."""
    _sem_colchetes(q, "cliente_id", "tipo_pagamento")
    bruto_inicio, bruto_fim = q.raw("data_inicio"), q.raw("data_fim")
    if bruto_inicio is None:
        raise InvalidInput(DATA_INICIO_NULA)
    if bruto_fim is None:
        raise InvalidInput(DATA_FIM_NULA)
    inicio, fim = parse_date(bruto_inicio, "data_inicio"), parse_date(bruto_fim, "data_fim")
    if fim < inicio:
        raise InvalidInput(DATA_FIM_ANTERIOR)
    ascendente = q.raw("campo_ordenado_ascendente")
    descendente = q.raw("campo_ordenado_descendente")
    campo = ascendente if ascendente is not None else descendente
    if campo is not None and campo not in ORDENACOES:
        nome = "campo_ordenado_ascendente" if ascendente is not None else "campo_ordenado_descendente"
        raise InvalidInput(enum_message(nome, ORDENACOES))
    tipos = []
    for valor in q.strings("tipo_pagamento"):
        valor = ALIASES_PAGAMENTO.get(valor, valor)
        if valor not in TIPOS_PAGAMENTO:
            raise InvalidInput(enum_message("tipo_pagamento", TIPOS_PAGAMENTO))
        tipos.append(valor)
    status = q.enum("status", STATUS_FILTRO, default="TODOS") or "TODOS"
    busca = q.raw("busca_textual")
    numero = int(busca) if busca is not None and busca.isdigit() and len(busca) < 18 else None
    return FiltroContratos(
        data_inicio=inicio,
        data_fim=fim,
        busca=chave(busca) or None,
        numero=numero,
        clientes=tuple(dict.fromkeys(q.uuids("cliente_id"))),
        tipos_pagamento=tuple(dict.fromkeys(tipos)),
        status=status,
        proximo_ate=None,
        hoje=None,
        ordenacao=campo or "DATA_INICIO",
        descendente=ascendente is None and descendente is not None,
    )


def _item(item: service.ItemLista) -> schemas.ContratoItem:
    c, s = item.contrato, item.situacao
    return schemas.ContratoItem(
        cliente=schemas.Referencia(id=c.cliente_id, nome=c.cliente_nome),
        conta_financeira=(
            schemas.ContaReferencia(id=c.conta_financeira_id, tipo=c.conta_tipo)
            if c.conta_financeira_id
            else None
        ),
        data_inicio=c.data_inicio,
        id=c.id,
        numero=c.numero,
        proximo_vencimento=s.data_proximo_vencimento,
        status=c.status,
        termos=schemas.TermosItem(
            data_fim=c.data_fim,
            tipo_expiracao=c.tipo_expiracao,
            vigencia_atual=s.vigencia_atual,
            vigencia_total=s.vigencia_total,
        ),
        tipo_pagamento=c.tipo_pagamento,
        total=c.valor_liquido,
        total_proximo_vencimento=s.total_proximo_vencimento,
    )


@router.get("", responses={200: {"model": schemas.ContratosPage}})
async def listar(request: Request, claims: Tenant) -> Response:
    q = QueryReader(request.query_params)
    pagina, tamanho = _pagina(q)
    filtro = _filtro(q)
    rt = runtime(request)

    def work(s):  # type: ignore[no-untyped-def]
        return service.listar(s, claims.empresa_id, filtro, rt.clock, (pagina - 1) * tamanho, tamanho)

    total, itens = await read(rt.db, work)
    page = schemas.ContratosPage(itens=[_item(i) for i in itens], itens_totais=total)
    return _json(schemas.to_json(page))


@router.post("", status_code=_CREATED, responses={_CREATED: {"model": schemas.ContratoCriado}})
async def criar(request: Request, claims: Tenant) -> Response:
    valido = service.preparar(parse_body(schemas.ContratoIn, await request.body()).entrada())
    rt = runtime(request)
    contrato_id = new_uuid()
    criado = await write(rt.db, lambda s: service.criar(s, claims.empresa_id, contrato_id, valido, rt.clock))
    body = schemas.ContratoCriado(
        id=criado.id, id_legado=criado.id_legado, id_venda=None if rt.settings.quirks_on else criado.id_venda
    )
    return _json(schemas.to_json(body), _CREATED)


@router.get("/proximo-numero", responses={200: {"model": int}})
async def proximo_numero(request: Request, claims: Tenant) -> Response:
    numero = await read(runtime(request).db, lambda s: service.proximo_numero(s, claims.empresa_id))
    return _json(str(numero).encode())


def _detalhe(d: service.Detalhe, quirks: bool) -> schemas.Contrato:
    c, s = d.contrato, d.situacao
    if quirks:  # root `observacoes` comes back under the payment condition, the root empty (§3.6)
        observacoes, observacoes_pagamento = "", c.observacoes
    else:
        observacoes, observacoes_pagamento = c.observacoes, c.observacoes_pagamento
    return schemas.Contrato(
        cliente=schemas.Referencia(id=c.cliente_id, nome=c.cliente_nome),
        composicao_valor=schemas.ComposicaoValor(
            desconto=c.desconto,
            frete=c.frete,
            valor_bruto=c.valor_bruto,
            valor_impostos_servico=Decimal("0.00"),
            valor_liquido=c.valor_liquido,
        ),
        condicao_pagamento=schemas.CondicaoPagamento(
            dia_vencimento=c.dia_vencimento,
            nome_conta_financeira=c.conta_nome,
            observacoes_pagamento=observacoes_pagamento,
            tipo_pagamento=c.tipo_pagamento,
        ),
        configuracao_recorrencia=schemas.ConfiguracaoRecorrencia(
            vigencia_restante=s.vigencia_restante, vigencia_total=s.vigencia_total
        ),
        data_proxima_emissao=s.data_proxima_emissao,
        data_proximo_vencimento=s.data_proximo_vencimento,
        data_ultima_emissao=s.data_ultima_emissao,
        id=c.id,
        id_proxima_venda_agendada=s.id_proxima_venda_agendada if c.status == "ATIVO" else SEM_VENDA,
        id_ultima_venda_confirmada=s.id_ultima_venda_confirmada,
        observacoes=observacoes,
        status=c.status,
        termos=schemas.Termos(
            data_fim=c.data_fim,
            data_inicio=c.data_inicio,
            dia_emissao_venda=c.dia_emissao_venda,
            intervalo_frequencia=c.intervalo_frequencia,
            numero=c.numero,
            tipo_expiracao=c.tipo_expiracao,
            tipo_frequencia=c.tipo_frequencia,
        ),
        vendedor=schemas.Referencia(id=c.vendedor_id, nome=c.vendedor_nome) if c.vendedor_id else None,
    )


@router.get("/{contrato_id}", responses={200: {"model": schemas.Contrato}})
async def obter(contrato_id: str, request: Request, claims: Tenant) -> Response:
    cid = require_uuid(contrato_id)
    rt = runtime(request)
    quirks = rt.settings.quirks_on
    detalhe = await read(rt.db, lambda s: service.obter(s, claims.empresa_id, cid, rt.clock, quirks))
    return _json(schemas.to_json(_detalhe(detalhe, quirks)))


@router.delete("/{contrato_id}", status_code=_NO_CONTENT)
async def excluir(contrato_id: str, request: Request, claims: Tenant) -> Response:
    cid = require_uuid(contrato_id)
    rt = runtime(request)
    quirks = rt.settings.quirks_on
    await write(rt.db, lambda s: service.excluir(s, claims.empresa_id, cid, rt.clock, quirks))
    return Response(status_code=_NO_CONTENT)


@router.post("/{contrato_id}/encerrar", status_code=_NO_CONTENT)
async def encerrar(contrato_id: str, request: Request, claims: Tenant) -> Response:
    cid = require_uuid(contrato_id)
    rt = runtime(request)
    quirks = rt.settings.quirks_on
    await write(rt.db, lambda s: service.encerrar(s, claims.empresa_id, cid, rt.clock, quirks))
    return Response(status_code=_NO_CONTENT)
