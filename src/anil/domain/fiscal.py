"""The NCM and CEST catalogs (`/v1/produtos/ncm`, `/v1/produtos/cest`): packaged reference data, searched in
memory.

The tables ship with the package (`anil/data/fiscal/ncm.csv`, `cest.csv`, built from the official sources
by `scripts/build_fiscal_data.py`; provenance and licences in that folder's README) and are read once per
process, lazily, on first use. Nothing here touches a database: the catalogs are the same for every company.

Ids are derived from the codes, so they never change between releases and need no table: an NCM's id is
its 8 digits behind a leading 1 (`09011110` → `109011110`), a CEST's its 7 digits behind a leading 1
(`1709600` → `11709600`). Both read back to the code, keep its leading zero, and never collide.

What a search matches, and what `descricao` shows (choices `catalogos-produtos-busca`,
`catalogos-produtos-codigo`, `ncm-descricao`):

* `busca` is split into words, each compared ignoring case and accents (`anil.domain.texto.chave`); every
  word must match, either as the start of the code (dots ignored: `0901.11` finds `09011110`) or inside the
  item's text. For an NCM that text is the code's own description together with those of its ancestors
  from the position (4 digits) down, because the official 8-digit texts are often just `Outros` or
  `Descafeinado`: "café" finds the whole 0901 family through its position, "Café, mesmo torrado ou
  descafeinado; …". The chapter (2 digits) is left out, or "café" would return pepper and vanilla (chapter
  09 is "Café, chá, mate e especiarias").
* `codigo` is a prefix of the code, dots ignored: `0901` lists the family, 8 digits the one code.
* An NCM's `descricao` is the path from its position down to it, joined by " - ", the position's text cut
  at its first semicolon: `Café, mesmo torrado ou descafeinado - Café não torrado - Não descafeinado - Em
  grão` for 09011110 (the official text of the code alone is "Em grão"). `descricao_oficial` keeps the
  code's own text.
"""

from __future__ import annotations

import csv
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TypeVar

from anil.domain.texto import chave

NCM_ID_BASE = 100_000_000  # 1 followed by the 8 digits
CEST_ID_BASE = 10_000_000  # 1 followed by the 7 digits
NCM_DIGITOS = 8
CEST_DIGITOS = 7

_SEPARADOR_DE_DIGITOS = re.compile(r"(?<=\d)[.\-/](?=\d)")
_CODIGO = re.compile(r"[\s.\-/]")
_FIM = " :.;,"


@dataclass(frozen=True, slots=True)
class Ncm:
    id: int
    codigo: str  # 8 digits, no dots
    descricao: str  # the path from the position down (see the module's docstring)
    descricao_oficial: str  # the code's own official text
    busca: str  # code-free search text: the descriptions from the position down, as `chave`


@dataclass(frozen=True, slots=True)
class Cest:
    id: int
    codigo: str  # 7 digits, no dots
    segmento: str  # 2 digits, the convênio's segment
    descricao: str
    ncms: tuple[str, ...]  # NCM/SH prefixes (2 to 8 digits) the item covers; empty for catch-all items
    busca: str

    @property
    def codigo_formatado(self) -> str:
        """`SS.III.DD`, as the convênio writes it."""
        return f"{self.codigo[:2]}.{self.codigo[2:5]}.{self.codigo[5:]}"


# ------------------------------------------------------------------------------------------ ids ----


def ncm_id(codigo: str) -> int:
    return NCM_ID_BASE + int(codigo)


def cest_id(codigo: str) -> int:
    return CEST_ID_BASE + int(codigo)


def _codigo_do_id(id_: int, base: int, digitos: int) -> str | None:
    numero = id_ - base
    if numero < 0 or numero >= 10**digitos:
        return None
    return str(numero).zfill(digitos)


def normalizar_codigo(codigo: str | None) -> str | None:
    """A code as typed (`0901.11.10`, `17.096.00`, ` 0901 `) → its digits; None when it is not digits."""
    if codigo is None:
        return None
    digitos = _CODIGO.sub("", codigo)
    return digitos if digitos.isdigit() else None


# -------------------------------------------------------------------------------------- loading ----


def _linhas(nome: str) -> list[dict[str, str]]:
    text = files("anil").joinpath(f"data/fiscal/{nome}").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def _montar_ncm(linhas: list[dict[str, str]]) -> tuple[Ncm, ...]:
    textos = {linha["codigo"]: linha["descricao"] for linha in linhas}
    chaves = {codigo: chave(texto) for codigo, texto in textos.items() if len(codigo) > 2}
    itens = []
    for codigo in sorted(c for c in textos if len(c) == NCM_DIGITOS):
        # from the position (4 digits; where the table has no row for it, whatever level comes next) down
        niveis = [codigo[:n] for n in (4, 5, 6, 7) if codigo[:n] in textos]
        niveis.append(codigo)
        partes: list[str] = []
        anterior = ""
        for posicao, nivel in enumerate(niveis):
            texto = textos[nivel]
            if posicao == 0 and len(niveis) > 1:
                texto = texto.split(";", 1)[0]
            if chaves[nivel] != anterior:
                partes.append(texto.rstrip(_FIM))
            anterior = chaves[nivel]
        itens.append(
            Ncm(
                id=ncm_id(codigo),
                codigo=codigo,
                descricao=" - ".join(partes),
                descricao_oficial=textos[codigo],
                busca=" ".join(chaves[nivel] for nivel in niveis),
            )
        )
    return tuple(itens)


def _montar_cest(linhas: list[dict[str, str]]) -> tuple[Cest, ...]:
    return tuple(
        Cest(
            id=cest_id(linha["codigo"]),
            codigo=linha["codigo"],
            segmento=linha["segmento"],
            descricao=linha["descricao"],
            ncms=tuple(linha["ncms"].split()),
            busca=chave(linha["descricao"]),
        )
        for linha in sorted(linhas, key=lambda linha: linha["codigo"])
    )


@dataclass(frozen=True, slots=True)
class _Catalogo:
    ncm: tuple[Ncm, ...]
    ncm_por_codigo: dict[str, Ncm]
    cest: tuple[Cest, ...]
    cest_por_codigo: dict[str, Cest]


_lock = threading.Lock()
_catalogo: _Catalogo | None = None


def _carregado() -> _Catalogo:
    global _catalogo
    if _catalogo is None:
        with _lock:
            if _catalogo is None:
                ncm = _montar_ncm(_linhas("ncm.csv"))
                cest = _montar_cest(_linhas("cest.csv"))
                _catalogo = _Catalogo(
                    ncm=ncm,
                    ncm_por_codigo={item.codigo: item for item in ncm},
                    cest=cest,
                    cest_por_codigo={item.codigo: item for item in cest},
                )
    return _catalogo


def carregar() -> None:
    """Read the tables now rather than on first use (e.g. when a server starts)."""
    _carregado()


def todos_ncm() -> tuple[Ncm, ...]:
    """Every 8-digit NCM code in force, in code order."""
    return _carregado().ncm


def todos_cest() -> tuple[Cest, ...]:
    return _carregado().cest


# -------------------------------------------------------------------------------------- lookups ----


def ncm_por_codigo(codigo: str | None) -> Ncm | None:
    """An 8-digit NCM code, with or without dots (`0901.11.10`)."""
    digitos = normalizar_codigo(codigo)
    return _carregado().ncm_por_codigo.get(digitos) if digitos else None


def ncm_por_id(id_: int) -> Ncm | None:
    codigo = _codigo_do_id(id_, NCM_ID_BASE, NCM_DIGITOS)
    return _carregado().ncm_por_codigo.get(codigo) if codigo else None


def cest_por_codigo(codigo: str | None) -> Cest | None:
    """A CEST code, 7 digits with or without the convênio's dots (`17.096.00`)."""
    digitos = normalizar_codigo(codigo)
    return _carregado().cest_por_codigo.get(digitos) if digitos else None


def cest_por_id(id_: int) -> Cest | None:
    codigo = _codigo_do_id(id_, CEST_ID_BASE, CEST_DIGITOS)
    return _carregado().cest_por_codigo.get(codigo) if codigo else None


def cest_aplicavel(cest: Cest, ncm_codigo: str) -> bool:
    """Whether the CEST covers the NCM code: one of its prefixes starts the code (dots ignored).

    The convênio's catch-all items that list no NCM ("Outras peças … não relacionadas nos demais itens") are
    not limited to any NCM and apply to every code.
    """
    digitos = normalizar_codigo(ncm_codigo)
    if digitos is None:
        return False
    if not cest.ncms:
        return True
    return any(digitos.startswith(prefixo) for prefixo in cest.ncms)


def cests_do_ncm(ncm_codigo: str) -> list[Cest]:
    """The CEST items whose NCM prefixes cover the code (catch-all items without prefixes left out)."""
    return [cest for cest in _carregado().cest if cest.ncms and cest_aplicavel(cest, ncm_codigo)]


# --------------------------------------------------------------------------------------- search ----


def termos(busca: str | None) -> tuple[str, ...]:
    """The words of a search, as `chave`s; digits written with dots stay one word (`0901.11` → `090111`)."""
    if not busca:
        return ()
    return tuple(chave(_SEPARADOR_DE_DIGITOS.sub("", busca)).split())


T = TypeVar("T", Ncm, Cest)


def _indices(itens: Sequence[T], palavras: tuple[str, ...], codigo: str | None) -> tuple[int, ...]:
    return tuple(
        index
        for index, item in enumerate(itens)
        if (codigo is None or item.codigo.startswith(codigo))
        and all(item.codigo.startswith(p) or p in item.busca for p in palavras)
    )


@lru_cache(maxsize=512)
def _ncm_indices(palavras: tuple[str, ...], codigo: str | None) -> tuple[int, ...]:
    return _indices(todos_ncm(), palavras, codigo)


@lru_cache(maxsize=512)
def _cest_indices(palavras: tuple[str, ...], codigo: str | None) -> tuple[int, ...]:
    return _indices(todos_cest(), palavras, codigo)


def _pagina(itens: Sequence[T], indices: tuple[int, ...], offset: int, limite: int) -> tuple[int, list[T]]:
    return len(indices), [itens[i] for i in indices[offset : offset + limite]]


def buscar_ncm(busca: str | None, codigo: str | None, offset: int, limite: int) -> tuple[int, list[Ncm]]:
    """(total, one page) of the NCM codes matching `busca` and the `codigo` prefix, in code order.

    A `codigo` that is not digits (dots, hyphens and spaces aside) matches nothing.
    """
    prefixo = normalizar_codigo(codigo) if codigo is not None else None
    if codigo is not None and prefixo is None:
        return 0, []
    return _pagina(todos_ncm(), _ncm_indices(termos(busca), prefixo), offset, limite)


def buscar_cest(busca: str | None, codigo: str | None, offset: int, limite: int) -> tuple[int, list[Cest]]:
    """(total, one page) of the CEST codes matching `busca` and the `codigo` prefix, in code order."""
    prefixo = normalizar_codigo(codigo) if codigo is not None else None
    if codigo is not None and prefixo is None:
        return 0, []
    return _pagina(todos_cest(), _cest_indices(termos(busca), prefixo), offset, limite)
