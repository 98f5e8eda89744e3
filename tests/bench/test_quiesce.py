"""The benchmark waits, between wrk runs, until the server has worked off the requests still in flight
(`bench.run._quiesce`): against a real HTTP server on loopback whose first answers are slow, as a server
finishing the previous run's requests is."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bench.run import QUIET_PROBES, _quiesce
from bench.server import Server

# The bench's own threshold (20 ms) is for an otherwise idle machine; under a parallel test suite a quick
# answer can take longer than that, so these tests draw the line at 250 ms and make the slow answers
# slower than it (a delayed answer can never come sooner than its delay).
QUIET_MS = 250.0
SLOW = 1.2 * QUIET_MS / 1000


class _Backlogged(ThreadingHTTPServer):
    """Answers `GET /_bench/baseline`; the answers listed in `delays` first come that late (seconds)."""

    def __init__(self, delays: list[float]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.delays = delays
        self.seen = 0
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: _Backlogged

    def do_GET(self) -> None:
        with self.server.lock:
            n = self.server.seen
            self.server.seen += 1
        if n < len(self.server.delays):
            threading.Event().wait(self.server.delays[n])
        body = b"{}"
        self.send_response(200 if self.path == "/_bench/baseline" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    started: list[_Backlogged] = []

    def start(delays: list[float]) -> tuple[Server, _Backlogged]:
        http = _Backlogged(delays)
        threading.Thread(target=http.serve_forever, daemon=True).start()
        started.append(http)
        server = Server(tmp_path, None, workers=1)
        server.port = http.server_address[1]
        server.base_url = f"http://127.0.0.1:{server.port}"
        return server, http

    yield start
    for http in started:
        http.shutdown()
        http.server_close()


def test_an_idle_server_takes_only_the_probes(serve) -> None:  # type: ignore[no-untyped-def]
    server, http = serve([])
    waited = _quiesce(server, quiet_ms=QUIET_MS)
    assert http.seen == QUIET_PROBES
    assert waited < QUIET_PROBES * QUIET_MS / 1000


def test_waits_until_enough_quick_answers_in_a_row(serve) -> None:  # type: ignore[no-untyped-def]
    # slow, slow, quick, slow (the count starts over), then quick ones
    server, http = serve([SLOW, SLOW, 0.0, SLOW])
    waited = _quiesce(server, quiet_ms=QUIET_MS)
    assert http.seen == 4 + QUIET_PROBES
    assert waited >= 3 * SLOW


def test_gives_up_after_its_timeout(serve) -> None:  # type: ignore[no-untyped-def]
    server, http = serve([SLOW] * 100)
    waited = _quiesce(server, timeout=1.0, quiet_ms=QUIET_MS)
    assert 1.0 <= waited < 1.0 + 2 * SLOW
    assert http.seen < 100
