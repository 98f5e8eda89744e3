"""SQLite's group commit: writes that queue up are committed together, each in its own savepoint."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from anil.errors import InvalidInput
from anil.services import admin
from anil.storage.engine import Database
from anil.storage.models import Empresa


def test_a_batch_commits_together_and_a_failing_request_rolls_back_alone(db: Database) -> None:
    if db.writer is None:
        pytest.skip("group commit is SQLite's writer; PostgreSQL writes run in the thread pool")
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
