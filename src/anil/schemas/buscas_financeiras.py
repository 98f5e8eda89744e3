"""Wire models of the installment searches (catalog §3.10 "Buscar", provider `financial`):
`{itens_totais, itens[], totais}`.

An item carries the English `status` and the search vocabulary's `status_traduzido` (choice
`financeiro-status-ingles`), both `centros_de_custo` (observed) and `centros_custo` (spec) with the same
list, and `cliente` (receivables) or `fornecedor` (payables). `totais` is the per-situation block observed
in production (`{valor, quantidade}` per entry, choice `financeiro-busca-totais`), not the provider file's
copy-pasted `{ativo, inativo, todos}`.
"""

from __future__ import annotations

from datetime import date

from anil.domain.buscas_financeiras import ItemBusca, ResultadoBusca
from anil.domain.buscas_financeiras import Referencia as ReferenciaRegistro
from anil.domain.buscas_financeiras import Soma as SomaRegistro
from anil.domain.financeiro import INGLES, TRADUZIDO, StatusParcela, TipoEvento
from anil.schemas.common import Money, Wire, carimbo


class Referencia(Wire):
    id: str
    nome: str


class Renegociacao(Wire):
    id: str
    valor: Money
    id_evento: str


class Soma(Wire):
    valor: Money
    quantidade: int


class Totais(Wire):
    pago: Soma
    vencido: Soma
    vence_hoje: Soma
    pendente: Soma
    aberto: Soma
    todos: Soma


class _Item(Wire):
    id: str
    descricao: str
    data_vencimento: date
    status: str
    status_traduzido: str
    total: Money
    pago: Money
    nao_pago: Money
    data_criacao: str
    data_alteracao: str
    data_competencia: date
    categorias: list[Referencia]
    centros_de_custo: list[Referencia]
    centros_custo: list[Referencia]


class ItemReceber(_Item):
    cliente: Referencia | None
    renegociacao: Renegociacao | None = None


class ItemPagar(_Item):
    fornecedor: Referencia | None
    renegociacao: Renegociacao | None = None


class PaginaReceber(Wire):
    itens_totais: int
    itens: list[ItemReceber]
    totais: Totais


class PaginaPagar(Wire):
    itens_totais: int
    itens: list[ItemPagar]
    totais: Totais


def _ref(ref: ReferenciaRegistro) -> Referencia:
    return Referencia(id=ref.id, nome=ref.nome)


def _soma(soma: SomaRegistro) -> Soma:
    return Soma(valor=soma.valor, quantidade=soma.quantidade)


def _campos(item: ItemBusca) -> dict[str, object]:
    status = StatusParcela(item.status)
    centros = [_ref(ref) for ref in item.centros]
    return {
        "id": item.id,
        "descricao": item.descricao,
        "data_vencimento": item.data_vencimento,
        "status": INGLES[status],
        "status_traduzido": TRADUZIDO[status],
        "total": item.total,
        "pago": item.pago,
        "nao_pago": item.nao_pago,
        "data_criacao": carimbo(item.criado_em),
        "data_alteracao": carimbo(item.alterado_em),
        "data_competencia": item.data_competencia,
        "categorias": [_ref(ref) for ref in item.categorias],
        "centros_de_custo": centros,
        "centros_custo": centros,
    }


def pagina(tipo: TipoEvento, resultado: ResultadoBusca) -> PaginaReceber | PaginaPagar:
    t = resultado.totais
    totais = Totais(
        pago=_soma(t.pago),
        vencido=_soma(t.vencido),
        vence_hoje=_soma(t.vence_hoje),
        pendente=_soma(t.pendente),
        aberto=_soma(t.aberto),
        todos=_soma(t.todos),
    )
    if tipo == TipoEvento.RECEITA:
        return PaginaReceber(
            itens_totais=resultado.itens_totais,
            itens=[
                ItemReceber(**_campos(item), cliente=_ref(item.contato) if item.contato else None)
                for item in resultado.itens
            ],
            totais=totais,
        )
    return PaginaPagar(
        itens_totais=resultado.itens_totais,
        itens=[
            ItemPagar(**_campos(item), fornecedor=_ref(item.contato) if item.contato else None)
            for item in resultado.itens
        ],
        totais=totais,
    )
