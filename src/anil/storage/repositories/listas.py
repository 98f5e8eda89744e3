"""What makes a long list cheap at any page: facts per (company, data version, filter), kept per process.

Every list repository (pessoas, produtos) keeps a company data version, bumped by each write, last in its
transaction. Per version and filter it remembers:

* the total (counted once), and
* for a name order, every `CHECKPOINT`-th sort key (one window query), so that `pagina=N` seeks from the
  nearest remembered key with the OR-expanded keyset predicate, flat on SQLite and PostgreSQL alike,
  instead of skipping N × size rows (design/performance.md rule 4).

Each fact is computed once per process however many requests miss it together (single flight): threads
wait on a lock; readers on the event loop (PostgreSQL's asyncpg path, `may_block = False`) must never block
the loop, so they wait on a future the first one resolves (`reader.esperar`).
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from anil.storage.repositories.base import Reader, scope

T = TypeVar("T")

CHECKPOINT = 64  # rows between two remembered sort keys; a page seeks at most this far
KEYSET_FROM = 2 * CHECKPOINT  # below this offset a plain OFFSET is as cheap

Chave = tuple[Any, Any]  # a sort key: (name as searched, seq)


@dataclass
class Lista:
    total: int
    checkpoints: list[Chave] | None = None

    def posicao(self, offset: int) -> tuple[Chave | None, int]:
        """The remembered sort key to seek from (None: plain OFFSET), and how many rows to skip after it."""
        # read at call time: the tests make both smaller to reach deep pages with a few rows
        if offset < KEYSET_FROM or not self.checkpoints:
            return None, offset
        index = min(offset // CHECKPOINT, len(self.checkpoints) - 1)
        return self.checkpoints[index], offset - index * CHECKPOINT


def parametros(tenant_id: str, desde: Chave | None, offset: int, limit: int) -> dict[str, Any]:
    """Bound values of a page statement built once (`k_nome`/`k_seq` only when it seeks)."""
    params = scope(tenant_id, p_offset=offset, p_limit=limit)
    if desde is not None:
        params.update(k_nome=desde[0], k_seq=desde[1])
    return params


class CacheListas:
    """Bounded LRU of `Lista` per (company, data version, filter), with single-flight computation."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self.items: OrderedDict[tuple, Lista] = OrderedDict()
        self.lock = threading.Lock()
        self._locks: dict[tuple, threading.Lock] = {}
        self._futures: dict[tuple, asyncio.Future[Any]] = {}
        # The data version each company's default list was last read at. A page of the default list is
        # read together with the company's current version (one statement, one snapshot) and stands when
        # the two agree: one round trip instead of two. After a write they differ and the list is read
        # the long way, which records the new version.
        self.versoes_vistas: dict[str, int] = {}

    def get(self, key: tuple) -> Lista | None:
        with self.lock:
            item = self.items.get(key)
            if item is not None:
                self.items.move_to_end(key)
            return item

    def put(self, key: tuple, item: Lista) -> None:
        with self.lock:
            self.items[key] = item
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def lista(self, reader: Reader, key: tuple, contar: Callable[[], int]) -> Lista:
        """The list facts of `key`, counting the total once if they are not known yet."""
        item = self.get(key)
        if item is not None:
            return item

        def compute() -> Lista:
            found = self.get(key)  # another flight may have finished between the miss and now
            if found is None:
                found = Lista(contar())
                self.put(key, found)
            return found

        return self.uma_vez(reader, ("lista", key), compute)

    def checkpoints(self, reader: Reader, key: tuple, lista: Lista, ler: Callable[[], list[Chave]]) -> None:
        """Fill `lista.checkpoints` once (`ler` runs the window query)."""
        if lista.checkpoints is not None:
            return

        def compute() -> list[Chave]:
            if lista.checkpoints is None:
                lista.checkpoints = ler()
            return lista.checkpoints

        self.uma_vez(reader, ("checkpoints", key), compute)

    def uma_vez(self, reader: Reader, key: tuple, compute: Callable[[], T]) -> T:
        """Single flight: of the requests that need `key` at once, one computes and the others wait."""
        if getattr(reader, "may_block", True):
            with self.lock:
                lock = self._locks.setdefault(key, threading.Lock())
            try:
                with lock:
                    return compute()
            finally:
                with self.lock:
                    self._locks.pop(key, None)
        future = self._futures.get(key)
        if future is not None:
            return reader.esperar(future)
        future = self._futures[key] = asyncio.get_running_loop().create_future()
        try:
            result = compute()
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here; the waiters re-raise it themselves
            raise
        else:
            future.set_result(result)
            return result
        finally:
            self._futures.pop(key, None)
