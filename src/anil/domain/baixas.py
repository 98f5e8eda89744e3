"""Settlements (baixas, catalog §3.11) and the installment edit (`PATCH …/parcelas/{id}`, §3.10): pure rules.

A baixa settles part or all of an installment: its `valor_bruto` counts against the installment's open
amount (`nao_pago`), and its account moves by its net value (`valor_bruto + juros + multa − desconto −
taxa`), in for a RECEITA, out for a DESPESA. Validation is one field at a time, in the order of the
provider's body, with Portuguese messages; what needs the database (the installment, the account) is
passed in as records and checked here too, so that every rule lives in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from anil.domain.contas import ComposicaoValor
from anil.domain.eventos import METODOS_PAGAMENTO, reais
from anil.domain.financeiro import Situacao
from anil.domain.money import ZERO, quantize
from anil.domain.pagamentos import METODOS_PAGAMENTO_BAIXA
from anil.errors import Conflict, InvalidInput

VALOR_MAXIMO = Decimal("9999999999999.99")  # NUMERIC(15, 2)
DESCRICAO_MAXIMO = 255
NSU_MAXIMO = 64
TEXTO_MAXIMO = 4000

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

# The provider's update body spells one value `CREDITO_VIRTUA` (a typo of its own file): read as the real one.
ALIASES_METODO: dict[str, str] = {"CREDITO_VIRTUA": "CREDITO_VIRTUAL"}

# Accounts Conta Azul settles by itself when the customer pays (Receba Fácil, Conta PJ): never by hand
# (seed 000 #35, #48).
TIPOS_CONTA_SEM_BAIXA_MANUAL: frozenset[str] = frozenset({"RECEBA_FACIL_CARTAO", "COBRANCAS_CONTA_AZUL"})

PARCELA_NAO_ENCONTRADA = "Parcela não encontrada"
BAIXA_NAO_ENCONTRADA = "Baixa não encontrada"
EVENTO_NAO_ENCONTRADO = "Evento financeiro não encontrado"
CONTA_SEM_BAIXA_MANUAL = (
    "Não é possível baixar manualmente uma parcela com a conta financeira do Receba Fácil ou da Conta PJ "
    "da Conta Azul: essas contas são baixadas automaticamente quando o cliente paga"
)
PARCELA_QUITADA = "A parcela já está quitada"
SITUACAO_SEM_BAIXA: dict[str, str] = {
    Situacao.CANCELADO: "Não é possível baixar uma parcela cancelada",
    Situacao.RENEGOCIADO: "Não é possível baixar uma parcela renegociada",
}
PERDA_SEM_BAIXA = "Não é possível baixar uma parcela com perda registrada"
SITUACAO_SEM_EDICAO: dict[str, str] = {
    Situacao.CANCELADO: "Não é possível alterar uma parcela cancelada",
    Situacao.RENEGOCIADO: "Não é possível alterar uma parcela renegociada",
}


def obrigatorio(campo: str) -> str:
    return f"O campo '{campo}' é obrigatório"


def versao_desatualizada(recurso: str, enviada: int, atual: int) -> str:
    return (
        f"A versão informada ({enviada}) {recurso} está desatualizada: a versão atual é {atual}. "
        "Leia o registro novamente e reenvie a alteração"
    )


# ---------------------------------------------------------------------------------------- records ----


@dataclass(frozen=True, slots=True)
class ContaResumo:
    """What the rules need of a financial account."""

    id: str
    tipo: str
    ativo: bool


@dataclass(frozen=True, slots=True)
class ParcelaEstado:
    """What the settlement and edit rules need of a stored installment."""

    id: str
    evento_id: str
    tipo: str  # RECEITA | DESPESA
    versao: int
    situacao: str
    valor_bruto: Decimal
    valor_pago: Decimal
    nao_pago: Decimal
    perda_data: date | None
    perda_valor: Decimal | None
    conta_financeira_id: str | None
    conta_tipo: str | None  # the installment's own account's type
    nota: str | None
    descricao: str
    data_vencimento: date
    data_pagamento_previsto: date | None
    metodo_pagamento: str | None
    nsu: str | None
    baixa_agendada: bool


@dataclass(frozen=True, slots=True)
class BaixaEstado:
    id: str
    parcela_id: str
    versao: int
    data_pagamento: date
    composicao: ComposicaoValor
    conta_financeira_id: str
    metodo_pagamento: str | None
    observacao: str | None
    nsu: str | None


# ------------------------------------------------------------------------------------------ input ----


@dataclass(frozen=True, slots=True)
class ComposicaoEntrada:
    valor_bruto: Decimal | None = None
    multa: Decimal | None = None
    juros: Decimal | None = None
    desconto: Decimal | None = None
    taxa: Decimal | None = None


@dataclass(frozen=True, slots=True)
class BaixaEntrada:
    """`POST …/parcelas/{parcela_id}/baixa`, every field possibly missing."""

    data_pagamento: date | None = None
    composicao_valor: ComposicaoEntrada | None = None
    conta_financeira: str | None = None
    metodo_pagamento: str | None = None
    observacao: str | None = None
    nsu: str | None = None


@dataclass(frozen=True, slots=True)
class BaixaAlteracao:
    """`PATCH …/parcelas/baixa/{baixa_id}`: `enviados` names the fields the body carried."""

    versao: int | None = None
    data_pagamento: date | None = None
    composicao_valor: ComposicaoEntrada | None = None
    conta_financeira: str | None = None
    metodo_pagamento: str | None = None
    observacao: str | None = None
    nsu: str | None = None
    enviados: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PerdaEntrada:
    data: date | None = None
    valor: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ParcelaAlteracao:
    """`PATCH …/parcelas/{id}` (§3.10): `enviados` names the fields the body carried (a null counts)."""

    versao: int | None = None
    composicao_valor: ComposicaoEntrada | None = None
    nota: str | None = None
    descricao: str | None = None
    vencimento: date | None = None
    data_pagamento_esperado: date | None = None
    metodo_pagamento: str | None = None
    perda: PerdaEntrada | None = None
    nsu: str | None = None
    pagamento_agendado: bool | None = None
    id_conta_financeira: str | None = None
    enviados: frozenset[str] = frozenset()


# ------------------------------------------------------------------------------------------ valid ----


@dataclass(frozen=True, slots=True)
class BaixaValida:
    data_pagamento: date
    composicao: ComposicaoValor
    conta_financeira_id: str
    metodo_pagamento: str | None
    observacao: str | None
    nsu: str | None


@dataclass(frozen=True, slots=True)
class ParcelaValida:
    """The installment as the PATCH leaves it (every column the PATCH may touch)."""

    composicao: ComposicaoValor
    nao_pago: Decimal
    nota: str | None
    descricao: str
    data_vencimento: date
    data_pagamento_previsto: date | None
    metodo_pagamento: str | None
    perda_data: date | None
    perda_valor: Decimal | None
    nsu: str | None
    baixa_agendada: bool
    conta_financeira_id: str | None


# ---------------------------------------------------------------------------------------- helpers ----


def _uuid(valor: str | None, campo: str) -> str:
    if valor is None or not str(valor).strip():
        raise InvalidInput(obrigatorio(campo))
    texto = str(valor).strip()
    if not _UUID.fullmatch(texto):
        raise InvalidInput(f"O campo '{campo}' deve ser um identificador (uuid) válido")
    return texto.lower()


def _dinheiro(valor: Decimal | None, campo: str, *, exigido: bool = False) -> Decimal:
    """An amount ≥ 0 (the provider: "deve ser maior ou igual a zero"); absent is zero unless required."""
    if valor is None:
        if exigido:
            raise InvalidInput(obrigatorio(campo))
        return ZERO
    try:
        valor = quantize(valor)
    except (InvalidOperation, ValueError, ArithmeticError):
        raise InvalidInput(f"O campo '{campo}' é inválido") from None
    if not valor.is_finite() or abs(valor) > VALOR_MAXIMO:
        raise InvalidInput(f"O campo '{campo}' é inválido")
    if valor < ZERO:
        raise InvalidInput(f"O campo '{campo}' deve ser maior ou igual a zero")
    return valor


def _composicao(entrada: ComposicaoEntrada | None, campo: str = "composicao_valor") -> ComposicaoValor:
    if entrada is None:
        raise InvalidInput(obrigatorio(campo))
    composicao = ComposicaoValor(
        valor_bruto=_dinheiro(entrada.valor_bruto, f"{campo}.valor_bruto", exigido=True),
        multa=_dinheiro(entrada.multa, f"{campo}.multa"),
        juros=_dinheiro(entrada.juros, f"{campo}.juros"),
        desconto=_dinheiro(entrada.desconto, f"{campo}.desconto"),
        taxa=_dinheiro(entrada.taxa, f"{campo}.taxa"),
    )
    if composicao.valor_liquido < ZERO:
        raise InvalidInput(
            f"O valor líquido de '{campo}' (valor bruto + juros + multa − desconto − taxa) "
            "não pode ser negativo"
        )
    return composicao


def _texto(valor: str | None, campo: str, maximo: int) -> str | None:
    """Optional text: blank is none."""
    if valor is None or not valor.strip():
        return None
    valor = valor.strip()
    if len(valor) > maximo:
        raise InvalidInput(f"O campo '{campo}' deve ter no máximo {maximo} caracteres")
    return valor


def _metodo(valor: str | None, permitidos: tuple[str, ...]) -> str | None:
    if valor is None:
        return None
    valor = ALIASES_METODO.get(valor, valor) if permitidos is METODOS_PAGAMENTO_BAIXA else valor
    if valor not in permitidos:
        raise InvalidInput(
            f"O valor do atributo 'metodo_pagamento' deve ser um dos seguintes valores: {', '.join(permitidos)}"
        )
    return valor


def _versao(versao: int | None) -> int:
    if versao is None:
        raise InvalidInput(obrigatorio("versao"))
    return versao


# ------------------------------------------------------------------------------------------ rules ----


def pode_baixar(parcela: ParcelaEstado) -> None:
    """The installment may take (or change) a settlement: normal flow, no loss, its account not one
    Conta Azul settles by itself (choice `financeiro-baixa-situacao`)."""
    if parcela.situacao in SITUACAO_SEM_BAIXA:
        raise InvalidInput(SITUACAO_SEM_BAIXA[parcela.situacao])
    if parcela.perda_valor is not None:
        raise InvalidInput(PERDA_SEM_BAIXA)
    if parcela.conta_tipo in TIPOS_CONTA_SEM_BAIXA_MANUAL:
        raise InvalidInput(CONTA_SEM_BAIXA_MANUAL)


def conta_da_baixa(conta_id: str, conta: ContaResumo | None, campo: str = "conta_financeira") -> None:
    """The account a settlement moves: the company's, active, not settled by Conta Azul itself."""
    if conta is None:
        raise InvalidInput(f"O campo '{campo}' não é uma conta financeira desta empresa")
    if not conta.ativo:
        raise InvalidInput(f"A conta financeira '{conta_id}' está inativa")
    if conta.tipo in TIPOS_CONTA_SEM_BAIXA_MANUAL:
        raise InvalidInput(CONTA_SEM_BAIXA_MANUAL)


def _cabe(valor_bruto: Decimal, em_aberto: Decimal) -> None:
    """A settlement never exceeds what is open (choice `financeiro-baixa-excedente`)."""
    if valor_bruto > em_aberto:
        raise InvalidInput(
            f"O valor bruto da baixa ({reais(valor_bruto)}) é maior que o valor em aberto da parcela "
            f"({reais(em_aberto)})"
        )


def validar_baixa(entrada: BaixaEntrada) -> BaixaValida:
    """The create body's own rules, one field at a time, in the provider's order."""
    if entrada.data_pagamento is None:
        raise InvalidInput(obrigatorio("data_pagamento"))
    composicao = _composicao(entrada.composicao_valor)
    conta = _uuid(entrada.conta_financeira, "conta_financeira")
    return BaixaValida(
        data_pagamento=entrada.data_pagamento,
        composicao=composicao,
        conta_financeira_id=conta,
        metodo_pagamento=_metodo(entrada.metodo_pagamento, METODOS_PAGAMENTO_BAIXA),
        observacao=_texto(entrada.observacao, "observacao", TEXTO_MAXIMO),
        nsu=_texto(entrada.nsu, "nsu", NSU_MAXIMO),
    )


def liquidar(parcela: ParcelaEstado, baixa: BaixaValida, conta: ContaResumo | None) -> None:
    """A new settlement of `parcela`: the installment's state, the account, then the amount."""
    pode_baixar(parcela)
    conta_da_baixa(baixa.conta_financeira_id, conta)
    if parcela.nao_pago <= ZERO:
        raise InvalidInput(PARCELA_QUITADA)
    _cabe(baixa.composicao.valor_bruto, parcela.nao_pago)


def validar_alteracao_baixa(
    atual: BaixaEstado, alteracao: BaixaAlteracao, parcela: ParcelaEstado, conta: ContaResumo | None
) -> BaixaValida:
    """The baixa as a PATCH leaves it: only the sent fields change; `versao` must be the current one
    (409 otherwise); the new gross value fits what is open plus what this baixa already covered.
    `conta` is the account the result names."""
    enviados = alteracao.enviados
    versao = _versao(alteracao.versao)
    data = atual.data_pagamento
    if "data_pagamento" in enviados:
        if alteracao.data_pagamento is None:
            raise InvalidInput(obrigatorio("data_pagamento"))
        data = alteracao.data_pagamento
    composicao = atual.composicao
    if "composicao_valor" in enviados:
        composicao = _composicao(alteracao.composicao_valor)
    conta_id = atual.conta_financeira_id
    if "conta_financeira" in enviados:
        conta_id = _uuid(alteracao.conta_financeira, "conta_financeira")
    metodo = atual.metodo_pagamento
    if "metodo_pagamento" in enviados:
        metodo = _metodo(alteracao.metodo_pagamento, METODOS_PAGAMENTO_BAIXA)
    observacao = atual.observacao
    if "observacao" in enviados:
        observacao = _texto(alteracao.observacao, "observacao", TEXTO_MAXIMO)
    nsu = atual.nsu
    if "nsu" in enviados:
        nsu = _texto(alteracao.nsu, "nsu", NSU_MAXIMO)
    if versao != atual.versao:
        raise Conflict(versao_desatualizada("da baixa", versao, atual.versao))
    pode_baixar(parcela)
    if conta_id != atual.conta_financeira_id:
        conta_da_baixa(conta_id, conta)
    elif conta is not None and conta.tipo in TIPOS_CONTA_SEM_BAIXA_MANUAL:
        raise InvalidInput(CONTA_SEM_BAIXA_MANUAL)
    _cabe(composicao.valor_bruto, parcela.nao_pago + atual.composicao.valor_bruto)
    return BaixaValida(
        data_pagamento=data,
        composicao=composicao,
        conta_financeira_id=conta_id,
        metodo_pagamento=metodo,
        observacao=observacao,
        nsu=nsu,
    )


def validar_alteracao_parcela(
    atual: ParcelaEstado, alteracao: ParcelaAlteracao, conta: ContaResumo | None
) -> ParcelaValida:
    """The installment as a PATCH leaves it (choice `financeiro-parcela-patch`): `versao` and
    `composicao_valor.valor_bruto` required; the gross value never below what is already paid
    (`nao_pago = valor_bruto − valor_pago`); a loss at most what is open; only the sent fields change,
    an explicit null clears the optional ones. `conta` is the one `id_conta_financeira` names, if sent."""
    enviados = alteracao.enviados
    versao = _versao(alteracao.versao)
    composicao = _composicao(alteracao.composicao_valor)
    nota = atual.nota
    if "nota" in enviados:
        nota = _texto(alteracao.nota, "nota", TEXTO_MAXIMO)
    descricao = atual.descricao
    if "descricao" in enviados:
        descricao = _texto(alteracao.descricao, "descricao", DESCRICAO_MAXIMO) or ""
        if not descricao:
            raise InvalidInput(obrigatorio("descricao"))
    vencimento = atual.data_vencimento
    if "vencimento" in enviados:
        if alteracao.vencimento is None:
            raise InvalidInput(obrigatorio("vencimento"))
        vencimento = alteracao.vencimento
    previsto = atual.data_pagamento_previsto
    if "data_pagamento_esperado" in enviados:
        previsto = alteracao.data_pagamento_esperado
    metodo = atual.metodo_pagamento
    if "metodo_pagamento" in enviados:
        metodo = _metodo(alteracao.metodo_pagamento, METODOS_PAGAMENTO)
    perda_data, perda_valor = atual.perda_data, atual.perda_valor
    if "perda" in enviados:
        perda = alteracao.perda
        if perda is None:
            perda_data, perda_valor = None, None
        else:
            if perda.data is None:
                raise InvalidInput(obrigatorio("perda.data"))
            perda_data = perda.data
            perda_valor = _dinheiro(perda.valor, "perda.valor", exigido=True)
            if perda_valor <= ZERO:
                raise InvalidInput("O campo 'perda.valor' deve ser maior que zero")
    nsu = atual.nsu
    if "nsu" in enviados:
        nsu = _texto(alteracao.nsu, "nsu", NSU_MAXIMO)
    agendada = atual.baixa_agendada
    if "pagamento_agendado" in enviados and alteracao.pagamento_agendado is not None:
        agendada = alteracao.pagamento_agendado
    conta_id = atual.conta_financeira_id
    if "id_conta_financeira" in enviados:
        conta_id = _uuid(alteracao.id_conta_financeira, "id_conta_financeira")
    if versao != atual.versao:
        raise Conflict(versao_desatualizada("da parcela", versao, atual.versao))
    if atual.situacao in SITUACAO_SEM_EDICAO:
        raise InvalidInput(SITUACAO_SEM_EDICAO[atual.situacao])
    if conta_id != atual.conta_financeira_id:
        if conta is None:
            raise InvalidInput("O campo 'id_conta_financeira' não é uma conta financeira desta empresa")
        if not conta.ativo:
            raise InvalidInput(f"A conta financeira '{conta_id}' está inativa")
    if composicao.valor_bruto <= ZERO:
        raise InvalidInput("O campo 'composicao_valor.valor_bruto' deve ser maior que zero")
    if composicao.valor_bruto < atual.valor_pago:
        raise InvalidInput(
            f"O valor bruto da parcela ({reais(composicao.valor_bruto)}) não pode ser menor que o valor "
            f"já pago ({reais(atual.valor_pago)})"
        )
    nao_pago = composicao.valor_bruto - atual.valor_pago
    if perda_valor is not None and perda_valor > nao_pago:
        raise InvalidInput(
            f"O valor da perda ({reais(perda_valor)}) é maior que o valor em aberto da parcela "
            f"({reais(nao_pago)})"
        )
    return ParcelaValida(
        composicao=composicao,
        nao_pago=nao_pago,
        nota=nota,
        descricao=descricao,
        data_vencimento=vencimento,
        data_pagamento_previsto=previsto,
        metodo_pagamento=metodo,
        perda_data=perda_data,
        perda_valor=perda_valor,
        nsu=nsu,
        baixa_agendada=agendada,
        conta_financeira_id=conta_id,
    )
