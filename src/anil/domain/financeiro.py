"""Rules of the financial core shared by every part of it (catalog §3.10, §3.11, §7).

An installment's status is never stored: it follows from what is stored (`situacao`, `perda`, how much
is paid) and the company's today. `status_parcela` is the rule in Python; the searches apply the same
rule in SQL (`storage.repositories.financeiro.status_sql`), and a test holds the two together.

Two vocabularies (§3.10): the installment detail says PENDENTE / QUITADO / ATRASADO / RECEBIDO_PARCIAL /
PERDIDO / CANCELADO / RENEGOCIADO; the searches say `status_traduzido` EM_ABERTO / RECEBIDO / ATRASADO /
RECEBIDO_PARCIAL / PERDIDO / RENEGOCIADO, with an English `status` beside it (PENDING, OVERDUE and
ACQUITTED are observed; the others are anil's choice, `financeiro-status-ingles`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from anil.domain.money import ZERO


class TipoEvento(StrEnum):
    RECEITA = "RECEITA"  # contas a receber
    DESPESA = "DESPESA"  # contas a pagar


class Situacao(StrEnum):
    """What is stored about an installment besides its money: the states a settlement cannot reach."""

    NORMAL = "NORMAL"
    CANCELADO = "CANCELADO"
    RENEGOCIADO = "RENEGOCIADO"


class StatusParcela(StrEnum):
    """The installment detail's vocabulary (`GET …/parcelas/{id}`, `…/{id_evento}/parcelas`)."""

    PENDENTE = "PENDENTE"  # = EM_ABERTO
    ATRASADO = "ATRASADO"
    RECEBIDO_PARCIAL = "RECEBIDO_PARCIAL"
    QUITADO = "QUITADO"  # = RECEBIDO
    PERDIDO = "PERDIDO"
    CANCELADO = "CANCELADO"
    RENEGOCIADO = "RENEGOCIADO"


# The searches' vocabulary: `status_traduzido` and the `status` filter (§3.10). CANCELADO has no
# search name: cancelled installments never appear in the searches (choice `financeiro-busca-cancelados`).
TRADUZIDO: dict[StatusParcela, str] = {
    StatusParcela.PENDENTE: "EM_ABERTO",
    StatusParcela.ATRASADO: "ATRASADO",
    StatusParcela.RECEBIDO_PARCIAL: "RECEBIDO_PARCIAL",
    StatusParcela.QUITADO: "RECEBIDO",
    StatusParcela.PERDIDO: "PERDIDO",
    StatusParcela.RENEGOCIADO: "RENEGOCIADO",
}
STATUS_BUSCA: tuple[str, ...] = (
    "PERDIDO",
    "RECEBIDO",
    "EM_ABERTO",
    "RENEGOCIADO",
    "RECEBIDO_PARCIAL",
    "ATRASADO",
)
POR_TRADUZIDO: dict[str, StatusParcela] = {v: k for k, v in TRADUZIDO.items()}

# The English `status` of the searches. PENDING, OVERDUE and ACQUITTED are observed in production
# (§3.10); the rest are anil's choice (`financeiro-status-ingles`).
INGLES: dict[StatusParcela, str] = {
    StatusParcela.PENDENTE: "PENDING",
    StatusParcela.ATRASADO: "OVERDUE",
    StatusParcela.QUITADO: "ACQUITTED",
    StatusParcela.RECEBIDO_PARCIAL: "PARTIALLY_ACQUITTED",
    StatusParcela.PERDIDO: "LOST",
    StatusParcela.RENEGOCIADO: "RENEGOTIATED",
    StatusParcela.CANCELADO: "CANCELLED",
}


def status_parcela(
    *,
    situacao: str,
    perda_valor: Decimal | None,
    valor_pago: Decimal,
    nao_pago: Decimal,
    data_vencimento: date,
    hoje: date,
) -> StatusParcela:
    """The status an installment shows today. First match wins:

    1. CANCELADO / RENEGOCIADO: the installment left the normal flow (sale cancelled, renegotiated);
    2. PERDIDO: a loss (`perda`) was registered on it;
    3. QUITADO: nothing left to pay (`nao_pago <= 0`);
    4. RECEBIDO_PARCIAL: something paid, something open, due or not (choice `financeiro-parcial-vencido`);
    5. ATRASADO: nothing paid and the due date is before the company's today;
    6. PENDENTE otherwise (due today counts as open, not late).
    """
    if situacao == Situacao.CANCELADO:
        return StatusParcela.CANCELADO
    if situacao == Situacao.RENEGOCIADO:
        return StatusParcela.RENEGOCIADO
    if perda_valor is not None:
        return StatusParcela.PERDIDO
    if nao_pago <= ZERO:
        return StatusParcela.QUITADO
    if valor_pago > ZERO:
        return StatusParcela.RECEBIDO_PARCIAL
    if data_vencimento < hoje:
        return StatusParcela.ATRASADO
    return StatusParcela.PENDENTE


@dataclass(frozen=True, slots=True)
class SaldoParcela:
    """What settlements leave on an installment: the stored money columns they maintain."""

    valor_pago: Decimal
    nao_pago: Decimal
    data_pagamento: date | None


def saldo_parcela(valor_bruto: Decimal, baixas: list[tuple[date, Decimal]]) -> SaldoParcela:
    """`valor_pago = Σ baixas.valor_bruto`, `nao_pago = valor_bruto − valor_pago` (never below zero is
    *not* enforced here: overpaying is refused by the settlement rule), `data_pagamento` = latest day."""
    pago = sum((valor for _, valor in baixas), ZERO)
    ultima = max((dia for dia, _ in baixas), default=None)
    return SaldoParcela(valor_pago=pago, nao_pago=valor_bruto - pago, data_pagamento=ultima)
