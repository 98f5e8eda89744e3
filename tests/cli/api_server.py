"""A real `anil serve` process for the `anil api` tests: a temp SQLite database, rate limit off; companies
and tokens through `/_anil/`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    admin_key: str
    process: subprocess.Popen
    data_dir: Path

    @property
    def admin(self) -> dict[str, str]:
        return {"X-Anil-Admin-Key": self.admin_key}

    def company(self, name: str) -> tuple[str, str]:
        """A new company and an access token for it: (id_empresa, token)."""
        created = httpx.post(f"{self.url}/_anil/companies", json={"name": name}, headers=self.admin)
        assert created.status_code == 201, created.text
        id_empresa = created.json()["id_empresa"]
        token = httpx.post(f"{self.url}/_anil/tokens", json={"id_empresa": id_empresa}, headers=self.admin)
        assert token.status_code == 201, token.text
        return id_empresa, token.json()["access_token"]

    def app(self, redirect_uri: str) -> dict:
        response = httpx.post(
            f"{self.url}/_anil/apps", json={"name": "CLI", "redirect_uri": redirect_uri}, headers=self.admin
        )
        assert response.status_code == 201, response.text
        return response.json()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()


def start(data_dir: Path) -> Server:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "ANIL_DATA_DIR": str(data_dir),
        "ANIL_DATABASE_URL": f"sqlite:///{data_dir / 'anil.db'}",
        "ANIL_RATE_LIMIT": "off",
        "ANIL_PUBLIC_URL": url,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "anil", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/.well-known/jwks.json", timeout=0.5).status_code < 500:
                key = (data_dir / "admin-key").read_text().strip()
                return Server(url, key, process, data_dir)
        except httpx.TransportError:
            time.sleep(0.1)
        if process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"server did not start: {process.stdout.read() if process.stdout else ''}")
