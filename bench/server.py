"""The server under test: `anil serve --workers N` as a child process on 127.0.0.1, stopped for sure."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def anil_command() -> list[str]:
    script = Path(sys.executable).parent / "anil"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from anil.cli import main; main()"]


def anil_env(data_dir: Path, database_url: str | None, port: int | None = None) -> dict[str, str]:
    """The caller's environment without any ANIL_* setting, plus the bench's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANIL_")}
    env.update(
        ANIL_DATA_DIR=str(data_dir),
        ANIL_RATE_LIMIT="off",
        ANIL_BENCH="on",
        ANIL_SANDBOX="on",
        ANIL_ACCESS_TOKEN_SECONDS="86400",
    )
    if database_url:
        env["ANIL_DATABASE_URL"] = database_url
    if port is not None:
        env["ANIL_PUBLIC_URL"] = f"http://{LOOPBACK}:{port}"
    return env


def issue_token(data_dir: Path, database_url: str | None, port: int) -> str:
    """`anil token --json` for the demo company, issued for the server's public URL (the token's issuer)."""
    proc = subprocess.run(
        [*anil_command(), "token", "--json"],
        env=anil_env(data_dir, database_url, port),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"anil token failed: {proc.stderr or proc.stdout}")
    return str(json.loads(proc.stdout)["access_token"])


class Server:
    def __init__(self, data_dir: Path, database_url: str | None, *, workers: int = 2) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        self.workers = workers
        self.port = free_port()
        self.base_url = f"http://{LOOPBACK}:{self.port}"
        self.stdout_path = data_dir / "server.stdout.log"
        self.stderr_path = data_dir / "server.stderr.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self._stderr_offset = 0

    def start(self, ready_path: str = "/_bench/baseline", timeout_s: float = 90) -> None:
        cmd = [
            *anil_command(),
            "serve",
            "--host",
            LOOPBACK,
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self.proc = subprocess.Popen(
                cmd,
                env=anil_env(self.data_dir, self.database_url, self.port),
                stdout=out,
                stderr=err,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: Ctrl-C reaches us, we stop it
            )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.stderr_tail()}")
            status, _ = self.request("GET", ready_path, timeout=2)
            if status == 200:
                return
            time.sleep(0.3)
        raise RuntimeError(f"server not ready after {timeout_s:.0f} s:\n{self.stderr_tail()}")

    def request(
        self, method: str, path: str, *, token: str | None = None, body: dict | None = None, timeout=10
    ) -> tuple[int, str]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, resp.read(2000).decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(2000).decode("utf-8", "replace")
        except (urllib.error.URLError, OSError):
            return 0, ""

    def stderr_tail(self, lines: int = 40) -> str:
        try:
            text = self.stderr_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def new_stderr(self) -> str:
        """Server stderr written since the previous call."""
        try:
            with self.stderr_path.open("rb") as f:
                f.seek(self._stderr_offset)
                chunk = f.read()
        except OSError:
            return ""
        self._stderr_offset += len(chunk)
        return chunk.decode("utf-8", "replace")

    def stop(self, grace_s: float = 15) -> None:
        """SIGTERM to the server (uvicorn stops its workers), then SIGKILL to its process group if needed."""
        proc = self.proc
        if proc is None:
            return
        pgid = proc.pid  # start_new_session: the group id is the server's pid
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=grace_s)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pgid, signal.SIGKILL)
                proc.wait(timeout=10)
        # Workers that outlived their parent are still in its group.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        self.proc = None
