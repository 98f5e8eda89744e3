"""Wire shapes of `POST …/contas-a-receber` and `…/contas-a-pagar` (catalog §3.10): the create body
(every field optional here: the domain reports the first missing one, in Portuguese) and the 202."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from anil.domain.eventos import (
    CentroEntrada,
    DetalheValorEntrada,
    EventoEntrada,
    ParcelaEntrada,
    RateioEntrada,
)
from anil.schemas.common import In, Money, Wire


class CentroIn(In):
    id_centro_custo: str | None = None
    valor: Money | None = None

    def entrada(self) -> CentroEntrada:
        return CentroEntrada(self.id_centro_custo, self.valor)


class RateioIn(In):
    id_categoria: str | None = None
    valor: Money | None = None
    rateio_centro_custo: list[CentroIn] | None = None

    def entrada(self) -> RateioEntrada:
        centros = None
        if self.rateio_centro_custo is not None:
            centros = tuple(c.entrada() for c in self.rateio_centro_custo)
        return RateioEntrada(self.id_categoria, self.valor, centros)


class DetalheValorIn(In):
    multa: Money | None = None
    juros: Money | None = None
    valor_bruto: Money | None = None
    valor_liquido: Money | None = None
    desconto: Money | None = None
    taxa: Money | None = None

    def entrada(self) -> DetalheValorEntrada:
        return DetalheValorEntrada(**self.model_dump())


class ParcelaIn(In):
    descricao: str | None = None
    data_vencimento: date | None = None
    nota: str | None = None
    conta_financeira: str | None = None
    detalhe_valor: DetalheValorIn | None = None
    metodo_pagamento: str | None = None

    def entrada(self) -> ParcelaEntrada:
        return ParcelaEntrada(
            descricao=self.descricao,
            data_vencimento=self.data_vencimento,
            nota=self.nota,
            conta_financeira=self.conta_financeira,
            detalhe_valor=self.detalhe_valor.entrada() if self.detalhe_valor is not None else None,
            metodo_pagamento=self.metodo_pagamento,
        )


class CondicaoPagamentoIn(In):
    parcelas: list[ParcelaIn] | None = None


class EventoIn(In):
    data_competencia: date | None = None
    valor: Money | None = None
    observacao: str | None = None
    descricao: str | None = None
    contato: str | None = None
    conta_financeira: str | None = None
    rateio: list[RateioIn] | None = None
    condicao_pagamento: CondicaoPagamentoIn | None = None

    def entrada(self) -> EventoEntrada:
        condicao = self.condicao_pagamento
        parcelas = None
        if condicao is not None and condicao.parcelas is not None:
            parcelas = tuple(p.entrada() for p in condicao.parcelas)
        return EventoEntrada(
            data_competencia=self.data_competencia,
            valor=self.valor,
            observacao=self.observacao,
            descricao=self.descricao,
            contato=self.contato,
            conta_financeira=self.conta_financeira,
            rateio=tuple(r.entrada() for r in self.rateio) if self.rateio is not None else None,
            condicao_pagamento=condicao is not None,
            parcelas=parcelas,
        )


class ProtocoloCriado(Wire):
    """The 202: the provider file's keys (`protocolo`, `data_criacao`) and the mock's (`protocolId`,
    `createdAt`), both (§3.10)."""

    protocolo: str
    protocol_id: str = Field(serialization_alias="protocolId")
    status: str
    data_criacao: str
    created_at: str = Field(serialization_alias="createdAt")
