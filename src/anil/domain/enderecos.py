"""Brazilian addresses: UFs, CEP ranges and the IBGE municipality list (brazil.md §4.4, §5).

The municipality list ships with the package (`anil/data/ibge_municipios.csv`, MIT, see its README) and
is read once, on first use.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from anil.domain.texto import chave

# Correios ranges per UF (brazil.md §5.1), inclusive, as 8-digit integers.
FAIXAS_CEP: dict[str, tuple[tuple[int, int], ...]] = {
    "SP": ((1000000, 19999999),),
    "RJ": ((20000000, 28999999),),
    "ES": ((29000000, 29999999),),
    "MG": ((30000000, 39999999),),
    "BA": ((40000000, 48999999),),
    "SE": ((49000000, 49999999),),
    "PE": ((50000000, 56999999),),
    "AL": ((57000000, 57999999),),
    "PB": ((58000000, 58999999),),
    "RN": ((59000000, 59999999),),
    "CE": ((60000000, 63999999),),
    "PI": ((64000000, 64999999),),
    "MA": ((65000000, 65999999),),
    "PA": ((66000000, 68899999),),
    "AP": ((68900000, 68999999),),
    "AM": ((69000000, 69299999), (69400000, 69899999)),
    "RR": ((69300000, 69399999),),
    "AC": ((69900000, 69999999),),
    "DF": ((70000000, 72799999), (73000000, 73699999)),
    "GO": ((72800000, 72999999), (73700000, 76799999)),
    "RO": ((76800000, 76999999),),
    "TO": ((77000000, 77999999),),
    "MT": ((78000000, 78899999),),
    "MS": ((79000000, 79999999),),
    "PR": ((80000000, 87999999),),
    "SC": ((88000000, 89999999),),
    "RS": ((90000000, 99999999),),
}
UFS: frozenset[str] = frozenset(FAIXAS_CEP)
PAIS_BRASIL = "Brasil"
NOMES_UF = {
    "AC": "Acre", "AL": "Alagoas", "AP": "Amapá", "AM": "Amazonas", "BA": "Bahia", "CE": "Ceará",
    "DF": "Distrito Federal", "ES": "Espírito Santo", "GO": "Goiás", "MA": "Maranhão", "MT": "Mato Grosso",
    "MS": "Mato Grosso do Sul", "MG": "Minas Gerais", "PA": "Pará", "PB": "Paraíba", "PR": "Paraná",
    "PE": "Pernambuco", "PI": "Piauí", "RJ": "Rio de Janeiro", "RN": "Rio Grande do Norte",
    "RS": "Rio Grande do Sul", "RO": "Rondônia", "RR": "Roraima", "SC": "Santa Catarina", "SP": "São Paulo",
    "SE": "Sergipe", "TO": "Tocantins",
}  # fmt: skip
_UF_POR_NOME = {chave(nome): uf for uf, nome in NOMES_UF.items()}


def uf(estado: str) -> str | None:
    """`"sp"`, `"SP"` or `"São Paulo"` → `"SP"`; None when it is no Brazilian state."""
    text = estado.strip()
    if text.upper() in UFS:
        return text.upper()
    return _UF_POR_NOME.get(chave(text))


_CEP = re.compile(r"^(\d{5})-?(\d{3})$")


def normalizar_cep(cep: str) -> str | None:
    """`"01310-100"` or `"01310100"` → `"01310100"`; anything else → None (a CEP has no check digit)."""
    match = _CEP.match(cep.strip())
    return match.group(1) + match.group(2) if match else None


def cep_da_uf(uf: str, cep: str) -> bool:
    number = int(cep)
    return any(low <= number <= high for low, high in FAIXAS_CEP[uf])


def gerar_cep(uf: str, rng: random.Random) -> str:
    """A CEP inside the UF's range, never ending in `000` (a general-delivery suffix)."""
    low, high = rng.choice(FAIXAS_CEP[uf])
    prefix = rng.randint(low // 1000, high // 1000)
    return f"{prefix:05d}{rng.randint(1, 999):03d}"


@dataclass(frozen=True, slots=True)
class Municipio:
    codigo: int
    uf: str
    nome: str
    ddd: str


@dataclass(frozen=True)
class _Indice:
    todos: tuple[Municipio, ...]
    por_chave: dict[tuple[str, str], Municipio]
    por_codigo: dict[int, Municipio]
    por_uf: dict[str, tuple[Municipio, ...]]


@cache
def _indice() -> _Indice:
    text = files("anil").joinpath("data/ibge_municipios.csv").read_text(encoding="utf-8")
    todos = tuple(
        Municipio(int(row["codigo_ibge"]), row["uf"], row["nome"], row["ddd"])
        for row in csv.DictReader(text.splitlines())
    )
    por_uf: dict[str, list[Municipio]] = {}
    for municipio in todos:
        por_uf.setdefault(municipio.uf, []).append(municipio)
    return _Indice(
        todos,
        {(m.uf, chave(m.nome)): m for m in todos},
        {m.codigo: m for m in todos},
        {uf: tuple(items) for uf, items in por_uf.items()},
    )


def municipios() -> tuple[Municipio, ...]:
    return _indice().todos


def municipio(cidade: str | None, uf: str | None) -> Municipio | None:
    """The municipality named `cidade` in `uf`, ignoring case, accents and punctuation."""
    if not cidade or not uf:
        return None
    return _indice().por_chave.get((uf.strip().upper(), chave(cidade)))


def municipio_por_codigo(codigo: int) -> Municipio | None:
    return _indice().por_codigo.get(codigo)


def municipios_da_uf(uf: str) -> tuple[Municipio, ...]:
    return _indice().por_uf.get(uf, ())
