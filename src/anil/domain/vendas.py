"""Sales rules (catalog §3.4, §7): the body checked one field at a time, the value composition in
Decimal, the situation names, and what a sale in a situation does to stock.

Total = Σ(quantidade × valor) − desconto + frete, where the discount is a VALOR (money) or a
PORCENTAGEM of the gross (rounded half-up to the cent); the installments sent must sum to the total
(FAQ #37's message). Pure: no SQL, no HTTP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from anil.domain import condicao_pagamento
from anil.domain.money import ZERO, quantize
from anil.domain.pagamentos import SINONIMOS_PAGAMENTO_VENDA as SINONIMOS_PAGAMENTO
from anil.domain.pagamentos import TIPOS_DESCONTO
from anil.domain.pagamentos import TIPOS_PAGAMENTO_VENDA as TIPOS_PAGAMENTO
from anil.errors import InvalidInput

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

EM_ANDAMENTO = "EM_ANDAMENTO"
APROVADO = "APROVADO"
FATURADO = "FATURADO"
CANCELADO = "CANCELADO"
SITUACOES_CRIACAO = (EM_ANDAMENTO, APROVADO, FATURADO)  # FATURADO on create: FAQ #23/#35
SITUACOES_EDICAO = (EM_ANDAMENTO, APROVADO, FATURADO, CANCELADO)
DESCRICAO_SITUACAO = {
    EM_ANDAMENTO: "Em andamento",
    APROVADO: "Aprovado",
    FATURADO: "Faturado",
    CANCELADO: "Cancelado",
}
# The create response names situations in English (catalog §3.4, [CLI]; the S1 FAQ's codes).
SITUACAO_INGLES = {
    EM_ANDAMENTO: "IN_PROCESS",
    APROVADO: "APPROVED",
    FATURADO: "INVOICED",
    CANCELADO: "CANCELED",
}
PENDENCIAS = {"NENHUMA": "Nenhuma"}
# The sale's payment method as the financial installments name it («METODO_PAGAMENTO_FIN»).
METODO_FINANCEIRO = {
    "LINK_PAGAMENTO": "CARTAO_CREDITO_VIA_LINK",
    "COBRANCA_PIX": "PIX_COBRANCA",
}
SAIDA_ESTOQUE = "SAIDA_ESTOQUE"
ENTRADA_ESTOQUE = "ENTRADA_ESTOQUE"
MAXIMO_ITENS = 500
MAXIMO_NUMERO = 9_223_372_036_854_775_807
# What the columns hold: money NUMERIC(15, 2), quantities and rates NUMERIC(15, 4).
MAXIMO_VALOR = Decimal("9999999999999.99")
MAXIMO_QUANTIDADE = Decimal("99999999999.9999")
_QTD = {"maximo": MAXIMO_QUANTIDADE, "casas": Decimal("0.0001")}


def obrigatorio(campo: str) -> str:
    return f"O campo '{campo}' é obrigatório"


def invalido(campo: str) -> str:
    return f"O campo '{campo}' é inválido"


def metodo_financeiro(tipo_pagamento: str | None) -> str | None:
    if tipo_pagamento is None:
        return None
    return METODO_FINANCEIRO.get(tipo_pagamento, tipo_pagamento)


def real(valor: Decimal) -> str:
    """R$ 1.234,56 — the FAQ #37 message's money."""
    inteiro, _, centavos = f"{quantize(valor):,.2f}".partition(".")
    return f"R$ {inteiro.replace(',', '.')},{centavos}"


# ----------------------------------------------------------------------------------------- input ----


@dataclass(frozen=True, slots=True)
class ItemKitEntrada:
    id_produto: str | None = None
    id_kit: str | None = None
    quantidade: Decimal | None = None
    valor: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ItemEntrada:
    id: str | None = None
    quantidade: Decimal | None = None
    valor: Decimal | None = None
    descricao: str | None = None
    valor_custo: Decimal | None = None
    itens_kit: tuple[ItemKitEntrada, ...] | None = None


@dataclass(frozen=True, slots=True)
class DescontoEntrada:
    tipo: str | None = None
    valor: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ComposicaoEntrada:
    frete: Decimal | None = None
    desconto: DescontoEntrada | None = None


@dataclass(frozen=True, slots=True)
class ParcelaEntrada:
    data_vencimento: date | None = None
    valor: Decimal | None = None
    descricao: str | None = None


@dataclass(frozen=True, slots=True)
class CondicaoEntrada:
    opcao_condicao_pagamento: str | None = None
    parcelas: tuple[ParcelaEntrada, ...] | None = None
    tipo_pagamento: str | None = None
    id_conta_financeira: str | None = None
    nsu: str | None = None


@dataclass(frozen=True, slots=True)
class VendaEntrada:
    id_cliente: str | None = None
    numero: int | None = None
    situacao: str | None = None
    data_venda: date | None = None
    itens: tuple[ItemEntrada, ...] | None = None
    condicao_pagamento: CondicaoEntrada | None = None
    composicao_de_valor: ComposicaoEntrada | None = None
    id_categoria: str | None = None
    id_centro_custo: str | None = None
    id_vendedor: str | None = None
    id_natureza_operacao: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    versao: int | None = None


# ----------------------------------------------------------------------------------------- valid ----


@dataclass(frozen=True, slots=True)
class ItemKitValido:
    id_produto: str
    id_kit: str
    quantidade: Decimal
    valor: Decimal


@dataclass(frozen=True, slots=True)
class ItemValido:
    id: str
    quantidade: Decimal
    valor: Decimal
    descricao: str | None
    valor_custo: Decimal | None
    itens_kit: tuple[ItemKitValido, ...] | None


@dataclass(frozen=True, slots=True)
class ParcelaValida:
    numero: int
    data_vencimento: date
    valor: Decimal
    descricao: str | None


@dataclass(frozen=True, slots=True)
class Composicao:
    valor_bruto: Decimal
    desconto: Decimal
    frete: Decimal
    valor_liquido: Decimal


@dataclass(frozen=True, slots=True)
class VendaValida:
    id_cliente: str
    numero: int
    situacao: str
    data_venda: date
    itens: tuple[ItemValido, ...]
    opcao_condicao_pagamento: str
    parcelas: tuple[ParcelaValida, ...]
    tipo_pagamento: str | None
    id_conta_financeira: str | None
    nsu: str | None
    desconto_tipo: str | None
    desconto_taxa: Decimal | None
    composicao: Composicao
    id_categoria: str | None = None
    id_centro_custo: str | None = None
    id_vendedor: str | None = None
    id_natureza_operacao: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None


# ----------------------------------------------------------------------------------------- rules ----


def _uuid(valor: str | None, campo: str, *, exigido: bool) -> str | None:
    if valor is None or (isinstance(valor, str) and not valor.strip()):
        if exigido:
            raise InvalidInput(obrigatorio(campo))
        return None
    if not _UUID.match(valor.strip()):
        raise InvalidInput(f"O campo '{campo}' deve ser um identificador (uuid) válido")
    return valor.strip().lower()


def _valor(
    valor: Decimal | None,
    campo: str,
    *,
    exigido: bool,
    positivo: bool = False,
    maximo: Decimal | None = None,
    casas: Decimal | None = None,
) -> Decimal | None:
    """A non-negative number within what the columns hold (`maximo`), rounded half-up to `casas` places."""
    if valor is None:
        if exigido:
            raise InvalidInput(obrigatorio(campo))
        return None
    if not valor.is_finite() or valor < 0 or valor > (maximo or MAXIMO_VALOR):
        raise InvalidInput(invalido(campo))
    if casas is not None:
        valor = valor.quantize(casas, rounding=ROUND_HALF_UP)
    if positivo and valor == 0:
        raise InvalidInput(invalido(campo))
    return valor


def composicao(
    itens: tuple[ItemValido, ...] | list[ItemValido],
    desconto_tipo: str | None,
    desconto_taxa: Decimal | None,
    frete: Decimal,
) -> Composicao:
    """valor_bruto = Σ quantidade × valor (to the cent); desconto in money; líquido = bruto − desconto + frete."""
    bruto = quantize(sum((i.quantidade * i.valor for i in itens), ZERO))
    desconto = ZERO
    if desconto_tipo == "PORCENTAGEM" and desconto_taxa is not None:
        desconto = quantize(bruto * desconto_taxa / Decimal(100))
    elif desconto_tipo == "VALOR" and desconto_taxa is not None:
        desconto = quantize(desconto_taxa)
    frete = quantize(frete)
    return Composicao(bruto, desconto, frete, bruto - desconto + frete)


def _itens(itens: tuple[ItemEntrada, ...] | None) -> tuple[ItemValido, ...]:
    if itens is None:
        raise InvalidInput(obrigatorio("itens"))
    if not itens:
        raise InvalidInput("O campo 'itens' deve conter ao menos 1 item")
    if len(itens) > MAXIMO_ITENS:
        raise InvalidInput(f"O campo 'itens' não pode conter mais de {MAXIMO_ITENS} itens")
    validos: list[ItemValido] = []
    for i, item in enumerate(itens):
        campo = f"itens[{i}]"
        item_id = _uuid(item.id, f"{campo}.id", exigido=True)
        quantidade = _valor(item.quantidade, f"{campo}.quantidade", exigido=True, positivo=True, **_QTD)
        valor = _valor(item.valor, f"{campo}.valor", exigido=True)
        custo = _valor(item.valor_custo, f"{campo}.valor_custo", exigido=False)
        kit: list[ItemKitValido] | None = None
        if item.itens_kit is not None:
            kit = []
            for j, componente in enumerate(item.itens_kit):
                ck = f"{campo}.itens_kit[{j}]"
                kit.append(
                    ItemKitValido(
                        id_produto=_uuid(componente.id_produto, f"{ck}.id_produto", exigido=True) or "",
                        id_kit=_uuid(componente.id_kit, f"{ck}.id_kit", exigido=True) or "",
                        quantidade=_valor(
                            componente.quantidade, f"{ck}.quantidade", exigido=True, positivo=True, **_QTD
                        )
                        or ZERO,
                        valor=_valor(componente.valor, f"{ck}.valor", exigido=True) or ZERO,
                    )
                )
        assert item_id is not None and quantidade is not None and valor is not None
        validos.append(
            ItemValido(
                id=item_id,
                quantidade=quantidade,
                valor=quantize(valor),
                descricao=item.descricao,
                valor_custo=quantize(custo) if custo is not None else None,
                itens_kit=tuple(kit) if kit is not None else None,
            )
        )
    return tuple(validos)


def validar_venda(entrada: VendaEntrada, *, edicao: bool = False) -> VendaValida:
    """The body's rules, in the body's order, one field at a time (catalog §2.8). On edit (`PUT`) `versao`
    comes first: 0 or absent is "obrigatório" (§2.11), any positive value is accepted."""
    if edicao and (entrada.versao is None or entrada.versao <= 0):
        raise InvalidInput(obrigatorio("versao"))
    id_cliente = _uuid(entrada.id_cliente, "id_cliente", exigido=True)
    if entrada.numero is None:
        raise InvalidInput(obrigatorio("numero"))
    if not 0 < entrada.numero <= MAXIMO_NUMERO:
        raise InvalidInput(invalido("numero"))
    if entrada.situacao is None or not entrada.situacao.strip():
        raise InvalidInput(obrigatorio("situacao"))
    situacao = entrada.situacao.strip().upper()
    permitidas = SITUACOES_EDICAO if edicao else SITUACOES_CRIACAO
    if situacao not in permitidas:
        raise InvalidInput(f"O campo 'situacao' deve ser um dos seguintes valores: {', '.join(permitidas)}")
    if entrada.data_venda is None:
        raise InvalidInput(obrigatorio("data_venda"))
    itens = _itens(entrada.itens)

    desconto_tipo: str | None = None
    desconto_taxa: Decimal | None = None
    frete = ZERO
    if entrada.composicao_de_valor is not None:
        cv = entrada.composicao_de_valor
        frete = _valor(cv.frete, "composicao_de_valor.frete", exigido=False) or ZERO
        if cv.desconto is not None:
            if cv.desconto.tipo is None or not cv.desconto.tipo.strip():
                raise InvalidInput(obrigatorio("composicao_de_valor.desconto.tipo"))
            desconto_tipo = cv.desconto.tipo.strip().upper()
            if desconto_tipo not in TIPOS_DESCONTO:
                raise InvalidInput(
                    "O campo 'composicao_de_valor.desconto.tipo' deve ser um dos seguintes valores: "
                    "PORCENTAGEM, VALOR"
                )
            desconto_taxa = _valor(
                cv.desconto.valor, "composicao_de_valor.desconto.valor", exigido=True, **_QTD
            )
            if desconto_tipo == "PORCENTAGEM" and desconto_taxa is not None and desconto_taxa > 100:
                raise InvalidInput("O desconto não pode ser maior que 100%")
    valores = composicao(itens, desconto_tipo, desconto_taxa, frete)
    if valores.valor_liquido < 0:
        raise InvalidInput("O desconto não pode ser maior que o valor total dos itens")
    if max(valores.valor_bruto, valores.valor_liquido) > MAXIMO_VALOR:
        raise InvalidInput("O valor total da venda excede o máximo permitido")

    cp = entrada.condicao_pagamento
    if cp is None:
        raise InvalidInput(obrigatorio("condicao_pagamento"))
    tipo_pagamento = None
    if cp.tipo_pagamento is not None and cp.tipo_pagamento.strip():
        tipo_pagamento = cp.tipo_pagamento.strip().upper()
        tipo_pagamento = SINONIMOS_PAGAMENTO.get(tipo_pagamento, tipo_pagamento)
        if tipo_pagamento not in TIPOS_PAGAMENTO:
            raise InvalidInput(invalido("condicao_pagamento.tipo_pagamento"))
    conta = _uuid(cp.id_conta_financeira, "condicao_pagamento.id_conta_financeira", exigido=False)
    opcao = cp.opcao_condicao_pagamento
    condicao = condicao_pagamento.interpretar(opcao)
    assert opcao is not None
    if cp.parcelas is None:
        raise InvalidInput(obrigatorio("condicao_pagamento.parcelas"))
    if not cp.parcelas:
        raise InvalidInput("O campo 'condicao_pagamento.parcelas' deve conter ao menos 1 item")
    parcelas: list[ParcelaValida] = []
    for i, parcela in enumerate(cp.parcelas):
        campo = f"condicao_pagamento.parcelas[{i}]"
        if parcela.data_vencimento is None:
            raise InvalidInput(obrigatorio(f"{campo}.data_vencimento"))
        valor = _valor(parcela.valor, f"{campo}.valor", exigido=True)
        assert valor is not None
        parcelas.append(ParcelaValida(i + 1, parcela.data_vencimento, quantize(valor), parcela.descricao))
    if condicao.quantidade != len(parcelas):
        raise InvalidInput(
            f"A quantidade de parcelas ({len(parcelas)}) difere da condição de pagamento '{opcao.strip()}'"
        )
    soma = quantize(sum((p.valor for p in parcelas), ZERO))
    if soma != valores.valor_liquido:
        raise InvalidInput(
            f"O valor total das parcelas {real(soma)} difere do valor total {real(valores.valor_liquido)}."
        )
    return VendaValida(
        id_cliente=id_cliente or "",
        numero=entrada.numero,
        situacao=situacao,
        data_venda=entrada.data_venda,
        itens=itens,
        opcao_condicao_pagamento=opcao.strip(),
        parcelas=tuple(parcelas),
        tipo_pagamento=tipo_pagamento,
        id_conta_financeira=conta,
        nsu=cp.nsu,
        desconto_tipo=desconto_tipo,
        desconto_taxa=desconto_taxa,
        composicao=valores,
        id_categoria=_uuid(entrada.id_categoria, "id_categoria", exigido=False),
        id_centro_custo=_uuid(entrada.id_centro_custo, "id_centro_custo", exigido=False),
        id_vendedor=_uuid(entrada.id_vendedor, "id_vendedor", exigido=False),
        id_natureza_operacao=_uuid(entrada.id_natureza_operacao, "id_natureza_operacao", exigido=False),
        observacoes=entrada.observacoes,
        observacoes_pagamento=entrada.observacoes_pagamento,
    )


# ----------------------------------------------------------------------------------------- stock ----


def move_estoque(situacao: str, excluida: bool, mudanca_estoque: str | None) -> int:
    """The sign a sale's product quantities move stock by: −1 out, +1 in, 0 none. Only APROVADO and
    FATURADO sales that are not deleted move stock, as their natureza says."""
    if excluida or situacao not in (APROVADO, FATURADO):
        return 0
    if mudanca_estoque == SAIDA_ESTOQUE:
        return -1
    if mudanca_estoque == ENTRADA_ESTOQUE:
        return 1
    return 0


def efeito_estoque(sinal: int, linhas: list[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """{produto: signed quantity} of (produto, quantidade) lines, summed per product."""
    efeito: dict[str, Decimal] = {}
    if sinal == 0:
        return efeito
    for produto, quantidade in linhas:
        efeito[produto] = efeito.get(produto, ZERO) + sinal * quantidade
    # as the ledger stores them (four places), so that an unchanged sale finds nothing to move
    return {p: q.quantize(_QTD["casas"], rounding=ROUND_HALF_UP) for p, q in efeito.items()}


def diferenca(desejado: dict[str, Decimal], atual: dict[str, Decimal]) -> dict[str, Decimal]:
    """What to write to the ledger so that `atual` becomes `desejado` (non-zero entries only)."""
    delta: dict[str, Decimal] = {}
    for produto in sorted(set(desejado) | set(atual)):
        d = desejado.get(produto, ZERO) - atual.get(produto, ZERO)
        if d != 0:
            delta[produto] = d
    return delta


def estoque_insuficiente(nome: str) -> str:
    """FAQ #54's message."""
    return (
        f"Não foi possível efetuar a integração: A quantidade de {nome} solicitada é superior a "
        "disponível no estoque"
    )
