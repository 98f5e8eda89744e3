"""Wire models of settlements (baixas, catalog §3.11, provider `acquittance`).

Written with `composicao_valor`, read with `valor_composicao` (the provider's own two names). The write
answer (POST, PATCH) is the provider's short shape; reads (GET by id, by installment) the long one, and
the installment detail embeds the long one with the account as an object.
"""

from __future__ import annotations

from datetime import date

from pydantic import TypeAdapter

from anil.domain.baixas import BaixaAlteracao, BaixaEntrada, ComposicaoEntrada
from anil.domain.contas import ComposicaoValor
from anil.domain.parcelas import BaixaRegistro
from anil.schemas.common import In, Money, Wire, carimbo
from anil.schemas.contas import ContaFinanceira, conta

# ------------------------------------------------------------------------------------------ input ----


class ComposicaoIn(In):
    """`composicao_valor` of a write body; a sent `valor_liquido` is not read (it is derived)."""

    multa: Money | None = None
    juros: Money | None = None
    valor_bruto: Money | None = None
    valor_liquido: Money | None = None
    desconto: Money | None = None
    taxa: Money | None = None

    def entrada(self) -> ComposicaoEntrada:
        return ComposicaoEntrada(
            valor_bruto=self.valor_bruto,
            multa=self.multa,
            juros=self.juros,
            desconto=self.desconto,
            taxa=self.taxa,
        )


class BaixaIn(In):
    """`POST …/parcelas/{parcela_id}/baixa`."""

    data_pagamento: date | None = None
    composicao_valor: ComposicaoIn | None = None
    conta_financeira: str | None = None
    metodo_pagamento: str | None = None
    observacao: str | None = None
    nsu: str | None = None

    def entrada(self) -> BaixaEntrada:
        return BaixaEntrada(
            data_pagamento=self.data_pagamento,
            composicao_valor=self.composicao_valor.entrada() if self.composicao_valor else None,
            conta_financeira=self.conta_financeira,
            metodo_pagamento=self.metodo_pagamento,
            observacao=self.observacao,
            nsu=self.nsu,
        )


class BaixaPatchIn(In):
    """`PATCH …/parcelas/baixa/{baixa_id}`: only the sent fields change."""

    versao: int | None = None
    data_pagamento: date | None = None
    composicao_valor: ComposicaoIn | None = None
    conta_financeira: str | None = None
    metodo_pagamento: str | None = None
    observacao: str | None = None
    nsu: str | None = None

    def alteracao(self) -> BaixaAlteracao:
        return BaixaAlteracao(
            versao=self.versao,
            data_pagamento=self.data_pagamento,
            composicao_valor=self.composicao_valor.entrada() if self.composicao_valor else None,
            conta_financeira=self.conta_financeira,
            metodo_pagamento=self.metodo_pagamento,
            observacao=self.observacao,
            nsu=self.nsu,
            enviados=frozenset(self.model_fields_set),
        )


# ----------------------------------------------------------------------------------------- output ----


class ComposicaoBaixa(Wire):
    """`composicao_valor` of the write answer (the provider lists no `valor_liquido` there)."""

    multa: Money
    juros: Money
    valor_bruto: Money
    desconto: Money
    taxa: Money


class ValorComposicao(Wire):
    """`valor_composicao` of reads, with the derived net value."""

    multa: Money
    juros: Money
    valor_bruto: Money
    desconto: Money
    taxa: Money
    valor_liquido: Money


class BaixaEscrita(Wire):
    """The answer of POST and PATCH."""

    id: str
    versao: int
    data_pagamento: date
    composicao_valor: ComposicaoBaixa
    conta_financeira: str
    metodo_pagamento: str | None
    observacao: str | None
    nsu: str | None


class _BaixaLida(Wire):
    id: str
    versao: int
    data_pagamento: date
    valor_composicao: ValorComposicao
    id_reconciliacao: str | None = None
    id_parcela: str
    id_solicitacao_cobranca: str | None = None
    observacao: str | None
    metodo_pagamento: str | None
    origem: str
    id_recibo_digital: str | None = None
    tipo_evento_financeiro: str
    nsu: str | None
    id_referencia: str
    atualizado_em: str
    anexos: list[dict[str, object]]


class Baixa(_BaixaLida):
    """`GET …/parcelas/baixa/{id}` and the items of `GET …/parcelas/{parcela_id}/baixa`."""

    conta_financeira: str


class BaixaDaParcela(_BaixaLida):
    """`baixas[]` of the installment detail: the account as an object."""

    conta_financeira: ContaFinanceira | None


BAIXAS = TypeAdapter(list[Baixa])


def valor_composicao(composicao: ComposicaoValor) -> ValorComposicao:
    return ValorComposicao(
        multa=composicao.multa,
        juros=composicao.juros,
        valor_bruto=composicao.valor_bruto,
        desconto=composicao.desconto,
        taxa=composicao.taxa,
        valor_liquido=composicao.valor_liquido,
    )


def escrita(registro: BaixaRegistro) -> BaixaEscrita:
    c = registro.composicao
    return BaixaEscrita(
        id=registro.id,
        versao=registro.versao,
        data_pagamento=registro.data_pagamento,
        composicao_valor=ComposicaoBaixa(
            multa=c.multa, juros=c.juros, valor_bruto=c.valor_bruto, desconto=c.desconto, taxa=c.taxa
        ),
        conta_financeira=registro.conta_financeira_id,
        metodo_pagamento=registro.metodo_pagamento,
        observacao=registro.observacao,
        nsu=registro.nsu,
    )


def _lida(registro: BaixaRegistro) -> dict[str, object]:
    return {
        "id": registro.id,
        "versao": registro.versao,
        "data_pagamento": registro.data_pagamento,
        "valor_composicao": valor_composicao(registro.composicao),
        "id_parcela": registro.parcela_id,
        "observacao": registro.observacao,
        "metodo_pagamento": registro.metodo_pagamento,
        "origem": registro.origem,
        "tipo_evento_financeiro": registro.tipo,
        "nsu": registro.nsu,
        "id_referencia": registro.referencia,
        "atualizado_em": carimbo(registro.atualizado_em),
        "anexos": [],
    }


def baixa(registro: BaixaRegistro) -> Baixa:
    return Baixa(**_lida(registro), conta_financeira=registro.conta_financeira_id)  # type: ignore[arg-type]


def baixa_da_parcela(registro: BaixaRegistro) -> BaixaDaParcela:
    return BaixaDaParcela(
        **_lida(registro),  # type: ignore[arg-type]
        conta_financeira=conta(registro.conta) if registro.conta is not None else None,
    )
