"""Auto-pagination over every list envelope of catalog §2.2.

Recognised envelopes (the items under `itens` or `items`, `items: null` read as no items):
`{itens_totais, itens}`, `{itens_totais, items}`, `{totalItems, items}`, `{total_items, items}`,
`{itens, paginacao{pagina_atual, total_paginas, tamanho_pagina, total_itens}}`, `{total_itens, itens}`
(with `totais`/`quantidades` kept in `Page.raw`), `{itens}` alone and a bare JSON array (one page).

Requests carry `pagina` (1-based) and `tamanho_pagina`. The next page is asked for while the last one was
full, or while the server's total (or `total_paginas`) says more remain and the last page was not
empty — production's counting quirks (catalog §2.2: `total_itens` of orçamentos leaving some out) do
not stop iteration early, and a server that ignores `tamanho_pagina` is still followed to the end.

`for x in pager`, `async for x in pager`, `pager.page(n)` (one `Page`), `pager.pages()`,
`pager.to_list()` (async: `await pager.to_list()`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

__all__ = ["AsyncPager", "Page", "SyncPager", "parse_envelope"]

T = TypeVar("T")

_ITEM_KEYS = ("itens", "items")
_TOTAL_KEYS = ("itens_totais", "totalItems", "total_items", "total_itens")


@dataclass
class Page(Generic[T]):
    """One page: `items`, its `number`, the `total` items and `total_pages` the server announced (if it
    did) and the envelope as sent (`raw`, for `totais`, `quantidades`…)."""

    items: list[T]
    number: int
    page_size: int | None = None
    total: int | None = None
    total_pages: int | None = None
    raw: Any = field(default=None, repr=False)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]


def parse_envelope(body: Any) -> tuple[list[Any], int | None, int | None, bool]:
    """(raw items, total items, total pages, paged?) of a list answer, whatever its envelope."""
    if body is None:
        return [], 0, None, False
    if isinstance(body, list):
        return body, len(body), 1, False
    if not isinstance(body, dict):
        raise TypeError(f"not a list envelope: {type(body).__name__}")
    items: list[Any] = []
    for key in _ITEM_KEYS:
        if key in body:
            items = body[key] or []
            break
    total: int | None = None
    for key in _TOTAL_KEYS:
        if isinstance(body.get(key), int):
            total = body[key]
            break
    total_pages: int | None = None
    paginacao = body.get("paginacao")
    if isinstance(paginacao, dict):
        if total is None and isinstance(paginacao.get("total_itens"), int):
            total = paginacao["total_itens"]
        if isinstance(paginacao.get("total_paginas"), int):
            total_pages = paginacao["total_paginas"]
    paged = total is not None or total_pages is not None
    return items, total, total_pages, paged


def _more_after(page: Page[Any], fetched: int, page_size: int, paged: bool) -> bool:
    if not paged or not page.items:
        return False
    if page.total_pages is not None:
        return page.number < page.total_pages
    if len(page.items) >= page_size:
        return True
    return page.total is not None and fetched < page.total


class _PagerBase(Generic[T]):
    def __init__(
        self,
        cast: Callable[[Any], T],
        *,
        page_size: int = 100,
        start_page: int = 1,
        limit: int | None = None,
    ) -> None:
        self._cast = cast
        self.page_size = page_size
        self.start_page = start_page
        self.limit = limit

    def _page_of(self, body: Any, number: int) -> tuple[Page[T], bool]:
        raw_items, total, total_pages, paged = parse_envelope(body)
        items = [self._cast(item) for item in raw_items]
        return Page(items, number, self.page_size, total, total_pages, body), paged


class SyncPager(_PagerBase[T]):
    """Items of every page, fetched lazily; `fetch(pagina, tamanho_pagina)` returns the parsed body."""

    def __init__(self, fetch: Callable[[int, int], Any], cast: Callable[[Any], T], **kwargs: Any) -> None:
        super().__init__(cast, **kwargs)
        self._fetch = fetch

    def page(self, number: int = 1) -> Page[T]:
        """Page `number` (1-based) alone."""
        return self._page_of(self._fetch(number, self.page_size), number)[0]

    def pages(self) -> Iterator[Page[T]]:
        number, fetched = self.start_page, 0
        while True:
            page, paged = self._page_of(self._fetch(number, self.page_size), number)
            fetched += len(page.items)
            yield page
            if not _more_after(page, fetched, self.page_size, paged):
                return
            number += 1

    def __iter__(self) -> Iterator[T]:
        count = 0
        for page in self.pages():
            for item in page.items:
                if self.limit is not None and count >= self.limit:
                    return
                count += 1
                yield item

    def to_list(self) -> list[T]:
        return list(self)


class AsyncPager(_PagerBase[T]):
    """`async for` twin of `SyncPager`; `fetch(pagina, tamanho_pagina)` is a coroutine function."""

    def __init__(
        self, fetch: Callable[[int, int], Awaitable[Any]], cast: Callable[[Any], T], **kwargs: Any
    ) -> None:
        super().__init__(cast, **kwargs)
        self._fetch = fetch

    async def page(self, number: int = 1) -> Page[T]:
        return self._page_of(await self._fetch(number, self.page_size), number)[0]

    async def pages(self) -> AsyncIterator[Page[T]]:
        number, fetched = self.start_page, 0
        while True:
            page, paged = self._page_of(await self._fetch(number, self.page_size), number)
            fetched += len(page.items)
            yield page
            if not _more_after(page, fetched, self.page_size, paged):
                return
            number += 1

    async def _items(self) -> AsyncIterator[T]:
        count = 0
        async for page in self.pages():
            for item in page.items:
                if self.limit is not None and count >= self.limit:
                    return
                count += 1
                yield item

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    async def to_list(self) -> list[T]:
        return [item async for item in self]
