"""What an installment's detail shows (catalog §3.10 Parcela, §3.11 baixas): read records, and the few
values derived from them. The status rule itself is `anil.domain.financeiro.status_parcela`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from anil.domain.contas import ComposicaoValor, ContaRegistro
from anil.domain.financeiro import StatusParcela
from anil.domain.money import total


@dataclass(frozen=True, slots=True)
class BaixaRegistro:
    id: str
    parcela_id: str
    evento_id: str
    tipo: str  # the event's: RECEITA | DESPESA
    origem: str
    versao: int
    data_pagamento: date
    composicao: ComposicaoValor
    conta_financeira_id: str
    conta: ContaRegistro | None
    metodo_pagamento: str | None
    observacao: str | None
    nsu: str | None
    atualizado_em: datetime  # naive UTC
    referencia: str  # the event's reference (choice `financeiro-referencias`)


@dataclass(frozen=True, slots=True)
class CentroRateio:
    centro_custo_id: str
    nome: str | None
    valor: Decimal


@dataclass(frozen=True, slots=True)
class RateioLinha:
    categoria_id: str
    nome_categoria: str | None
    valor: Decimal
    centros: tuple[CentroRateio, ...] = ()


@dataclass(frozen=True, slots=True)
class EventoResumo:
    id: str
    seq: int
    tipo: str
    origem: str
    referencia_id: str | None
    revisao: int
    codigo_referencia: str | None
    agendado: bool
    data_competencia: date
    quantidade_parcelas: int
    rateio: tuple[RateioLinha, ...] = ()

    @property
    def referencia(self) -> str:
        """What the event refers to: the sale or contract that made it, else the event itself
        (choice `financeiro-referencias`)."""
        return self.referencia_id or self.id


@dataclass(frozen=True, slots=True)
class ParcelaRegistro:
    id: str
    evento_id: str
    tipo: str
    versao: int
    indice: int
    conciliado: bool
    situacao: str
    composicao: ComposicaoValor
    valor_pago: Decimal
    nao_pago: Decimal
    data_pagamento: date | None
    perda_data: date | None
    perda_valor: Decimal | None
    data_vencimento: date
    data_pagamento_previsto: date | None
    descricao: str
    nota: str | None
    conta_financeira_id: str | None
    conta: ContaRegistro | None
    metodo_pagamento: str | None
    nsu: str | None
    baixa_agendada: bool
    alterado_em: datetime  # naive UTC


@dataclass(frozen=True, slots=True)
class ParcelaDetalhe:
    parcela: ParcelaRegistro
    status: StatusParcela
    evento: EventoResumo
    baixas: tuple[BaixaRegistro, ...]

    @property
    def valor_total_liquido(self) -> Decimal:
        """What the settlements moved: the sum of their net values (choice `financeiro-parcela-campos`)."""
        return total(b.composicao.valor_liquido for b in self.baixas)


@dataclass(frozen=True, slots=True)
class ParcelaAtualizada:
    """What `PATCH …/parcelas/{id}` answers: the installment as left, its new version, its account."""

    versao: int
    composicao: ComposicaoValor
    nota: str | None
    descricao: str
    data_vencimento: date
    data_pagamento_previsto: date | None
    metodo_pagamento: str | None
    perda_data: date | None
    perda_valor: Decimal | None
    nsu: str | None
    baixa_agendada: bool
    conta: ContaRegistro | None
