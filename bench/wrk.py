"""Run wrk and read its report (Requests/sec, the 99% latency, non-2xx responses, socket errors)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

INSTALL_HINT = "apt-get update && apt-get install -y wrk"
LUA_DIR = Path(__file__).parent / "lua"

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_RPS = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
_TOTAL = re.compile(r"^\s*(\d+) requests in", re.M)
_P = re.compile(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.M)
_NON2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


@dataclass
class WrkResult:
    rps: float
    requests: int
    p50_ms: float | None
    p90_ms: float | None
    p99_ms: float | None
    non_2xx: int
    socket_errors: int
    timeouts: int
    raw: str

    def summary(self) -> dict:
        data = asdict(self)
        data.pop("raw")
        return data


def wrk_path() -> str | None:
    return shutil.which("wrk")


def parse(output: str) -> WrkResult:
    rps = _RPS.search(output)
    if rps is None:
        raise ValueError(f"wrk printed no Requests/sec:\n{output}")
    total = _TOTAL.search(output)
    percentiles = {int(m.group(1)): float(m.group(2)) * _UNITS_MS[m.group(3)] for m in _P.finditer(output)}
    non2xx = _NON2XX.search(output)
    socket = _SOCKET.search(output)
    socket_counts = [int(x) for x in socket.groups()] if socket else [0, 0, 0, 0]
    return WrkResult(
        rps=float(rps.group(1)),
        requests=int(total.group(1)) if total else 0,
        p50_ms=percentiles.get(50),
        p90_ms=percentiles.get(90),
        p99_ms=percentiles.get(99),
        non_2xx=int(non2xx.group(1)) if non2xx else 0,
        socket_errors=sum(socket_counts),
        timeouts=socket_counts[3],
        raw=output,
    )


def run(
    url: str,
    *,
    duration: float,
    connections: int,
    threads: int = 2,
    script: str | None = None,
    script_args: list[str] | None = None,
    headers: dict[str, str] | None = None,
    timeout_s: int = 5,
) -> WrkResult:
    """`wrk -tT -cC -dDs --latency [-s script] URL [-- args]`; bounded by a subprocess timeout.

    `--timeout` is raised from wrk's 2 s default so that slow responses count in the latency
    distribution rather than disappearing into "timeout" socket errors (those are reported too).
    """
    if not url.startswith(("http://127.", "http://localhost", "http://[::1]")):
        raise ValueError(f"benchmarks target loopback addresses only, not {url}")
    seconds = max(1, round(duration))
    cmd = [
        wrk_path() or "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        f"{timeout_s}s",
    ]
    for name, value in (headers or {}).items():
        cmd += ["-H", f"{name}: {value}"]
    if script:
        cmd += ["-s", str(LUA_DIR / script)]
    cmd.append(url)
    if script_args:
        cmd += ["--", *script_args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + timeout_s + 30, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {proc.stderr or proc.stdout}")
    return parse(proc.stdout)
