"""Every SDK resource group against a real `anil serve` process (temp SQLite DB, free port), sync and async,
each walk in a company of its own with a token from `/_anil/tokens`."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from anil.sdk import AsyncContaAzul, ContaAzul
from tests.sdk.resources_scenario import walk

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Server:
    url: str
    admin_key: str

    def admin(self, method: str, path: str, body: Any) -> Any:
        response = httpx.request(
            method, f"{self.url}{path}", json=body, headers={"X-Anil-Admin-Key": self.admin_key}, timeout=30
        )
        assert response.status_code in (200, 201), response.text
        return response.json()

    def company(self, name: str) -> tuple[str, str]:
        """A new company and an access token for it."""
        empresa = self.admin("POST", "/_anil/companies", {"name": name})["id_empresa"]
        token = self.admin("POST", "/_anil/tokens", {"id_empresa": empresa})["access_token"]
        return empresa, token


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def anil_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data_dir: Path = tmp_path_factory.mktemp("anil-server")
    port = _free_port()
    env = {
        **os.environ,
        "ANIL_DATA_DIR": str(data_dir),
        "ANIL_DATABASE_URL": f"sqlite:///{data_dir / 'anil.db'}",
        "ANIL_RATE_LIMIT": "off",
        "ANIL_SANDBOX": "on",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "anil", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/.well-known/jwks.json", timeout=0.5).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    f"anil serve did not start: {process.stdout.read() if process.stdout else ''}"
                )
            time.sleep(0.1)
        yield Server(url, (data_dir / "admin-key").read_text().strip())
    finally:
        process.terminate()
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def test_every_group_sync_against_a_server_process(anil_server: Server) -> None:
    empresa, token = anil_server.company("SDK síncrono Ltda")
    with ContaAzul(base_url=anil_server.url, access_token=token) as ca:
        asyncio.run(walk(ca, anil_server.admin, empresa, "srv-sync"))


def test_every_group_async_against_a_server_process(anil_server: Server) -> None:
    empresa, token = anil_server.company("SDK assíncrono Ltda")

    async def main() -> None:
        async with AsyncContaAzul(base_url=anil_server.url, access_token=token) as ca:
            await walk(ca, anil_server.admin, empresa, "srv-async")

    asyncio.run(main())
