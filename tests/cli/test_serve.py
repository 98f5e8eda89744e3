"""`anil serve` as a newcomer runs it: a real process, first start answers within 10 s, data survives."""

from __future__ import annotations

import contextlib
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


def _listening_inodes(port: int) -> set[str]:
    """Socket inodes of the TCP sockets listening on `port` (Linux's /proc/net/tcp and tcp6)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    return inodes


def _workers_of(pid: int) -> list[int]:
    """The server's worker processes (spawned children; not multiprocessing's resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) != pid:
                continue
            with contextlib.suppress(OSError):
                if b"spawn_main" in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
    return found


def _sockets_of(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_REUSEPORT balancing is Linux's")
def test_workers_listen_on_sockets_of_their_own_and_stop_with_the_server(
    tmp_path: Path, db: Database
) -> None:
    """`--workers 2`: each worker process has its own listening socket on the port (the kernel spreads
    connections over them), every request is answered, a second server on the same port is refused, and
    SIGTERM to the server stops both workers."""
    env = {
        **os.environ,
        "ANIL_DATA_DIR": str(tmp_path),
        "ANIL_DATABASE_URL": db.url,
        "ANIL_RATE_LIMIT": "off",
    }
    port = _free_port()
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "anil", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        workers: list[int] = []
        while time.monotonic() - started < 60:
            workers = _workers_of(process.pid)
            listening = _listening_inodes(port)
            if len(workers) == 2 and all(_sockets_of(w) & listening for w in workers):
                break
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            time.sleep(0.2)
        listening = _listening_inodes(port)
        per_worker = [_sockets_of(w) & listening for w in workers]
        assert len(workers) == 2 and all(len(s) == 1 for s in per_worker), (workers, per_worker)
        assert per_worker[0] != per_worker[1]
        assert not _sockets_of(process.pid) & listening  # the supervisor itself accepts nothing

        for _ in range(20):  # a new connection each
            assert httpx.get(f"http://127.0.0.1:{port}/.well-known/jwks.json").status_code == 200

        second = subprocess.run(
            [sys.executable, "-m", "anil", "serve", "--port", str(port), "--workers", "2"],
            env={**env, "ANIL_DATA_DIR": str(tmp_path / "outro")},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 1
        assert "cannot listen" in second.stderr
        assert not (tmp_path / "outro").exists()  # refused before any first-start work
        assert httpx.get(f"http://127.0.0.1:{port}/.well-known/jwks.json").status_code == 200
    finally:
        _stop(process)
    assert process.returncode == 0
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]
