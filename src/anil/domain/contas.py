"""Contas financeiras, their balances and the transfers between them (catalog §3.9): pure rules.

The current balance is never stored. It is the initial balance plus the settled movements of the account
up to a day (`saldo_atual`), where a movement is anything that moved money in or out of the account with a
value composition (`ComposicaoValor`): today the two legs of each transfer; the financial group's
settlements (baixas) join as one more source of movements, computed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import IntEnum

from anil.domain.money import ZERO, quantize, total
from anil.domain.texto import chave
from anil.errors import InvalidInput

# «TIPO_CONTA_FINANCEIRA» (catalog §2.13), in the provider's order.
TIPOS_CONTA: tuple[str, ...] = (
    "APLICACAO",
    "CAIXINHA",
    "CONTA_CORRENTE",
    "CARTAO_CREDITO",
    "INVESTIMENTO",
    "OUTROS",
    "MEIOS_RECEBIMENTO",
    "POUPANCA",
    "COBRANCAS_CONTA_AZUL",
    "RECEBA_FACIL_CARTAO",
)
CAIXINHA = "CAIXINHA"
# The Conta Azul digital account ("Conta PJ") and its receiving arms (defaults.md §4): `esconde_conta_digital`.
TIPOS_CONTA_DIGITAL: frozenset[str] = frozenset(
    {"COBRANCAS_CONTA_AZUL", "RECEBA_FACIL_CARTAO", "MEIOS_RECEBIMENTO"}
)


@dataclass(frozen=True, slots=True)
class Banco:
    codigo: int  # COMPE code, as `codigo_banco` and `instituicao_bancaria.codigo`
    nome: str  # `instituicao_bancaria.nome`


# «BANCO» (catalog §2.13, 74 values, provider order) → COMPE code and display name. The codes are the
# public clearing codes (Banco Central's list of participants); OUTROS has none (0) and NAO_BANCO, the cash
# account's, is -10 (defaults.md §4).
BANCOS: Mapping[str, Banco] = {
    "BANCO_BRASIL": Banco(1, "Banco do Brasil"),
    "BRADESCO": Banco(237, "Bradesco"),
    "CAIXA_ECONOMICA": Banco(104, "Caixa Econômica Federal"),
    "HSBC": Banco(399, "HSBC"),
    "ITAU": Banco(341, "Itaú Unibanco"),
    "INTER": Banco(77, "Banco Inter"),
    "ORIGINAL": Banco(212, "Banco Original"),
    "SANTANDER": Banco(33, "Santander"),
    "BANCOOB": Banco(756, "Bancoob"),
    "BANESTES": Banco(21, "Banestes"),
    "BANPARA": Banco(37, "Banpará"),
    "BANRISUL": Banco(41, "Banrisul"),
    "BCN": Banco(291, "BCN"),
    "BANK_BOSTON": Banco(479, "BankBoston"),
    "BANCO_BRASILIA": Banco(70, "BRB - Banco de Brasília"),
    "BANCO_NORDESTE": Banco(4, "Banco do Nordeste"),
    "CITIBANK": Banco(745, "Citibank"),
    "CREDISAN": Banco(89, "Credisan"),
    "NOSSA_CAIXA": Banco(151, "Nossa Caixa"),
    "MERCANTIL": Banco(389, "Banco Mercantil do Brasil"),
    "REAL": Banco(356, "Banco Real"),
    "SAFRA": Banco(422, "Banco Safra"),
    "SICREDI": Banco(748, "Sicredi"),
    "SUDAMERIS": Banco(347, "Sudameris"),
    "UNIBANCO": Banco(409, "Unibanco"),
    "SICOOB": Banco(756, "Sicoob"),
    "AILOS": Banco(85, "Ailos"),
    "BS2": Banco(218, "Banco BS2"),
    "NUBANK": Banco(260, "Nubank"),
    "UNICRED": Banco(136, "Unicred"),
    "NEON": Banco(735, "Banco Neon"),
    "C6": Banco(336, "C6 Bank"),
    "CORA": Banco(403, "Cora"),
    "ACESSO": Banco(332, "Acesso Soluções de Pagamento"),
    "STONE": Banco(197, "Stone"),
    "AGIBANK": Banco(121, "Agibank"),
    "ASAAS": Banco(461, "Asaas"),
    "TOPAZIO": Banco(82, "Banco Topázio"),
    "DAYCOVAL": Banco(707, "Banco Daycoval"),
    "BANCO_AMAZONIA": Banco(3, "Banco da Amazônia"),
    "BANESE": Banco(47, "Banese"),
    "BTG_PACTUAL": Banco(208, "BTG Pactual"),
    "OMNI": Banco(613, "Omni Banco"),
    "GENIAL": Banco(125, "Banco Genial"),
    "CAPITAL": Banco(412, "Banco Capital"),
    "RIBEIRAO_PRETO": Banco(741, "Banco Ribeirão Preto"),
    "PAN": Banco(623, "Banco Pan"),
    "BMG": Banco(318, "Banco BMG"),
    "BNP_PARIBAS_BRASIL": Banco(752, "BNP Paribas Brasil"),
    "CCR_SAO_MIGUEL_OESTE": Banco(273, "CCR de São Miguel do Oeste"),
    "CREDISIS": Banco(97, "CrediSIS"),
    "CRESOL": Banco(133, "Cresol"),
    "FITBANK": Banco(450, "Fitbank"),
    "GERENCIANET": Banco(364, "Gerencianet"),
    "GLOBAL_SCM": Banco(384, "Global SCM"),
    "JP_MORGAN": Banco(376, "J.P. Morgan"),
    "JUNO": Banco(383, "Juno"),
    "MERCADO_PAGO": Banco(323, "Mercado Pago"),
    "MODAL": Banco(746, "Banco Modal"),
    "MONEY_PLUS": Banco(274, "Money Plus"),
    "NEXT": Banco(237, "Next"),
    "OTIMO": Banco(355, "Ótimo"),
    "PAGSEGURO": Banco(290, "PagSeguro"),
    "PICPAY": Banco(380, "PicPay"),
    "PJBANK": Banco(301, "PJBank"),
    "POLOCRED": Banco(93, "Polocred"),
    "RENDIMENTO": Banco(633, "Banco Rendimento"),
    "UNIPRIME": Banco(99, "Uniprime"),
    "UNIPRIME_NORTE_PARANA": Banco(84, "Uniprime Norte do Paraná"),
    "VORTX_DTVM": Banco(310, "Vórtx DTVM"),
    "BRL_TRUST": Banco(173, "BRL Trust DTVM"),
    "IUGU": Banco(401, "Iugu"),
    "OUTROS": Banco(0, "Outros"),
    "NAO_BANCO": Banco(-10, "Sem banco"),
}
NAO_BANCO = "NAO_BANCO"
OUTROS = "OUTROS"

NAO_ENCONTRADA = "Conta financeira não encontrada"
NOME_MAXIMO = 255
AGENCIA_NUMERO_MAXIMO = 32
CODIGO_BANCO_MAXIMO = 99999  # COMPE codes have 3 digits; room to spare, within a 32-bit column
DESCRICAO_MAXIMA = 255
# NUMERIC(15, 2): the largest amount storage holds.
VALOR_MAXIMO = Decimal("9999999999999.99")


# ------------------------------------------------------------------------------------ composition ----


@dataclass(frozen=True, slots=True)
class ComposicaoValor:
    """How an amount that settled in an account is made up (`composicao_valor`)."""

    valor_bruto: Decimal
    juros: Decimal = ZERO
    multa: Decimal = ZERO
    desconto: Decimal = ZERO
    taxa: Decimal = ZERO

    @property
    def valor_liquido(self) -> Decimal:
        """`valor_bruto + juros + multa − desconto − taxa` (catalog §3.9)."""
        return quantize(self.valor_bruto + self.juros + self.multa - self.desconto - self.taxa)


class Sentido(IntEnum):
    ENTRADA = 1
    SAIDA = -1


@dataclass(frozen=True, slots=True)
class Movimento:
    """Money that settled in (ENTRADA) or out of (SAIDA) an account on a day: its net value counts."""

    data: date
    sentido: Sentido
    composicao: ComposicaoValor

    @property
    def valor(self) -> Decimal:
        return self.composicao.valor_liquido * int(self.sentido)


def saldo_atual(saldo_inicial: Decimal, movimentos: Iterable[Movimento], ate: date | None = None) -> Decimal:
    """The initial balance plus every movement settled up to `ate` (inclusive; all when None)."""
    return total([saldo_inicial, *(m.valor for m in movimentos if ate is None or m.data <= ate)])


def tipo_saldo_inicial(saldo_inicial: Decimal) -> str:
    """`saldo-inicial` items: a negative initial balance is a DESPESA, any other a RECEITA (provider text)."""
    return "DESPESA" if saldo_inicial < 0 else "RECEITA"


# ----------------------------------------------------------------------------------------- records ----


@dataclass(frozen=True, slots=True)
class ContaRegistro:
    seq: int
    id: str
    nome: str
    tipo: str
    banco: str
    codigo_banco: int
    agencia: str | None
    numero: str | None
    ativo: bool
    conta_padrao: bool
    possui_config_boleto_bancario: bool
    saldo_inicial: Decimal
    data_saldo_inicial: date

    @property
    def instituicao(self) -> Banco:
        """`instituicao_bancaria` of a transfer leg: the stored code, the bank's display name."""
        banco = BANCOS.get(self.banco)
        return Banco(self.codigo_banco, banco.nome if banco else self.banco)


@dataclass(frozen=True, slots=True)
class Perna:
    """One side of a transfer: the account and what settled there."""

    conta: ContaRegistro
    data: date
    composicao: ComposicaoValor


@dataclass(frozen=True, slots=True)
class TransferenciaRegistro:
    id: str
    descricao: str
    valor: Decimal
    data: date
    origem: Perna
    destino: Perna


@dataclass(frozen=True, slots=True)
class FiltroContas:
    tipos: tuple[str, ...] = ()
    nome: str | None = None
    apenas_ativo: bool = False
    esconde_conta_digital: bool = False
    mostrar_caixinha: bool = True

    @property
    def nome_chave(self) -> str:
        return chave(self.nome)


@dataclass(frozen=True, slots=True)
class FiltroTransferencias:
    """Transfers dated in [data_inicio, data_fim] (open ends when None) leaving or reaching any of `contas`."""

    data_inicio: date | None = None
    data_fim: date | None = None
    contas: tuple[str, ...] = ()


# ----------------------------------------------------------------------------------------- inputs ----


@dataclass(frozen=True, slots=True)
class ContaEntrada:
    """An account as the sandbox control (`/_anil/`, CLI) asks for it; every field may be missing."""

    nome: str | None = None
    tipo: str | None = None
    banco: str | None = None
    codigo_banco: int | None = None
    agencia: str | None = None
    numero: str | None = None
    ativo: bool | None = None
    conta_padrao: bool | None = None
    possui_config_boleto_bancario: bool | None = None
    saldo_inicial: Decimal | None = None
    data_saldo_inicial: date | None = None


@dataclass(frozen=True, slots=True)
class ContaValida:
    nome: str
    nome_busca: str
    tipo: str
    banco: str
    codigo_banco: int
    agencia: str | None
    numero: str | None
    ativo: bool
    conta_padrao: bool
    possui_config_boleto_bancario: bool
    saldo_inicial: Decimal
    data_saldo_inicial: date


def _texto(valor: str | None, campo: str, maximo: int) -> str | None:
    if valor is None or not valor.strip():
        return None
    valor = valor.strip()
    if len(valor) > maximo:
        raise InvalidInput(f"O campo '{campo}' deve ter no máximo {maximo} caracteres")
    return valor


def _dinheiro(valor: Decimal | None, campo: str, *, padrao: Decimal = ZERO) -> Decimal:
    if valor is None:
        return padrao
    try:
        valor = quantize(valor)
    except (InvalidOperation, ValueError):
        raise InvalidInput(f"O campo '{campo}' é inválido") from None
    if not valor.is_finite() or abs(valor) > VALOR_MAXIMO:
        raise InvalidInput(f"O campo '{campo}' é inválido")
    return valor


def validar_conta(entrada: ContaEntrada, hoje: date) -> ContaValida:
    """The rules of a new account, one field at a time, in the order of the list item."""
    nome = _texto(entrada.nome, "nome", NOME_MAXIMO)
    if nome is None:
        raise InvalidInput("O campo 'nome' é obrigatório")
    tipo = entrada.tipo or "CONTA_CORRENTE"
    if tipo not in TIPOS_CONTA:
        raise InvalidInput(f"O campo 'tipo' deve ser um dos seguintes valores: {', '.join(TIPOS_CONTA)}")
    banco = entrada.banco or (NAO_BANCO if tipo == CAIXINHA else OUTROS)
    if banco not in BANCOS:
        raise InvalidInput(
            "O campo 'banco' deve ser um dos valores de «BANCO» (ex.: BANCO_BRASIL, ITAU, NUBANK)"
        )
    codigo = entrada.codigo_banco if entrada.codigo_banco is not None else BANCOS[banco].codigo
    if abs(codigo) > CODIGO_BANCO_MAXIMO:
        raise InvalidInput("O campo 'codigo_banco' é inválido")
    return ContaValida(
        nome=nome,
        nome_busca=chave(nome),
        tipo=tipo,
        banco=banco,
        codigo_banco=codigo,
        agencia=_texto(entrada.agencia, "agencia", AGENCIA_NUMERO_MAXIMO),
        numero=_texto(entrada.numero, "numero", AGENCIA_NUMERO_MAXIMO),
        ativo=True if entrada.ativo is None else entrada.ativo,
        conta_padrao=bool(entrada.conta_padrao),
        possui_config_boleto_bancario=bool(entrada.possui_config_boleto_bancario),
        saldo_inicial=_dinheiro(entrada.saldo_inicial, "saldo_inicial"),
        data_saldo_inicial=entrada.data_saldo_inicial or hoje,
    )


@dataclass(frozen=True, slots=True)
class PernaEntrada:
    data: date | None = None
    juros: Decimal | None = None
    multa: Decimal | None = None
    desconto: Decimal | None = None
    taxa: Decimal | None = None


@dataclass(frozen=True, slots=True)
class TransferenciaEntrada:
    conta_origem: str | None = None
    conta_destino: str | None = None
    valor: Decimal | None = None
    data: date | None = None
    descricao: str | None = None
    origem: PernaEntrada = PernaEntrada()
    destino: PernaEntrada = PernaEntrada()


@dataclass(frozen=True, slots=True)
class PernaValida:
    data: date
    composicao: ComposicaoValor


@dataclass(frozen=True, slots=True)
class TransferenciaValida:
    conta_origem: str
    conta_destino: str
    valor: Decimal
    data: date
    descricao: str
    origem: PernaValida
    destino: PernaValida


DESCRICAO_PADRAO = "Transferência entre contas"


def _perna(entrada: PernaEntrada, lado: str, valor: Decimal, data: date) -> PernaValida:
    partes = {}
    for campo in ("juros", "multa", "desconto", "taxa"):
        parte = _dinheiro(getattr(entrada, campo), f"{lado}.{campo}")
        if parte < 0:
            raise InvalidInput(f"O campo '{lado}.{campo}' não pode ser negativo")
        partes[campo] = parte
    composicao = ComposicaoValor(valor_bruto=valor, **partes)
    if composicao.valor_liquido < 0:
        raise InvalidInput(f"O valor líquido de '{lado}' não pode ser negativo")
    return PernaValida(entrada.data or data, composicao)


def validar_transferencia(entrada: TransferenciaEntrada, hoje: date) -> TransferenciaValida:
    """A transfer's own rules (the accounts' existence and company are the service's): one field at a time."""
    if not entrada.conta_origem:
        raise InvalidInput("O campo 'conta_origem' é obrigatório")
    if not entrada.conta_destino:
        raise InvalidInput("O campo 'conta_destino' é obrigatório")
    if entrada.conta_origem == entrada.conta_destino:
        raise InvalidInput("As contas de origem e de destino devem ser diferentes")
    if entrada.valor is None:
        raise InvalidInput("O campo 'valor' é obrigatório")
    valor = _dinheiro(entrada.valor, "valor")
    if valor <= 0:
        raise InvalidInput("O campo 'valor' deve ser maior que zero")
    data = entrada.data or hoje
    return TransferenciaValida(
        conta_origem=entrada.conta_origem,
        conta_destino=entrada.conta_destino,
        valor=valor,
        data=data,
        descricao=_texto(entrada.descricao, "descricao", DESCRICAO_MAXIMA) or DESCRICAO_PADRAO,
        origem=_perna(entrada.origem, "origem", valor, data),
        destino=_perna(entrada.destino, "destino", valor, data),
    )
