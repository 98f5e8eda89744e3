"""`/v1/categorias`, `/v1/categorias/configuracao-padrao`, `/v1/financeiro/categorias-dre` wire models
(catalog §3.8, Appendix A.3), field names exactly as the API; and the `/_anil/` category body.
"""

from __future__ import annotations

from pydantic import TypeAdapter

from anil.domain.categorias import Categoria as CategoriaRegistro
from anil.domain.categorias import CategoriaEntrada, Configuracao, ItemDre
from anil.domain.totais import Totais
from anil.schemas.common import In, Wire


class Categoria(Wire):
    id: str
    versao: int
    nome: str
    categoria_pai: str | None
    tipo: str
    entrada_dre: str | None
    considera_custo_dre: bool


class TotaisOut(Wire):
    ativo: int
    inativo: int
    todos: int


class CategoriasPage(Wire):
    """`{itens_totais, itens, totais}`: totals of the whole filtered set, `itens` the page."""

    itens_totais: int
    itens: list[Categoria]
    totais: TotaisOut


class SugestaoPadrao(Wire):
    id: str | None
    nome: str


class ConfiguracaoPadrao(Wire):
    tipo_operacao: str
    id_categoria: str | None
    nome_categoria: str | None
    sugestao_padrao: SugestaoPadrao | None


ConfiguracoesPadrao = TypeAdapter(list[ConfiguracaoPadrao])


class CategoriaFinanceira(Wire):
    id: str
    codigo: str | None
    nome: str
    ativo: bool


class ItemDreOut(Wire):
    """A DRE line. `nome`, `tipo`, `nivel`, `ordem`, `parent_id` are legacy keys real responses carry,
    always null (defaults.md §3, PROBE)."""

    id: str
    descricao: str
    codigo: str | None
    posicao: int
    indica_totalizador: bool
    representa_soma_custo_medio: bool
    subitens: list[ItemDreOut]
    categorias_financeiras: list[CategoriaFinanceira]
    nome: None = None
    tipo: None = None
    nivel: None = None
    ordem: None = None
    parent_id: None = None


class EstruturaDre(Wire):
    itens: list[ItemDreOut]


def categoria(registro: CategoriaRegistro) -> Categoria:
    return Categoria(
        id=registro.id,
        versao=registro.versao,
        nome=registro.nome,
        categoria_pai=registro.categoria_pai,
        tipo=registro.tipo,
        entrada_dre=registro.entrada_dre,
        considera_custo_dre=registro.considera_custo_dre,
    )


def pagina(totais: Totais, itens: list[CategoriaRegistro]) -> CategoriasPage:
    return CategoriasPage(
        itens_totais=totais.todos,
        itens=[categoria(c) for c in itens],
        totais=TotaisOut(ativo=totais.ativo, inativo=totais.inativo, todos=totais.todos),
    )


def configuracoes(itens: list[Configuracao], com_sugestao: bool) -> list[ConfiguracaoPadrao]:
    """Each operation with its configured category; `sugestao_padrao` is null when not asked for."""
    return [
        ConfiguracaoPadrao(
            tipo_operacao=item.tipo_operacao,
            id_categoria=item.categoria.id if item.categoria else None,
            nome_categoria=item.categoria.nome if item.categoria else None,
            sugestao_padrao=SugestaoPadrao(
                id=item.categoria.id if item.categoria else None, nome=item.nome_sugestao
            )
            if com_sugestao
            else None,
        )
        for item in itens
    ]


def _item_dre(item: ItemDre) -> ItemDreOut:
    return ItemDreOut(
        id=item.id,
        descricao=item.descricao,
        codigo=item.codigo,
        posicao=item.posicao,
        indica_totalizador=item.indica_totalizador,
        representa_soma_custo_medio=item.representa_soma_custo_medio,
        subitens=[_item_dre(sub) for sub in item.subitens],
        categorias_financeiras=[
            CategoriaFinanceira(id=c.id, codigo=c.codigo, nome=c.nome, ativo=c.ativo)
            for c in item.categorias_financeiras
        ],
    )


def estrutura_dre(itens: list[ItemDre]) -> EstruturaDre:
    return EstruturaDre(itens=[_item_dre(item) for item in itens])


# ---------------------------------------------------------------------------------- /_anil/ body ----


class CategoriaControleIn(In):
    nome: str | None = None
    tipo: str | None = None
    categoria_pai: str | None = None
    entrada_dre: str | None = None
    considera_custo_dre: bool | None = None
    codigo: str | None = None
    ativo: bool | None = None

    def entrada(self) -> CategoriaEntrada:
        return CategoriaEntrada(**self.model_dump())
