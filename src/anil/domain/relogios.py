"""A company's clock, as the sandbox lets an integrator set it (issue 4 §7; `/_anil/…/relogio`, `anil clock`).

What a company's date rules read (due, overdue, "this month", the alterações stamps) is the system clock
unless its clock was frozen at an instant or moved forward. These are the rules of the inputs:

- freeze at an `instante` (ISO-8601 date-time: with `Z` or an offset it is that instant, without one it
  is São Paulo local time) or at a `data` (`yyyy-MM-dd`: 00:00:00 of that day in São Paulo). The clock
  then stands still until moved or reset.
- advance by a positive duration: `dias`, `horas`, `minutos`, `segundos` (whole numbers, added together)
  and/or `duracao`, an ISO-8601 duration of weeks, days, hours, minutes and seconds (`P1D`, `PT36H`,
  `P1W2DT3H4M5S`; years and months have no fixed length and are refused). A frozen clock moves its
  instant forward and stays frozen; a running one keeps running that far ahead. Going back is refused:
  freeze at an earlier instant, or reset.
- reset: back to the system clock.
(choice `relogio-controle`)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from anil.domain.clock import SAO_PAULO
from anil.errors import InvalidInput

# Instants a clock may show: far enough from datetime's limits that shifts and zones never overflow.
ANO_MINIMO = 1900
ANO_MAXIMO = 9000
# One advance moves at most this far (100 years).
AVANCO_MAXIMO = timedelta(days=36_500)

UNIDADES: tuple[tuple[str, int], ...] = (("dias", 86_400), ("horas", 3_600), ("minutos", 60), ("segundos", 1))

_DURACAO = re.compile(
    r"^P(?:(?P<semanas>\d+)W)?(?:(?P<dias>\d+)D)?"
    r"(?:T(?:(?P<horas>\d+)H)?(?:(?P<minutos>\d+)M)?(?:(?P<segundos>\d+)S)?)?$"
)
_DATA = re.compile(r"^\d{4}-\d{2}-\d{2}$")

INSTANTE_MENSAGEM = (
    "O campo 'instante' deve ser uma data e hora ISO 8601, como 2026-12-15T10:00:00 (hora de São Paulo) "
    "ou 2026-12-15T13:00:00Z"
)
DATA_MENSAGEM = "O campo 'data' deve estar no formato yyyy-MM-dd"
DURACAO_MENSAGEM = (
    "O campo 'duracao' deve ser uma duração ISO 8601 em semanas, dias, horas, minutos e segundos, "
    "como P1D, PT36H ou P1W2DT3H4M5S"
)
SO_AVANCA = (
    "O relógio só avança: informe uma duração positiva (para voltar, congele-o num instante anterior ou "
    "restaure o relógio do sistema)"
)


@dataclass(frozen=True, slots=True)
class EstadoRelogio:
    """What a company's clock shows now, and how it is set."""

    agora: datetime  # aware UTC
    congelado: bool
    deslocamento: timedelta  # ahead of the system clock (running clocks only; 0 when frozen)
    ajustado: bool  # False: the system clock itself (no stored setting)

    @property
    def agora_local(self) -> datetime:
        return self.agora.astimezone(SAO_PAULO).replace(tzinfo=None)

    @property
    def hoje(self) -> date:
        return self.agora_local.date()


def _no_intervalo(instante: datetime, campo: str) -> datetime:
    if not ANO_MINIMO <= instante.year <= ANO_MAXIMO:
        raise InvalidInput(f"O campo '{campo}' deve estar entre os anos {ANO_MINIMO} e {ANO_MAXIMO}")
    return instante


def instante_congelamento(instante: Any = None, data: Any = None) -> datetime:
    """The aware UTC instant a freeze request names: exactly one of `instante` and `data`."""
    if instante is not None and data is not None:
        raise InvalidInput("Informe apenas um dos campos 'instante' ou 'data'")
    if instante is None and data is None:
        raise InvalidInput("Informe o campo 'instante' (data e hora) ou o campo 'data'")
    if instante is not None:
        if not isinstance(instante, str) or "T" not in instante.strip():
            raise InvalidInput(INSTANTE_MENSAGEM)
        try:
            momento = datetime.fromisoformat(instante.strip())
        except ValueError:
            raise InvalidInput(INSTANTE_MENSAGEM) from None
        _no_intervalo(momento, "instante")
        if momento.tzinfo is None:
            momento = momento.replace(tzinfo=SAO_PAULO)
        return momento.astimezone(UTC)
    if not isinstance(data, str) or not _DATA.match(data.strip()):
        raise InvalidInput(DATA_MENSAGEM)
    try:
        dia = date.fromisoformat(data.strip())
    except ValueError:
        raise InvalidInput(DATA_MENSAGEM) from None
    inicio = _no_intervalo(datetime(dia.year, dia.month, dia.day, tzinfo=SAO_PAULO), "data")
    return inicio.astimezone(UTC)


def parse_duracao(texto: Any) -> timedelta:
    """An ISO-8601 duration of weeks, days, hours, minutes and seconds (`P1D`, `PT36H`)."""
    if not isinstance(texto, str):
        raise InvalidInput(DURACAO_MENSAGEM)
    texto = texto.strip().upper()
    if texto.startswith("-"):
        raise InvalidInput(SO_AVANCA)
    match = _DURACAO.match(texto)
    if match is None or texto in ("P", "PT") or texto.endswith("T"):
        raise InvalidInput(DURACAO_MENSAGEM)
    partes = {nome: int(valor) for nome, valor in match.groupdict().items() if valor is not None}
    try:
        return timedelta(
            weeks=partes.get("semanas", 0),
            days=partes.get("dias", 0),
            hours=partes.get("horas", 0),
            minutes=partes.get("minutos", 0),
            seconds=partes.get("segundos", 0),
        )
    except OverflowError:
        raise InvalidInput(avanco_maximo()) from None


def duracao_avanco(
    *, dias: Any = None, horas: Any = None, minutos: Any = None, segundos: Any = None, duracao: Any = None
) -> timedelta:
    """The positive duration an advance request names (the fields add up); at most `AVANCO_MAXIMO`."""
    valores = {"dias": dias, "horas": horas, "minutos": minutos, "segundos": segundos}
    if all(v is None for v in valores.values()) and duracao is None:
        raise InvalidInput(
            "Informe a duração: 'dias', 'horas', 'minutos', 'segundos' ou 'duracao' (ISO 8601)"
        )
    passo = timedelta(0)
    for nome, fator in UNIDADES:
        valor = valores[nome]
        if valor is None:
            continue
        if isinstance(valor, bool) or not isinstance(valor, int):
            raise InvalidInput(f"O campo '{nome}' deve ser um número inteiro")
        if valor < 0:
            raise InvalidInput(SO_AVANCA)
        if valor * fator > AVANCO_MAXIMO.total_seconds():
            raise InvalidInput(avanco_maximo())
        passo += timedelta(seconds=valor * fator)
    if duracao is not None:
        passo += parse_duracao(duracao)
    if passo > AVANCO_MAXIMO:
        raise InvalidInput(avanco_maximo())
    if passo <= timedelta(0):
        raise InvalidInput(SO_AVANCA)
    return passo


def avanco_maximo() -> str:
    return f"Cada avanço do relógio pode ser de no máximo {AVANCO_MAXIMO.days} dias"


def avancar(
    congelado_em: datetime | None, deslocamento: timedelta, passo: timedelta
) -> tuple[datetime | None, timedelta]:
    """The stored setting after an advance: a frozen clock moves its instant, a running one its shift."""
    if congelado_em is not None:
        return congelado_em + passo, deslocamento
    return None, deslocamento + passo


def conferir_instante(agora: datetime) -> None:
    """A setting whose clock would show an instant out of range is refused."""
    if not ANO_MINIMO <= agora.year <= ANO_MAXIMO:
        raise InvalidInput(f"O relógio da empresa deve ficar entre os anos {ANO_MINIMO} e {ANO_MAXIMO}")
