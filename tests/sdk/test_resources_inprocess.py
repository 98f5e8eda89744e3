"""Every SDK resource group against the in-process app, sync (the TestClient as the SDK's HTTP client)
and async (`httpx.ASGITransport` into the same app), on both engines."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi.testclient import TestClient

from anil.sdk import AsyncContaAzul, ContaAzul
from tests.helpers import ADMIN, create_company
from tests.sdk.resources_scenario import walk


def _admin(client: TestClient):  # type: ignore[no-untyped-def]
    def admin(method: str, path: str, body: Any) -> Any:
        response = client.request(method, path, json=body, headers=ADMIN)
        assert response.status_code in (200, 201), response.text
        return response.json()

    return admin


def test_every_group_sync(client: TestClient) -> None:
    company = create_company(client)
    ca = ContaAzul(base_url="http://testserver", access_token=company.token, http_client=client)
    asyncio.run(walk(ca, _admin(client), company.id, "sync"))


def test_every_group_async(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    company = create_company(client)

    async def main() -> None:
        transport = httpx.ASGITransport(app=app)
        async with AsyncContaAzul(
            base_url="http://testserver", access_token=company.token, transport=transport
        ) as ca:
            await walk(ca, _admin(client), company.id, "async")

    asyncio.run(main())
