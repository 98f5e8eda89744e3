"""Installments (catalog §3.10): the detail, an event's installments, and the PATCH.

Reads take a reader and the base clock: an installment's status is derived on the company's today
(`services.relogios.hoje`). The PATCH takes an open session, locks the installment, checks and writes it
with `UPDATE … WHERE versao = ?`, appends the event to the alterações feed and bumps the company's
financial data version, in the caller's one transaction; it never commits.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from anil.domain.baixas import (
    EVENTO_NAO_ENCONTRADO,
    PARCELA_NAO_ENCONTRADA,
    ContaResumo,
    ParcelaAlteracao,
    validar_alteracao_parcela,
    versao_desatualizada,
)
from anil.domain.clock import Clock
from anil.domain.financeiro import status_parcela
from anil.domain.parcelas import (
    BaixaRegistro,
    EventoResumo,
    ParcelaAtualizada,
    ParcelaDetalhe,
    ParcelaRegistro,
)
from anil.errors import Conflict, NotFound
from anil.services import relogios
from anil.storage.repositories import alteracoes, financeiro
from anil.storage.repositories import baixas as repo_baixas
from anil.storage.repositories import contas as repo_contas
from anil.storage.repositories import parcelas as repo
from anil.storage.repositories.base import Reader


def _detalhe(
    parcela: ParcelaRegistro, evento: EventoResumo, baixas: list[BaixaRegistro], hoje: date
) -> ParcelaDetalhe:
    status = status_parcela(
        situacao=parcela.situacao,
        perda_valor=parcela.perda_valor,
        valor_pago=parcela.valor_pago,
        nao_pago=parcela.nao_pago,
        data_vencimento=parcela.data_vencimento,
        hoje=hoje,
    )
    return ParcelaDetalhe(parcela=parcela, status=status, evento=evento, baixas=tuple(baixas))


def obter(reader: Reader, tenant_id: str, parcela_id: str, base: Clock) -> ParcelaDetalhe:
    parcela = repo.parcela(reader, tenant_id, parcela_id)
    if parcela is None:
        raise NotFound(PARCELA_NAO_ENCONTRADA)
    evento = repo.evento(reader, tenant_id, parcela.evento_id)
    if evento is None:  # the event and its installments go together (ON DELETE CASCADE)
        raise NotFound(PARCELA_NAO_ENCONTRADA)
    baixas = repo_baixas.da_parcela(reader, tenant_id, parcela_id)
    return _detalhe(parcela, evento, baixas, relogios.hoje(reader, tenant_id, base))


def do_evento(reader: Reader, tenant_id: str, id_evento: str | int, base: Clock) -> list[ParcelaDetalhe]:
    """Every installment of the event, by position; `id_evento` is its uuid or its legacy id (`seq`)."""
    if isinstance(id_evento, int):
        evento = repo.evento_por_seq(reader, tenant_id, id_evento)
    else:
        evento = repo.evento(reader, tenant_id, id_evento)
    if evento is None:
        raise NotFound(EVENTO_NAO_ENCONTRADO)
    por_parcela: dict[str, list[BaixaRegistro]] = {}
    for baixa in repo_baixas.do_evento(reader, tenant_id, evento.id):
        por_parcela.setdefault(baixa.parcela_id, []).append(baixa)
    hoje = relogios.hoje(reader, tenant_id, base)
    return [
        _detalhe(parcela, evento, por_parcela.get(parcela.id, []), hoje)
        for parcela in repo.parcelas_do_evento(reader, tenant_id, evento.id)
    ]


def atualizar(
    session: Session, tenant_id: str, parcela_id: str, alteracao: ParcelaAlteracao, base: Clock
) -> ParcelaAtualizada:
    atual = repo.estado_bloqueado(session, tenant_id, parcela_id)
    if atual is None:
        raise NotFound(PARCELA_NAO_ENCONTRADA)
    conta = None
    if "id_conta_financeira" in alteracao.enviados and alteracao.id_conta_financeira:
        registro = repo_contas.conta(session, tenant_id, alteracao.id_conta_financeira.strip().lower())
        if registro is not None:
            conta = ContaResumo(registro.id, registro.tipo, registro.ativo)
    dados = validar_alteracao_parcela(atual, alteracao, conta)
    quando = relogios.agora_utc(session, tenant_id, base)
    # the lock above already holds off every other writer; the version condition is the rule itself
    if not repo.atualizar(session, tenant_id, parcela_id, atual.versao, dados, quando):
        raise Conflict(versao_desatualizada("da parcela", atual.versao, atual.versao + 1))
    alteracoes.registrar(session, tenant_id, [atual.evento_id], quando)
    financeiro.nova_versao(session, tenant_id)
    registro_conta = (
        repo_contas.conta(session, tenant_id, dados.conta_financeira_id)
        if dados.conta_financeira_id
        else None
    )
    return ParcelaAtualizada(
        versao=atual.versao + 1,
        composicao=dados.composicao,
        nota=dados.nota,
        descricao=dados.descricao,
        data_vencimento=dados.data_vencimento,
        data_pagamento_previsto=dados.data_pagamento_previsto,
        metodo_pagamento=dados.metodo_pagamento,
        perda_data=dados.perda_data,
        perda_valor=dados.perda_valor,
        nsu=dados.nsu,
        baixa_agendada=dados.baixa_agendada,
        conta=registro_conta,
    )
