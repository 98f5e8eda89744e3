"""The SDK core against the in-process app: the bearer header, one GET, one paginated list, sync and async."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi.testclient import TestClient

from anil.sdk import AsyncContaAzul, ContaAzul, Model, NotFound, Unauthorized
from tests.helpers import create_company


def _create_pessoas(client: TestClient, token: str, n: int) -> list[str]:
    ids = []
    for i in range(n):
        response = client.post(
            "/v1/pessoas",
            json={"nome": f"Pessoa {i:02d}", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code in (200, 201), response.text
        ids.append(response.json()["id"])
    return ids


def test_get_and_paginated_list_sync(client: TestClient) -> None:
    company = create_company(client)
    ids = _create_pessoas(client, company.token, 23)
    ca = ContaAzul(base_url="http://testserver", access_token=company.token, http_client=client)

    pessoa = ca.get(f"/v1/pessoas/{ids[0]}")
    assert isinstance(pessoa, Model) and pessoa.nome == "Pessoa 00" and pessoa.id == ids[0]

    pager = ca.paginate("/v1/pessoas", page_size=10)
    names = sorted(p.nome for p in pager)
    assert names == [f"Pessoa {i:02d}" for i in range(23)]
    page3 = pager.page(3)
    assert page3.number == 3 and len(page3) == 3 and page3.total == 23

    filtered = list(ca.paginate("/v1/pessoas", {"busca": "Pessoa 07"}))
    assert [p.nome for p in filtered] == ["Pessoa 07"]


def test_errors_sync(client: TestClient) -> None:
    company = create_company(client)
    ca = ContaAzul(base_url="http://testserver", access_token=company.token, http_client=client)
    with pytest.raises(NotFound) as caught:
        ca.get("/v1/pessoas/00000000-0000-4000-8000-000000000000")
    assert caught.value.status_code == 404 and caught.value.request_id
    bad = ContaAzul(base_url="http://testserver", access_token="not-a-token", http_client=client)
    with pytest.raises(Unauthorized):
        bad.get("/v1/pessoas")


def test_get_and_paginated_list_async(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)
    ids = _create_pessoas(client, company.token, 12)

    async def run() -> tuple[Model, list[str], int]:
        transport = httpx.ASGITransport(app=app)
        async with AsyncContaAzul(
            base_url="http://testserver", access_token=company.token, transport=transport
        ) as ca:
            pessoa = await ca.get(f"/v1/pessoas/{ids[5]}")
            names = [p.nome async for p in ca.paginate("/v1/pessoas", page_size=10)]
            page2 = await ca.paginate("/v1/pessoas", page_size=10).page(2)
            return pessoa, names, len(page2)

    pessoa, names, second = asyncio.run(run())
    assert pessoa.nome == "Pessoa 05"
    assert sorted(names) == [f"Pessoa {i:02d}" for i in range(12)]
    assert second == 2


def test_anil_rate_limit_429_is_waited_out_by_retry_after(settings, db, clock) -> None:  # type: ignore[no-untyped-def]
    """Against anil's own limiter (10 requests/second per company, catalog §2.9): the 11th call in the same
    second gets 429 with `Retry-After`, the SDK waits what it says and the call succeeds."""
    import time

    from anil.api.app import create_app
    from tests.conftest import ADMIN_KEY

    limited = create_app(
        settings.model_copy(update={"rate_limit": "on"}), db=db, clock=clock, admin_key=ADMIN_KEY
    )
    with TestClient(limited) as http:
        company = create_company(http)
        sleeps: list[float] = []

        def sleep(seconds: float) -> None:
            sleeps.append(seconds)
            time.sleep(seconds)

        ca = ContaAzul(
            base_url="http://testserver", access_token=company.token, http_client=http, sleep=sleep
        )
        results = [ca.get("/v1/pessoas", cast=dict) for _ in range(11)]
    assert all(r["items"] is None or r["items"] == [] for r in results)
    assert sleeps and all(s >= 1 for s in sleeps)


def test_sync_client_over_the_asgi_app_in_process_and_revoke(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    from anil.sdk import OAuth, OAuthError, SyncASGITransport

    company = create_company(client)
    transport = SyncASGITransport(app)
    with ContaAzul(base_url="http://anil.test", access_token=company.token, transport=transport) as ca:
        created = ca.post(
            "/v1/pessoas",
            {"nome": "Via ASGI", "tipo_pessoa": "Física", "perfis": [{"tipo_perfil": "Cliente"}]},
        )
        assert ca.get(f"/v1/pessoas/{created.id}").nome == "Via ASGI"
        assert [p.nome for p in ca.paginate("/v1/pessoas")] == ["Via ASGI"]
        ca.revoke_connection(company.id)
        ca.revoke_connection(company.id)  # idempotent (catalog §1.6)
    transport.close()
    oauth = OAuth(company.client_id, company.client_secret, base_url="http://testserver", http_client=client)
    with pytest.raises(OAuthError) as caught:
        oauth.refresh(company.refresh_token)
    assert caught.value.error == "invalid_grant"
