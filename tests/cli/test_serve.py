"""`anil serve` as a newcomer runs it: a real process, first start answers within 10 s, data survives."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from anil.storage.engine import Database

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(env: dict[str, str], port: int) -> tuple[subprocess.Popen, float]:
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "anil", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = started + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/.well-known/jwks.json", timeout=0.5).status_code < 500:
                return process, time.monotonic() - started
        except httpx.TransportError:
            time.sleep(0.1)
        if process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"server did not start: {process.stdout.read() if process.stdout else ''}")


def _stop(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        output, _ = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return output or ""


def test_first_start_then_a_second_start_reuses_the_data(tmp_path: Path, db: Database) -> None:
    env = {
        **os.environ,
        "ANIL_DATA_DIR": str(tmp_path),
        "ANIL_DATABASE_URL": db.url,
        "ANIL_RATE_LIMIT": "off",
    }
    port = _free_port()
    process, elapsed = _start(env, port)
    try:
        assert elapsed < 10, f"first start took {elapsed:.1f} s"
        token = json.loads(
            subprocess.run(
                [sys.executable, "-m", "anil", "token", "--json"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        conectada = httpx.get(f"http://127.0.0.1:{port}/v1/pessoas/conta-conectada", headers=headers)
        assert conectada.status_code == 200
        assert conectada.json()["id_empresa"] == token["id_empresa"]
        people = httpx.get(f"http://127.0.0.1:{port}/v1/pessoas", headers=headers).json()
        assert people["totalItems"] >= 5
    finally:
        banner = _stop(process)
    assert "demo@anil.local" in banner
    assert re.search(r"client_id=[0-9a-f]{48}", banner)
    assert (tmp_path / "admin-key").exists()

    process, _ = _start(env, port)
    try:
        again = json.loads(
            subprocess.run(
                [sys.executable, "-m", "anil", "token", "--json"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        assert again["id_empresa"] == token["id_empresa"]
        assert again["client_id"] == token["client_id"]
    finally:
        _stop(process)
