"""Tokens, token stores and the single-flight refresh.

`Token` is what the token endpoint answered (with `expires_at` computed from `expires_in`).

Stores keep one token per connection key (a company: Conta Azul binds each token to one connected
company, catalog §1.2) behind the `TokenStore` protocol — `load(key)`, `save(key, token)`,
`delete(key)` — so a user's own database fits (`AsyncTokenStore`: the same as coroutines, for the async
client): `MemoryTokenStore`, `FileTokenStore` (JSON in the user's config dir, written atomically with mode
0600).

`TokenManager` is the auth object of a client for one connection: it hands out the stored access token,
refreshes it proactively `leeway` seconds before expiry and once after a 401, and makes every refresh
**single-flight**: Conta Azul's refresh tokens are single use (a second refresh with the same token kills
the connection, catalog §1.4), so concurrent callers — threads, asyncio tasks, or both, and every client
sharing the same store and key (`TokenManager.for_connection`) — wait for one refresh and reuse its result.
A store with a `refresh_lock(key)` context manager (`FileTokenStore`: an OS file lock) extends this to
processes sharing the store.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import os
import tempfile
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import platformdirs

from anil.sdk._errors import ContaAzulError

if TYPE_CHECKING:
    from anil.sdk._auth import OAuth

__all__ = [
    "AsyncTokenStore",
    "FileTokenStore",
    "MemoryTokenStore",
    "NoToken",
    "Token",
    "TokenManager",
    "TokenStore",
    "default_config_dir",
]


@dataclass
class Token:
    """A token pair; `repr` hides the secrets."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_at: float | None = None
    token_type: str = "Bearer"
    scope: str | None = None
    id_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_response(cls, body: dict[str, Any], now: float | None = None) -> Token:
        expires_in = body.get("expires_in")
        now = time.time() if now is None else now
        return cls(
            access_token=body["access_token"],
            refresh_token=body.get("refresh_token"),
            expires_at=now + float(expires_in) if expires_in is not None else None,
            token_type=body.get("token_type") or "Bearer",
            scope=body.get("scope"),
            id_token=body.get("id_token"),
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Token:
        known = {k: data.get(k) for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        if self.expires_at is None:
            return False
        return self.expires_at - seconds <= (time.time() if now is None else now)


@runtime_checkable
class TokenStore(Protocol):
    """Where tokens live, one per connection key. Implement these three for your own database."""

    def load(self, key: str) -> Token | None: ...

    def save(self, key: str, token: Token) -> None: ...

    def delete(self, key: str) -> None: ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    """The same with coroutines, for an async database; usable by `AsyncContaAzul` only."""

    async def load(self, key: str) -> Token | None: ...

    async def save(self, key: str, token: Token) -> None: ...

    async def delete(self, key: str) -> None: ...


class MemoryTokenStore:
    def __init__(self, tokens: dict[str, Token] | None = None) -> None:
        self._tokens = dict(tokens or {})
        self._lock = threading.Lock()

    def load(self, key: str) -> Token | None:
        with self._lock:
            return self._tokens.get(key)

    def save(self, key: str, token: Token) -> None:
        with self._lock:
            self._tokens[key] = token

    def delete(self, key: str) -> None:
        with self._lock:
            self._tokens.pop(key, None)

    def keys(self) -> list[str]:
        with self._lock:
            return sorted(self._tokens)


def default_config_dir(app: str = "anil") -> Path:
    """`$ANIL_CONFIG_DIR` if set, else the platform's user config dir (platformdirs: `$XDG_CONFIG_HOME/anil`,
    default `~/.config/anil` on Linux; `~/Library/Application Support/anil` on macOS; `%APPDATA%\\anil`
    on Windows)."""
    override = os.environ.get("ANIL_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(app, appauthor=False))


def _lock_file(handle: Any) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


def _unlock_file(handle: Any) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class FileTokenStore:
    """Tokens as one JSON object `{key: token}` in a file (default `<config dir>/tokens.json`)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_config_dir() / "tokens.json"
        self._lock = threading.Lock()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tokens-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, sort_keys=True)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def load(self, key: str) -> Token | None:
        with self._lock:
            entry = self._read().get(key)
        return Token.from_dict(entry) if isinstance(entry, dict) else None

    def save(self, key: str, token: Token) -> None:
        with self._lock:
            data = self._read()
            data[key] = token.to_dict()
            self._write(data)

    def delete(self, key: str) -> None:
        with self._lock:
            data = self._read()
            if data.pop(key, None) is not None:
                self._write(data)

    def keys(self) -> list[str]:
        with self._lock:
            return sorted(self._read())

    @contextlib.contextmanager
    def refresh_lock(self, key: str) -> Iterator[None]:
        """An exclusive OS file lock (`tokens.json.lock`) held while a token is refreshed, so processes
        sharing the file (several CLI runs, workers) refresh one at a time and reuse each other's result."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a+b") as handle:
            _lock_file(handle)
            try:
                yield
            finally:
                _unlock_file(handle)


class NoToken(ContaAzulError):
    """The store holds no usable token for this connection (log in first)."""


class TokenManager:
    """The auth object of a client for one connection (`store` + `key`), refreshing through `oauth`."""

    _shared: weakref.WeakValueDictionary[tuple[int, str], TokenManager] = weakref.WeakValueDictionary()
    _shared_lock = threading.Lock()

    def __init__(
        self,
        oauth: OAuth | None,
        store: TokenStore | AsyncTokenStore,
        key: str = "default",
        *,
        leeway: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.oauth = oauth
        self.store = store
        self.key = key
        self.leeway = leeway
        self.clock = clock
        self.refreshes = 0
        self._lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    @classmethod
    def for_connection(
        cls, oauth: OAuth | None, store: TokenStore | AsyncTokenStore, key: str = "default", **kwargs: Any
    ) -> TokenManager:
        """The one manager of (`store`, `key`) in this process, so every client of a company shares its
        refresh."""
        with cls._shared_lock:
            manager = cls._shared.get((id(store), key))
            if manager is None or manager.store is not store:
                manager = cls(oauth, store, key, **kwargs)
                cls._shared[(id(store), key)] = manager
            elif oauth is not None and manager.oauth is None:
                manager.oauth = oauth
            return manager

    # ---------------------------------------------------------------------------------- common ----

    def _load(self) -> Token:
        token = self.store.load(self.key)
        if token is None:
            raise NoToken(f"no token stored for {self.key!r}")
        return token

    async def _aload(self) -> Token:
        token = self.store.load(self.key)
        if inspect.isawaitable(token):
            token = await token
        if token is None:
            raise NoToken(f"no token stored for {self.key!r}")
        return token

    async def _asave(self, token: Token) -> None:
        saved = self.store.save(self.key, token)
        if inspect.isawaitable(saved):
            await saved

    def _usable(self, token: Token) -> bool:
        return not token.expires_within(self.leeway, self.clock())

    def _can_refresh(self, token: Token) -> bool:
        return self.oauth is not None and bool(token.refresh_token)

    def _fresh_enough(self, current: Token, stale: str | None) -> bool:
        """Another caller already replaced the `stale` access token with a usable one."""
        return current.access_token != stale and self._usable(current)

    # ------------------------------------------------------------------------------------ sync ----

    def _store_lock(self) -> contextlib.AbstractContextManager[Any]:
        """The store's own cross-process lock (`refresh_lock(key)`, e.g. `FileTokenStore`'s), if it has one."""
        hook = getattr(self.store, "refresh_lock", None)
        return hook(self.key) if hook is not None else contextlib.nullcontext()

    def _refresh(self, stale: str | None) -> Token | None:
        with self._lock, self._store_lock():
            current = self._load()
            if self._fresh_enough(current, stale):
                return current
            if not self._can_refresh(current):
                return None
            assert self.oauth is not None and current.refresh_token is not None
            new = self.oauth.refresh(current.refresh_token)
            if new.refresh_token is None:
                new.refresh_token = current.refresh_token
            self.store.save(self.key, new)
            self.refreshes += 1
            return new

    def token(self) -> str:
        current = self._load()
        if self._usable(current) or not self._can_refresh(current):
            return current.access_token
        new = self._refresh(current.access_token)
        return (new or current).access_token

    def refresh_after(self, stale: str) -> str | None:
        new = self._refresh(stale)
        return new.access_token if new is not None else None

    # ----------------------------------------------------------------------------------- async ----

    @contextlib.asynccontextmanager
    async def _alocked(self) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        lock = self._async_locks.get(loop)
        if lock is None:
            lock = self._async_locks.setdefault(loop, asyncio.Lock())
        async with lock:
            # The thread lock too, so tasks of other event loops (and threads) are serialised as well,
            # without blocking this loop while another thread refreshes.
            while not self._lock.acquire(blocking=False):
                await asyncio.sleep(0.005)
            try:
                store_lock = self._store_lock()
                await asyncio.to_thread(store_lock.__enter__)
                try:
                    yield
                finally:
                    store_lock.__exit__(None, None, None)
            finally:
                self._lock.release()

    async def _arefresh(self, stale: str | None) -> Token | None:
        async with self._alocked():
            current = await self._aload()
            if self._fresh_enough(current, stale):
                return current
            if not self._can_refresh(current):
                return None
            assert self.oauth is not None and current.refresh_token is not None
            new = await self.oauth.arefresh(current.refresh_token)
            if new.refresh_token is None:
                new.refresh_token = current.refresh_token
            await self._asave(new)
            self.refreshes += 1
            return new

    async def atoken(self) -> str:
        current = await self._aload()
        if self._usable(current) or not self._can_refresh(current):
            return current.access_token
        new = await self._arefresh(current.access_token)
        return (new or current).access_token

    async def arefresh_after(self, stale: str) -> str | None:
        new = await self._arefresh(stale)
        return new.access_token if new is not None else None
