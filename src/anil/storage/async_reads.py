"""PostgreSQL reads on the event loop: asyncpg under the same synchronous repository code.

A read on PostgreSQL used to cost a hop to the thread pool plus psycopg's per-statement work, and under
64 concurrent requests the queue for threads made the p99. Here the repository function (a plain
function of a reader, as on SQLite) runs inside a greenlet (SQLAlchemy's `greenlet_spawn`); each statement
it issues awaits asyncpg on the event loop (`await_only`), so no thread is involved and asyncpg's binary
protocol does the I/O (design/performance.md: asyncpg raw ≈ 1.5× psycopg raw on a primary-key read).

Statements are compiled once for the asyncpg dialect (`$1` placeholders), as `RawReader` does for the
sync drivers; rows come back as tuples with SQLAlchemy's result processors applied. Statements built per
request (filtered lists) go through `execute()`, which compiles them each time.

One pool per event loop: uvicorn runs one loop per worker for its lifetime; a test client runs one loop
per client, and `close()` (from the app's lifespan) closes the pool of the loop that ends.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import weakref
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

import asyncpg
from sqlalchemy.dialects.postgresql.asyncpg import dialect as AsyncpgDialect
from sqlalchemy.engine import make_url
from sqlalchemy.sql.base import Executable
from sqlalchemy.types import TypeDecorator
from sqlalchemy.util import await_only, greenlet_spawn

T = TypeVar("T")

_DIALECT = AsyncpgDialect()
_LIBPQ_OPTION = re.compile(r"-c\s*([\w.]+)=(\S+)")


class _Compiled:
    """A statement compiled for asyncpg. Statements with "expanding" parameters (`IN` lists) are expanded
    per call by SQLAlchemy itself (`construct_expanded_state`); the others take the precomputed path."""

    __slots__ = ("binds", "compiled", "defaults", "expanding", "order", "processors", "sql")

    def __init__(self, stmt: Executable) -> None:
        compiled = self.compiled = stmt.compile(dialect=_DIALECT)
        self.expanding = bool(compiled.post_compile_params or compiled.literal_execute_params)
        self.sql = str(compiled)
        self.order = tuple(compiled.positiontup or ())
        self.binds = dict(compiled._bind_processors)
        self.defaults = {k: v for k, v in compiled.construct_params(_check=False).items() if v is not None}
        # asyncpg already returns what the column types mean (Decimal, date, bool; JSON via the codec
        # below). Only our own TypeDecorators have a result conversion of their own to apply.
        self.processors = [
            (index, processor)
            for index, column in enumerate(getattr(stmt, "selected_columns", ()))
            if isinstance(column.type, TypeDecorator)
            and (processor := column.type._cached_result_processor(_DIALECT, None)) is not None
        ]

    def statement(self, params: dict[str, Any]) -> tuple[str, list[Any]]:
        """The SQL text and positional arguments for one call."""
        if self.expanding:
            state = self.compiled.construct_expanded_state(params)
            names = state.positiontup or ()
            return state.statement, [
                processor(state.parameters[name])
                if (processor := state.processors.get(name)) is not None
                else state.parameters[name]
                for name in names
            ]
        values = {**self.defaults, **params} if self.defaults else params
        arguments = []
        for name in self.order:
            value = values[name]
            processor = self.binds.get(name)
            arguments.append(processor(value) if processor is not None else value)
        return self.sql, arguments

    def process(self, records: Sequence[Any]) -> list[tuple]:
        if not self.processors:
            return [tuple(record) for record in records]
        out = []
        for record in records:
            values = list(record)
            for index, processor in self.processors:
                values[index] = processor(values[index])
            out.append(tuple(values))
        return out


class _Result:
    """The little of SQLAlchemy's `Result` that repository code uses on per-request statements."""

    def __init__(self, rows: list[tuple]) -> None:
        self._rows = rows

    def all(self) -> list[tuple]:
        return self._rows

    def first(self) -> tuple | None:
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one(self) -> Any:
        if len(self._rows) != 1:
            raise LookupError(f"expected one row, got {len(self._rows)}")
        return self._rows[0][0]


class GreenletReader:
    """The reader a repository sees on PostgreSQL: `rows()` for statements built once, `core().execute()`
    for statements built per request. Only valid inside `AsyncReads.run()`."""

    # Keyed by the statement object itself (a strong reference: ids of collected objects are reused).
    _cache: ClassVar[dict[Executable, _Compiled]] = {}
    # Repository code may not block the event loop waiting for another request (single-flight locks).
    may_block = False

    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    def rows(self, stmt: Executable, params: dict[str, Any]) -> list[tuple]:
        compiled = self._cache.get(stmt)
        if compiled is None:
            compiled = self._cache[stmt] = _Compiled(stmt)
        return self._run(compiled, params)

    def core(self) -> GreenletReader:
        return self

    def esperar(self, future: asyncio.Future[T]) -> T:
        """Wait, without blocking the event loop, for what another request is computing (single flight)."""
        return await_only(asyncio.shield(future))

    def execute(self, stmt: Executable, params: dict[str, Any] | None = None) -> _Result:
        return _Result(self._run(_Compiled(stmt), params or {}))

    def _run(self, compiled: _Compiled, params: dict[str, Any]) -> list[tuple]:
        sql, arguments = compiled.statement(params)
        records = await_only(self._connection.fetch(sql, *arguments))
        return compiled.process(records)


def asyncpg_connect_args(url: str) -> dict[str, Any]:
    """asyncpg's arguments for a SQLAlchemy PostgreSQL URL; libpq `options=-c k=v` become server settings."""
    parsed = make_url(url)
    query = dict(parsed.query)
    server_settings = {k: v for k, v in _LIBPQ_OPTION.findall(str(query.pop("options", "")))}
    return {
        "host": parsed.host or "localhost",
        "port": parsed.port or 5432,
        "user": parsed.username,
        "password": parsed.password,
        "database": parsed.database,
        "server_settings": server_settings or None,
    }


async def _init_connection(connection: asyncpg.Connection) -> None:
    # JSON as Python values, as psycopg returns them (SQLAlchemy's JSON types expect that).
    for name in ("json", "jsonb"):
        await connection.set_type_codec(name, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


# Connections per worker process. Few on purpose: PostgreSQL gains nothing from more backends than it has
# cores to run them, and requests queue more cheaply on the event loop than as backends contending for the
# CPU. Measured with `python -m bench --engines postgresql` (2 vCPUs, 2 workers, 64 connections), in two
# A/B runs: GET /v1/pessoas/{id} p99 65 and 99 ms with 4, 146 and 169 ms with 16, at equal or higher req/s.
POOL_SIZE = max(4, 2 * (os.cpu_count() or 2))


class AsyncReads:
    """Per-event-loop asyncpg pools for one database, and the way to run a read unit of work on them."""

    def __init__(self, url: str, *, max_size: int = POOL_SIZE) -> None:
        self._connect = asyncpg_connect_args(url)
        self._max_size = max_size
        self._pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Future[asyncpg.Pool]] = (
            weakref.WeakKeyDictionary()
        )

    async def _pool(self) -> asyncpg.Pool:
        loop = asyncio.get_running_loop()
        future = self._pools.get(loop)
        if future is None:  # the first request of this loop opens the pool; the others wait for it
            future = self._pools[loop] = loop.create_future()
            try:
                pool = await asyncpg.create_pool(
                    min_size=1, max_size=self._max_size, init=_init_connection, **self._connect
                )
            except BaseException as exc:
                del self._pools[loop]
                future.set_exception(exc)
                future.exception()  # retrieved: the next request tries again
                raise
            future.set_result(pool)
        return await asyncio.shield(future)

    async def run(self, work: Callable[[GreenletReader], T]) -> T:
        pool = await self._pool()
        async with pool.acquire() as connection:
            return await greenlet_spawn(work, GreenletReader(connection))

    async def close(self) -> None:
        """Close the pool of the running loop, if it has one (called when the app shuts down)."""
        future = self._pools.pop(asyncio.get_running_loop(), None)
        if future is not None and future.done() and future.exception() is None:
            await future.result().close()
