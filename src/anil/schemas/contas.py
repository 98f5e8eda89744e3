"""Wire models of contas financeiras, saldos and transferências (catalog §3.9, provider `financial`), and of
the sandbox control that creates accounts and transfers (`/_anil/`, the CLI)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from anil.domain.contas import (
    ComposicaoValor as Composicao,
)
from anil.domain.contas import (
    ContaEntrada,
    ContaRegistro,
    Perna,
    PernaEntrada,
    TransferenciaEntrada,
    TransferenciaRegistro,
    tipo_saldo_inicial,
)
from anil.schemas.common import In, Money, Wire

# ------------------------------------------------------------------------------------------- /v1 ----


class ContaFinanceira(Wire):
    id: str
    banco: str
    codigo_banco: int
    nome: str
    ativo: bool
    tipo: str
    conta_padrao: bool
    possui_config_boleto_bancario: bool
    agencia: str | None
    numero: str | None


class Totais(Wire):
    ativo: int
    inativo: int
    todos: int


class ContasPage(Wire):
    itens_totais: int
    itens: list[ContaFinanceira]
    totais: Totais


class SaldoAtual(Wire):
    saldo_atual: Money


class SaldoInicial(Wire):
    tipo: str
    id_conta_financeira: str
    data_competencia: date
    saldo_inicial: Money


class SaldosIniciaisPage(Wire):
    itens_totais: int
    itens: list[SaldoInicial]


class ComposicaoValor(Wire):
    valor_bruto: Money
    juros: Money
    multa: Money
    valor_liquido: Money
    desconto: Money
    taxa: Money


class InstituicaoBancaria(Wire):
    codigo: int
    nome: str


class ContaFinanceiraDetalhes(Wire):
    id: str
    nome: str
    instituicao_bancaria: InstituicaoBancaria


class Quitacao(Wire):
    data: date
    composicao_valor: ComposicaoValor
    conta_financeira: ContaFinanceiraDetalhes


class Transferencia(Wire):
    id: str
    descricao: str
    valor: Money
    data: date
    origem: Quitacao
    destino: Quitacao


class TransferenciasPage(Wire):
    itens_totais: int
    itens: list[Transferencia]


def conta(registro: ContaRegistro) -> ContaFinanceira:
    return ContaFinanceira(
        id=registro.id,
        banco=registro.banco,
        codigo_banco=registro.codigo_banco,
        nome=registro.nome,
        ativo=registro.ativo,
        tipo=registro.tipo,
        conta_padrao=registro.conta_padrao,
        possui_config_boleto_bancario=registro.possui_config_boleto_bancario,
        agencia=registro.agencia,
        numero=registro.numero,
    )


def contas_page(total: int, ativos: int, inativos: int, registros: list[ContaRegistro]) -> ContasPage:
    return ContasPage(
        itens_totais=total,
        itens=[conta(r) for r in registros],
        totais=Totais(ativo=ativos, inativo=inativos, todos=ativos + inativos),
    )


def saldo_inicial(registro: ContaRegistro) -> SaldoInicial:
    return SaldoInicial(
        tipo=tipo_saldo_inicial(registro.saldo_inicial),
        id_conta_financeira=registro.id,
        data_competencia=registro.data_saldo_inicial,
        saldo_inicial=registro.saldo_inicial,
    )


def saldos_iniciais_page(total: int, registros: list[ContaRegistro]) -> SaldosIniciaisPage:
    return SaldosIniciaisPage(itens_totais=total, itens=[saldo_inicial(r) for r in registros])


def composicao(valor: Composicao) -> ComposicaoValor:
    return ComposicaoValor(
        valor_bruto=valor.valor_bruto,
        juros=valor.juros,
        multa=valor.multa,
        valor_liquido=valor.valor_liquido,
        desconto=valor.desconto,
        taxa=valor.taxa,
    )


def _quitacao(perna: Perna) -> Quitacao:
    instituicao = perna.conta.instituicao
    return Quitacao(
        data=perna.data,
        composicao_valor=composicao(perna.composicao),
        conta_financeira=ContaFinanceiraDetalhes(
            id=perna.conta.id,
            nome=perna.conta.nome,
            instituicao_bancaria=InstituicaoBancaria(codigo=instituicao.codigo, nome=instituicao.nome),
        ),
    )


def transferencia(registro: TransferenciaRegistro) -> Transferencia:
    return Transferencia(
        id=registro.id,
        descricao=registro.descricao,
        valor=registro.valor,
        data=registro.data,
        origem=_quitacao(registro.origem),
        destino=_quitacao(registro.destino),
    )


def transferencias_page(total: int, registros: list[TransferenciaRegistro]) -> TransferenciasPage:
    return TransferenciasPage(itens_totais=total, itens=[transferencia(r) for r in registros])


# --------------------------------------------------------------------------------- sandbox control ----


class ContaIn(In):
    """`POST /_anil/companies/{id_empresa}/contas-financeiras`: an account with its opening balance."""

    nome: str | None = None
    tipo: str | None = None
    banco: str | None = None
    codigo_banco: int | None = None
    agencia: str | None = None
    numero: str | None = None
    ativo: bool | None = None
    conta_padrao: bool | None = None
    possui_config_boleto_bancario: bool | None = None
    saldo_inicial: Money | None = None
    data_saldo_inicial: date | None = None

    def entrada(self) -> ContaEntrada:
        return ContaEntrada(**self.model_dump())


class PernaIn(In):
    data: date | None = None
    juros: Money | None = None
    multa: Money | None = None
    desconto: Money | None = None
    taxa: Money | None = None

    def entrada(self) -> PernaEntrada:
        return PernaEntrada(**self.model_dump())


class TransferenciaIn(In):
    """`POST /_anil/companies/{id_empresa}/transferencias`: money from one account of the company to another."""

    conta_origem: str | None = None
    conta_destino: str | None = None
    valor: Money | None = None
    data: date | None = None
    descricao: str | None = None
    origem: PernaIn | None = None
    destino: PernaIn | None = None

    def entrada(self) -> TransferenciaEntrada:
        return TransferenciaEntrada(
            conta_origem=self.conta_origem,
            conta_destino=self.conta_destino,
            valor=self.valor,
            data=self.data,
            descricao=self.descricao,
            origem=self.origem.entrada() if self.origem else PernaEntrada(),
            destino=self.destino.entrada() if self.destino else PernaEntrada(),
        )


class ContaControle(ContaFinanceira):
    """An account as the sandbox control shows it: the API item plus its opening and current balances."""

    saldo_inicial: Money
    data_saldo_inicial: date
    saldo_atual: Money


def conta_controle(registro: ContaRegistro, saldo_atual: Decimal) -> dict:
    item = conta(registro)
    model = ContaControle(
        **item.model_dump(),
        saldo_inicial=registro.saldo_inicial,
        data_saldo_inicial=registro.data_saldo_inicial,
        saldo_atual=saldo_atual,
    )
    return model.model_dump(mode="json")


def transferencia_controle(registro: TransferenciaRegistro) -> dict:
    return transferencia(registro).model_dump(mode="json")
