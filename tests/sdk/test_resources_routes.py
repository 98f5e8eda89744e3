"""Route coverage: every `/v1` route of the server has an SDK method, and every SDK method a route.

Excepted: OAuth and `/_anil/` (not under `/v1`), the older-revision paths `/v1/pessoa*` and `/v1/produto*`
(legacy API), bench routes, and the routes kept out of the OpenAPI schema (`include_in_schema=False`: the
405 answers orçamentos give to PUT/PATCH/DELETE, which are refusals, not operations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI

from anil.sdk import ContaAzul
from anil.sdk.resources import routes

LEGACY = ("/v1/pessoa", "/v1/produto")


def _flatten(routes_: Iterable[Any]) -> Iterator[Any]:
    """The app's routes, routers included through FastAPI's lazy `_IncludedRouter` (0.16x) flattened."""
    for route in routes_:
        candidates = getattr(route, "effective_candidates", None)
        if candidates is not None:
            yield from _flatten(candidates())
        else:
            yield route


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def _legacy(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in LEGACY)


def server_routes(app: FastAPI, *, legacy: bool = False) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for route in _flatten(app.routes):
        original = getattr(route, "original_route", route)
        path = getattr(route, "path", "") or getattr(original, "path", "")
        if not path.startswith("/v1/") or (_legacy(path) and not legacy):
            continue
        if not getattr(route, "include_in_schema", getattr(original, "include_in_schema", True)):
            continue
        for method in getattr(original, "methods", None) or ():
            if method != "HEAD":
                found.add((method, _shape(path)))
    return found


def sdk_routes() -> dict[tuple[str, str], str]:
    return {(method, _shape(path)): where for (method, path), where in routes().items()}


def uncovered(app: FastAPI) -> list[tuple[str, str]]:
    return sorted(server_routes(app) - set(sdk_routes()))


def test_every_v1_route_of_the_server_has_an_sdk_method(app: FastAPI) -> None:
    assert len(server_routes(app)) >= 60
    assert uncovered(app) == [], "server routes without an SDK method (declare them in anil.sdk.resources)"


def test_every_sdk_method_names_a_route_the_server_has(app: FastAPI) -> None:
    stale = sorted(set(sdk_routes()) - server_routes(app, legacy=True))
    assert stale == []


def test_the_legacy_routes_have_sdk_methods_too(app: FastAPI) -> None:
    """Not required (legacy API), but `pessoa_legado` and `produto_legado` cover them."""
    legacy = server_routes(app, legacy=True) - server_routes(app)
    assert len(legacy) == 12
    assert sorted(legacy - set(sdk_routes())) == []


def test_each_declared_method_is_callable_on_both_clients() -> None:
    from anil.sdk import AsyncContaAzul

    for client in (
        ContaAzul(base_url="anil", access_token="x"),
        AsyncContaAzul(base_url="anil", access_token="x"),
    ):
        for where in routes().values():
            target: Any = client
            for part in where.split("."):
                target = getattr(target, part)
            assert callable(target), where


def test_a_new_route_without_an_sdk_method_fails_the_check(app: FastAPI) -> None:
    def nova() -> dict[str, str]:
        return {}

    app.add_api_route("/v1/nova-coisa/{id}", nova, methods=["GET"])
    app.add_api_route("/v1/pessoa/nova-coisa", nova, methods=["GET"])  # legacy: excepted
    assert uncovered(app) == [("GET", "/v1/nova-coisa/{}")]
