"""Route classes that render errors in the API group's own format, and a one-hop database runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from anil.api.errors import ErrorStyle, render, validation_to_invalid_input
from anil.errors import AnilError
from anil.storage.engine import Database

T = TypeVar("T")


def route_class(style: ErrorStyle) -> type[APIRoute]:
    class GroupRoute(APIRoute):
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
    """Run a write unit of work in a worker thread; it commits before returning, so before any response."""
    return await run_in_threadpool(db.run_write, work)


async def read(db: Database, work: Callable[[Session], T]) -> T:
    return await run_in_threadpool(db.run_read, work)
