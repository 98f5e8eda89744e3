"""Creating a financial event (catalog §3.10 create body): the request's own rules, one field at a time.

`POST …/contas-a-receber` and `…/contas-a-pagar` take the same body. What the body alone can tell is
checked here, in the request, and answered 400 in Portuguese (the first failing field only, in the
order of the body): required fields, UUID shapes, amounts, enum values and the sums (the rateio adds up
to `valor`, each rateio's cost centers add up to that rateio, the installments' gross values add up to
`valor`). Whether the referenced records exist in the company is the service's (it needs the database),
checked in the request and again by the worker that creates the event.

`EventoValido` travels through the job queue as JSON (`para_payload` / `de_payload`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from anil.domain.financeiro import TipoEvento
from anil.domain.money import ZERO, quantize, total
from anil.domain.pagamentos import METODOS_PAGAMENTO_FIN as METODOS_PAGAMENTO
from anil.errors import InvalidInput

VALOR_MAXIMO = Decimal("9999999999999.99")  # NUMERIC(15, 2)
DESCRICAO_MAXIMO = 255
TEXTO_MAXIMO = 4000
PARCELAS_MAXIMO = 420  # 35 years of monthly installments
RATEIO_MAXIMO = 100


_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

# What the protocol says once the worker created the event (§3.13's example for receivables).
RESPOSTA_SUCESSO = {
    TipoEvento.RECEITA: "O evento financeiro foi criado no contas a receber da Conta Azul.",
    TipoEvento.DESPESA: "O evento financeiro foi criado no contas a pagar da Conta Azul.",
}


# ------------------------------------------------------------------------------------------ input ----


@dataclass(frozen=True, slots=True)
class DetalheValorEntrada:
    valor_bruto: Decimal | None = None
    valor_liquido: Decimal | None = None
    multa: Decimal | None = None
    juros: Decimal | None = None
    desconto: Decimal | None = None
    taxa: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ParcelaEntrada:
    descricao: str | None = None
    data_vencimento: date | None = None
    nota: str | None = None
    conta_financeira: str | None = None
    detalhe_valor: DetalheValorEntrada | None = None
    metodo_pagamento: str | None = None


@dataclass(frozen=True, slots=True)
class CentroEntrada:
    id_centro_custo: str | None = None
    valor: Decimal | None = None


@dataclass(frozen=True, slots=True)
class RateioEntrada:
    id_categoria: str | None = None
    valor: Decimal | None = None
    rateio_centro_custo: tuple[CentroEntrada, ...] | None = None


@dataclass(frozen=True, slots=True)
class EventoEntrada:
    data_competencia: date | None = None
    valor: Decimal | None = None
    observacao: str | None = None
    descricao: str | None = None
    contato: str | None = None
    conta_financeira: str | None = None
    rateio: tuple[RateioEntrada, ...] | None = None
    # `condicao_pagamento` absent → None; present → its `parcelas` (None when that key is absent)
    condicao_pagamento: bool = False
    parcelas: tuple[ParcelaEntrada, ...] | None = None


# ------------------------------------------------------------------------------------------ valid ----


@dataclass(frozen=True, slots=True)
class CentroValido:
    centro_custo_id: str
    valor: Decimal


@dataclass(frozen=True, slots=True)
class RateioValido:
    categoria_id: str
    valor: Decimal
    centros: tuple[CentroValido, ...] = ()


@dataclass(frozen=True, slots=True)
class ParcelaValida:
    descricao: str
    data_vencimento: date
    nota: str
    conta_financeira_id: str
    valor_bruto: Decimal
    multa: Decimal = ZERO
    juros: Decimal = ZERO
    desconto: Decimal = ZERO
    taxa: Decimal = ZERO
    metodo_pagamento: str | None = None


@dataclass(frozen=True, slots=True)
class EventoValido:
    tipo: TipoEvento
    data_competencia: date
    valor: Decimal
    observacao: str
    descricao: str
    contato_id: str
    conta_financeira_id: str
    rateio: tuple[RateioValido, ...]
    parcelas: tuple[ParcelaValida, ...]
    codigo_referencia: str | None = None
    agendado: bool = False

    def contas(self) -> list[str]:
        """Every financial account the event names: its own, then its installments', each once."""
        return list(
            dict.fromkeys([self.conta_financeira_id, *(p.conta_financeira_id for p in self.parcelas)])
        )

    def categorias(self) -> list[str]:
        return list(dict.fromkeys(r.categoria_id for r in self.rateio))

    def centros(self) -> list[str]:
        return list(dict.fromkeys(c.centro_custo_id for r in self.rateio for c in r.centros))


@dataclass(frozen=True, slots=True)
class Referencias:
    """Which of the event's references exist in the company (the service looks them up)."""

    contato: bool
    contas: frozenset[str]
    categorias: dict[str, str] = field(default_factory=dict)  # id → tipo (RECEITA | DESPESA)
    centros: frozenset[str] = frozenset()


# ------------------------------------------------------------------------------------------ rules ----


def obrigatorio(campo: str) -> str:
    return f"O campo '{campo}' é obrigatório"


def _uuid(valor: str | None, campo: str) -> str:
    if valor is None or not valor.strip():
        raise InvalidInput(obrigatorio(campo))
    if not _UUID.match(valor.strip()):
        raise InvalidInput(f"O campo '{campo}' deve ser um identificador (uuid) válido")
    return valor.strip().lower()


def _texto(valor: str | None, campo: str, maximo: int, *, vazio: bool) -> str:
    """Required text: absent or null is missing; blank too unless `vazio` (free notes)."""
    if valor is None or (not vazio and not valor.strip()):
        raise InvalidInput(obrigatorio(campo))
    valor = valor.strip()
    if len(valor) > maximo:
        raise InvalidInput(f"O campo '{campo}' deve ter no máximo {maximo} caracteres")
    return valor


def _dinheiro(
    valor: Decimal | None, campo: str, *, obrigatorio_: bool = False, positivo: bool = False
) -> Decimal:
    if valor is None:
        if obrigatorio_:
            raise InvalidInput(obrigatorio(campo))
        return ZERO
    try:
        valor = quantize(valor)
    except (InvalidOperation, ValueError, ArithmeticError):
        raise InvalidInput(f"O campo '{campo}' é inválido") from None
    if not valor.is_finite() or abs(valor) > VALOR_MAXIMO:
        raise InvalidInput(f"O campo '{campo}' é inválido")
    if positivo and valor <= ZERO:
        raise InvalidInput(f"O campo '{campo}' deve ser maior que zero")
    if valor < ZERO:
        raise InvalidInput(f"O campo '{campo}' não pode ser negativo")
    return valor


def reais(valor: Decimal) -> str:
    """`R$ 1.234,56`, as the ERP writes money in its messages."""
    inteiro, _, centavos = f"{quantize(valor):.2f}".partition(".")
    negativo = inteiro.startswith("-")
    inteiro = inteiro.lstrip("-")
    grupos = []
    while inteiro:
        grupos.insert(0, inteiro[-3:])
        inteiro = inteiro[:-3]
    return f"{'-' if negativo else ''}R$ {'.'.join(grupos)},{centavos}"


def _rateio(entrada: RateioEntrada, indice: int) -> RateioValido:
    prefixo = f"rateio[{indice}]"
    categoria = _uuid(entrada.id_categoria, f"{prefixo}.id_categoria")
    valor = _dinheiro(entrada.valor, f"{prefixo}.valor", obrigatorio_=True, positivo=True)
    centros: list[CentroValido] = []
    vistos: set[str] = set()
    for j, centro in enumerate(entrada.rateio_centro_custo or ()):
        campo = f"{prefixo}.rateio_centro_custo[{j}]"
        centro_id = _uuid(centro.id_centro_custo, f"{campo}.id_centro_custo")
        if centro_id in vistos:
            raise InvalidInput(f"O centro de custo '{centro_id}' aparece mais de uma vez em '{prefixo}'")
        vistos.add(centro_id)
        centros.append(
            CentroValido(
                centro_id, _dinheiro(centro.valor, f"{campo}.valor", obrigatorio_=True, positivo=True)
            )
        )
    if len(centros) > RATEIO_MAXIMO:
        raise InvalidInput(
            f"O campo '{prefixo}.rateio_centro_custo' não pode conter mais de {RATEIO_MAXIMO} itens"
        )
    if centros:
        soma = total(c.valor for c in centros)
        if soma != valor:
            raise InvalidInput(
                f"A soma do rateio por centro de custo de '{prefixo}' ({reais(soma)}) "
                f"difere do valor do rateio ({reais(valor)})"
            )
    return RateioValido(categoria, valor, tuple(centros))


def _parcela(entrada: ParcelaEntrada, indice: int) -> ParcelaValida:
    prefixo = f"condicao_pagamento.parcelas[{indice}]"
    descricao = _texto(entrada.descricao, f"{prefixo}.descricao", DESCRICAO_MAXIMO, vazio=False)
    if entrada.data_vencimento is None:
        raise InvalidInput(obrigatorio(f"{prefixo}.data_vencimento"))
    nota = _texto(entrada.nota, f"{prefixo}.nota", TEXTO_MAXIMO, vazio=True)
    conta = _uuid(entrada.conta_financeira, f"{prefixo}.conta_financeira")
    detalhe = entrada.detalhe_valor
    if detalhe is None:
        raise InvalidInput(obrigatorio(f"{prefixo}.detalhe_valor"))
    campo = f"{prefixo}.detalhe_valor"
    bruto = _dinheiro(detalhe.valor_bruto, f"{campo}.valor_bruto", obrigatorio_=True, positivo=True)
    # `valor_liquido` is derived (bruto + juros + multa − desconto − taxa); a sent one is not checked.
    partes = {
        nome: _dinheiro(getattr(detalhe, nome), f"{campo}.{nome}")
        for nome in ("multa", "juros", "desconto", "taxa")
    }
    metodo = entrada.metodo_pagamento
    if metodo is not None and metodo not in METODOS_PAGAMENTO:
        raise InvalidInput(
            f"O campo '{prefixo}.metodo_pagamento' deve ser um dos seguintes valores: {', '.join(METODOS_PAGAMENTO)}"
        )
    return ParcelaValida(
        descricao=descricao,
        data_vencimento=entrada.data_vencimento,
        nota=nota,
        conta_financeira_id=conta,
        valor_bruto=bruto,
        metodo_pagamento=metodo,
        **partes,
    )


def validar_evento(entrada: EventoEntrada, tipo: TipoEvento) -> EventoValido:
    """The body's own rules, one field at a time, in the order of §3.10's table."""
    if entrada.data_competencia is None:
        raise InvalidInput(obrigatorio("data_competencia"))
    valor = _dinheiro(entrada.valor, "valor", obrigatorio_=True, positivo=True)
    observacao = _texto(entrada.observacao, "observacao", TEXTO_MAXIMO, vazio=True)
    descricao = _texto(entrada.descricao, "descricao", DESCRICAO_MAXIMO, vazio=False)
    contato = _uuid(entrada.contato, "contato")
    conta = _uuid(entrada.conta_financeira, "conta_financeira")

    rateio: list[RateioValido] = []
    categorias: set[str] = set()
    entradas_rateio = entrada.rateio or ()
    if len(entradas_rateio) > RATEIO_MAXIMO:
        raise InvalidInput(f"O campo 'rateio' não pode conter mais de {RATEIO_MAXIMO} itens")
    for i, item in enumerate(entradas_rateio):
        linha = _rateio(item, i)
        if linha.categoria_id in categorias:
            raise InvalidInput(f"A categoria '{linha.categoria_id}' aparece mais de uma vez no rateio")
        categorias.add(linha.categoria_id)
        rateio.append(linha)
    if rateio:
        soma = total(r.valor for r in rateio)
        if soma != valor:
            raise InvalidInput(
                f"A soma dos valores do rateio ({reais(soma)}) difere do valor do evento ({reais(valor)})"
            )

    if not entrada.condicao_pagamento:
        raise InvalidInput(obrigatorio("condicao_pagamento"))
    if entrada.parcelas is None:
        raise InvalidInput(obrigatorio("condicao_pagamento.parcelas"))
    if not entrada.parcelas:
        raise InvalidInput("O campo 'condicao_pagamento.parcelas' deve conter ao menos 1 item")
    if len(entrada.parcelas) > PARCELAS_MAXIMO:
        raise InvalidInput(
            f"O campo 'condicao_pagamento.parcelas' não pode conter mais de {PARCELAS_MAXIMO} itens"
        )
    parcelas = tuple(_parcela(p, i) for i, p in enumerate(entrada.parcelas))
    soma = total(p.valor_bruto for p in parcelas)
    if soma != valor:
        raise InvalidInput(
            f"A soma dos valores brutos das parcelas ({reais(soma)}) difere do valor do evento "
            f"({reais(valor)}): as parcelas devem somar o valor do evento"
        )
    return EventoValido(
        tipo=tipo,
        data_competencia=entrada.data_competencia,
        valor=valor,
        observacao=observacao,
        descricao=descricao,
        contato_id=contato,
        conta_financeira_id=conta,
        rateio=tuple(rateio),
        parcelas=parcelas,
    )


def verificar_referencias(valido: EventoValido, refs: Referencias) -> None:
    """Every referenced record exists in the company, categories of the event's kind. Same order as the
    body: the contact, the accounts (event, then installments), the categories, the cost centers."""
    if not refs.contato:
        raise InvalidInput(f"O contato '{valido.contato_id}' não foi encontrado")
    for conta in valido.contas():
        if conta not in refs.contas:
            raise InvalidInput(f"A conta financeira '{conta}' não foi encontrada")
    for categoria in valido.categorias():
        tipo = refs.categorias.get(categoria)
        if tipo is None:
            raise InvalidInput(f"A categoria '{categoria}' não foi encontrada")
        if tipo != valido.tipo:
            esperado = "receita" if valido.tipo == TipoEvento.RECEITA else "despesa"
            raise InvalidInput(f"A categoria '{categoria}' não é uma categoria de {esperado}")
    for centro in valido.centros():
        if centro not in refs.centros:
            raise InvalidInput(f"O centro de custo '{centro}' não foi encontrado")


# ---------------------------------------------------------------------------------------- payload ----


def para_payload(valido: EventoValido) -> dict:
    """The validated event as JSON (amounts as strings, dates ISO), for the job queue."""
    return {
        "tipo": str(valido.tipo),
        "data_competencia": valido.data_competencia.isoformat(),
        "valor": str(valido.valor),
        "observacao": valido.observacao,
        "descricao": valido.descricao,
        "contato": valido.contato_id,
        "conta_financeira": valido.conta_financeira_id,
        "codigo_referencia": valido.codigo_referencia,
        "agendado": valido.agendado,
        "rateio": [
            {
                "id_categoria": r.categoria_id,
                "valor": str(r.valor),
                "centros": [{"id_centro_custo": c.centro_custo_id, "valor": str(c.valor)} for c in r.centros],
            }
            for r in valido.rateio
        ],
        "parcelas": [
            {
                "descricao": p.descricao,
                "data_vencimento": p.data_vencimento.isoformat(),
                "nota": p.nota,
                "conta_financeira": p.conta_financeira_id,
                "valor_bruto": str(p.valor_bruto),
                "multa": str(p.multa),
                "juros": str(p.juros),
                "desconto": str(p.desconto),
                "taxa": str(p.taxa),
                "metodo_pagamento": p.metodo_pagamento,
            }
            for p in valido.parcelas
        ],
    }


def de_payload(payload: dict) -> EventoValido:
    return EventoValido(
        tipo=TipoEvento(payload["tipo"]),
        data_competencia=date.fromisoformat(payload["data_competencia"]),
        valor=Decimal(payload["valor"]),
        observacao=payload["observacao"],
        descricao=payload["descricao"],
        contato_id=payload["contato"],
        conta_financeira_id=payload["conta_financeira"],
        codigo_referencia=payload.get("codigo_referencia"),
        agendado=bool(payload.get("agendado", False)),
        rateio=tuple(
            RateioValido(
                r["id_categoria"],
                Decimal(r["valor"]),
                tuple(CentroValido(c["id_centro_custo"], Decimal(c["valor"])) for c in r["centros"]),
            )
            for r in payload["rateio"]
        ),
        parcelas=tuple(
            ParcelaValida(
                descricao=p["descricao"],
                data_vencimento=date.fromisoformat(p["data_vencimento"]),
                nota=p["nota"],
                conta_financeira_id=p["conta_financeira"],
                valor_bruto=Decimal(p["valor_bruto"]),
                multa=Decimal(p["multa"]),
                juros=Decimal(p["juros"]),
                desconto=Decimal(p["desconto"]),
                taxa=Decimal(p["taxa"]),
                metodo_pagamento=p["metodo_pagamento"],
            )
            for p in payload["parcelas"]
        ),
    )


# ------------------------------------------------------------------------------- PENDING duration ----

IMEDIATO = "immediate"
MANUAL = "manual"


MODO_MENSAGEM = "O modo deve ser 'immediate', 'manual' ou um número inteiro de segundos (1 a 86400)"
SEGUNDOS_MAXIMO = 86400


@dataclass(frozen=True, slots=True)
class ModoPendencia:
    """How long a new protocol stays PENDING before its job may run: `immediate` (the default),
    a number of seconds, or `manual` (until released through `/_anil/`)."""

    modo: str  # immediate | seconds | manual
    segundos: int = 0

    @property
    def texto(self) -> str:
        return str(self.segundos) if self.modo == SEGUNDOS else self.modo


SEGUNDOS = "seconds"


def modo_pendencia(texto: str | int | None) -> ModoPendencia:
    """`immediate`, `manual` or a whole number of seconds (0 = immediate); InvalidInput otherwise."""
    if texto is None:
        return ModoPendencia(IMEDIATO)
    if isinstance(texto, bool) or (isinstance(texto, float) and not texto.is_integer()):
        raise InvalidInput(MODO_MENSAGEM)
    valor = str(int(texto) if isinstance(texto, float) else texto).strip().lower()
    if valor in {"", IMEDIATO}:
        return ModoPendencia(IMEDIATO)
    if valor == MANUAL:
        return ModoPendencia(MANUAL)
    if not valor.isdigit() or int(valor) > SEGUNDOS_MAXIMO:
        raise InvalidInput(MODO_MENSAGEM)
    segundos = int(valor)
    return ModoPendencia(SEGUNDOS, segundos) if segundos else ModoPendencia(IMEDIATO)
