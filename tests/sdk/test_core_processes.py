"""Single-flight across processes sharing a `FileTokenStore` (several CLI runs at once)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from anil.sdk import FileTokenStore, Token

PROCESSES = 6


class State:
    def __init__(self) -> None:
        self.generation = 1
        self.refreshes = 0
        self.dead = False
        self.lock = threading.Lock()


def server(state: State) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            time.sleep(0.2)
            with state.lock:
                state.refreshes += 1
                if form["refresh_token"] != [f"refresh-{state.generation}"]:
                    state.dead = True
                    return self._send(400, {"error": "invalid_grant"})
                state.generation += 1
                gen = state.generation
            self._send(
                200, {"access_token": f"access-{gen}", "refresh_token": f"refresh-{gen}", "expires_in": 3600}
            )

        def do_GET(self) -> None:
            ok = not state.dead and self.headers.get("Authorization") == f"Bearer access-{state.generation}"
            self._send(200 if ok else 401, {"gen": state.generation} if ok else {"error": "invalid_token"})

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


CHILD = textwrap.dedent(
    """
    import sys
    from anil.sdk import ContaAzul, FileTokenStore, OAuth

    url, path = sys.argv[1], sys.argv[2]
    oauth = OAuth("cid", "secret", base_url=url)
    ca = ContaAzul(base_url=url, oauth=oauth, token_store=FileTokenStore(path), company="e")
    print(ca.get("/v1/x").gen)
    """
)


def test_processes_sharing_a_file_store_refresh_once(tmp_path: Path) -> None:
    state = State()
    httpd = server(state)
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save("e", Token("access-1", "refresh-1", expires_at=time.time() - 5))
    try:
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, url, str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(PROCESSES)
        ]
        outputs = [child.communicate(timeout=60) for child in children]
    finally:
        httpd.shutdown()
    assert all(child.returncode == 0 for child in children), [err for _, err in outputs]
    assert [out.strip() for out, _ in outputs] == ["2"] * PROCESSES
    assert state.refreshes == 1 and not state.dead
    assert FileTokenStore(path).load("e").refresh_token == "refresh-2"
