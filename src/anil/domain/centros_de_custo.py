"""Centros de custo (catalog §3.7): a name, an optional code, active or not. The API lists and creates
them; there is no update or delete. New centers are active; a new company has none (defaults.md §7).
"""

from __future__ import annotations

from dataclasses import dataclass

from anil.domain.texto import chave
from anil.errors import InvalidInput

FILTROS_RAPIDOS = ("ATIVO", "INATIVO", "TODOS")
ORDENACOES = ("ID", "CODIGO", "NOME", "ATIVO")
NOME_MAX = 255
CODIGO_MAX = 64
NOME_DUPLICADO = "Já existe um centro de custo com o nome informado"
CODIGO_DUPLICADO = "Já existe um centro de custo com o código informado"


@dataclass(frozen=True, slots=True)
class CentroDeCusto:
    id: str
    codigo: str | None
    nome: str
    ativo: bool


@dataclass(frozen=True, slots=True)
class FiltroCentros:
    busca: str | None = None
    filtro_rapido: str = "TODOS"
    ordenacao: str = "NOME"
    descendente: bool = False


@dataclass(frozen=True, slots=True)
class CentroEntrada:
    nome: str | None = None
    codigo: str | None = None
    ativo: bool = True


@dataclass(frozen=True, slots=True)
class CentroValido:
    nome: str
    nome_busca: str
    codigo: str | None
    codigo_busca: str | None
    ativo: bool


def validar(entrada: CentroEntrada) -> CentroValido:
    """`nome` required (blank counts as missing); `codigo` optional, blank = none; both trimmed."""
    nome = (entrada.nome or "").strip()
    if not nome:
        raise InvalidInput("O campo 'nome' é obrigatório")
    if len(nome) > NOME_MAX:
        raise InvalidInput(f"O campo 'nome' deve ter no máximo {NOME_MAX} caracteres")
    codigo = (entrada.codigo or "").strip() or None
    if codigo is not None and len(codigo) > CODIGO_MAX:
        raise InvalidInput(f"O campo 'codigo' deve ter no máximo {CODIGO_MAX} caracteres")
    return CentroValido(
        nome=nome,
        nome_busca=chave(nome),
        codigo=codigo,
        codigo_busca=codigo.casefold() if codigo else None,
        ativo=entrada.ativo,
    )
