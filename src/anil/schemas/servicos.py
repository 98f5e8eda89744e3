"""`/v1/servicos` wire models (catalog §3.3), field names exactly as the API, and their mapping to and
from the neutral records of `anil.domain.servicos`.

Request fields are all optional at the type level: which ones are required, and in which order the API
reports them, is a domain rule (`validar`), one field at a time.
"""

from __future__ import annotations

from typing import Any

from anil.domain.servicos import CAMPOS_PATCH, Paginacao, ServicoEntrada, ServicoRegistro
from anil.schemas.common import In, Money, Wire

# ------------------------------------------------------------------------------------------ input ----


class ServicoIn(In):
    """Body of `POST /v1/servicos` (SDK `CriarServico`)."""

    descricao: str | None = None
    status: str | None = None
    tipo_servico: str | None = None
    codigo: str | None = None
    preco: Money | None = None
    custo: Money | None = None

    def entrada(self) -> ServicoEntrada:
        return ServicoEntrada(
            descricao=self.descricao,
            status=self.status,
            tipo_servico=self.tipo_servico,
            codigo=self.codigo,
            preco=self.preco,
            custo=self.custo,
        )


class ServicoPatchIn(In):
    """Body of `PATCH /v1/servicos/{id}` (SDK `AtualizacaoParcialServico`): `status` is not one of its
    fields, so, like any unknown field, it is ignored (choice `servico-patch`)."""

    codigo: str | None = None
    descricao: str | None = None
    preco: Money | None = None
    custo: Money | None = None
    tipo_servico: str | None = None

    def alteracoes(self) -> tuple[ServicoEntrada, set[str]]:
        entrada = ServicoEntrada(
            descricao=self.descricao,
            tipo_servico=self.tipo_servico,
            codigo=self.codigo,
            preco=self.preco,
            custo=self.custo,
        )
        return entrada, {name for name in self.model_fields_set if name in CAMPOS_PATCH}


class ExclusaoIn(In):
    """`{"ids": [<id_servico>...]}` of `DELETE /v1/servicos`; checked by `domain.servicos.ids_exclusao`
    (anything but a list of integers is answered with production's int64 complaint)."""

    ids: Any = None


# ----------------------------------------------------------------------------------------- output ----


class MunicipioOut(Wire):
    codigo: int | None = None
    nome: str | None = None
    uf: str | None = None


class CenarioTributarioOut(Wire):
    id: str | None = None
    iss_aliquota: float | int | None = None
    iss_retido: bool | None = None
    inss_aliquota: float | int | None = None
    municipio: MunicipioOut | None = None
    nome_usuario: str | None = None
    ultima_atualizacao: str | None = None


class NaturezaOperacionalOut(Wire):
    id: str


class Servico(Wire):
    """`GET /v1/servicos/{id}`, the answer of `POST` and each list item (SDK `Servico`)."""

    id: str
    id_servico: int
    codigo: str | None
    descricao: str
    preco: Money
    custo: Money
    status: str
    tipo_servico: str
    codigo_cnae: str | None
    lei_116: str | None
    codigo_municipio_servico: str | None
    id_externo: str | None
    lista_cenario_tributario: list[CenarioTributarioOut]
    natureza_operacional: NaturezaOperacionalOut | None


class PaginacaoOut(Wire):
    pagina_atual: int
    total_paginas: int
    tamanho_pagina: int
    total_itens: int


class ServicosPage(Wire):
    """`{itens, paginacao}` of `GET /v1/servicos` (catalog §2.2); `itens` is `[]` when nothing matches."""

    itens: list[Servico]
    paginacao: PaginacaoOut


# ---------------------------------------------------------------------------------------- builders ----


def servico(s: ServicoRegistro) -> Servico:
    return Servico(
        id=s.id,
        id_servico=s.seq,
        codigo=s.codigo,
        descricao=s.descricao,
        preco=s.preco,
        custo=s.custo,
        status=s.status,
        tipo_servico=s.tipo_servico,
        codigo_cnae=s.codigo_cnae,
        lei_116=s.lei_116,
        codigo_municipio_servico=s.codigo_municipio_servico,
        id_externo=s.id_externo,
        lista_cenario_tributario=[CenarioTributarioOut.model_validate(c) for c in s.lista_cenario_tributario],
        natureza_operacional=(
            NaturezaOperacionalOut(id=s.natureza_operacional_id) if s.natureza_operacional_id else None
        ),
    )


def pagina(servicos: list[ServicoRegistro], p: Paginacao) -> ServicosPage:
    return ServicosPage(
        itens=[servico(s) for s in servicos],
        paginacao=PaginacaoOut(
            pagina_atual=p.pagina_atual,
            total_paginas=p.total_paginas,
            tamanho_pagina=p.tamanho_pagina,
            total_itens=p.total_itens,
        ),
    )
