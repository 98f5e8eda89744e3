"""Wire models of the Produtos reference catalogs (catalog §3.2): `GET /v1/produtos/ncm`, `/cest` and
`/unidades-medida`, all in the `{total_items, items[]}` envelope (§2.2)."""

from __future__ import annotations

from collections.abc import Sequence

from anil.domain.fiscal import Cest, Ncm
from anil.domain.unidades import UnidadeMedida
from anil.schemas.common import Wire


class CodigoDescricao(Wire):
    """An NCM or CEST item: `codigo` as digits without dots (8 for NCM, 7 for CEST)."""

    id: int
    codigo: str
    descricao: str


class CodigosPage(Wire):
    total_items: int
    items: list[CodigoDescricao]


class UnidadeMedidaItem(Wire):
    id: int
    descricao: str
    abreviacao: str
    em_uso: bool


class UnidadesMedidaPage(Wire):
    total_items: int
    items: list[UnidadeMedidaItem]


def codigo_descricao(item: Ncm | Cest) -> CodigoDescricao:
    return CodigoDescricao(id=item.id, codigo=item.codigo, descricao=item.descricao)


def codigos(total: int, itens: Sequence[Ncm | Cest]) -> CodigosPage:
    return CodigosPage(total_items=total, items=[codigo_descricao(item) for item in itens])


def unidades(total: int, itens: Sequence[UnidadeMedida]) -> UnidadesMedidaPage:
    return UnidadesMedidaPage(
        total_items=total,
        items=[
            UnidadeMedidaItem(id=u.id, descricao=u.descricao, abreviacao=u.abreviacao, em_uso=u.em_uso)
            for u in itens
        ],
    )
