"""Group commit (`Database.writer`, on both engines): writes that queue up are committed together, in one
plain transaction, or with a savepoint per request when one of them fails; statements deferred to the
commit (the data version bumps) run once there."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import event, select

from anil.errors import InvalidInput
from anil.services import admin
from anil.storage.engine import Database
from anil.storage.models import Alteracao, Empresa
from anil.storage.repositories import alteracoes, financeiro
from anil.storage.repositories.base import driver_connection
from anil.storage.types import new_uuid


def test_a_batch_commits_together_and_a_failing_request_rolls_back_alone(db: Database) -> None:
    holding = threading.Event()
    release = threading.Event()

    def slow_first(session):  # type: ignore[no-untyped-def]
        holding.set()
        release.wait(5)
        return admin.criar_empresa(session, razao_social="Primeira").id

    first = db.writer.submit(slow_first)
    assert holding.wait(5)
    queued = [
        db.writer.submit(lambda s, n=n: admin.criar_empresa(s, razao_social=f"Empresa {n}").razao_social)
        for n in range(5)
    ]
    failing = db.writer.submit(lambda s: admin.criar_empresa(s, razao_social="Inválida", cnpj="123"))
    after = db.writer.submit(lambda s: admin.criar_empresa(s, razao_social="Depois").razao_social)
    release.set()

    assert first.result(10)
    assert [f.result(10) for f in queued] == [f"Empresa {n}" for n in range(5)]
    with pytest.raises(InvalidInput):
        failing.result(10)
    assert after.result(10) == "Depois"
    with db.read() as session:
        names = set(session.scalars(select(Empresa.razao_social)))
    assert names == {"Primeira", "Depois", *(f"Empresa {n}" for n in range(5))}


def _hold_the_writer(db: Database) -> tuple[threading.Event, object]:
    """Submit a first job that waits, so that the next ones queue up and run as one batch."""
    holding, release = threading.Event(), threading.Event()

    def wait(session):  # type: ignore[no-untyped-def]
        holding.set()
        release.wait(5)
        return admin.criar_empresa(session, razao_social="Anfitriã").id

    first = db.writer.submit(wait)
    assert holding.wait(5)
    return release, first


def _count_commits(db: Database) -> list[int]:
    commits = [0]
    event.listen(db.engine, "commit", lambda _conn: commits.__setitem__(0, commits[0] + 1))
    return commits


def test_statement_jobs_share_one_commit_and_a_failing_one_is_undone_alone(db: Database) -> None:
    """Jobs written through statements only (`write_raw`) keep their batch when one of them raises after
    writing: its rows are rolled back to its savepoint, the others commit together."""
    tenant = db.run_write(lambda s: admin.criar_empresa(s, razao_social="Dona do feed").id)
    agora = datetime(2026, 5, 1, 12, 0)

    def registra(evento_id: str, falha: bool = False):  # type: ignore[no-untyped-def]
        def work(session):  # type: ignore[no-untyped-def]
            alteracoes.registrar(session, tenant, [evento_id], agora)
            if falha:
                raise InvalidInput("falhou depois de escrever")
            return evento_id

        return work

    release, first = _hold_the_writer(db)
    commits = _count_commits(db)
    ids = [new_uuid() for _ in range(4)]
    futures = [db.writer.submit(registra(ids[0])), db.writer.submit(registra(ids[1], falha=True))]
    futures += [db.writer.submit(registra(i)) for i in ids[2:]]
    release.set()
    first.result(10)
    assert futures[0].result(10) == ids[0]
    with pytest.raises(InvalidInput):
        futures[1].result(10)
    assert [f.result(10) for f in futures[2:]] == ids[2:]
    with db.read() as session:
        gravados = set(session.scalars(select(Alteracao.evento_id).where(Alteracao.tenant_id == tenant)))
    assert gravados == {ids[0], *ids[2:]}
    assert commits[0] == 2  # the held job's, then one for the four: their batch was not given up


def test_an_orm_job_failing_after_its_flush_leaves_nothing_and_the_others_commit(db: Database) -> None:
    """A job holding ORM objects when it fails cannot be undone alone (the objects would keep its state):
    the batch is run again one job at a time, with the same outcome for every request."""

    def cria_e_falha(session):  # type: ignore[no-untyped-def]
        admin.criar_empresa(session, razao_social="Fantasma")
        session.flush()
        raise InvalidInput("falhou depois do flush")

    release, first = _hold_the_writer(db)
    antes = db.writer.submit(lambda s: admin.criar_empresa(s, razao_social="Antes").razao_social)
    falha = db.writer.submit(cria_e_falha)
    depois = db.writer.submit(lambda s: admin.criar_empresa(s, razao_social="Depois").razao_social)
    release.set()
    first.result(10)
    assert antes.result(10) == "Antes"
    with pytest.raises(InvalidInput):
        falha.result(10)
    assert depois.result(10) == "Depois"
    with db.read() as session:
        names = set(session.scalars(select(Empresa.razao_social)))
    assert names == {"Anfitriã", "Antes", "Depois"}


def _versao(db: Database, tenant: str) -> int:
    with db.read() as session:
        return financeiro.versao(session, tenant)


def test_a_batch_without_failures_is_one_transaction_that_bumps_the_version_once(db: Database) -> None:
    """No savepoints when nothing fails, and the data version bump every write ends with (a statement whose
    effect is the same once or N times) runs once for the batch, not once per request."""
    tenant = db.run_write(lambda s: admin.criar_empresa(s, razao_social="Dona da versão").id)
    antes = _versao(db, tenant)
    agora = datetime(2026, 5, 1, 12, 0)
    statements: list[str] = []
    traced: set = set()

    def registra(evento_id: str):  # type: ignore[no-untyped-def]
        def work(session):  # type: ignore[no-untyped-def]
            driver = driver_connection(session)
            if db.is_sqlite:  # psycopg has no statement trace: PostgreSQL checks the commits and version
                driver.set_trace_callback(statements.append)
                traced.add(driver)
            alteracoes.registrar(session, tenant, [evento_id], agora)
            financeiro.nova_versao(session, tenant)
            return evento_id

        return work

    release, first = _hold_the_writer(db)
    commits = _count_commits(db)
    ids = [new_uuid() for _ in range(5)]
    futures = [db.writer.submit(registra(i)) for i in ids]
    release.set()
    first.result(10)
    assert [f.result(10) for f in futures] == ids
    for connection in traced:
        connection.set_trace_callback(None)
    assert commits[0] == 2  # the held job's, then one for the five
    assert _versao(db, tenant) == antes + 1
    if db.is_sqlite:
        assert not [s for s in statements if "SAVEPOINT" in s.upper()]
        assert sum(s.lstrip().upper().startswith("INSERT INTO FINANCEIRO_VERSOES") for s in statements) == 1


def test_the_version_bump_waits_for_the_commit_so_other_writers_do_not_queue_on_it(db: Database) -> None:
    """Every write of a company bumps its data version row. Asked for mid-transaction, the bump runs just
    before the commit: a transaction that asked for it and goes on working does not hold that row's lock,
    so another write of the company commits meanwhile (PostgreSQL, real concurrency: before, it waited
    for the first to commit, which here would wait for it in turn). The bump still lands, once each."""
    if db.is_sqlite:
        pytest.skip("SQLite runs one write transaction at a time")
    tenant = db.run_write(lambda s: admin.criar_empresa(s, razao_social="Duas escritas").id)
    antes = _versao(db, tenant)
    agora = datetime(2026, 5, 1, 12, 0)
    bumped, other_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def other() -> None:
        try:
            assert bumped.wait(5)
            with db.write() as session:
                alteracoes.registrar(session, tenant, [new_uuid()], agora)
                financeiro.nova_versao(session, tenant)
                session.commit()
            other_done.set()
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    thread = threading.Thread(target=other)
    thread.start()
    with db.write() as session:
        alteracoes.registrar(session, tenant, [new_uuid()], agora)
        financeiro.nova_versao(session, tenant)
        alteracoes.registrar(session, tenant, [new_uuid()], agora)  # work after the bump was asked for
        bumped.set()
        committed_meanwhile = other_done.wait(5)
        session.commit()
    thread.join(10)
    assert not errors
    assert committed_meanwhile
    assert _versao(db, tenant) == antes + 2


def test_a_rolled_back_write_does_not_bump_the_version(db: Database) -> None:
    tenant = db.run_write(lambda s: admin.criar_empresa(s, razao_social="Desfeita").id)
    antes = _versao(db, tenant)
    with pytest.raises(InvalidInput), db.write() as session:
        financeiro.nova_versao(session, tenant)
        raise InvalidInput("desfeita")
    with db.write() as session:  # a session's next transaction after a rollback: nothing carried over
        financeiro.nova_versao(session, tenant)
        session.rollback()
        alteracoes.registrar(session, tenant, [new_uuid()], datetime(2026, 5, 1, 12, 0))
        session.commit()
    assert _versao(db, tenant) == antes


def test_what_a_failing_request_deferred_is_undone_with_it(db: Database) -> None:
    """The batch runs again with a savepoint per request; the failing one's version bump goes with its
    rows, and the others' bump runs once."""
    so_falha = db.run_write(lambda s: admin.criar_empresa(s, razao_social="Só a que falha").id)
    outra = db.run_write(lambda s: admin.criar_empresa(s, razao_social="As que passam").id)
    versoes = {t: _versao(db, t) for t in (so_falha, outra)}
    agora = datetime(2026, 5, 1, 12, 0)

    def registra(tenant: str, falha: bool = False):  # type: ignore[no-untyped-def]
        def work(session):  # type: ignore[no-untyped-def]
            alteracoes.registrar(session, tenant, [new_uuid()], agora)
            financeiro.nova_versao(session, tenant)
            if falha:
                raise InvalidInput("falhou depois de escrever")
            return tenant

        return work

    release, first = _hold_the_writer(db)
    futures = [
        db.writer.submit(registra(outra)),
        db.writer.submit(registra(so_falha, falha=True)),
        db.writer.submit(registra(outra)),
    ]
    release.set()
    first.result(10)
    assert futures[0].result(10) == outra
    with pytest.raises(InvalidInput):
        futures[1].result(10)
    assert futures[2].result(10) == outra
    assert _versao(db, so_falha) == versoes[so_falha]
    assert _versao(db, outra) == versoes[outra] + 1
    with db.read() as session:
        linhas = session.scalars(select(Alteracao.tenant_id)).all()
    assert linhas.count(outra) == 2 and linhas.count(so_falha) == 0
