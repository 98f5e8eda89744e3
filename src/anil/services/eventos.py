"""Financial events (§3.10): checking what a new event references, asking for its creation (a protocol
and a job, §2.10) and creating it (the worker; sales will call `criar_evento` synchronously).

Each function takes an open session (or a reader) and the tenant, never commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from anil.domain.eventos import (
    RESPOSTA_SUCESSO,
    EventoValido,
    Referencias,
    para_payload,
    verificar_referencias,
)
from anil.storage.repositories import alteracoes, financeiro
from anil.storage.repositories import eventos as repo
from anil.storage.repositories import jobs as fila
from anil.storage.repositories.base import Reader

# The job that creates a financial event from the validated body (`anil.domain.eventos.para_payload`).
JOB_CRIAR_EVENTO = "evento_financeiro.criar"


def referencias(reader: Reader, tenant_id: str, valido: EventoValido) -> Referencias:
    return repo.referencias(reader, tenant_id, valido)


def verificar(reader: Reader, tenant_id: str, valido: EventoValido) -> None:
    """The referenced contact, accounts, categories (of the event's kind) and cost centers exist in the
    company; InvalidInput naming the first one that does not."""
    verificar_referencias(valido, repo.referencias(reader, tenant_id, valido))


def solicitar_criacao(
    session: Session,
    tenant_id: str,
    valido: EventoValido,
    protocolo_id: str,
    agora: datetime,
    disponivel_em: datetime | None,
) -> None:
    """The 202 of `POST …/contas-a-receber|pagar`: a PENDING protocol and its job, in one transaction.
    `disponivel_em` None holds the job until released (the sandbox's manual mode)."""
    fila.enfileirar(
        session, tenant_id, JOB_CRIAR_EVENTO, para_payload(valido), protocolo_id, agora, disponivel_em
    )


def criar_com_protocolo(
    session: Session,
    tenant_id: str,
    valido: EventoValido,
    protocolo_id: str,
    agora: datetime,
    agora_empresa: datetime,
) -> str:
    """The 202 of `POST …/contas-a-receber|pagar` when the protocol is due at once and this process runs the
    worker: the event and its protocol, already SUCCESS, in the request's own transaction, instead of a
    job the worker would claim a few milliseconds later (what a client sees is the same: the protocol
    answers SUCCESS as soon as it polls). `agora` is the server's now (the protocol's times),
    `agora_empresa` the company clock's (the event's). References were checked by the request's read."""
    evento_id = criar_evento(session, tenant_id, valido, agora_empresa)
    fila.registrar_concluido(
        session, tenant_id, protocolo_id, RESPOSTA_SUCESSO[valido.tipo], evento_id, agora
    )
    return evento_id


def criar_evento(
    session: Session,
    tenant_id: str,
    valido: EventoValido,
    agora_utc: datetime,
    origem: str = "LANCAMENTO_FINANCEIRO",
    referencia_id: str | None = None,
) -> str:
    """Insert the event with its rateio, cost centers and installments (unpaid: `nao_pago = valor_bruto`)
    and append it to the alterações feed, then bump the company's financial data version, in the caller's
    transaction. `agora_utc` is the company clock's
    now (naive UTC). References are the caller's to check (`verificar`). Returns the event id."""
    evento_id, _ = repo.inserir(
        session, tenant_id, valido, agora_utc, origem=origem, referencia_id=referencia_id
    )
    alteracoes.registrar(session, tenant_id, [evento_id], agora_utc)
    financeiro.nova_versao(session, tenant_id)  # last: the searches' caches see the new installments
    return evento_id
