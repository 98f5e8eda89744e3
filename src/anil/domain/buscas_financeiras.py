"""The installment searches (catalog §3.10 "Buscar"): `…/contas-a-receber/buscar` and `…/contas-a-pagar/buscar`.

What a search asks for (`FiltroBusca`, hashable: the searches' caches are keyed by it), the rules on its
parameters that are not about parsing (windows, ranges, the status vocabulary, the sort fields), and what
a search answers (`ItemBusca`, `TotaisBusca`). The query itself lives in
`anil.storage.repositories.buscas_financeiras`.

Choices (README "Where anil chooses"): `financeiro-busca-cancelados` (cancelled installments never appear),
`financeiro-busca-totais` (what each `totais` entry sums), `financeiro-busca-ordenacao` (sort fields and
the default order), `financeiro-busca-filtros` (required parameters, how each filter matches,
`data_pagamento` included), `financeiro-busca-itens` (what an item shows), `financeiro-status-ingles`,
`financeiro-parcial-vencido`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from anil.domain.financeiro import POR_TRADUZIDO, STATUS_BUSCA, TipoEvento
from anil.domain.money import ZERO, quantize
from anil.errors import InvalidInput

# The alteração window's cap (changelog 2026-03-05: receitas and despesas, 365 days).
JANELA_ALTERACAO_DIAS = 365

# Sort fields of `campo_ordenado_ascendente`/`_descendente` (choice `financeiro-busca-ordenacao`): the spec
# only says "nome"; NOME sorts by the installment's description as DESCRICAO does.
DATA_VENCIMENTO = "DATA_VENCIMENTO"
ORDENACOES: tuple[str, ...] = ("DATA_VENCIMENTO", "DATA_COMPETENCIA", "DESCRICAO", "NOME", "VALOR")
ORDENACAO_PADRAO = DATA_VENCIMENTO
# What each accepted field sorts by (NOME is DESCRICAO).
CAMPO_ORDENACAO: dict[str, str] = {
    "DATA_VENCIMENTO": "data_vencimento",
    "DATA_COMPETENCIA": "data_competencia",
    "DESCRICAO": "descricao",
    "NOME": "descricao",
    "VALOR": "valor",
}


@dataclass(frozen=True, slots=True)
class FiltroBusca:
    """One search. Dates are the company's calendar days; `alteracao_de` and `alteracao_ate` are naive UTC
    instants (the API's São Paulo local date-times converted), the first inclusive, the second the first
    instant after the window (`fim_exclusivo`); `status` holds detail-vocabulary names (PENDENTE, QUITADO, …);
    `descricao` is the search key of `anil.domain.texto.chave`."""

    tipo: TipoEvento
    vencimento_de: date
    vencimento_ate: date
    competencia_de: date | None = None
    competencia_ate: date | None = None
    pagamento_de: date | None = None
    pagamento_ate: date | None = None
    alteracao_de: datetime | None = None
    alteracao_ate: datetime | None = None
    valor_de: Decimal | None = None
    valor_ate: Decimal | None = None
    descricao: str | None = None
    status: tuple[str, ...] = ()
    contas: tuple[str, ...] = ()
    categorias: tuple[str, ...] = ()
    centros: tuple[str, ...] = ()
    contatos: tuple[str, ...] = ()
    campo: str = "data_vencimento"  # a value of CAMPO_ORDENACAO
    descendente: bool = False

    @property
    def padrao(self) -> bool:
        """Only the required due-date window, in the default order: the common case."""
        return self == FiltroBusca(self.tipo, self.vencimento_de, self.vencimento_ate)


def periodo(de: date | None, ate: date | None, nome_de: str, nome_ate: str) -> None:
    """Either end of a date range may come alone; both: the end not before the start."""
    if de is not None and ate is not None and ate < de:
        raise InvalidInput(f"O valor de '{nome_ate}' deve ser posterior ao valor de '{nome_de}'")


def janela_alteracao(de: datetime, ate: datetime) -> None:
    if ate < de:
        raise InvalidInput(
            "O valor de 'data_alteracao_ate' deve ser posterior ao valor de 'data_alteracao_de'"
        )
    if ate - de > timedelta(days=JANELA_ALTERACAO_DIAS):
        raise InvalidInput(
            "O período entre 'data_alteracao_de' e 'data_alteracao_ate' não pode ser maior que "
            f"{JANELA_ALTERACAO_DIAS} dias"
        )


def fim_exclusivo(texto: str, fim: datetime) -> datetime:
    """`data_alteracao_ate` is inclusive at the precision written: `…T23:59` covers that minute,
    `…T23:59:59` that second, `…T23:59:59.5` up to that instant (as the alterações feed's `data_fim`).
    The first instant after it."""
    hora = texto.split("T", 1)[1] if "T" in texto else ""
    if hora.count(":") == 1:
        return fim + timedelta(minutes=1)
    if "." not in hora:
        return fim + timedelta(seconds=1)
    return fim + timedelta(microseconds=1)


def valor(texto: str | None, nome: str) -> Decimal | None:
    """`valor_de`/`valor_ate` come as strings (spec): `100`, `100.5`, `1500,75`, `1.500,75`; not negative."""
    if texto is None:
        return None
    limpo = texto.strip()
    if "," in limpo and limpo.rfind(",") > limpo.rfind("."):  # Brazilian: thousands with dots, comma decimals
        limpo = limpo.replace(".", "").replace(",", ".")
    try:
        numero = Decimal(limpo)
    except InvalidOperation:
        numero = None
    if numero is None or not numero.is_finite() or numero < ZERO or numero >= Decimal("1e13"):
        raise InvalidInput(f"O valor do atributo '{nome}' deve ser um número maior ou igual a zero")
    return quantize(numero)


def status_detalhe(valores: list[str]) -> tuple[str, ...]:
    """The search vocabulary (EM_ABERTO, RECEBIDO, …) as detail names (PENDENTE, QUITADO, …); an unknown
    value → 400 listing the accepted ones."""
    out: list[str] = []
    for texto in valores:
        status = POR_TRADUZIDO.get(texto)
        if status is None or texto not in STATUS_BUSCA:
            raise InvalidInput(
                f"O valor do atributo 'status' deve ser um dos seguintes valores: {', '.join(STATUS_BUSCA)}"
            )
        out.append(status.value)
    return tuple(sorted(set(out)))


# How the `descricao` filter folds text, on both sides of the match: ASCII letters lower-cased, the Latin
# accented letters of Portuguese (and a few neighbours) without their accents, anything else but [0-9a-z] a
# single space. The database applies the same folding (`anil_chave`: a SQL function on PostgreSQL, created by
# migration 0008 from these two strings, and this very function on SQLite), so both engines match alike.
DOBRA_DE = "ABCDEFGHIJKLMNOPQRSTUVWXYZÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ"
DOBRA_PARA = "abcdefghijklmnopqrstuvwxyzaaaaaaaaaaaaeeeeeeeeiiiiiiiioooooooooouuuuuuuuccnnyyy"
_DOBRA = str.maketrans(DOBRA_DE, DOBRA_PARA)
_NAO_PALAVRA = re.compile(r"[^0-9a-z]+")


def dobrar(texto: str | None) -> str | None:
    """`"Aluguel  São-Paulo"` → `"aluguel sao paulo"` (see DOBRA_DE)."""
    if texto is None:
        return None
    return _NAO_PALAVRA.sub(" ", texto.translate(_DOBRA)).strip()


def chave_descricao(texto: str | None) -> str | None:
    """The `descricao` filter's key (case, accents and punctuation ignored); blank = no filter."""
    return dobrar(texto) or None


# ----------------------------------------------------------------------------------------- answers ----


@dataclass(frozen=True, slots=True)
class Referencia:
    id: str
    nome: str


@dataclass(slots=True)
class ItemBusca:
    id: str
    evento_id: str
    descricao: str
    data_vencimento: date
    status: str  # detail vocabulary: PENDENTE, ATRASADO, …
    total: Decimal
    pago: Decimal
    nao_pago: Decimal
    criado_em: datetime  # naive UTC
    alterado_em: datetime  # naive UTC
    data_competencia: date
    contato: Referencia | None
    categorias: list[Referencia] = field(default_factory=list)
    centros: list[Referencia] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Soma:
    valor: Decimal = ZERO
    quantidade: int = 0

    def __add__(self, other: Soma) -> Soma:
        return Soma(self.valor + other.valor, self.quantidade + other.quantidade)


@dataclass(frozen=True, slots=True)
class TotaisBusca:
    """The `totais` of a search over every matched installment (choice `financeiro-busca-totais`):
    `pago` Σ paid amounts (installments with something paid); `vencido`, `vence_hoje`, `pendente` Σ unpaid
    amounts of open installments (not cancelled, renegotiated or lost, something left to pay) due before,
    on and after the company's today; `aberto` their sum; `todos` Σ gross values of every match."""

    pago: Soma
    vencido: Soma
    vence_hoje: Soma
    pendente: Soma
    todos: Soma

    @property
    def aberto(self) -> Soma:
        return self.vencido + self.vence_hoje + self.pendente


@dataclass(frozen=True, slots=True)
class ResultadoBusca:
    itens_totais: int
    totais: TotaisBusca
    itens: list[ItemBusca]
