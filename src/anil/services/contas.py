"""Contas financeiras, balances and transfers (catalog §3.9): use cases.

Accounts and transfers cannot be created through Conta Azul's API; the sandbox control (`/_anil/`, the
CLI), the company defaults and the demo data create them here. Each function takes an open session (or a
reader) and the tenant, flushes, never commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from anil.domain.clock import utc_to_sao_paulo
from anil.domain.contas import (
    CAIXINHA,
    NAO_BANCO,
    NAO_ENCONTRADA,
    ContaEntrada,
    ContaRegistro,
    FiltroContas,
    FiltroTransferencias,
    Perna,
    TransferenciaEntrada,
    TransferenciaRegistro,
    saldo_atual,
    validar_conta,
    validar_transferencia,
)
from anil.errors import InvalidInput, NotFound
from anil.storage.models import Empresa
from anil.storage.repositories import contas as repo
from anil.storage.repositories.base import Reader


def _empresa(session: Session, empresa_id: str) -> Empresa:
    empresa = session.get(Empresa, empresa_id)
    if empresa is None:
        raise NotFound(f"Empresa {empresa_id} não encontrada")
    return empresa


def _dia_da_criacao(empresa: Empresa) -> date:
    return utc_to_sao_paulo(empresa.criado_em).date()


# ---------------------------------------------------------------------------------------- balances ----


def saldos(reader: Reader, tenant_id: str, contas: Sequence[ContaRegistro], hoje: date) -> dict[str, Decimal]:
    """Current balance of each account: initial balance + movements settled up to `hoje`."""
    movimentos = repo.movimentos(reader, tenant_id, [c.id for c in contas], ate=hoje)
    return {c.id: saldo_atual(c.saldo_inicial, movimentos[c.id], hoje) for c in contas}


def obter_saldo_atual(reader: Reader, tenant_id: str, conta_id: str, hoje: date) -> Decimal:
    conta = repo.conta(reader, tenant_id, conta_id)
    if conta is None:
        raise NotFound(NAO_ENCONTRADA)
    return saldos(reader, tenant_id, [conta], hoje)[conta.id]


# ------------------------------------------------------------------------------------------- reads ----


def listar(
    reader: Reader, tenant_id: str, filtro: FiltroContas, offset: int, limit: int
) -> tuple[int, int, int, list[ContaRegistro]]:
    return repo.listar(reader, tenant_id, filtro, offset, limit)


def saldos_iniciais(
    reader: Reader, tenant_id: str, de: date, ate: date, offset: int, limit: int
) -> tuple[int, list[ContaRegistro]]:
    return repo.saldos_iniciais(reader, tenant_id, de, ate, offset, limit)


def listar_transferencias(
    reader: Reader, tenant_id: str, filtro: FiltroTransferencias, offset: int, limit: int
) -> tuple[int, list[TransferenciaRegistro]]:
    return repo.listar_transferencias(reader, tenant_id, filtro, offset, limit)


def contas_da_empresa(session: Session, empresa_id: str, hoje: date) -> list[tuple[ContaRegistro, Decimal]]:
    """Every account of a company with its current balance (sandbox control)."""
    _empresa(session, empresa_id)
    contas = repo.todas(session, empresa_id)
    por_conta = saldos(session, empresa_id, contas, hoje)
    return [(conta, por_conta[conta.id]) for conta in contas]


def transferencias_da_empresa(
    session: Session, empresa_id: str, filtro: FiltroTransferencias
) -> list[TransferenciaRegistro]:
    _empresa(session, empresa_id)
    return repo.listar_transferencias(session, empresa_id, filtro)[1]


# ------------------------------------------------------------------------------------------ writes ----


def criar_conta(session: Session, empresa_id: str, entrada: ContaEntrada, hoje: date) -> ContaRegistro:
    _empresa(session, empresa_id)
    return repo.inserir_conta(session, empresa_id, validar_conta(entrada, hoje))


def criar_transferencia(
    session: Session, empresa_id: str, entrada: TransferenciaEntrada, hoje: date
) -> TransferenciaRegistro:
    """A transfer between two distinct active accounts of the same company, in one transaction."""
    _empresa(session, empresa_id)
    dados = validar_transferencia(entrada, hoje)
    contas = repo.contas(session, empresa_id, [dados.conta_origem, dados.conta_destino])
    for campo, conta_id in (("conta_origem", dados.conta_origem), ("conta_destino", dados.conta_destino)):
        conta = contas.get(conta_id)
        if conta is None:
            raise InvalidInput(f"O campo '{campo}' não é uma conta financeira desta empresa")
        if not conta.ativo:
            raise InvalidInput(f"O campo '{campo}' é uma conta financeira inativa")
    transferencia_id = repo.inserir_transferencia(session, empresa_id, dados)
    return TransferenciaRegistro(
        id=transferencia_id,
        descricao=dados.descricao,
        valor=dados.valor,
        data=dados.data,
        origem=Perna(contas[dados.conta_origem], dados.origem.data, dados.origem.composicao),
        destino=Perna(contas[dados.conta_destino], dados.destino.data, dados.destino.composicao),
    )


# ---------------------------------------------------------------------------------------- defaults ----


def provisionar(session: Session, empresa_id: str) -> None:
    """Every new company: the "Caixinha" cash account, default, balance 0 on its first day (defaults.md §4)."""
    empresa = _empresa(session, empresa_id)
    entrada = ContaEntrada(
        nome="Caixinha",
        tipo=CAIXINHA,
        banco=NAO_BANCO,
        ativo=True,
        conta_padrao=True,
        possui_config_boleto_bancario=False,
        saldo_inicial=Decimal("0.00"),
    )
    repo.inserir_conta(session, empresa_id, validar_conta(entrada, _dia_da_criacao(empresa)))


DEMO_CONTA = "Conta Corrente Itaú"
DEMO_SALDO_INICIAL = Decimal("25000.00")
DEMO_SUPRIMENTO = Decimal("500.00")


def provisionar_demo(session: Session, empresa_id: str) -> None:
    """The demo company also has a bank account with an opening balance and one transfer to the cash box."""
    empresa = _empresa(session, empresa_id)
    hoje = _dia_da_criacao(empresa)
    inicio = (hoje.replace(day=1) - timedelta(days=1)).replace(day=1)  # first day of the previous month
    banco = repo.inserir_conta(
        session,
        empresa_id,
        validar_conta(
            ContaEntrada(
                nome=DEMO_CONTA,
                tipo="CONTA_CORRENTE",
                banco="ITAU",
                agencia="0001",
                numero="12345-6",
                possui_config_boleto_bancario=True,
                saldo_inicial=DEMO_SALDO_INICIAL,
                data_saldo_inicial=inicio,
            ),
            hoje,
        ),
    )
    caixinha = repo.caixinha(session, empresa_id)
    if caixinha is not None:
        criar_transferencia(
            session,
            empresa_id,
            TransferenciaEntrada(
                conta_origem=banco.id,
                conta_destino=caixinha.id,
                valor=DEMO_SUPRIMENTO,
                data=hoje,
                descricao="Suprimento de caixa",
            ),
            hoje,
        )
