"""Engines and sessions for SQLite (embedded default) and PostgreSQL.

SQLite: foreign keys on every connection, WAL, and transactions begun by us rather than by pysqlite
(SQLAlchemy's documented savepoint workaround). Write transactions start with `BEGIN IMMEDIATE`, taking
the database lock up front (design/performance.md rule 3). Before that, writers queue: on a thread lock
inside the process and on an `flock` of `<database>.write-lock` across processes, so no writer ever sits
in SQLite's busy handler, whose sleeps of up to 100 ms made the p99 of concurrent writes explode.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the thread lock and SQLite's busy handler remain
    fcntl = None  # type: ignore[assignment]
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from anil.domain.buscas_financeiras import dobrar
from anil.storage.async_reads import AsyncReads
from anil.storage.repositories.base import (
    adiar_no_fim,
    antes_do_commit,
    depois_do_rollback,
    ponto_de_salvamento,
)

T = TypeVar("T")

_WRITE = "anil_write"


def make_engine(url: str, *, pool_size: int | None = None) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size or 8,
            max_overflow=pool_size or 8,
        )
        _configure_sqlite(engine)
        return engine
    # 20 connections: at 64 concurrent requests per process the thread pool, not PostgreSQL, should queue.
    return create_engine(url, pool_size=pool_size or 20, max_overflow=10, pool_pre_ping=False)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # Checkpoints run off the commit path, in Database's checkpointer thread (see there).
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.close()
        # the installment searches' text folding; PostgreSQL has it as a SQL function (migration 0008)
        dbapi_connection.create_function("anil_chave", 1, dobrar, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get(_WRITE):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


class Database:
    """One engine, two kinds of unit of work: `read()` and `write()`. Both roll back unless committed."""

    def __init__(self, url: str, *, pool_size: int | None = None) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size=pool_size)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        write_engine = self.engine.execution_options(**{_WRITE: True})
        self._read = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False, autoflush=False)
        # statements deferred to the commit (`write_raw_uma_vez`: the data version bumps) run there
        event.listen(self._write, "before_commit", antes_do_commit)
        event.listen(self._write, "after_rollback", depois_do_rollback)
        self._writer_lock = threading.Lock() if self.is_sqlite else None
        self._process_lock = _ProcessLock.for_sqlite(self.engine.url.database) if self.is_sqlite else None
        # The API queues its writes on one thread per process, which commits what queued up together:
        # SQLite takes one writer at a time anyway; on PostgreSQL every write of a company ends by
        # bumping its data version row, whose lock a transaction per request made them queue on.
        self.writer = GroupWriter(self)
        self._checkpointer = _Checkpointer(self.engine) if self.is_sqlite else None
        # PostgreSQL reads run on the event loop, on asyncpg (see async_reads); SQLite reads are inline.
        self.async_reads = None if self.is_sqlite else AsyncReads(url)

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
            if self._process_lock is not None:
                self._process_lock.acquire()
        try:
            with self._write() as session:
                adiar_no_fim(session)
                try:
                    yield session
                except BaseException:
                    session.rollback()
                    raise
                else:
                    session.rollback()  # no-op after a commit; undoes an uncommitted unit of work
        finally:
            if lock is not None:
                if self._process_lock is not None:
                    self._process_lock.release()
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
        if self._checkpointer is not None:
            self._checkpointer.stop()
        self.writer.shutdown()
        self.engine.dispose()
        if self._process_lock is not None:
            self._process_lock.close()


class GroupWriter:
    """The API's one writer thread per process, with group commit (SQLite and PostgreSQL).

    Writes that queue up while one transaction runs are committed together in the next one, and every
    request is answered only after the commit that holds its write. One begin, one commit (on SQLite,
    one turn of the write lock) and one data version bump then serve a whole batch, which is what keeps
    the p99 of concurrent creates low.

    A batch first runs as one plain transaction, statements that only need to run once per transaction
    (`write_raw_uma_vez`: the data version bumps) once at its end. If any of its requests raises, that
    transaction is rolled back and the batch runs again with a savepoint around each request, so that
    the failing one rolls back alone. Savepoints are not the first choice because SQLite journals every
    page a savepoint changes in a statement journal, which past 64 KiB (a few requests' pages) spills
    to a temporary file created and deleted per transaction: measured, 4 times the `pwrite` calls of
    the same batch without savepoints. A batch whose commit fails is run again one request per
    transaction.
    """

    def __init__(self, db: Database, max_batch: int = 64) -> None:
        self._db = db
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[tuple[Future, Callable[[Session], object]] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._loop, name="anil-writer", daemon=True)
        self._thread.start()

    def submit(self, work: Callable[[Session], T]) -> Future[T]:
        future: Future[T] = Future()
        self._queue.put((future, work))
        return future

    def shutdown(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=30)

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            batch = [item]
            stopping = False
            while len(batch) < self._max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stopping = True
                    break
                batch.append(item)
            self._run([(f, w) for f, w in batch if f.set_running_or_notify_cancel()])
            if stopping:
                return

    def _run(self, jobs: list[tuple[Future, Callable[[Session], object]]]) -> None:
        if len(jobs) > 1 and (self._run_as_one(jobs) or self._run_together(jobs)):
            return
        for future, work in jobs:
            try:
                future.set_result(self._db.run_write(work))
            except BaseException as exc:  # handed to the waiting request
                future.set_exception(exc)

    def _run_as_one(self, jobs: list[tuple[Future, Callable[[Session], object]]]) -> bool:
        """The batch in one transaction without savepoints; False, with nothing written, if any job or
        the commit raised."""
        results: list[object] = []
        try:
            with self._db.write() as session:
                for _future, work in jobs:
                    results.append(work(session))
                    if session.new or session.dirty or session.deleted:
                        session.flush()  # what a job wrote, the next job's reads see
                session.commit()
        except Exception:
            return False
        for (future, _work), result in zip(jobs, results, strict=True):
            future.set_result(result)
        return True

    def _run_together(self, jobs: list[tuple[Future, Callable[[Session], object]]]) -> bool:
        """The batch in one transaction, each job inside a savepoint of its own, set on the driver
        connection (`Session.begin_nested` costs more than a small job's own statements). A job that
        raises is undone alone; if the ORM holds objects by then (which an undone savepoint would leave
        stale), the whole batch is given up instead and `_run` runs each job alone."""
        outcomes: list[tuple[Future, object, BaseException | None]] = []
        try:
            with self._db.write() as session:
                for future, work in jobs:
                    try:
                        with ponto_de_salvamento(session, "anil_lote"):
                            result = work(session)
                            if session.new or session.dirty or session.deleted:
                                session.flush()
                    except Exception as exc:
                        if session.identity_map or session.new or session.deleted:
                            return False
                        outcomes.append((future, None, exc))
                    else:
                        outcomes.append((future, result, None))
                session.commit()
        except Exception:
            return False  # nothing of the batch was written: `_run` tries each request alone
        for future, result, error in outcomes:
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)
        return True


class _Checkpointer:
    """Copies the WAL back into the database file every `interval` seconds with a PASSIVE checkpoint,
    which never waits for (nor blocks) a writer. SQLite's default is to checkpoint inside the commit that
    crosses 1,000 WAL pages, while that writer holds the write lock: a stall every few thousand creates."""

    def __init__(self, engine: Engine, interval: float = 1.0) -> None:
        self._engine = engine
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="anil-sqlite-checkpoint", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                with self._engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            except Exception:  # a missed checkpoint is retried at the next tick
                continue

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=10)
        with self._engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


class _ProcessLock:
    """An exclusive `flock` on a file beside the SQLite database, shared by every process that writes it."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    @classmethod
    def for_sqlite(cls, database: str | None) -> _ProcessLock | None:
        if fcntl is None or not database or database == ":memory:" or database.startswith("file:"):
            return None
        return cls(Path(database + ".write-lock"))

    def acquire(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def release(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        os.close(self._fd)
