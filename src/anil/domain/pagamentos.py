"""Payment enumerations shared across groups (catalog §2.13): one definition each.

- «TIPO_PAGAMENTO_VENDA»: sales' and contracts' `tipo_pagamento`, with the older and the n8n node's
  spellings accepted and stored as the current ones;
- «METODO_PAGAMENTO_FIN»: the financial group's 22 `metodo_pagamento`; baixas are written with its
  first 14 (provider `acquittance`) and read with all of them.
"""

from __future__ import annotations

TIPOS_DESCONTO = ("PORCENTAGEM", "VALOR")

TIPOS_PAGAMENTO_VENDA: tuple[str, ...] = (
    "BOLETO_BANCARIO",
    "CARTAO_CREDITO",
    "CARTAO_DEBITO",
    "CARTEIRA_DIGITAL",
    "CASHBACK",
    "CHEQUE",
    "CREDITO_LOJA",
    "CREDITO_VIRTUAL",
    "DEPOSITO_BANCARIO",
    "DINHEIRO",
    "OUTRO",
    "DEBITO_AUTOMATICO",
    "LINK_PAGAMENTO",
    "PIX_PAGAMENTO_INSTANTANEO",
    "COBRANCA_PIX",
    "PROGRAMA_FIDELIDADE",
    "SEM_PAGAMENTO",
    "TRANSFERENCIA_BANCARIA",
    "VALE_ALIMENTACAO",
    "VALE_COMBUSTIVEL",
    "VALE_PRESENTE",
    "VALE_REFEICAO",
)
# Accepted spellings → the one stored and shown (the older contracts revision, the n8n node, and the
# sale GET's name before 2026-01-29).
SINONIMOS_PAGAMENTO_VENDA: dict[str, str] = {
    "CARTAO_CREDITO_VIA_LINK": "LINK_PAGAMENTO",
    "PIX_COBRANCA": "COBRANCA_PIX",
    "PAGAMENTO_INSTANTANEO": "PIX_PAGAMENTO_INSTANTANEO",
}

METODOS_PAGAMENTO_FIN: tuple[str, ...] = (
    "DINHEIRO",
    "CARTAO_CREDITO",
    "BOLETO_BANCARIO",
    "CARTAO_CREDITO_VIA_LINK",
    "CHEQUE",
    "CARTAO_DEBITO",
    "TRANSFERENCIA_BANCARIA",
    "OUTRO",
    "CARTEIRA_DIGITAL",
    "CASHBACK",
    "CREDITO_LOJA",
    "CREDITO_VIRTUAL",
    "DEPOSITO_BANCARIO",
    "PIX_PAGAMENTO_INSTANTANEO",
    "PROGRAMA_FIDELIDADE",
    "SEM_PAGAMENTO",
    "VALE_ALIMENTACAO",
    "VALE_COMBUSTIVEL",
    "VALE_PRESENTE",
    "VALE_REFEICAO",
    "PIX_COBRANCA",
    "DEBITO_AUTOMATICO",
)
METODOS_PAGAMENTO_BAIXA: tuple[str, ...] = METODOS_PAGAMENTO_FIN[:14]
