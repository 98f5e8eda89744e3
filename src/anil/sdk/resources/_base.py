"""How a resource declares its operations once, for `ContaAzul` and `AsyncContaAzul` alike.

An operation is a method decorated with `@endpoint(METHOD, "/v1/path/{param}", returns=…)` whose body only
*describes* the request (returns a `Call`: the path's values, the query, the JSON body). The decorator turns
it into a descriptor: on a resource of a sync client the method sends the request and returns the parsed
answer; on a resource of an async client the same method returns an awaitable (or an `AsyncPager` for
lists). One definition, two clients::

    class Pessoas(Resource):
        @endpoint("GET", "/v1/pessoas", returns=Pessoa, paginated=True)
        def list(self, **filtros: Any) -> Call:
            return Call(params=filtros)

`returns` is a `Model` subclass (the answer, or each listed item, is validated into it), `list[Model]`-like
through `paginated=True` (a `SyncPager`/`AsyncPager` over every page, whatever the envelope), `bytes`
(`imprimir`), `None` (204 answers, nothing returned); by default `Model` (any JSON object readable by
attribute, a number or a list as sent, `Decimal` money).

Every declared `(METHOD, path)` lands in the class's `routes` (`→ method name`), which the route coverage
test checks the server's `/v1` routes against.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import quote

from anil.sdk._client import RAW, AsyncContaAzul
from anil.sdk._client import Resource as _CoreResource
from anil.sdk._models import Model, read_as, to_jsonable
from anil.sdk._pagination import AsyncPager, SyncPager

__all__ = ["Call", "Endpoint", "Resource", "body_of", "endpoint"]

_MISSING: Any = object()


@dataclass
class Call:
    """What one operation sends: values for the path's `{…}`, query parameters and JSON body."""

    path: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] | None = None
    json: Any = _MISSING
    page_size: int | None = None
    limit: int | None = None

    @classmethod
    def listing(cls, filtros: dict[str, Any], **path: Any) -> Call:
        """A list's call: `page_size=` (each page's `tamanho_pagina`) and `limit=` (stop after that many
        items) taken out of the keyword filters, the rest sent as the query."""
        page_size = filtros.pop("page_size", None)
        limit = filtros.pop("limit", None)
        return cls(path=path, params=filtros, page_size=page_size, limit=limit)


def body_of(body: Any = None, **fields: Any) -> Any:
    """A request body from a model, a dict and/or keyword fields (the keywords win)."""
    if body is None:
        return to_jsonable(fields)
    data = to_jsonable(body)
    if fields:
        if not isinstance(data, dict):
            raise TypeError("keyword fields need a dict or model body")
        data = {**data, **to_jsonable(fields)}
    return data


def _segment(value: Any) -> str:
    """A path value: a record stands for its `id`; quoted, so an id can never reach another path."""
    if isinstance(value, Model):
        value = getattr(value, "id", None)
    if value is None or value == "":
        raise ValueError("an id is required")
    return quote(str(value), safe="")


class Endpoint:
    """The descriptor `@endpoint` makes of a request-describing method."""

    def __init__(
        self,
        method: str,
        path: str,
        describe: Callable[..., Call],
        *,
        returns: Any,
        paginated: bool,
        page_size: int,
    ) -> None:
        self.method = method.upper()
        self.path = path
        self.describe = describe
        self.returns = returns
        self.paginated = paginated
        self.page_size = page_size
        self.name = describe.__name__
        functools.update_wrapper(self, describe)  # type: ignore[arg-type]

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, resource: Resource | None, owner: type | None = None) -> Any:
        if resource is None:
            return self

        @functools.wraps(self.describe)
        def bound(*args: Any, **kwargs: Any) -> Any:
            return resource._run(self, self.describe(resource, *args, **kwargs))

        return bound

    def url(self, call: Call) -> str:
        return self.path.format(**{k: _segment(v) for k, v in call.path.items()})


def endpoint(
    method: str, path: str, *, returns: Any = Model, paginated: bool = False, page_size: int = 100
) -> Callable[[Callable[..., Call]], Endpoint]:
    """Declare a method as the operation `METHOD path` (see the module's docstring)."""

    def decorate(describe: Callable[..., Call]) -> Endpoint:
        return Endpoint(method, path, describe, returns=returns, paginated=paginated, page_size=page_size)

    return decorate


def _cast(returns: Any) -> Any:
    if returns is None:
        return _nothing
    return returns


def _nothing(_value: Any) -> None:
    return None


class Resource(_CoreResource):
    """One API group, declared through `@endpoint` methods; S1's `anil.sdk._client.Resource` underneath
    (its registry makes `client.<name>` and its helpers send). `routes` is filled from the endpoints:
    `(METHOD, path) → method name` (`child.method` for a sub-resource's, e.g. `contas_a_receber.create`).
    `children` are sub-resources reached as attributes (`client.financeiro.baixas`)."""

    children: ClassVar[dict[str, type[Resource]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        routes: dict[tuple[str, str], str] = {}
        for klass in reversed(cls.__mro__):
            for value in vars(klass).values():
                if isinstance(value, Endpoint):
                    routes[(value.method, value.path)] = value.name
        for attr, child in cls.__dict__.get("children", {}).items():
            for key, where in child.routes.items():
                routes[key] = f"{attr}.{where}"
        cls.routes = routes

    def __getattr__(self, name: str) -> Any:
        child = type(self).children.get(name)
        if child is None:
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")
        instance = child(self._client)
        setattr(self, name, instance)
        return instance

    @property
    def _is_async(self) -> bool:
        return isinstance(self._client, AsyncContaAzul)

    def _run(self, ep: Endpoint, call: Call) -> Any:
        url = ep.url(call)
        json = None if call.json is _MISSING else call.json
        params = dict(call.params or {})
        if not ep.paginated:
            return self._client._call(
                ep.method, url, params=params, json=json, cast=_cast(ep.returns), as_bytes=ep.returns is bytes
            )
        size = call.page_size or ep.page_size
        if ep.method == "GET":
            pager = self._client.paginate(url, params, cast=_cast(ep.returns), page_size=size)
            pager.limit = call.limit
            return pager
        return self._body_pager(ep, url, params, json, size, call.limit)

    def _body_pager(
        self, ep: Endpoint, url: str, params: dict[str, Any], json: Any, size: int, limit: int | None
    ) -> Any:
        """A list asked for with a JSON body (the older `POST /v1/venda/busca`), paging in the query."""
        cast = _cast(ep.returns)

        def item(value: Any) -> Any:
            return read_as(cast, value) if isinstance(value, dict) and cast is not RAW else value

        client = self._client
        if self._is_async:

            async def fetch_async(pagina: int, tamanho: int) -> Any:
                query = {**params, "pagina": pagina, "tamanho_pagina": tamanho}
                return await client.request(ep.method, url, params=query, json=json)

            return AsyncPager(fetch_async, item, page_size=size, limit=limit)

        def fetch(pagina: int, tamanho: int) -> Any:
            return client.request(
                ep.method, url, params={**params, "pagina": pagina, "tamanho_pagina": tamanho}, json=json
            )

        return SyncPager(fetch, item, page_size=size, limit=limit)
