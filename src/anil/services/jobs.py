"""Running the job queue (§2.10): claim, run, complete. The database is the queue
(`storage.repositories.jobs`); the threads that drain it live in `services.worker`.

A job runs in one transaction together with its completion: its writes, its protocol's final status and
`FEITO` (only if this worker still holds the job) commit together or not at all. What a job finds wrong
with the business (a referenced record deleted meanwhile) ends its protocol as ERROR with the rule's
Portuguese message; anything unexpected rolls the job back and leaves it claimed, so it runs again once
its lease runs out, at most `MAX_TENTATIVAS` times before its protocol ends as ERROR.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from anil.domain.clock import Clock
from anil.domain.eventos import RESPOSTA_SUCESSO, de_payload
from anil.errors import AnilError
from anil.services import eventos, relogios
from anil.storage.repositories import jobs as fila
from anil.storage.repositories.base import ponto_de_salvamento
from anil.storage.repositories.jobs import JobReivindicado

log = logging.getLogger("anil.worker")

MAX_TENTATIVAS = 5
RESPOSTA_FALHA = "Não foi possível processar o evento financeiro. Envie-o novamente."


class LeasePerdido(Exception):
    """The job was reclaimed by another worker after this one's lease ran out: roll back, do nothing."""


@dataclass(frozen=True, slots=True)
class Resultado:
    status: str  # SUCCESS | ERROR
    resposta: str
    evento_financeiro_id: str | None = None


def _criar_evento(session: Session, job: JobReivindicado, base: Clock) -> Resultado:
    valido = de_payload(job.payload)
    eventos.verificar(session, job.tenant_id, valido)
    agora = relogios.agora_utc(session, job.tenant_id, base)
    evento_id = eventos.criar_evento(session, job.tenant_id, valido, agora)
    return Resultado("SUCCESS", RESPOSTA_SUCESSO[valido.tipo], evento_id)


HANDLERS: dict[str, Callable[[Session, JobReivindicado, Clock], Resultado]] = {
    eventos.JOB_CRIAR_EVENTO: _criar_evento,
}


def naive_utc(clock: Clock) -> datetime:
    from datetime import UTC

    return clock.now().astimezone(UTC).replace(tzinfo=None)


def reivindicar(
    session: Session, worker: str, clock: Clock, lease: timedelta, limite: int = 1
) -> list[JobReivindicado]:
    agora = naive_utc(clock)
    return fila.reivindicar(session, worker, agora, agora + lease, limite)


def executar(
    session: Session, job: JobReivindicado, worker: str, clock: Clock, pausa: float = 0.0
) -> Resultado | None:
    """Run one claimed job and complete it, in the caller's transaction. Returns None (and writes nothing
    of the job) when the job failed unexpectedly: it stays claimed and is retried after its lease.
    Raises LeasePerdido when another worker holds the job now: the caller must roll back.
    `pausa` (tests only, `ANIL_WORKER_TEST_SLEEP`): seconds to wait after the job's writes, before its
    commit, so that a test can kill the worker mid-job."""
    handler = HANDLERS.get(job.tipo)
    resultado: Resultado | None
    if handler is None:
        resultado = Resultado("ERROR", f"Tipo de tarefa desconhecido: {job.tipo}")
    elif job.tentativas > MAX_TENTATIVAS:
        resultado = Resultado("ERROR", RESPOSTA_FALHA)
    else:
        try:
            with ponto_de_salvamento(session, "anil_job"):
                resultado = handler(session, job, clock)
            if pausa:
                time.sleep(pausa)
        except AnilError as exc:  # a business rule: the protocol says why
            resultado = Resultado("ERROR", exc.message)
        except Exception:
            log.exception("job %s (%s) failed; retried after its lease", job.seq, job.tipo)
            return None
    agora = naive_utc(clock)
    if job.protocolo_id is not None:
        fila.finalizar_protocolo(
            session,
            job.protocolo_id,
            resultado.status,
            resultado.resposta,
            resultado.evento_financeiro_id,
            agora,
        )
    if not fila.concluir(session, job.seq, worker, agora):
        raise LeasePerdido(f"job {job.seq} is no longer held by {worker}")
    return resultado
