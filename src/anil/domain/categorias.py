"""Categorias financeiras, their default configuration and the DRE tree (catalog §3.8, defaults.md §1–§3).

Categories form a two-level plan (groups with `categoria_pai = null`, children under them, plus root
"system" categories). Conta Azul's API only reads them; anil writes them through `/_anil/` and the CLI,
with the rules in `validar`. The DRE tree is the same for every company (`plano_padrao.DRE_PADRAO`),
rendered with per-company ids (`id_item_dre`) and the company's categories attached by `entrada_dre`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from anil.domain.plano_padrao import (
    CUSTO_SERVICOS_PRESTADOS,
    CUSTO_VENDAS_PRODUTOS,
    DESPESA,
    DRE_PADRAO,
    ENTRADAS_DRE,
    NOME_OPERACAO,
    OPERACOES,
    RECEITA,
    TIPOS_OPERACAO,
    LinhaDre,
)
from anil.domain.texto import chave
from anil.errors import InvalidInput, RuleViolation

__all__ = ["DESPESA", "ENTRADAS_DRE", "NOME_OPERACAO", "RECEITA", "TIPOS_OPERACAO"]

TIPOS = (RECEITA, DESPESA)
ORDENACOES = ("NOME", "TIPO")
NOME_MAX = 255
CODIGO_MAX = 32

# Namespace of the DRE items' ids (choice `categorias-dre`): uuid5(namespace, "<empresa id>:<linha>").
_DRE_NS = uuid.UUID("0c8f5a9e-7d3b-4e61-b2a4-9f1e6c3d2a77")


def considera_custo_padrao(entrada_dre: str | None) -> bool:
    """defaults.md §1.1: only categories feeding the two cost lines count as DRE cost."""
    return entrada_dre in (CUSTO_SERVICOS_PRESTADOS, CUSTO_VENDAS_PRODUTOS)


@dataclass(frozen=True, slots=True)
class Categoria:
    id: str
    versao: int
    nome: str
    categoria_pai: str | None
    tipo: str
    entrada_dre: str | None
    considera_custo_dre: bool
    codigo: str | None
    ativo: bool
    tipo_operacao: str | None


@dataclass(frozen=True, slots=True)
class FiltroCategorias:
    busca: str | None = None
    tipo: str | None = None
    nome: str | None = None
    apenas_filhos: bool = False
    permite_apenas_filhos: bool = False
    ordenacao: str = "NOME"
    descendente: bool = False


# ----------------------------------------------------------------------------- writes (/_anil/) ----


@dataclass(frozen=True, slots=True)
class CategoriaEntrada:
    nome: str | None = None
    tipo: str | None = None
    categoria_pai: str | None = None
    entrada_dre: str | None = None
    considera_custo_dre: bool | None = None
    codigo: str | None = None
    ativo: bool | None = None


@dataclass(frozen=True, slots=True)
class CategoriaValida:
    nome: str
    nome_busca: str
    tipo: str
    categoria_pai: str | None
    entrada_dre: str | None
    considera_custo_dre: bool
    codigo: str | None
    ativo: bool


def _lista(valores: Iterable[str]) -> str:
    return ", ".join(valores)


def proximo_codigo(pai: Categoria | None, existentes: Iterable[str]) -> str | None:
    """A child's default code: its parent's code + `.NN`, the first number not taken in the company."""
    if pai is None or not pai.codigo:
        return None
    taken = set(existentes)
    numero = 1
    while f"{pai.codigo}.{numero:02d}" in taken:
        numero += 1
    return f"{pai.codigo}.{numero:02d}"


def validar(entrada: CategoriaEntrada, pai: Categoria | None, codigo_padrao: str | None) -> CategoriaValida:
    """One field at a time, in the order of the form. `pai` is the parent already looked up (the caller
    raises for an unknown id); `codigo_padrao` the code a child gets when none is sent (`proximo_codigo`)."""
    nome = (entrada.nome or "").strip()
    if not nome:
        raise InvalidInput("O campo 'nome' é obrigatório")
    if len(nome) > NOME_MAX:
        raise InvalidInput(f"O campo 'nome' deve ter no máximo {NOME_MAX} caracteres")
    tipo = (entrada.tipo or "").strip().upper() or (pai.tipo if pai else "")
    if not tipo:
        raise InvalidInput("O campo 'tipo' é obrigatório")
    if tipo not in TIPOS:
        raise InvalidInput(f"O campo 'tipo' deve ser um dos seguintes valores: {_lista(TIPOS)}")
    if pai is not None:
        if pai.categoria_pai is not None:
            raise RuleViolation("A categoria pai deve ser uma categoria de primeiro nível")
        if pai.tipo != tipo:
            raise RuleViolation(
                f"A categoria pai é do tipo {pai.tipo}; a nova categoria deve ser do mesmo tipo"
            )
    entrada_dre = (entrada.entrada_dre or "").strip() or None
    if entrada_dre is not None and entrada_dre not in ENTRADAS_DRE:
        raise InvalidInput(f"O campo 'entrada_dre' deve ser um dos seguintes valores: {_lista(ENTRADAS_DRE)}")
    codigo = (entrada.codigo or "").strip() or codigo_padrao
    if codigo is not None and len(codigo) > CODIGO_MAX:
        raise InvalidInput(f"O campo 'codigo' deve ter no máximo {CODIGO_MAX} caracteres")
    considera = entrada.considera_custo_dre
    return CategoriaValida(
        nome=nome,
        nome_busca=chave(nome),
        tipo=tipo,
        categoria_pai=pai.id if pai else None,
        entrada_dre=entrada_dre,
        considera_custo_dre=considera_custo_padrao(entrada_dre) if considera is None else considera,
        codigo=codigo,
        ativo=True if entrada.ativo is None else entrada.ativo,
    )


# ------------------------------------------------------------------------- configuracao-padrao ----


@dataclass(frozen=True, slots=True)
class Configuracao:
    tipo_operacao: str
    categoria: Categoria | None
    nome_sugestao: str


def configuracao_padrao(sistema: Sequence[Categoria]) -> list[Configuracao]:
    """The 13 operations in the API's order, each with the system category that serves it (if any)."""
    por_operacao = {categoria.tipo_operacao: categoria for categoria in sistema}
    return [Configuracao(op, por_operacao.get(op), nome) for op, nome in OPERACOES]


# ----------------------------------------------------------------------------------------- DRE ----


@dataclass(frozen=True, slots=True)
class ItemDre:
    id: str
    descricao: str
    codigo: str | None
    posicao: int
    indica_totalizador: bool
    representa_soma_custo_medio: bool
    subitens: tuple[ItemDre, ...]
    categorias_financeiras: tuple[Categoria, ...]


def id_item_dre(empresa_id: str, linha: LinhaDre) -> str:
    """Stable per company: derived from the company and the line's code (or, for a totalizer, its name)."""
    return str(uuid.uuid5(_DRE_NS, f"{empresa_id}:{linha.codigo or linha.descricao}"))


def arvore_dre(empresa_id: str, categorias: Iterable[Categoria]) -> list[ItemDre]:
    """`DRE_PADRAO` with the company's categories attached to the line their `entrada_dre` feeds, in the
    order given (categories without `entrada_dre` appear nowhere)."""
    por_entrada: dict[str, list[Categoria]] = {}
    for categoria in categorias:
        if categoria.entrada_dre:
            por_entrada.setdefault(categoria.entrada_dre, []).append(categoria)

    def render(linhas: Sequence[LinhaDre]) -> tuple[ItemDre, ...]:
        return tuple(
            ItemDre(
                id=id_item_dre(empresa_id, linha),
                descricao=linha.descricao,
                codigo=linha.codigo,
                posicao=posicao,
                indica_totalizador=linha.totalizador,
                representa_soma_custo_medio=linha.representa_soma_custo_medio,
                subitens=render(linha.subitens),
                categorias_financeiras=tuple(c for e in linha.entradas for c in por_entrada.get(e, ())),
            )
            for posicao, linha in enumerate(linhas, start=1)
        )

    return list(render(DRE_PADRAO))
