"""Settlements (baixas, catalog §3.11): create, list, read, update, delete.

Every write, in the caller's one transaction: lock the installment (so that its settlements are
serialized), check the rules (`domain.baixas`), write the baixa, recompute what the settlements leave on
the installment (`domain.financeiro.saldo_parcela`: `valor_pago`, `nao_pago`, `data_pagamento`, and a
new installment version), append the event to the alterações feed, bump the financial data version.
The account's balance follows by itself: settlements are one of its movement sources
(`repositories.contas.FONTES_DE_MOVIMENTO`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from anil.domain.baixas import (
    BAIXA_NAO_ENCONTRADA,
    PARCELA_NAO_ENCONTRADA,
    BaixaAlteracao,
    BaixaEntrada,
    ContaResumo,
    ParcelaEstado,
    liquidar,
    validar_alteracao_baixa,
    validar_baixa,
    versao_desatualizada,
)
from anil.domain.clock import Clock
from anil.domain.financeiro import saldo_parcela
from anil.domain.parcelas import BaixaRegistro
from anil.errors import Conflict, NotFound
from anil.services import relogios
from anil.storage.repositories import alteracoes, financeiro
from anil.storage.repositories import baixas as repo
from anil.storage.repositories import contas as repo_contas
from anil.storage.repositories import parcelas as repo_parcelas
from anil.storage.repositories.base import Reader
from anil.storage.types import new_uuid

ORIGEM = "LANCAMENTO_FINANCEIRO"


def _conta(session: Session, tenant_id: str, conta_id: str) -> ContaResumo | None:
    registro = repo_contas.conta(session, tenant_id, conta_id)
    return ContaResumo(registro.id, registro.tipo, registro.ativo) if registro is not None else None


def _parcela(session: Session, tenant_id: str, parcela_id: str, ausente: str) -> ParcelaEstado:
    parcela = repo_parcelas.estado_bloqueado(session, tenant_id, parcela_id)
    if parcela is None:
        raise NotFound(ausente)
    return parcela


def _depois(session: Session, tenant_id: str, parcela: ParcelaEstado, quando: datetime) -> None:
    """What every settlement write ends with: the installment's stored money and version, the feed, the
    company's financial data version (last)."""
    saldo = saldo_parcela(parcela.valor_bruto, repo.pagamentos(session, tenant_id, parcela.id))
    repo_parcelas.gravar_saldo(session, tenant_id, parcela.id, saldo, quando)
    alteracoes.registrar(session, tenant_id, [parcela.evento_id], quando)
    financeiro.nova_versao(session, tenant_id)


def _lida(session: Session, tenant_id: str, baixa_id: str) -> BaixaRegistro:
    registro = repo.baixa(session, tenant_id, baixa_id)
    assert registro is not None  # written in this very transaction
    return registro


# ------------------------------------------------------------------------------------------- reads ----


def obter(reader: Reader, tenant_id: str, baixa_id: str) -> BaixaRegistro:
    registro = repo.baixa(reader, tenant_id, baixa_id)
    if registro is None:
        raise NotFound(BAIXA_NAO_ENCONTRADA)
    return registro


def da_parcela(reader: Reader, tenant_id: str, parcela_id: str) -> list[BaixaRegistro]:
    if repo_parcelas.parcela(reader, tenant_id, parcela_id) is None:
        raise NotFound(PARCELA_NAO_ENCONTRADA)
    return repo.da_parcela(reader, tenant_id, parcela_id)


# ------------------------------------------------------------------------------------------ writes ----


def criar(
    session: Session, tenant_id: str, parcela_id: str, entrada: BaixaEntrada, base: Clock
) -> BaixaRegistro:
    dados = validar_baixa(entrada)
    parcela = _parcela(session, tenant_id, parcela_id, PARCELA_NAO_ENCONTRADA)
    liquidar(parcela, dados, _conta(session, tenant_id, dados.conta_financeira_id))
    quando = relogios.agora_utc(session, tenant_id, base)
    baixa_id = new_uuid()
    repo.inserir(
        session, tenant_id, baixa_id, parcela.id, parcela.evento_id, parcela.tipo, ORIGEM, dados, quando
    )
    _depois(session, tenant_id, parcela, quando)
    return _lida(session, tenant_id, baixa_id)


def alterar(
    session: Session, tenant_id: str, baixa_id: str, alteracao: BaixaAlteracao, base: Clock
) -> BaixaRegistro:
    encontrada = repo.estado(session, tenant_id, baixa_id)
    if encontrada is None:
        raise NotFound(BAIXA_NAO_ENCONTRADA)
    # the installment's lock first, as every settlement write takes it; then the baixa as it stands now
    parcela = _parcela(session, tenant_id, encontrada.parcela_id, BAIXA_NAO_ENCONTRADA)
    atual = repo.estado(session, tenant_id, baixa_id)
    if atual is None:
        raise NotFound(BAIXA_NAO_ENCONTRADA)
    conta_id = atual.conta_financeira_id
    if "conta_financeira" in alteracao.enviados and alteracao.conta_financeira:
        conta_id = alteracao.conta_financeira.strip().lower()
    dados = validar_alteracao_baixa(atual, alteracao, parcela, _conta(session, tenant_id, conta_id))
    quando = relogios.agora_utc(session, tenant_id, base)
    if not repo.atualizar(session, tenant_id, baixa_id, atual.versao, dados, quando):
        raise Conflict(versao_desatualizada("da baixa", atual.versao, atual.versao + 1))
    _depois(session, tenant_id, parcela, quando)
    return _lida(session, tenant_id, baixa_id)


def excluir(session: Session, tenant_id: str, baixa_id: str, base: Clock) -> None:
    """Undo a settlement: the installment's open amount comes back, the account's movement goes."""
    encontrada = repo.estado(session, tenant_id, baixa_id)
    if encontrada is None:
        raise NotFound(BAIXA_NAO_ENCONTRADA)
    parcela = _parcela(session, tenant_id, encontrada.parcela_id, BAIXA_NAO_ENCONTRADA)
    if not repo.excluir(session, tenant_id, baixa_id):
        raise NotFound(BAIXA_NAO_ENCONTRADA)
    _depois(session, tenant_id, parcela, relogios.agora_utc(session, tenant_id, base))
