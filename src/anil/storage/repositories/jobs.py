"""The job queue and the protocols it reports on (§2.10, §3.13). The database is the queue.

- Enqueue: a `Job` row (`PRONTO`, `disponivel_em` = when it may run, NULL = held until released) and its
  `Protocolo` (`PENDING`), inserted in the request's transaction.
- Claim: atomically, so two workers never take the same job. SQLite: one
  `UPDATE … WHERE seq IN (SELECT … LIMIT n) RETURNING …` (the write lock makes it atomic); PostgreSQL:
  `SELECT … FOR UPDATE SKIP LOCKED` then `UPDATE` in the same transaction. A claim writes the worker's
  name and a lease; a job whose lease ran out (its worker died) is claimable again.
- Complete: `FEITO` only `WHERE worker = <me> AND estado = 'EXECUTANDO'`, in the same transaction as the
  job's own writes: a worker that lost its lease finds no row and rolls back, so a job's effect is
  committed once.

Instants here are naive UTC from the server's clock (not a company's clock: the queue is machinery).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from anil.storage.models import Job, ModoProtocolo, Protocolo
from anil.storage.repositories.base import Reader, fetch, owned, scope, scoped_update, write_raw

J = Job.__table__
PR = Protocolo.__table__
M = ModoProtocolo.__table__

PRONTO = "PRONTO"
EXECUTANDO = "EXECUTANDO"
FEITO = "FEITO"


@dataclass(frozen=True, slots=True)
class JobReivindicado:
    seq: int
    tenant_id: str
    tipo: str
    payload: dict[str, Any]
    protocolo_id: str | None
    tentativas: int


@dataclass(frozen=True, slots=True)
class ProtocoloRegistro:
    id: str
    status: str
    resposta: str | None
    evento_financeiro_id: str | None
    criado_em: datetime


@dataclass(frozen=True, slots=True)
class PendenteRegistro:
    protocolo_id: str
    criado_em: datetime
    disponivel_em: datetime | None
    estado: str


# ------------------------------------------------------------------------------------------ write ----

_PROTOCOLO = insert(PR).values(
    id=bindparam("id"),
    tenant_id=bindparam("tenant_id"),
    status=bindparam("status"),
    resposta=bindparam("resposta"),
    evento_financeiro_id=bindparam("evento_financeiro_id"),
    criado_em=bindparam("criado_em"),
    concluido_em=bindparam("concluido_em"),
)
_JOB = insert(J).values(
    tenant_id=bindparam("tenant_id"),
    tipo=bindparam("tipo"),
    payload=bindparam("payload"),
    protocolo_id=bindparam("protocolo_id"),
    estado=bindparam("estado"),
    disponivel_em=bindparam("disponivel_em"),
    worker=bindparam("worker"),
    lease_ate=bindparam("lease_ate"),
    tentativas=bindparam("tentativas"),
    criado_em=bindparam("criado_em"),
    concluido_em=bindparam("concluido_em"),
)


def _inserir_protocolo(
    session: Session,
    tenant_id: str,
    protocolo_id: str,
    agora: datetime,
    status: str = "PENDING",
    resposta: str | None = None,
    evento_id: str | None = None,
) -> None:
    write_raw(
        session,
        _PROTOCOLO,
        {
            "id": protocolo_id,
            "tenant_id": tenant_id,
            "status": status,
            "resposta": resposta,
            "evento_financeiro_id": evento_id,
            "criado_em": agora,
            "concluido_em": None if status == "PENDING" else agora,
        },
    )


def enfileirar(
    session: Session,
    tenant_id: str,
    tipo: str,
    payload: dict[str, Any],
    protocolo_id: str,
    agora: datetime,
    disponivel_em: datetime | None,
) -> None:
    """Insert a PENDING protocol and its job, in the caller's transaction."""
    _inserir_protocolo(session, tenant_id, protocolo_id, agora)
    enfileirar_muitos(session, [(tenant_id, tipo, payload, protocolo_id)], agora, disponivel_em)


def registrar_concluido(
    session: Session,
    tenant_id: str,
    protocolo_id: str,
    resposta: str,
    evento_id: str,
    agora: datetime,
) -> None:
    """Insert a protocol already SUCCESS: its event was created in the same transaction (no job)."""
    _inserir_protocolo(session, tenant_id, protocolo_id, agora, "SUCCESS", resposta, evento_id)


def enfileirar_muitos(
    session: Session,
    jobs: Sequence[tuple[str, str, dict[str, Any], str | None]],
    agora: datetime,
    disponivel_em: datetime | None,
) -> None:
    write_raw(
        session,
        _JOB,
        [
            {
                "tenant_id": tenant_id,
                "tipo": tipo,
                "payload": payload,
                "protocolo_id": protocolo_id,
                "estado": PRONTO,
                "disponivel_em": disponivel_em,
                "worker": None,
                "lease_ate": None,
                "tentativas": 0,
                "criado_em": agora,
                "concluido_em": None,
            }
            for tenant_id, tipo, payload, protocolo_id in jobs
        ],
    )


_CLAIMABLE = or_(
    and_(J.c.estado == PRONTO, J.c.disponivel_em <= bindparam("agora")),
    and_(J.c.estado == EXECUTANDO, J.c.lease_ate < bindparam("agora")),
)
_COLUNAS = (J.c.seq, J.c.tenant_id, J.c.tipo, J.c.payload, J.c.protocolo_id, J.c.tentativas)

_CLAIM_SQLITE = (
    update(J)
    .where(J.c.seq.in_(select(J.c.seq).where(_CLAIMABLE).order_by(J.c.seq).limit(bindparam("limite"))))
    .values(
        estado=EXECUTANDO,
        worker=bindparam("quem"),
        lease_ate=bindparam("lease"),
        tentativas=J.c.tentativas + 1,
    )
    .returning(*_COLUNAS)
)
_CANDIDATOS_PG = (
    select(J.c.seq)
    .where(_CLAIMABLE)
    .order_by(J.c.seq)
    .limit(bindparam("limite"))
    .with_for_update(skip_locked=True)
)
_CLAIM_PG = (
    update(J)
    .where(J.c.seq.in_(bindparam("seqs", expanding=True)))
    .values(
        estado=EXECUTANDO,
        worker=bindparam("quem"),
        lease_ate=bindparam("lease"),
        tentativas=J.c.tentativas + 1,
    )
    .returning(*_COLUNAS)
)


_SEM_FLUSH = text("SET LOCAL synchronous_commit TO OFF")


def reivindicar(
    session: Session, worker: str, agora: datetime, lease_ate: datetime, limite: int = 1
) -> list[JobReivindicado]:
    """Claim up to `limite` runnable jobs (oldest first) for `worker` until `lease_ate`."""
    params = {"agora": agora, "quem": worker, "lease": lease_ate, "limite": limite}
    if session.get_bind().dialect.name == "postgresql":
        # A claim lost in a crash only leaves its jobs PRONTO: it need not wait for the WAL flush.
        session.execute(_SEM_FLUSH)
        seqs = [row[0] for row in session.execute(_CANDIDATOS_PG, params)]
        if not seqs:
            return []
        rows = session.execute(_CLAIM_PG, {**params, "seqs": seqs}).all()
    else:
        rows = session.execute(_CLAIM_SQLITE, params).all()
    return sorted((JobReivindicado(*row) for row in rows), key=lambda job: job.seq)


_ALGO_A_FAZER = select(J.c.seq).where(_CLAIMABLE).limit(1)


def ha_trabalho(reader: Reader, agora: datetime) -> bool:
    """Whether any job is claimable now (a read: an idle poll costs no write transaction)."""
    return bool(fetch(reader, _ALGO_A_FAZER, {"agora": agora}))


_CONCLUIR = (
    update(J)
    .where(J.c.seq == bindparam("j"), J.c.worker == bindparam("quem"), J.c.estado == EXECUTANDO)
    .values(estado=FEITO, concluido_em=bindparam("agora"), lease_ate=bindparam("sem_lease"))
    .returning(J.c.seq)
)


def concluir(session: Session, seq: int, worker: str, agora: datetime) -> bool:
    """Mark the job done if `worker` still holds it; False when another worker reclaimed it."""
    return bool(write_raw(session, _CONCLUIR, {"j": seq, "quem": worker, "agora": agora, "sem_lease": None}))


_FINALIZAR_PROTOCOLO = (
    update(PR)
    .where(PR.c.id == bindparam("pid"), PR.c.status == "PENDING")
    .values(
        status=bindparam("st"),
        resposta=bindparam("resp"),
        evento_financeiro_id=bindparam("evento"),
        concluido_em=bindparam("agora"),
    )
)


def finalizar_protocolo(
    session: Session, protocolo_id: str, status: str, resposta: str, evento_id: str | None, agora: datetime
) -> None:
    write_raw(
        session,
        _FINALIZAR_PROTOCOLO,
        {"pid": protocolo_id, "st": status, "resp": resposta, "evento": evento_id, "agora": agora},
    )


def liberar(session: Session, tenant_id: str, agora: datetime, protocolo_id: str | None = None) -> int:
    """Make the company's waiting jobs (held, or delayed into the future) runnable from `agora`: one
    protocol's, or all. The number released."""
    stmt = (
        scoped_update(J, tenant_id)
        .where(J.c.estado == PRONTO, or_(J.c.disponivel_em.is_(None), J.c.disponivel_em > agora))
        .values(disponivel_em=agora)
    )
    if protocolo_id is not None:
        stmt = stmt.where(J.c.protocolo_id == protocolo_id)
    return session.execute(stmt).rowcount or 0


_MODO = select(M.c.modo, M.c.segundos).where(owned(M))
_DEFINIR_MODO = {
    name: dialect_insert(M)
    .values(
        tenant_id=bindparam("t"), modo=bindparam("m"), segundos=bindparam("sg"), alterado_em=bindparam("ag")
    )
    .on_conflict_do_update(
        index_elements=[M.c.tenant_id],
        set_={"modo": bindparam("m"), "segundos": bindparam("sg"), "alterado_em": bindparam("ag")},
    )
    for name, dialect_insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}
_REMOVER_MODO = delete(M).where(owned(M))


def modo(reader: Reader, tenant_id: str) -> tuple[str, int] | None:
    """The company's own PENDING mode `(modo, segundos)`, None when it follows the server's."""
    rows = fetch(reader, _MODO, scope(tenant_id))
    return (rows[0][0], int(rows[0][1])) if rows else None


def definir_modo(session: Session, tenant_id: str, modo: str | None, segundos: int, agora: datetime) -> None:
    """Set the company's own mode; None removes it (back to the server's)."""
    if modo is None:
        session.execute(_REMOVER_MODO, scope(tenant_id))
        return
    stmt = _DEFINIR_MODO[session.get_bind().dialect.name]
    session.execute(stmt, {"t": tenant_id, "m": modo, "sg": segundos, "ag": agora})


# ------------------------------------------------------------------------------------------- read ----

_PROTOCOLO_POR_ID = select(
    PR.c.id, PR.c.status, PR.c.resposta, PR.c.evento_financeiro_id, PR.c.criado_em
).where(owned(PR), PR.c.id == bindparam("id"))


def protocolo(reader: Reader, tenant_id: str, protocolo_id: str) -> ProtocoloRegistro | None:
    rows = fetch(reader, _PROTOCOLO_POR_ID, scope(tenant_id, id=protocolo_id))
    return ProtocoloRegistro(*rows[0]) if rows else None


_PENDENTES = (
    select(PR.c.id, PR.c.criado_em, J.c.disponivel_em, J.c.estado)
    .select_from(PR.join(J, J.c.protocolo_id == PR.c.id))
    .where(owned(PR), PR.c.status == "PENDING")
    .order_by(J.c.seq)
)


def pendentes(reader: Reader, tenant_id: str) -> list[PendenteRegistro]:
    return [PendenteRegistro(*row) for row in fetch(reader, _PENDENTES, scope(tenant_id))]


def conta_por_estado(reader: Reader) -> dict[str, int]:
    """How many jobs in each state (every company): for the CLI and tests."""
    from sqlalchemy import func

    rows = reader.execute(select(J.c.estado, func.count()).group_by(J.c.estado)).all()
    return {estado: n for estado, n in rows}
