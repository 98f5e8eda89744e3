"""Auto-pagination over every envelope of catalog §2.2, sync and async, over `httpx.MockTransport`."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from anil.sdk import AsyncContaAzul, ContaAzul

TOTAL = 23


def rows(pagina: int, tamanho: int, total: int = TOTAL) -> list[dict[str, Any]]:
    start = (pagina - 1) * tamanho
    return [{"id": str(i), "nome": f"n{i}"} for i in range(start, min(total, start + tamanho))]


Envelope = Callable[[int, int], Any]

ENVELOPES: dict[str, Envelope] = {
    "itens_totais+itens": lambda p, t: {"itens_totais": TOTAL, "itens": rows(p, t), "totais": {"ativo": 1}},
    "itens_totais+items": lambda p, t: {"itens_totais": TOTAL, "items": rows(p, t), "totais": {}},
    "totalItems+items": lambda p, t: {"totalItems": TOTAL, "items": rows(p, t) or None},
    "total_items+items": lambda p, t: {"total_items": TOTAL, "items": rows(p, t)},
    "itens+paginacao": lambda p, t: {
        "itens": rows(p, t),
        "paginacao": {
            "pagina_atual": p,
            "total_paginas": -(-TOTAL // t),
            "tamanho_pagina": t,
            "total_itens": TOTAL,
        },
    },
    "total_itens+itens": lambda p, t: {"total_itens": TOTAL, "itens": rows(p, t), "totais": {"total": 1}},
}


def serve(envelope: Envelope, calls: list[dict[str, str]]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        params = dict(request.url.params)
        calls.append(params)
        return httpx.Response(200, json=envelope(int(params["pagina"]), int(params["tamanho_pagina"])))

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("name", sorted(ENVELOPES))
def test_every_envelope_iterates_all_items_sync(name: str) -> None:
    calls: list[dict[str, str]] = []
    ca = ContaAzul(base_url="https://ca.test", access_token="t", transport=serve(ENVELOPES[name], calls))
    pager = ca.paginate("/v1/x", {"busca": "a"}, page_size=10)
    assert [x.id for x in pager] == [str(i) for i in range(TOTAL)]
    assert [c["pagina"] for c in calls] == ["1", "2", "3"]
    assert all(c["busca"] == "a" and c["tamanho_pagina"] == "10" for c in calls)
    page = pager.page(2)
    assert page.number == 2 and [x.nome for x in page] == [f"n{i}" for i in range(10, 20)]
    assert page.total == TOTAL and page.raw is not None


@pytest.mark.parametrize("name", sorted(ENVELOPES))
def test_every_envelope_iterates_all_items_async(name: str) -> None:
    calls: list[dict[str, str]] = []

    async def run() -> tuple[list[str], int]:
        async with AsyncContaAzul(
            base_url="https://ca.test", access_token="t", transport=serve(ENVELOPES[name], calls)
        ) as ca:
            pager = ca.paginate("/v1/x", page_size=10)
            ids = [x.id async for x in pager]
            third = await pager.page(3)
            return ids, len(third)

    ids, third = asyncio.run(run())
    assert ids == [str(i) for i in range(TOTAL)] and third == 3


def test_pessoas_null_items_mean_empty() -> None:
    calls: list[dict[str, str]] = []
    transport = serve(lambda p, t: {"totalItems": 0, "items": None}, calls)
    ca = ContaAzul(base_url="https://ca.test", access_token="t", transport=transport)
    assert list(ca.paginate("/v1/pessoas")) == [] and len(calls) == 1


def test_exact_multiple_of_page_size_stops_on_the_empty_page_or_the_total() -> None:
    calls: list[dict[str, str]] = []
    transport = serve(lambda p, t: {"itens": rows(p, t, 20), "itens_totais": 20}, calls)
    ca = ContaAzul(base_url="https://ca.test", access_token="t", transport=transport)
    assert len(list(ca.paginate("/v1/x", page_size=10))) == 20
    assert len(calls) == 3  # the third (empty) page confirms the end: totals may undercount (§2.2)


def test_undercounting_total_does_not_stop_early() -> None:
    """orçamentos' `total_itens` leaves some returned items out (catalog §2.2)."""
    calls: list[dict[str, str]] = []
    transport = serve(lambda p, t: {"itens": rows(p, t, 25), "total_itens": 15}, calls)
    ca = ContaAzul(base_url="https://ca.test", access_token="t", transport=transport)
    assert len(list(ca.paginate("/v1/orcamentos", page_size=10))) == 25


def test_server_capping_page_size_is_followed_by_its_total() -> None:
    calls: list[dict[str, str]] = []
    transport = serve(lambda p, t: {"itens": rows(p, 5), "itens_totais": TOTAL}, calls)
    ca = ContaAzul(base_url="https://ca.test", access_token="t", transport=transport)
    assert len(list(ca.paginate("/v1/x", page_size=100))) == TOTAL


def test_unpaged_envelopes_read_once_without_paging_params() -> None:
    for body in ([{"id": "1"}, {"id": "2"}], {"itens": [{"id": "1"}, {"id": "2"}]}):
        calls: list[httpx.Request] = []

        def handler(
            request: httpx.Request, body: Any = body, calls: list[httpx.Request] = calls
        ) -> httpx.Response:
            calls.append(request)
            return httpx.Response(200, json=body)

        ca = ContaAzul(base_url="https://ca.test", access_token="t", transport=httpx.MockTransport(handler))
        assert [x.id for x in ca.paginate("/v1/financeiro/categorias-dre", paged=False)] == ["1", "2"]
        assert len(calls) == 1 and "pagina" not in calls[0].url.params
        # Even if paged parameters were sent, an answer without totals is a single page.
        calls.clear()
        assert len(list(ca.paginate("/v1/venda/vendedores"))) == 2 and len(calls) == 1


def test_start_page_and_page_size_from_filters_and_limit() -> None:
    calls: list[dict[str, str]] = []
    ca = ContaAzul(
        base_url="https://ca.test", access_token="t", transport=serve(ENVELOPES["itens_totais+itens"], calls)
    )
    items = list(ca.paginate("/v1/x", {"pagina": 2, "tamanho_pagina": 10}))
    assert [x.id for x in items] == [str(i) for i in range(10, TOTAL)]
    assert calls[0]["pagina"] == "2"
    pager = ca.paginate("/v1/x", page_size=10)
    pager.limit = 12
    assert len(pager.to_list()) == 12
