"""Wire models of the sales search (catalog §3.4, provider `sales` `ListagemVendasResponse`):
`{totais, quantidades, total_itens, itens[]}`, and the older search's JSON body (seed 001).

Values a sale does not have are left out rather than null, as the sale's detail does (choices
`venda-busca-item`, `venda-campos-ausentes`; the provider types them as plain strings and objects):
`id_contrato` of a sale no contract generated, the client's contact and address fields it never filled,
`status_email` (anil sends no e-mail). The router dumps with `exclude_none`.
"""

from __future__ import annotations

from datetime import date

from anil.domain.vendas_busca import DESCRICOES, ItemVenda, ResultadoVendas
from anil.schemas.common import In, Money, Wire, carimbo


class Cliente(Wire):
    id: str
    nome: str | None
    email: str | None
    telefone: str | None
    endereco: str | None
    cidade: str | None
    estado: str | None
    pais: str | None
    cep: str | None


class Situacao(Wire):
    nome: str
    descricao: str


class StatusEmail(Wire):
    status: str | None
    enviado_em: date | None


class Item(Wire):
    id: str
    total: Money
    id_legado: int
    data: date
    criado_em: str
    data_alteracao: str
    tipo: str
    itens: str
    condicao_pagamento: bool
    numero: int
    cliente: Cliente
    situacao: Situacao
    versao: int
    status_email: StatusEmail | None
    id_contrato: str | None
    origem: str


class Totais(Wire):
    total: Money
    aprovado: Money
    cancelado: Money
    esperando_aprovacao: Money


class Quantidades(Wire):
    total: int
    aprovado: int
    cancelado: int
    esperando_aprovacao: int


class Pagina(Wire):
    totais: Totais
    quantidades: Quantidades
    total_itens: int
    itens: list[Item]


def _item(item: ItemVenda) -> Item:
    c = item.cliente
    return Item(
        id=item.id,
        total=item.total,
        id_legado=item.id_legado,
        data=item.data,
        criado_em=carimbo(item.criado_em),
        data_alteracao=carimbo(item.alterado_em),
        tipo=item.tipo,
        itens=item.itens,
        condicao_pagamento=item.condicao_pagamento,
        numero=item.numero,
        cliente=Cliente(
            id=c.id,
            nome=c.nome,
            email=c.email,
            telefone=c.telefone,
            endereco=c.endereco,
            cidade=c.cidade,
            estado=c.estado,
            pais=c.pais,
            cep=c.cep,
        ),
        situacao=Situacao(nome=item.situacao, descricao=DESCRICOES.get(item.situacao, item.situacao)),
        versao=item.versao,
        status_email=None,
        id_contrato=item.id_contrato,
        origem=item.origem,
    )


def pagina(resultado: ResultadoVendas) -> Pagina:
    t, q = resultado.totais, resultado.quantidades
    return Pagina(
        totais=Totais(
            total=t.total,
            aprovado=t.aprovado,
            cancelado=t.cancelado,
            esperando_aprovacao=t.esperando_aprovacao,
        ),
        quantidades=Quantidades(
            total=q.total,
            aprovado=q.aprovado,
            cancelado=q.cancelado,
            esperando_aprovacao=q.esperando_aprovacao,
        ),
        total_itens=resultado.total_itens,
        itens=[_item(item) for item in resultado.itens],
    )


class Periodo(In):
    data_inicio: str | None = None
    data_fim: str | None = None


class BuscaCorpo(In):
    """The body of the older `POST /v1/venda/busca` (seed 001): the current query filters in JSON, the
    sale-date range under `periodo`, sellers as `ids_donos`. Values are checked by the router, one at a
    time, with the query form's messages; arrays may also come as one comma-separated string."""

    termo_busca: str | None = None
    periodo: Periodo | None = None
    data_inicio: str | None = None
    data_fim: str | None = None
    data_criacao_de: str | None = None
    data_criacao_ate: str | None = None
    data_alteracao_de: str | None = None
    data_alteracao_ate: str | None = None
    ids_donos: list[str] | str | None = None
    ids_vendedores: list[str] | str | None = None
    ids_clientes: list[str] | str | None = None
    ids_natureza_operacao: list[str] | str | None = None
    situacoes: list[str] | str | None = None
    tipos: list[str] | str | None = None
    origens: list[str] | str | None = None
    numeros: list[int | str] | str | int | None = None
    ids_categorias: list[str] | str | None = None
    ids_produtos: list[str] | str | None = None
    pendente: bool | None = None
    totais: str | None = None
    ids_legado_donos: list[int | str] | str | int | None = None
    ids_legado_clientes: list[int | str] | str | int | None = None
    ids_legado_produtos: list[int | str] | str | int | None = None
    ids_legado_categorias: list[int | str] | str | int | None = None
