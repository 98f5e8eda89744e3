"""Route classes that render errors in the API group's own format, and where database work runs.

Where: SQLite reads run on the event loop itself (WAL readers never wait for a lock, and a primary-key
read costs less than the hop to a thread); writes, on both engines, go to the database's one writer thread
per process, which commits what queued up together (`storage.engine.GroupWriter`). PostgreSQL raw reads
run on the event loop too, on asyncpg (`storage.async_reads`); PostgreSQL Session reads run in the thread
pool.
Every unit of work commits before it returns, so before any response is built.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.routing import Match
from starlette.types import Scope

from anil.api.errors import ErrorStyle, render, validation_to_invalid_input
from anil.errors import AnilError
from anil.storage.engine import Database
from anil.storage.repositories.base import RawReader

T = TypeVar("T")


def route_class(style: ErrorStyle) -> type[APIRoute]:
    class GroupRoute(APIRoute):
        def __init__(self, path: str, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(path, *args, **kwargs)
            self.literal_prefix = path.split("{", 1)[0]

        def matches(self, scope: Scope) -> tuple[Match, Scope]:
            """A request path that does not start with the route's literal part cannot match it: said
            without FastAPI's matching (a regular expression and its route-context bookkeeping, about
            1.4 µs a route), which the router otherwise runs for every route before the right one.
            Behind a `root_path` (which the route path does not include) FastAPI decides alone."""
            if not scope.get("root_path") and not scope["path"].startswith(self.literal_prefix):
                return Match.NONE, {}
            return super().matches(scope)

        def get_route_handler(self):  # type: ignore[no-untyped-def]
            handler = super().get_route_handler()

            async def guarded(request):  # type: ignore[no-untyped-def]
                try:
                    return await handler(request)
                except AnilError as exc:
                    return render(style, exc)
                except RequestValidationError as exc:
                    return render(style, validation_to_invalid_input(exc))

            return guarded

    GroupRoute.__name__ = f"{style.name.title()}Route"
    return GroupRoute


async def write(db: Database, work: Callable[[Session], T]) -> T:
    """Run a write unit of work; it commits before returning, so before any response."""
    return await asyncio.wrap_future(db.writer.submit(work))


async def read(db: Database, work: Callable[[Session], T]) -> T:
    if db.is_sqlite:
        return db.run_read(work)
    return await run_in_threadpool(db.run_read, work)


async def read_raw(db: Database, work: Callable[[RawReader], T]) -> T:
    """`read` without the ORM Session: statements built once, on the pooled driver connection."""
    if db.async_reads is not None:
        return await db.async_reads.run(work)
    return _raw(db, work)


def _raw(db: Database, work: Callable[[RawReader], T]) -> T:
    with RawReader(db.engine) as reader:
        return work(reader)
