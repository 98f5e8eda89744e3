"""`anil serve --workers N` on Linux: N uvicorn servers, each listening on a socket of its own bound to the
same port (`SO_REUSEPORT`), so that the kernel spreads new connections evenly over them.

uvicorn's own workers share one listening socket, and whichever is awake when connections arrive accepts
them (asyncio takes up to 100 at a wakeup). A client's pool of keep-alive connections then often lands on
one worker while the other idles: with wrk's 64 connections after a burst of load, splits of 64/0, 63/1
and 51/13 came up as often as even ones, and throughput fell by a third. With a socket each, the kernel
hashes every new connection to one of them.

Elsewhere (`SO_REUSEPORT` does not balance on macOS and does not exist on Windows) uvicorn's supervisor
serves the workers as before.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import time
from typing import Any

STARTUP_FAILURE = 3  # uvicorn's exit code for a worker that could not start (the app, the socket)
QUICK_EXIT_S = 5.0  # a worker gone within this long of its start failed to start: no endless restarts
STOP_GRACE_S = 30.0
_SIGNALS = (signal.SIGINT, signal.SIGTERM)  # the supervisor's stop


def available() -> bool:
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def check_port(host: str, port: int) -> None:
    """Raise `OSError` if anything is bound to the port. A plain bind fails even where the other socket set
    `SO_REUSEPORT` (another anil on the same port, say), which the workers' own binds would silently
    share."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _listening_socket(host: str, port: int) -> socket.socket:
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _worker(host: str, port: int, options: dict[str, Any]) -> None:
    """One worker process: its own socket, then uvicorn's server (which starts the app before listening,
    so no connection is routed to a worker that is not ready)."""
    import uvicorn

    config = uvicorn.Config(host=host, port=port, **options)
    try:
        sock = _listening_socket(host, port)
    except OSError as exc:
        print(f"anil serve: cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        sys.exit(STARTUP_FAILURE)
    uvicorn.Server(config).run(sockets=[sock])


def serve(host: str, port: int, workers: int, options: dict[str, Any]) -> int:
    """Run `workers` worker processes until SIGINT or SIGTERM; a worker that dies while serving is
    replaced, one that fails to start stops them all. Returns the exit code."""
    check_port(host, port)
    context = multiprocessing.get_context("spawn")
    stop: list[int] = []
    previous = {sig: signal.signal(sig, lambda signum, _frame: stop.append(signum)) for sig in _SIGNALS}

    def start() -> tuple[Any, float]:
        process = context.Process(target=_worker, args=(host, port, options), name="anil-serve-worker")
        process.start()
        return process, time.monotonic()

    processes = [start() for _ in range(workers)]
    exit_code = 0
    try:
        while not stop:
            time.sleep(0.2)
            for index, (process, started) in enumerate(processes):
                if process.is_alive():
                    continue
                if process.exitcode == STARTUP_FAILURE or time.monotonic() - started < QUICK_EXIT_S:
                    exit_code = process.exitcode or STARTUP_FAILURE
                    stop.append(0)
                    break
                processes[index] = start()  # died while serving: replaced, as uvicorn's supervisor does
    finally:
        for process, _ in processes:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn's graceful shutdown, the app's lifespan included
        deadline = time.monotonic() + STOP_GRACE_S
        for process, _ in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return exit_code
