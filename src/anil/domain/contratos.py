"""Contratos (catalog §3.6): the create body's rules, the contract's value and its recurrence schedule.

Pure: no SQL, no HTTP. A contract is a template of a sale repeated on a schedule; creating it generates
every scheduled sale at once (eager, as production: MENSAL + NUNCA gives 25 sales two years ahead).

Schedule (choice `contrato-agenda`):
- the first emission is the first day on or after `data_inicio` whose day of the month is
  `dia_emissao_venda` (the month's last day when it has fewer days), or the older revision's
  `data_emissao` when sent; each next one `intervalo_frequencia` months (MENSAL) or years (ANUAL) later,
  on the same day of the month (clamped again);
- DATA: emissions up to `data_fim` inclusive; NUNCA: up to 24 months after the first emission inclusive
  (`data_fim` is required but ignored);
- the k-th sale is due on `primeira_data_vencimento` for k = 0, then on `dia_vencimento` (clamped) of the
  month `k` periods after it.
Derived state (`Situacao`) reads the company's today: a scheduled sale whose emission day has come is
confirmed (`vigencia_atual`), the others are ahead (`vigencia_restante`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from anil.domain.money import ZERO, quantize
from anil.domain.pagamentos import SINONIMOS_PAGAMENTO_VENDA as ALIASES_PAGAMENTO
from anil.domain.pagamentos import TIPOS_DESCONTO
from anil.domain.pagamentos import TIPOS_PAGAMENTO_VENDA as TIPOS_PAGAMENTO
from anil.errors import InvalidInput

TIPOS_FREQUENCIA = ("MENSAL", "ANUAL")
TIPOS_EXPIRACAO = ("DATA", "NUNCA")
STATUS = ("ATIVO", "INATIVO", "DELETADO")
STATUS_FILTRO = ("TODOS", "ATIVO", "INATIVO", "PROXIMO_AO_VENCIMENTO")
ORDENACOES = ("DATA_INICIO", "DATA_FIM")


NUNCA_MESES = 24  # NUNCA schedules this many months after the first emission (production: ~2 years)
MAXIMO_VENDAS = 120  # a contract generating more scheduled sales is refused (choice `contrato-limites`)
DESCRICAO_ITEM_MAXIMO = 500
OBSERVACOES_MAXIMO = 2000
VALOR_MAXIMO = Decimal("9999999999999.99")

# Messages production gave (catalog §3.6) and ours in the same voice
NUMERO_OBRIGATORIO = "O número do contrato é obrigatório"
ITENS_VAZIOS = "Lista de itens da recorrência não pode ser vazia"
DATA_INICIO_NULA = "Data de início da recorrência não pode ser nula"
DATA_FIM_NULA = "Data de fim da recorrência não pode ser nula"
DATA_FIM_ANTERIOR = "A data de fim da recorrência não pode ser anterior à data de início"
NUMERO_DUPLICADO = "Já existe um contrato com o número {numero}"
SEM_VENDAS = "O período informado não gera nenhuma venda para o contrato"
VENDAS_DEMAIS = f"O contrato não pode gerar mais de {MAXIMO_VENDAS} vendas"
NAO_ENCONTRADO = "Contrato não encontrado"
ERRO_INTERNO = "Erro interno ao processar a requisição"
EXCLUIDO_NAO_ENCERRA = "Não é possível encerrar um contrato excluído"

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

_ZERO_UUID = "00000000-0000-0000-0000-000000000000"
SEM_VENDA = _ZERO_UUID  # "zeroed" sale ids of the detail (catalog §3.6)


# ---------------------------------------------------------------------------------------- inputs ----


@dataclass(frozen=True, slots=True)
class ItemEntrada:
    id: str | None = None
    quantidade: Decimal | None = None
    valor: Decimal | None = None
    descricao: str | None = None
    valor_custo: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ContratoEntrada:
    """The create body as sent; every field may be missing (the rules report the first one)."""

    id_cliente: str | None = None
    termos: bool = False
    numero: int | None = None
    data_inicio: date | None = None
    data_fim: date | None = None
    dia_emissao_venda: int | None = None
    intervalo_frequencia: int | None = None
    tipo_frequencia: str | None = None
    tipo_expiracao: str | None = None
    condicao_pagamento: bool = False
    tipo_pagamento: str | None = None
    dia_vencimento: int | None = None
    primeira_data_vencimento: date | None = None
    id_conta_financeira: str | None = None
    itens: tuple[ItemEntrada, ...] | None = None
    itens_em_termos: bool = False  # items sent under `termos` (production's own message for that)
    frete: Decimal | None = None
    desconto: bool = False
    desconto_tipo: str | None = None
    desconto_valor: Decimal | None = None
    id_categoria: str | None = None
    id_centro_custo: str | None = None
    id_vendedor: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    data_emissao: date | None = None  # the older revision (Appendix A.7)


@dataclass(frozen=True, slots=True)
class ItemValido:
    id: str
    quantidade: Decimal
    valor: Decimal
    descricao: str | None
    valor_custo: Decimal | None


@dataclass(frozen=True, slots=True)
class Composicao:
    valor_bruto: Decimal
    desconto: Decimal
    frete: Decimal

    @property
    def valor_liquido(self) -> Decimal:
        return quantize(self.valor_bruto - self.desconto + self.frete)


@dataclass(frozen=True, slots=True)
class ContratoValido:
    id_cliente: str
    numero: int
    data_inicio: date
    data_fim: date
    dia_emissao_venda: int
    intervalo_frequencia: int
    tipo_frequencia: str
    tipo_expiracao: str
    tipo_pagamento: str
    dia_vencimento: int
    primeira_data_vencimento: date
    id_conta_financeira: str | None
    itens: tuple[ItemValido, ...]
    frete: Decimal
    desconto_tipo: str | None
    desconto_valor: Decimal
    composicao: Composicao
    id_categoria: str | None = None
    id_centro_custo: str | None = None
    id_vendedor: str | None = None
    observacoes: str | None = None
    observacoes_pagamento: str | None = None
    data_emissao: date | None = None

    @property
    def valor_venda(self) -> Decimal:
        """What each scheduled sale is worth."""
        return self.composicao.valor_liquido


# ----------------------------------------------------------------------------------------- rules ----


def obrigatorio(campo: str) -> str:
    return f"O campo '{campo}' é obrigatório"


def _uuid(valor: str | None, campo: str, *, requerido: bool) -> str | None:
    if valor is None or not valor.strip():
        if requerido:
            raise InvalidInput(obrigatorio(campo))
        return None
    if not _UUID.match(valor.strip()):
        raise InvalidInput(f"O campo '{campo}' deve ser um identificador (uuid) válido")
    return valor.strip().lower()


def _inteiro(valor: int | None, campo: str, minimo: int, maximo: int | None = None) -> int:
    if valor is None:
        raise InvalidInput(obrigatorio(campo))
    if valor < minimo or (maximo is not None and valor > maximo):
        if maximo is None:
            raise InvalidInput(f"O campo '{campo}' deve ser maior ou igual a {minimo}")
        raise InvalidInput(f"O campo '{campo}' deve estar entre {minimo} e {maximo}")
    return valor


def _dinheiro(valor: Decimal | None, campo: str, *, requerido: bool) -> Decimal | None:
    if valor is None:
        if requerido:
            raise InvalidInput(obrigatorio(campo))
        return None
    if not valor.is_finite() or abs(valor) > VALOR_MAXIMO:
        raise InvalidInput(f"O campo '{campo}' é inválido")
    if valor < ZERO:
        raise InvalidInput(f"O campo '{campo}' não pode ser negativo")
    return valor


def _texto(valor: str | None, campo: str, maximo: int) -> str | None:
    if valor is None:
        return None
    if len(valor) > maximo:
        raise InvalidInput(f"O campo '{campo}' deve ter no máximo {maximo} caracteres")
    return valor


def _enum(valor: str | None, campo: str, permitidos: Sequence[str]) -> str:
    if valor is None or not valor.strip():
        raise InvalidInput(obrigatorio(campo))
    if valor not in permitidos:
        raise InvalidInput(f"O campo '{campo}' deve ser um dos seguintes valores: {', '.join(permitidos)}")
    return valor


def tipo_pagamento(valor: str | None, campo: str = "condicao_pagamento.tipo_pagamento") -> str:
    if valor is not None and valor in ALIASES_PAGAMENTO:
        return ALIASES_PAGAMENTO[valor]
    return _enum(valor, campo, TIPOS_PAGAMENTO)


def _item(entrada: ItemEntrada, indice: int) -> ItemValido:
    prefixo = f"itens[{indice}]"
    item_id = _uuid(entrada.id, f"{prefixo}.id", requerido=True)
    quantidade = _dinheiro_exato(entrada.quantidade, f"{prefixo}.quantidade")
    valor = _dinheiro(entrada.valor, f"{prefixo}.valor", requerido=True)
    descricao = _texto(entrada.descricao, f"{prefixo}.descricao", DESCRICAO_ITEM_MAXIMO)
    custo = _dinheiro(entrada.valor_custo, f"{prefixo}.valor_custo", requerido=False)
    assert item_id is not None and valor is not None
    return ItemValido(
        id=item_id,
        quantidade=quantidade,
        valor=quantize(valor),
        descricao=descricao,
        valor_custo=quantize(custo) if custo is not None else None,
    )


QUANTIDADE = Decimal("0.0001")


def _dinheiro_exato(valor: Decimal | None, campo: str) -> Decimal:
    """A quantity: four places (0.5 kg), above zero (each scheduled sale repeats the line; a sale's line
    needs a positive quantity)."""
    checked = _dinheiro(valor, campo, requerido=True)
    assert checked is not None
    if checked <= ZERO:
        raise InvalidInput(f"O campo '{campo}' deve ser maior que zero")
    return checked.quantize(QUANTIDADE)


def composicao(
    itens: Sequence[ItemValido], frete: Decimal, desconto_tipo: str | None, desconto_valor: Decimal
) -> Composicao:
    """valor_bruto = Σ quantidade × valor (to the cent, as a sale's: `domain.vendas.composicao`); desconto a
    value or a percentage of it."""
    bruto = quantize(sum((item.quantidade * item.valor for item in itens), ZERO))
    if desconto_tipo == "PORCENTAGEM":
        desconto = quantize(bruto * desconto_valor / Decimal(100))
    elif desconto_tipo == "VALOR":
        desconto = quantize(desconto_valor)
    else:
        desconto = ZERO
    return Composicao(valor_bruto=bruto, desconto=desconto, frete=quantize(frete))


def validar(entrada: ContratoEntrada) -> ContratoValido:
    """The create body's rules, one field at a time, in the current spec's order (choice
    `contrato-validacao`). References (client, items, …) are the service's to check."""
    cliente = _uuid(entrada.id_cliente, "id_cliente", requerido=True)
    if not entrada.termos:
        raise InvalidInput(obrigatorio("termos"))
    if entrada.numero is None:
        raise InvalidInput(NUMERO_OBRIGATORIO)
    numero = _inteiro(entrada.numero, "termos.numero", 1)
    if entrada.data_inicio is None:
        raise InvalidInput(DATA_INICIO_NULA)
    if entrada.data_fim is None:
        raise InvalidInput(DATA_FIM_NULA)
    if entrada.data_fim < entrada.data_inicio:
        raise InvalidInput(DATA_FIM_ANTERIOR)
    antigo = entrada.data_emissao is not None  # the older revision: these two were optional
    dia_emissao = (
        entrada.data_emissao.day  # type: ignore[union-attr]
        if antigo and entrada.dia_emissao_venda is None
        else _inteiro(entrada.dia_emissao_venda, "termos.dia_emissao_venda", 1, 31)
    )
    intervalo = (
        1
        if antigo and entrada.intervalo_frequencia is None
        else _inteiro(entrada.intervalo_frequencia, "termos.intervalo_frequencia", 1, 60)
    )
    frequencia = _enum(entrada.tipo_frequencia, "termos.tipo_frequencia", TIPOS_FREQUENCIA)
    expiracao = _enum(entrada.tipo_expiracao, "termos.tipo_expiracao", TIPOS_EXPIRACAO)
    if not entrada.condicao_pagamento:
        raise InvalidInput(obrigatorio("condicao_pagamento"))
    pagamento = (
        "OUTRO" if antigo and entrada.tipo_pagamento is None else tipo_pagamento(entrada.tipo_pagamento)
    )
    dia_vencimento = _inteiro(entrada.dia_vencimento, "condicao_pagamento.dia_vencimento", 1, 31)
    if entrada.primeira_data_vencimento is None:
        raise InvalidInput(obrigatorio("condicao_pagamento.primeira_data_vencimento"))
    conta = _uuid(entrada.id_conta_financeira, "condicao_pagamento.id_conta_financeira", requerido=False)
    if entrada.itens is None and entrada.itens_em_termos:
        raise InvalidInput(ITENS_VAZIOS)
    if entrada.itens is None:
        raise InvalidInput(obrigatorio("itens"))
    if not entrada.itens:
        raise InvalidInput(ITENS_VAZIOS)
    itens = tuple(_item(item, indice) for indice, item in enumerate(entrada.itens))
    frete = _dinheiro(entrada.frete, "composicao_de_valor.frete", requerido=False) or ZERO
    desconto_tipo: str | None = None
    desconto_valor = ZERO
    if entrada.desconto:
        desconto_tipo = _enum(entrada.desconto_tipo, "composicao_de_valor.desconto.tipo", TIPOS_DESCONTO)
        checked = _dinheiro(entrada.desconto_valor, "composicao_de_valor.desconto.valor", requerido=True)
        assert checked is not None
        desconto_valor = quantize(checked)
        if desconto_tipo == "PORCENTAGEM" and desconto_valor > 100:
            raise InvalidInput("O campo 'composicao_de_valor.desconto.valor' deve estar entre 0 e 100")
    valores = composicao(itens, frete, desconto_tipo, desconto_valor)
    if valores.desconto > valores.valor_bruto:
        raise InvalidInput("O desconto não pode ser maior que o valor bruto do contrato")
    if valores.valor_liquido <= ZERO:
        raise InvalidInput("O valor total do contrato deve ser maior que zero")
    categoria = _uuid(entrada.id_categoria, "id_categoria", requerido=False)
    centro = _uuid(entrada.id_centro_custo, "id_centro_custo", requerido=False)
    vendedor = _uuid(entrada.id_vendedor, "id_vendedor", requerido=False)
    observacoes = _texto(entrada.observacoes, "observacoes", OBSERVACOES_MAXIMO)
    observacoes_pagamento = _texto(entrada.observacoes_pagamento, "observacoes_pagamento", OBSERVACOES_MAXIMO)
    assert cliente is not None
    valido = ContratoValido(
        id_cliente=cliente,
        numero=numero,
        data_inicio=entrada.data_inicio,
        data_fim=entrada.data_fim,
        dia_emissao_venda=dia_emissao,
        intervalo_frequencia=intervalo,
        tipo_frequencia=frequencia,
        tipo_expiracao=expiracao,
        tipo_pagamento=pagamento,
        dia_vencimento=dia_vencimento,
        primeira_data_vencimento=entrada.primeira_data_vencimento,
        id_conta_financeira=conta,
        itens=itens,
        frete=quantize(frete),
        desconto_tipo=desconto_tipo,
        desconto_valor=desconto_valor,
        composicao=valores,
        id_categoria=categoria,
        id_centro_custo=centro,
        id_vendedor=vendedor,
        observacoes=observacoes,
        observacoes_pagamento=observacoes_pagamento,
        data_emissao=entrada.data_emissao,
    )
    agenda(valido)  # refuses an empty or oversized schedule before anything is written
    return valido


# -------------------------------------------------------------------------------------- schedule ----


def somar_meses(dia: date, meses: int, dia_do_mes: int | None = None) -> date:
    """`dia` moved `meses` months, on `dia_do_mes` (default its own day), clamped to the month's end."""
    indice = dia.year * 12 + (dia.month - 1) + meses
    ano, mes = divmod(indice, 12)
    mes += 1
    ultimo = calendar.monthrange(ano, mes)[1]
    return date(ano, mes, min(dia_do_mes or dia.day, ultimo))


def primeira_emissao(inicio: date, dia_do_mes: int) -> date:
    """The first day on or after `inicio` that is `dia_do_mes` (clamped to short months)."""
    candidato = somar_meses(inicio, 0, dia_do_mes)
    if candidato < inicio:
        candidato = somar_meses(inicio, 1, dia_do_mes)
    return candidato


@dataclass(frozen=True, slots=True)
class Agendamento:
    indice: int  # 1-based
    data_emissao: date
    data_vencimento: date


def passo_meses(tipo_frequencia: str, intervalo: int) -> int:
    return intervalo * (12 if tipo_frequencia == "ANUAL" else 1)


def agenda(valido: ContratoValido) -> list[Agendamento]:
    """Every scheduled sale of the contract (module docstring); 400 when none or too many."""
    passo = passo_meses(valido.tipo_frequencia, valido.intervalo_frequencia)
    primeira = valido.data_emissao or primeira_emissao(valido.data_inicio, valido.dia_emissao_venda)
    limite = somar_meses(primeira, NUNCA_MESES) if valido.tipo_expiracao == "NUNCA" else valido.data_fim
    vencimento0 = valido.primeira_data_vencimento
    out: list[Agendamento] = []
    k = 0
    while True:
        emissao = somar_meses(primeira, k * passo, valido.dia_emissao_venda)
        if k == 0:
            emissao = primeira
        if emissao > limite:
            break
        if len(out) == MAXIMO_VENDAS:
            raise InvalidInput(VENDAS_DEMAIS)
        vencimento = vencimento0 if k == 0 else somar_meses(vencimento0, k * passo, valido.dia_vencimento)
        out.append(Agendamento(indice=k + 1, data_emissao=emissao, data_vencimento=vencimento))
        k += 1
    if not out:
        raise InvalidInput(SEM_VENDAS)
    return out


# --------------------------------------------------------------------------------- derived state ----


@dataclass(frozen=True, slots=True)
class VendaAgendada:
    """One scheduled sale of a contract, as stored beside it."""

    venda_id: str | None
    indice: int
    data_emissao: date
    data_vencimento: date
    valor: Decimal
    cancelada: bool


@dataclass(frozen=True, slots=True)
class Situacao:
    vigencia_total: int
    vigencia_atual: int
    vigencia_restante: int
    id_ultima_venda_confirmada: str
    id_proxima_venda_agendada: str
    data_proxima_emissao: date | None
    data_proximo_vencimento: date | None
    total_proximo_vencimento: Decimal | None
    data_ultima_emissao: date | None
    agendadas: tuple[VendaAgendada, ...] = field(default=())


def situacao(vendas: Sequence[VendaAgendada], hoje: date) -> Situacao:
    """What the contract shows on the company's `hoje`: sales whose emission day has come are confirmed;
    cancelled ones (after encerrar or delete) count for nothing but `vigencia_total`."""
    ativas = sorted((v for v in vendas if not v.cancelada), key=lambda v: v.indice)
    confirmadas = [v for v in ativas if v.data_emissao <= hoje]
    futuras = [v for v in ativas if v.data_emissao > hoje]
    proximas = sorted(
        (v for v in ativas if v.data_vencimento >= hoje), key=lambda v: (v.data_vencimento, v.indice)
    )
    proxima_cobranca = proximas[0] if proximas else None
    return Situacao(
        vigencia_total=len(vendas),
        vigencia_atual=len(confirmadas),
        vigencia_restante=len(futuras),
        id_ultima_venda_confirmada=(confirmadas[-1].venda_id or SEM_VENDA) if confirmadas else SEM_VENDA,
        id_proxima_venda_agendada=(futuras[0].venda_id or SEM_VENDA) if futuras else SEM_VENDA,
        data_proxima_emissao=futuras[0].data_emissao if futuras else None,
        data_proximo_vencimento=proxima_cobranca.data_vencimento if proxima_cobranca else None,
        total_proximo_vencimento=proxima_cobranca.valor if proxima_cobranca else None,
        data_ultima_emissao=ativas[-1].data_emissao if ativas else None,
        agendadas=tuple(ativas),
    )


DIAS_PROXIMO_AO_VENCIMENTO = 30  # `status=PROXIMO_AO_VENCIMENTO` (choice `contrato-lista`)
