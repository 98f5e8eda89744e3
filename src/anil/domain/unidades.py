"""Units of measure (`/v1/produtos/unidades-medida`): per company, created with it (spec/defaults.md §6.3).

In Conta Azul the units are records of the company with large, consecutive, company-specific integer ids
(a sandbox company had "Kilograma" 54448255 and "Quantidade" 54448256). anil numbers them the same way: a
unit's id is `UNIDADE_ID_BASE` plus its row number, which is unique across companies, so consecutive within
one company created at once. `em_uso` is true while some product of the company refers to the unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from anil.domain.texto import chave

UNIDADE_ID_BASE = 54_000_000

# (descricao, abreviacao), in the order they are created and listed (defaults.md §6.3). "Quantidade" and
# "Kilograma"/"Kg" were seen in Conta Azul; the rest is the list that file proposes.
PADRAO: tuple[tuple[str, str], ...] = (
    ("Quantidade", "UN"),
    ("Kilograma", "Kg"),
    ("Grama", "g"),
    ("Tonelada", "t"),
    ("Litro", "L"),
    ("Mililitro", "ml"),
    ("Metro", "m"),
    ("Centímetro", "cm"),
    ("Metro quadrado", "m²"),
    ("Metro cúbico", "m³"),
    ("Caixa", "CX"),
    ("Pacote", "PCT"),
    ("Peça", "PÇ"),
    ("Par", "PAR"),
    ("Dúzia", "DZ"),
    ("Conjunto", "CJ"),
    ("Kit", "KIT"),
    ("Rolo", "RL"),
    ("Fardo", "FD"),
    ("Hora", "h"),
)


@dataclass(frozen=True, slots=True)
class UnidadeMedida:
    id: int
    descricao: str
    abreviacao: str
    em_uso: bool = False


def unidade_id(seq: int) -> int:
    """The API id of the unit stored in row `seq`."""
    return UNIDADE_ID_BASE + seq


def seq_da_unidade(id_: int) -> int | None:
    """The row of an API id; None for a number that cannot be a unit's id."""
    seq = id_ - UNIDADE_ID_BASE
    return seq if seq > 0 else None


def _casa_busca(unidade: UnidadeMedida, palavras: Sequence[str]) -> bool:
    texto = f"{chave(unidade.descricao)} {chave(unidade.abreviacao)}"
    return all(palavra in texto for palavra in palavras)


def filtrar(unidades: Sequence[UnidadeMedida], busca: str | None, codigo: str | None) -> list[UnidadeMedida]:
    """`busca`: every word inside the description or the abbreviation, ignoring case and accents;
    `codigo`: the abbreviation, whole, ignoring case and accents (units have no other code)."""
    palavras = chave(busca).split() if busca else []
    alvo = chave(codigo) if codigo is not None else None
    return [
        unidade
        for unidade in unidades
        if (alvo is None or chave(unidade.abreviacao) == alvo) and _casa_busca(unidade, palavras)
    ]
