"""How a client authenticates its requests.

An auth object answers four calls (the client picks the sync or async pair):
`token()` / `atoken()` → the access token to send now (refreshing before expiry if it can), and
`refresh_after(stale)` / `arefresh_after(stale)` → a new access token after a 401 with `stale`, or None
when it cannot refresh (the 401 is then raised).
"""

from __future__ import annotations

__all__ = ["StaticToken"]


class StaticToken:
    """A fixed access token (the shortest start: `ContaAzul(access_token=...)`); never refreshed."""

    def __init__(self, access_token: str) -> None:
        self.access_token = access_token

    def token(self) -> str:
        return self.access_token

    async def atoken(self) -> str:
        return self.access_token

    def refresh_after(self, stale: str) -> str | None:
        return None

    async def arefresh_after(self, stale: str) -> str | None:
        return None
