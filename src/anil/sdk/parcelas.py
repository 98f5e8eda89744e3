"""The installments Conta Azul makes of a total for `condicao_pagamento.opcao_condicao_pagamento`.

A pure copy of the server's rule (`anil.domain.condicao_pagamento`; the SDK imports nothing of the server),
so an integrator can compute before sending a sale the `parcelas` it must carry::

    from anil.sdk.parcelas import gerar
    gerar("3x", Decimal("140.00"), date(2026, 1, 31))   # 46.67 on 01-31, 46.67 on 02-28, 46.66 on 03-31

- `À vista` (any case, with or without the accent): one installment due on the base date;
- `Nx` (`1x` … `420x`): N installments, the first on the base date, then one a month on the same day
  (the month's last day when it is shorter);
- day offsets (`30`, `30,60`, `15, 30, 45`): one installment per offset, due that many days after the
  base date, strictly increasing.

Cents are spread as Conta Azul does: the total divided by N rounded down to the cent, the first installments
taking one extra cent each until the remainder is used up. A test checks it agrees with the server's rule.
"""

from __future__ import annotations

import calendar
import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["CondicaoInvalida", "Parcela", "dividir", "gerar", "quantidade"]

MAXIMO_PARCELAS = 420
MAXIMO_DIAS = 36_500
_CENT = Decimal("0.01")
_PARCELADO = re.compile(r"^\s*(\d{1,4})\s*[xX]\s*$")
_DIAS = re.compile(r"^\s*\d{1,5}\s*(,\s*\d{1,5}\s*)*$")


class CondicaoInvalida(ValueError):
    """The option is in none of the three formats (the server answers 400 with the same message)."""


@dataclass(frozen=True, slots=True)
class Parcela:
    numero: int
    data_vencimento: date
    valor: Decimal
    descricao: str

    def as_dict(self) -> dict[str, object]:
        """The installment as a sale's `condicao_pagamento.parcelas[]` item."""
        return {
            "data_vencimento": self.data_vencimento.isoformat(),
            "valor": self.valor,
            "descricao": self.descricao,
        }


def _formato_invalido() -> str:
    return (
        "O campo 'condicao_pagamento.opcao_condicao_pagamento' deve estar em um dos formatos: "
        "'À vista', 'Nx' (ex: 3x) ou dias separados por vírgula (ex: 30,60,90)"
    )


def _sem_acento(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", texto) if not unicodedata.combining(c))


def _interpretar(opcao: str | None) -> tuple[bool, int, tuple[int, ...]]:
    """(à vista, months, day offsets)."""
    if opcao is None or not opcao.strip():
        raise CondicaoInvalida("O campo 'condicao_pagamento.opcao_condicao_pagamento' é obrigatório")
    if " ".join(_sem_acento(opcao).lower().split()) in ("a vista", "avista"):
        return True, 0, ()
    parcelado = _PARCELADO.match(opcao)
    if parcelado:
        meses = int(parcelado.group(1))
        if not 1 <= meses <= MAXIMO_PARCELAS:
            raise CondicaoInvalida(_formato_invalido())
        return False, meses, ()
    if _DIAS.match(opcao):
        dias = tuple(int(parte) for parte in opcao.split(","))
        crescentes = all(b > a for a, b in itertools.pairwise(dias))
        if not crescentes or len(dias) > MAXIMO_PARCELAS or dias[-1] > MAXIMO_DIAS:
            raise CondicaoInvalida(_formato_invalido())
        return False, 0, dias
    raise CondicaoInvalida(_formato_invalido())


def quantidade(opcao: str) -> int:
    """How many installments the option makes."""
    a_vista, meses, dias = _interpretar(opcao)
    return 1 if a_vista else (meses or len(dias))


def _quantize(value: Decimal | int | str) -> Decimal:
    return Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)


def dividir(total: Decimal | int | str, n: int) -> list[Decimal]:
    """`total` in `n` installments summing to it exactly; the first ones take the extra cents."""
    if n < 1:
        raise ValueError("n must be at least 1")
    centavos = int(_quantize(total) / _CENT)
    sinal = -1 if centavos < 0 else 1
    base, resto = divmod(abs(centavos), n)
    return [_quantize(sinal * (base + (1 if i < resto else 0)) * _CENT) for i in range(n)]


def _somar_meses(dia: date, meses: int) -> date:
    indice = dia.month - 1 + meses
    ano, mes = dia.year + indice // 12, indice % 12 + 1
    return date(ano, mes, min(dia.day, calendar.monthrange(ano, mes)[1]))


def gerar(opcao: str, total: Decimal | int | str, base: date) -> list[Parcela]:
    """The installments of `total` for the option, from the base date (the sale's date)."""
    a_vista, meses, dias = _interpretar(opcao)
    if a_vista:
        datas = [base]
    elif meses:
        datas = [_somar_meses(base, i) for i in range(meses)]
    else:
        datas = [base + timedelta(days=d) for d in dias]
    valores = dividir(total, len(datas))
    n = len(datas)
    return [
        Parcela(numero=i, data_vencimento=d, valor=v, descricao=f"Parcela {i}/{n}")
        for i, (d, v) in enumerate(zip(datas, valores, strict=True), 1)
    ]
