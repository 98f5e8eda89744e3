"""The queue's guarantees on both engines (§2.10): atomic claims, leases, completion only by the lease
holder (a reclaimed job's effect commits once), retries of unexpected failures, the attempt limit."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from anil.domain.clock import MovableClock
from anil.services import jobs
from anil.services.jobs import MAX_TENTATIVAS, RESPOSTA_FALHA, LeasePerdido
from anil.services.worker import Worker
from anil.storage.engine import Database
from anil.storage.models import EventoFinanceiro, Job, Parcela, Protocolo
from anil.storage.repositories import jobs as fila
from anil.storage.types import new_uuid
from tests.helpers import Company
from tests.worker.conftest import enfileirar

LEASE = timedelta(seconds=10)


def _agora(clock: MovableClock):  # type: ignore[no-untyped-def]
    return jobs.naive_utc(clock)


def _claim(db: Database, quem: str, clock: MovableClock, limite: int = 1) -> list[fila.JobReivindicado]:
    return db.run_write(lambda s: jobs.reivindicar(s, quem, clock, LEASE, limite))


def _count(db: Database, model, *where) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def _protocolo(db: Database, protocolo_id: str) -> Protocolo:
    with db.read() as s:
        registro = s.get(Protocolo, protocolo_id)
        s.expunge(registro)
        return registro


def test_claims_are_disjoint_and_oldest_first(
    client: TestClient, company: Company, fx: dict, db: Database, clock: MovableClock
) -> None:
    ids = enfileirar(db, company.id, fx, 5, _agora(clock))
    a = _claim(db, "a", clock, 2)
    b = _claim(db, "b", clock, 2)
    c = _claim(db, "c", clock, 2)
    assert [j.protocolo_id for j in a + b + c] == ids
    assert [len(a), len(b), len(c)] == [2, 2, 1]
    assert _claim(db, "d", clock, 2) == []
    assert {j.tentativas for j in a + b + c} == {1}
    with db.read() as s:
        assert dict(s.execute(select(Job.protocolo_id, Job.worker)).all()) == {
            **{j.protocolo_id: "a" for j in a},
            **{j.protocolo_id: "b" for j in b},
            **{j.protocolo_id: "c" for j in c},
        }


def test_held_and_future_jobs_are_not_claimed(
    client: TestClient, company: Company, fx: dict, db: Database, clock: MovableClock
) -> None:
    agora = _agora(clock)
    enfileirar(db, company.id, fx, 1, agora + timedelta(seconds=5))
    from anil.services import eventos
    from tests.worker.conftest import evento

    db.run_write(lambda s: eventos.solicitar_criacao(s, company.id, evento(fx), new_uuid(), agora, None))
    assert _claim(db, "a", clock) == []
    clock.advance(timedelta(seconds=6))
    (job,) = _claim(db, "a", clock)
    assert db.run_write(lambda s: jobs.executar(s, job, "a", clock)).status == "SUCCESS"
    clock.advance(timedelta(days=365))
    assert _claim(db, "b", clock) == []  # the held one waits for its release, however long
    assert db.run_write(lambda s: fila.liberar(s, company.id, _agora(clock))) == 1
    assert len(_claim(db, "b", clock)) == 1


def test_a_reclaimed_job_commits_once(
    client: TestClient, company: Company, fx: dict, db: Database, clock: MovableClock
) -> None:
    (protocolo_id,) = enfileirar(db, company.id, fx, 1, _agora(clock))
    (job_a,) = _claim(db, "a", clock)
    assert _claim(db, "b", clock) == []  # leased
    clock.advance(LEASE + timedelta(seconds=1))  # a stalls past its lease
    (job_b,) = _claim(db, "b", clock)
    assert (job_b.seq, job_b.tentativas) == (job_a.seq, 2)

    def late_a(session):  # type: ignore[no-untyped-def]
        jobs.executar(session, job_a, "a", clock)

    try:
        db.run_write(late_a)
    except LeasePerdido:
        pass
    else:
        raise AssertionError("the stale worker completed a job it no longer held")
    assert _count(db, EventoFinanceiro) == 0  # its event rolled back with it
    assert _protocolo(db, protocolo_id).status == "PENDING"

    resultado = db.run_write(lambda s: jobs.executar(s, job_b, "b", clock))
    assert resultado is not None and resultado.status == "SUCCESS"
    assert _count(db, EventoFinanceiro) == 1
    assert _count(db, Parcela) == 1
    registro = _protocolo(db, protocolo_id)
    assert (registro.status, registro.evento_financeiro_id) == ("SUCCESS", resultado.evento_financeiro_id)
    assert _count(db, Job, Job.estado == "FEITO", Job.worker == "b") == 1
    clock.advance(LEASE * 3)
    assert _claim(db, "c", clock) == []  # done is done


def test_a_holder_past_its_lease_but_not_reclaimed_still_completes(
    client: TestClient, company: Company, fx: dict, db: Database, clock: MovableClock
) -> None:
    enfileirar(db, company.id, fx, 1, _agora(clock))
    (job,) = _claim(db, "a", clock)
    clock.advance(LEASE * 2)
    assert db.run_write(lambda s: jobs.executar(s, job, "a", clock)).status == "SUCCESS"
    assert _claim(db, "b", clock) == []
    assert _count(db, EventoFinanceiro) == 1


def test_unexpected_failures_are_retried_after_the_lease_then_end_in_error(
    client: TestClient, company: Company, fx: dict, db: Database, clock: MovableClock
) -> None:
    protocolo_id = new_uuid()
    agora = _agora(clock)
    db.run_write(
        lambda s: fila.enfileirar(s, company.id, "evento_financeiro.criar", {}, protocolo_id, agora, agora)
    )
    for tentativa in range(1, MAX_TENTATIVAS + 1):
        (job,) = _claim(db, "a", clock)
        assert job.tentativas == tentativa
        assert db.run_write(lambda s, job=job: jobs.executar(s, job, "a", clock)) is None  # KeyError inside
        assert _protocolo(db, protocolo_id).status == "PENDING"
        assert _claim(db, "a", clock) == []
        clock.advance(LEASE + timedelta(seconds=1))
    (job,) = _claim(db, "a", clock)
    resultado = db.run_write(lambda s: jobs.executar(s, job, "a", clock))
    assert (resultado.status, resultado.resposta) == ("ERROR", RESPOSTA_FALHA)
    registro = _protocolo(db, protocolo_id)
    assert (registro.status, registro.resposta, registro.evento_financeiro_id) == (
        "ERROR",
        RESPOSTA_FALHA,
        None,
    )


def test_an_unknown_job_type_ends_in_error(
    client: TestClient, company: Company, db: Database, clock: MovableClock
) -> None:
    protocolo_id = new_uuid()
    agora = _agora(clock)
    db.run_write(lambda s: fila.enfileirar(s, company.id, "nao.existe", {}, protocolo_id, agora, agora))
    Worker(db, clock).drenar()
    assert _protocolo(db, protocolo_id).resposta == "Tipo de tarefa desconhecido: nao.existe"


def test_threads_of_one_worker_share_the_queue(
    client: TestClient, company: Company, fx: dict, db: Database, clock: MovableClock
) -> None:
    import time

    ids = enfileirar(db, company.id, fx, 120, _agora(clock))
    worker = Worker(db, clock, concorrencia=4, intervalo=0.02)
    worker.start()
    try:
        limite = time.monotonic() + 30
        while _count(db, Job, Job.estado == "FEITO") < len(ids):
            assert time.monotonic() < limite, "the queue did not drain"
            time.sleep(0.05)
    finally:
        worker.stop()
    assert _count(db, EventoFinanceiro) == 120
    assert _count(db, Protocolo, Protocolo.status == "SUCCESS") == 120
    with db.read() as s:
        eventos_ids = s.execute(select(Protocolo.evento_financeiro_id)).scalars().all()
    assert len(set(eventos_ids)) == 120
