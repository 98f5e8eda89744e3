"""The single tenant door: every query on tenant-owned rows starts here.

Statements on hot paths are built once at import time with `TENANT` as a bound parameter and run with
`scope(tenant_id, ...)`; statements whose shape depends on the request (list filters) start from
`scoped_select`/`scoped_update`/`scoped_delete`, which add the tenant condition themselves. A repository
never writes `table.c.tenant_id` on its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Delete, Engine, Select, Table, Update, bindparam, delete, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import Executable

TENANT = bindparam("tenant_id")


def owned(table: Table) -> ColumnElement[bool]:
    """`table.tenant_id = :tenant_id`, for statements built once."""
    return table.c.tenant_id == TENANT


def scope(tenant_id: str, **params: Any) -> dict[str, Any]:
    """The parameters of a statement built with `owned()`: always carries the tenant."""
    params["tenant_id"] = tenant_id
    return params


class _Prepared:
    __slots__ = ("binds", "defaults", "order", "processors", "sql")

    def __init__(self, stmt: Select, dialect: Any) -> None:
        compiled = stmt.compile(dialect=dialect)
        self.sql = str(compiled)
        self.order = tuple(compiled.positiontup or ()) if compiled.positional else None
        # literal values the statement carries itself (`posicao = 0` becomes a bound parameter)
        self.defaults = {k: v for k, v in compiled.construct_params(_check=False).items() if v is not None}
        # bound values are stored as SQLAlchemy stores them (SQLite date-times keep their microseconds:
        # compared as text, `15:00:00` is not `15:00:00.000000`)
        self.binds = dict(compiled._bind_processors)
        self.processors = [
            (index, processor)
            for index, column in enumerate(stmt.selected_columns)
            if (processor := column.type._cached_result_processor(dialect, None)) is not None
        ]


class RawReader:
    """Runs SELECTs built once straight on a pooled DBAPI connection: the hot reads' fast path.

    SQLAlchemy's execution machinery costs ~70 µs a statement and a Session ~60 µs more, against ~20 µs
    for the driver itself (design/performance.md). A statement is compiled once per dialect; rows come
    back as tuples with SQLAlchemy's own result processors applied (SQLite dates, booleans, JSON), so
    they read like Core rows by position. Only `owned()` statements with bound parameters belong here.
    """

    # Keyed by the statement object itself (a strong reference: ids of collected objects are reused).
    _cache: ClassVar[dict[tuple[Select, str], _Prepared]] = {}
    # Runs on a worker thread (or SQLite's quick reads): may wait on another request's single-flight lock.
    may_block = True

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect
        self._connection: Any = None
        self._core: Connection | None = None
        # psycopg opens a transaction with the first SELECT, and the pool then spends a round trip on its
        # ROLLBACK; a lone read needs neither. (pysqlite connections already run without one here.)
        self._autocommit = self.dialect.name == "postgresql"

    def __enter__(self) -> RawReader:
        return self

    def __exit__(self, *exc: object) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                if self._autocommit:
                    connection.dbapi_connection.autocommit = False  # as the pool lent it
            except Exception:
                connection.invalidate()  # a broken connection never goes back to the pool
            finally:
                connection.close()  # back to the pool, which rolls back whatever the driver opened
        if self._core is not None:
            self._core.close()
            self._core = None

    def core(self) -> Connection:
        """A Core connection for statements built per request (their compiled form is cached by SQLAlchemy)."""
        if self._core is None:
            self._core = self.engine.connect()
        return self._core

    def _prepared(self, stmt: Select) -> _Prepared:
        key = (stmt, self.dialect.name)
        prepared = self._cache.get(key)
        if prepared is None:
            prepared = self._cache[key] = _Prepared(stmt, self.dialect)
        return prepared

    def rows(self, stmt: Select, params: dict[str, Any]) -> list[tuple]:
        prepared = self._prepared(stmt)
        if self._connection is None:
            self._connection = self.engine.raw_connection()
            if self._autocommit:
                self._connection.dbapi_connection.autocommit = True
        if prepared.defaults:
            params = {**prepared.defaults, **params}
        if prepared.binds:
            binds = prepared.binds
            params = {k: (binds[k](v) if k in binds else v) for k, v in params.items()}
        cursor = self._connection.cursor()
        try:
            if prepared.order is None:
                cursor.execute(prepared.sql, params)
            else:
                cursor.execute(prepared.sql, [params[name] for name in prepared.order])
            rows = cursor.fetchall()
        finally:
            cursor.close()
        if not prepared.processors:
            return rows
        out = []
        for row in rows:
            values = list(row)
            for index, processor in prepared.processors:
                values[index] = processor(values[index])
            out.append(tuple(values))
        return out


class _PreparedWrite:
    __slots__ = ("binds", "defaults", "order", "slots", "sql")

    def __init__(self, stmt: Executable, dialect: Any) -> None:
        compiled = stmt.compile(dialect=dialect)
        self.sql = str(compiled)
        self.order = tuple(compiled.positiontup or ()) if compiled.positional else None
        self.binds = dict(compiled._bind_processors)
        self.defaults = {k: v for k, v in compiled.construct_params(_check=False).items() if v is not None}
        # positional drivers (SQLite): each slot's name and bind processor, in the statement's order
        self.slots = tuple((name, self.binds.get(name)) for name in self.order or ())

    def bound(self, values: dict[str, Any]) -> Any:
        """The driver's parameters for one row: defaults filled in, SQLAlchemy's bind processors applied."""
        if self.defaults:
            values = {**self.defaults, **values}
        if self.order is not None:
            return [processor(values[name]) if processor else values[name] for name, processor in self.slots]
        binds = self.binds
        return {name: (binds[name](value) if name in binds else value) for name, value in values.items()}


# Keyed by the statement object itself (a strong reference: ids of collected objects are reused).
_writes: dict[tuple[Executable, str], _PreparedWrite] = {}
_DRIVER = "anil_driver_connection"


def driver_connection(session: Session) -> Any:
    """The DBAPI connection under the session's current transaction, looked up once per transaction.

    `Session.connection()` walks the ORM's transaction state machine on every call, which is a fair share
    of a small write's cost. Inside a `Session.begin_nested()` it is always asked, since that is what emits
    the savepoint."""
    transaction = session.get_transaction()
    cached = session.info.get(_DRIVER)
    if (
        cached is not None
        and transaction is not None
        and cached[0] is transaction
        and not session.in_nested_transaction()
    ):
        return cached[1]
    dbapi = session.connection().connection.dbapi_connection
    session.info[_DRIVER] = (session.get_transaction(), dbapi)
    return dbapi


_NO_FIM = "anil_no_fim"


def write_raw_uma_vez(session: Session, stmt: Executable, params: dict[str, Any]) -> None:
    """`write_raw` just before the transaction commits, once per statement and parameters, where the
    session defers (`adiar_no_fim`: every `Database.write` session, so each group-commit batch too), now
    otherwise. For statements whose effect is the same once or N times in a transaction and whose row
    every writer of the company shares, such as the data version bump that ends every write: its row lock
    is then held from just before the commit (on PostgreSQL, where concurrent writes of a company queue on
    that lock, from the bump on: taken mid-transaction it serialised them at ~190 creations/s), and a batch
    bumps once instead of once per request."""
    adiadas = session.info.get(_NO_FIM)
    if adiadas is None:
        write_raw(session, stmt, params)
    else:
        driver_connection(session)  # the transaction begun, so that a rollback of it drops this too
        adiadas.setdefault((stmt, tuple(sorted(params.items()))), (stmt, params))


def adiar_no_fim(session: Session) -> None:
    """From now on, `write_raw_uma_vez` in this session waits for `executar_no_fim` (or the commit, on a
    `Database.write` session: `antes_do_commit`)."""
    session.info[_NO_FIM] = {}


def executar_no_fim(session: Session) -> None:
    """What `write_raw_uma_vez` deferred, in the order first asked; call before the commit."""
    for stmt, params in session.info.pop(_NO_FIM, {}).values():
        write_raw(session, stmt, params)


def antes_do_commit(session: Session) -> None:
    """`before_commit` of a deferring session: run what was deferred, and go on deferring in the next
    transaction of the same session."""
    if _NO_FIM in session.info:
        executar_no_fim(session)
        adiar_no_fim(session)


def depois_do_rollback(session: Session) -> None:
    """`after_rollback` of a deferring session: what was deferred was rolled back with the rest."""
    if _NO_FIM in session.info:
        adiar_no_fim(session)


@contextmanager
def ponto_de_salvamento(session: Session, nome: str = "anil_ponto") -> Iterator[None]:
    """A savepoint on the session's driver connection: what runs inside is undone alone if it raises.
    Cheaper than `Session.begin_nested` (which costs more than a small job's own statements). ORM objects
    do not see it: what they hold of an undone block is the caller's to throw away. What the block
    deferred with `write_raw_uma_vez` is undone with it."""
    adiadas = session.info.get(_NO_FIM)
    antes = dict(adiadas) if adiadas is not None else None
    cursor = driver_connection(session).cursor()
    try:
        cursor.execute(f"SAVEPOINT {nome}")
        try:
            yield
        except BaseException:
            cursor.execute(f"ROLLBACK TO SAVEPOINT {nome}")
            cursor.execute(f"RELEASE SAVEPOINT {nome}")
            if adiadas is not None and antes is not None:
                adiadas.clear()
                adiadas.update(antes)
            raise
        cursor.execute(f"RELEASE SAVEPOINT {nome}")
    finally:
        cursor.close()


def write_raw(session: Session, stmt: Executable, params: dict[str, Any] | list[dict[str, Any]]) -> Any:
    """Run a DML statement built once on the session's own driver connection, inside its transaction.

    Writes hold SQLite's single write lock (and, on both engines, row locks) for as long as their Python
    runs; SQLAlchemy's per-statement machinery is most of that. Bound values go through SQLAlchemy's own
    bind processors (JSON, dates, booleans), so what is stored is what the ORM would store. Statements
    here must name every bound parameter explicitly. Returns the cursor's rows (for RETURNING).
    """
    dbapi = driver_connection(session)
    key = (stmt, session.get_bind().dialect.name)
    prepared = _writes.get(key)
    if prepared is None:
        prepared = _writes[key] = _PreparedWrite(stmt, session.get_bind().dialect)
    cursor = dbapi.cursor()
    try:
        if isinstance(params, list):
            cursor.executemany(prepared.sql, [prepared.bound(p) for p in params])
            return []
        cursor.execute(prepared.sql, prepared.bound(params))
        return cursor.fetchall() if cursor.description else []
    finally:
        cursor.close()


Reader = Any  # a Session, a Connection or a RawReader: whatever the unit of work handed over


def core(reader: Reader) -> Any:
    """Something that runs any statement: a Session or Connection itself, or a raw reader's `core()`."""
    return reader.core() if hasattr(reader, "rows") else reader


def fetch(reader: Reader, stmt: Select, params: dict[str, Any]) -> Sequence[Any]:
    """All rows of a statement built once, on the fast path when the caller gave a raw reader
    (`RawReader`, or `async_reads.GreenletReader` on PostgreSQL)."""
    rows = getattr(reader, "rows", None)
    if rows is not None:
        return rows(stmt, params)
    return reader.execute(stmt, params).all()


def scoped_select(table: Table, tenant_id: str, *columns: Any) -> Select:
    """`SELECT columns FROM table WHERE tenant_id = <tenant>` (all columns when none are given)."""
    stmt = select(*columns).select_from(table) if columns else select(table)
    return stmt.where(table.c.tenant_id == tenant_id)


def scoped_update(table: Table, tenant_id: str) -> Update:
    return update(table).where(table.c.tenant_id == tenant_id)


def scoped_delete(table: Table, tenant_id: str) -> Delete:
    return delete(table).where(table.c.tenant_id == tenant_id)
