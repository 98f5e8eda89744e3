"""`/v1/orcamentos` wire models (catalog §3.5, Appendix A.8), field names exactly as the API, and their
mapping to and from the neutral records of `anil.domain.orcamentos`.

Request fields are all optional at the type level: which ones are required, and in which order the API
reports them, is a domain rule (`validar`). Answers leave out the optional fields a proposal does not have
(no `null`s: the Go service behind this group omits empty fields, as the sellers list omits `id_legado`;
choice `orcamento-campos-ausentes`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import PlainSerializer

from anil.domain.orcamentos import ItemEntrada, OrcamentoEntrada, OrcamentoRegistro
from anil.schemas.common import In, Money, Wire, carimbo


def _numero(value: Decimal) -> float | int:
    integral = value.to_integral_value()
    return int(integral) if value == integral else float(value.normalize())


Numero = Annotated[Decimal, PlainSerializer(_numero, return_type=float | int, when_used="json")]

# ------------------------------------------------------------------------------------------ input ----


class ItemIn(In):
    id: str | None = None
    quantidade: Decimal | None = None
    valor: Money | None = None
    valor_custo: Money | None = None
    descricao: str | None = None


class DescontoIn(In):
    tipo: str | None = None
    valor: Decimal | None = None


class ComposicaoIn(In):
    frete: Money | None = None
    desconto: DescontoIn | None = None


class OrcamentoIn(In):
    """Body of `POST /v1/orcamentos` (`CriarOrcamento`); `numero` and `situacao` are not fields of it."""

    id_cliente: str | None = None
    data_orcamento: str | None = None
    data_validade: str | None = None
    itens: list[ItemIn] | None = None
    id_vendedor: str | None = None
    descricao: str | None = None
    previsao_entrega: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    composicao_de_valor: ComposicaoIn | None = None

    def entrada(self) -> OrcamentoEntrada:
        composicao = self.composicao_de_valor
        desconto = composicao.desconto if composicao is not None else None
        return OrcamentoEntrada(
            id_cliente=self.id_cliente,
            data_orcamento=self.data_orcamento,
            data_validade=self.data_validade,
            itens=(
                None
                if self.itens is None
                else [
                    ItemEntrada(i.id, i.quantidade, i.valor, i.valor_custo, i.descricao) for i in self.itens
                ]
            ),
            id_vendedor=self.id_vendedor,
            descricao=self.descricao,
            previsao_entrega=self.previsao_entrega,
            observacoes=self.observacoes,
            observacoes_pagamento=self.observacoes_pagamento,
            frete=composicao.frete if composicao is not None else None,
            desconto_enviado=desconto is not None,
            desconto_tipo=desconto.tipo if desconto is not None else None,
            desconto_valor=desconto.valor if desconto is not None else None,
        )


class ExclusaoIn(In):
    """`{"ids": [uuid…]}` of `DELETE /v1/orcamentos` (`ExclusaoLoteOrcamento`)."""

    ids: list[str] | None = None


# ----------------------------------------------------------------------------------------- output ----


class OrcamentoCriado(Wire):
    """`ResumoCriacaoOrcamento`: the 201 of `POST /v1/orcamentos`."""

    id: str


class DescontoOut(Wire):
    tipo: str
    valor: Numero


class ComposicaoOut(Wire):
    frete: Money
    desconto: DescontoOut | None = None


class ItemOut(Wire):
    id: str
    nome: str
    descricao: str | None = None
    tipo: str
    quantidade: Numero
    valor: Money
    custo: Money | None = None


class Orcamento(Wire):
    """`GET /v1/orcamentos/{id}` (`Orcamento`)."""

    id: str
    numero: int
    situacao: str
    versao: int
    data_orcamento: str
    data_validade: str
    descricao: str | None = None
    id_cliente: str
    id_vendedor: str | None = None
    previsao_entrega: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    composicao_de_valor: ComposicaoOut
    itens: list[ItemOut]


class ClienteOut(Wire):
    id: str
    nome: str | None = None
    email: str | None = None


class OrcamentoItemLista(Wire):
    """One item of `GET /v1/orcamentos` (`ItemOrcamentoPorFiltro`)."""

    id: str
    numero: int
    data_orcamento: str
    data_criacao: str
    data_alteracao: str
    situacao: str
    itens: str
    total: Money
    versao: int
    origem: str
    id_contrato: str | None = None
    cliente: ClienteOut


class OrcamentosPage(Wire):
    """`{itens, total_itens}` (`ListagemOrcamentosPorFiltro`)."""

    itens: list[OrcamentoItemLista]
    total_itens: int


# ---------------------------------------------------------------------------------------- builders ----


def orcamento(o: OrcamentoRegistro, *, trocar_observacoes: bool) -> Orcamento:
    """The detail; with `trocar_observacoes` the two observation fields come back swapped, as production
    answers them (choice `orcamento-observacoes-trocadas`)."""
    observacoes, pagamento = o.observacoes, o.observacoes_pagamento
    if trocar_observacoes:
        observacoes, pagamento = pagamento, observacoes
    desconto = (
        DescontoOut(tipo=o.desconto_tipo, valor=o.desconto_taxa)
        if o.desconto_tipo is not None and o.desconto_taxa is not None
        else None
    )
    return Orcamento(
        id=o.id,
        numero=o.numero,
        situacao=o.situacao,
        versao=o.versao,
        data_orcamento=o.data_orcamento.isoformat(),
        data_validade=o.data_validade.isoformat(),
        descricao=o.descricao,
        id_cliente=o.id_cliente,
        id_vendedor=o.id_vendedor,
        previsao_entrega=o.previsao_entrega,
        observacoes=observacoes,
        observacoes_pagamento=pagamento,
        composicao_de_valor=ComposicaoOut(frete=o.frete, desconto=desconto),
        itens=[
            ItemOut(
                id=i.item_id,
                nome=i.nome,
                descricao=i.descricao,
                tipo=i.tipo,
                quantidade=i.quantidade,
                valor=i.valor,
                custo=i.custo,
            )
            for i in o.itens
        ],
    )


def item_lista(o: OrcamentoRegistro) -> OrcamentoItemLista:
    cliente = o.cliente
    return OrcamentoItemLista(
        id=o.id,
        numero=o.numero,
        data_orcamento=o.data_orcamento.isoformat(),
        data_criacao=carimbo(o.criado_em),  # type: ignore[arg-type]
        data_alteracao=carimbo(o.alterado_em),  # type: ignore[arg-type]
        situacao=o.situacao,
        itens=o.itens_tipo,
        total=o.total,
        versao=o.versao,
        origem=o.origem,
        id_contrato=o.id_contrato,
        cliente=ClienteOut(
            id=o.id_cliente,
            nome=cliente.nome if cliente is not None else None,
            email=cliente.email if cliente is not None else None,
        ),
    )


def pagina(total: int, orcamentos: list[OrcamentoRegistro]) -> OrcamentosPage:
    return OrcamentosPage(itens=[item_lista(o) for o in orcamentos], total_itens=total)


def to_json(model: Wire) -> bytes:
    """Without the fields a proposal does not have (choice `orcamento-campos-ausentes`)."""
    return model.__pydantic_serializer__.to_json(model, exclude_none=True)


def controle_json(o: OrcamentoRegistro) -> dict[str, Any]:
    """What `/_anil/companies/{id}/orcamentos/{id}/situacao` answers: the stored fields, unswapped."""
    return {"id": o.id, "numero": o.numero, "situacao": o.situacao, "versao": o.versao}
