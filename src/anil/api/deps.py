"""Dependencies shared by the routers. All async and CPU-only, so a request pays one thread hop at most
(the database work), never one per dependency."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request

from anil.api.runtime import Runtime
from anil.auth.tokens import AccessClaims
from anil.errors import NotFound, Unauthorized


def runtime_of(request: Request) -> Runtime:
    return request.app.state.runtime


async def runtime(request: Request) -> Runtime:
    """Async on purpose: FastAPI runs a plain `def` dependency in the thread pool, one extra hop per request."""
    return runtime_of(request)


async def current_tenant(request: Request) -> AccessClaims:
    """Bearer token → the company it is bound to; then the company's rate limit."""
    header = request.headers.get("authorization")
    if not header:
        raise Unauthorized("Token de acesso não informado")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Token de acesso não informado")
    rt: Runtime = request.app.state.runtime
    claims = rt.verifier.verify(token.strip())
    await rt.limiter.hit(claims.empresa_id)
    return claims


Tenant = Annotated[AccessClaims, Depends(current_tenant)]
RuntimeDep = Annotated[Runtime, Depends(runtime)]


async def require_admin(request: Request) -> None:
    """`/_anil/*` exists only in sandbox mode and only for the holder of the admin key."""
    rt: Runtime = request.app.state.runtime
    if not rt.settings.sandbox_on:
        raise NotFound("Not Found")
    expected = request.app.state.admin_key
    given = request.headers.get("x-anil-admin-key", "")
    if not expected or not secrets.compare_digest(given, expected):
        raise Unauthorized("Chave de administração ausente ou inválida (cabeçalho X-Anil-Admin-Key)")
