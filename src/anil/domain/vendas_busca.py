"""The sales search (catalog §3.4 `GET /v1/venda/busca`, and the older `POST /v1/venda/busca` with a JSON body).

What a search asks for (`FiltroVendas`), the rules on its values that are not about parsing (the `totais`
tabs, the situation vocabulary, the sort fields and their ties), and what it answers (`ItemVenda`,
`ResultadoVendas`). The SQL lives in `anil.storage.repositories.vendas_busca`.

Choices (README "Where anil chooses"): `venda-busca-totais` (the `totais` parameter is a tab: it filters
the page and `total_itens`, not the `totais`/`quantidades` blocks, which split the rest of the filter by
situation), `venda-busca-ordenacao` (default order and ties), `venda-busca-filtros` (how each filter
matches), `venda-busca-item` (what an item shows), `venda-busca-corpo` (the older body form).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from anil.domain.money import ZERO
from anil.domain.texto import chave
from anil.domain.vendas import (
    APROVADO,
    CANCELADO,
    DESCRICAO_SITUACAO,
    EM_ANDAMENTO,
    FATURADO,
    SITUACOES_EDICAO,
)
from anil.errors import InvalidInput

# Sort fields of `campo_ordenado_ascendente`/`_descendente` (catalog §2.3).
ORDENACOES: tuple[str, ...] = ("NUMERO", "CLIENTE", "DATA")
# Without a sort parameter: newest sale first, as the ERP's sales screen (choice `venda-busca-ordenacao`).
ORDENACAO_PADRAO = "DATA"
DESCENDENTE_PADRAO = True

# The business situations a sale can be in (`vendas.situacao`), as `anil.domain.vendas` names them.
SITUACOES: tuple[str, ...] = SITUACOES_EDICAO

# The FAQ's English situation codes (catalog §3.4: IN_PROCESS, APPROVED, INVOICED, CANCELED, …), accepted
# in `situacoes` beside the Portuguese names; codes of other kinds of negotiation match no sale.
SITUACOES_INGLES: dict[str, str] = {
    "IN_PROCESS": EM_ANDAMENTO,
    "APPROVED": APROVADO,
    "INVOICED": FATURADO,
    "CANCELED": CANCELADO,
    "CANCELLED": CANCELADO,
}

# `totais`: which situations each tab holds. Invoiced sales are approved ones that went on to be invoiced.
TOTAIS: dict[str, tuple[str, ...] | None] = {
    "WAITING_APPROVED": (EM_ANDAMENTO,),
    "APPROVED": (APROVADO, FATURADO),
    "CANCELED": (CANCELADO,),
    "ALL": None,
}
TOTAIS_VALORES: tuple[str, ...] = tuple(TOTAIS)

DESCRICOES: dict[str, str] = DESCRICAO_SITUACAO

# `itens` of a list item: the kinds of lines the sale holds.
PRODUTO, SERVICO, PRODUTO_E_SERVICO = "PRODUTO", "SERVICO", "PRODUTO_E_SERVICO"


@dataclass(frozen=True, slots=True)
class FiltroVendas:
    """One sales search. `data_*` are calendar days (the sale's date); `criacao_de`/`criacao_ate` and
    `alteracao_de`/`alteracao_ate` are naive UTC instants, the first inclusive and the second the first
    instant after the window; `termo` is the text as typed (`chave_termo` gives its folded key);
    `situacoes` holds Portuguese names; `totais` the situations of the chosen tab (None: all)."""

    termo: str | None = None
    data_inicio: date | None = None
    data_fim: date | None = None
    criacao_de: datetime | None = None
    criacao_ate: datetime | None = None
    alteracao_de: datetime | None = None
    alteracao_ate: datetime | None = None
    vendedores: tuple[str, ...] = ()
    clientes: tuple[str, ...] = ()
    naturezas: tuple[str, ...] = ()
    situacoes: tuple[str, ...] = ()
    tipos: tuple[str, ...] = ()
    origens: tuple[str, ...] = ()
    numeros: tuple[int, ...] = ()
    categorias: tuple[str, ...] = ()
    produtos: tuple[str, ...] = ()
    pendente: bool | None = None
    totais: tuple[str, ...] | None = None
    legado_vendedores: tuple[int, ...] = ()
    legado_clientes: tuple[int, ...] = ()
    legado_produtos: tuple[int, ...] = ()
    legado_categorias: tuple[int, ...] = ()
    campo: str = ORDENACAO_PADRAO
    descendente: bool = DESCENDENTE_PADRAO


def situacoes(valores: list[str]) -> tuple[str, ...]:
    """`situacoes` as sent (any case, Portuguese or the FAQ's English codes) → Portuguese names. A value
    naming no sale situation is kept: it matches nothing, as an unknown filter value does."""
    nomes: list[str] = []
    for valor in valores:
        nome = valor.strip().upper()
        nomes.append(SITUACOES_INGLES.get(nome, nome))
    return tuple(dict.fromkeys(nomes))


def totais(valor: str | None, nome: str = "totais") -> tuple[str, ...] | None:
    """The `totais` tab: WAITING_APPROVED | APPROVED | CANCELED | ALL (any case); anything else → 400."""
    if valor is None:
        return None
    chave_totais = valor.strip().upper()
    if chave_totais not in TOTAIS:
        raise InvalidInput(
            f"O valor do atributo '{nome}' deve ser um dos seguintes valores: {', '.join(TOTAIS_VALORES)}"
        )
    return TOTAIS[chave_totais]


def chave_termo(termo: str | None) -> str | None:
    """The folded key a client name is matched with (`anil.domain.texto.chave`), None when nothing is left."""
    folded = chave(termo)
    return folded or None


def numero_termo(termo: str | None) -> int | None:
    """`termo_busca` also finds the sale of that number when it is one (digits, an optional `#`)."""
    if termo is None:
        return None
    texto = termo.strip().lstrip("#").strip()
    if not texto.isdigit() or len(texto) > 18:
        return None
    return int(texto)


def tipo_itens(produtos: int, servicos: int) -> str:
    """`itens` of a list item: PRODUTO, SERVICO or PRODUTO_E_SERVICO by the lines the sale holds."""
    if produtos and servicos:
        return PRODUTO_E_SERVICO
    if servicos:
        return SERVICO
    return PRODUTO


@dataclass(frozen=True, slots=True)
class ClienteVenda:
    id: str
    nome: str | None
    email: str | None
    telefone: str | None
    endereco: str | None
    cidade: str | None
    estado: str | None
    pais: str | None
    cep: str | None


@dataclass(frozen=True, slots=True)
class ItemVenda:
    id: str
    id_legado: int
    numero: int
    total: Decimal
    data: date
    criado_em: datetime  # naive UTC
    alterado_em: datetime  # naive UTC
    tipo: str
    itens: str
    condicao_pagamento: bool
    cliente: ClienteVenda
    situacao: str
    versao: int
    id_contrato: str | None
    origem: str


@dataclass(frozen=True, slots=True)
class Totais:
    """Per tab: the sum of the sales' net totals, and how many sales."""

    total: Decimal = ZERO
    aprovado: Decimal = ZERO
    cancelado: Decimal = ZERO
    esperando_aprovacao: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class Quantidades:
    total: int = 0
    aprovado: int = 0
    cancelado: int = 0
    esperando_aprovacao: int = 0


@dataclass(frozen=True, slots=True)
class ResultadoVendas:
    total_itens: int
    totais: Totais
    quantidades: Quantidades
    itens: list[ItemVenda]
