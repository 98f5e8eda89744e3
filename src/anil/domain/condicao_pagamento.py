"""Payment conditions (`condicao_pagamento.opcao_condicao_pagamento`, catalog §3.4): the three formats
Conta Azul accepts and the installments each one makes of a total.

- `À vista` (any case, with or without the accent): one installment due on the base date;
- `Nx` (`1x` … `420x`): N installments, the first on the base date, then one a month on the same day
  (the month's last day when it is shorter);
- day offsets (`30`, `30,60`, `15, 30, 45`): one installment per offset, due that many days after the
  base date, in the order written (offsets strictly increasing).

Cents are spread the way Conta Azul does (seed 004: 140.00 / 3 = 46.67, 46.67, 46.66): every installment
gets the total divided by N rounded down to the cent, and the first ones take one extra cent each until
the remainder is used up. Pure functions; sales, contracts and the SDK use them.
"""

from __future__ import annotations

import calendar
import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from anil.domain.money import CENT, quantize
from anil.errors import InvalidInput

MAXIMO_PARCELAS = 420
MAXIMO_DIAS = 36_500
CAMPO = "condicao_pagamento.opcao_condicao_pagamento"
_PARCELADO = re.compile(r"^\s*(\d{1,4})\s*[xX]\s*$")
_DIAS = re.compile(r"^\s*\d{1,5}\s*(,\s*\d{1,5}\s*)*$")


def formato_invalido() -> str:
    return (
        f"O campo '{CAMPO}' deve estar em um dos formatos: 'À vista', 'Nx' (ex: 3x) "
        "ou dias separados por vírgula (ex: 30,60,90)"
    )


@dataclass(frozen=True, slots=True)
class Condicao:
    """A parsed option: `meses` installments a month apart, or one installment per day offset."""

    a_vista: bool
    meses: int = 0
    dias: tuple[int, ...] = ()

    @property
    def quantidade(self) -> int:
        if self.a_vista:
            return 1
        return self.meses if self.meses else len(self.dias)


@dataclass(frozen=True, slots=True)
class ParcelaGerada:
    numero: int
    data_vencimento: date
    valor: Decimal
    descricao: str


def _sem_acento(texto: str) -> str:
    decomposto = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in decomposto if not unicodedata.combining(c))


def interpretar(opcao: str | None) -> Condicao:
    """The option parsed; InvalidInput when it is in none of the three formats."""
    if opcao is None or not opcao.strip():
        raise InvalidInput(f"O campo '{CAMPO}' é obrigatório")
    chave = " ".join(_sem_acento(opcao).lower().split())
    if chave in ("a vista", "avista"):
        return Condicao(a_vista=True)
    parcelado = _PARCELADO.match(opcao)
    if parcelado:
        meses = int(parcelado.group(1))
        if not 1 <= meses <= MAXIMO_PARCELAS:
            raise InvalidInput(formato_invalido())
        return Condicao(a_vista=False, meses=meses)
    if _DIAS.match(opcao):
        dias = tuple(int(parte) for parte in opcao.split(","))
        crescentes = all(b > a for a, b in itertools.pairwise(dias))
        if not crescentes or len(dias) > MAXIMO_PARCELAS or dias[-1] > MAXIMO_DIAS:
            raise InvalidInput(formato_invalido())
        return Condicao(a_vista=False, dias=dias)
    raise InvalidInput(formato_invalido())


def dividir(total: Decimal, quantidade: int) -> list[Decimal]:
    """`total` in `quantidade` installments that sum to it exactly; the first ones take the extra cents.
    (A negative total is spread the same way, by its absolute value.)"""
    if quantidade < 1:
        raise ValueError("quantidade must be at least 1")
    centavos = int(quantize(total) / CENT)
    sinal = -1 if centavos < 0 else 1
    base, resto = divmod(abs(centavos), quantidade)
    return [sinal * (base + (1 if i < resto else 0)) * CENT for i in range(quantidade)]


def somar_meses(dia: date, meses: int) -> date:
    """The same day `meses` months later, or that month's last day."""
    indice = dia.month - 1 + meses
    ano, mes = dia.year + indice // 12, indice % 12 + 1
    return date(ano, mes, min(dia.day, calendar.monthrange(ano, mes)[1]))


def vencimentos(condicao: Condicao, base: date) -> list[date]:
    if condicao.a_vista:
        return [base]
    if condicao.meses:
        return [somar_meses(base, i) for i in range(condicao.meses)]
    return [base + timedelta(days=d) for d in condicao.dias]


def gerar(opcao: str, total: Decimal, base: date) -> list[ParcelaGerada]:
    """The installments of `total` for the option, from the base date (the sale's date)."""
    condicao = interpretar(opcao)
    datas = vencimentos(condicao, base)
    valores = dividir(total, len(datas))
    n = len(datas)
    return [
        ParcelaGerada(numero=i, data_vencimento=d, valor=quantize(v), descricao=f"Parcela {i}/{n}")
        for i, (d, v) in enumerate(zip(datas, valores, strict=True), 1)
    ]
