"""The read fast path lends pooled connections back exactly as it found them."""

from __future__ import annotations

from sqlalchemy import select

from anil.storage.engine import Database
from anil.storage.models import Empresa
from anil.storage.repositories.base import RawReader, fetch

_EMPRESAS = select(Empresa.__table__.c.id)


def test_raw_reads_leave_the_pooled_connection_transactional(db: Database) -> None:
    single = Database(db.url, pool_size=1)
    try:
        with RawReader(single.engine) as reader:
            assert fetch(reader, _EMPRESAS, {}) == []
        lent = single.engine.raw_connection()
        try:
            if not single.is_sqlite:
                assert lent.dbapi_connection.autocommit is False
        finally:
            lent.close()
        with single.write() as session:  # a Session on the same connection still gets a transaction
            session.add(Empresa(razao_social="X", documento="11222333000181"))
            session.flush()
            session.rollback()
        with RawReader(single.engine) as reader:
            assert fetch(reader, _EMPRESAS, {}) == [], "the rolled-back write left nothing"
    finally:
        single.dispose()
