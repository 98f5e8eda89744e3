"""What one server process holds: settings, database, clock, token verifier and issuer, rate limiter."""

from __future__ import annotations

from dataclasses import dataclass

from anil.api.ratelimit import InMemoryRateLimiter, Limits, NoRateLimit, RateLimiter, RedisRateLimiter
from anil.auth.tokens import TokenIssuer, TokenVerifier
from anil.config import Settings
from anil.domain.clock import Clock, SystemClock
from anil.services.signing_keys import load_signing_key
from anil.storage.engine import Database


@dataclass
class Runtime:
    settings: Settings
    db: Database
    clock: Clock
    issuer: TokenIssuer
    verifier: TokenVerifier
    limiter: RateLimiter

    @classmethod
    def build(cls, settings: Settings, db: Database | None = None, clock: Clock | None = None) -> Runtime:
        db = db or Database(settings.resolved_database_url)
        clock = clock or SystemClock()
        key = db.run_write(load_signing_key)
        issuer_url = settings.public_url.rstrip("/")
        issuer = TokenIssuer(
            issuer_url,
            key,
            access_seconds=settings.access_token_seconds,
            refresh_days=settings.refresh_token_days,
            clock=clock,
        )
        verifier = TokenVerifier(issuer_url, key, clock)
        limiter: RateLimiter
        if not settings.rate_limit_on:
            limiter = NoRateLimit()
        elif settings.redis_url:
            limiter = RedisRateLimiter(settings.redis_url, Limits(10, 600))
        else:
            limiter = InMemoryRateLimiter(
                Limits.for_workers(settings.workers), clock=lambda: clock.now().timestamp()
            )
        return cls(settings, db, clock, issuer, verifier, limiter)
