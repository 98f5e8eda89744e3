"""Conta Azul's limit, 10 requests/s and 600/min per company, exact within one process."""

from __future__ import annotations

import asyncio
import uuid

import pytest
import redis

from anil.api.ratelimit import InMemoryRateLimiter, Limits, RedisRateLimiter
from anil.errors import RateLimited


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def hits(limiter, key: str, count: int) -> int:  # type: ignore[no-untyped-def]
    async def run() -> int:
        allowed = 0
        for _ in range(count):
            try:
                await limiter.hit(key)
                allowed += 1
            except RateLimited:
                pass
        return allowed

    return asyncio.run(run())


def test_ten_per_second_then_429_with_retry_after() -> None:
    clock = FakeTime()
    limiter = InMemoryRateLimiter(Limits(10, 600), clock=clock)
    assert hits(limiter, "a", 10) == 10
    with pytest.raises(RateLimited) as refused:
        asyncio.run(limiter.hit("a"))
    assert refused.value.retry_after == 1
    assert hits(limiter, "b", 10) == 10, "limits are per company"
    clock.now += 1.0
    assert hits(limiter, "a", 10) == 10


def test_six_hundred_per_minute() -> None:
    clock = FakeTime()
    limiter = InMemoryRateLimiter(Limits(10, 600), clock=clock)
    allowed = 0
    for _ in range(60):
        allowed += hits(limiter, "a", 12)
        clock.now += 1.0
    assert allowed == 600
    limiter_minute = InMemoryRateLimiter(Limits(1000, 600), clock=clock)
    assert hits(limiter_minute, "b", 700) == 600
    with pytest.raises(RateLimited) as refused:
        asyncio.run(limiter_minute.hit("b"))
    assert refused.value.retry_after == 60
    clock.now += 60.0
    assert hits(limiter_minute, "b", 10) == 10


def test_each_of_n_processes_enforces_its_share() -> None:
    assert Limits.for_workers(2) == Limits(5, 300)
    assert Limits.for_workers(1) == Limits(10, 600)


def test_redis_shares_the_window_between_limiters() -> None:
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    key = f"test-{uuid.uuid4()}"

    async def run() -> tuple[int, int]:
        first = RedisRateLimiter("redis://127.0.0.1:6379/0", Limits(10, 600))
        second = RedisRateLimiter("redis://127.0.0.1:6379/0", Limits(10, 600))
        allowed = refused = 0
        for index in range(16):
            try:
                await (first if index % 2 else second).hit(key)
                allowed += 1
            except RateLimited as exc:
                assert exc.retry_after >= 1
                refused += 1
        await first.client.aclose()
        await second.client.aclose()
        return allowed, refused

    assert asyncio.run(run()) == (10, 6)
