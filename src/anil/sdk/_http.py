"""Retry policy: exponential backoff with jitter on connection errors, 429 (honouring `Retry-After`)
and 502/503/504.

What is retried:
- 429: on every method — the server refused the request before doing anything, so even a POST is safe;
  the wait is the server's `Retry-After` (seconds or an HTTP date) when it sent one, else the backoff.
- 502, 503, 504 and transport errors (reset, read timeout…): only idempotent methods (GET, HEAD,
  OPTIONS, PUT, DELETE), or every method with `retry_writes=True`.
- Connection never established (`httpx.ConnectError`, `httpx.ConnectTimeout`): every method (nothing
  was sent).
- Anything else (a POST answered 500, 4xx other than 429): never.

The wait goes through an injectable `sleep` (tests pass a recorder and never really wait).
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

__all__ = ["IDEMPOTENT", "RETRY_STATUSES", "RetryPolicy", "parse_retry_after"]

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})
NOTHING_SENT = (httpx.ConnectError, httpx.ConnectTimeout)


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or HTTP date); None if absent or bad."""
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now())


@dataclass
class RetryPolicy:
    """`max_retries` extra attempts; delay `min(max_delay, base_delay * 2**n)` with full jitter in
    [delay/2, delay]; a server's `Retry-After` is honoured as given; one longer than `max_retry_after`
    is not waited for (the `RateLimited` error is raised, its `retry_after` says how long)."""

    max_retries: int = 2
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    retry_writes: bool = False
    random: Callable[[], float] = field(default=random.random, repr=False)

    def backoff(self, attempt: int) -> float:
        delay = min(self.max_delay, self.base_delay * (2**attempt))
        return delay / 2 + self.random() * delay / 2

    def _may_retry_method(self, method: str) -> bool:
        return self.retry_writes or method.upper() in IDEMPOTENT

    def delay_for_response(self, method: str, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before attempt `attempt + 1`, or None when this answer is final."""
        if attempt >= self.max_retries:
            return None
        if response.status_code == 429:
            after = parse_retry_after(response.headers.get("retry-after"))
            if after is not None:
                return after if after <= self.max_retry_after else None
            return self.backoff(attempt)
        if response.status_code in RETRY_STATUSES and self._may_retry_method(method):
            return self.backoff(attempt)
        return None

    def delay_for_error(self, method: str, error: Exception, attempt: int) -> float | None:
        if attempt >= self.max_retries:
            return None
        if isinstance(error, NOTHING_SENT):
            return self.backoff(attempt)
        if isinstance(error, httpx.TransportError) and self._may_retry_method(method):
            return self.backoff(attempt)
        return None
