"""`GET /v1/venda/vendedores` wire model (catalog §3.4, Appendix A.5 `listVendedores`): a bare JSON array.

The provider spec documents `{id, nome, id_legado}`; production omits `id_legado` [CLI]. With ANIL_QUIRKS
on (the default) anil answers as production, with it off as the spec (choice `vendedores-id-legado`).
"""

from __future__ import annotations

from typing import Protocol

from pydantic import TypeAdapter

from anil.schemas.common import Wire


class VendedorLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def nome(self) -> str: ...
    @property
    def id_legado(self) -> int: ...


class Vendedor(Wire):
    """Spec `Vendedor`: what sales and contracts also show as `vendedor{id, nome, id_legado}`."""

    id: str
    nome: str
    id_legado: int


class VendedorProducao(Wire):
    """What production actually answers in the list: no `id_legado`."""

    id: str
    nome: str


_SPEC = TypeAdapter(list[Vendedor])
_PRODUCAO = TypeAdapter(list[VendedorProducao])


def vendedores_json(vendedores: list[VendedorLike], *, com_id_legado: bool) -> bytes:
    if com_id_legado:
        return _SPEC.dump_json([Vendedor(id=v.id, nome=v.nome, id_legado=v.id_legado) for v in vendedores])
    return _PRODUCAO.dump_json([VendedorProducao(id=v.id, nome=v.nome) for v in vendedores])
