"""Orçamentos (proposals): the rules of `/v1/orcamentos` (catalog §3.5, Appendix A.8), free of storage
and HTTP.

A proposal is created with a client, a date, a validity date and at least one product or service line;
`numero` comes from the sales counter and `situacao` always starts `ORCAMENTO`. Its total is
Σ(quantidade × valor) − desconto (PORCENTAGEM of the gross or a VALOR) + frete, in Decimal. Nothing a
proposal does moves stock or money. Validation reports one field at a time, in the order of the
catalog's body (`id_cliente`, `data_orcamento`, `data_validade`, `itens`, then the optional fields).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from anil.domain.money import ZERO, quantize
from anil.errors import InvalidInput

ORCAMENTO, ACEITO, RECUSADO = "ORCAMENTO", "ORCAMENTO_ACEITO", "ORCAMENTO_RECUSADO"
SITUACOES = (ORCAMENTO, ACEITO, RECUSADO)
# The lifecycle (anil's sandbox control moves it; the public API cannot): a proposal is accepted or
# refused; a refused one can be reopened; an accepted one stays accepted (choice `orcamento-situacao`).
TRANSICOES: dict[str, frozenset[str]] = {
    ORCAMENTO: frozenset({ACEITO, RECUSADO}),
    RECUSADO: frozenset({ORCAMENTO}),
    ACEITO: frozenset(),
}
PRODUTO, SERVICO, PRODUTO_E_SERVICO = "PRODUTO", "SERVICO", "PRODUTO_E_SERVICO"
PORCENTAGEM, VALOR = "PORCENTAGEM", "VALOR"
TIPOS_DESCONTO = (PORCENTAGEM, VALOR)
ORDENACOES = ("DATA", "NUMERO", "CLIENTE")
ORIGEM_API = "API"

NAO_ENCONTRADO = "Orçamento não encontrado com o ID informado"
VALOR_MAXIMO = Decimal("9999999999999.99")  # NUMERIC(15, 2)
QUANTIDADE_MAXIMA = Decimal("99999999999.9999")  # NUMERIC(15, 4)
TEXTO_MAXIMO = 5000
_QUATRO_CASAS = Decimal("0.0001")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DATA = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ------------------------------------------------------------------------------------------ input ----


@dataclass
class ItemEntrada:
    id: str | None = None
    quantidade: Decimal | None = None
    valor: Decimal | None = None
    valor_custo: Decimal | None = None
    descricao: str | None = None


@dataclass
class OrcamentoEntrada:
    """What a client sent, unchecked."""

    id_cliente: str | None = None
    data_orcamento: str | None = None
    data_validade: str | None = None
    itens: list[ItemEntrada] | None = None
    id_vendedor: str | None = None
    descricao: str | None = None
    previsao_entrega: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    frete: Decimal | None = None
    desconto_enviado: bool = False
    desconto_tipo: str | None = None
    desconto_valor: Decimal | None = None


@dataclass(frozen=True)
class ItemValido:
    id: str
    quantidade: Decimal
    valor: Decimal
    valor_custo: Decimal | None
    descricao: str | None


@dataclass(frozen=True)
class OrcamentoValido:
    id_cliente: str
    data_orcamento: date
    data_validade: date
    itens: tuple[ItemValido, ...]
    id_vendedor: str | None
    descricao: str | None
    previsao_entrega: str | None
    observacoes: str | None
    observacoes_pagamento: str | None
    frete: Decimal
    desconto_tipo: str | None
    desconto_taxa: Decimal | None
    valor_bruto: Decimal
    desconto: Decimal
    total: Decimal


# ----------------------------------------------------------------------------------------- stored ----


@dataclass(frozen=True)
class ItemRegistro:
    item_id: str
    tipo: str
    nome: str
    descricao: str | None
    quantidade: Decimal
    valor: Decimal
    custo: Decimal | None


@dataclass(frozen=True)
class ClienteResumo:
    id: str
    nome: str | None
    email: str | None


@dataclass
class OrcamentoRegistro:
    """A stored proposal as the detail and the list show it."""

    id: str
    numero: int
    situacao: str
    versao: int
    origem: str
    id_cliente: str
    id_vendedor: str | None
    id_contrato: str | None
    data_orcamento: date
    data_validade: date
    descricao: str | None
    previsao_entrega: str | None
    observacoes: str | None
    observacoes_pagamento: str | None
    itens_tipo: str
    desconto_tipo: str | None
    desconto_taxa: Decimal | None
    frete: Decimal
    total: Decimal
    criado_em: object  # naive UTC datetime
    alterado_em: object
    cliente: ClienteResumo | None = None
    itens: list[ItemRegistro] = field(default_factory=list)


# ------------------------------------------------------------------------------------------ rules ----


def obrigatorio(campo: str) -> InvalidInput:
    return InvalidInput(f"O campo '{campo}' é obrigatório", campo=campo)


def _uuid(valor: str | None, campo: str, *, exigido: bool) -> str | None:
    if valor is None or not valor.strip():
        if exigido:
            raise obrigatorio(campo)
        return None
    if not _UUID.match(valor.strip()):
        raise InvalidInput(f"O campo '{campo}' deve estar no formato UUID válido", campo=campo)
    return valor.strip().lower()


def _data(valor: str | None, campo: str) -> date:
    if valor is None or not valor.strip():
        raise obrigatorio(campo)
    texto = valor.strip()
    try:
        if not _DATA.match(texto):
            raise ValueError
        return date.fromisoformat(texto)
    except ValueError:
        raise InvalidInput(f"O campo '{campo}' deve estar no formato YYYY-MM-DD", campo=campo) from None


def _texto(valor: str | None, campo: str) -> str | None:
    if valor is None:
        return None
    if len(valor) > TEXTO_MAXIMO:
        raise InvalidInput(f"O campo '{campo}' deve ter no máximo {TEXTO_MAXIMO} caracteres", campo=campo)
    return valor if valor.strip() else None


def _dinheiro(valor: Decimal | None, campo: str, *, positivo: bool) -> Decimal | None:
    """None stays None; positive (`> 0`) or non-negative, within storage."""
    if valor is None:
        return None
    try:
        valor = quantize(valor)
    except (InvalidOperation, ValueError, ArithmeticError):
        raise InvalidInput(f"O campo '{campo}' é inválido", campo=campo) from None
    if not valor.is_finite() or abs(valor) > VALOR_MAXIMO:
        raise InvalidInput(f"O campo '{campo}' é inválido", campo=campo)
    if positivo and valor <= ZERO:
        raise InvalidInput(f"O campo '{campo}' deve ser maior que zero", campo=campo)
    if valor < ZERO:
        raise InvalidInput(f"O campo '{campo}' deve ser maior ou igual a zero", campo=campo)
    return valor


def _quantidade(valor: Decimal | None, campo: str) -> Decimal:
    """Absent, zero or negative → `deve ser maior que zero` (the spec: `deve ser maior que zero`)."""
    if valor is None:
        raise InvalidInput(f"O campo '{campo}' deve ser maior que zero", campo=campo)
    try:
        valor = Decimal(valor).quantize(_QUATRO_CASAS, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, ArithmeticError):
        raise InvalidInput(f"O campo '{campo}' é inválido", campo=campo) from None
    if not valor.is_finite() or valor > QUANTIDADE_MAXIMA:
        raise InvalidInput(f"O campo '{campo}' é inválido", campo=campo)
    if valor <= 0:
        raise InvalidInput(f"O campo '{campo}' deve ser maior que zero", campo=campo)
    return valor


def _item(entrada: ItemEntrada, indice: int) -> ItemValido:
    prefixo = f"itens[{indice}]"
    item_id = _uuid(entrada.id, f"{prefixo}.id", exigido=True)
    assert item_id is not None
    quantidade = _quantidade(entrada.quantidade, f"{prefixo}.quantidade")
    valor = _dinheiro(entrada.valor, f"{prefixo}.valor", positivo=True)
    if valor is None:
        raise InvalidInput(f"O campo '{prefixo}.valor' deve ser maior que zero", campo=f"{prefixo}.valor")
    custo = _dinheiro(entrada.valor_custo, f"{prefixo}.valor_custo", positivo=False)
    descricao = _texto(entrada.descricao, f"{prefixo}.descricao")
    return ItemValido(item_id, quantidade, valor, custo, descricao)


def valor_bruto(itens: tuple[ItemValido, ...] | list[ItemValido]) -> Decimal:
    """Σ quantidade × valor, exact, then rounded half-up to the cent."""
    return quantize(sum((item.quantidade * item.valor for item in itens), Decimal(0)))


def desconto_em_reais(bruto: Decimal, tipo: str | None, taxa: Decimal | None) -> Decimal:
    if tipo is None or taxa is None:
        return ZERO
    if tipo == PORCENTAGEM:
        return quantize(bruto * taxa / Decimal(100))
    return quantize(taxa)


def validar(entrada: OrcamentoEntrada) -> OrcamentoValido:
    """A whole new proposal, first failure only."""
    id_cliente = _uuid(entrada.id_cliente, "id_cliente", exigido=True)
    assert id_cliente is not None
    data_orcamento = _data(entrada.data_orcamento, "data_orcamento")
    data_validade = _data(entrada.data_validade, "data_validade")
    if data_validade < data_orcamento:
        raise InvalidInput(
            "O campo 'data_validade' não pode ser anterior à data do orçamento", campo="data_validade"
        )
    if entrada.itens is None:
        raise obrigatorio("itens")
    if not entrada.itens:
        raise InvalidInput("O campo 'itens' deve conter ao menos 1 item", campo="itens")
    itens = tuple(_item(item, indice) for indice, item in enumerate(entrada.itens))
    id_vendedor = _uuid(entrada.id_vendedor, "id_vendedor", exigido=False)
    descricao = _texto(entrada.descricao, "descricao")
    previsao = _texto(entrada.previsao_entrega, "previsao_entrega")
    observacoes = _texto(entrada.observacoes, "observacoes")
    observacoes_pagamento = _texto(entrada.observacoes_pagamento, "observacoes_pagamento")
    frete = _dinheiro(entrada.frete, "composicao_de_valor.frete", positivo=False) or ZERO
    tipo, taxa = _desconto(entrada)
    bruto = valor_bruto(itens)
    desconto = desconto_em_reais(bruto, tipo, taxa)
    if desconto > bruto:
        raise InvalidInput(
            "O desconto não pode ser maior que o valor total dos itens",
            campo="composicao_de_valor.desconto.valor",
        )
    total = bruto - desconto + frete
    if total > VALOR_MAXIMO:
        raise InvalidInput("O valor total do orçamento é inválido", campo="itens")
    return OrcamentoValido(
        id_cliente=id_cliente,
        data_orcamento=data_orcamento,
        data_validade=data_validade,
        itens=itens,
        id_vendedor=id_vendedor,
        descricao=descricao,
        previsao_entrega=previsao,
        observacoes=observacoes,
        observacoes_pagamento=observacoes_pagamento,
        frete=frete,
        desconto_tipo=tipo,
        desconto_taxa=taxa,
        valor_bruto=bruto,
        desconto=desconto,
        total=total,
    )


def _desconto(entrada: OrcamentoEntrada) -> tuple[str | None, Decimal | None]:
    """`composicao_de_valor.desconto`: absent or null is no discount; sent, it needs `tipo` and `valor`
    (≥ 0; at most 100 for PORCENTAGEM). A zero discount is kept as sent."""
    if not entrada.desconto_enviado:
        return None, None
    campo_tipo, campo_valor = "composicao_de_valor.desconto.tipo", "composicao_de_valor.desconto.valor"
    tipo = (entrada.desconto_tipo or "").strip()
    if not tipo:
        raise obrigatorio(campo_tipo)
    if tipo not in TIPOS_DESCONTO:
        raise InvalidInput(
            f"O campo '{campo_tipo}' deve ser um dos seguintes valores: PORCENTAGEM ou VALOR",
            campo=campo_tipo,
        )
    if entrada.desconto_valor is None:
        raise obrigatorio(campo_valor)
    try:
        taxa = Decimal(entrada.desconto_valor).quantize(_QUATRO_CASAS, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, ArithmeticError):
        raise InvalidInput(f"O campo '{campo_valor}' é inválido", campo=campo_valor) from None
    if not taxa.is_finite() or taxa > VALOR_MAXIMO:
        raise InvalidInput(f"O campo '{campo_valor}' é inválido", campo=campo_valor)
    if taxa < 0:
        raise InvalidInput(f"O campo '{campo_valor}' deve ser maior ou igual a zero", campo=campo_valor)
    if tipo == PORCENTAGEM and taxa > 100:
        raise InvalidInput(f"O campo '{campo_valor}' deve estar entre 0 e 100", campo=campo_valor)
    if tipo == VALOR:
        taxa = quantize(taxa)
    return tipo, taxa


def tipo_dos_itens(tipos: set[str]) -> str:
    """The list's item-kind summary: PRODUTO, SERVICO, or PRODUTO_E_SERVICO when both."""
    if tipos == {PRODUTO}:
        return PRODUTO
    if tipos == {SERVICO}:
        return SERVICO
    return PRODUTO_E_SERVICO


def transicao(atual: str, nova: str) -> None:
    """Refuses a situation change the lifecycle does not allow (the same situation is a no-op)."""
    if nova not in SITUACOES:
        raise InvalidInput(
            "O campo 'situacao' deve ser um dos seguintes valores: "
            "ORCAMENTO, ORCAMENTO_ACEITO ou ORCAMENTO_RECUSADO",
            campo="situacao",
        )
    if nova != atual and nova not in TRANSICOES[atual]:
        raise InvalidInput(f"Não é possível alterar a situação do orçamento de {atual} para {nova}")


# ------------------------------------------------------------------------------------------- list ----


@dataclass(frozen=True)
class FiltroOrcamentos:
    """`GET /v1/orcamentos` filters, already parsed. Instants are naive UTC; `ate` bounds exclusive."""

    termo: str | None = None
    numero_termo: int | None = None
    data_inicio: date | None = None
    data_fim: date | None = None
    criacao_de: object = None  # naive UTC datetime, inclusive
    criacao_ate: object = None  # naive UTC datetime, exclusive
    alteracao_de: object = None
    alteracao_ate: object = None
    ids_vendedores: tuple[str, ...] = ()
    ids_clientes: tuple[str, ...] = ()
    ids_natureza_operacao: tuple[str, ...] = ()
    ids_categorias: tuple[str, ...] = ()
    ids_produtos: tuple[str, ...] = ()
    situacoes: tuple[str, ...] = ()
    origens: tuple[str, ...] = ()
    numeros: tuple[int, ...] = ()
    ids_legado_donos: tuple[int, ...] = ()
    ids_legado_clientes: tuple[int, ...] = ()
    ids_legado_produtos: tuple[int, ...] = ()
    campo_ordenacao: str = "DATA"
    ascendente: bool = False
