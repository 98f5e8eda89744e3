"""Wire models of installments (catalog §3.10 Parcela, provider `financial`): the detail (also the items of
`GET …/{id_evento}/parcelas`), the PATCH body and its answer.

What anil has no data for yet answers empty or null (choice `financeiro-parcela-campos`): `anexos` and
`solicitacoes_cobrancas` `[]` (the API cannot attach files; cobranças come later), `fatura`,
`renegociacao` and the payment-request ids null.
"""

from __future__ import annotations

from datetime import date

from pydantic import TypeAdapter

from anil.domain.baixas import ComposicaoEntrada, ParcelaAlteracao, PerdaEntrada
from anil.domain.contas import ContaRegistro
from anil.domain.parcelas import EventoResumo, ParcelaAtualizada, ParcelaDetalhe
from anil.schemas.baixas import (
    BaixaDaParcela,
    ComposicaoIn,
    ValorComposicao,
    baixa_da_parcela,
    valor_composicao,
)
from anil.schemas.common import In, Money, Wire, carimbo
from anil.schemas.contas import ContaFinanceira, conta

# ------------------------------------------------------------------------------------------ input ----


class PerdaIn(In):
    data: date | None = None
    valor: Money | None = None


class ParcelaPatchIn(In):
    """`PATCH …/parcelas/{id}`, in the provider's order; a null counts as sent (it clears)."""

    nota: str | None = None
    descricao: str | None = None
    vencimento: date | None = None
    composicao_valor: ComposicaoIn | None = None
    versao: int | None = None
    data_pagamento_esperado: date | None = None
    metodo_pagamento: str | None = None
    perda: PerdaIn | None = None
    nsu: str | None = None
    pagamento_agendado: bool | None = None
    id_conta_financeira: str | None = None

    def alteracao(self) -> ParcelaAlteracao:
        composicao: ComposicaoEntrada | None = (
            self.composicao_valor.entrada() if self.composicao_valor else None
        )
        return ParcelaAlteracao(
            versao=self.versao,
            composicao_valor=composicao,
            nota=self.nota,
            descricao=self.descricao,
            vencimento=self.vencimento,
            data_pagamento_esperado=self.data_pagamento_esperado,
            metodo_pagamento=self.metodo_pagamento,
            perda=PerdaEntrada(self.perda.data, self.perda.valor) if self.perda is not None else None,
            nsu=self.nsu,
            pagamento_agendado=self.pagamento_agendado,
            id_conta_financeira=self.id_conta_financeira,
            enviados=frozenset(self.model_fields_set),
        )


# ----------------------------------------------------------------------------------------- output ----


class Perda(Wire):
    data: date
    valor: Money


class CondicaoPagamento(Wire):
    quantidade_parcelas: int
    montante_fixo: bool


class ReferenciaEvento(Wire):
    id: str
    revisao: str  # the provider types it as a string ("1")
    origem: str


class CentroRateio(Wire):
    id_centro_custo: str
    nome_centro_custo: str | None
    valor: Money


class Rateio(Wire):
    id_categoria: str
    nome_categoria: str | None
    valor: Money
    valor_bruto: Money
    rateio_centro_custo: list[CentroRateio]


class Evento(Wire):
    id: str
    data_competencia: date
    tipo: str
    agendado: bool
    codigo_referencia: str | None
    condicao_pagamento: CondicaoPagamento
    referencia: ReferenciaEvento
    rateio: list[Rateio]


class Parcela(Wire):
    evento: Evento
    id: str
    versao: int
    referencia: str
    indice: int
    conciliado: bool
    status: str
    valor_pago: Money
    perda: Perda | None
    nao_pago: Money
    data_vencimento: date
    data_pagamento_previsto: date | None
    descricao: str
    nota: str | None
    conta_financeira: ContaFinanceira | None
    id_conta_financeira: str | None
    valor_composicao: ValorComposicao
    metodo_pagamento: str | None
    nsu: str | None
    baixa_agendada: bool
    baixas: list[BaixaDaParcela]
    anexos: list[dict[str, object]]
    solicitacoes_cobrancas: list[dict[str, object]]
    id_ultima_solicitacao_pagamento: str | None = None
    id_boleto_bancario_autorizado: str | None = None
    fatura: dict[str, object] | None = None
    data_alteracao: str
    valor_total_liquido: Money
    id_ultimo_solicitacao_cobranca: str | None = None
    renegociacao: dict[str, object] | None = None


PARCELAS = TypeAdapter(list[Parcela])


class ContaResumida(Wire):
    """`conta_financeira` of the PATCH answer."""

    id: str
    versao: int
    nome: str
    agencia: str | None
    numero: str | None
    tipo: str
    banco: str


class ParcelaAtualizadaOut(Wire):
    """The PATCH answer: the fields as left, the new `versao`, the account."""

    nota: str | None
    descricao: str
    vencimento: date
    composicao_valor: ValorComposicao
    versao: int
    data_pagamento_esperado: date | None
    metodo_pagamento: str | None
    perda: Perda | None
    nsu: str | None
    pagamento_agendado: bool
    conta_financeira: ContaResumida | None


# Accounts carry no version of their own (Conta Azul's API cannot edit them): always this.
VERSAO_CONTA = 0


def _evento(evento: EventoResumo) -> Evento:
    return Evento(
        id=evento.id,
        data_competencia=evento.data_competencia,
        tipo=evento.tipo,
        agendado=evento.agendado,
        codigo_referencia=evento.codigo_referencia,
        condicao_pagamento=CondicaoPagamento(
            quantidade_parcelas=evento.quantidade_parcelas, montante_fixo=False
        ),
        referencia=ReferenciaEvento(id=evento.referencia, revisao=str(evento.revisao), origem=evento.origem),
        rateio=[
            Rateio(
                id_categoria=linha.categoria_id,
                nome_categoria=linha.nome_categoria,
                valor=linha.valor,
                valor_bruto=linha.valor,
                rateio_centro_custo=[
                    CentroRateio(id_centro_custo=c.centro_custo_id, nome_centro_custo=c.nome, valor=c.valor)
                    for c in linha.centros
                ],
            )
            for linha in evento.rateio
        ],
    )


def _perda(data: date | None, valor: object) -> Perda | None:
    if data is None or valor is None:
        return None
    return Perda(data=data, valor=valor)  # type: ignore[arg-type]


def parcela(detalhe: ParcelaDetalhe, evento: Evento | None = None) -> Parcela:
    p = detalhe.parcela
    return Parcela(
        evento=evento or _evento(detalhe.evento),
        id=p.id,
        versao=p.versao,
        referencia=detalhe.evento.referencia,
        indice=p.indice,
        conciliado=p.conciliado,
        status=detalhe.status.value,
        valor_pago=p.valor_pago,
        perda=_perda(p.perda_data, p.perda_valor),
        nao_pago=p.nao_pago,
        data_vencimento=p.data_vencimento,
        data_pagamento_previsto=p.data_pagamento_previsto,
        descricao=p.descricao,
        nota=p.nota,
        conta_financeira=conta(p.conta) if p.conta is not None else None,
        id_conta_financeira=p.conta_financeira_id,
        valor_composicao=valor_composicao(p.composicao),
        metodo_pagamento=p.metodo_pagamento,
        nsu=p.nsu,
        baixa_agendada=p.baixa_agendada,
        baixas=[baixa_da_parcela(b) for b in detalhe.baixas],
        anexos=[],
        solicitacoes_cobrancas=[],
        data_alteracao=carimbo(p.alterado_em),
        valor_total_liquido=detalhe.valor_total_liquido,
    )


def parcelas(detalhes: list[ParcelaDetalhe]) -> list[Parcela]:
    """The event's installments; the event part is built once and shared."""
    if not detalhes:
        return []
    evento = _evento(detalhes[0].evento)
    return [parcela(d, evento) for d in detalhes]


def _conta_resumida(registro: ContaRegistro) -> ContaResumida:
    return ContaResumida(
        id=registro.id,
        versao=VERSAO_CONTA,
        nome=registro.nome,
        agencia=registro.agencia,
        numero=registro.numero,
        tipo=registro.tipo,
        banco=registro.banco,
    )


def atualizada(resultado: ParcelaAtualizada) -> ParcelaAtualizadaOut:
    return ParcelaAtualizadaOut(
        nota=resultado.nota,
        descricao=resultado.descricao,
        vencimento=resultado.data_vencimento,
        composicao_valor=valor_composicao(resultado.composicao),
        versao=resultado.versao,
        data_pagamento_esperado=resultado.data_pagamento_previsto,
        metodo_pagamento=resultado.metodo_pagamento,
        perda=_perda(resultado.perda_data, resultado.perda_valor),
        nsu=resultado.nsu,
        pagamento_agendado=resultado.baixa_agendada,
        conta_financeira=_conta_resumida(resultado.conta) if resultado.conta is not None else None,
    )
