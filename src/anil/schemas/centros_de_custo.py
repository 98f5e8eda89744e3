"""`/v1/centro-de-custo` wire models (catalog §3.7, Appendix A.3), field names exactly as the API."""

from __future__ import annotations

from anil.domain.centros_de_custo import CentroDeCusto as CentroRegistro
from anil.domain.centros_de_custo import CentroEntrada
from anil.domain.totais import Totais
from anil.schemas.common import In, Wire


class CentroDeCusto(Wire):
    id: str
    codigo: str | None
    nome: str
    ativo: bool


class TotaisOut(Wire):
    ativo: int
    inativo: int
    todos: int


class CentrosPage(Wire):
    """`{itens_totais, items, totais}` per the provider file, plus the same list as `itens`, which the
    official n8n node reads (catalog §2.2, choice `centro-de-custo-envelope`)."""

    itens_totais: int
    items: list[CentroDeCusto]
    itens: list[CentroDeCusto]
    totais: TotaisOut


class CentroDeCustoIn(In):
    nome: str | None = None
    codigo: str | None = None

    def entrada(self) -> CentroEntrada:
        return CentroEntrada(nome=self.nome, codigo=self.codigo)


class CentroControleIn(CentroDeCustoIn):
    ativo: bool = True

    def entrada(self) -> CentroEntrada:
        return CentroEntrada(nome=self.nome, codigo=self.codigo, ativo=self.ativo)


def centro(registro: CentroRegistro) -> CentroDeCusto:
    return CentroDeCusto(id=registro.id, codigo=registro.codigo, nome=registro.nome, ativo=registro.ativo)


def pagina(total: int, totais: Totais, itens: list[CentroRegistro]) -> CentrosPage:
    page = [centro(c) for c in itens]
    return CentrosPage(
        itens_totais=total,
        items=page,
        itens=page,
        totais=TotaisOut(ativo=totais.ativo, inativo=totais.inativo, todos=totais.todos),
    )
