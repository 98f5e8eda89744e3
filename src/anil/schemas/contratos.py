"""Wire shapes of `/v1/contratos` (catalog §3.6, Appendix A.6; the older create shape of A.7).

The create body has every field optional here: the domain reports the first missing one, in Portuguese.
Answers leave absent values out (the provider file types them as plain strings, objects and numbers, as a
Go service with `omitempty` writes them).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import Field

from anil.domain.contratos import ContratoEntrada, ItemEntrada
from anil.schemas.common import In, Money, Wire

# --------------------------------------------------------------------------------------- create ----


class ItemIn(In):
    id: str | None = None
    quantidade: Decimal | None = None
    valor: Decimal | None = None
    descricao: str | None = None
    valor_custo: Decimal | None = None

    def entrada(self) -> ItemEntrada:
        return ItemEntrada(self.id, self.quantidade, self.valor, self.descricao, self.valor_custo)


class TermosIn(In):
    numero: int | None = None
    data_inicio: date | None = None
    data_fim: date | None = None
    dia_emissao_venda: int | None = None
    intervalo_frequencia: int | None = None
    tipo_frequencia: str | None = None
    tipo_expiracao: str | None = None
    itens: list[ItemIn] | None = None  # a common mistake production answers with its own message


class CondicaoPagamentoIn(In):
    tipo_pagamento: str | None = None
    dia_vencimento: int | None = None
    primeira_data_vencimento: date | None = None
    id_conta_financeira: str | None = None
    observacoes_pagamento: str | None = None  # dropped, as production does


class DescontoIn(In):
    tipo: str | None = None
    valor: Decimal | None = None


class ComposicaoIn(In):
    frete: Decimal | None = None
    desconto: DescontoIn | None = None


class ContratoIn(In):
    id_cliente: str | None = None
    termos: TermosIn | None = None
    condicao_pagamento: CondicaoPagamentoIn | None = None
    itens: list[ItemIn] | None = None
    composicao_de_valor: ComposicaoIn | None = None
    id_categoria: str | None = None
    id_centro_custo: str | None = None
    id_vendedor: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    data_emissao: date | None = None  # the older revision (A.7)

    def entrada(self) -> ContratoEntrada:
        termos = self.termos or TermosIn()
        condicao = self.condicao_pagamento or CondicaoPagamentoIn()
        composicao = self.composicao_de_valor or ComposicaoIn()
        desconto = composicao.desconto
        return ContratoEntrada(
            id_cliente=self.id_cliente,
            termos=self.termos is not None,
            numero=termos.numero,
            data_inicio=termos.data_inicio,
            data_fim=termos.data_fim,
            dia_emissao_venda=termos.dia_emissao_venda,
            intervalo_frequencia=termos.intervalo_frequencia,
            tipo_frequencia=termos.tipo_frequencia,
            tipo_expiracao=termos.tipo_expiracao,
            condicao_pagamento=self.condicao_pagamento is not None,
            tipo_pagamento=condicao.tipo_pagamento,
            dia_vencimento=condicao.dia_vencimento,
            primeira_data_vencimento=condicao.primeira_data_vencimento,
            id_conta_financeira=condicao.id_conta_financeira,
            itens=tuple(item.entrada() for item in self.itens) if self.itens is not None else None,
            itens_em_termos=termos.itens is not None,
            frete=composicao.frete,
            desconto=desconto is not None,
            desconto_tipo=desconto.tipo if desconto is not None else None,
            desconto_valor=desconto.valor if desconto is not None else None,
            id_categoria=self.id_categoria,
            id_centro_custo=self.id_centro_custo,
            id_vendedor=self.id_vendedor,
            observacoes=self.observacoes,
            observacoes_pagamento=self.observacoes_pagamento,
            data_emissao=self.data_emissao,
        )


class ContratoCriado(Wire):
    """201 `{id, id_legado}`; `id_venda` (the first scheduled sale) only with quirks off (production left
    it out, the spec documents it; choice `contrato-criado`)."""

    id: str
    id_legado: int
    id_venda: str | None = None


# ----------------------------------------------------------------------------------------- reads ----


class Referencia(Wire):
    id: str
    nome: str | None = None


class ContaReferencia(Wire):
    id: str
    tipo: str | None = None


class TermosItem(Wire):
    data_fim: date
    tipo_expiracao: str
    vigencia_atual: int
    vigencia_total: int


class ContratoItem(Wire):
    cliente: Referencia
    conta_financeira: ContaReferencia | None = None
    data_inicio: date
    id: str
    numero: int
    proximo_vencimento: date | None = None
    status: str
    termos: TermosItem
    tipo_pagamento: str
    total: Money
    total_proximo_vencimento: Money | None = None


class ContratosPage(Wire):
    itens: list[ContratoItem]
    itens_totais: int


class ComposicaoValor(Wire):
    desconto: Money
    frete: Money
    valor_bruto: Money
    valor_impostos_servico: Money
    valor_liquido: Money


class CondicaoPagamento(Wire):
    dia_vencimento: int
    nome_conta_financeira: str | None = None
    observacoes_pagamento: str | None = None
    tipo_pagamento: str


class ConfiguracaoRecorrencia(Wire):
    vigencia_restante: int
    vigencia_total: int


class Termos(Wire):
    data_fim: date
    data_inicio: date
    dia_emissao_venda: int
    intervalo_frequencia: int
    numero: int
    tipo_expiracao: str
    tipo_frequencia: str


class Contrato(Wire):
    cliente: Referencia
    composicao_valor: ComposicaoValor
    condicao_pagamento: CondicaoPagamento
    configuracao_recorrencia: ConfiguracaoRecorrencia
    data_proxima_emissao: date | None = None
    data_proximo_vencimento: date | None = None
    data_ultima_emissao: date | None = None
    id: str
    id_proxima_venda_agendada: str
    id_ultima_venda_confirmada: str
    observacoes: str | None = None
    status: str
    termos: Termos
    vendedor: Referencia | None = Field(default=None)


def to_json(model: Wire) -> bytes:
    """Absent values left out (module docstring)."""
    return model.__pydantic_serializer__.to_json(model, exclude_none=True)
