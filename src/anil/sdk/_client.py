"""`ContaAzul` and `AsyncContaAzul`: one surface, sync and async.

Shortest start::

    from anil.sdk import ContaAzul
    ca = ContaAzul(base_url="anil", access_token=TOKEN)     # or "production", or any URL
    for p in ca.pessoas.list(): print(p.nome)

Resource base API (how a resource group is declared — S2's `anil.sdk.resources`)
==============================================================================

One class per API group, written ONCE and used by both clients::

    from anil.sdk._client import Resource
    from anil.sdk._models import Model

    class Pessoa(Model):
        id: str | None = None
        nome: str | None = None

    class Pessoas(Resource):
        name = "pessoas"                      # exposed as client.pessoas (both clients)
        model = Pessoa                        # default cast of records (dicts → Pessoa)
        routes = {                            # (method, path as in app.routes) → method name,
            ("GET", "/v1/pessoas"): "list",   # read by the route coverage test
            ("GET", "/v1/pessoas/{id}"): "get",
            ("POST", "/v1/pessoas"): "create",
        }

        def list(self, **filters):
            return self._list("/v1/pessoas", filters)

        def get(self, id):
            return self._get(f"/v1/pessoas/{id}")

        def create(self, body=None, **fields):
            return self._post("/v1/pessoas", self._body(body, fields))

The rule that makes one definition serve both clients: a method RETURNS what the helper returns, without
awaiting or inspecting it — on `ContaAzul` a helper returns the result, on `AsyncContaAzul` an awaitable
(or an `AsyncPager` for `_list`). Post-process only through `cast=`.

Helpers (all on `Resource`):
- `_get(path, params=None, *, cast=None)`, `_post(path, json=None, *, params=None, cast=None)`,
  `_put(...)`, `_patch(...)`, `_delete(path, json=None, *, params=None, cast=None)` (DELETE may carry a
  JSON body): the parsed answer; a dict becomes `cast` (default `self.model`, else `Model`), a list of
  dicts a list of them, anything else (int, None for 204, text) as is. `cast` may be a `Model` subclass,
  any callable taking the parsed JSON, or `RAW` (no conversion).
- `_list(path, params=None, *, cast=None, page_size=100, paged=True)`: a `SyncPager`/`AsyncPager` over
  any envelope of catalog §2.2; `cast` applies to each item; `paged=False` sends no `pagina`/
  `tamanho_pagina` and reads one page (bare arrays, `{itens}` alone). A `pagina` in `params` sets the
  starting page, a `tamanho_pagina` the page size.
- `_bytes(path, params=None)`: the body as bytes (PDFs).
- `_wait_protocol(id, timeout=60.0, interval=0.5)`: polls `GET /v1/protocolo/{id}` until `SUCCESS`
  (returns the protocol) or `ERROR` (raises `ProtocolFailed`); `ProtocolTimeout` after `timeout` s.
- `self._body(body, fields)`: a model or dict merged with keyword fields, ready to send.

Query parameters: `None` values are dropped, booleans sent as `true`/`false`, dates/UUIDs/Decimals as
text, lists as repeated keys. Bodies: models by their API field names (unset fields left out), Decimal
written exactly.

Clients: `ContaAzul(base_url="production"|"anil"|URL, access_token=..., *, auth=None, timeout=30.0,
max_retries=2, retry_writes=False, transport=None, http_client=None, sleep=None, headers=None,
oauth=None, token_store=None, company=None, refresh_token=None)`; `AsyncContaAzul` the same (its `sleep` a
coroutine function). A connection per company: `oauth=OAuth(...)`, `token_store=` (default memory) and
`company=` (the store key) make the client use that company's stored token, refreshed before expiry and
after a 401, single-flight (`anil.sdk._tokens.TokenManager`); `auth=` takes any auth object. Low-level calls for paths no resource
covers: `client.get/post/put/patch/delete(path, ...)` and `client.paginate(path, params)`;
`client.wait_protocol(id)`, `client.revoke_connection(id_empresa)`. In-process: `transport=` an
`httpx.ASGITransport(app)` (async client) or `anil.sdk.SyncASGITransport(app)` (sync client).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as _dt
import enum
import inspect
import logging
import os
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any, ClassVar

import httpx

from anil.sdk._auth import OAuth, StaticToken
from anil.sdk._errors import APIConnectionError, APITimeoutError, ProtocolFailed, ProtocolTimeout, error_for
from anil.sdk._http import RetryPolicy
from anil.sdk._models import Model, dumps, loads, read_as
from anil.sdk._pagination import AsyncPager, SyncPager
from anil.sdk._tokens import AsyncTokenStore, MemoryTokenStore, Token, TokenManager, TokenStore

__all__ = ["BASE_URLS", "RAW", "AsyncContaAzul", "ContaAzul", "Resource", "resolve_base_url"]

BASE_URLS = {
    "production": "https://api-v2.contaazul.com",
    "anil": "http://localhost:8000",
}
DEFAULT_TIMEOUT = 30.0
USER_AGENT = "anil-sdk-python"
log = logging.getLogger("anil.sdk")


class _Raw:
    def __repr__(self) -> str:
        return "RAW"


RAW: Any = _Raw()
"""`cast=RAW`: return the parsed JSON as is."""


def resolve_base_url(base_url: str | None) -> str:
    """A preset name (`production`, `anil`) or a URL; None reads `ANIL_API_BASE_URL`, else production."""
    value = base_url or os.environ.get("ANIL_API_BASE_URL") or "production"
    return BASE_URLS.get(value, value).rstrip("/")


def _param(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _param(value.value)
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    return value


def clean_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            out[key] = [_param(v) for v in value]
        else:
            out[key] = _param(value)
    return out


def _cast(value: Any, cast: Any) -> Any:
    if cast is RAW:
        return value
    if isinstance(cast, type) and issubclass(cast, Model):
        if isinstance(value, dict):
            return read_as(cast, value)
        if isinstance(value, list):
            return [read_as(cast, v) if isinstance(v, dict) else v for v in value]
        return value
    return cast(value)


class Resource:
    """Base of every resource group (see the module docstring)."""

    name: ClassVar[str] = ""
    model: ClassVar[type[Model]] = Model
    routes: ClassVar[dict[tuple[str, str], str]] = {}
    registry: ClassVar[dict[str, type[Resource]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("name"):
            Resource.registry[cls.name] = cls

    def __init__(self, client: ContaAzul | AsyncContaAzul) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"

    def _cast_of(self, cast: Any) -> Any:
        return self.model if cast is None else cast

    @staticmethod
    def _body(body: Any = None, fields: Mapping[str, Any] | None = None) -> Any:
        if body is None:
            return dict(fields or {}) if fields else None
        if fields:
            if isinstance(body, Model):
                body = body.model_dump(by_alias=True, exclude_unset=True)
            return {**body, **fields}
        return body

    def _get(self, path: str, params: Mapping[str, Any] | None = None, *, cast: Any = None) -> Any:
        return self._client._call("GET", path, params=params, cast=self._cast_of(cast))

    def _post(
        self, path: str, json: Any = None, *, params: Mapping[str, Any] | None = None, cast: Any = None
    ) -> Any:
        return self._client._call("POST", path, params=params, json=json, cast=self._cast_of(cast))

    def _put(
        self, path: str, json: Any = None, *, params: Mapping[str, Any] | None = None, cast: Any = None
    ) -> Any:
        return self._client._call("PUT", path, params=params, json=json, cast=self._cast_of(cast))

    def _patch(
        self, path: str, json: Any = None, *, params: Mapping[str, Any] | None = None, cast: Any = None
    ) -> Any:
        return self._client._call("PATCH", path, params=params, json=json, cast=self._cast_of(cast))

    def _delete(
        self, path: str, json: Any = None, *, params: Mapping[str, Any] | None = None, cast: Any = None
    ) -> Any:
        return self._client._call("DELETE", path, params=params, json=json, cast=self._cast_of(cast))

    def _bytes(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        return self._client._call("GET", path, params=params, as_bytes=True)

    def _list(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        cast: Any = None,
        page_size: int = 100,
        paged: bool = True,
    ) -> Any:
        return self._client.paginate(path, params, cast=self._cast_of(cast), page_size=page_size, paged=paged)

    def _wait_protocol(self, id: str, timeout: float = 60.0, interval: float = 0.5) -> Any:
        return self._client.wait_protocol(id, timeout=timeout, interval=interval)


class _BaseClient:
    def __init__(
        self,
        base_url: str | None = None,
        access_token: str | None = None,
        *,
        auth: Any = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_writes: bool = False,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        oauth: OAuth | None = None,
        token_store: TokenStore | AsyncTokenStore | None = None,
        company: str | None = None,
        refresh_token: str | None = None,
    ) -> None:
        self.base_url = resolve_base_url(base_url)
        if auth is None and (oauth is not None or token_store is not None):
            store = token_store if token_store is not None else MemoryTokenStore()
            key = company or "default"
            is_async_store = inspect.iscoroutinefunction(store.load)
            if access_token is not None and not is_async_store and store.load(key) is None:
                store.save(key, Token(access_token, refresh_token))
            auth = TokenManager.for_connection(oauth, store, key)
        elif auth is None and access_token is not None:
            auth = StaticToken(access_token)
        self.auth = auth
        self.timeout = timeout
        self.retry = retry or RetryPolicy(max_retries=max_retries, retry_writes=retry_writes)
        self._headers = {"Accept": "application/json", "User-Agent": USER_AGENT, **(headers or {})}
        self._resources: dict[str, Resource] = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def __getattr__(self, name: str) -> Resource:
        if name.startswith("_"):
            raise AttributeError(name)
        resources = self.__dict__.get("_resources")
        if resources is None:
            raise AttributeError(name)
        if name in resources:
            return resources[name]
        if name not in Resource.registry:
            with contextlib.suppress(ImportError):
                import anil.sdk.resources  # noqa: F401  (registers the groups)
        cls = Resource.registry.get(name)
        if cls is None:
            raise AttributeError(f"{type(self).__name__} has no resource or attribute {name!r}")
        resources[name] = cls(self)  # type: ignore[arg-type]
        return resources[name]

    def _build(
        self, method: str, path: str, params: Any, json: Any, token: str | None, request_id: str
    ) -> httpx.Request:
        headers = dict(self._headers)
        headers["X-Request-Id"] = request_id
        if token:
            headers["Authorization"] = f"Bearer {token}"
        content = None
        if json is not None:
            content = dumps(json).encode()
            headers["Content-Type"] = "application/json"
        url = path if path.startswith(("http://", "https://")) else f"{self.base_url}/{path.lstrip('/')}"
        return httpx.Request(method, url, params=clean_params(params), headers=headers, content=content)

    @staticmethod
    def _parse(response: httpx.Response, as_bytes: bool) -> Any:
        if as_bytes:
            return response.content
        if not response.content:
            return None
        try:
            return loads(response.content)
        except ValueError:
            return response.text

    @classmethod
    def _raise_for(cls, response: httpx.Response, request_id: str) -> None:
        body = cls._parse(response, False)
        raise error_for(response.status_code)(
            status_code=response.status_code,
            body=body,
            request_id=response.headers.get("x-request-id") or request_id,
            response=response,
        )

    @staticmethod
    def _connection_error(error: Exception, request: httpx.Request) -> APIConnectionError:
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(f"timed out: {request.method} {request.url}", request)
        return APIConnectionError(
            f"{type(error).__name__}: {error} ({request.method} {request.url})", request
        )

    @staticmethod
    def _protocol_state(protocol: Any) -> str:
        return str(getattr(protocol, "status", "") or "").upper()


class ContaAzul(_BaseClient):
    """Synchronous client. `transport=` (any `httpx.BaseTransport`) or `http_client=` for tests and
    in-process use; `sleep=` replaces `time.sleep` between retries and protocol polls."""

    def __init__(
        self,
        base_url: str | None = None,
        access_token: str | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        sleep: Callable[[float], Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(base_url, access_token, **kwargs)
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(transport=transport, timeout=self.timeout)
        self._sleep = sleep or time.sleep

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ContaAzul:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _send(
        self, method: str, path: str, params: Any = None, json: Any = None
    ) -> tuple[httpx.Response, str]:
        request_id = uuid.uuid4().hex
        token = self.auth.token() if self.auth else None
        refreshed = False
        attempt = 0
        while True:
            request = self._build(method, path, params, json, token, request_id)
            try:
                response = self._http.send(request)
            except httpx.TransportError as error:
                delay = self.retry.delay_for_error(method, error, attempt)
                if delay is None:
                    raise self._connection_error(error, request) from error
                log.info(
                    "%s %s: %s, retry %d in %.2f s",
                    method,
                    request.url,
                    type(error).__name__,
                    attempt + 1,
                    delay,
                )
                self._sleep(delay)
                attempt += 1
                continue
            if response.status_code == 401 and self.auth and token and not refreshed:
                new = self.auth.refresh_after(token)
                if new is not None:
                    response.close()
                    token, refreshed = new, True
                    continue
            delay = self.retry.delay_for_response(method, response, attempt)
            if delay is None:
                return response, request_id
            log.info(
                "%s %s: %d, retry %d in %.2f s", method, request.url, response.status_code, attempt + 1, delay
            )
            response.close()
            self._sleep(delay)
            attempt += 1

    def request(
        self, method: str, path: str, *, params: Any = None, json: Any = None, as_bytes: bool = False
    ) -> Any:
        """One call: the parsed answer (JSON with Decimal money, bytes with `as_bytes`, None if empty);
        raises the `APIStatusError` subclass of the status otherwise."""
        method = method.upper()
        response, request_id = self._send(method, path, params, json)
        if response.status_code >= 400:
            self._raise_for(response, request_id)
        return self._parse(response, as_bytes)

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        json: Any = None,
        cast: Any = RAW,
        as_bytes: bool = False,
    ) -> Any:
        value = self.request(method, path, params=params, json=json, as_bytes=as_bytes)
        return value if as_bytes else _cast(value, cast)

    def get(self, path: str, params: Any = None, *, cast: Any = Model) -> Any:
        return self._call("GET", path, params=params, cast=cast)

    def post(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return self._call("POST", path, params=params, json=json, cast=cast)

    def put(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return self._call("PUT", path, params=params, json=json, cast=cast)

    def patch(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return self._call("PATCH", path, params=params, json=json, cast=cast)

    def delete(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return self._call("DELETE", path, params=params, json=json, cast=cast)

    def paginate(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        cast: Any = Model,
        page_size: int = 100,
        paged: bool = True,
    ) -> SyncPager[Any]:
        """Every item of a list endpoint, page after page (`for`), or `.page(n)`."""
        query = dict(params or {})
        start = int(query.pop("pagina", None) or 1)
        page_size = int(query.pop("tamanho_pagina", None) or page_size)

        def fetch(pagina: int, tamanho: int) -> Any:
            extra = {"pagina": pagina, "tamanho_pagina": tamanho} if paged else {}
            return self.request("GET", path, params={**query, **extra})

        def item(value: Any) -> Any:
            return _cast(value, cast)

        return SyncPager(fetch, item, page_size=page_size, start_page=start)

    def revoke_connection(self, id_empresa: str) -> None:
        """`DELETE /oauth/connections/{id_empresa}` (catalog §1.6): this app's connection to the company ends
        (204, idempotent); the access token keeps working until it expires, the refresh token dies."""
        self.request("DELETE", f"/oauth/connections/{id_empresa}")

    def wait_protocol(self, id: str, *, timeout: float = 60.0, interval: float = 0.5) -> Model:
        """Poll `GET /v1/protocolo/{id}` until SUCCESS (returned) or ERROR (`ProtocolFailed`)."""
        started, waited, pause = time.monotonic(), 0.0, interval
        while True:
            protocol = self.get(f"/v1/protocolo/{id}")
            state = self._protocol_state(protocol)
            if state == "SUCCESS":
                return protocol
            if state == "ERROR":
                raise ProtocolFailed(protocol)
            elapsed = max(waited, time.monotonic() - started)
            if elapsed >= timeout:
                raise ProtocolTimeout(protocol, timeout)
            step = min(pause, timeout - elapsed)
            self._sleep(step)
            waited += step
            pause = min(pause * 1.5, 5.0)


class AsyncContaAzul(_BaseClient):
    """Asynchronous twin of `ContaAzul` (`await`, `async for`); `transport=` takes an
    `httpx.AsyncBaseTransport` (e.g. `httpx.ASGITransport(app)` for in-process use)."""

    def __init__(
        self,
        base_url: str | None = None,
        access_token: str | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        sleep: Callable[[float], Awaitable[Any]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(base_url, access_token, **kwargs)
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(transport=transport, timeout=self.timeout)
        self._sleep = sleep or asyncio.sleep

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    close = aclose

    async def __aenter__(self) -> AsyncContaAzul:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()

    async def _send(
        self, method: str, path: str, params: Any = None, json: Any = None
    ) -> tuple[httpx.Response, str]:
        request_id = uuid.uuid4().hex
        token = await self.auth.atoken() if self.auth else None
        refreshed = False
        attempt = 0
        while True:
            request = self._build(method, path, params, json, token, request_id)
            try:
                response = await self._http.send(request)
            except httpx.TransportError as error:
                delay = self.retry.delay_for_error(method, error, attempt)
                if delay is None:
                    raise self._connection_error(error, request) from error
                log.info(
                    "%s %s: %s, retry %d in %.2f s",
                    method,
                    request.url,
                    type(error).__name__,
                    attempt + 1,
                    delay,
                )
                await self._sleep(delay)
                attempt += 1
                continue
            if response.status_code == 401 and self.auth and token and not refreshed:
                new = await self.auth.arefresh_after(token)
                if new is not None:
                    await response.aclose()
                    token, refreshed = new, True
                    continue
            delay = self.retry.delay_for_response(method, response, attempt)
            if delay is None:
                return response, request_id
            log.info(
                "%s %s: %d, retry %d in %.2f s", method, request.url, response.status_code, attempt + 1, delay
            )
            await response.aclose()
            await self._sleep(delay)
            attempt += 1

    async def request(
        self, method: str, path: str, *, params: Any = None, json: Any = None, as_bytes: bool = False
    ) -> Any:
        method = method.upper()
        response, request_id = await self._send(method, path, params, json)
        if response.status_code >= 400:
            self._raise_for(response, request_id)
        return self._parse(response, as_bytes)

    async def _call(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        json: Any = None,
        cast: Any = RAW,
        as_bytes: bool = False,
    ) -> Any:
        value = await self.request(method, path, params=params, json=json, as_bytes=as_bytes)
        return value if as_bytes else _cast(value, cast)

    async def get(self, path: str, params: Any = None, *, cast: Any = Model) -> Any:
        return await self._call("GET", path, params=params, cast=cast)

    async def post(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return await self._call("POST", path, params=params, json=json, cast=cast)

    async def put(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return await self._call("PUT", path, params=params, json=json, cast=cast)

    async def patch(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return await self._call("PATCH", path, params=params, json=json, cast=cast)

    async def delete(self, path: str, json: Any = None, *, params: Any = None, cast: Any = Model) -> Any:
        return await self._call("DELETE", path, params=params, json=json, cast=cast)

    def paginate(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        cast: Any = Model,
        page_size: int = 100,
        paged: bool = True,
    ) -> AsyncPager[Any]:
        query = dict(params or {})
        start = int(query.pop("pagina", None) or 1)
        page_size = int(query.pop("tamanho_pagina", None) or page_size)

        async def fetch(pagina: int, tamanho: int) -> Any:
            extra = {"pagina": pagina, "tamanho_pagina": tamanho} if paged else {}
            return await self.request("GET", path, params={**query, **extra})

        def item(value: Any) -> Any:
            return _cast(value, cast)

        return AsyncPager(fetch, item, page_size=page_size, start_page=start)

    async def revoke_connection(self, id_empresa: str) -> None:
        await self.request("DELETE", f"/oauth/connections/{id_empresa}")

    async def wait_protocol(self, id: str, *, timeout: float = 60.0, interval: float = 0.5) -> Model:
        started, waited, pause = time.monotonic(), 0.0, interval
        while True:
            protocol = await self.get(f"/v1/protocolo/{id}")
            state = self._protocol_state(protocol)
            if state == "SUCCESS":
                return protocol
            if state == "ERROR":
                raise ProtocolFailed(protocol)
            elapsed = max(waited, time.monotonic() - started)
            if elapsed >= timeout:
                raise ProtocolTimeout(protocol, timeout)
            step = min(pause, timeout - elapsed)
            await self._sleep(step)
            waited += step
            pause = min(pause * 1.5, 5.0)
