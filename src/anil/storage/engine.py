"""Engines and sessions for SQLite (embedded default) and PostgreSQL.

SQLite: foreign keys on every connection, WAL, and transactions begun by us rather than by pysqlite
(SQLAlchemy's documented savepoint workaround). Write transactions start with `BEGIN IMMEDIATE`, taking
the database lock up front, and writers of one process queue on a lock first, so that under two worker
processes the busy handler only ever waits for the other process (see design/performance.md rule 3).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")

_WRITE = "anil_write"


def make_engine(url: str, *, pool_size: int = 8) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size,
            max_overflow=pool_size,
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=False)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


class Database:
    """One engine, two kinds of unit of work: `read()` and `write()`. Both roll back unless committed."""

    def __init__(self, url: str, *, pool_size: int = 8) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size=pool_size)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        write_engine = self.engine.execution_options(**{_WRITE: True})
        self._read = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False, autoflush=False)
        self._writer_lock = threading.Lock() if self.is_sqlite else None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write unit of work: the caller must `session.commit()`; anything else rolls back."""
        lock = self._writer_lock
        if lock is not None:
            lock.acquire()
        try:
            with self._write() as session:
                try:
                    yield session
                except BaseException:
                    session.rollback()
                    raise
                else:
                    session.rollback()  # no-op after a commit; undoes an uncommitted unit of work
        finally:
            if lock is not None:
                lock.release()

    def run_write(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one write transaction and commit it before returning its result."""
        with self.write() as session:
            result = work(session)
            session.commit()
            return result

    def run_read(self, work: Callable[[Session], T]) -> T:
        with self.read() as session:
            return work(session)

    def dispose(self) -> None:
        self.engine.dispose()
