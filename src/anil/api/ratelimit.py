"""Conta Azul's limit: 600 requests/minute and 10 requests/second per connected company (catalog §2.9).

Exact within one process (sliding windows of timestamps). With `ANIL_REDIS_URL` the windows live in
Redis and every process shares them; without it each of N worker processes enforces 1/N of the limit.
"""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from anil.errors import RateLimited

PER_SECOND = 10
PER_MINUTE = 600


@dataclass(frozen=True)
class Limits:
    per_second: int
    per_minute: int

    @classmethod
    def for_workers(cls, workers: int) -> Limits:
        workers = max(1, workers)
        return cls(max(1, PER_SECOND // workers), max(1, PER_MINUTE // workers))


class RateLimiter(Protocol):
    async def hit(self, key: str) -> None: ...


def _with_headers(limit: int, retry_after: float) -> RateLimited:
    error = RateLimited("Too Many Requests", retry_after=max(1, math.ceil(retry_after)))
    error.data.update({"X-RateLimit-Limit": limit, "X-RateLimit-Remaining": 0})
    return error


class InMemoryRateLimiter:
    def __init__(self, limits: Limits, clock=time.monotonic) -> None:  # type: ignore[no-untyped-def]
        self.limits = limits
        self.clock = clock
        self._windows: dict[str, tuple[deque[float], deque[float]]] = {}

    async def hit(self, key: str) -> None:
        now = self.clock()
        windows = self._windows.get(key)
        if windows is None:
            windows = self._windows[key] = (deque(), deque())
        second, minute = windows
        for window, span, limit in (
            (second, 1.0, self.limits.per_second),
            (minute, 60.0, self.limits.per_minute),
        ):
            while window and window[0] <= now - span:
                window.popleft()
            if len(window) >= limit:
                raise _with_headers(limit, window[0] + span - now)
        second.append(now)
        minute.append(now)


_REDIS_SCRIPT = """
local now = tonumber(ARGV[1])
local member = ARGV[2]
for i = 1, 2 do
  local key = KEYS[i]
  local span = tonumber(ARGV[1 + 2 * i])
  local limit = tonumber(ARGV[2 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - span)
  if redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return {limit, tostring(tonumber(oldest[2]) + span - now)}
  end
end
for i = 1, 2 do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('PEXPIRE', KEYS[i], 61000)
end
return {0, '0'}
"""


class RedisRateLimiter:
    """Shared windows in Redis, one atomic Lua script per request."""

    def __init__(self, url: str, limits: Limits) -> None:
        import redis.asyncio as redis

        self.limits = limits
        self.client = redis.from_url(url)
        self.script = self.client.register_script(_REDIS_SCRIPT)
        self._counter = 0

    async def hit(self, key: str) -> None:
        self._counter += 1
        now = time.time()
        member = f"{now:.6f}:{id(self)}:{self._counter}"
        limit, retry_after = await self.script(
            keys=[f"anil:rl:{key}:s", f"anil:rl:{key}:m"],
            args=[now, member, 1, self.limits.per_second, 60, self.limits.per_minute],
        )
        if int(limit):
            raise _with_headers(int(limit), float(retry_after))


class NoRateLimit:
    async def hit(self, key: str) -> None:
        return None
